package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// entryCover lies over a field's entry and takes the finger first. Fyne's entry
// hands any drag on its text to the text itself, to select it: a swipe that
// started on a field would not scroll the page, and would focus the field. The
// cover passes a press, its release and a tap on to the entry as the driver
// would have, and a drag to the entry's page (kioskEntry.Dragged).
type entryCover struct {
	widget.BaseWidget
	entry *kioskEntry
}

// coverEntry is e with a cover over it.
func coverEntry(e *kioskEntry) fyne.CanvasObject {
	c := &entryCover{entry: e}
	c.ExtendBaseWidget(c)
	return container.NewStack(e, c)
}

func (c *entryCover) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

func (c *entryCover) MouseDown(m *desktop.MouseEvent) { c.entry.MouseDown(m) }
func (c *entryCover) MouseUp(m *desktop.MouseEvent)   { c.entry.MouseUp(m) }
func (c *entryCover) Tapped(ev *fyne.PointEvent)      { c.entry.Tapped(ev) }
func (c *entryCover) Dragged(ev *fyne.DragEvent)      { c.entry.Dragged(ev) }
func (c *entryCover) DragEnd()                        { c.entry.DragEnd() }

// onPage is the page the entry is on, nil for none.
func (e *kioskEntry) onPage() *kwidget.TouchScroll {
	if e.page == nil {
		return nil
	}
	return e.page()
}

// Dragged hands the finger to the page, which scrolls once it has gone further
// than a tap would.
func (e *kioskEntry) Dragged(ev *fyne.DragEvent) {
	page := e.onPage()
	if page == nil {
		e.Entry.Dragged(ev)
		return
	}
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(e).Add(ev.Position).Subtract(d.AbsolutePositionForObject(page))
	page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: ev.AbsolutePosition}, Dragged: ev.Dragged})
	e.swiped = e.swiped || page.Swiping()
}

// DragEnd ends the page's drag. The driver sends no release to a field the
// finger swiped off onto something else: the press is dropped here too.
func (e *kioskEntry) DragEnd() {
	page := e.onPage()
	if page == nil {
		e.Entry.DragEnd()
		return
	}
	page.DragEnd()
	if e.swiped {
		e.press = nil
	}
}
