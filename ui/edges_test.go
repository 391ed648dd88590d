package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/medfordwater/lobbykiosk/client"
)

// Edges a visitor can reach by wandering: language switches mid-form, Back after a
// failure, paying after registering, a sign-in that expired.

func TestRegisterAfterSwitchingLanguageOnceTheBoxIsTicked(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.openRegister(t, "en")
	h.fillRegistration(newEmail, newEmail, strongPassword, true)
	h.switchLanguage()
	test.Tap(viewOf[*registerScreen](h.kiosk).submit)
	h.settle()
	h.assertSignedIn(t, "es")
}

func TestAProblemStaysOnTheScreenItHappenedOn(t *testing.T) {
	h := newHarness(t, ModeLive)
	s := h.openSignIn(t, "en")
	h.typeInto(s.email.entry, demoEmail)
	h.typeInto(s.password.entry, "Wrong-Horse-Battery-9")
	test.Tap(s.submit)
	h.settle()
	if !viewOf[*signInScreen](h.kiosk).problem.Visible() {
		t.Fatal("no problem shown for a wrong password")
	}
	test.Tap(h.kiosk.page.chrome.back)
	test.Tap(viewOf[*foundScreen](h.kiosk).payNow)
	if text := h.screenText(); strings.Contains(text, h.msg("en", "error.bad_credentials")) {
		t.Errorf("the sign-in problem followed the visitor to the payment form:\n%s", text)
	}
}

func TestPayingAfterRegisteringOffersAutoPayNotRegistration(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.registerNew(t, "es")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).payNow)
	if got := viewOf[*payScreen](h.kiosk).email.entry.Text; got != newEmail {
		t.Errorf("the login's email is not offered for the receipt: %q", got)
	}
	h.typeInto(viewOf[*payScreen](h.kiosk).emailAgain.entry, newEmail)
	h.fillBank(goodRouting)
	h.reviewAndPay(t)
	if h.sim.Stats().Payments != 1 || viewOf[*payScreen](h.kiosk).register == nil {
		t.Fatalf("payment or offer missing; problems %v", h.kiosk.visit.problems)
	}
	if got := viewOf[*payScreen](h.kiosk).register.Text; got != h.msg("es", "pay.myaccount") {
		t.Errorf("after registering, the receipt offers %q", got)
	}
	test.Tap(viewOf[*payScreen](h.kiosk).register)
	h.settle()
	if h.kiosk.page.id != screenMyAccount {
		t.Errorf("the offer led to %s", h.kiosk.page.id)
	}
}

func TestARegisteredAccountPayingWithoutSigningInIsOfferedSignIn(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.findAccount(registeredAccount, "97501")
	test.Tap(viewOf[*foundScreen](h.kiosk).payNow)
	h.fillEmails(demoEmail, demoEmail)
	h.fillBank(goodRouting)
	h.reviewAndPay(t)
	test.Tap(viewOf[*payScreen](h.kiosk).register)
	if h.kiosk.page.id != screenSignIn {
		t.Errorf("the offer led to %s, want sign in", h.kiosk.page.id)
	}
}

func TestAnEndedSignInSaysSoNotPortalDown(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "en")
	if err := h.kiosk.portal.client.SignOut(context.Background(), h.kiosk.visit.session); err != nil {
		t.Fatal(err)
	}
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setEBilling)
	test.Tap(viewOf[*eBillingScreen](h.kiosk).send)
	h.settle()
	if got := viewOf[*eBillingScreen](h.kiosk).problem.Text; got != h.msg("en", "error.session_expired") {
		t.Errorf("an ended session reads %q", got)
	}
	if h.kiosk.visit.session != "" {
		t.Error("the dead session token is kept")
	}
}

func TestBackAndHelpWaitForACallInFlight(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.kiosk.visit.busy = true // as portalCall sets it while a call is in flight
	h.kiosk.refresh()
	if !h.kiosk.page.chrome.back.Disabled() || !h.kiosk.page.chrome.help.Disabled() || h.kiosk.page.chrome.startOver.Disabled() {
		t.Error("mid-call, Back and Questions? must wait and Start over must not")
	}
}

func TestEnterUnderAWarningDoesNotActBehindIt(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, plainAccount)
	h.typeInto(viewOf[*findScreen](h.kiosk).postalCode.entry, "97504")
	h.clock.Advance(idle)
	if h.kiosk.limits.overlay == nil {
		t.Fatal("no idle warning")
	}
	h.win.Canvas().Unfocus()
	h.key(fyne.KeyReturn)
	h.settle()
	if h.kiosk.page.id != screenFind {
		t.Errorf("Enter under the warning pressed Find My Account: now on %s", h.kiosk.page.id)
	}
}

func TestKeypadTypingIsNotCheckedUntilTheVisitorLeaves(t *testing.T) {
	h := newKeyboardHarness(t)
	h.startIn("en")
	h.tapKeys(t, "123")
	if s := viewOf[*findScreen](h.kiosk).accountNumber; s.problem.Visible() {
		t.Errorf("a problem showed while typing on the keypad: %q", s.problem.Text)
	}
}

func TestASignInThatLandsDuringAResetIsRevoked(t *testing.T) {
	h := newHarness(t, ModeLive)
	s := h.openSignIn(t, "en")
	h.typeInto(s.email.entry, demoEmail)
	h.typeInto(s.password.entry, demoPassword)
	v := h.kiosk.visit
	h.kiosk.reset(triggerStartOver) // the visitor walked away mid-call…
	session, err := h.kiosk.portal.client.SignIn(context.Background(), client.SignInRequest{Email: demoEmail, Password: demoPassword})
	if err != nil {
		t.Fatal(err)
	}
	if v.adopt(session.Token) { // …and the portal's answer arrives afterwards
		t.Fatal("an ended visit adopted a session")
	}
	h.kiosk.portal.signOut(h.kiosk.portal.client, session.Token) // what the sign-in call then does
	h.settle()
	if h.sim.SessionActive(session.Token) {
		t.Error("the late session is still active")
	}
}
