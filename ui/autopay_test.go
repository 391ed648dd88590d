package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

func TestAutoPayWithABankAccount(t *testing.T) {
	for lang, wantOn := range map[string]string{"en": "AutoPay: on", "es": "Pago automático: activado"} {
		h := newHarness(t, ModeLive)
		h.signInDirectly(t, lang)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
		h.fillBankInto(h.autoPayForm, "021000021")
		test.Tap(viewOf[*autoPayScreen](h.kiosk).submit)
		s := viewOf[*autoPayScreen](h.kiosk)
		if s.create == nil {
			t.Fatalf("%s: no review; problems %v", lang, h.kiosk.visit.problems)
		}
		review := strings.Join(visibleTexts(h.win.Canvas()), "\n")
		if strings.Contains(review, bankNumber) || !strings.Contains(review, bankNumber[len(bankNumber)-4:]) {
			t.Errorf("%s: review not masked to the last 4 digits:\n%s", lang, review)
		}
		h.readReview()
		test.Tap(s.create)
		h.settle()
		if c := viewOf[*autoPayScreen](h.kiosk).confirmation; c == nil || !strings.Contains(c.Text, wantOn) {
			t.Fatalf("%s: no confirmation; problems %v", lang, h.kiosk.visit.problems)
		}
		if got := h.sim.Stats(); got.AutoPayEnrollments != 1 || got.PaymentMethods != 1 {
			t.Errorf("%s: simulator counts %+v", lang, got)
		}
		if _, kept := h.kiosk.visit.fields[fieldBankAccount]; kept {
			t.Errorf("%s: the bank account number outlived the enrolment", lang)
		}
		assertTextsFromCatalog(t, h)
		test.Tap(viewOf[*autoPayScreen](h.kiosk).done)
		h.settle()
		if h.kiosk.page.id != screenMyAccount || viewOf[*myAccountScreen](h.kiosk).setAutoPay.Visible() {
			t.Errorf("%s: My account after AutoPay: %s", lang, h.kiosk.page.id)
		}
	}
}

func TestAutoPayEnrolsOnceThroughFailuresAndDoubleTaps(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "es")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.fillBankInto(h.autoPayForm, "021000021")
	test.Tap(viewOf[*autoPayScreen](h.kiosk).submit)
	h.sim.SetFault("POST /autopay", portalsim.Fault{Status: 503, Times: 3})
	// (A second tap while a call is in flight is refused by portalCall's busy guard,
	// shared by every screen: TestPayDoubleTapPaysOnce proves it.)
	h.readReview()
	test.Tap(viewOf[*autoPayScreen](h.kiosk).create)
	h.settle()
	if got := viewOf[*autoPayScreen](h.kiosk).problem.Text; !strings.Contains(got, "541-774-2430") {
		t.Fatalf("portal failure message: %q", got)
	}
	retry := viewOf[*autoPayScreen](h.kiosk).create
	test.Tap(retry) // try again once the portal is back
	h.settle()
	if viewOf[*autoPayScreen](h.kiosk).confirmation == nil {
		t.Fatalf("retry did not enrol; problems %v", h.kiosk.visit.problems)
	}
	test.Tap(retry) // a late tap on the button that was on screen
	h.settle()
	if got := h.sim.Stats(); got.AutoPayEnrollments != 1 || got.PaymentMethods != 1 {
		t.Errorf("simulator counts after failure, retry and taps: %+v", got)
	}
}
