package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/printer"
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
	test.Tap(m.testPage)
	h.settle()
	if !showing(h, "The test page printed.") {
		t.Errorf("after the test page the menu says %q", visibleTexts(h.win.Canvas()))
	}
	if len(p.printed) != 1 || !bytes.HasPrefix(p.printed[0], []byte("%PDF")) {
		t.Fatalf("the printer got %d documents, want one PDF", len(p.printed))
	}
	assertTextsFromCatalog(t, h)
}

func TestStaffAreToldWhyThePrinterCannotPrint(t *testing.T) {
	jam := &printer.Error{Kind: printer.PaperOut, Reasons: []string{"media-empty-error"}}
	p := &recordingPrinter{fail: jam, state: printer.State{Problem: jam, Reasons: []string{"media-empty-error"}}}
	h := newPrinterStaffHarness(t, p)
	h.startIn("es")
	m := h.openStaffMenu(t)
	if !showing(h, "Impresora: paper-out (media-empty-error)") {
		t.Errorf("the staff status lacks the printer's problem: %q", visibleTexts(h.win.Canvas()))
	}
	test.Tap(m.testPage)
	h.settle()
	if !showing(h, "La página de prueba no se imprimió: paper-out") {
		t.Errorf("after a failed test page the menu says %q", visibleTexts(h.win.Canvas()))
	}
}

func TestStaffMenuWithoutAPrinterHasNoPrinterLine(t *testing.T) {
	h, _ := newStaffHarness(t)
	m := h.openStaffMenu(t)
	if m.testPage != nil || m.printer.Visible() {
		t.Error("a kiosk without a printer offers a test page or shows a printer line")
	}
}
