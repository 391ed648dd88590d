package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// A page's content stands in a column: centred across the page and starting at
// its top, as wide as a visitor reads without turning their head, narrower on
// the narrowest panel and wider on a wide one.

// formColumn puts a form in a column a visitor can read without turning their head.
func formColumn(objects ...fyne.CanvasObject) fyne.CanvasObject {
	return atTop(container.New(columnLayout{width: 760, most: 1000}, container.NewVBox(objects...)))
}

// atTop centres a screen's content across the page and starts it at the top,
// under the chrome, where a visitor starts reading: centred both ways, a form on a
// tall portrait panel floated in the middle, half the screen empty above it.
func atTop(content fyne.CanvasObject) fyne.CanvasObject {
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
			if column, ok := c.Layout.(columnLayout); ok && (column.least > 0 || column.most > 0) {
				min.Width = max(min.Width, column.widthIn(size.Width))
				min.Height = column.MinSize(c.Objects).Height
			}
		}
		o.Resize(min)
		o.Move(fyne.NewPos(max((size.Width-min.Width)/2, 0), 0))
	}
}

// columnLayout gives its objects a fixed width and their own height. A column
// with a least width narrows to it, no further, when the page is narrower than
// its width (atTop gives it the room there is): the two columns of Find on the
// 930 logical pixels a 15-inch 1024×768 panel leaves. A column with a most width
// widens towards it on a wide page, to a share of the page (wideShare), so a
// 1920×1080 panel's form is not a narrow strip down the middle.
type columnLayout struct{ width, least, most float32 }

// wideShare is the part of a wide page's width a column that may widen takes.
const wideShare = 0.62

// widthIn is the column's width on a page pageWidth wide.
func (c columnLayout) widthIn(pageWidth float32) float32 {
	w := c.width
	if c.most > 0 {
		w = min(max(w, pageWidth*wideShare), c.most)
	}
	return max(min(w, pageWidth), c.least)
}

func (c columnLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	if c.least > 0 {
		return fyne.NewSize(c.least, h)
	}
	return fyne.NewSize(c.width, h)
}

func (c columnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}
