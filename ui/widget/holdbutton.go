package widget

import "fyne.io/fyne/v2/driver/desktop"

// HoldButton is a button that runs Pressed at the press of a finger, before Fyne
// takes the focus away from the field that has it: "Aa", Start over and Show
// note that field there, to give it back with its keyboard afterwards.
type HoldButton struct {
	Button
	Pressed func()
}

// NewHoldButton is a button that runs pressed at the press and tapped at the tap.
func NewHoldButton(text string, tapped, pressed func()) *HoldButton {
	b := &HoldButton{Pressed: pressed}
	b.Text, b.OnTapped = text, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseDown is the press (a touch reaches Fyne as a mouse press).
func (b *HoldButton) MouseDown(*desktop.MouseEvent) {
	if b.Pressed != nil && !b.Disabled() {
		b.Pressed()
	}
}

// MouseUp is the release; the tap follows it.
func (*HoldButton) MouseUp(*desktop.MouseEvent) {}
