package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

func TestSignInToTheRegisteredAccount(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		s := h.openSignIn(t, lang)
		if got := s.submit.Text; got != h.msg(lang, "signin.submit") {
			t.Errorf("%s: submit says %q", lang, got)
		}
		h.typeInto(s.email.entry, demoEmail)
		h.typeInto(s.password.entry, demoPassword)
		assertTextsFromCatalog(t, h, demoEmail, dots(len(demoPassword)))
		test.Tap(s.submit)
		h.settle()
		h.assertSignedIn(t, lang)
	}
}

func TestSignInAfterRegistering(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.registerNew(t, "es")
	h.startOver()
	h.settle()
	h.startIn("es")
	h.findAccount(plainAccount, "97504")
	if !h.kiosk.visit.account.Registered {
		t.Fatal("the portal does not know the account is registered")
	}
	test.Tap(viewOf[*foundScreen](h.kiosk).signIn)
	s := viewOf[*signInScreen](h.kiosk)
	h.typeInto(s.email.entry, strings.ToUpper(newEmail))
	h.typeInto(s.password.entry, strongPassword)
	test.Tap(s.submit)
	h.settle()
	h.assertSignedIn(t, "es")
}

func TestSignInBadPasswordKeepsWhatWasTyped(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		s := h.openSignIn(t, lang)
		h.typeInto(s.email.entry, demoEmail)
		h.typeInto(s.password.entry, "Rogue-River-Trout-58")
		test.Tap(s.submit)
		h.settle()
		s = viewOf[*signInScreen](h.kiosk)
		if s.problem.Text != h.msg(lang, "error.bad_credentials") {
			t.Errorf("%s: bad password shown as %q", lang, s.problem.Text)
		}
		if s.email.entry.Text != demoEmail || s.password.entry.Text != "Rogue-River-Trout-58" {
			t.Errorf("%s: typed input cleared", lang)
		}
		if h.kiosk.visit.signedIn() || h.kiosk.page.id != screenSignIn || s.submit.Disabled() {
			t.Errorf("%s: state after a bad password: screen %s", lang, h.kiosk.page.id)
		}
		assertTextsFromCatalog(t, h, demoEmail, dots(len("Rogue-River-Trout-58")))
	}
}

func TestSignInRateLimited(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		s := h.openSignIn(t, lang)
		h.sim.SetFault("POST /sessions", portalsim.Fault{Status: 429, Times: 1})
		h.typeInto(s.email.entry, demoEmail)
		h.typeInto(s.password.entry, demoPassword)
		test.Tap(s.submit)
		h.settle()
		if got := viewOf[*signInScreen](h.kiosk).problem.Text; got != h.msg(lang, "signin.rate_limited") {
			t.Errorf("%s: 429 shown as %q", lang, got)
		}
		if viewOf[*signInScreen](h.kiosk).email.entry.Text != demoEmail {
			t.Errorf("%s: email lost", lang)
		}
	}
}

func TestSignInBlankFieldsNeverReachThePortal(t *testing.T) {
	h := newHarness(t, ModeLive)
	s := h.openSignIn(t, "es")
	h.sim.SetFault("POST /sessions", portalsim.Fault{Status: 500})
	test.Tap(s.submit)
	h.settle()
	if s.email.problem.Text != h.msg("es", emailBlankID) || s.password.problem.Text != h.msg("es", "field.required") {
		t.Errorf("blank fields shown as %q / %q", s.email.problem.Text, s.password.problem.Text)
	}
	if s.problem.Text != "" {
		t.Errorf("a blank form reached the portal: %q", s.problem.Text)
	}
}

// The answer to Forgot password? must not tell a stranger whether an email is a
// customer's: the same words, whether or not the email has a login.
func TestForgotPasswordSaysTheSameForAnyEmail(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		var shown []string
		for _, email := range []string{demoEmail, "nobody.here@example.com"} {
			h := newHarness(t, ModeLive)
			s := h.openSignIn(t, lang)
			h.typeInto(s.email.entry, email)
			test.Tap(s.forgot)
			h.settle()
			s = viewOf[*signInScreen](h.kiosk)
			if !s.noticeBox.Visible() || s.problem.Text != "" {
				t.Errorf("%s %s: notice shown %v, problem %q", lang, email, s.noticeBox.Visible(), s.problem.Text)
			}
			if s.email.entry.Text != email {
				t.Errorf("%s: email lost", lang)
			}
			shown = append(shown, strings.Join(visibleTexts(h.win.Canvas()), "\n"))
			assertTextsFromCatalog(t, h, email)
		}
		if shown[0] != strings.ReplaceAll(shown[1], "nobody.here@example.com", demoEmail) {
			t.Errorf("%s: the screens differ:\n%s\n---\n%s", lang, shown[0], shown[1])
		}
		if !strings.Contains(shown[0], resetMessage(lang)) {
			t.Errorf("%s: reset message missing:\n%s", lang, shown[0])
		}
	}
}

// resetMessage is the reset-link message the visitor reads, in lang.
func resetMessage(lang string) string {
	return map[string]string{
		"en": "If that email has a login, we sent a link to reset the password",
		"es": "Si ese correo electrónico tiene un inicio de sesión, le enviamos un enlace para restablecer la contraseña",
	}[lang]
}

func TestForgotPasswordNeedsAnEmail(t *testing.T) {
	h := newHarness(t, ModeLive)
	s := h.openSignIn(t, "en")
	h.typeInto(s.email.entry, "maria.demo")
	test.Tap(s.forgot)
	h.settle()
	if s.email.problem.Text != "Not a valid email address" || s.noticeBox.Visible() {
		t.Errorf("malformed email for a reset: %q", s.email.problem.Text)
	}
	if n := len(h.sim.Outbox()); n != 0 {
		t.Errorf("%d emails sent", n)
	}
}

func TestSignInShowPassword(t *testing.T) {
	h := newHarness(t, ModeLive)
	s := h.openSignIn(t, "en")
	h.typeInto(s.password.entry, demoPassword)
	test.Tap(s.reveal)
	if s.password.entry.Password || s.reveal.Text != "Hide password" {
		t.Fatalf("Show password did not show it: %q", s.reveal.Text)
	}
	assertTextsFromCatalog(t, h, demoPassword)
	test.Tap(s.reveal)
	if !s.password.entry.Password || s.reveal.Text != "Show password" {
		t.Errorf("Hide password did not hide it: %q", s.reveal.Text)
	}
}
