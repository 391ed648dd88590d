package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/internal/clock"
)

// Clock and Timer are the kiosk's sense of time (internal/clock).
type (
	Clock = clock.Clock
	Timer = clock.Timer
)

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
	guard panicGuard
}

func (c guardedClock) AfterFunc(d time.Duration, f func()) Timer {
	return c.Clock.AfterFunc(d, func() {
		defer c.guard.RecoverPanic()
		f()
	})
}
