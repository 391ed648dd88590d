package portalsim

import (
	"fmt"
	"net/http"
	"regexp"
	"sync"
	"testing"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

var confirmationPattern = regexp.MustCompile(`^MW-[A-Z0-9]{8}$`)

func TestOneTimePayment(t *testing.T) {
	e := newEnv(t)
	before := e.lookup(legacyNumber, "97501").AmountDueCents
	var receipt client.Receipt
	e.call("POST", "/one-time-payments", payment(5000), withIdempotencyKey("pay-1")).want(t, http.StatusCreated).decode(t, &receipt)
	if !confirmationPattern.MatchString(receipt.ConfirmationNumber) || receipt.AmountCents != 5000 || receipt.ReceiptEmail != "pat@example.com" {
		t.Errorf("receipt %+v", receipt)
	}
	if after := e.lookup(legacyNumber, "97501").AmountDueCents; after != before-5000 {
		t.Errorf("amount due %d after paying 5000 of %d", after, before)
	}
	byBank := payment(before) // more than is left: the balance stops at zero
	byBank.Payment = client.PaymentDetails{Bank: validBank()}
	byBank.AccountNumber = "000658210672430"
	var second client.Receipt
	e.call("POST", "/one-time-payments", byBank, withIdempotencyKey("pay-2")).want(t, http.StatusCreated).decode(t, &second)
	if second.ConfirmationNumber == receipt.ConfirmationNumber {
		t.Error("two payments share a confirmation number")
	}
	if after := e.lookup(legacyNumber, "97501").AmountDueCents; after != 0 {
		t.Errorf("amount due %d, want 0", after)
	}
	if got := e.sim.Stats().Payments; got != 2 {
		t.Errorf("payments %d, want 2", got)
	}
}

func TestOneTimePaymentErrors(t *testing.T) {
	e := newEnv(t)
	wrongZIP := payment(5000)
	wrongZIP.PostalCode = "97504"
	e.call("POST", "/one-time-payments", wrongZIP, withIdempotencyKey("a")).wantError(t, http.StatusNotFound, client.CodeAccountNotFound)

	bad := payment(0)
	bad.AccountNumber, bad.PostalCode, bad.Email = "0006582-0672430", "", "pat@example"
	bad.Payment.Card.Reference = ""
	e.call("POST", "/one-time-payments", bad, withIdempotencyKey("b")).wantFields(t, map[string]string{
		"account_number": "invalid_account_number", "postal_code": "required", "email": "invalid_email",
		"amount_cents": "invalid_amount", "card.reference": "required",
	})
	e.call("POST", "/one-time-payments", payment(validate.MaxPaymentCents+1), withIdempotencyKey("c")).
		wantFields(t, map[string]string{"amount_cents": "amount_too_large"})
	e.call("POST", "/one-time-payments", payment(validate.MaxPaymentCents), withIdempotencyKey("d")).want(t, http.StatusCreated)
	e.call("POST", "/one-time-payments", payment(100)).wantFields(t, map[string]string{client.HeaderIdempotencyKey: "required"})
	e.call("POST", "/one-time-payments", payment(100), withoutKioskKey(), withIdempotencyKey("e")).
		wantError(t, http.StatusUnauthorized, client.CodeUnauthorized)
	if got := e.sim.Stats().Payments; got != 1 {
		t.Errorf("payments %d, want 1", got)
	}
}

func TestHeartbeat(t *testing.T) {
	e := newEnv(t)
	beat := client.Heartbeat{KioskID: "lobby-1", Version: "1.0.0", UptimeSeconds: 3600, PortalOK: true, PeriodSeconds: 60,
		Counts: client.HeartbeatCounts{VisitsStarted: 2, Journeys: map[string]int{"paid": 3}}}
	e.call("POST", "/kiosk/heartbeat", beat).want(t, http.StatusAccepted)
	e.call("POST", "/kiosk/heartbeat", client.Heartbeat{Version: "1.0.0"}).wantFields(t, map[string]string{"kiosk_id": "required"})
	e.call("POST", "/kiosk/heartbeat", beat, withoutKioskKey()).wantError(t, http.StatusUnauthorized, client.CodeUnauthorized)
	got := e.sim.Heartbeats()
	if len(got) != 1 || got[0].KioskID != "lobby-1" || got[0].Counts.Journeys["paid"] != 3 || e.sim.Stats().Heartbeats != 1 {
		t.Fatalf("heartbeats %+v, stats %+v", got, e.sim.Stats())
	}
	got[0].Counts.Journeys["paid"] = 99
	if e.sim.Heartbeats()[0].Counts.Journeys["paid"] != 3 {
		t.Error("Heartbeats shares its maps with the simulator")
	}
	var shown struct{ Heartbeats []client.Heartbeat }
	e.call("GET", "/demo/heartbeats", nil).want(t, http.StatusOK).decode(t, &shown)
	if len(shown.Heartbeats) != 1 || shown.Heartbeats[0].Counts.VisitsStarted != 2 {
		t.Errorf("GET /demo/heartbeats: %+v", shown)
	}
}

func TestHeartbeatsKeepTheLatest(t *testing.T) {
	sim := New(Options{Now: clocktest.Now})
	sim.mu.Lock()
	for i := range maxHeartbeats + 5 {
		beat := fmt.Sprintf(`{"kiosk_id":"k%d","version":"1","uptime_seconds":1,"portal_ok":true}`, i)
		sim.handleHeartbeat(&request{body: []byte(beat)})
	}
	sim.mu.Unlock()
	got := sim.Heartbeats()
	if len(got) != maxHeartbeats || got[0].KioskID != "k5" {
		t.Errorf("%d heartbeats starting with %q", len(got), got[0].KioskID)
	}
}

func TestDemoOutboxRoute(t *testing.T) {
	e := newEnv(t)
	var empty struct{ Messages []client.OutboxMessage }
	e.call("GET", "/demo/outbox", nil).want(t, http.StatusOK).decode(t, &empty)
	if empty.Messages == nil || len(empty.Messages) != 0 {
		t.Errorf("empty outbox %+v", empty)
	}
	e.call("POST", "/password-resets", client.PasswordResetRequest{Email: mariaEmail}).want(t, http.StatusAccepted)
	var got struct{ Messages []client.OutboxMessage }
	e.call("GET", "/demo/outbox", nil).want(t, http.StatusOK).decode(t, &got)
	if len(got.Messages) != 1 || got.Messages[0].To != mariaEmail || !got.Messages[0].SentAt.Equal(e.clock.Now()) {
		t.Errorf("outbox %+v", got)
	}
	e.call("GET", "/demo/outbox", nil, withoutKioskKey()).wantError(t, http.StatusUnauthorized, client.CodeUnauthorized)
}

func TestConcurrentUse(t *testing.T) {
	e := newEnv(t)
	statuses := make([][]int, 8)
	var wg sync.WaitGroup
	for i := range statuses {
		reqs := []*http.Request{
			e.request("POST", "/accounts/lookup", client.LookupRequest{AccountNumber: plainNumber, PostalCode: "97504"}),
			e.request("POST", "/kiosk/heartbeat", client.Heartbeat{KioskID: fmt.Sprint("k", i)}),
			e.request("POST", "/one-time-payments", payment(100), withIdempotencyKey(fmt.Sprint("p", i))),
		}
		wg.Go(func() {
			for _, req := range reqs {
				statuses[i] = append(statuses[i], statusOf(e.http, req))
				_, _ = e.sim.Stats(), e.sim.Outbox()
			}
		})
	}
	wg.Wait()
	for i, got := range statuses {
		if fmt.Sprint(got) != "[200 202 201]" {
			t.Errorf("goroutine %d: statuses %v", i, got)
		}
	}
	if s := e.sim.Stats(); s.Heartbeats != 8 || s.Payments != 8 {
		t.Errorf("stats %+v", s)
	}
}

// statusOf sends req and returns its status, or 0 if it failed; safe in any goroutine.
func statusOf(c *http.Client, req *http.Request) int {
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

// TestOneTimePaymentSharesTheLookupLockout: a payment's number and ZIP are a lookup
// too, so guessing through payments locks the kiosk out of both routes.
func TestOneTimePaymentSharesTheLookupLockout(t *testing.T) {
	e := newEnv(t)
	wrongZIP := payment(5000)
	wrongZIP.PostalCode = "97504"
	for i := range failureLimit {
		e.call("POST", "/one-time-payments", wrongZIP, withIdempotencyKey(fmt.Sprint("guess-", i))).
			wantError(t, http.StatusNotFound, client.CodeAccountNotFound)
	}
	e.call("POST", "/one-time-payments", payment(5000), withIdempotencyKey("right")).
		wantError(t, http.StatusTooManyRequests, client.CodeRateLimited)
	e.call("POST", "/accounts/lookup", client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97501"}).
		wantError(t, http.StatusTooManyRequests, client.CodeRateLimited)
	if got := e.sim.Stats().Payments; got != 0 {
		t.Errorf("payments %d while locked out", got)
	}
}
