package portalsim

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// A simulator that runs for weeks (a demo on a lobby PC, a staff training day, the
// soak test) holds only a bounded amount of state: idempotency keys for a day,
// sessions while they can be used, the latest emails, verification links while
// their email is among them and for a day at most, failed sign-ins while they
// count, a few payment methods per account.

func TestIdempotencyKeysAreKeptForADay(t *testing.T) {
	e := newEnv(t)
	first := e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("pay-1")).want(t, http.StatusCreated)
	e.clock.Advance(idempotencyKeyTTL - time.Minute)
	again := e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("pay-1")).want(t, http.StatusCreated)
	if string(again.body) != string(first.body) || e.sim.Stats().Payments != 1 {
		t.Fatalf("a retry within the day paid again: %s", again.body)
	}
	e.clock.Advance(time.Minute)
	e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("other")).want(t, http.StatusCreated)
	if got := e.sim.idem.size(); got != 1 {
		t.Errorf("after a day the store holds %d keys, want only the new one", got)
	}
	later := e.call("POST", "/one-time-payments", payment(2500), withIdempotencyKey("pay-1")).want(t, http.StatusCreated)
	if string(later.body) == string(first.body) || e.sim.Stats().Payments != 3 {
		t.Errorf("a key a day old was still replayed: %s", later.body)
	}
}

func TestIdempotencyStoreStaysBoundedOverWeeks(t *testing.T) {
	e := newEnv(t)
	for i := range 2000 { // one payment every 10 minutes: two weeks
		e.call("POST", "/one-time-payments", payment(100), withIdempotencyKey(fmt.Sprintf("pay-%d", i))).want(t, http.StatusCreated)
		e.clock.Advance(10 * time.Minute)
	}
	if got, max := e.sim.idem.size(), int(idempotencyKeyTTL/(10*time.Minute))+1; got > max {
		t.Errorf("the store holds %d keys, more than a day's %d", got, max)
	}
}

func TestAKeyStillInUseOutlivesItsDay(t *testing.T) {
	now := time.Date(2024, time.June, 14, 10, 0, 0, 0, time.UTC)
	store := newIdempotencyStore(func() time.Time { return now })
	fp := requestFingerprint(&routes[0], "", nil)
	entry, _ := store.claim("slow", fp) // its answer never comes
	now = now.Add(2 * idempotencyKeyTTL)
	if _, first := store.claim("new", fp); !first || store.size() != 2 {
		t.Fatalf("a request under way lost its key: %d keys", store.size())
	}
	entry.result = acceptedReply()
	close(entry.done)
	store.claim("newer", fp)
	if store.size() != 2 {
		t.Errorf("%d keys once the slow request was done, want 2", store.size())
	}
}

func TestEndedSessionsAreForgotten(t *testing.T) {
	e := newEnv(t)
	revoked := e.signIn()
	e.call("DELETE", "/sessions/current", nil, withSession(revoked.Token)).want(t, http.StatusNoContent)
	expired := e.signIn()
	e.clock.Advance(defaultSessionTTL)
	live := e.signIn()
	e.sim.mu.Lock()
	n := len(e.sim.sessions)
	e.sim.mu.Unlock()
	if n != 1 {
		t.Errorf("%d sessions kept, want only the live one", n)
	}
	for _, ended := range []client.Session{revoked, expired} {
		e.call("GET", "/account", nil, withSession(ended.Token)).wantError(t, http.StatusUnauthorized, client.CodeSessionInvalid)
		e.call("DELETE", "/sessions/current", nil, withSession(ended.Token)).want(t, http.StatusNoContent)
	}
	e.account(live.Token)
}

func TestTheOutboxKeepsTheLatestEmails(t *testing.T) {
	e := newEnv(t)
	for range maxOutbox + 5 {
		e.call("POST", "/password-resets", client.PasswordResetRequest{Email: mariaEmail}).want(t, http.StatusAccepted)
	}
	if got := len(e.sim.Outbox()); got != maxOutbox {
		t.Errorf("the outbox holds %d emails, want the latest %d", got, maxOutbox)
	}
}

func TestVerificationLinksExpire(t *testing.T) {
	e := newEnv(t)
	sess := e.register(legacyNumber, "97501", "legacy@example.com")
	e.call("PUT", "/bill-delivery", client.BillDeliveryRequest{Method: client.DeliveryEmail}, withSession(sess.Token)).want(t, http.StatusAccepted)
	link := e.sim.Outbox()[0].Link
	e.clock.Advance(verificationLinkTTL)
	sess = e.signInAs("legacy@example.com", strongPassword)
	e.visit(link).want(t, http.StatusNotFound)
	if got := e.account(sess.Token).BillDelivery.Status; got != client.DeliveryPendingVerification {
		t.Errorf("an expired link changed the delivery to %q", got)
	}
	e.call("POST", "/bill-delivery/verification-email", nil, withSession(sess.Token)).want(t, http.StatusAccepted)
	if got := e.sim.pendingVerifications(); got != 1 {
		t.Errorf("%d verification links kept, want only the new one", got)
	}
	e.visit(e.sim.Outbox()[1].Link).want(t, http.StatusOK)
}

