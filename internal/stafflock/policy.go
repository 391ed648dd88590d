// Package stafflock is the lockout of staff mode after wrong PINs: the policy
// (how many PINs lock it, for how long, and what an unreadable record means)
// and the file that keeps the record across a restart.
package stafflock

import "time"

// MaxFailures PINs tried without signing in lock staff mode; each lock in a row
// lasts longer than the one before (lockSteps), until staff sign in.
const MaxFailures = 5

// lockSteps are the lengths of the first locks in a row; every later one lasts
// as long as the last, an hour at most. A guesser who never signs in gets 5 PINs
// an hour, about 120 a day: a six-digit PIN holds for years, where a flat 5
// minutes gave 1,440 a day. The cap is what a visitor who types wrong PINs on
// purpose can cost staff: an hour, never a day, and the kiosk's admin can lift
// a lock at once (lobbykiosk admin unlock-staff). Staff who mistype five times
// wait 5 minutes.
var lockSteps = [...]time.Duration{5 * time.Minute, 15 * time.Minute, time.Hour}

// LockDuration is how long the nth lock in a row (counting from 1) lasts.
func LockDuration(n int) time.Duration {
	return lockSteps[min(max(n, 1), len(lockSteps))-1]
}

// Record is what the lockout keeps: counts and a time, never a PIN.
type Record struct {
	Failures    int       `json:"failures"`     // PINs tried since the last lock or sign-in
	Lockouts    int       `json:"lockouts"`     // locks since the last sign-in: the next lasts longer
	LockedUntil time.Time `json:"locked_until"` // the end of the latest lock; zero: none yet
}

// LockedFor is how long staff mode stays locked at now; 0: not locked.
func (r Record) LockedFor(now time.Time) time.Duration {
	return max(r.LockedUntil.Sub(now), 0)
}

// Attempt counts a PIN about to be checked: it is counted before the answer, so
// neither a restart nor a second pad during the check buys another try. The
// MaxFailures-th since the last lock starts the next, longer lock; locked says
// it did. A right answer undoes it all (a zero Record).
func (r Record) Attempt(now time.Time) (next Record, locked bool) {
	r.Failures++
	if r.Failures < MaxFailures {
		return r, false
	}
	r.Failures = 0
	r.Lockouts++
	r.LockedUntil = now.Add(LockDuration(r.Lockouts))
	return r, true
}

// FailSafe is the record to assume when the real one cannot be read: locked for
// the first lock's length from now, so a guesser gains nothing by spoiling it.
func FailSafe(now time.Time) Record {
	return Record{Lockouts: 1, LockedUntil: now.Add(LockDuration(1))}
}
