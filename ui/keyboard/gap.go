package keyboard

import "fyne.io/fyne/v2"

// The keys stand keyGap apart, closer than the screens' theme padding. These
// layouts set the gap themselves rather than wrap the keys in a theme override:
// Fyne keeps every object under an override in a cache of its own and lets go of
// only the widgets, so a keyboard rebuilt at each focus would grow the heap for
// the kiosk's whole life (TestSoak), and each override empties the SVG cache.

// gapBox lays its objects in a line, keyGap apart, each at its own minimum size
// along the line and all as thick as the thickest.
type gapBox struct{ horizontal bool }

func (g gapBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var along, across float32
	for i, o := range objects {
		m := o.MinSize()
		if i > 0 {
			along += keyGap
		}
		if g.horizontal {
			along, across = along+m.Width, max(across, m.Height)
		} else {
			along, across = along+m.Height, max(across, m.Width)
		}
	}
	if g.horizontal {
		return fyne.NewSize(along, across)
	}
	return fyne.NewSize(across, along)
}

func (g gapBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var at float32
	for _, o := range objects {
		m := o.MinSize()
		if g.horizontal {
			o.Move(fyne.NewPos(at, 0))
			o.Resize(fyne.NewSize(m.Width, size.Height))
			at += m.Width + keyGap
		} else {
			o.Move(fyne.NewPos(0, at))
			o.Resize(fyne.NewSize(size.Width, m.Height))
			at += m.Height + keyGap
		}
	}
}

// gapGrid lays its objects in rows of columns cells, keyGap apart, every cell the
// size of the largest object.
type gapGrid struct{ columns int }

func (g gapGrid) cell(objects []fyne.CanvasObject) fyne.Size {
	var c fyne.Size
	for _, o := range objects {
		c = c.Max(o.MinSize())
	}
	return c
}

func (g gapGrid) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	c, rows := g.cell(objects), (len(objects)+g.columns-1)/g.columns
	cols := min(g.columns, len(objects))
	return fyne.NewSize(float32(cols)*c.Width+float32(cols-1)*keyGap, float32(rows)*c.Height+float32(rows-1)*keyGap)
}

func (g gapGrid) Layout(objects []fyne.CanvasObject, _ fyne.Size) {
	c := g.cell(objects)
	for i, o := range objects {
		col, row := i%g.columns, i/g.columns
		o.Move(fyne.NewPos(float32(col)*(c.Width+keyGap), float32(row)*(c.Height+keyGap)))
		o.Resize(c)
	}
}