func TestVerificationLinksLeaveWithTheirEmail(t *testing.T) {
	e := newEnv(t)
	sess := e.register(legacyNumber, "97501", "legacy@example.com")
	e.call("PUT", "/bill-delivery", client.BillDeliveryRequest{Method: client.DeliveryEmail}, withSession(sess.Token)).want(t, http.StatusAccepted)
	first := e.sim.Outbox()[0].Link
	for range maxOutbox {
		e.call("POST", "/bill-delivery/verification-email", nil, withSession(sess.Token)).want(t, http.StatusAccepted)
	}
	if got := e.sim.pendingVerifications(); got > maxOutbox {
		t.Errorf("%d verification links kept, more than the outbox's %d emails", got, maxOutbox)
	}
	e.visit(first).want(t, http.StatusNotFound)
}

func TestFailedSignInsAreForgottenOnceTheyNoLongerCount(t *testing.T) {
	e := newEnv(t)
	for i := range 300 {
		e.call("POST", "/sessions", client.SignInRequest{Email: fmt.Sprintf("guess%d@example.com", i), Password: "guess"}).
			wantError(t, http.StatusUnauthorized, client.CodeBadCredentials)
	}
	e.clock.Advance(failureWindow)
	e.call("POST", "/sessions", client.SignInRequest{Email: "one.more@example.com", Password: "guess"}).want(t, http.StatusUnauthorized)
	e.sim.mu.Lock()
	n := len(e.sim.signInFailures.failures)
	e.sim.mu.Unlock()
	if n != 1 {
		t.Errorf("%d emails' failures kept, want only the one still in its window", n)
	}
}

func TestFailureLogHasACap(t *testing.T) {
	now := time.Date(2024, time.June, 14, 10, 0, 0, 0, time.UTC)
	fl := newFailureLog(failureWindow, failureLimit, 10)
	for range failureLimit {
		fl.record("target", now)
	}
	for i := range 50 {
		now = now.Add(time.Second)
		fl.record(fmt.Sprintf("k%d", i), now)
	}
	if got := len(fl.failures); got > 10 {
		t.Errorf("%d keys kept, cap 10", got)
	}
	if fl.lockedFor("k49", now) != 0 || len(fl.failures["k49"]) != 1 {
		t.Error("the newest failure was not kept")
	}
}

func TestPaymentMethodsPerAccountAreCapped(t *testing.T) {
	e := newEnv(t)
	sess := e.signIn()
	body, err := json.Marshal(client.PaymentDetails{Card: savedCard()})
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for range 20000 { // straight to the handler: 20,000 round trips over TCP would dominate the test
		req := e.request("POST", "/payment-methods", nil, withSession(sess.Token))
		req.Body = io.NopCloser(bytes.NewReader(body))
		rec := httptest.NewRecorder()
		e.sim.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			refused++
		}
	}
	if refused != 20000-maxPaymentMethods {
		t.Errorf("%d adds refused, want all but %d", refused, maxPaymentMethods)
	}
	e.call("POST", "/payment-methods", client.PaymentDetails{Bank: validBank()}, withSession(sess.Token)).
		wantError(t, http.StatusConflict, codeTooManyPaymentMethods)
	res := e.call("GET", "/account", nil, withSession(sess.Token)).want(t, http.StatusOK)
	if len(res.body) > client.DefaultMaxBodyBytes {
		t.Errorf("GET /account is %d bytes, past the client's cap of %d", len(res.body), client.DefaultMaxBodyBytes)
	}
	if got := len(e.account(sess.Token).PaymentMethods); got != maxPaymentMethods {
		t.Errorf("%d payment methods, want %d", got, maxPaymentMethods)
	}
}

func TestIdempotencyKeyIsAtMost255Characters(t *testing.T) {
	e := newEnv(t)
	longest := strings.Repeat("k", 255)
	e.call("POST", "/one-time-payments", payment(100), withIdempotencyKey(longest)).want(t, http.StatusCreated)
	e.call("POST", "/one-time-payments", payment(100), withIdempotencyKey(longest+"k")).
		wantError(t, http.StatusBadRequest, codeInvalidIdempotencyKey)
	sess := e.signIn()
	e.call("POST", "/payment-methods", client.PaymentDetails{Card: savedCard()}, withSession(sess.Token), withIdempotencyKey(strings.Repeat("é", 256))).
		wantError(t, http.StatusBadRequest, codeInvalidIdempotencyKey)
	if s := e.sim.Stats(); s.Payments != 1 || s.PaymentMethods != 0 || e.sim.idem.size() != 1 {
		t.Errorf("stats %+v, %d keys kept", s, e.sim.idem.size())
	}
}

// Junk keys sent within a day, as anyone with the public demo key could, fill the
// store only to its cap: the oldest finished keys go first, a key still under
// way and the newest ones stay.
func TestIdempotencyStoreIsCappedAgainstJunkKeys(t *testing.T) {
	store := newIdempotencyStore(time.Now)
	fp := requestFingerprint(&routes[0], "", nil)
	slow, _ := store.claim("slow", fp) // its answer never comes
	for i := range 3 * maxIdempotencyKeys {
		store.do(context.Background(), fmt.Sprintf("junk-%d", i), fp, func() reply {
			return errorReply(http.StatusUnprocessableEntity, client.CodeValidationFailed, "x")
		})
	}
	if got := store.size(); got > maxIdempotencyKeys {
		t.Errorf("the store holds %d keys, over its cap of %d", got, maxIdempotencyKeys)
	}
	if again, first := store.claim("slow", fp); first || again != slow {
		t.Error("the key of a request under way was forgotten")
	}
	last := fmt.Sprintf("junk-%d", 3*maxIdempotencyKeys-1)
	if _, first := store.claim(last, fp); first {
		t.Error("the newest key was forgotten")
	}
}
