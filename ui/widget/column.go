package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// A page's content stands in a column: centred across the page and starting at
// its top, as wide as a visitor reads without turning their head, narrower on
// the narrowest panel and wider on a wide one.

// AtTop centres a screen's content across the page and starts it at the top,
// under the chrome, where a visitor starts reading: centred both ways, a form on a
// tall portrait panel floated in the middle, half the screen empty above it.
func AtTop(content fyne.CanvasObject) fyne.CanvasObject {
	return container.New(topCentredLayout{}, content)
}

// topCentredLayout lays each object out at its minimum size, centred across and
// at the top.
type topCentredLayout struct{}

func (topCentredLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	size := fyne.NewSize(0, 0)
	for _, o := range objects {
		size = size.Max(o.MinSize())
	}
	return size
}

func (topCentredLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		min := o.MinSize()
		if c, ok := o.(*fyne.Container); ok {
			if column, ok := c.Layout.(Column); ok && (column.Least > 0 || column.Most > 0) {
				min.Width = max(min.Width, column.widthIn(size.Width))
				min.Height = column.MinSize(c.Objects).Height
			}
		}
		o.Resize(min)
		o.Move(fyne.NewPos(max((size.Width-min.Width)/2, 0), 0))
	}
}

// Column is a layout that gives its objects a fixed width and their own height.
// A column with a least width narrows to it, no further, when the page is
// narrower than its width (AtTop gives it the room there is): the two columns of Find on the
// 930 logical pixels a 15-inch 1024×768 panel leaves. A column with a most width
// widens towards it on a wide page, to a share of the page (wideShare), so a
// 1920×1080 panel's form is not a narrow strip down the middle.
type Column struct{ Width, Least, Most float32 }

// wideShare is the part of a wide page's width a column that may widen takes.
const wideShare = 0.62

// widthIn is the column's width on a page pageWidth wide.
func (c Column) widthIn(pageWidth float32) float32 {
	w := c.Width
	if c.Most > 0 {
		w = min(max(w, pageWidth*wideShare), c.Most)
	}
	return max(min(w, pageWidth), c.Least)
}

func (c Column) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	if c.Least > 0 {
		return fyne.NewSize(c.Least, h)
	}
	return fyne.NewSize(c.Width, h)
}

func (c Column) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}
