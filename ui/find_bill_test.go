package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/assets"
)

// A visitor who does not know where their number is sees a bill with the spot
// marked and words in their language, on arrival and again with the problem when
// the number and ZIP matched nothing.
func TestFindShowsWhereTheNumberIsOnTheBill(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.startIn(lang)
		drawing := assertBillOnScreen(t, h, lang)
		h.findAccount(plainAccount, "97501") // the practice account's ZIP is 97504
		s := viewOf[*findScreen](h.kiosk)
		if !s.problem.Visible() || s.problem.Text != h.msg(lang, "error.account_not_found") {
			t.Fatalf("%s: a wrong ZIP shows the problem %q (visible %v)", lang, s.problem.Text, s.problem.Visible())
		}
		again := assertBillOnScreen(t, h, lang)
		if again != drawing || again.Image == nil {
			t.Errorf("%s: the screen's rebuild made a new drawing (Fyne rasterises the SVG again)", lang)
		}
	}
}

// assertBillOnScreen finds the drawing of the bill and its caption, both shown and
// within the window at its full size, and returns the drawing.
func assertBillOnScreen(t *testing.T, h *harness, lang string) *canvas.Image {
	t.Helper()
	caption := h.msg(lang, "find.bill_caption")
	if !slices.Contains(visibleTexts(h.win.Canvas()), caption) {
		t.Errorf("%s: the caption %q is not on the %s screen", lang, caption, h.kiosk.page.id)
	}
	for _, o := range test.LaidOutObjects(h.win.Content()) {
		img, ok := o.(*canvas.Image)
		if !ok || img.Resource != assets.Bill || !img.Visible() {
			continue
		}
		top := fyne.CurrentApp().Driver().AbsolutePositionForObject(img).Y
		if size := img.Size(); size.Width < 224 || size.Height < 140 || top < 0 || top+size.Height > h.win.Canvas().Size().Height {
			t.Errorf("%s: the drawing is %v at y=%v in a %v window", lang, size, top, h.win.Canvas().Size())
		}
		return img
	}
	t.Fatalf("%s: no drawing of a bill on the %s screen", lang, h.kiosk.page.id)
	return nil
}

// On arrival the number's field has the focus, so the on-screen keyboard comes up
// and the page scrolls to the field: the drawing must still be in view above it.
func TestTheBillStaysInViewAboveTheKeyboard(t *testing.T) {
	h := newKeyboardHarness(t)
	h.startIn("es")
	drawing := assertBillOnScreen(t, h, "es")
	kb := h.kiosk.keyboard
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(drawing).Y
	areaTop := d.AbsolutePositionForObject(kb.Scroll()).Y
	dockTop := d.AbsolutePositionForObject(kb.Dock()).Y
	if !kb.Dock().Visible() || top < areaTop || top+drawing.Size().Height > dockTop {
		t.Errorf("drawing at %v–%v; visible area from %v; keyboard (shown %v) from %v",
			top, top+drawing.Size().Height, areaTop, kb.Dock().Visible(), dockTop)
	}
}
