package widget

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SelectionOutline is the outline round a chosen option, in the theme's primary
// colour. A widget rather than a bare rectangle: Fyne refreshes widgets when the
// visitor changes the theme, and a rectangle would keep the colour it was built
// with (dark blue on high contrast's black).
type SelectionOutline struct {
	widget.BaseWidget
}

// NewSelectionOutline is an outline to show round a chosen option.
func NewSelectionOutline() *SelectionOutline {
	o := &SelectionOutline{}
	o.ExtendBaseWidget(o)
	return o
}

// CreateRenderer draws the outline in the primary colour.
func (o *SelectionOutline) CreateRenderer() fyne.WidgetRenderer {
	r := &outlineRenderer{rect: canvas.NewRectangle(color.Transparent)}
	r.rect.StrokeWidth = 3
	r.Refresh()
	return r
}

type outlineRenderer struct{ rect *canvas.Rectangle }

func (r *outlineRenderer) Layout(size fyne.Size)        { r.rect.Resize(size) }
func (r *outlineRenderer) MinSize() fyne.Size           { return fyne.NewSize(0, 0) }
func (r *outlineRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.rect} }
func (r *outlineRenderer) Destroy()                     {}

func (r *outlineRenderer) Refresh() {
	r.rect.StrokeColor = theme.Color(theme.ColorNamePrimary)
	r.rect.CornerRadius = theme.Size(theme.SizeNameButtonRadius)
	r.rect.Refresh()
}
