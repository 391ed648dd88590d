package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// A blind visitor's journey: the test presses only keypad keys and decides what to
// press only from what the kiosk says — never from a widget reference — and finds
// an account, registers and enrols AutoPay by bank account, in each language.
func TestABlindVisitorRegistersAndEnrolsAutoPayByKeypadAlone(t *testing.T) {
	// On the way: a wrong ZIP code heard and corrected by Backspace, and the look
	// menu opened and closed by Esc, back where the visitor was.
	for _, lang := range []string{"en", "es"} {
		t.Run(lang, func(t *testing.T) {
			h, r := newSpeechHarness(t)
			l := listener{t: t, h: h, r: r}
			h.press(keyHelp)
			l.heard()
			l.goTo(h.msg(lang, "language.name") + ", ")
			l.press(fyne.KeyReturn)

			l.goTo(h.msg(lang, "find.account_number") + ", ")
			h.typeKeys("102345671234567")
			l.goTo(h.msg(lang, "find.postal_code") + ", ")
			h.typeKeys("97502") // a wrong ZIP code: heard, then corrected by ear
			l.goTo(h.msg(lang, "find.submit") + ", " + h.msg(lang, "speech.role.button"))
			l.press(fyne.KeyReturn)
			l.expect(h.msg(lang, "error.account_not_found"))
			l.goTo(h.msg(lang, "find.postal_code") + ", ")
			for _, deleted := range "20579" {
				l.press(fyne.KeyBackspace)
				l.expect(h.kiosk.tr(lang, "speech.deleted", map[string]any{"Char": string(deleted)}))
			}
			h.typeKeys("97504")
			l.goTo(h.msg(lang, "find.submit") + ", " + h.msg(lang, "speech.role.button"))
			l.press(fyne.KeyReturn)

			l.goTo(h.msg(lang, "found.register") + ", ")
			l.press(fyne.KeyReturn)

			l.goTo("Aa") // the look menu, and Esc back to where the visitor was
			l.press(fyne.KeyReturn)
			l.expect(h.msg(lang, "look.menu_title"))
			l.press(fyne.KeyEscape)
			l.expect(h.msg(lang, "register.title"))

			email := "blind." + lang + "@example.com"
			l.goTo(h.msg(lang, "register.email") + ", ")
			h.typeKeys(email)
			l.goTo(h.msg(lang, "register.email_again") + ", ")
			h.typeKeys(email)
			l.goTo(h.msg(lang, "register.password") + ", ")
			h.typeKeys("Rogue-River-Otter-73")
			l.goTo(h.msg(lang, "register.accept_terms") + ", ")
			l.press(fyne.KeyReturn)
			l.expect(h.msg(lang, "speech.state.checked"))
			l.goTo(h.msg(lang, "register.submit") + ", ")
			l.press(fyne.KeyReturn)
			l.expect(h.msg(lang, "myaccount.title"))

			l.goTo(h.msg(lang, "myaccount.set_autopay") + ", ")
			l.press(fyne.KeyReturn)
			l.goTo(h.msg(lang, "payment.holder_name") + ", ")
			h.typeKeys("Ana Ruiz")
			l.goTo(h.msg(lang, "payment.routing_number") + ", ")
			h.typeKeys("021000021")
			l.goTo(h.msg(lang, "payment.bank_account_number") + ", ")
			h.typeKeys("123456789")
			l.goTo(h.msg(lang, "payment.checking") + ", ")
			l.press(fyne.KeyReturn)
			l.goTo(h.msg(lang, "autopay.continue") + ", ")
			l.press(fyne.KeyReturn)
			h.readReview()
			l.goTo(h.msg(lang, "autopay.create") + ", ")
			l.press(fyne.KeyReturn)
			l.expect(h.msg(lang, "myaccount.autopay_on"))
			if got := h.sim.Stats(); got.Registrations != 1 || got.AutoPayEnrollments != 1 {
				t.Errorf("the portal has %d registrations and %d AutoPay enrolments, want 1 each", got.Registrations, got.AutoPayEnrollments)
			}
		})
	}
}

// listener is the blind visitor: it listens, and moves on what it hears.
type listener struct {
	t    *testing.T
	h    *harness
	r    *recordingSpeaker
	last string // everything heard since the last press
}

// heard takes what was said since the last look.
func (l *listener) heard() string {
	l.last = heard(l.r.takeHeard())
	return l.last
}

// press presses a key and waits for what it started.
func (l *listener) press(key fyne.KeyName) {
	l.h.press(key)
	l.h.settle()
	l.heard()
}

// goTo presses Down until the item under the cursor begins with words.
func (l *listener) goTo(words string) {
	l.t.Helper()
	for range 60 {
		l.press(fyne.KeyDown)
		if strings.Contains(l.last, "] "+words) {
			return
		}
	}
	l.t.Fatalf("never heard %q going down the screen; last heard:\n%s", words, l.last)
}

// expect fails unless the last thing heard contains words.
func (l *listener) expect(words string) {
	l.t.Helper()
	if !strings.Contains(l.last, words) {
		l.t.Fatalf("expected to hear %q; heard:\n%s", words, l.last)
	}
}
