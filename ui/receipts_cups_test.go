//go:build cups_integration

package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/printer"
	"github.com/medfordwater/lobbykiosk/internal/printer/cupstest"
)

// A receipt printed from the screen, as a visitor taps it, goes through a real
// cupsd to the paper (a queue that writes each job to a file), in each language:
// the paper has the confirmation and the last four digits, never the full
// account number.
func TestIntegrationAReceiptTappedOnScreenReachesThePaper(t *testing.T) {
	cups := startCups(t, map[string]string{"lobby": "receiptfile:"})
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

// submittingPrinter is the real printer behind a submission that takes delay to
// reach cupsd, as on a busy spooler: the window in which a reset used to purge
// before the job existed.
type submittingPrinter struct {
	*printer.Printer
	delay time.Duration
}

func (p submittingPrinter) PrintAndWait(ctx context.Context, pdf []byte) (printer.JobID, error) {
	select {
	case <-time.After(p.delay):
		return p.Printer.PrintAndWait(ctx, pdf)
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// A receipt tapped just before Finish, still on its way to cupsd or already
// printing on a printer that takes its time, never reaches the paper after the
// visit ended, and the queue is left empty for the next visitor.
func TestIntegrationAReceiptOnItsWayAtTheResetNeverPrints(t *testing.T) {
	cups := startCups(t, map[string]string{"lobby": "receiptfile:", "slowpaper": "slow:"})
	for _, tc := range []struct {
		name    string
		printer Printer
		queued  bool // wait for the job to be in the queue before the reset
	}{
		{"on its way to cupsd", submittingPrinter{printer.New("lobby"), 500 * time.Millisecond}, false},
		{"printing", printer.New("slowpaper"), true},
	} {
		h := paidOn(t, harnessOptions{printer: tc.printer}, "en")
		test.Tap(viewOf[*payScreen](h.kiosk).print)
		for deadline := time.Now().Add(5 * time.Second); tc.queued && len(cups.Jobs()) == 0; time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: the receipt never reached the queue\n%s", tc.name, cups.Log())
			}
		}
		test.Tap(viewOf[*payScreen](h.kiosk).finish)
		test.Tap(viewOf[*doneScreen](h.kiosk).finish) // the visit ends
		h.settle()
		time.Sleep(time.Second) // a submission that was not stopped would land by now
		if jobs, _ := filepath.Glob(filepath.Join(cups.Output, "job-*.pdf")); len(jobs) != 0 {
			t.Errorf("%s: a receipt printed after the visit ended: %v", tc.name, jobs)
		}
		if left := cups.Jobs(); len(left) != 0 {
			t.Errorf("%s: jobs left in the queue for the next visitor: %v", tc.name, left)
		}
	}
}

// startCups runs a private cupsd for the test with queues by name; a
// "receiptfile:" device writes its jobs to the server's Output.
func startCups(t *testing.T, queues map[string]string) *cupstest.Server {
	t.Helper()
	cups, err := cupstest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cups.Stop)
	for name, device := range queues {
		if device == "receiptfile:" {
			device += cups.Output
		}
		if err := cups.AddQueue(name, device); err != nil {
			t.Fatal(err)
		}
	}
	return cups
}
