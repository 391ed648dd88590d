package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
	"github.com/medfordwater/lobbykiosk/ui/internal/faultmatrix"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// faultCall is one portal call of the fault matrix (faultmatrix.Calls) and how a
// visitor makes it: faultmatrix_test.go injects every fault into every one of them.
type faultCall struct {
	faultmatrix.Call

	reach func(t *testing.T, h *harness, lang string) // up to the visitor's action
	act   func(h *harness)                            // the action; returns once its answer is on screen
	retry func(h *harness)                            // trying again after a failure; nil: act again
	done  func(h *harness) bool                       // the call's success, as the kiosk shows it
	// button is the control that triggered the call, which must be usable again
	// after a failure; nil when no button did (a timer, a reset).
	button func(h *harness) *kwidget.Button
	// rateLimited is the message of a 429 the client does not retry.
	rateLimited string
}

// tapAndSettle taps b and waits for the call it starts.
func tapAndSettle(b func(h *harness) *kwidget.Button) func(h *harness) {
	return func(h *harness) { test.Tap(b(h)); h.settle() }
}

// faultCalls are faultmatrix.Calls, each with how a visitor makes it.
func faultCalls(t *testing.T) []faultCall {
	steps := faultCallSteps()
	var calls []faultCall
	for _, c := range faultmatrix.Calls() {
		call := takeByName(t, steps, c.Name)
		call.Call = c
		calls = append(calls, call)
	}
	noneLeft(t, steps)
	return calls
}

// faultCallSteps are how a visitor makes each call, by the call's name.
func faultCallSteps() map[string]faultCall {
	find := func(h *harness) *kwidget.Button { return viewOf[*findScreen](h.kiosk).submit }
	register := func(h *harness) *kwidget.Button { return viewOf[*registerScreen](h.kiosk).submit }
	signIn := func(h *harness) *kwidget.Button { return viewOf[*signInScreen](h.kiosk).submit }
	forgot := func(h *harness) *kwidget.Button { return viewOf[*signInScreen](h.kiosk).forgot }
	create := func(h *harness) *kwidget.Button { return viewOf[*autoPayScreen](h.kiosk).create }
	send := func(h *harness) *kwidget.Button { return viewOf[*eBillingScreen](h.kiosk).send }
	resend := func(h *harness) *kwidget.Button { return viewOf[*eBillingScreen](h.kiosk).resend }
	pay := func(h *harness) *kwidget.Button { return viewOf[*payScreen](h.kiosk).payButton }
	signedIn := func(h *harness) bool { return h.kiosk.visit.session != "" && h.kiosk.page.id == screenMyAccount }
	autoPayOn := func(h *harness) bool {
		return viewOf[*autoPayScreen](h.kiosk) != nil && viewOf[*autoPayScreen](h.kiosk).confirmation != nil
	}
	return map[string]faultCall{
		"Health": {
			reach: func(*testing.T, *harness, string) {}, act: healthChecks(2), retry: healthChecks(1),
			done: func(h *harness) bool { return h.kiosk.page.id == screenWelcome && h.kiosk.health.failures == 0 }},
		"Lookup": {rateLimited: lookupPausedID,
			reach: reachFind, act: tapAndSettle(find), button: find,
			done: func(h *harness) bool { return h.kiosk.page.id == screenFound }},
		"Terms": {
			reach:  reachFound(plainAccount, "97504"),
			act:    func(h *harness) { test.Tap(viewOf[*foundScreen](h.kiosk).register); h.settle() },
			retry:  func(h *harness) { test.Tap(viewOf[*registerScreen](h.kiosk).readTerms); h.settle() },
			button: func(h *harness) *kwidget.Button { return viewOf[*registerScreen](h.kiosk).readTerms },
			done:   func(h *harness) bool { return viewOf[*registerScreen](h.kiosk).termsText != nil }},
		"Register": {
			reach: reachRegistration, act: tapAndSettle(register), button: register, done: signedIn},
		"SignIn": {rateLimited: "signin.rate_limited",
			reach: reachSignIn(demoPassword), act: tapAndSettle(signIn), button: signIn, done: signedIn},
		"RequestPasswordReset": {rateLimited: "error.rate_limited",
			reach: reachSignIn(""), act: tapAndSettle(forgot), button: forgot,
			done: func(h *harness) bool { return h.kiosk.visit.login.resetSent }},
		"Account": {
			reach: reachEBilling(true), act: tapAndSettle(func(h *harness) *kwidget.Button { return viewOf[*eBillingScreen](h.kiosk).done }),
			retry:  func(h *harness) { test.Tap(viewOf[*myAccountScreen](h.kiosk).retry); h.settle() },
			button: func(h *harness) *kwidget.Button { return viewOf[*myAccountScreen](h.kiosk).retry },
			done:   func(h *harness) bool { return h.kiosk.visit.details != nil && h.kiosk.page.id == screenMyAccount }},
		"AddPaymentMethod": {
			reach: reachAutoPayReview, act: tapAndSettle(create), button: create, done: autoPayOn},
		"EnrollAutoPay": {
			reach: reachAutoPayReview, act: tapAndSettle(create), button: create, done: autoPayOn},
		"SetBillDelivery": {
			reach: reachEBilling(false), act: tapAndSettle(send), button: send,
			done: func(h *harness) bool { return h.kiosk.visit.verificationPending() }},
		"ResendVerificationEmail": {rateLimited: "error.rate_limited",
			reach: reachEBilling(true), act: tapAndSettle(resend), button: resend,
			done: func(h *harness) bool { return len(h.sim.Outbox()) >= 2 && h.kiosk.visit.problems[fieldNone] == "" }},
		"PayOnce": {
			reach: reachPayReview, act: tapAndSettle(pay), button: pay,
			done: func(h *harness) bool { return viewOf[*payScreen](h.kiosk).confirmation != nil }},
		"RecordCardPayment": {
			reach: reachCardReview, act: payByCardAtTheReader, button: pay,
			done: func(h *harness) bool { return viewOf[*payScreen](h.kiosk).confirmation != nil }},
		"SignOut": {
			reach: func(t *testing.T, h *harness, lang string) { h.signInDirectly(t, lang) },
			act:   finishVisit,
			retry: func(h *harness) { h.signInDirectly(h.t, h.kiosk.lang); finishVisit(h) },
			done:  func(h *harness) bool { return h.kiosk.page.id == screenWelcome && !h.sim.SessionActive(h.lastSession) }},
	}
}

