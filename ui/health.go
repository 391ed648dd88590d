package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
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

// healthWatch is the state of the welcome screen's portal check. Its own lock is
// for the test driver, whose fyne.Do runs the check's answer on the goroutine that
// made the call, beside the test's: a healthy answer then touches nothing but this
// state, so tests that never wait for a check stay free of races. On a real kiosk
// every access is on the UI thread anyway.
type healthWatch struct {
	mu       sync.Mutex
	timer    Timer
	round    int  // changes whenever the watch stops: answers of older rounds are ignored
	checking bool // a check is on its way: the next tick does not start another
	failures int  // failed checks in a row
	outage   bool // the out-of-service screen on show is the watch's doing
}

// watchHealth starts checking the portal (again) from now. Only the welcome and
// out-of-service screens are watched, and only with a portal to ask.
func (k *Kiosk) watchHealth() {
	k.stopHealthWatch()
	if k.portal == nil || (k.screen != screenWelcome && k.screen != screenOutOfService) {
		return
	}
	k.scheduleHealthCheck()
}

// stopHealthWatch stops the checks; an answer still on its way is ignored.
func (k *Kiosk) stopHealthWatch() {
	w := &k.health
	w.mu.Lock()
	defer w.mu.Unlock()
	stopTimer(w.timer)
	w.timer, w.round, w.checking, w.failures, w.outage = nil, w.round+1, false, 0, false
}

func (k *Kiosk) scheduleHealthCheck() {
	w := &k.health
	w.mu.Lock()
	defer w.mu.Unlock()
	round := w.round
	w.timer = k.clock.AfterFunc(healthInterval, func() { k.healthTick(round) })
}

// healthTick schedules the next check, then checks unless one is still on its way.
func (k *Kiosk) healthTick(round int) {
	w := &k.health
	w.mu.Lock()
	if round != w.round || w.checking {
		stale := round != w.round
		w.mu.Unlock()
		if !stale {
			k.scheduleHealthCheck()
		}
		return
	}
	w.checking = true
	w.mu.Unlock()
	k.scheduleHealthCheck()
	k.checkHealth(round)
}

// checkHealth asks the portal off the UI thread, as portalCall does, but without
// touching the screen while it waits: the language buttons stay enabled and no
// "One moment" appears, since nobody asked for anything.
func (k *Kiosk) checkHealth(round int) {
	portal, timeout := k.portal, k.timeouts.health
	k.inflight.Add(1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		_, err := portal.Health(ctx)
		cancel()
		k.notePortal(err)
		fyne.Do(func() {
			defer k.inflight.Done()
			defer k.activity.recoverPanic()
			k.healthAnswered(round, err)
		})
	}()
}

// healthAnswered moves between the welcome and out-of-service screens on the
// check's answer.
func (k *Kiosk) healthAnswered(round int, err error) {
	w := &k.health
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
			k.log.Info("portal answers again: back in service")
			k.show(screenWelcome)
		}
		return
	}
	w.failures++
	failures := w.failures
	down := failures >= healthFailures && !w.outage && k.screen == screenWelcome
	w.outage = w.outage || down
	w.mu.Unlock()
	k.log.Warn("portal health check failed", "failures_in_a_row", failures, "err", err.Error())
	if down {
		k.lastError = "portal_unreachable"
		k.log.Error("portal unreachable: out of service until it answers")
		k.show(screenOutOfService)
	}
}
