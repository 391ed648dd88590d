package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Choosing an option with the keys away changes the screen in place: nothing
// takes the focus, no keys come up, and the page stays where it was scrolled.
func TestChoosingAnOptionKeepsFocusScrollAndKeyboard(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarnessWith(t, harnessOptions{settings: testConfig{OnScreenKeyboard: true, CardEntry: "terminal"}, card: practiceTerminal(t)})
		h.goToPay(t, lang)           // the form that offers a card, at the terminal
		h.tapKey(t, "keyboard.hide") // the keys put away
		scroll := h.kiosk.keyboard.Scroll()
		scroll.ScrollToOffset(fyne.NewPos(0, 120))
		form := h.payForm()
		for _, tap := range []struct {
			name   string
			button func() fyne.Tappable
		}{
			{"checking", func() fyne.Tappable { return form.accountType.buttons[client.BankChecking] }},
			{"savings", func() fyne.Tappable { return form.accountType.buttons[client.BankSavings] }},
			{"card", func() fyne.Tappable { return form.kind.buttons[client.KindCard] }},
			{"bank", func() fyne.Tappable { return form.kind.buttons[client.KindBank] }},
		} {
			offset := scroll.Offset
			test.Tap(tap.button())
			if f := h.win.Canvas().Focused(); f != nil {
				t.Errorf("%s %s: %T took the focus", lang, tap.name, f)
			}
			if h.kiosk.keyboard.Dock().Visible() {
				t.Errorf("%s %s: the on-screen keyboard came up", lang, tap.name)
			}
			if scroll.Offset != offset || h.kiosk.keyboard.Scroll() != scroll {
				t.Errorf("%s %s: the page moved from %v to %v (or was rebuilt)", lang, tap.name, offset, scroll.Offset)
			}
		}
		if h.kiosk.visit.fields[fieldBankType] != client.BankSavings || h.payForm() != form {
			t.Errorf("%s: the choices were not kept in place", lang)
		}
	}
}

// No screen has a scroll area inside its scrolling page: a finger on the inner one
// would scroll it, not the page.
func TestNoScrollAreaInsideAScrollArea(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "es")
	for _, id := range sortedScreens(h) {
		h.kiosk.show(id)
		if id == screenRegister {
			fetchTerms(h.kiosk) // the terms, on the page
			h.settle()
		}
		keyboard.Walk(h.win.Canvas().Content(), func(o fyne.CanvasObject) bool {
			outer, ok := o.(*container.Scroll)
			if !ok {
				return true
			}
			keyboard.Walk(outer.Content, func(inner fyne.CanvasObject) bool {
				if _, nested := inner.(*container.Scroll); nested {
					t.Errorf("%s: a scroll area inside the page's", id)
				}
				return true
			})
			return false
		})
	}
}

// A chosen option shows a check mark and an outline in the theme's primary colour,
// in both themes, and never the filled look of the screen's one primary action;
// the others show an empty circle and no outline. The outline follows a change of
// theme made while the screen is on show.
func TestAChosenOptionHasACheckAndAnOutlineInBothThemes(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{settings: testConfig{CardEntry: "terminal"}, card: practiceTerminal(t)})
	h.goToPay(t, "es") // the form that offers a card, at the terminal
	for _, contrast := range []bool{false, true} {
		test.Tap(h.kiosk.page.chrome.look)
		if h.kiosk.look.current.highContrast != contrast {
			test.Tap(h.kiosk.look.menu.contrast)
		}
		test.Tap(h.kiosk.look.menu.close)
		form := h.payForm()
		for _, c := range []struct {
			choice *choice
			pick   string
		}{{form.accountType, client.BankSavings}, {form.accountType, client.BankChecking}, {form.kind, client.KindBank}} {
			test.Tap(c.choice.buttons[c.pick])
			for option, b := range c.choice.buttons {
				outline := c.choice.outlines[option]
				chosen := option == c.pick
				wantIcon := theme.RadioButtonIcon()
				if chosen {
					wantIcon = theme.RadioButtonCheckedIcon()
				}
				if b.Icon.Name() != wantIcon.Name() || outline.Visible() != chosen {
					t.Errorf("contrast %v, %s chosen: %s shows %s, outline %v", contrast, c.pick, option, b.Icon.Name(), outline.Visible())
				}
				drawn := test.WidgetRenderer(outline).Objects()[0].(*canvas.Rectangle)
				if chosen && drawn.StrokeColor != theme.Color(theme.ColorNamePrimary) {
					t.Errorf("contrast %v: the outline is %v, not the theme's primary %v", contrast, drawn.StrokeColor, theme.Color(theme.ColorNamePrimary))
				}
				if b.Importance == widget.HighImportance {
					t.Errorf("contrast %v: option %s looks like the primary action", contrast, option)
				}
			}
		}
	}
}

// Choosing an option with the keys up puts them away, with the choice and the
// screen's primary action in view: Continue is no longer half under the keypad,
// and no key is left to type into the bank's fields once a card is chosen.
func TestChoosingAnOptionPutsTheKeysAway(t *testing.T) {
	for _, size := range landscapePanels {
		h := newHarnessWith(t, harnessOptions{settings: testConfig{OnScreenKeyboard: true, CardEntry: "terminal"}, card: practiceTerminal(t)})
		h.win.Resize(size)
		h.goToPay(t, "es") // the form that offers a card, at the terminal
		form := h.payForm()
		for _, tap := range []struct {
			name   string
			field  *field
			button func() *kwidget.Button
		}{
			{"checking", form.bankAccount, func() *kwidget.Button { return form.accountType.buttons[client.BankChecking] }},
			{"card", form.bankHolder, func() *kwidget.Button { return form.kind.buttons[client.KindCard] }},
		} {
			keyboard.ScrollIntoView(h.pageScroll(), tap.field.entry)
			h.layOut()
			h.touchCentre(tap.field.entry)
			h.clock.Advance(time.Second)
			h.assertKeyboardFor(t, tap.field.entry, tap.field.spec.keyboard)
			keyboard.ScrollIntoView(h.pageScroll(), tap.button()) // in reach above the keys
			h.layOut()
			h.touchCentre(tap.button())
			h.layOut()
			h.clock.Advance(time.Second)
			name := fmt.Sprintf("%v %s", size, tap.name)
			if h.kiosk.keyboard.Dock().Visible() {
				t.Errorf("%s: the keys stayed up after the choice", name)
			}
			top, bottom := h.roomAboveKeys()
			h.assertWithin(t, name+": the choice", tap.button(), top, bottom)
			if tap.name == "checking" {
				h.assertWithin(t, name+": Continue", viewOf[*payScreen](h.kiosk).submit, top, bottom)
			}
		}
	}
}
