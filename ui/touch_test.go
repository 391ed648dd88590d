package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
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
