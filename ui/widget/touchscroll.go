// Package widget holds the kiosk's own widgets: pieces of screen that Fyne's
// desktop widgets do not offer a lobby's touch panel.
package widget

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/clock"
)

// TapSlop is how far, in the canvas's units, a finger may move and still be
// tapping: about 3 mm on a 15.6-inch 1280×800 panel at the kiosk's scale. A
// finger that goes further is swiping, and what it started on is not tapped.
const TapSlop = 10

// Glide: a swipe lifted at speed carries the page on, slowing as on a phone
// (the speed falls by e every glideDecay); a lift slower than glideMinSpeed, or
// after the finger rested glideRest, stops the page where it is.
const (
	glideDecay    = 325 * time.Millisecond
	glideMinSpeed = 60 // units a second
	glideRest     = 80 * time.Millisecond
	glideMaxSpeed = 6000
)

// TouchScroll lets a finger scroll Scroll by dragging anywhere on its content,
// as on a phone: Fyne's desktop scroll container follows only the wheel and its
// bar, and X hands a touch panel's finger to the app as a mouse. The scroll
// container stays the one the kiosk works with (keys, speech, the wheel);
// TouchScroll only stands around it, the Draggable that X's drags reach.
//
// X's driver makes a press that moves two pixels a drag, and a drag never taps,
// so a finger's jitter would lose taps on everything a TouchScroll holds: a drag
// that stays within TapSlop is handed back as a tap on what it started on.
type TouchScroll struct {
	widget.BaseWidget
	Scroll *container.Scroll

	dragging, swiping bool
	press             fyne.Position // where the finger went down
	moved             fyne.Delta    // how far it has gone since
	speed             float32       // of the content, units a second, down positive
	lastMove          time.Time     // when the finger last moved, by now
	glide             *fyne.Animation
	now               func() time.Time // the clock the finger's speed is timed by
}

// NewTouchScroll stands a TouchScroll around s.
func NewTouchScroll(s *container.Scroll) *TouchScroll {
	t := &TouchScroll{Scroll: s, now: clock.Wall}
	t.ExtendBaseWidget(t)
	return t
}

// Swiping reports whether the finger on the page has left TapSlop: the press
// it started with is no tap.
func (t *TouchScroll) Swiping() bool { return t.dragging && t.swiping }

// Wrapped is the scroll container, for walks through a screen.
func (t *TouchScroll) Wrapped() fyne.CanvasObject { return t.Scroll }

// CreateRenderer draws the scroll container alone.
func (t *TouchScroll) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.Scroll)
}

// Dragged follows the finger once it has left TapSlop.
func (t *TouchScroll) Dragged(e *fyne.DragEvent) {
	if !t.dragging {
		t.stopGlide()
		t.dragging, t.swiping = true, false
		t.press, t.moved, t.speed = e.Position.Subtract(e.Dragged), fyne.Delta{}, 0
		t.lastMove = t.now()
	}
	t.moved = fyne.Delta{DX: t.moved.DX + e.Dragged.DX, DY: t.moved.DY + e.Dragged.DY}
	if !t.swiping {
		if math.Hypot(float64(t.moved.DX), float64(t.moved.DY)) < TapSlop {
			return
		}
		t.swiping = true
		t.scrollBy(t.moved.DY) // the content catches up with the finger
	} else {
		t.scrollBy(e.Dragged.DY)
	}
	if elapsed := t.now().Sub(t.lastMove).Seconds(); elapsed > 0 {
		// The latest moves count most: the speed at the lift is the one to keep.
		t.speed = 0.8*e.Dragged.DY/float32(elapsed) + 0.2*t.speed
	}
	t.lastMove = t.now()
}

// DragEnd taps what the finger started on if it never swiped, else lets the
// page glide on at the speed the finger left it.
func (t *TouchScroll) DragEnd() {
	if !t.dragging {
		return
	}
	t.dragging = false
	if !t.swiping {
		TapAt(t.Scroll, t.press)
		return
	}
	if t.now().Sub(t.lastMove) > glideRest {
		t.speed = 0
	}
	t.glideFrom(max(min(t.speed, glideMaxSpeed), -glideMaxSpeed))
}

// scrollBy moves the content by dy, down positive, as the wheel does.
func (t *TouchScroll) scrollBy(dy float32) {
	if dy != 0 {
		t.Scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: dy}})
	}
}

// glideFrom carries the content on from speed v, slowing exponentially: it
// travels v·glideDecay in all, most of it in the first glideDecay.
func (t *TouchScroll) glideFrom(v float32) {
	if math.Abs(float64(v)) < glideMinSpeed {
		return
	}
	total := v * float32(glideDecay.Seconds())
	const spread = 4 // the animation lasts 4 decays: the rest is under 2 %
	done := float32(0)
	t.glide = fyne.NewAnimation(spread*glideDecay, func(p float32) {
		at := total * float32((1-math.Exp(-spread*float64(p)))/(1-math.Exp(-spread)))
		t.scrollBy(at - done)
		done = at
	})
	t.glide.Curve = fyne.AnimationLinear
	t.glide.Start()
}

func (t *TouchScroll) stopGlide() {
	if t.glide != nil {
		t.glide.Stop()
		t.glide = nil
	}
}

// TapAt taps the topmost tappable object under pos, a position in s, as the
// driver would have: for a press that moved a little before its release.
func TapAt(s *container.Scroll, pos fyne.Position) {
	content := s.Content
	if content == nil {
		return
	}
	var hit fyne.Tappable
	var hitAt fyne.Position
	// The scroll container shows its content moved up by its offset.
	walkAt(content, pos.Subtract(content.Position()), func(o fyne.CanvasObject, at fyne.Position) {
		if tappable, ok := o.(fyne.Tappable); ok {
			hit, hitAt = tappable, at
		}
	})
	if hit == nil {
		return
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(s).Add(pos)
	hit.Tapped(&fyne.PointEvent{Position: hitAt, AbsolutePosition: abs})
}

// walkAt calls visit on o, then on each visible child of a container or a card
// under pos (a position in o), outer first, with pos in the child's coordinates.
func walkAt(o fyne.CanvasObject, pos fyne.Position, visit func(o fyne.CanvasObject, at fyne.Position)) {
	if !o.Visible() || pos.X < 0 || pos.Y < 0 || pos.X >= o.Size().Width || pos.Y >= o.Size().Height {
		return
	}
	visit(o, pos)
	var children []fyne.CanvasObject
	switch o := o.(type) {
	case *fyne.Container:
		children = o.Objects
	case *widget.Card:
		children = []fyne.CanvasObject{o.Content}
	}
	for _, child := range children {
		if child != nil {
			walkAt(child, pos.Subtract(child.Position()), visit)
		}
	}
}
