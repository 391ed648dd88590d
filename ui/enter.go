package ui

import (
	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Keyboard use without a mouse: Tab and Shift+Tab move the focus (Fyne's own focus
// order, which is the screens' reading order), Space presses the focused button or
// ticks the focused box (Fyne's own), and Enter moves on: in a field it goes to the
// next field, and from the last field, or with nothing focused, it presses the
// screen's primary action.

// submitField is Enter in field e.
func (k *Kiosk) submitField(e *kwidget.Entry) {
	if next := keyboard.FieldAfter(k.win.Canvas().Content(), e); next != nil {
		k.win.Canvas().Focus(next)
		return
	}
	k.pressPrimary()
}

// pressPrimary presses the screen's first primary action a visitor can see and use.
func (k *Kiosk) pressPrimary() {
	for _, b := range k.page.primaries {
		if b.Visible() && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
			return
		}
	}
}

// enterWithNothingFocused is the canvas's Enter: the primary action. (The canvas
// handler does not call it while a pop-up — a warning, the PIN pad, the staff menu —
// is over the screen: the screen behind must not act.)
func (k *Kiosk) enterWithNothingFocused(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		k.pressPrimary()
	}
}
