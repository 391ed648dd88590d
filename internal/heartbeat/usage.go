package heartbeat

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// maxTallyKeys bounds every tally; keys beyond it are counted under "other".
const maxTallyKeys = 32

// Visit is what the counts keep of a visit that ended: how, and what it did,
// never who.
type Visit struct {
	EndedBy  string   // why it ended, e.g. "finish", "idle"
	Finished bool     // the visitor ended it with Finish
	TimedOut bool     // the idle or visit-length limit ended it
	Language string   // the language it ended in
	Journeys []string // what it completed, e.g. "account_found", "paid"
	// Took is the visit's length, from the visitor's first action to its end:
	// the beat has no use for it; the kiosk's metrics keep its distribution.
	Took time.Duration
}

// usage is the counts since the last beat the portal took. Its lock is for the
// beat's goroutine; the UI thread does the counting.
type usage struct {
	mu     sync.Mutex
	counts client.HeartbeatCounts
}

// tally adds n to key in *m, creating the map, within maxTallyKeys keys.
func tally(m *map[string]int, key string, n int) {
	if *m == nil {
		*m = map[string]int{}
	}
	if _, known := (*m)[key]; !known && len(*m) >= maxTallyKeys-1 {
		key = "other"
	}
	(*m)[key] += n
}

func (u *usage) add(count func(c *client.HeartbeatCounts)) {
	u.mu.Lock()
	defer u.mu.Unlock()
	count(&u.counts)
}

// take returns the counts and starts new ones.
func (u *usage) take() client.HeartbeatCounts {
	u.mu.Lock()
	defer u.mu.Unlock()
	c := u.counts
	u.counts = client.HeartbeatCounts{}
	return c
}

// giveBack folds the counts of a beat that failed into the current ones.
func (u *usage) giveBack(c client.HeartbeatCounts) {
	u.add(func(now *client.HeartbeatCounts) {
		now.VisitsStarted += c.VisitsStarted
		now.VisitsFinished += c.VisitsFinished
		now.VisitsTimedOut += c.VisitsTimedOut
		now.StaffLockouts += c.StaffLockouts
		for _, pair := range []struct{ into, from *map[string]int }{
			{&now.EndedBy, &c.EndedBy}, {&now.Journeys, &c.Journeys},
			{&now.Languages, &c.Languages}, {&now.Errors, &c.Errors},
		} {
			for key, n := range *pair.from {
				tally(pair.into, key, n)
			}
		}
	})
}

// VisitStarted counts a visit at the visitor's first action.
func (h *Heartbeat) VisitStarted() {
	h.usage.add(func(c *client.HeartbeatCounts) { c.VisitsStarted++ })
}

// VisitEnded counts how a visit that started ended, what it did and its language.
func (h *Heartbeat) VisitEnded(v Visit) {
	h.usage.add(func(c *client.HeartbeatCounts) {
		if v.Finished {
			c.VisitsFinished++
		}
		if v.TimedOut {
			c.VisitsTimedOut++
		}
		tally(&c.EndedBy, v.EndedBy, 1)
		tally(&c.Languages, v.Language, 1)
		for _, journey := range v.Journeys {
			tally(&c.Journeys, journey, 1)
		}
	})
}

// CountError counts a problem by its code: a portal error code, "unavailable",
// "timeout", or the kiosk's own ("kiosk_panic").
func (h *Heartbeat) CountError(code string) {
	h.usage.add(func(c *client.HeartbeatCounts) { tally(&c.Errors, code, 1) })
}

// CountStaffLockout counts a lock of staff mode after wrong PINs: fleet staff
// see a kiosk someone is guessing at. A count, never a PIN.
func (h *Heartbeat) CountStaffLockout() {
	h.usage.add(func(c *client.HeartbeatCounts) { c.StaffLockouts++ })
}

// Pending is a copy of the counts the next beat will carry.
func (h *Heartbeat) Pending() client.HeartbeatCounts {
	h.usage.mu.Lock()
	defer h.usage.mu.Unlock()
	return h.usage.counts.Clone()
}

// ErrorCode is the code of a portal call's error, for the counts: the portal's
// own code, "timeout", "unexpected_answer" (the portal answered, but not as the
// contract allows: it is up, and may have acted) or "unavailable" (no answer).
func ErrorCode(err error) string {
	var apiErr *client.APIError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.Code
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.Is(err, client.ErrUnexpectedAnswer):
		return "unexpected_answer"
	}
	return "unavailable"
}
