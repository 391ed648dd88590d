package ui

import (
	"net/http"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

// Payment details the simulator accepts (and one it does not).
const (
	goodRouting = "021000021" // passes the ABA checksum
	badRouting  = "021000022"
	bankNumber  = "000123456789"
)

// newPayHarness is newHarness with the kiosk's card setting, "off" (cards take
// a terminal: newCardHarness).
func newPayHarness(t *testing.T, cardEntry string) *harness {
	t.Helper()
	return newHarnessWith(t, harnessOptions{settings: testConfig{CardEntry: cardEntry}})
}

// goToPay starts in lang, finds the legacy account and taps Pay now.
func (h *harness) goToPay(t testing.TB, lang string) {
	t.Helper()
	h.startIn(lang)
	h.findAccount(legacyAccount, "97501")
	test.Tap(viewOf[*foundScreen](h.kiosk).payNow)
	if h.kiosk.page.id != screenPay || viewOf[*payScreen](h.kiosk).submit == nil {
		t.Fatalf("Pay now led to %s", h.kiosk.page.id)
	}
}

// fillEmails types the email and its confirmation.
func (h *harness) fillEmails(email, again string) {
	s := viewOf[*payScreen](h.kiosk)
	h.typeInto(s.email.entry, email)
	h.typeInto(s.emailAgain.entry, again)
}

// fillBank types a checking account on the payment screen.
func (h *harness) fillBank(routing string) {
	h.fillBankInto(func() *paymentForm { return viewOf[*payScreen](h.kiosk).method }, routing)
}

// fillBankInto types a checking account into the payment form form() returns (the
// screen is rebuilt by some taps, so the form is looked up each time).
func (h *harness) fillBankInto(form func() *paymentForm, routing string) {
	m := form()
	h.typeInto(m.bankHolder.entry, "Maria Lopez")
	h.typeInto(m.routing.entry, routing)
	h.typeInto(m.bankAccount.entry, bankNumber)
	test.Tap(m.accountType.buttons[client.BankChecking])
}

// screenText is everything the window shows, one text a line.
func (h *harness) screenText() string { return strings.Join(visibleTexts(h.win.Canvas()), "\n") }

// reviewAndPay taps Continue to payment, checks the review is on show, taps Pay.
func (h *harness) reviewAndPay(t *testing.T) {
	t.Helper()
	test.Tap(viewOf[*payScreen](h.kiosk).submit)
	if viewOf[*payScreen](h.kiosk).payButton == nil {
		t.Fatalf("no review after Continue to payment; problems %v", h.kiosk.visit.problems)
	}
	h.readReview()
	if h.kiosk.visit.pay.req.Payment.Card != nil { // a card: the reader waits for it
		h.payAtTheReader(t, terminalsim.CardApproved)
		return
	}
	test.Tap(viewOf[*payScreen](h.kiosk).payButton)
	h.settle()
}

// readReview lets the time pass in which a money button takes a tap for the end of
// a double tap (review.go): the visitor reads the review first.
func (h *harness) readReview() { h.clock.Advance(doubleTapGuard) }

// answerGate sits in front of the simulator and holds its answer to a call of
// route, once the simulator has acted on it, until the test closes gate. The test
// can then tap while the call is surely in flight, and closing the channel orders
// those taps before the call's result reaches the screen (the race detector sees
// that order).
type answerGate struct {
	route string // a part of the path, e.g. "one-time-payments"
	gate  chan struct{}
}

func (g answerGate) front(t testing.TB, sim http.Handler) (baseURL, rootCAFile string) {
	return plainFront(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sim.ServeHTTP(w, r)
		if strings.Contains(r.URL.Path, g.route) {
			<-g.gate
		}
	}))
}

func (h *harness) autoPayForm() *paymentForm { return viewOf[*autoPayScreen](h.kiosk).method }

// registerFoundAndReviewAutoPay registers the account on the Found screen with a
// new login (in English), then sets up AutoPay by bank as far as its review.
func (h *harness) registerFoundAndReviewAutoPay(t *testing.T) {
	t.Helper()
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	h.fillRegistration(newEmail, newEmail, strongPassword, true)
	test.Tap(viewOf[*registerScreen](h.kiosk).submit)
	h.settle()
	h.assertSignedIn(t, "en")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.fillBankInto(h.autoPayForm, goodRouting)
	test.Tap(viewOf[*autoPayScreen](h.kiosk).submit)
}

// enrolAutoPayByBank fills the AutoPay screen with a bank account and creates it.
func (h *harness) enrolAutoPayByBank(t *testing.T) {
	t.Helper()
	h.fillBankInto(h.autoPayForm, "021000021")
	h.createAutoPay(t)
}

// autoPayByBankFromMyAccount goes from My account through AutoPay by bank and back.
func (h *harness) autoPayByBankFromMyAccount(t *testing.T) {
	t.Helper()
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.enrolAutoPayByBank(t)
	test.Tap(viewOf[*autoPayScreen](h.kiosk).done)
	h.settle()
}

// eBillingFromMyAccount goes from My account through Send Verification Email and back.
func (h *harness) eBillingFromMyAccount() {
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setEBilling)
	test.Tap(viewOf[*eBillingScreen](h.kiosk).send)
	h.settle()
	test.Tap(viewOf[*eBillingScreen](h.kiosk).done)
	h.settle()
}

// midAutoPay brings a visitor to the AutoPay form, signed in, with a bank account
// typed and the clipboard used.
func (h *harness) midAutoPay(tb testing.TB) {
	tb.Helper()
	h.signInDirectly(tb, "es")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.fillProofBank(h.autoPayForm)
	h.typeInto(h.autoPayForm().bankHolder.entry, " Jr")
	fyne.CurrentApp().Clipboard().SetContent(proofBank)
	if h.kiosk.page.id != screenAutoPay {
		tb.Fatalf("not on the AutoPay form: %s", h.kiosk.page.id)
	}
}
