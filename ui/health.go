package ui

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/guard"
)

// While the welcome screen waits, untouched, for a visitor, the kiosk asks the
// portal every healthInterval whether it is up. A visitor should not pick a
// language only to learn at the first tap that nothing works: after
// healthFailures failed checks in a row the kiosk says it is out of service, and
// when the portal answers again it returns to the welcome screen by itself. The
// checks stop the moment a visit starts (that visitor's own calls report problems)
// and start again at the next reset.
const (
	healthInterval = 30 * time.Second
	healthFailures = 2
)

// healthHost is what the health watch needs of the kiosk: a way to change the
// screen.
type healthHost interface {
	show(id screenID)
}

// healthWatch is the welcome screen's portal check. Its own lock is for the test
// driver, whose fyne.Do runs the check's answer on the goroutine that made the
// call, beside the test's: a healthy answer then touches nothing but this state,
// so tests that never wait for a check stay free of races. On a real kiosk every
// access is on the UI thread anyway.
type healthWatch struct {
	host        healthHost
	screen      func() screenID       // the screen on show: only the welcome and out-of-service screens are watched
	portal      func() *client.Client // the portal in use; nil: none to ask
	noteProblem func(code string)     // keeps the problem for the staff status
	clock       Clock
	log         *slog.Logger
	timeout     func() time.Duration // a check's, read at each check: tests shorten it
	inflight    backgroundWork       // counts the check on its way, as every portal call
	notePortal  func(err error)      // tells the heartbeat whether the portal answered
	guard       panicGuard           // deferred around the check's answer

	mu       sync.Mutex
	timer    Timer
	round    int  // changes whenever the watch stops: answers of older rounds are ignored
	checking bool // a check is on its way: the next tick does not start another
	failures int  // failed checks in a row
	outage   bool // the out-of-service screen on show is the watch's doing
}

// watch starts checking the portal (again) from now. Only the welcome and
// out-of-service screens are watched, and only with a portal to ask.
func (w *healthWatch) watch() {
	w.stop()
	screen := w.screen()
	if portal := w.portal(); portal == nil || (screen != screenWelcome && screen != screenOutOfService) {
		return
	}
	w.schedule()
}

// stop stops the checks; an answer still on its way is ignored.
func (w *healthWatch) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	clock.Stop(w.timer)
	w.timer, w.round, w.checking, w.failures, w.outage = nil, w.round+1, false, 0, false
}

func (w *healthWatch) schedule() {
	w.mu.Lock()
	defer w.mu.Unlock()
	round := w.round
	w.timer = w.clock.AfterFunc(healthInterval, func() { w.tick(round) })
}

// tick schedules the next check, then checks unless one is still on its way.
func (w *healthWatch) tick(round int) {
	w.mu.Lock()
	if round != w.round || w.checking {
		stale := round != w.round
		w.mu.Unlock()
		if !stale {
			w.schedule()
		}
		return
	}
	w.checking = true
	w.mu.Unlock()
	w.schedule()
	w.check(round)
}

// check asks the portal off the UI thread, as portalCall does, but without
// touching the screen while it waits: the language buttons stay enabled and no
// "One moment" appears, since nobody asked for anything.
func (w *healthWatch) check(round int) {
	portal := w.portal()
	timeout := w.timeout()
	w.inflight.Add(1)
	go func() {
		err := guard.Call(w.log, "the portal health check", func() error { // a panic is a failed check: the watch goes on
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			_, err := portal.Health(ctx)
			w.notePortal(err)
			return err
		})
		fyne.Do(func() {
			defer w.inflight.Done()
			defer w.guard.RecoverPanic()
			w.answered(round, err)
		})
	}()
}

// answered moves between the welcome and out-of-service screens on the check's
// answer.
func (w *healthWatch) answered(round int, err error) {
	w.mu.Lock()
	if round != w.round {
		w.mu.Unlock()
		return
	}
	w.checking = false
	if err == nil {
		back := w.outage
		w.failures, w.outage = 0, false
		w.mu.Unlock()
		if back {
			w.log.Info("portal answers again: back in service")
			w.host.show(screenWelcome)
		}
		return
	}
	w.failures++
	failures := w.failures
	down := failures >= healthFailures && !w.outage && w.screen() == screenWelcome
	w.outage = w.outage || down
	w.mu.Unlock()
	w.log.Warn("portal health check failed", "failures_in_a_row", failures, "err", client.ErrorClass(err))
	if down {
		w.noteProblem("portal_unreachable")
		w.log.Error("portal unreachable: out of service until it answers")
		w.host.show(screenOutOfService)
	}
}
