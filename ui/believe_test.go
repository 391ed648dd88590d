package ui

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
)

// A portal that answers 2xx with nothing usable must not be believed: the visitor
// is told the outcome is unknown and how to check it, never "paid".

// spoiledAnswer sits in front of the simulator: a request to route is served by
// the simulator, which acts on it, and then answered with status and body instead
// of what the simulator said, until healed. Every other request gets the
// simulator's answer.
type spoiledAnswer struct {
	route  string // method and path below the base path, e.g. "POST /one-time-payments"
	status int
	body   string
	healed atomic.Bool
}

func (s *spoiledAnswer) front(t testing.TB, sim http.Handler) (string, string) {
	return plainFront(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.healed.Load() || r.Method+" "+strings.TrimPrefix(r.URL.Path, client.BasePath) != s.route {
			sim.ServeHTTP(w, r)
			return
		}
		sim.ServeHTTP(httptest.NewRecorder(), r) // the portal acted; its answer is lost
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(s.status)
		_, _ = w.Write([]byte(s.body))
	}))
}

// spoiledHarness is a kiosk whose portal spoils every answer to route.
func spoiledHarness(t *testing.T, route, body string) (*harness, *spoiledAnswer) {
	spoil := &spoiledAnswer{route: route, status: http.StatusCreated, body: body}
	return newHarnessWith(t, harnessOptions{front: spoil.front}), spoil
}

// checkOutcomeUnknown requires the screen's problem to be the unknown-outcome
// message messageID, with the phone number, and nothing recorded as done.
func checkOutcomeUnknown(t *testing.T, h *harness, lang, messageID, shown string) {
	t.Helper()
	if want := h.msg(lang, messageID); shown != want || !strings.Contains(shown, "541-774-2430") {
		t.Errorf("%s: the screen says %q; want %q, with the phone number", lang, shown, want)
	}
	if len(h.kiosk.visit.outcomes) != 0 {
		t.Errorf("%s: recorded as done: %v", lang, h.kiosk.visit.outcomes)
	}
}

func TestAPaymentAnsweredWithNothingUsableIsNotShownAsPaid(t *testing.T) {
	for i, body := range []string{`{}`, `null`,
		`{"confirmation_number":"MW-7K3Q9X2A","amount_cents":-1,"receipt_email":"maria@example.com"}`,
		`{"confirmation_number":"MW-7K3Q9X2A","amount_cents":1,"receipt_email":"maria@example.com"}`} {
		lang := []string{"en", "es"}[i%2]
		h, _ := spoiledHarness(t, "POST /one-time-payments", body)
		reachPayReview(t, h, lang)
		key := h.kiosk.visit.pay.key
		test.Tap(viewOf[*payScreen](h.kiosk).payButton)
		h.settle()
		s := viewOf[*payScreen](h.kiosk)
		if s.confirmation != nil || h.kiosk.visit.pay.receipt != nil || strings.Contains(h.screenText(), h.msg(lang, "pay.paid")) {
			t.Fatalf("%s: a 201 %s was shown as a receipt:\n%s", lang, body, h.screenText())
		}
		checkOutcomeUnknown(t, h, lang, "error.payment_unknown", s.problem.Text)
		if s.payButton == nil || h.kiosk.visit.pay.key != key {
			t.Errorf("%s: the review or its idempotency key is gone", lang)
		}
		if got := h.sim.Stats().Payments; got != 1 {
			t.Fatalf("%s: the portal took %d payments, want 1", lang, got)
		}
	}
}

