package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/client/validate"
)

func TestTestPasswordsAreWhatTheTestsSay(t *testing.T) {
	if c := validate.Password(strongPassword, newEmail, plainAccount); c != validate.OK {
		t.Fatalf("strong password rejected: %s", c)
	}
	if c := validate.Password(weakPassword, newEmail, plainAccount); c != validate.WeakPassword {
		t.Fatalf("weak password gives %q", c)
	}
}

func TestRegisterPlainAccountEndToEnd(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		s := h.openRegister(t, lang)
		terms := h.kiosk.visit.login.terms[lang]
		if terms.Lang != lang || s.termsText.Text != terms.Text || s.termsTitle.Text != terms.Title {
			t.Errorf("%s: terms on screen are not the portal's in this language: %q", lang, s.termsTitle.Text)
		}
		if s.accept.Disabled() {
			t.Errorf("%s: the terms box cannot be ticked once the terms are shown", lang)
		}
		if got := h.kiosk.page.chrome.title.Text; got != h.msg(lang, "register.title") {
			t.Errorf("%s: title %q", lang, got)
		}
		if got := s.submit.Text; got != map[string]string{"en": "Take Me to My Account", "es": "Llevarme a mi cuenta"}[lang] {
			t.Errorf("%s: submit says %q, not the portal's words", lang, got)
		}
		h.fillRegistration(newEmail, newEmail, strongPassword, true)
		assertTextsFromCatalog(t, h, newEmail, dots(len(strongPassword)), terms.Title, terms.Text)
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		if got := h.sim.Stats().Registrations; got != 1 {
			t.Fatalf("%s: %d registrations; problems %v", lang, got, h.kiosk.visit.problems)
		}
		h.assertSignedIn(t, lang)
		if got := h.kiosk.visit.fields[fieldEmail]; got != newEmail {
			t.Errorf("%s: email kept for the visit: %q", lang, got)
		}
	}
}

func TestRegisterMalformedEmailIsShownBesideTheField(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		s := h.openRegister(t, lang)
		h.typeInto(s.email.entry, "ana.river@example")
		h.win.Canvas().Focus(s.emailAgain.entry) // leaving the field checks it
		want := map[string]string{"en": "Not a valid email address", "es": "No es una dirección de correo electrónico válida"}[lang]
		if s.email.problem.Text != want || !s.email.icon.Visible() {
			t.Errorf("%s: on leaving the field: %q", lang, s.email.problem.Text)
		}
		h.fillRegistration("", "ana.river@example", strongPassword, true)
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		s = viewOf[*registerScreen](h.kiosk)
		if s.email.problem.Text != want || s.email.entry.Text != "ana.river@example" {
			t.Errorf("%s: after submit: problem %q, input %q", lang, s.email.problem.Text, s.email.entry.Text)
		}
		if h.sim.Stats().Registrations != 0 || h.kiosk.page.id != screenRegister {
			t.Errorf("%s: a malformed email was sent", lang)
		}
	}
}

func TestRegisterMismatchedEmails(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.openRegister(t, lang)
		h.fillRegistration(newEmail, "ana.rivers@example.com", strongPassword, true)
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		s := viewOf[*registerScreen](h.kiosk)
		if s.emailAgain.problem.Text != h.msg(lang, "field.email_mismatch") || !s.emailAgain.problem.Visible() {
			t.Errorf("%s: mismatch shown as %q", lang, s.emailAgain.problem.Text)
		}
		if s.email.entry.Text != newEmail || s.emailAgain.entry.Text != "ana.rivers@example.com" || s.password.entry.Text != strongPassword {
			t.Errorf("%s: typed input lost", lang)
		}
		if h.sim.Stats().Registrations != 0 {
			t.Errorf("%s: registered with mismatched emails", lang)
		}
	}
}

func TestRegisterWeakPasswordAndTheStrengthMeter(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		s := h.openRegister(t, lang)
		if s.strengthRow.Visible() {
			t.Errorf("%s: the meter rates an empty password", lang)
		}
		h.fillRegistration(newEmail, newEmail, weakPassword, true)
		s = viewOf[*registerScreen](h.kiosk)
		weak := validate.PasswordStrength(weakPassword, newEmail, plainAccount)
		level := h.msg(lang, "register.strength_"+strconv.Itoa(weak))
		if !strings.HasSuffix(s.strength.Text, level) || s.strengthBar.Value != float64(weak) || !s.strengthRow.Visible() {
			t.Errorf("%s: meter for a weak password: %q, bar %v", lang, s.strength.Text, s.strengthBar.Value)
		}
		test.Tap(s.submit)
		h.settle()
		if s.password.problem.Text != h.msg(lang, "field.weak_password") {
			t.Errorf("%s: weak password shown as %q", lang, s.password.problem.Text)
		}
		if h.sim.Stats().Registrations != 0 {
			t.Errorf("%s: registered with a weak password", lang)
		}
		h.typeInto(s.password.entry, "-Canyon-Kettle-42")
		better := validate.PasswordStrength(weakPassword+"-Canyon-Kettle-42", newEmail, plainAccount)
		if better < 3 || s.strengthBar.Value != float64(better) || !strings.HasSuffix(s.strength.Text, h.msg(lang, "register.strength_"+strconv.Itoa(better))) {
			t.Errorf("%s: meter did not follow the typing: %q", lang, s.strength.Text)
		}
	}
}

