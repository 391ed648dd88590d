package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

// Logins used by the register and sign-in tests.
const (
	newEmail       = "ana.river@example.com"
	strongPassword = "Pear-Canyon-Kettle-42"
	weakPassword   = "password1"
	demoEmail      = "maria.demo@example.com" // the simulator's registered account
	demoPassword   = "Rogue-River-Salmon-58"
)

// openRegister starts in lang, finds the plain account, taps Register and reads
// the Terms and Conditions fetched on arrival.
func (h *harness) openRegister(t *testing.T, lang string) *registerScreen {
	t.Helper()
	h.startIn(lang)
	h.findAccount(plainAccount, "97504")
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle() // the terms are fetched on arrival
	if h.kiosk.page.id != screenRegister {
		t.Fatalf("%s: Register led to %s", lang, h.kiosk.page.id)
	}
	if viewOf[*registerScreen](h.kiosk).termsText == nil {
		t.Fatalf("%s: terms not shown; problems %v", lang, h.kiosk.visit.problems)
	}
	return viewOf[*registerScreen](h.kiosk)
}

// fillRegistration types the emails and password and ticks the terms when tick.
func (h *harness) fillRegistration(email, again, password string, tick bool) {
	s := viewOf[*registerScreen](h.kiosk)
	h.typeInto(s.email.entry, email)
	h.typeInto(s.emailAgain.entry, again)
	h.typeInto(s.password.entry, password)
	h.win.Canvas().Unfocus()
	if tick {
		test.Tap(s.accept)
	}
}

// openSignIn starts in lang, finds the registered account and taps Sign in.
func (h *harness) openSignIn(t *testing.T, lang string) *signInScreen {
	t.Helper()
	h.startIn(lang)
	h.findAccount(registeredAccount, "97501")
	test.Tap(viewOf[*foundScreen](h.kiosk).signIn)
	if h.kiosk.page.id != screenSignIn {
		t.Fatalf("%s: Sign in led to %s", lang, h.kiosk.page.id)
	}
	return viewOf[*signInScreen](h.kiosk)
}

// assertSignedIn checks the kiosk holds a live session and has moved on to My
// account, when that screen exists.
func (h *harness) assertSignedIn(t *testing.T, lang string) {
	t.Helper()
	token := h.kiosk.visit.session
	if token == "" || !h.sim.SessionActive(token) {
		t.Fatalf("%s: no active session; problems %v", lang, h.kiosk.visit.problems)
	}
	if _, ok := h.kiosk.screens[screenMyAccount]; ok && h.kiosk.page.id != screenMyAccount {
		t.Errorf("%s: signed in but on %s", lang, h.kiosk.page.id)
	}
	if _, kept := h.kiosk.visit.fields[fieldPassword]; kept {
		t.Errorf("%s: the password is kept after signing in", lang)
	}
}

// dots is how a hidden password of n characters is drawn.
func dots(n int) string { return strings.Repeat("•", n) }

// msg is message id in lang, for comparing with what the screen shows.
func (h *harness) msg(lang, id string) string { return h.kiosk.tr(lang, id) }

// registerNew registers the plain practice account with a new login, through the
// register screen, and checks the kiosk is signed in.
func (h *harness) registerNew(t *testing.T, lang string) {
	t.Helper()
	h.openRegister(t, lang)
	h.fillRegistration(newEmail, newEmail, strongPassword, true)
	test.Tap(viewOf[*registerScreen](h.kiosk).submit)
	h.settle()
	h.assertSignedIn(t, lang)
}

// signInDirectly finds the registered practice account through the UI, then signs
// in on the portal from the test and lands on My account, as sign-in does.
func (h *harness) signInDirectly(t testing.TB, lang string) {
	t.Helper()
	h.startIn(lang)
	h.findAccount(registeredAccount, "97501")
	var demo portalsim.DemoAccount
	for _, a := range portalsim.DemoAccounts() {
		if a.Number == registeredAccount {
			demo = a
		}
	}
	session, err := h.kiosk.portal.client.SignIn(context.Background(), client.SignInRequest{Email: demo.Email, Password: demo.Password})
	if err != nil {
		t.Fatal(err)
	}
	h.kiosk.visit.session = session.Token
	h.kiosk.arrive(screenMyAccount)
	h.settle()
}

// signedIn brings a visitor, in English, to My account of the registered practice
// account, signed in, with the account's details loaded.
func (h *harness) signedIn(tb testing.TB) {
	tb.Helper()
	h.signInDirectly(tb, "en")
	mustBeOnTB(tb, h, screenMyAccount)
}

// registerPrivately registers the plain account with the distinctive login,
// switching language once mid-form.
func (h *harness) registerPrivately(t *testing.T, lang string) {
	t.Helper()
	h.openRegister(t, lang)
	h.fillRegistration(privacyEmail, privacyEmail, privacyPassword, true)
	h.switchLanguage()
	test.Tap(viewOf[*registerScreen](h.kiosk).submit)
	h.settle()
	h.assertSignedIn(t, h.kiosk.lang)
}

// signInFromFound finds account number and signs in from the account found.
func (h *harness) signInFromFound(t *testing.T, lang, number, email string) {
	t.Helper()
	h.startIn(lang)
	h.findAccount(number, "97501")
	test.Tap(viewOf[*foundScreen](h.kiosk).signIn)
	mustBeOn(t, h, screenSignIn)
	h.typeInto(viewOf[*signInScreen](h.kiosk).email.entry, email)
	h.typeInto(viewOf[*signInScreen](h.kiosk).password.entry, strongPassword)
	test.Tap(viewOf[*signInScreen](h.kiosk).submit)
	h.settle()
	soakSignedIn(t, h)
}

// registerFromFound finds account number and registers it with email.
func (h *harness) registerFromFound(t *testing.T, lang, number, email string) {
	t.Helper()
	h.startIn(lang)
	h.findAccount(number, "97501")
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	mustBeOn(t, h, screenRegister)
	h.fillRegistration(email, email, strongPassword, true)
}

// finishFromMyAccount taps Finish on My account, then on the Done screen.
func (h *harness) finishFromMyAccount(t *testing.T) {
	t.Helper()
	test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
	mustBeOn(t, h, screenDone)
	test.Tap(viewOf[*doneScreen](h.kiosk).finish)
}
