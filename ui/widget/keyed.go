package widget

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Keys sees the keys typed while a kiosk control has the focus, before the
// control does. Fyne gives a key to the focused widget alone (the canvas hears it
// only when nothing has the focus), so a control that kept Fyne's own key handling
// would swallow the keys of speech mode (Help, Back, the arrows) once a Tab or a
// tap gave it the focus, and leave a blind visitor with a silent kiosk.
type Keys interface {
	// TypedKey reports whether it took the key; if not, the control handles it.
	TypedKey(ev *fyne.KeyEvent) bool
	// Active: every key is Keys' now, Tab and the Space bar's character included
	// (speech mode is on), not the control's.
	Active() bool
	// KeyDown and KeyUp report keys held, such as Shift for Shift+Tab.
	KeyDown(ev *fyne.KeyEvent)
	KeyUp(ev *fyne.KeyEvent)
}

// Button is Fyne's button whose keys pass through Keys first, and whose focus
// shows as an outline round it. Fyne shows a focused button only by tinting its
// fill with the theme's focus colour, which a primary button's own fill hides.
type Button struct {
	widget.Button
	Keys    Keys // nil: Fyne's button as it is
	focused bool
}

// focusGap is how far the focus outline stands outside the button, and its width.
const (
	focusGap   = 3
	focusWidth = 3
)

// CreateRenderer is Fyne's button with the focus outline over it.
func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	outline := canvas.NewRectangle(color.Transparent)
	outline.StrokeWidth = focusWidth
	outline.Hide()
	return &focusRenderer{WidgetRenderer: b.Button.CreateRenderer(), outline: outline, button: b}
}

// FocusGained shows the outline.
func (b *Button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
}

// FocusLost hides the outline.
func (b *Button) FocusLost() {
	b.focused = false
	b.Button.FocusLost()
}

// focusRenderer draws a button's outline when it has the focus, in the text's
// colour, just outside its edge: it stands out from the screen's background
// whatever the button's fill, in both looks.
type focusRenderer struct {
	fyne.WidgetRenderer
	outline *canvas.Rectangle
	button  *Button
}

func (r *focusRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.outline.Move(fyne.NewPos(-focusGap, -focusGap))
	r.outline.Resize(size.AddWidthHeight(2*focusGap, 2*focusGap))
}

func (r *focusRenderer) Objects() []fyne.CanvasObject {
	return append(append([]fyne.CanvasObject{}, r.WidgetRenderer.Objects()...), r.outline)
}

func (r *focusRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.outline.StrokeColor = theme.Color(theme.ColorNameForeground)
	r.outline.CornerRadius = theme.Size(theme.SizeNameInputRadius) + focusGap
	r.outline.Hidden = !r.button.focused || r.button.Disabled()
	r.outline.Refresh()
}

// NewButton is a button labelled label that runs tapped.
func NewButton(label string, tapped func()) *Button {
	return NewButtonWithIcon(label, nil, tapped)
}

// NewButtonWithIcon is a button with an icon before its label.
func NewButtonWithIcon(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey offers the key to Keys, then to the button (Space presses it).
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	if b.Keys == nil || !b.Keys.TypedKey(ev) {
		b.Button.TypedKey(ev)
	}
}

// AcceptsTab: Tab comes to Keys while it is active; a button of its own never
// takes Tab.
func (b *Button) AcceptsTab() bool { return active(b.Keys) }

// KeyDown reports a key held to Keys.
func (b *Button) KeyDown(ev *fyne.KeyEvent) { keyDown(b.Keys, ev) }

// KeyUp reports a key released to Keys.
func (b *Button) KeyUp(ev *fyne.KeyEvent) { keyUp(b.Keys, ev) }

// Check is Fyne's tick box whose keys pass through Keys first. A tap focuses a
// tick box, so without this a staff member's tap would take the keys from
// speech mode.
type Check struct {
	widget.Check
	Keys Keys // nil: Fyne's tick box as it is
}

// NewCheck is a tick box labelled label that calls changed with its new state.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey offers the key to Keys, then to the tick box.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if c.Keys == nil || !c.Keys.TypedKey(ev) {
		c.Check.TypedKey(ev)
	}
}

// TypedRune ticks on Space, as Fyne's tick box does, unless Keys is active and
// had the Space key itself: one press must not act twice.
func (c *Check) TypedRune(r rune) {
	if !active(c.Keys) {
		c.Check.TypedRune(r)
	}
}

// AcceptsTab: Tab comes to Keys while it is active; a tick box of its own never
// takes Tab.
func (c *Check) AcceptsTab() bool { return active(c.Keys) }

// KeyDown reports a key held to Keys.
func (c *Check) KeyDown(ev *fyne.KeyEvent) { keyDown(c.Keys, ev) }

// KeyUp reports a key released to Keys.
func (c *Check) KeyUp(ev *fyne.KeyEvent) { keyUp(c.Keys, ev) }

func active(k Keys) bool { return k != nil && k.Active() }

func keyDown(k Keys, ev *fyne.KeyEvent) {
	if k != nil {
		k.KeyDown(ev)
	}
}

func keyUp(k Keys, ev *fyne.KeyEvent) {
	if k != nil {
		k.KeyUp(ev)
	}
}
