package ui

import (
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
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
	if kb == nil || !kb.dock.Visible() {
		t.Fatalf("no keyboard on show to tap %q on (screen %s)", id, h.kiosk.page.id)
	}
	key, ok := kb.keys[id]
	if !ok {
		t.Fatalf("no key %q on the keyboard of layout %d", id, kb.layout)
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
func (h *harness) assertKeyboardFor(t *testing.T, e *kioskEntry, l keyboardLayout) {
	t.Helper()
	kb := h.kiosk.keyboard
	if !kb.dock.Visible() || kb.target != e || kb.layout != l {
		t.Fatalf("keyboard: shown %v, for the right field %v, layout %d (want %d)", kb.dock.Visible(), kb.target == e, kb.layout, l)
	}
	if h.win.Canvas().Focused() != fyne.Focusable(e) {
		t.Fatalf("the field lost the focus to the keyboard")
	}
}

// keyboardTexts are the texts of the keys that type themselves: not catalog
// messages, but the characters a visitor reads on the keys.
func keyboardTexts() []string {
	var texts []string
	for _, l := range []keyboardLayout{keyboardText, keyboardEmail} {
		for _, r := range keyboardRows(l) {
			for _, k := range r {
				texts = append(texts, k.text)
			}
		}
	}
	for _, k := range keypadCells(keyboardAmount) {
		texts = append(texts, k.text)
	}
	return texts
}
