package ui

import (
	"testing"
	"time"

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

// A card is good through the last day of its month (as the card networks have it)
// in the utility's time zone, whatever zone the machine is set to: on machines on
// either side of the utility's zone, at both edges of a month and of a year.
func TestCardExpiryEndsWithTheMonthInTheUtilitysZone(t *testing.T) {
	if inMachineZones(t, "Pacific/Honolulu", "UTC", "Pacific/Kiritimati") == "" {
		return
	}
	utility, err := time.LoadLocation("America/Los_Angeles") // the default utility.time_zone
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		at          time.Time
		month, year string
		want        string // the message beside the year, "" for none
	}{
		{time.Date(2026, time.July, 31, 23, 30, 0, 0, utility), "7", "2026", ""},
		{time.Date(2026, time.August, 1, 0, 30, 0, 0, utility), "7", "2026", "field.card_expired"},
		{time.Date(2026, time.December, 31, 23, 59, 0, 0, utility), "12", "26", ""},
		{time.Date(2027, time.January, 1, 0, 0, 0, 0, utility), "12", "26", "field.card_expired"},
		{time.Date(2027, time.January, 1, 0, 0, 0, 0, utility), "1", "27", ""},
	}
	for _, c := range cases {
		machine := c.at.In(time.Local) // the machine's clock reads its own zone
		h := newHarnessWith(t, harnessOptions{settings: testConfig{CardEntry: cardEntryKeyed}, start: machine})
		h.goToPay(t, "en")
		h.fillCard()
		m := viewOf[*payScreen](h.kiosk).method
		m.expMonth.entry.SetText("")
		m.expYear.entry.SetText("")
		h.typeInto(m.expMonth.entry, c.month)
		h.typeInto(m.expYear.entry, c.year)
		test.Tap(viewOf[*payScreen](h.kiosk).submit)
		got := h.kiosk.visit.problems[fieldCardExpYear]
		if got != c.want {
			t.Errorf("card %s/%s at %s (%s on the machine): %q beside the year, want %q",
				c.month, c.year, c.at.Format(time.DateTime+" MST"), machine.Format(time.DateTime+" MST"), got, c.want)
		}
	}
}
