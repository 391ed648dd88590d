package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/config"
)

// A field that checks out keeps the value its check normalised, which is what
// the screen sends the portal; typing in it again drops that value until it is
// checked again.
func TestACheckedFieldKeepsItsNormalisedValue(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	s := viewOf[*findScreen](h.kiosk)
	h.typeInto(s.accountNumber.entry, " 203456782345678 ")
	h.typeInto(s.postalCode.entry, "97501")
	h.win.Canvas().Unfocus()
	if !h.kiosk.checkFields(s.accountNumber, s.postalCode) {
		t.Fatalf("the fields did not check out: %v", h.kiosk.visit.problems)
	}
	if got := h.kiosk.visit.values[fieldAccountNumber]; got != registeredAccount {
		t.Errorf("the account number's value is %q, want %q", got, registeredAccount)
	}
	test.Type(s.postalCode.entry, "9")
	if got, kept := h.kiosk.visit.values[fieldPostalCode]; kept {
		t.Errorf("the ZIP code kept the value %q after more was typed", got)
	}
	test.Tap(s.submit)
	h.settle()
	if h.kiosk.page.id != screenFind {
		t.Errorf("a six-digit ZIP code was sent: %s", h.kiosk.page.id)
	}
}

// The kiosk runs only on a configuration that passes the config check: a
// warning shorter than WCAG 2.2.1's 20 seconds is refused, not quietly raised.
func TestTheKioskRefusesAConfigTheCheckRefuses(t *testing.T) {
	test.NewTempApp(t)
	c := config.Default()
	c.WarningSeconds = 5
	if _, err := New(test.NewTempWindow(t, nil), Deps{Config: c}); err == nil {
		t.Error("a 5-second time-out warning was accepted")
	}
}

// Every field of the visit says what of the visitor's it holds (visitPrivacy):
// a field added to the visit without saying so fails here, so a new screen's
// data cannot be forgotten by what a loudspeaker must never say.
func TestEveryPieceOfTheVisitSaysWhatIsPrivate(t *testing.T) {
	fields := reflect.TypeFor[visit]()
	for i := range fields.NumField() {
		if _, ok := visitPrivacy[fields.Field(i).Name]; !ok {
			t.Errorf("visit.%s is not in visitPrivacy: say what of the visitor's it holds", fields.Field(i).Name)
		}
	}
	if len(visitPrivacy) != fields.NumField() {
		t.Errorf("visitPrivacy has %d entries for the visit's %d fields: one names a field that is gone", len(visitPrivacy), fields.NumField())
	}
}

// Every kind of outcome has its words on the Done screen in each language and
// its journey in the heartbeat's counts: AutoPay from the next bill counts as
// AutoPay (its message ID once did not, and was not counted).
func TestEveryOutcomeHasItsWordsAndItsJourney(t *testing.T) {
	h := newHarness(t, ModeLive)
	for kind := outcomeRegistered; kind <= outcomePaid; kind++ {
		w, ok := outcomeKinds[kind]
		if !ok || w.journey == "" {
			t.Errorf("outcome %d has no words or journey: %+v", kind, w)
			continue
		}
		for _, lang := range []string{"en", "es"} {
			if h.msg(lang, w.messageID) == w.messageID {
				t.Errorf("outcome %d: %s has no words in %s", kind, w.messageID, lang)
			}
		}
	}
	h.startIn("en")
	h.kiosk.visit.record(outcomeAutoPayNextBill, nil, nil)
	h.kiosk.usage.visitEnded(h.kiosk.visit, triggerFinish, h.kiosk.lang)
	if got := h.kiosk.heartbeat.Pending().Journeys["autopay"]; got != 1 {
		t.Errorf("AutoPay from the next bill counted %d AutoPay journeys, want 1", got)
	}
}
