package ui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/printer"
	rt "github.com/medfordwater/lobbykiosk/internal/receipt/receipttest"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// recordingPrinter keeps what the kiosk printed and purged; fail makes it fail
// as a printer without paper does. The real CUPS path is receipts_cups_test.go.
type recordingPrinter struct {
	mu      sync.Mutex
	printed [][]byte
	purges  int
	fail    error
	state   printer.State // what State reports: ready unless set
}

func (p *recordingPrinter) PrintAndWait(_ context.Context, pdf []byte) (printer.JobID, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail != nil {
		return 0, p.fail
	}
	p.printed = append(p.printed, pdf)
	return printer.JobID(len(p.printed)), nil
}

func (p *recordingPrinter) PurgeMine(context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.purges++
	return nil
}

func (p *recordingPrinter) State(context.Context) printer.State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state
}

// paidWithPrinter pays once by bank account, in lang, on a kiosk with printer p.
func paidWithPrinter(t *testing.T, p Printer, lang string) *harness {
	t.Helper()
	return paidOn(t, harnessOptions{printer: p}, lang)
}

// paidOn pays once by bank account, in lang, on a kiosk made with opts.
func paidOn(t *testing.T, opts harnessOptions, lang string) *harness {
	t.Helper()
	h := newHarnessWith(t, opts)
	h.goToPay(t, lang)
	h.fillEmails("maria@example.com", "maria@example.com")
	h.fillBank(goodRouting)
	h.reviewAndPay(t)
	mustBePaid(t, h)
	return h
}

func TestAPaidVisitorCanPrintAReceiptAndIsToldHowItWent(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		p := &recordingPrinter{}
		h := paidWithPrinter(t, p, lang)
		s := viewOf[*payScreen](h.kiosk)
		if s.print == nil || s.print.Text != h.msg(lang, "receipt.print") {
			t.Fatalf("%s: no Print a receipt under the confirmation", lang)
		}
		test.Tap(s.print)
		h.settle()
		if len(p.printed) != 1 || !strings.HasPrefix(string(p.printed[0]), "%PDF") {
			t.Fatalf("%s: printed %d documents", lang, len(p.printed))
		}
		if !showing(h, h.msg(lang, "receipt.printed")) {
			t.Errorf("%s: the visitor is not told the receipt printed: %q", lang, visibleTexts(h.win.Canvas()))
		}

		if !s.print.Disabled() {
			t.Errorf("%s: Print can be tapped again: a second copy by a double tap", lang)
		}
		purges := p.purges
		h.kiosk.reset(triggerFinish)
		h.settle()
		if p.purges != purges+1 {
			t.Errorf("%s: the reset did not purge the queue", lang)
		}
	}
}

// Staff match a receipt to the account by its last four digits; a receipt
// printed in training or the demo says, in the visitor's language, that it is
// practice, so nobody takes it for proof of a real payment.
func TestAReceiptNamesTheAccountAndSaysWhenItIsPractice(t *testing.T) {
	account := map[string]string{"en": "Account ending in 2430", "es": "Cuenta que termina en 2430"}
	practice := map[Mode]map[string]string{
		ModeDemo:     {"en": "DEMO RECEIPT: practice only", "es": "RECIBO DE DEMOSTRACIÓN: solo práctica"},
		ModeTraining: {"en": "TRAINING RECEIPT: practice only", "es": "RECIBO DE CAPACITACIÓN: solo práctica"},
	}
	for _, mode := range []Mode{ModeLive, ModeDemo, ModeTraining} {
		for _, lang := range []string{"en", "es"} {
			p := &recordingPrinter{}
			h := paidOn(t, harnessOptions{printer: p, mode: mode}, lang)
			test.Tap(viewOf[*payScreen](h.kiosk).print)
			h.settle()
			if len(p.printed) != 1 {
				t.Fatalf("mode %d, %s: printed %d documents", mode, lang, len(p.printed))
			}
			text := rt.Flat(rt.PDFText(t, p.printed[0]))
			if !strings.Contains(text, account[lang]) {
				t.Errorf("mode %d, %s: the receipt does not say %q:\n%s", mode, lang, account[lang], text)
			}
			for m, says := range practice {
				if strings.Contains(text, says[lang]) != (m == mode) {
					t.Errorf("mode %d, %s: the receipt says %q: %v", mode, lang, says[lang], m == mode)
				}
			}
		}
	}
}

func TestAPrinterOutOfPaperIsExplainedAndBlocksNothing(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		p := &recordingPrinter{fail: &printer.Error{Kind: printer.PaperOut}}
		h := paidWithPrinter(t, p, lang)
		s := viewOf[*payScreen](h.kiosk)
		test.Tap(s.print)
		h.settle()
		if !showing(h, h.msg(lang, "receipt.printer_failed")) || s.print.Disabled() {
			t.Errorf("%s: a printer out of paper is not explained, or Print stays off", lang)
		}
		test.Tap(s.finish)
		if h.kiosk.page.id != screenDone {
			t.Errorf("%s: after a failed receipt Finish led to %s", lang, h.kiosk.page.id)
		}
	}
}

