package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/printer"
)

// Every goroutine the kiosk starts recovers a panic (internal/guard): a receipt's
// printing, the queue's purge at the reset, the staff desk's PIN check and the
// portal health check each panic here, and the kiosk goes on. (The heartbeat's
// own test is internal/heartbeat's TestAPanicInABeatIsAMissedBeat.)

// panickyPrinter panics where it is told to.
type panickyPrinter struct {
	recordingPrinter
	printPanics, purgePanics bool
}

func (p *panickyPrinter) PrintAndWait(ctx context.Context, pdf []byte) (printer.JobID, error) {
	if p.printPanics {
		panic("the printer's driver")
	}
	return p.recordingPrinter.PrintAndWait(ctx, pdf)
}

func (p *panickyPrinter) PurgeMine(ctx context.Context) error {
	if p.purgePanics {
		panic("the queue")
	}
	return p.recordingPrinter.PurgeMine(ctx)
}

func TestAPanicPrintingOrPurgingIsAReceiptNotPrinted(t *testing.T) {
	p := &panickyPrinter{printPanics: true, purgePanics: true}
	h := paidWithPrinter(t, p, "en")
	s := viewOf[*payScreen](h.kiosk)
	test.Tap(s.print)
	h.settle()
	if !showing(h, h.msg("en", "receipt.printer_failed")) {
		t.Error("a panic while printing was not told as a receipt not printed")
	}
	test.Tap(s.finish)
	test.Tap(viewOf[*doneScreen](h.kiosk).finish)
	h.settle() // the purge's goroutine ends, its panic recovered
	if h.kiosk.page.id != screenWelcome {
		t.Errorf("after the purge panicked the kiosk is on %s", h.kiosk.page.id)
	}
}

// panickyPIN is a staff PIN verifier that panics.
type panickyPIN struct{}

func (panickyPIN) VerifyStaffPIN(string) (bool, error) { panic("the keyring") }

func TestAPanicCheckingTheStaffPINIsAPINNotChecked(t *testing.T) {
	h := newHarness(t, ModeLive)
	staffDeps(h.kiosk, panickyPIN{}, &memLockout{})
	h.openPadNow(t)
	h.enterPIN(t, testStaffPIN)
	if h.kiosk.staff.Menu() != nil || !showing(h, h.msg("en", "staff.pin_error")) {
		t.Errorf("a panicking PIN check: menu open %v, screen %q", h.kiosk.staff.Menu() != nil, visibleTexts(h.win.Canvas()))
	}
}

func TestAPanicInTheHealthCheckIsAFailedCheck(t *testing.T) {
	h := newHarness(t, ModeLive)
	panics := 0
	h.kiosk.health.notePortal = func(error) { panics++; panic("the heartbeat's note") }
	h.checkHealthAfter(healthInterval)
	h.checkHealthAfter(healthInterval)
	if panics != 2 {
		t.Fatalf("%d checks ran, want 2: the watch stopped after a panic", panics)
	}
	if h.kiosk.page.id != screenOutOfService {
		t.Errorf("two checks that panicked left the kiosk on %s, want out of service", h.kiosk.page.id)
	}
}
