package ui

import (
	"slices"
	"sort"
	"sync"
	"time"
)

// fakeClock is a Clock that moves only when a test advances it. Its timers fire on
// the advancing goroutine, which in the Fyne test driver stands for the UI thread.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	clock   *fakeClock
	at      time.Time
	f       func()
	stopped bool
}

func newFakeClock(start time.Time) *fakeClock { return &fakeClock{now: start} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{clock: c, at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return t
}

func (t *fakeTimer) Stop() bool {
	t.clock.mu.Lock()
	defer t.clock.mu.Unlock()
	was := !t.stopped
	t.stopped = true
	return was
}

// Advance moves time on by d, firing every timer that falls due, in order (timers
// set by a firing timer fire too when they fall within d).
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now.Add(d)
	c.mu.Unlock()
	for {
		t := c.nextDue(end)
		if t == nil {
			break
		}
		t.f()
	}
	c.mu.Lock()
	c.now = end
	c.mu.Unlock()
}

// nextDue takes the earliest live timer due by end off the list and moves the
// clock to it. Stopped timers leave the list here: kept, they would hold whatever
// their functions hold (a visit, a screen's widgets) for as long as the clock lives.
func (c *fakeClock) nextDue(end time.Time) *fakeTimer {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.timers = slices.DeleteFunc(c.timers, func(t *fakeTimer) bool { return t.stopped })
	sort.SliceStable(c.timers, func(i, j int) bool { return c.timers[i].at.Before(c.timers[j].at) })
	for i, t := range c.timers {
		if t.stopped {
			continue
		}
		if t.at.After(end) {
			return nil
		}
		c.timers = append(c.timers[:i:i], c.timers[i+1:]...)
		t.stopped = true
		c.now = t.at
		return t
	}
	return nil
}

// pending counts the live timers (a reset must leave none but the kiosk's own).
func (c *fakeClock) pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, t := range c.timers {
		if !t.stopped {
			n++
		}
	}
	return n
}
