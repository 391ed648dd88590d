// Package stafflock is the lockout of staff mode after wrong PINs: the policy
// (how many wrong PINs lock it, for how long, and what an unreadable record
// means) and the file that keeps the count across a restart.
package stafflock

import "time"

// MaxFailures wrong PINs in a row lock staff mode for LockDuration.
const (
	MaxFailures  = 5
	LockDuration = 5 * time.Minute
)

// FailSafe is the lockout to assume when the record of wrong PINs cannot be
// read: locked for LockDuration from now, so a guesser gains nothing by
// spoiling the record.
func FailSafe(now time.Time) (failures int, lockedUntil time.Time) {
	return MaxFailures, now.Add(LockDuration)
}
