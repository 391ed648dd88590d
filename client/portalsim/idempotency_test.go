package portalsim

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

func TestIdempotentPaymentReplays(t *testing.T) {
	e := newEnv(t)
	first := e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("pay-1")).want(t, http.StatusCreated)
	again := e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("pay-1")).want(t, http.StatusCreated)
	if string(first.body) != string(again.body) {
		t.Errorf("replay %s differs from %s", again.body, first.body)
	}
	e.call("POST", "/one-time-payments", payment(2600), withIdempotencyKey("pay-1")).
		wantError(t, http.StatusUnprocessableEntity, client.CodeIdempotencyConflict)
	if got := e.sim.Stats().Payments; got != 1 {
		t.Errorf("payments %d, want 1", got)
	}
	other := e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("pay-2")).want(t, http.StatusCreated)
	if string(other.body) == string(first.body) || e.sim.Stats().Payments != 2 {
		t.Error("a new key did not make a new payment")
	}
}

func TestIdempotentErrorsReplayToo(t *testing.T) {
	e := newEnv(t)
	bad := payment(0)
	first := e.call("POST", "/one-time-payments", bad, withIdempotencyKey("k"))
	first.wantFields(t, map[string]string{"amount_cents": "invalid_amount"})
	again := e.call("POST", "/one-time-payments", bad, withIdempotencyKey("k"))
	if again.status != first.status || string(again.body) != string(first.body) {
		t.Errorf("replay %d %s, first %d %s", again.status, again.body, first.status, first.body)
	}
}

func TestIdempotentRegistrationReplaysTheSession(t *testing.T) {
	e := newEnv(t)
	req := client.RegistrationRequest{
		AccountRef: e.lookup(plainNumber, "97504").AccountRef, Email: "pat@example.com",
		Password: strongPassword, TermsVersion: TermsVersion,
	}
	var first, again client.Session
	e.call("POST", "/registrations", req, withIdempotencyKey("reg-1")).want(t, http.StatusCreated).decode(t, &first)
	e.call("POST", "/registrations", req, withIdempotencyKey("reg-1")).want(t, http.StatusCreated).decode(t, &again)
	if first != again {
		t.Errorf("replayed session %+v, first %+v", again, first)
	}
	e.call("POST", "/registrations", req, withIdempotencyKey("reg-2")).wantError(t, http.StatusConflict, client.CodeAlreadyRegistered)
	e.call("POST", "/registrations", req).wantError(t, http.StatusConflict, client.CodeAlreadyRegistered)
	if got := e.sim.Stats().Registrations; got != 1 {
		t.Errorf("registrations %d, want 1", got)
	}
}

func TestIdempotentPaymentMethodAndAutoPay(t *testing.T) {
	e := newEnv(t)
	sess := e.signIn()
	var pm, pmAgain client.PaymentMethod
	add := func(v *client.PaymentMethod) {
		e.call("POST", "/payment-methods", client.PaymentDetails{Bank: validBank()}, withSession(sess.Token), withIdempotencyKey("pm-1")).
			want(t, http.StatusCreated).decode(t, v)
	}
	add(&pm)
	add(&pmAgain)
	enroll := func() result {
		return e.call("POST", "/autopay", client.AutoPayRequest{PaymentMethodID: pm.ID}, withSession(sess.Token), withIdempotencyKey("ap-1")).
			want(t, http.StatusCreated)
	}
	first, again := enroll(), enroll()
	if pm != pmAgain || string(first.body) != string(again.body) {
		t.Errorf("replays differ: %+v / %+v, %s / %s", pm, pmAgain, first.body, again.body)
	}
	if s := e.sim.Stats(); s.PaymentMethods != 1 || s.AutoPayEnrollments != 1 || len(e.account(sess.Token).PaymentMethods) != 1 {
		t.Errorf("stats %+v", s)
	}
}

func TestIdempotencyKeyBelongsToOneSession(t *testing.T) {
	e := newEnv(t)
	maria := e.signIn()
	pat := e.register(plainNumber, "97504", "pat@example.com")
	details := client.PaymentDetails{Card: savedCard()}
	e.call("POST", "/payment-methods", details, withSession(maria.Token), withIdempotencyKey("same")).want(t, http.StatusCreated)
	e.call("POST", "/payment-methods", details, withSession(pat.Token), withIdempotencyKey("same")).
		wantError(t, http.StatusUnprocessableEntity, client.CodeIdempotencyConflict)
	if got := len(e.account(pat.Token).PaymentMethods); got != 0 {
		t.Errorf("pat got %d payment methods from maria's request", got)
	}
}