func TestRegisterTermsFollowTheLanguage(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.openRegister(t, "en")
	h.switchLanguage()
	s := viewOf[*registerScreen](h.kiosk)
	if s.readTerms == nil || !s.readTerms.Visible() || !s.accept.Disabled() {
		t.Fatal("after a switch the English terms stand in for the Spanish ones")
	}
	test.Tap(s.readTerms)
	h.settle()
	s = viewOf[*registerScreen](h.kiosk)
	if s.termsText == nil || h.kiosk.visit.login.terms["es"].Lang != "es" || s.termsText.Text != h.kiosk.visit.login.terms["es"].Text {
		t.Fatalf("Spanish terms not shown; problems %v", h.kiosk.visit.problems)
	}
	h.switchLanguage()
	if viewOf[*registerScreen](h.kiosk).termsText.Text != h.kiosk.visit.login.terms["en"].Text {
		t.Error("the English terms were not kept for the visit")
	}
}

func TestRegisterTermsPortalDown(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.sim.SetFault("GET /terms", portalsim.Fault{Status: 503})
	h.startIn("es")
	h.findAccount(plainAccount, "97504")
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	s := viewOf[*registerScreen](h.kiosk)
	if !strings.Contains(s.problem.Text, "541-774-2430") || !s.accept.Disabled() {
		t.Fatalf("terms failure shown as %q", s.problem.Text)
	}
	h.sim.ClearFaults()
	test.Tap(s.readTerms)
	h.settle()
	if viewOf[*registerScreen](h.kiosk).termsText == nil || viewOf[*registerScreen](h.kiosk).problem.Text != "" {
		t.Errorf("terms not fetched on the retry, or the failure still shown: %q", viewOf[*registerScreen](h.kiosk).problem.Text)
	}
}

func TestRegisterShowAndHidePassword(t *testing.T) {
	h := newHarness(t, ModeLive)
	s := h.openRegister(t, "es")
	if !s.password.entry.Password || s.reveal.Text != "Mostrar la contraseña" {
		t.Fatalf("password not hidden at first: %q", s.reveal.Text)
	}
	test.Tap(s.reveal)
	if s.password.entry.Password || s.reveal.Text != "Ocultar la contraseña" {
		t.Errorf("Show did not show: %q", s.reveal.Text)
	}
	h.switchLanguage()
	if viewOf[*registerScreen](h.kiosk).password.entry.Password || viewOf[*registerScreen](h.kiosk).reveal.Text != "Hide password" {
		t.Errorf("the choice did not last a language switch")
	}
}

func TestRegisterTermsNotTicked(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.openRegister(t, lang)
		h.fillRegistration(newEmail, newEmail, strongPassword, false)
		s := viewOf[*registerScreen](h.kiosk)
		test.Tap(s.submit)
		h.settle()
		if s.acceptProblem.Text != h.msg(lang, "field.terms_not_accepted") || !s.acceptRow.Visible() {
			t.Errorf("%s: unticked terms shown as %q", lang, s.acceptProblem.Text)
		}
		if h.sim.Stats().Registrations != 0 {
			t.Fatalf("%s: registered without accepting the terms", lang)
		}
		test.Tap(s.accept)
		if s.acceptRow.Visible() {
			t.Errorf("%s: the problem stays after ticking", lang)
		}
		test.Tap(s.submit)
		h.settle()
		if h.sim.Stats().Registrations != 1 {
			t.Errorf("%s: not registered after ticking; problems %v", lang, h.kiosk.visit.problems)
		}
	}
}

