// Package clock is the kiosk's one door to the wall clock for anything that may
// become a date: a due date's "today", a receipt's timestamp, a lockout's end.
//
// Everything that decides a date takes its time from an injected clock whose
// default is Wall, so the test suite can put the whole kiosk and its simulated
// portal at one instant of its choosing (clocktest). Elsewhere time.Now may only
// measure: a duration (time.Since) or a deadline (time.Now().Add), never an
// instant handed on. TestNoDateComesFromTheWallClock holds that rule.
package clock

import "time"

// Wall is the real time: the default clock of the kiosk and of the demo portal.
func Wall() time.Time { return time.Now() }

// Clock is the kiosk's sense of time: the idle and visit-length limits, the
// countdowns, the staff lockout and the due-date guidance all read it, so tests
// can move time on instead of sleeping.
type Clock interface {
	Now() time.Time
	// AfterFunc runs f on the UI thread once d has passed, unless stopped.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending AfterFunc.
type Timer interface {
	// Stop cancels the timer; it reports whether it stopped it before it fired.
	Stop() bool
}

// Stop stops t if there is one.
func Stop(t Timer) {
	if t != nil {
		t.Stop()
	}
}
