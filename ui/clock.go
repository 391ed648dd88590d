package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/internal/clock"
)

// Clock is the kiosk's sense of time: the idle and visit-length limits, the
// countdowns and the due-date guidance all read it, so tests can move time on
// instead of sleeping.
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

// realClock is the wall clock; its timers hand their work to the UI thread.
type realClock struct{}

func (realClock) Now() time.Time { return clock.Wall() }

func (realClock) AfterFunc(d time.Duration, f func()) Timer {
	return time.AfterFunc(d, func() { fyne.Do(f) })
}

// guardedClock runs every timer callback under the kiosk's panic recovery, so a
// bug in a timer resets the kiosk instead of ending the process.
type guardedClock struct {
	Clock
	k *Kiosk
}

func (c guardedClock) AfterFunc(d time.Duration, f func()) Timer {
	return c.Clock.AfterFunc(d, func() {
		defer c.k.activity.recoverPanic()
		f()
	})
}

// stopTimer stops t if there is one.
func stopTimer(t Timer) {
	if t != nil {
		t.Stop()
	}
}
