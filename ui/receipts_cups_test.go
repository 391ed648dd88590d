//go:build cups_integration

package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/printer"
	"github.com/medfordwater/lobbykiosk/internal/printer/cupstest"
)

// A receipt printed from the screen, as a visitor taps it, goes through a real
// cupsd to the paper (a queue that writes each job to a file), in each language:
// the paper has the confirmation and the last four digits, never the full
// account number.
func TestIntegrationAReceiptTappedOnScreenReachesThePaper(t *testing.T) {
	cups, err := cupstest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cups.Stop)
	if err := cups.AddQueue("lobby", "receiptfile:"+cups.Output); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "es"} {
		h := paidWithPrinter(t, printer.New("lobby"), lang)
		confirmation := h.kiosk.visit.pay.receipt.ConfirmationNumber
		test.Tap(viewOf[*payScreen](h.kiosk).print)
		h.settle()
		if !showing(h, h.msg(lang, "receipt.printed")) {
			t.Fatalf("%s: not printed: %q\n%s", lang, visibleTexts(h.win.Canvas()), cups.Log())
		}
		jobs, _ := filepath.Glob(filepath.Join(cups.Output, "job-*.pdf"))
		if len(jobs) == 0 {
			t.Fatalf("%s: nothing reached the paper", lang)
		}
		latest := jobs[len(jobs)-1]
		text, err := exec.Command("pdftotext", "-layout", latest, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		paper := string(text)
		for _, want := range []string{confirmation, bankNumber[len(bankNumber)-4:], "maria@example.com"} {
			if !strings.Contains(paper, want) {
				t.Errorf("%s: the receipt lacks %q:\n%s", lang, want, paper)
			}
		}
		if strings.Contains(strings.ReplaceAll(paper, " ", ""), bankNumber) {
			t.Errorf("%s: the receipt holds the full bank account number", lang)
		}
		_ = os.Remove(latest)
	}
}
