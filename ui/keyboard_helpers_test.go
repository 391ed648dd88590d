package ui

import (
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
)

// newKeyboardHarness is a live kiosk with the on-screen keyboard switched on, as
// the config file has it by default.
func newKeyboardHarness(t *testing.T) *harness {
	t.Helper()
	return newHarnessWith(t, harnessOptions{settings: Settings{OnScreenKeyboard: true}})
}

// tapKey taps the on-screen key that types id (or whose words are message id) the
// way the window's driver delivers a touch: the press, which takes the focus away
// from the field, then the release and the tap.
func (h *harness) tapKey(t *testing.T, id string) {
	t.Helper()
	kb := h.kiosk.keyboard
	if kb == nil || !kb.Dock().Visible() {
		t.Fatalf("no keyboard on show to tap %q on (screen %s)", id, h.kiosk.page.id)
	}
	key := kb.Key(id)
	if key == nil {
		t.Fatalf("no key %q on the keyboard of layout %d", id, kb.Layout())
	}
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	key.MouseDown(ev)
	h.win.Canvas().Unfocus()
	key.MouseUp(ev)
	test.Tap(key)
}

// tapKeys types text key by key, tapping the capital-letter key before a capital
// and the space key for a space.
func (h *harness) tapKeys(t *testing.T, text string) {
	t.Helper()
	for _, r := range text {
		if unicode.IsUpper(r) {
			h.tapKey(t, "keyboard.shift")
			r = unicode.ToLower(r)
		}
		if r == ' ' {
			h.tapKey(t, "keyboard.space")
			continue
		}
		h.tapKey(t, string(r))
	}
}

// assertKeyboardFor checks the keyboard is docked for entry e with layout l and
// that e has the focus.
func (h *harness) assertKeyboardFor(t *testing.T, e *kioskEntry, l keyboard.Layout) {
	t.Helper()
	kb := h.kiosk.keyboard
	if !kb.Dock().Visible() || kb.Target() != e || kb.Layout() != l {
		t.Fatalf("keyboard: shown %v, for the right field %v, layout %d (want %d)", kb.Dock().Visible(), kb.Target() == e, kb.Layout(), l)
	}
	if h.win.Canvas().Focused() != fyne.Focusable(e) {
		t.Fatalf("the field lost the focus to the keyboard")
	}
}
