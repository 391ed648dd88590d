package widget

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// page is a TouchScroll around 30 buttons of 40 units in a 200×300 window; taps
// counts the taps each button got.
type page struct {
	t      *testing.T
	win    fyne.Window
	scroll *TouchScroll
	taps   []int
	now    time.Time
}

func newPage(t *testing.T) *page {
	test.NewTempApp(t)
	p := &page{t: t, now: time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)}
	list := container.NewVBox()
	p.taps = make([]int, 30)
	for i := range p.taps {
		b := widget.NewButton(fmt.Sprintf("Item %d", i), func() { p.taps[i]++ })
		list.Add(container.NewGridWrap(fyne.NewSize(180, 40), b))
	}
	p.scroll = NewTouchScroll(container.NewVScroll(list))
	p.scroll.now = func() time.Time { return p.now }
	p.win = test.NewTempWindow(t, p.scroll)
	p.win.SetPadded(false)
	p.win.Resize(fyne.NewSize(200, 300))
	return p
}

// drag moves a finger from (x, y) by the steps, each taking step of time, then
// lifts it after rest.
func (p *page) drag(x, y float32, step, rest time.Duration, moves ...fyne.Delta) {
	pos := fyne.NewPos(x, y)
	for _, m := range moves {
		p.now = p.now.Add(step)
		pos = pos.Add(m)
		p.scroll.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: m})
	}
	p.now = p.now.Add(rest)
	p.scroll.DragEnd()
}

func (p *page) offset() float32 { return p.scroll.Scroll.Offset.Y }

func (p *page) tapped() (all int) {
	for _, n := range p.taps {
		all += n
	}
	return all
}

func up(n float32) fyne.Delta { return fyne.Delta{DY: -n} }

// A finger's drag on the content, over the buttons, moves the page with it and
// taps nothing.
func TestASwipeScrollsThePageAndTapsNothing(t *testing.T) {
	p := newPage(t)
	p.drag(100, 250, 16*time.Millisecond, 200*time.Millisecond, up(20), up(50), up(50), up(80))
	if got := p.offset(); got != 200 {
		t.Errorf("the page moved %v for a 200-unit swipe that stopped before the lift", got)
	}
	if n := p.tapped(); n != 0 {
		t.Errorf("a swipe tapped %d buttons", n)
	}
	p.drag(100, 50, 16*time.Millisecond, 200*time.Millisecond, fyne.Delta{DY: 120})
	if got := p.offset(); got != 80 {
		t.Errorf("a swipe down left the page at %v, want 80", got)
	}
}

// Fyne's test driver drags as the real one does, through the topmost Draggable
// under the finger: the TouchScroll, not the button it starts on.
func TestTheTestDriversDragReachesTheScroll(t *testing.T) {
	p := newPage(t)
	test.Drag(p.win.Canvas(), fyne.NewPos(100, 250), 0, -120)
	if p.offset() < 120 || p.tapped() != 0 {
		t.Errorf("after a drag of 120 up the page is at %v, with %d taps", p.offset(), p.tapped())
	}
}

// A finger that wobbles within TapSlop is tapping: the button under it is
// tapped once, where the finger went down, and the page stays.
func TestATapThatMovesALittleStaysATap(t *testing.T) {
	p := newPage(t)
	p.drag(100, 100, 16*time.Millisecond, 16*time.Millisecond, fyne.Delta{DX: 3, DY: 2}, fyne.Delta{DX: -1, DY: 4})
	if p.offset() != 0 {
		t.Errorf("a wobbling tap moved the page to %v", p.offset())
	}
	if p.taps[2] != 1 || p.tapped() != 1 { // 100 is in the third button, 80 to 120
		t.Errorf("taps %v, want one on Item 2", p.taps)
	}
	// On a scrolled page the tap lands on what is under the finger now.
	p.scroll.Scroll.ScrollToOffset(fyne.NewPos(0, 400))
	p.drag(100, 10, 16*time.Millisecond, 0, fyne.Delta{DY: 3})
	under := -1
	for i, row := range p.scroll.Scroll.Content.(*fyne.Container).Objects {
		if y := row.Position().Y; y <= 410 && 410 < y+row.Size().Height {
			under = i
		}
	}
	if under < 0 || p.taps[under] != 1 || p.tapped() != 2 {
		t.Errorf("taps %v, want one more, on Item %d (at 410 in the list)", p.taps, under)
	}
}

// A swipe lifted at speed glides on, further than the finger went; one that
// came to rest first stops where it is.
func TestAFlickGlidesOn(t *testing.T) {
	p := newPage(t)
	p.drag(100, 250, 10*time.Millisecond, 5*time.Millisecond, up(20), up(30), up(30))
	if got := p.offset(); got <= 80 {
		t.Errorf("a flick of 80 units at 3000 a second stopped at %v: no glide", got)
	}
	q := newPage(t)
	q.drag(100, 250, 10*time.Millisecond, glideRest+time.Millisecond, up(20), up(30), up(30))
	if got := q.offset(); got != 80 {
		t.Errorf("a swipe that rested before the lift went on to %v", got)
	}
}

// The mouse wheel still scrolls: it reaches the scroll container inside.
func TestTheWheelStillScrolls(t *testing.T) {
	p := newPage(t)
	test.Scroll(p.win.Canvas(), fyne.NewPos(100, 150), 0, -60)
	if got := p.offset(); got != 60 {
		t.Errorf("the wheel moved the page to %v, want 60", got)
	}
}
