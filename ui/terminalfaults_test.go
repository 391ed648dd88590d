package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

// terminalFault is one way the card terminal, or the network to it, fails a
// card payment, and what the visitor meets: paid (the fault was recovered by
// asking the terminal for the transaction's status, never by paying again), or
// a message with nothing recorded.
type terminalFault struct {
	spec     string // terminalsim's fault SPEC
	message  string // the review's message ID; "" for paid
	charges  int    // cards the terminal charged
	recorded int    // payments the portal recorded
	pending  int    // payments the journal keeps for the next start
}

var terminalFaults = []terminalFault{
	{spec: terminalsim.FaultUnreachable, message: "reader.unavailable"},
	{spec: terminalsim.FaultWrongCert, message: "reader.unavailable"},
	{spec: terminalsim.FaultSlow + ":1", charges: 1, recorded: 1},
	{spec: terminalsim.FaultLost + ":1", charges: 1, recorded: 1},
	{spec: terminalsim.FaultDuplicate + ":1", charges: 1, recorded: 1},
	{spec: terminalsim.FaultMalformed + ":1", charges: 1, recorded: 1},
	{spec: terminalsim.FaultBadMAC + ":1", charges: 1, recorded: 1},
	{spec: terminalsim.FaultNoEcho + ":1", charges: 1, recorded: 1},
	// The terminal charged and no answer can be believed: nobody knows, so
	// the visitor is told not to pay again, Pay is off, and the journal keeps
	// the payment for the next start to recover.
	{spec: terminalsim.FaultBadMAC, message: "reader.unknown", charges: 1, pending: 1},
}

// Every terminal fault, through the UI, in both languages: a card payment is
// never charged twice, never lost, and the visitor is told what happened.
func TestTerminalFaultsThroughTheUI(t *testing.T) {
	for i, f := range terminalFaults {
		lang := []string{"en", "es"}[i%2]
		t.Run(f.spec+"/"+lang, func(t *testing.T) {
			var ct *cardTerminal
			h := newHarnessWith(t, harnessOptions{settings: testConfig{CardEntry: "terminal"},
				card: func(clock Clock) (CardTerminal, PracticeReader) {
					ct = startCardTerminalWithin(t, clock, f.spec, time.Second) // the slow answer comes 2 s late
					return ct.client, ct.sim
				}})
			h.reviewCardPayment(t, lang)
			h.atTheReader(t, func() { test.Tap(viewOf[*payScreen](h.kiosk).payButton) },
				func() { test.Tap(viewOf[*payScreen](h.kiosk).practiceCards[terminalsim.CardApproved]) })
			pending, err := ct.journal.Pending()
			if err != nil {
				t.Fatal(err)
			}
			if ct.sim.Charges() != f.charges || h.sim.Stats().Payments != f.recorded || len(pending) != f.pending {
				t.Fatalf("%d charged, %d recorded, %d pending; want %d, %d, %d; problems %v", ct.sim.Charges(),
					h.sim.Stats().Payments, len(pending), f.charges, f.recorded, f.pending, h.kiosk.visit.problems)
			}
			s := viewOf[*payScreen](h.kiosk)
			if f.message == "" {
				assertPaid(t, h, lang, formatMoney(h.kiosk.visit.account.AmountDueCents))
				return
			}
			if s.problem == nil || s.problem.Text != h.msg(lang, f.message) {
				t.Fatalf("the review says %q, want %q", problemText(s), h.msg(lang, f.message))
			}
			if f.pending > 0 && !s.payButton.Disabled() {
				t.Error("Pay is offered again for a payment nobody knows the outcome of")
			}
		})
	}
}

func problemText(s *payScreen) string {
	if s.problem == nil {
		return ""
	}
	return s.problem.Text
}
