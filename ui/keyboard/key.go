package keyboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Key is a key of the keyboard: a button at least size big that also reports the
// press itself. Fyne takes the focus away from the entry when a button is pressed
// and the key only runs on release, so the keyboard must know a key is held to
// hold off the field's check meanwhile (Holding).
type Key struct {
	widget.Button
	size    fyne.Size
	pressed func(down bool)
}

func newKey(label string, size fyne.Size, tapped func(), pressed func(down bool)) *Key {
	b := &Key{size: size, pressed: pressed}
	b.Text = label
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// MinSize keeps the key a big target whatever its label.
func (b *Key) MinSize() fyne.Size { return b.Button.MinSize().Max(b.size) }

// MouseDown notes the press (a touch reaches Fyne as a mouse press).
func (b *Key) MouseDown(*desktop.MouseEvent) { b.pressed(true) }

// MouseUp notes the release; the key's tap follows it.
func (b *Key) MouseUp(*desktop.MouseEvent) { b.pressed(false) }