// healthChecks lets n of the welcome screen's portal checks happen.
func healthChecks(n int) func(h *harness) {
	return func(h *harness) {
		for range n {
			h.clock.Advance(healthInterval)
			h.settle()
		}
	}
}

// finishVisit ends a signed-in visit the way a visitor does: Done, then Finish.
func finishVisit(h *harness) {
	h.lastSession = h.kiosk.visit.session
	test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
	test.Tap(viewOf[*doneScreen](h.kiosk).finish)
	h.settle()
}

func reachFind(t *testing.T, h *harness, lang string) {
	h.startIn(lang)
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, plainAccount)
	h.typeInto(viewOf[*findScreen](h.kiosk).postalCode.entry, "97504")
}

func reachFound(number, zip string) func(t *testing.T, h *harness, lang string) {
	return func(t *testing.T, h *harness, lang string) {
		h.startIn(lang)
		h.findAccount(number, zip)
		if h.kiosk.page.id != screenFound {
			t.Fatalf("the account was not found: %v", h.kiosk.visit.problems)
		}
	}
}

func reachRegistration(t *testing.T, h *harness, lang string) {
	h.openRegister(t, lang)
	h.fillRegistration(newEmail, newEmail, strongPassword, true)
}

// reachSignIn types the demo login's email, and password when not empty.
func reachSignIn(password string) func(t *testing.T, h *harness, lang string) {
	return func(t *testing.T, h *harness, lang string) {
		s := h.openSignIn(t, lang)
		h.typeInto(s.email.entry, demoEmail)
		if password != "" {
			h.typeInto(s.password.entry, password)
		}
	}
}

func reachAutoPayReview(t *testing.T, h *harness, lang string) {
	h.signInDirectly(t, lang)
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.fillBankInto(h.autoPayForm, goodRouting)
	test.Tap(viewOf[*autoPayScreen](h.kiosk).submit)
	if viewOf[*autoPayScreen](h.kiosk).create == nil {
		t.Fatalf("no AutoPay review: %v", h.kiosk.visit.problems)
	}
	h.readReview()
}

// reachEBilling opens e-billing, with the verification email already sent when sent.
func reachEBilling(sent bool) func(t *testing.T, h *harness, lang string) {
	return func(t *testing.T, h *harness, lang string) {
		h.signInDirectly(t, lang)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setEBilling)
		if sent {
			test.Tap(viewOf[*eBillingScreen](h.kiosk).send)
			h.settle()
			if len(h.sim.Outbox()) != 1 {
				t.Fatalf("no verification email: %v", h.kiosk.visit.problems)
			}
		}
	}
}

// fillPayForm types a one-time payment of the legacy account by bank.
func fillPayForm(t *testing.T, h *harness, lang string) {
	h.goToPay(t, lang)
	h.fillEmails("maria@example.com", "maria@example.com")
	h.fillBank(goodRouting)
}

func reachPayReview(t *testing.T, h *harness, lang string) {
	fillPayForm(t, h, lang)
	test.Tap(viewOf[*payScreen](h.kiosk).submit)
	if viewOf[*payScreen](h.kiosk).payButton == nil {
		t.Fatalf("no payment review: %v", h.kiosk.visit.problems)
	}
	h.readReview()
}

// reachCardReview reviews a payment of the legacy account by card.
func reachCardReview(t *testing.T, h *harness, lang string) { h.reviewCardPayment(t, lang) }

// payByCardAtTheReader taps Pay and presents the approved practice card when the
// terminal asks for one; a Pay that only records a charged card again asks for none.
func payByCardAtTheReader(h *harness) {
	h.atTheReader(h.t, func() { test.Tap(viewOf[*payScreen](h.kiosk).payButton) },
		func() { test.Tap(viewOf[*payScreen](h.kiosk).practiceCards[terminalsim.CardApproved]) })
}