// The key is kept: paying again after checking replays the payment the portal
// took, and charges nothing twice.
func TestPayingAgainAfterAnUnknownOutcomeChargesOnce(t *testing.T) {
	h, spoil := spoiledHarness(t, "POST /one-time-payments", `{}`)
	reachPayReview(t, h, "en")
	test.Tap(viewOf[*payScreen](h.kiosk).payButton)
	h.settle()
	spoil.healed.Store(true) // the visitor checked with staff, who say to try again
	h.readReview()
	test.Tap(viewOf[*payScreen](h.kiosk).payButton)
	h.settle()
	if got := h.sim.Stats().Payments; got != 1 || viewOf[*payScreen](h.kiosk).confirmation == nil {
		t.Fatalf("%d payments, receipt %v; want one payment, its receipt on show", got, h.kiosk.visit.pay.receipt)
	}
}

func TestAutoPayAnsweredWithNothingUsableIsNotShownAsSetUp(t *testing.T) {
	for i, route := range []string{"POST /payment-methods", "POST /autopay"} {
		lang := []string{"en", "es"}[i%2]
		h, _ := spoiledHarness(t, route, `{}`)
		reachAutoPayReview(t, h, lang)
		test.Tap(viewOf[*autoPayScreen](h.kiosk).create)
		h.settle()
		s := viewOf[*autoPayScreen](h.kiosk)
		if s.confirmation != nil || h.kiosk.visit.autoPay.result != nil {
			t.Fatalf("%s: a 201 {} from %s was shown as AutoPay set up:\n%s", lang, route, h.screenText())
		}
		checkOutcomeUnknown(t, h, lang, "error.autopay_unknown", s.problem.Text)
		if s.create == nil {
			t.Errorf("%s: the review is gone", lang)
		}
	}
}

// A 303 from a payment is refused: the kiosk never fetches what it points at,
// here a receipt for the very payment asked.
func TestAPaymentRedirectedIsNotShownAsPaid(t *testing.T) {
	var asked atomic.Value // the payment's JSON body
	h := newHarnessWith(t, harnessOptions{front: func(t testing.TB, sim http.Handler) (string, string) {
		return plainFront(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case client.BasePath + "/one-time-payments":
				var req client.OneTimePaymentRequest
				_ = json.NewDecoder(r.Body).Decode(&req)
				asked.Store(req)
				http.Redirect(w, r, client.BasePath+"/receipt", http.StatusSeeOther)
			case client.BasePath + "/receipt":
				req, _ := asked.Load().(client.OneTimePaymentRequest)
				w.Header().Set("Content-Type", "application/json")
				_ = json.NewEncoder(w).Encode(client.Receipt{ConfirmationNumber: "MW-FAKEFAKE",
					AmountCents: req.AmountCents, ReceiptEmail: req.Email})
			default:
				sim.ServeHTTP(w, r)
			}
		}))
	}})
	reachPayReview(t, h, "en")
	test.Tap(viewOf[*payScreen](h.kiosk).payButton)
	h.settle()
	s := viewOf[*payScreen](h.kiosk)
	if s.confirmation != nil || strings.Contains(h.screenText(), "MW-FAKEFAKE") {
		t.Fatalf("a redirect was followed to a receipt:\n%s", h.screenText())
	}
	if got := s.problem.Text; got != h.msg("en", "error.unavailable") {
		t.Errorf("the screen says %q", got)
	}
}

func TestASignInAnsweredWithoutATokenIsNotSignedIn(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h, _ := spoiledHarness(t, "POST /sessions", `{"session_token":"","expires_at":"2030-01-01T00:00:00Z"}`)
		s := h.openSignIn(t, lang)
		h.typeInto(s.email.entry, demoEmail)
		h.typeInto(s.password.entry, demoPassword)
		test.Tap(s.submit)
		h.settle()
		if h.kiosk.page.id != screenSignIn || h.kiosk.visit.signedIn() {
			t.Fatalf("%s: signed in with an empty token: screen %s", lang, h.kiosk.page.id)
		}
		if got, want := viewOf[*signInScreen](h.kiosk).problem.Text, h.msg(lang, "error.unexpected_answer"); got != want ||
			!strings.Contains(got, "541-774-2430") {
			t.Errorf("%s: the screen says %q; want %q", lang, got, want)
		}
	}
}
