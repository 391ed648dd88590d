package ui

import (
	"bytes"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/printer"
	"github.com/medfordwater/lobbykiosk/ui/staff"
)

// newPrinterStaffHarness is a staff harness on a kiosk with printer p.
func newPrinterStaffHarness(t *testing.T, p Printer) *harness {
	t.Helper()
	h := newHarnessWith(t, harnessOptions{mode: ModeLive, printer: p})
	staffDeps(h.kiosk, &fixedPIN{pin: testStaffPIN}, &memLockout{})
	return h
}

func TestStaffSeeThePrinterAndPrintATestPage(t *testing.T) {
	p := &recordingPrinter{}
	h := newPrinterStaffHarness(t, p)
	m := h.openStaffMenu(t)
	if !showing(h, "Printer: ready") {
		t.Errorf("the staff status lacks the printer: %q", visibleTexts(h.win.Canvas()))
	}
	tapTestPage(t, h, m, "The test page printed.")
	if len(p.printed) != 1 || !bytes.HasPrefix(p.printed[0], []byte("%PDF")) {
		t.Fatalf("the printer got %d documents, want one PDF", len(p.printed))
	}
	assertTextsFromCatalog(t, h)
}

func TestStaffAreToldWhyThePrinterCannotPrint(t *testing.T) {
	paperOut := &printer.Error{Kind: printer.PaperOut, Reasons: []string{"media-empty-error"}}
	p := &recordingPrinter{fail: paperOut, state: printer.State{Problem: paperOut, Reasons: []string{"media-empty-error"}}}
	h := newPrinterStaffHarness(t, p)
	h.startIn("es")
	m := h.openStaffMenu(t)
	if !showing(h, "Impresora: paper-out (media-empty-error)") {
		t.Errorf("the staff status lacks the printer's problem: %q", visibleTexts(h.win.Canvas()))
	}
	tapTestPage(t, h, m, "La página de prueba no se imprimió: paper-out")
}

// tapTestPage taps Print a test page and checks the menu then says want.
func tapTestPage(t *testing.T, h *harness, m *staff.Menu, want string) {
	t.Helper()
	test.Tap(m.TestPage)
	h.settle()
	if !showing(h, want) {
		t.Errorf("after the test page the menu says %q, want %q", visibleTexts(h.win.Canvas()), want)
	}
}

func TestStaffMenuWithoutAPrinterHasNoPrinterLine(t *testing.T) {
	h, _ := newStaffHarness(t)
	m := h.openStaffMenu(t)
	if m.TestPage != nil || m.Printer.Visible() {
		t.Error("a kiosk without a printer offers a test page or shows a printer line")
	}
}

// On a panel scaled up for its size (1280×800 at 1.3 lays out as 985×615) the PIN
// pad's Cancel and OK and the menu's Close stay on screen: staff can always leave.
func TestStaffPINPadAndMenuFitAScaledUpPanel(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 985, Height: 615}, {Width: 1067, Height: 667}, {Width: 1280, Height: 800}} {
		h := newPrinterStaffHarness(t, &recordingPrinter{})
		h.win.Resize(size)
		h.tapStaffTarget(t, 5, 100*time.Millisecond)
		p := h.kiosk.staff.Pad()
		for name, b := range map[string]fyne.CanvasObject{"Cancel": p.Cancel, "OK": p.OK, "1": p.Digits[1]} {
			if !onCanvas(h, b) {
				t.Errorf("%v: the PIN pad's %s is off the screen", size, name)
			}
		}
		h.enterPIN(t, testStaffPIN)
		m := h.kiosk.staff.Menu()
		for name, b := range map[string]fyne.CanvasObject{"Close": m.Close, "Exit": m.Exit, "test page": m.TestPage} {
			if !onCanvas(h, b) {
				t.Errorf("%v: the staff menu's %s is off the screen", size, name)
			}
		}
	}
}

// onCanvas reports whether o lies wholly inside the window's canvas.
func onCanvas(h *harness, o fyne.CanvasObject) bool {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	c := h.win.Canvas().Size()
	return o.Visible() && pos.X >= 0 && pos.Y >= 0 && pos.X+o.Size().Width <= c.Width && pos.Y+o.Size().Height <= c.Height
}
