package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// moneyAction is a tap that enrols or pays: it must happen once, whatever the
// visitor's fingers and the network do.
type moneyAction struct {
	name   string
	route  string // the call that moves the money
	reach  func(t *testing.T, h *harness, lang string)
	button func(h *harness) *kwidget.Button // "Create AutoPay", "Pay"
	next   func(h *harness) *kwidget.Button // the form's "Continue" to the review
	change func(h *harness) *kwidget.Button // the review's "Change"
	done   func(h *harness) bool
	count  func(st portalsim.Stats) int // how many times it happened
}

func moneyActions() []moneyAction {
	return []moneyAction{
		{name: "Create AutoPay", route: "/autopay", reach: reachAutoPayReview,
			button: func(h *harness) *kwidget.Button { return viewOf[*autoPayScreen](h.kiosk).create },
			next:   func(h *harness) *kwidget.Button { return viewOf[*autoPayScreen](h.kiosk).submit },
			change: func(h *harness) *kwidget.Button { return viewOf[*autoPayScreen](h.kiosk).change },
			done:   func(h *harness) bool { return viewOf[*autoPayScreen](h.kiosk).confirmation != nil },
			count:  func(st portalsim.Stats) int { return max(st.AutoPayEnrollments, st.PaymentMethods) }},
		{name: "Pay", route: "/one-time-payments", reach: reachPayTwiceContinued,
			button: func(h *harness) *kwidget.Button { return viewOf[*payScreen](h.kiosk).payButton },
			next:   func(h *harness) *kwidget.Button { return viewOf[*payScreen](h.kiosk).submit },
			change: func(h *harness) *kwidget.Button { return viewOf[*payScreen](h.kiosk).change },
			done:   func(h *harness) bool { return viewOf[*payScreen](h.kiosk).confirmation != nil },
			count:  func(st portalsim.Stats) int { return st.Payments }},
	}
}

// reachPayTwiceContinued fills the payment and taps "Continue to payment" twice.
func reachPayTwiceContinued(t *testing.T, h *harness, lang string) {
	fillPayForm(t, h, lang)
	continueButton := viewOf[*payScreen](h.kiosk).submit
	test.Tap(continueButton)
	test.Tap(continueButton)
	if viewOf[*payScreen](h.kiosk).payButton == nil {
		t.Fatalf("no payment review: %v", h.kiosk.visit.problems)
	}
	h.readReview()
}

// A double tap on "Continue" whose second tap lands on the money button that has
// replaced it: the review has to be seen before anything moves.
func TestADoubleTapOnContinueNeverTapsThroughTheReview(t *testing.T) {
	for _, a := range moneyActions() {
		h := newHarnessWith(t, harnessOptions{})
		a.reach(t, h, "en")
		test.Tap(a.change(h)) // back to the form, everything as typed
		test.Tap(a.next(h))   // Continue...
		test.Tap(a.button(h)) // ...and the second tap of a double tap, on what is there now
		h.settle()
		if n := a.count(h.sim.Stats()); n != 0 || a.done(h) {
			t.Fatalf("%s: a double tap on Continue went through the review: happened %d times", a.name, n)
		}
		h.readReview()
		test.Tap(a.button(h))
		h.settle()
		if n := a.count(h.sim.Stats()); n != 1 || !a.done(h) {
			t.Errorf("%s: a deliberate tap after the review: happened %d times, want once", a.name, n)
		}
	}
}

func TestTapsDuringTheCallEnrolAndPayOnce(t *testing.T) {
	for _, a := range moneyActions() {
		gate := make(chan struct{})
		h := newHarnessWith(t, harnessOptions{front: answerGate{a.route, gate}.front})
		a.reach(t, h, "es")
		first := a.button(h)
		test.Tap(first)
		test.Tap(first) // the widget the visitor tapped, again while the call is out
		busy := a.button(h)
		test.Tap(busy) // and the button now on show
		if !busy.Disabled() || busy.Text != "Un momento…" {
			t.Errorf("%s: while the call is out the button says %q, disabled %v", a.name, busy.Text, busy.Disabled())
		}
		close(gate)
		h.settle()
		test.Tap(first) // once more, with the confirmation on show
		h.settle()
		if n := a.count(h.sim.Stats()); n != 1 || !a.done(h) {
			t.Errorf("%s: happened %d times after four taps, want once (confirmed %v)", a.name, n, a.done(h))
		}
	}
}

func TestEveryAnswerCutEnrolsAndPaysOnce(t *testing.T) {
	for _, a := range moneyActions() {
		h := newHarnessWith(t, harnessOptions{})
		a.reach(t, h, "en")
		// Every attempt the client makes acts (or replays) at the portal, and loses its answer.
		h.sim.SetFault("POST "+a.route, portalsim.Fault{Cut: true})
		test.Tap(a.button(h))
		h.settle()
		problem := strings.Join(visibleTexts(h.win.Canvas()), "\n")
		if a.done(h) || !strings.Contains(problem, "541-774-2430") {
			t.Fatalf("%s: with every answer lost the visitor sees:\n%s", a.name, problem)
		}
		h.sim.ClearFaults()
		test.Tap(a.button(h)) // the visitor tries again
		h.settle()
		if n := a.count(h.sim.Stats()); n != 1 || !a.done(h) {
			t.Errorf("%s: happened %d times after lost answers and a retry, want once (confirmed %v)", a.name, n, a.done(h))
		}
	}
}