func TestRegisterTakenEmailOffersSignIn(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		s := h.openRegister(t, lang)
		if s.signIn.Visible() {
			t.Errorf("%s: Sign in offered before any answer", lang)
		}
		h.fillRegistration(demoEmail, demoEmail, strongPassword, true)
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		s = viewOf[*registerScreen](h.kiosk)
		if s.problem.Text != h.msg(lang, "error.email_taken") || !s.signIn.Visible() {
			t.Fatalf("%s: taken email shown as %q, sign in shown %v", lang, s.problem.Text, s.signIn.Visible())
		}
		if s.email.entry.Text != demoEmail || h.sim.Stats().Registrations != 0 {
			t.Errorf("%s: email lost or registered anyway", lang)
		}
		assertTextsFromCatalog(t, h, demoEmail, dots(len(strongPassword)), h.kiosk.visit.login.terms[lang].Title, h.kiosk.visit.login.terms[lang].Text)
		test.Tap(s.signIn)
		if h.kiosk.page.id != screenSignIn || viewOf[*signInScreen](h.kiosk).email.entry.Text != demoEmail {
			t.Fatalf("%s: Sign in led to %s with email %q", lang, h.kiosk.page.id, viewOf[*signInScreen](h.kiosk).email.entry.Text)
		}
		if viewOf[*signInScreen](h.kiosk).problem.Text != "" || viewOf[*signInScreen](h.kiosk).password.entry.Text != "" {
			t.Errorf("%s: the register screen's answer or new password followed to sign in", lang)
		}
		h.typeInto(viewOf[*signInScreen](h.kiosk).password.entry, demoPassword)
		test.Tap(viewOf[*signInScreen](h.kiosk).submit)
		h.settle()
		h.assertSignedIn(t, lang)
	}
}

func TestRegisterOutdatedTermsAreFetchedAgainAndUnticked(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.openRegister(t, "es")
	old := h.kiosk.visit.login.terms["es"]
	old.Version = "2020-01-01" // as if the portal changed its terms while the visitor typed
	h.kiosk.visit.login.terms["es"] = old
	h.fillRegistration(newEmail, newEmail, strongPassword, true)
	test.Tap(viewOf[*registerScreen](h.kiosk).submit)
	h.settle()
	s := viewOf[*registerScreen](h.kiosk)
	if s.accept.Checked || s.acceptProblem.Text != h.msg("es", "field.terms_outdated") {
		t.Errorf("outdated terms: ticked %v, problem %q", s.accept.Checked, s.acceptProblem.Text)
	}
	if got := h.kiosk.visit.login.terms["es"].Version; got != portalsim.TermsVersion {
		t.Errorf("terms not fetched again: version %q", got)
	}
	if s.password.entry.Text != strongPassword || h.sim.Stats().Registrations != 0 {
		t.Errorf("input lost or registered on old terms")
	}
	test.Tap(s.accept)
	test.Tap(s.submit)
	h.settle()
	if h.sim.Stats().Registrations != 1 {
		t.Errorf("not registered after accepting the new terms; problems %v", h.kiosk.visit.problems)
	}
}

func TestRegisterDoubleTapRegistersOnce(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.openRegister(t, "en")
	h.fillRegistration(newEmail, newEmail, strongPassword, true)
	submit := viewOf[*registerScreen](h.kiosk).submit
	// Every attempt of the first tap is lost on the way (the client retries a keyed
	// POST by itself): the visitor taps again, and again after the login is made.
	h.sim.SetFault("POST /registrations", portalsim.Fault{Drop: true})
	test.Tap(submit)
	h.settle()
	if h.kiosk.visit.signedIn() || !strings.Contains(viewOf[*registerScreen](h.kiosk).problem.Text, "541-774-2430") {
		t.Fatalf("lost answer shown as %q", viewOf[*registerScreen](h.kiosk).problem.Text)
	}
	key := h.kiosk.visit.login.regKey
	h.sim.ClearFaults()
	test.Tap(viewOf[*registerScreen](h.kiosk).submit)
	h.settle()
	test.Tap(submit)
	h.settle()
	if got := h.sim.Stats().Registrations; got != 1 {
		t.Errorf("%d registrations from repeated taps", got)
	}
	if key == "" {
		t.Error("no idempotency key kept for the retry")
	}
	h.assertSignedIn(t, "en")
}

func TestRegistrationKeyIsKeptForTheSameRequestOnly(t *testing.T) {
	var l loginState
	req := client.RegistrationRequest{AccountRef: "a", Email: newEmail, Password: strongPassword, TermsVersion: "v"}
	first := l.registrationKey(req)
	if again := l.registrationKey(req); again != first || first == "" {
		t.Errorf("a retry of the same registration got a new key")
	}
	req.Email = "ana.r@example.com"
	if other := l.registrationKey(req); other == first {
		t.Errorf("a changed registration reused the key")
	}
}
