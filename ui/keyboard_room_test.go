package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The screens the kiosk's panels come in, landscape.
var landscapePanels = []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 768}}

// TestKeyboardKeysFollowThePanelsHeight: keys as big as a finger needs where the
// panel is short, and bigger where it is tall (a portrait panel).
func TestKeyboardKeysFollowThePanelsHeight(t *testing.T) {
	heights := map[fyne.Size]float32{}
	for _, size := range append(landscapePanels, fyne.NewSize(1080, 1920)) {
		h := newKeyboardHarness(t)
		h.win.Resize(size)
		h.startIn("en")
		h.findAccount(plainAccount, "97504")
		test.Tap(viewOf[*foundScreen](h.kiosk).register)
		h.settle()
		h.focusWithKeys(viewOf[*registerScreen](h.kiosk).password.entry)
		key := h.kiosk.keyboard.Key("a").Size().Height
		top, bottom := h.roomAboveKeys()
		t.Logf("%vx%v: letter key %.0f px high, keyboard %.0f px, form room %.0f px", size.Width, size.Height, key,
			h.kiosk.keyboard.Dock().Size().Height, bottom-top)
		if key < minTarget {
			t.Errorf("%vx%v: keys %.0f px high, under the %v px a finger needs", size.Width, size.Height, key, minTarget)
		}
		heights[size] = key
	}
	if portrait, landscape := heights[fyne.NewSize(1080, 1920)], heights[landscapePanels[0]]; portrait <= landscape {
		t.Errorf("portrait keys %.0f px high, no higher than landscape's %.0f", portrait, landscape)
	}
}

// focusWithKeys focuses e as a touch does and lets the keyboard settle.
func (h *harness) focusWithKeys(e *kioskEntry) {
	h.win.Canvas().Focus(e)
	h.clock.Advance(time.Second)
}

// roomAboveKeys is the window's visible stretch of the scrolling page, in window
// coordinates: under the chrome and above the keys.
func (h *harness) roomAboveKeys() (top, bottom float32) {
	s := h.kiosk.keyboard.Scroll()
	top = fyne.CurrentApp().Driver().AbsolutePositionForObject(s).Y
	return top, top + s.Size().Height
}
