package portalsim

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// A simulator that runs for weeks (a demo on a lobby PC, a staff training day, the
// soak test) holds only a bounded amount of state: idempotency keys for a day,
// sessions while they can be used, the latest emails.

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
