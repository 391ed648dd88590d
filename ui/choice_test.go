package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
)

// Choosing an option changes the screen in place: nothing takes the focus, the
// on-screen keyboard stays as it was, and the page stays where it was scrolled.
func TestChoosingAnOptionKeepsFocusScrollAndKeyboard(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarnessWith(t, harnessOptions{settings: Settings{OnScreenKeyboard: true, CardEntry: cardEntryKeyed}})
		h.signInDirectly(t, lang)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
		h.tapKey(t, "keyboard.hide") // the keys put away
		scroll := h.kiosk.keyboard.Scroll()
		scroll.ScrollToOffset(fyne.NewPos(0, 120))
		form := h.autoPayForm()
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
		if h.kiosk.visit.fields[fieldBankType] != client.BankSavings || h.autoPayForm() != form {
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
