package ui

import (
	"strings"

	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/display"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// The visitor chrome is one row at 1280 px and at 1024 px, the narrowest the panel
// scale ever leaves the layouts (internal/display.MinLayoutWidth), in both
// languages, on every screen that has it: the screen's room is the visitor's.
func TestChromeIsOneRow(t *testing.T) {
	for _, width := range []struct{ w, h float32 }{{1280, 800}, {1024, 768}, {display.MinLayoutWidth, display.MinLayoutHeight}} {
		for _, lang := range []string{"en", "es"} {
			h := newHarness(t, ModeLive)
			h.win.Resize(fyne.NewSize(width.w, width.h))
			h.signInDirectly(t, lang)
			row := kwidget.NewButton("Xy", nil).MinSize().Height
			// The row, the padding round it, the separator under it and the gap before
			// it, and a padding's slack for a title on two lines (60 px to a button's 58).
			oneRow := row + 4*theme.Padding() + widget.NewSeparator().MinSize().Height
			for _, id := range sortedScreens(h) {
				if h.kiosk.screens[id].title == "" {
					continue
				}
				h.kiosk.show(id)
				top := h.kiosk.page.top
				top.Resize(fyne.NewSize(width.w, top.MinSize().Height))
				t.Logf("%.0f px, %s, %s: chrome %.0f px high (title %v, %.0f px)", width.w, lang, id, top.MinSize().Height, h.kiosk.page.chrome.title.SizeName, h.kiosk.page.chrome.title.Size().Height)
				if got := top.MinSize().Height; got > oneRow {
					t.Errorf("%.0f px, %s, %s: the chrome is %.0f px high, more than one row (%.0f)", width.w, lang, id, got, oneRow)
				}
				title := h.kiosk.page.chrome.title
				for _, word := range strings.Fields(title.Text) {
					if w := fyne.MeasureText(word, theme.Size(title.SizeName), title.TextStyle).Width; w > title.Size().Width {
						t.Errorf("%.0f px, %s, %s: the title breaks %q (%.0f px in %.0f)", width.w, lang, id, word, w, title.Size().Width)
					}
				}
				if got := top.MinSize().Width; got > width.w {
					t.Errorf("%.0f px, %s, %s: the chrome needs %.0f px", width.w, lang, id, got)
				}
				keyboard.Walk(h.win.Canvas().Content(), func(o fyne.CanvasObject) bool {
					if _, ok := o.(*container.Scroll); ok {
						return false // the screen's own content
					}
					if _, ok := o.(fyne.Tappable); ok && o.Visible() {
						at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
						if at.X < 0 || at.X+o.Size().Width > width.w {
							t.Errorf("%.0f px, %s, %s: a %T runs off the screen (%.0f to %.0f)", width.w, lang, id, o, at.X, at.X+o.Size().Width)
						}
					}
					return true
				})
			}
		}
	}
}

// With larger text the chrome may take more height, but never more width than
// the narrowest canvas has: every control whole on screen and no word of the
// title broken, in both languages.
func TestChromeFitsAcrossWithLargerText(t *testing.T) {
	for _, width := range []float32{display.MinLayoutWidth, landscapeLobbyPanel.logicalSize(t).Width} {
		for _, lang := range []string{"en", "es"} {
			h := newHarness(t, ModeLive)
			h.win.Resize(fyne.NewSize(width, display.MinLayoutHeight))
			h.signInDirectly(t, lang)
			test.Tap(h.kiosk.page.chrome.look)
			test.Tap(h.kiosk.look.menu.larger)
			test.Tap(h.kiosk.look.menu.close)
			for _, id := range sortedScreens(h) {
				if h.kiosk.screens[id].title == "" {
					continue
				}
				h.kiosk.show(id)
				h.layOut()
				c := h.kiosk.page.chrome
				for _, b := range []fyne.CanvasObject{c.back, c.language, c.help, c.startOver, c.look} {
					at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
					// Its words whole, with a snug row's margin (kwidget.SnugRow).
					need := b.MinSize().Width - kwidget.SnugTrim
					if at.X < 0 || at.X+b.Size().Width > width+0.5 || b.Size().Width < need-0.5 {
						t.Errorf("%.0f px, %s, %s: a chrome button at %.0f–%.0f (needs %.0f wide)", width, lang, id, at.X, at.X+b.Size().Width, need)
					}
				}
				for _, word := range strings.Fields(c.title.Text) {
					if w := fyne.MeasureText(word, theme.Size(c.title.SizeName), c.title.TextStyle).Width; w > c.title.Size().Width {
						t.Errorf("%.0f px, %s, %s: the title breaks %q (%.0f px in %.0f)", width, lang, id, word, w, c.title.Size().Width)
					}
				}
			}
		}
	}
}

// "Aa" opens the look's toggles over the screen; each says its state in words and
// with a tick, and changes the look in place: the field keeps the focus and what
// was typed, the keyboard stays up, the page stays where it was scrolled.
func TestLookMenuChangesTheLookAndKeepsFocusScrollAndKeyboard(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarnessWith(t, harnessOptions{settings: testConfig{OnScreenKeyboard: true}})
		h.startIn(lang)
		find := viewOf[*findScreen](h.kiosk)
		h.typeInto(find.postalCode.entry, "975")
		scroll := h.kiosk.keyboard.Scroll()
		scroll.ScrollToOffset(fyne.NewPos(0, 60))
		offset, focused := scroll.Offset, h.win.Canvas().Focused()
		if focused != find.postalCode.entry || !h.kiosk.keyboard.Dock().Visible() {
			t.Fatalf("%s: the ZIP code field has not the focus and the keyboard", lang)
		}

		h.touch(h.kiosk.page.chrome.look)
		m := h.kiosk.look.menu
		if m == nil || !m.popup.Visible() {
			t.Fatalf("%s: Aa showed no pop-up", lang)
		}
		if m.larger.Text != h.msg(lang, "look.larger_off") || m.larger.Icon != theme.CheckButtonIcon() ||
			m.contrast.Text != h.msg(lang, "look.contrast_off") {
			t.Errorf("%s: the toggles say %q, %q", lang, m.larger.Text, m.contrast.Text)
		}
		test.Tap(m.larger)
		test.Tap(m.contrast)
		if h.kiosk.look.current != (look{larger: true, highContrast: true}) {
			t.Errorf("%s: the look is %+v", lang, h.kiosk.look.current)
		}
		th, _ := fyne.CurrentApp().Settings().Theme().(*kiosktheme.Theme)
		if th == nil || th.Look() != (kiosktheme.Look{Larger: true, HighContrast: true}) {
			t.Errorf("%s: the theme is not the look chosen", lang)
		}
		if m.larger.Text != h.msg(lang, "look.larger_on") || m.larger.Icon != theme.CheckButtonCheckedIcon() ||
			m.contrast.Text != h.msg(lang, "look.contrast_on") || m.contrast.Icon != theme.CheckButtonCheckedIcon() {
			t.Errorf("%s: the toggles say %q, %q", lang, m.larger.Text, m.contrast.Text)
		}
		h.touch(m.close)
		if m.popup.Visible() || h.kiosk.look.menu != nil {
			t.Errorf("%s: Close left the pop-up up", lang)
		}

		if viewOf[*findScreen](h.kiosk) != find || h.kiosk.keyboard.Scroll() != scroll {
			t.Errorf("%s: the screen was rebuilt", lang)
		}
		if f := h.win.Canvas().Focused(); f != focused {
			t.Errorf("%s: the focus went from the ZIP code to %T", lang, f)
		}
		if find.postalCode.entry.Text != "975" {
			t.Errorf("%s: the ZIP code now says %q", lang, find.postalCode.entry.Text)
		}
		if !h.kiosk.keyboard.Dock().Visible() {
			t.Errorf("%s: the on-screen keyboard went away", lang)
		}
		if scroll.Offset != offset {
			t.Errorf("%s: the page moved from %v to %v", lang, offset, scroll.Offset)
		}
	}
}

