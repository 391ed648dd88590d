package ui

import (
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
