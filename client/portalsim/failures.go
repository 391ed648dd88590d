package portalsim

import "time"

// failureLog counts recent failures per key for lockouts: after limit failures
// within window, the key is locked until the oldest leaves the window.
//
// It holds at most maxKeys keys, and forgets a key once its failures have left
// the window, so that guesses at many emails cannot grow it for the life of the
// portal. Hand-written rather than an expiring LRU cache: the lockout must run
// on the Sim's injected clock, which those caches do not take.
type failureLog struct {
	window    time.Duration
	limit     int
	maxKeys   int
	failures  map[string][]time.Time
	nextSweep time.Time // when to look at every key again for failures that left the window
}

func newFailureLog(window time.Duration, limit, maxKeys int) *failureLog {
	return &failureLog{window: window, limit: limit, maxKeys: maxKeys, failures: make(map[string][]time.Time)}
}

// lockedFor returns how long key stays locked at now (0 when it is not locked).
func (fl *failureLog) lockedFor(key string, now time.Time) time.Duration {
	recent := fl.prune(key, now)
	if len(recent) < fl.limit {
		return 0
	}
	return recent[0].Add(fl.window).Sub(now)
}

// record notes a failure of key at now.
func (fl *failureLog) record(key string, now time.Time) {
	fl.sweep(now)
	recent := fl.prune(key, now)
	if recent == nil && len(fl.failures) >= fl.maxKeys {
		fl.evictStalest()
	}
	fl.failures[key] = append(recent, now)
}

// reset forgets the failures of key.
func (fl *failureLog) reset(key string) { delete(fl.failures, key) }

// prune drops the failures of key that left the window and returns the rest.
func (fl *failureLog) prune(key string, now time.Time) []time.Time {
	recent := fl.failures[key]
	for len(recent) > 0 && !now.Before(recent[0].Add(fl.window)) {
		recent = recent[1:]
	}
	if len(recent) == 0 {
		delete(fl.failures, key)
		return nil
	}
	fl.failures[key] = recent
	return recent
}

// sweep prunes every key, once per window: a key nobody tries again is gone
// within two windows of its last failure.
func (fl *failureLog) sweep(now time.Time) {
	if now.Before(fl.nextSweep) {
		return
	}
	fl.nextSweep = now.Add(fl.window)
	for key := range fl.failures {
		fl.prune(key, now)
	}
}

// evictStalest forgets the key whose latest failure is the oldest. Only a flood
// of maxKeys keys failing within one window gets here; it then costs a locked
// key its count, never lets the flood itself go uncounted.
func (fl *failureLog) evictStalest() {
	var stalest string
	var at time.Time
	found := false
	for key, times := range fl.failures {
		if last := times[len(times)-1]; !found || last.Before(at) {
			stalest, at, found = key, last, true
		}
	}
	delete(fl.failures, stalest)
}
