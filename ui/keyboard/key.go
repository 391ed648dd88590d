package keyboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
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

// MinSize is the key's size, or its words with keyInset around them where they
// need more: a button keeps the theme's inner padding around its words, which
// would make every key 10 px taller than the 48 px a finger needs, and five
// rows of that are a field's worth of the form's room.
func (b *Key) MinSize() fyne.Size {
	words := b.Button.MinSize().SubtractWidthHeight(2*theme.InnerPadding(), 2*theme.InnerPadding())
	return words.AddWidthHeight(2*keyInset, 2*keyInset).Max(b.size)
}

// MouseDown notes the press (a touch reaches Fyne as a mouse press).
func (b *Key) MouseDown(*desktop.MouseEvent) { b.pressed(true) }

// MouseUp notes the release; the key's tap follows it.
func (b *Key) MouseUp(*desktop.MouseEvent) { b.pressed(false) }
