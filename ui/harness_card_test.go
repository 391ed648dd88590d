package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminaltest"
)

// cardTerminal is the practice terminal a card test pays through: the real
// simulator over HTTPS, and the real nexo client with its journal.
type cardTerminal struct {
	sim     *terminalsim.Sim
	client  *terminal.Client
	journal *terminal.Journal
}

// startCardTerminal starts the practice terminal with faults (terminalsim's
// SPEC, "" for none), as main does for the demo, on the test's clock.
func startCardTerminal(t testing.TB, clock Clock, faults string) *cardTerminal {
	return startCardTerminalWithin(t, clock, faults, 5*time.Second)
}

// startCardTerminalWithin is startCardTerminal whose client waits at most
// payWithin for a payment's answer before it asks for the status.
func startCardTerminalWithin(t testing.TB, clock Clock, faults string, payWithin time.Duration) *cardTerminal {
	t.Helper()
	r := terminaltest.Start(t, terminaltest.Options{Faults: faults, Now: clock.Now, PayWithin: payWithin, SaleID: "lobby-test"})
	return &cardTerminal{sim: r.Sim, client: r.Client, journal: r.Journal}
}

// newCardHarness is a kiosk with card_entry = "terminal" on the practice
// terminal (faults: terminalsim's SPEC).
func newCardHarness(t testing.TB, faults string) (*harness, *cardTerminal) {
	t.Helper()
	var ct *cardTerminal
	h := newHarnessWith(t, harnessOptions{settings: testConfig{CardEntry: "terminal"},
		card: func(clock Clock) (CardTerminal, PracticeReader) {
			ct = startCardTerminal(t, clock, faults)
			return ct.client, ct.sim
		}})
	return h, ct
}

// reviewCardPayment fills the payment form for the legacy account with a card
// and continues to the review.
func (h *harness) reviewCardPayment(t testing.TB, lang string) {
	t.Helper()
	h.goToPay(t, lang)
	h.fillEmails("maria@example.com", "maria@example.com")
	test.Tap(viewOf[*payScreen](h.kiosk).method.kind.buttons[client.KindCard])
	test.Tap(viewOf[*payScreen](h.kiosk).submit)
	if st := h.kiosk.visit.pay; st == nil || !st.reviewing {
		t.Fatalf("%s: Continue with a card did not show the review: %q", lang, visibleTexts(h.win.Canvas()))
	}
	h.advance(time.Second) // past the double-tap guard
}

// atTheReader does act (a tap on Pay or Create AutoPay) and, once the
// terminal waits for the card, at: what the visitor does at the reader (taps
// a practice card, Cancel, Start over). at runs on a goroutine of its own while
// the kiosk waits for the terminal, as a visitor's tap arrives; nothing else
// touches the kiosk then. It returns once all the act started is over, and
// reports whether the terminal asked for a card.
func (h *harness) atTheReader(t testing.TB, act, at func()) bool {
	t.Helper()
	sim := h.kiosk.reader.practice.(*terminalsim.Sim)
	stop, asked := make(chan struct{}), make(chan bool, 1)
	go func() {
		for {
			select {
			case <-stop:
				asked <- false
				return
			default:
			}
			if sim.Waiting() {
				at()
				asked <- true
				return
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	act()
	h.settle()
	close(stop)
	return <-asked
}

// payAtTheReader taps Pay on the review and, at the reader, the practice
// card; it fails if the terminal never asked for a card.
func (h *harness) payAtTheReader(t testing.TB, card string) {
	t.Helper()
	tapPay := func() { test.Tap(viewOf[*payScreen](h.kiosk).payButton) }
	if !h.atTheReader(t, tapPay, func() { test.Tap(viewOf[*payScreen](h.kiosk).practiceCards[card]) }) {
		t.Fatalf("the terminal never asked for a card; problems %v", h.kiosk.visit.problems)
	}
}

// practiceTerminal is harnessOptions.card for a kiosk that offers cards: the
// practice terminal, without faults.
func practiceTerminal(t testing.TB) func(Clock) (CardTerminal, PracticeReader) {
	return func(clock Clock) (CardTerminal, PracticeReader) {
		ct := startCardTerminal(t, clock, "")
		return ct.client, ct.sim
	}
}

// payForm is the payment form of the One Time Payment screen on show.
func (h *harness) payForm() *paymentForm { return viewOf[*payScreen](h.kiosk).method }
