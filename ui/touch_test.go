package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// A finger's swipe anywhere on the FAQ's text scrolls it, as on a phone, and the
// visitor stays on the FAQ: the swipe taps nothing on its way.
func TestASwipeScrollsThePage(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("es")
	test.Tap(h.kiosk.page.chrome.help)
	page := h.pageScroll()
	middle := fyne.NewPos(h.win.Canvas().Size().Width/2, h.win.Canvas().Size().Height/2)
	test.Drag(h.win.Canvas(), middle, 0, -300)
	if page.Offset.Y < 300 {
		t.Errorf("a swipe of 300 up moved the FAQ to %v", page.Offset.Y)
	}
	if h.kiosk.page.id != screenHelp {
		t.Errorf("the swipe left the FAQ for %s", h.kiosk.page.id)
	}
}

// A tap whose finger slid a little before it lifted still lands: Find My
// Account finds the account.
func TestATapThatSlidesALittleStillLands(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	s := viewOf[*findScreen](h.kiosk)
	h.typeInto(s.accountNumber.entry, legacyAccount)
	h.typeInto(s.postalCode.entry, "97501")
	h.layOut()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.submit).Add(fyne.NewPos(20, 10))
	test.Drag(h.win.Canvas(), at, 3, 4)
	h.settle()
	if h.kiosk.page.id != screenFound {
		t.Errorf("a tap that slid 5 px on Find My Account left the kiosk on %s", h.kiosk.page.id)
	}
}

// A page that scrolls says so with a bar a visitor can see, 12 units wide
// without a mouse over it, at the screen's right edge.
func TestAPageThatScrollsShowsABar(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	test.Tap(h.kiosk.page.chrome.help)
	var bars []fyne.CanvasObject
	walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
		if fmt.Sprintf("%T", o) == "*widget.scrollBar" && o.Visible() {
			bars = append(bars, o)
		}
		return o.Visible()
	})
	if len(bars) != 1 {
		t.Fatalf("the FAQ shows %d scroll bars, want 1", len(bars))
	}
	if w := bars[0].Size().Width; w < 12 {
		t.Errorf("the FAQ's scroll bar is %v wide, want 12 or more", w)
	}
	if right := fyne.CurrentApp().Driver().AbsolutePositionForObject(bars[0]).X + bars[0].Size().Width; right < h.win.Canvas().Size().Width-16 {
		t.Errorf("the bar ends at %v, not at the screen's edge (%v)", right, h.win.Canvas().Size().Width)
	}
}

// swipeAt moves a finger from pos by dy in four moves and lifts it, the way Fyne's
// window driver delivers it (processMouseMoved, processMouseClicked): the press
// goes to what takes it under the finger and the focus leaves a field that is
// not; the moves and their end go to the front-most Draggable under the press;
// the release goes to that Draggable when it takes presses, and the focus leaves
// a field the finger no longer is on. No tap: the driver taps no drag.
func (h *harness) swipeAt(pos fyne.Position, dy float32) {
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	pressed := h.objectAt(pos)
	if m, ok := pressed.(desktop.Mouseable); ok {
		m.MouseDown(ev)
	}
	h.unfocusOffFinger(pressed, pos)
	d := fyne.CurrentApp().Driver()
	var dragged fyne.Draggable
	walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
		at := d.AbsolutePositionForObject(o)
		if !o.Visible() || pos.X < at.X || pos.Y < at.Y || pos.X >= at.X+o.Size().Width || pos.Y >= at.Y+o.Size().Height {
			return false
		}
		if drag, ok := o.(fyne.Draggable); ok {
			dragged = drag
		}
		return true
	})
	if dragged == nil {
		h.t.Fatalf("nothing under %v takes a drag", pos)
	}
	origin := d.AbsolutePositionForObject(dragged.(fyne.CanvasObject))
	at := pos.Subtract(origin)
	for range 4 {
		at = at.Add(fyne.NewPos(0, dy/4))
		dragged.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: at.Add(origin)}, Dragged: fyne.Delta{DY: dy / 4}})
	}
	if m, ok := dragged.(desktop.Mouseable); ok {
		m.MouseUp(ev)
	}
	end := pos.Add(fyne.NewPos(0, dy))
	h.unfocusOffFinger(h.objectAt(end), end)
	dragged.DragEnd()
}

// A swipe that starts on a field scrolls the page, as on a phone, and neither
// focuses the field nor brings up its keys; a touch on the field that wobbles a
// little focuses it, keys and all.
func TestASwipeThatStartsOnAFieldScrollsThePage(t *testing.T) {
	h := newKeyboardHarness(t)
	h.win.Resize(fyne.NewSize(1024, 768))
	h.openRegister(t, "en")
	h.tapKey(t, "keyboard.hide")
	h.win.Canvas().Unfocus()
	h.pageScroll().ScrollToTop()
	e := viewOf[*registerScreen](h.kiosk).emailAgain.entry
	d := fyne.CurrentApp().Driver()
	on := d.AbsolutePositionForObject(e).Add(fyne.NewPos(40, e.Size().Height/2))
	if h.objectAt(on) == nil || on.Y > h.win.Canvas().Size().Height-250 {
		t.Fatalf("the field is not in view to swipe, at %v", on)
	}
	h.swipeAt(on, -200)
	if got := h.pageScroll().Offset.Y; got < 150 {
		t.Errorf("a swipe of 200 up that started on a field moved the page to %v", got)
	}
	if f := h.win.Canvas().Focused(); f != nil {
		t.Errorf("the swipe focused %T", f)
	}
	if h.kiosk.keyboard.Dock().Visible() {
		t.Error("the swipe brought up the keys")
	}
	h.pageScroll().ScrollToTop()
	h.swipeAt(on, 6)
	h.clock.Advance(time.Second)
	h.assertKeyboardFor(t, e, viewOf[*registerScreen](h.kiosk).emailAgain.spec.keyboard)
}
