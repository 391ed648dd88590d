package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// keyButton is a key of the on-screen keyboard: a button at least size big that
// also reports the press itself. Fyne takes the focus away from the entry when a
// button is pressed and the key only runs on release, so the keyboard must know a
// key is held to stay in place meanwhile (see keyboardBlurred).
type keyButton struct {
	widget.Button
	size    fyne.Size
	pressed func(down bool)
}

func newKeyButton(label string, size fyne.Size, tapped func(), pressed func(down bool)) *keyButton {
	b := &keyButton{size: size, pressed: pressed}
	b.Text = label
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// MinSize keeps the key a big target whatever its label.
func (b *keyButton) MinSize() fyne.Size { return b.Button.MinSize().Max(b.size) }

// MouseDown notes the press (a touch reaches Fyne as a mouse press).
func (b *keyButton) MouseDown(*desktop.MouseEvent) { b.pressed(true) }

// MouseUp notes the release; the key's tap follows it.
func (b *keyButton) MouseUp(*desktop.MouseEvent) { b.pressed(false) }

// visibleEntries lists the kiosk's fields under o that a visitor can see, in
// reading order: the order "Next field" walks.
func visibleEntries(o fyne.CanvasObject) []*kioskEntry {
	var found []*kioskEntry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *kioskEntry:
			if !w.Disabled() {
				found = append(found, w)
			}
		case *fyne.Container:
			for _, child := range w.Objects {
				walk(child)
			}
		case *container.Scroll:
			walk(w.Content)
		case *container.ThemeOverride:
			walk(w.Content)
		case *widget.Card:
			walk(w.Content)
		}
	}
	walk(o)
	return found
}
