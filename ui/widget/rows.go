package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// SnugRow lays buttons out in a row as an HBox does, each with less blank space at
// its sides than the theme gives a button (its words stay centred, 8 px from its
// edges instead of 14): five buttons and the title share the chrome's one row, in
// Spanish and with larger text, on a 1024 px canvas.
type SnugRow struct{}

// SnugTrim is what a button gives up of its width: 6 px a side, never below the
// 48 px a finger needs (SnugWidth).
const SnugTrim = 12

// MinTargetSize is the kiosk's floor for a target's side: 48 px logical at scale
// 1, above WCAG 2.5.5's 44 (docs/accessibility.md).
const MinTargetSize = 48

// SnugWidth is the width in a snug row of an object whose own minimum is min.
func SnugWidth(min fyne.Size) float32 {
	return max(min.Width-SnugTrim, MinTargetSize)
}

func (SnugRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for i, o := range objects {
		min := o.MinSize()
		size.Width += SnugWidth(min)
		if i > 0 {
			size.Width += theme.Padding()
		}
		size.Height = max(size.Height, min.Height)
	}
	return size
}

func (SnugRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for _, o := range objects {
		w := SnugWidth(o.MinSize())
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}

// TightStack stacks objects as a VBox does, but lets the blank padding the labels
// among them (Trimmed) keep above and below their words overhang their
// neighbours. A field's label, hint and problem then read as one field, and a
// field is some 40 px shorter, which on a short panel is the room for the next
// field above the keys. (A theme override would drop the padding, but Fyne caches
// every object under one for good.)
type TightStack struct {
	Trimmed map[fyne.CanvasObject]bool // the labels whose padding overhangs
	After   float32                    // the space under the stack: a field's keeps it apart from the next
}

// NewTightStack is a stack with twice the space between its parts under it, which
// keeps a field or a list apart from what follows.
func NewTightStack() *TightStack {
	return &TightStack{Trimmed: map[fyne.CanvasObject]bool{}, After: 2 * theme.Padding()}
}

// overhang is how much of a label's padding lies outside its place in the stack,
// above and below: all but a little, so words never touch what is next to them.
func (s *TightStack) overhang(o fyne.CanvasObject) float32 {
	if s.Trimmed[o] {
		return theme.InnerPadding() - 4
	}
	return 0
}

func (s *TightStack) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	shown := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		min := o.MinSize()
		size.Width = max(size.Width, min.Width)
		size.Height += min.Height - 2*s.overhang(o)
		shown++
	}
	if shown > 1 {
		size.Height += float32(shown-1) * theme.Padding()
	}
	size.Height += s.After
	return size
}

func (s *TightStack) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		h, over := o.MinSize().Height, s.overhang(o)
		o.Move(fyne.NewPos(0, y-over))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 2*over + theme.Padding()
	}
}