func TestIdempotentConcurrentRequestsActOnce(t *testing.T) {
	e := newEnv(t)
	const callers = 16
	bodies := make([]string, callers)
	var wg sync.WaitGroup
	for i := range bodies {
		req := e.request("POST", "/one-time-payments", payment(1234), withIdempotencyKey("together"))
		wg.Go(func() {
			resp, err := e.http.Do(req)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			var receipt client.Receipt
			if resp.StatusCode == http.StatusCreated && decodeBody(readAll(resp), &receipt) {
				bodies[i] = receipt.ConfirmationNumber
			}
		})
	}
	wg.Wait()
	for i, got := range bodies {
		if got == "" || got != bodies[0] {
			t.Errorf("caller %d got confirmation %q, caller 0 %q", i, got, bodies[0])
		}
	}
	if got := e.sim.Stats().Payments; got != 1 {
		t.Errorf("payments %d, want 1", got)
	}
}

func TestIdempotencyWaiterGivesUpWithItsContext(t *testing.T) {
	store := newIdempotencyStore(time.Now)
	fp := requestFingerprint(&routes[0], "", nil)
	release := make(chan struct{})
	started := make(chan struct{})
	go store.do(context.Background(), "k", fp, func() reply {
		close(started)
		<-release
		return acceptedReply()
	})
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if got := store.do(ctx, "k", fp, func() reply { t.Error("acted twice"); return reply{} }); got.status != http.StatusServiceUnavailable {
		t.Errorf("waiter status %d, want 503", got.status)
	}
	close(release)
}

// lockLookups makes failureLimit wrong lookups, which lock the kiosk out of
// lookups and one-time payments.
func (e *env) lockLookups() {
	e.t.Helper()
	for range failureLimit {
		e.call("POST", "/accounts/lookup", client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97504"}).
			wantError(e.t, http.StatusNotFound, client.CodeAccountNotFound)
	}
}

func TestAPaymentRefusedByTheLookupLockPaysOnceTheLockEnds(t *testing.T) {
	e := newEnv(t)
	e.lockLookups()
	e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("kept")).
		wantError(t, http.StatusTooManyRequests, client.CodeRateLimited)
	e.clock.Advance(failureWindow)
	var receipt client.Receipt
	e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("kept")).
		want(t, http.StatusCreated).decode(t, &receipt)
	again := e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("kept")).want(t, http.StatusCreated)
	var replayed client.Receipt
	again.decode(t, &replayed)
	if replayed != receipt || e.sim.Stats().Payments != 1 {
		t.Errorf("the paid answer was not the one kept: %+v then %+v, %d payments", receipt, replayed, e.sim.Stats().Payments)
	}
}

func TestOnlyFinalAnswersAreKept(t *testing.T) {
	fp := requestFingerprint(&routes[0], "", nil)
	for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusServiceUnavailable} {
		store := newIdempotencyStore(time.Now)
		failing := func() reply { return errorReply(status, client.CodeInternal, "x") }
		if got := store.do(context.Background(), "k", fp, failing); got.status != status {
			t.Fatalf("first answer %d, want %d", got.status, status)
		}
		acted := false
		got := store.do(context.Background(), "k", fp, func() reply { acted = true; return acceptedReply() })
		if !acted || got.status != http.StatusAccepted || store.size() != 1 {
			t.Errorf("after a %d the retry got %d (acted: %v, %d keys kept)", status, got.status, acted, store.size())
		}
	}
	for _, status := range []int{http.StatusCreated, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity} {
		store := newIdempotencyStore(time.Now)
		store.do(context.Background(), "k", fp, func() reply { return errorReply(status, client.CodeValidationFailed, "x") })
		got := store.do(context.Background(), "k", fp, func() reply { t.Errorf("%d was not kept", status); return acceptedReply() })
		if got.status != status {
			t.Errorf("replay %d, want %d", got.status, status)
		}
	}
}
