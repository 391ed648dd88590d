package ui

import (
	"net/http"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

func TestMyAccountShowsTheStateOfAutoPayAndEBilling(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"AutoPay: off", "paper bill", "maria.demo@example.com"},
		"es": {"Pago automático: desactivado", "factura impresa", "maria.demo@example.com"},
	} {
		h := newHarness(t, ModeLive)
		h.signInDirectly(t, lang)
		s := viewOf[*myAccountScreen](h.kiosk)
		if s == nil || s.autoPay == nil {
			t.Fatalf("%s: My account did not load; problems %v", lang, h.kiosk.visit.problems)
		}
		text := strings.Join(visibleTexts(h.win.Canvas()), "\n")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: My account lacks %q:\n%s", lang, w, text)
			}
		}
		assertTextsFromCatalog(t, h)
	}
}

func TestEBillingSendsTheVerificationAndFinishesByTheLink(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "es")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setEBilling)
	s := viewOf[*eBillingScreen](h.kiosk)
	if h.kiosk.page.id != screenEBilling || !strings.Contains(s.explain.Text, "maria.demo@example.com") {
		t.Fatalf("e-billing screen: %s %q", h.kiosk.page.id, s.explain.Text)
	}
	test.Tap(s.send)
	h.settle()
	s = viewOf[*eBillingScreen](h.kiosk)
	if !s.sent.Visible() || !strings.Contains(s.sent.Text, "abra el enlace") || s.send.Visible() {
		t.Fatalf("after sending: %q (send still shown: %v)", s.sent.Text, s.send.Visible())
	}
	test.Tap(s.resend)
	h.settle()
	outbox := h.sim.Outbox()
	if len(outbox) != 2 || outbox[1].Kind != "verification" {
		t.Fatalf("outbox after send and resend: %+v", outbox)
	}
	resp, err := http.Get(outbox[1].Link)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	test.Tap(viewOf[*eBillingScreen](h.kiosk).done)
	h.settle()
	if h.kiosk.page.id != screenMyAccount || !strings.Contains(viewOf[*myAccountScreen](h.kiosk).eBilling.Text, "correo electrónico a maria.demo@example.com") {
		t.Errorf("My account after verifying: %s %q", h.kiosk.page.id, viewOf[*myAccountScreen](h.kiosk).eBilling.Text)
	}
	if viewOf[*myAccountScreen](h.kiosk).setEBilling.Visible() {
		t.Error("still offers e-billing once it is on")
	}
}

func TestMyAccountLoadFailureOffersRetryAndThePhone(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.sim.SetFault("GET /account", portalsim.Fault{Status: 503, Times: 3})
	h.signInDirectly(t, "en")
	s := viewOf[*myAccountScreen](h.kiosk)
	if s.retry == nil || !strings.Contains(s.problem.Text, "541-774-2430") {
		t.Fatalf("load failure: retry %v, problem %q", s.retry, s.problem.Text)
	}
	test.Tap(s.retry)
	h.settle()
	if viewOf[*myAccountScreen](h.kiosk).autoPay == nil {
		t.Errorf("retry after the portal came back did not load; problems %v", h.kiosk.visit.problems)
	}
}

func TestTheEBillingScreenShowsNoEmptyCardBeforeSending(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.signInDirectly(t, lang)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setEBilling)
		walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
			if !o.Visible() {
				return false
			}
			if card, ok := o.(*widget.Card); ok {
				texts := visibleTextsUnder(card)
				if len(texts) == 0 {
					t.Errorf("%s: an empty card is drawn on the e-billing screen", lang)
				}
			}
			return true
		})
	}
}

// visibleTextsUnder is every text a visitor can read inside o.
func visibleTextsUnder(o fyne.CanvasObject) []string {
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if text, ok := textOf(o); ok && text != "" {
			texts = append(texts, text)
			return
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, child := range w.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return texts
}
