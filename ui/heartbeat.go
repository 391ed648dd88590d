package ui

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// Every Deps.HeartbeatEvery the kiosk tells the portal it is alive and how it has
// been used since the last beat the portal took: visits started, finished and
// timed out, journeys completed, languages and error codes. Counts only: nothing
// says who, and every tally has a small fixed set of keys. A beat is sent off the
// UI thread, at most one at a time; one that fails gives its counts back, so the
// next beat carries them, and memory stays the same size however long the portal
// is down.

// maxTallyKeys bounds every tally; keys beyond it are counted under "other".
const maxTallyKeys = 32

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

// journeyOf names the journey a Done-screen outcome completes.
var journeyOf = map[string]string{
	"done.registered": "registered", "done.autopay": "autopay", "done.autopay_from": "autopay",
	"done.ebilling_pending": "ebilling", "done.paid": "paid",
}

// countVisitStart counts a visit at the visitor's first action.
func (k *Kiosk) countVisitStart() {
	if k.mode != ModeTraining { // staff practice is not use
		k.usage.add(func(c *client.HeartbeatCounts) { c.VisitsStarted++ })
	}
}

// countVisitEnd counts how a visit that started ended, what it did and its language.
func (k *Kiosk) countVisitEnd(v *visit, trigger resetTrigger) {
	if v.startedAt.IsZero() || k.mode == ModeTraining {
		return
	}
	k.usage.add(func(c *client.HeartbeatCounts) {
		switch trigger {
		case triggerFinish:
			c.VisitsFinished++
		case triggerIdle, triggerVisitLimit:
			c.VisitsTimedOut++
		}
		tally(&c.EndedBy, string(trigger), 1)
		tally(&c.Languages, k.lang, 1)
		if v.account != nil {
			tally(&c.Journeys, "account_found", 1)
		}
		for _, o := range v.outcomes {
			if journey, ok := journeyOf[o.messageID]; ok {
				tally(&c.Journeys, journey, 1)
			}
		}
	})
}

// countError counts a problem by its code: a portal error code, "unavailable",
// "timeout", or the kiosk's own ("kiosk_panic").
func (k *Kiosk) countError(code string) {
	k.usage.add(func(c *client.HeartbeatCounts) { tally(&c.Errors, code, 1) })
}

// errorCode is the code of a portal call's error, for the counts.
func errorCode(err error) string {
	var apiErr *client.APIError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.Code
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	}
	return "unavailable"
}

// notePortal records whether the portal answered a call (an error answer is an
// answer): the heartbeat's "portal_ok". Safe from any goroutine.
func (k *Kiosk) notePortal(err error) {
	var apiErr *client.APIError
	k.portalAnswered.Store(err == nil || errors.As(err, &apiErr))
}

// beatState is the heartbeat's own state, touched by its timer and its goroutine.
type beatState struct {
	mu      sync.Mutex
	timer   Timer
	started time.Time // the kiosk's start, for the uptime
	since   time.Time // the start of the period the counts cover
	missed  int       // beats that failed since the last one the portal took
	sending bool      // a beat is on its way: the next tick leaves the counts to grow
}

// startHeartbeat beats every Deps.HeartbeatEvery, to the live portal only
// (training's simulator swaps k.portal, never the beats' destination).
func (k *Kiosk) startHeartbeat() {
	if k.deps.HeartbeatEvery <= 0 || k.deps.Portal == nil {
		return
	}
	b := &k.beat
	b.mu.Lock()
	defer b.mu.Unlock()
	b.started, b.since = k.clock.Now(), k.clock.Now()
	b.timer = k.clock.AfterFunc(k.deps.HeartbeatEvery, k.beatTick)
}

// beatTick schedules the next beat and sends this one unless one is still out.
func (k *Kiosk) beatTick() {
	b := &k.beat
	b.mu.Lock()
	b.timer = k.clock.AfterFunc(k.deps.HeartbeatEvery, k.beatTick)
	if b.sending {
		b.mu.Unlock()
		return
	}
	b.sending = true
	now, timeout := k.clock.Now(), k.timeouts.beat
	beat := client.Heartbeat{
		KioskID: k.deps.KioskID, Version: k.deps.Version,
		UptimeSeconds: int64(now.Sub(b.started).Seconds()), PortalOK: k.portalAnswered.Load(),
		PeriodSeconds: int64(now.Sub(b.since).Seconds()), BeatsMissed: b.missed,
		Counts: k.usage.take(),
	}
	b.mu.Unlock()
	k.inflight.Add(1) // tests wait for beats as for every other call
	go func() {
		defer k.inflight.Done()
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		err := k.deps.Portal.SendHeartbeat(ctx, beat)
		cancel()
		k.beatAnswered(beat, now, err)
	}()
}

// beatAnswered starts a new period after a beat the portal took, or gives the
// counts back after one it did not.
func (k *Kiosk) beatAnswered(beat client.Heartbeat, sentAt time.Time, err error) {
	k.notePortal(err)
	b := &k.beat
	b.mu.Lock()
	defer b.mu.Unlock()
	b.sending = false
	if err == nil {
		b.since, b.missed = sentAt, 0
		return
	}
	b.missed++
	k.usage.giveBack(beat.Counts)
	k.log.Warn("heartbeat not delivered; its counts go with the next", "err", err.Error(), "missed", b.missed)
}