func TestWithoutAPrinterThereIsNoPrintButton(t *testing.T) {
	h := paidWithPrinter(t, nil, "en")
	if viewOf[*payScreen](h.kiosk).print != nil || showing(h, "Print a receipt") {
		t.Error("a kiosk without a printer offers a receipt")
	}
}

func TestTheDoneScreenOffersAReceiptAndThePortalsCode(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		p := &recordingPrinter{}
		h := paidWithPrinter(t, p, lang)
		test.Tap(viewOf[*payScreen](h.kiosk).finish)
		if h.kiosk.page.id != screenDone {
			t.Fatalf("%s: Finish led to %s", lang, h.kiosk.page.id)
		}
		if viewOf[*doneScreen](h.kiosk).print == nil {
			t.Errorf("%s: the Done screen offers no receipt", lang)
		}
		if !showing(h, h.msg(lang, "receipt.scan_portal")) || !hasImage(h) {
			t.Errorf("%s: the Done screen lacks the portal's code or its caption", lang)
		}
	}
}

// hasImage reports whether a raster image (the QR code) is on screen.
func hasImage(h *harness) bool {
	found := false
	walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
		if img, ok := o.(*canvas.Image); ok && img.Visible() && img.Image != nil {
			found = true
		}
		return !found
	})
	return found
}

// A visit that did everything has a long summary, and a portal code under it;
// Print a receipt and Finish still show on arrival without scrolling, on the
// 15.6-inch 1280×800 panel, in Spanish as in English.
func TestDoneShowsPrintAndFinishWithoutScrolling(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := paidOn(t, harnessOptions{printer: &recordingPrinter{}}, lang)
		h.win.Resize(landscapeLobbyPanel.logicalSize(t))
		test.Tap(viewOf[*payScreen](h.kiosk).register)
		h.settle()
		h.fillRegistration("", "", strongPassword, true)
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		h.autoPayByBankFromMyAccount(t)
		h.eBillingFromMyAccount()
		test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
		mustBeOn(t, h, screenDone)
		h.layOut()
		if n := len(viewOf[*doneScreen](h.kiosk).summary); n != 4 {
			t.Fatalf("%s: Done sums up %d things, want 4", lang, n)
		}
		s := viewOf[*doneScreen](h.kiosk)
		for name, b := range map[string]*kwidget.Button{"Print a receipt": s.print, "Finish": s.finish} {
			at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if b == nil || !b.Visible() || at.Y < 0 || at.Y+b.Size().Height > h.win.Canvas().Size().Height {
				t.Errorf("%s: %s is not in view on arrival (at %.0f)", lang, name, at.Y)
			}
		}
	}
}

// slowPrinter is a printer whose receipts take until release to be sent, as a
// submission to a busy cupsd does: a reset in that time must stop the receipt, and
// the purge must come after it, or the receipt prints for the next visitor.
type slowPrinter struct {
	recordingPrinter
	release chan struct{}
	events  chan string // "sent", "stopped", "purged", in the order they happened
}

func (p *slowPrinter) PrintAndWait(ctx context.Context, pdf []byte) (printer.JobID, error) {
	select {
	case <-p.release:
		p.events <- "sent"
		return p.recordingPrinter.PrintAndWait(ctx, pdf)
	case <-ctx.Done():
		p.events <- "stopped"
		// Answer only when the test says: the test driver runs the answer on this
		// goroutine, where the real driver would queue it for the UI thread.
		<-p.release
		return 0, ctx.Err()
	}
}

func (p *slowPrinter) PurgeMine(ctx context.Context) error {
	p.events <- "purged"
	return p.recordingPrinter.PurgeMine(ctx)
}

// A receipt tapped just before Finish is stopped by the reset, and the queue is
// purged after it stopped: nothing of this visitor prints for the next one.
func TestAReceiptOnItsWayAtTheResetNeverPrints(t *testing.T) {
	p := &slowPrinter{release: make(chan struct{}), events: make(chan string, 8)}
	h := paidOn(t, harnessOptions{printer: p}, "en")
	for len(p.events) > 0 {
		<-p.events // the start-up purge
	}
	test.Tap(viewOf[*payScreen](h.kiosk).print)
	test.Tap(viewOf[*payScreen](h.kiosk).finish)
	test.Tap(viewOf[*doneScreen](h.kiosk).finish) // the reset, the receipt still on its way
	next := func() string {
		select {
		case e := <-p.events:
			return e
		case <-time.After(3 * time.Second):
			return "nothing"
		}
	}
	got := []string{next()}
	close(p.release) // the reset is over; a submission that was not stopped lands now
	got = append(got, next())
	h.settle()
	if got[0] != "stopped" || got[1] != "purged" {
		t.Errorf("after the reset: %v, want the receipt stopped, then the queue purged", got)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.printed) != 0 {
		t.Error("the receipt printed after the visit ended")
	}
}