// touch touches a button the way the window's driver delivers a touch: the press
// (which a kwidget.HoldButton notes), Fyne taking the focus away, the release, the tap.
func (h *harness) touch(b fyne.Tappable) {
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	if m, ok := b.(desktop.Mouseable); ok {
		m.MouseDown(ev)
	}
	h.win.Canvas().Unfocus()
	if m, ok := b.(desktop.Mouseable); ok {
		m.MouseUp(ev)
	}
	test.Tap(b)
}

// In speech mode the look is reached from the chrome: "Aa" says what it is for,
// Enter opens the pop-up, which is read out, and each toggle says its new state.
func TestSpeechReachesTheLookMenu(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h, r := newSpeechHarness(t)
		h.startIn(lang)
		h.press(keyHelp)
		r.take()
		for range h.kiosk.speech.Len() {
			if h.kiosk.speech.Cursor() >= 0 && h.kiosk.speech.Under() == h.kiosk.page.chrome.look {
				break
			}
			h.press(fyne.KeyDown)
		}
		if said := heard(r.take()); !strings.Contains(said, h.msg(lang, "look.menu_spoken")) {
			t.Fatalf("%s: moving to Aa said %q", lang, said)
		}
		h.press(fyne.KeyReturn)
		said := heard(r.take())
		for _, id := range []string{"look.menu_title", "look.larger_off", "look.contrast_off", "look.close"} {
			if !strings.Contains(said, h.msg(lang, id)) {
				t.Errorf("%s: the pop-up did not say %q: %q", lang, h.msg(lang, id), said)
			}
		}
		for i := 0; i < 20 && h.kiosk.speech.Under() != h.kiosk.look.menu.larger; i++ {
			h.press(fyne.KeyDown)
		}
		r.take()
		h.press(fyne.KeyReturn)
		if said := heard(r.take()); !h.kiosk.look.current.larger || !strings.Contains(said, h.msg(lang, "look.larger_on")) {
			t.Errorf("%s: Enter on Larger text: look %+v, said %q", lang, h.kiosk.look.current, said)
		}
		for i := 0; i < 20 && h.kiosk.speech.Under() != h.kiosk.look.menu.close; i++ {
			h.press(fyne.KeyDown)
		}
		h.press(fyne.KeyReturn)
		if h.kiosk.look.menu != nil || h.kiosk.page.id != screenFind {
			t.Errorf("%s: Close left the pop-up up, or the screen changed (%s)", lang, h.kiosk.page.id)
		}
		r.take()
		h.press(fyne.KeyDown) // the cursor is back on the screen
		if len(r.take()) == 0 {
			t.Errorf("%s: speech mode said nothing after the pop-up closed", lang)
		}
	}
}
