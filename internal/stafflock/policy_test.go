package stafflock

import (
	"testing"
	"time"
)

func TestEachLockInARowLastsLonger(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	var r Record
	tries := 0
	for _, want := range []time.Duration{5 * time.Minute, 15 * time.Minute, time.Hour, time.Hour, time.Hour, time.Hour} {
		for i := 1; i <= MaxFailures; i++ {
			var locked bool
			r, locked = r.Attempt(now)
			tries++
			if locked != (i == MaxFailures) {
				t.Fatalf("try %d of a round locked = %v", i, locked)
			}
		}
		if got := r.LockedFor(now); got != want {
			t.Fatalf("lock %d lasts %v, want %v", r.Lockouts, got, want)
		}
		now = r.LockedUntil
		if r.LockedFor(now) != 0 {
			t.Fatal("a lock that ran out still locks")
		}
	}
	if tries != 30 {
		t.Errorf("%d tries in six rounds", tries)
	}
}

func TestAGuesserGetsFiveAnHourAtMost(t *testing.T) {
	start := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	now, r, tries := start, Record{}, 0
	for now.Before(start.Add(7 * 24 * time.Hour)) {
		r, _ = r.Attempt(now)
		tries++
		now = now.Add(r.LockedFor(now))
	}
	// 15 in the first 80 minutes, then 5 an hour: 850 in a week, where a flat
	// 5-minute lock gave 10,080; a six-digit PIN holds for years at that rate.
	if tries != 850 {
		t.Errorf("a guesser who never signs in got %d PINs in a week, want 850", tries)
	}
}

func TestFailSafeIsTheFirstLock(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	r := FailSafe(now)
	if r.LockedFor(now) != LockDuration(1) {
		t.Errorf("FailSafe locks for %v", r.LockedFor(now))
	}
	if r, _ = r.Attempt(r.LockedUntil); r.Lockouts != 1 || r.Failures != 1 {
		t.Errorf("after the fail-safe lock: %+v", r)
	}
}
