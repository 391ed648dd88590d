package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// A password built from what the visitor typed on the way to choosing it, or from
// the utility's name, is refused beside the field, whatever form it takes: the
// account number without its hyphen, a half of it, the ZIP, the email's local part.
func TestRegisterRefusesAPasswordMadeOfWhatTheVisitorTyped(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.findAccount("00065821-0672430", "97501") // legacyAccount, typed with its hyphen
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	const email = "maria.lopez@example.com"
	h.fillRegistration(email, email, "", true)
	for _, pw := range []string{"000658210672430", "0672430Maria", "medfordwater97501"} {
		s := viewOf[*registerScreen](h.kiosk)
		s.password.entry.SetText("")
		h.typeInto(s.password.entry, pw)
		test.Tap(s.submit)
		h.settle()
		if h.kiosk.page.id != screenRegister {
			t.Fatalf("password %q was taken: the kiosk went on to %s", pw, h.kiosk.page.id)
		}
		s = viewOf[*registerScreen](h.kiosk)
		if got, want := s.password.problem.Text, h.msg("en", "field.weak_password"); got != want {
			t.Errorf("password %q: beside the field %q, want %q", pw, got, want)
		}
		if s.strengthBar.Value >= 3 {
			t.Errorf("password %q: the meter rates it %q", pw, s.strength.Text)
		}
	}
	if n := h.sim.Stats().Registrations; n != 0 {
		t.Errorf("%d logins registered with passwords made of the visitor's own details", n)
	}
}
