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

// payAtTheReader taps Pay on the review, waits for the reader's instructions,
// and taps the practice card on the practice card reader.
func (h *harness) payAtTheReader(t *testing.T, card string) {
	t.Helper()
	test.Tap(viewOf[*payScreen](h.kiosk).payButton)
	h.settle() // the lookup; the terminal now waits for the card
	s := viewOf[*payScreen](h.kiosk)
	if s.cancelCard == nil || s.practiceCards[card] == nil {
		t.Fatalf("the reader's instructions are not on show: %q", visibleTexts(h.win.Canvas()))
	}
	h.presentCard(t, card)
}

// presentCard taps a practice card on the reader on show and waits until the
// kiosk has handled the terminal's answer, and what that started.
func (h *harness) presentCard(t *testing.T, card string) {
	t.Helper()
	run := h.kiosk.visit.pay.card
	test.Tap(viewOf[*payScreen](h.kiosk).practiceCards[card])
	h.waitForTheReader(t, run)
}

// waitForTheReader waits until the kiosk has handled the terminal's answer to
// run, then for what that started (the portal's record).
func (h *harness) waitForTheReader(t *testing.T, run *cardRun) {
	t.Helper()
	select {
	case <-run.answered:
	case <-time.After(30 * time.Second):
		t.Fatal("the terminal's answer never came")
	}
	h.settle()
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
