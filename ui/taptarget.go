package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tapTarget makes something that is not a button (the logo) answer taps, without
// looking like a control: the staff gesture lives on it.
type tapTarget struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	onTapped func()
}

func newTapTarget(content fyne.CanvasObject, tapped func()) *tapTarget {
	t := &tapTarget{content: content, onTapped: tapped}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs the target's action.
func (t *tapTarget) Tapped(*fyne.PointEvent) {
	if t.onTapped != nil {
		t.onTapped()
	}
}

func (t *tapTarget) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.content)
}

// Wrapped is the target's content, so the walks of a screen (the activity watch,
// speech mode, Next) reach the controls inside it: on the out-of-service screen
// the whole page is the staff gesture's target.
func (t *tapTarget) Wrapped() fyne.CanvasObject { return t.content }
