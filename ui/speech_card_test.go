package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/test"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
)

// A listener paying by card hears where the reader is and what to do as the
// reader's instructions arrive, then the terminal's progress: the payment
// done, or why the card was not charged.
func TestSpeechSaysTheCardReadersInstructionsAndOutcome(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		r := &recordingSpeaker{}
		gate := &callGate{} // the portal's answer waits for the key event to be over, as on the UI thread
		h := newHarnessWith(t, harnessOptions{speech: r, settings: testConfig{CardEntry: "terminal"}, front: gate.front})
		h.gate = gate
		h.press(keyHelp)
		h.reviewCardPayment(t, lang)
		r.take()
		h.speechMoveTo(t, viewOf[*payScreen](h.kiosk).payButton)
		r.take()
		var said string
		h.atTheReader(t, func() { h.press(fyne.KeyReturn) }, func() {
			said = heard(r.take()) // what the listener heard as the reader's instructions arrived
			test.Tap(viewOf[*payScreen](h.kiosk).practiceCards[terminalsim.CardDeclined])
		})
		amount := formatMoney(h.kiosk.visit.account.AmountDueCents)
		// The reader's instructions are an arrival of their own, heard within the
		// arrival budget, practice cards and all (the first of them said).
		arrival := strings.Replace(said, speechmode.Speakable(lang, h.msg(lang, "busy.one_moment")), "", 1)
		if n := len(strings.Fields(arrival)); n > arrivalBudget {
			t.Errorf("%s: arriving at the reader says %d words, over the budget of %d:\n%s", lang, n, arrivalBudget, arrival)
		}
		for _, want := range []string{h.msg(lang, "reader.title"), h.kiosk.tr(lang, "reader.insert", map[string]any{"Amount": amount})} {
			if !strings.Contains(said, speechmode.Speakable(lang, want)) {
				t.Fatalf("%s: arriving at the reader said:\n%s\nwithout %q", lang, said, want)
			}
		}
		if said := heard(r.take()); !strings.Contains(said, speechmode.Speakable(lang, h.msg(lang, "reader.declined"))) {
			t.Errorf("%s: a declined card said:\n%s", lang, said)
		}
	}
}
