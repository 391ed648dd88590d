package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TapTarget makes something that is not a button (the logo, a screen's title)
// answer taps, without looking like a control: the staff gesture lives on it.
type TapTarget struct {
	widget.BaseWidget
	Content  fyne.CanvasObject
	OnTapped func()
}

// NewTapTarget makes content answer taps with tapped.
func NewTapTarget(content fyne.CanvasObject, tapped func()) *TapTarget {
	t := &TapTarget{Content: content, OnTapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs the target's action.
func (t *TapTarget) Tapped(*fyne.PointEvent) {
	if t.OnTapped != nil {
		t.OnTapped()
	}
}

// CreateRenderer draws the content alone.
func (t *TapTarget) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.Content)
}

// Wrapped is the target's content, so the walks of a screen (the activity watch,
// speech mode, Next) reach the controls inside it: on the out-of-service screen
// the whole page is the staff gesture's target.
func (t *TapTarget) Wrapped() fyne.CanvasObject { return t.Content }
