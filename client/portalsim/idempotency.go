package portalsim

import (
	"context"
	"crypto/sha256"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// idempotencyKeyTTL is how long a key is remembered after its first use, as
// payment APIs do: a retry comes within minutes, while a store that never
// forgot would grow with every payment for the life of the portal.
const idempotencyKeyTTL = 24 * time.Hour

// maxIdempotencyKeys bounds the store: anyone holding the public demo kiosk
// key could otherwise fill it with junk keys for a day (20,000 cost 23 MiB).
// Past it the oldest finished keys are forgotten first; a kiosk's retry comes
// within minutes of its first try, long before its key is among the oldest of
// thousands.
const maxIdempotencyKeys = 4096

// idempotencyStore remembers, per (kiosk key, Idempotency-Key), the request it
// was first used with and the answer it got, so a retry repeats the answer
// instead of acting twice; for idempotencyKeyTTL, then the key is new again.
// Only final answers are kept (see isFinal): a retry after a 429 or a 5xx runs
// the request again, so a payment refused while the lookup lock lasted goes
// through once it is lifted, with the key the kiosk kept.
type idempotencyStore struct {
	now     func() time.Time
	mu      sync.Mutex
	entries map[string]*idempotencyEntry
	order   []string // the keys by first use, oldest first
}

// idempotencyEntry is one key's request and, once done is closed, its answer.
type idempotencyEntry struct {
	fingerprint [sha256.Size]byte
	firstUsed   time.Time
	done        chan struct{}
	result      reply
}

func newIdempotencyStore(now func() time.Time) *idempotencyStore {
	return &idempotencyStore{now: now, entries: make(map[string]*idempotencyEntry)}
}

// requestFingerprint identifies a request: its route, the customer session it
// was made in and its body.
func requestFingerprint(rt *route, sessionToken string, body []byte) [sha256.Size]byte {
	h := sha256.New()
	for _, part := range []string{rt.method, rt.pattern, sessionToken} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	h.Write(body)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// do runs act once per key. A request with a known key and the same
// fingerprint waits for the first one and answers its result; a different
// fingerprint is an idempotency conflict.
func (st *idempotencyStore) do(ctx context.Context, key string, fingerprint [sha256.Size]byte, act func() reply) reply {
	entry, first := st.claim(key, fingerprint)
	if entry.fingerprint != fingerprint {
		return errorReply(http.StatusUnprocessableEntity, client.CodeIdempotencyConflict,
			"this Idempotency-Key was already used with a different request")
	}
	if first {
		entry.result = act()
		if !isFinal(entry.result.status) {
			st.forget(key)
		}
		close(entry.done) // a request that waited meanwhile shares even an answer not kept
		return entry.result
	}
	select {
	case <-entry.done:
		return entry.result
	case <-ctx.Done():
		return errorReply(http.StatusServiceUnavailable, client.CodeUnavailable, "the request was cancelled")
	}
}

// isFinal reports whether an answer of status is the request's outcome, to be
// repeated to every retry: a success or a refusal of the request itself. A 429
// (try later) and a 5xx (the portal failed, nothing was done) are not, as payment
// APIs treat them: keeping them would refuse the key's retries for a day.
func isFinal(status int) bool {
	return status < http.StatusInternalServerError && status != http.StatusTooManyRequests
}

// forget drops key at once. It was claimed a moment ago, so it is found near
// the end of the order.
func (st *idempotencyStore) forget(key string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	delete(st.entries, key)
	for i := len(st.order) - 1; i >= 0; i-- {
		if st.order[i] == key {
			st.order = slices.Delete(st.order, i, i+1)
			return
		}
	}
}

// claim returns the key's entry, creating it (first = true) if it is new.
func (st *idempotencyStore) claim(key string, fingerprint [sha256.Size]byte) (entry *idempotencyEntry, first bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	now := st.now()
	st.expire(now)
	if entry = st.entries[key]; entry != nil {
		return entry, false
	}
	st.makeRoom()
	entry = &idempotencyEntry{fingerprint: fingerprint, firstUsed: now, done: make(chan struct{})}
	st.entries[key] = entry
	st.order = append(st.order, key)
	return entry, true
}

// makeRoom forgets the oldest finished keys until a new one fits under
// maxIdempotencyKeys. A request still under way keeps its key. Called with
// st.mu held.
func (st *idempotencyStore) makeRoom() {
	over := len(st.entries) - maxIdempotencyKeys + 1
	for i := 0; over > 0 && i < len(st.order); {
		if key := st.order[i]; st.entries[key].finished() {
			delete(st.entries, key)
			st.order = slices.Delete(st.order, i, i+1)
			over--
			continue
		}
		i++
	}
}

// expire forgets the keys first used idempotencyKeyTTL or more before now. A
// request still under way keeps its key, and the keys after it, until a later
// claim. Called with st.mu held.
func (st *idempotencyStore) expire(now time.Time) {
	n := 0
	for _, key := range st.order {
		entry := st.entries[key]
		if now.Sub(entry.firstUsed) < idempotencyKeyTTL || !entry.finished() {
			break
		}
		delete(st.entries, key)
		n++
	}
	st.order = slices.Delete(st.order, 0, n)
}

// finished reports whether the entry's answer is in.
func (e *idempotencyEntry) finished() bool {
	select {
	case <-e.done:
		return true
	default:
		return false
	}
}

// size is how many keys the store remembers.
func (st *idempotencyStore) size() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return len(st.entries)
}
