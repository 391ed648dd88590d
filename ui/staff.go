package ui

import (
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"
)

// Staff mode is reached by a gesture a visitor will not stumble on: five taps on
// the utility's logo (or, on visitor screens, the screen's title) within three
// seconds. It opens a PIN pad; the right PIN opens the staff menu.
const (
	staffTaps       = 5
	staffTapWindow  = 3 * time.Second
	staffMenuIdle   = 60 * time.Second // the staff menu closes itself after this
	staffHealthWait = 5 * time.Second  // the status's portal check gives up after this
)

// StaffLockout keeps the count of wrong staff PINs and the end of a lock across a
// restart, so switching the kiosk off and on does not buy a guesser more tries.
// It holds a count and a time, never a PIN.
type StaffLockout interface {
	Load() (failures int, lockedUntil time.Time, err error)
	Save(failures int, lockedUntil time.Time) error
}

// staffState is everything staff mode remembers between taps. It is not visitor
// data, so a reset keeps it (except the menu's timer, which a reset stops).
type staffState struct {
	taps []time.Time // recent taps of the gesture

	loaded      bool // the lockout has been read from its store
	failures    int
	lockedUntil time.Time

	menuTimer Timer // closes the staff menu after staffMenuIdle

	visitsDay string // the day visitsToday counts, as 2006-01-02 by k.clock
	visits    int

	training *trainingPortal // the simulator while in training mode, else nil
}

// trainingPortal is the in-process simulator training mode runs on, and what it
// replaced, to put back when training ends.
type trainingPortal struct {
	sim      *portalsim.Server
	simState *portalsim.Sim // for tests: what training did on the simulator
	live     *client.Client
	liveMode Mode
}

// staffTap counts a tap of the gesture; the fifth within staffTapWindow opens the
// PIN pad.
func (k *Kiosk) staffTap() {
	now := k.clock.Now()
	recent := k.staff.taps[:0]
	for _, t := range k.staff.taps {
		if now.Sub(t) < staffTapWindow {
			recent = append(recent, t)
		}
	}
	k.staff.taps = append(recent, now)
	if len(k.staff.taps) >= staffTaps {
		k.staff.taps = nil
		k.openPINPad()
	}
}

// loadLockout reads the lockout once per process. A store that cannot be read
// locks staff mode (stafflock.FailSafe), in memory.
func (k *Kiosk) loadLockout() {
	if k.staff.loaded {
		return
	}
	k.staff.loaded = true
	if k.deps.StaffLockout == nil {
		return
	}
	failures, until, err := k.deps.StaffLockout.Load()
	if err != nil {
		k.log.Error("cannot read the staff lockout; locking staff mode", "err", err.Error())
		k.lastError = "staff_lockout_unreadable"
		failures, until = stafflock.FailSafe(k.clock.Now())
	}
	k.staff.failures, k.staff.lockedUntil = failures, until
}

// staffLockedFor is how long staff mode stays locked (0: not locked). A lock that
// has run out is lifted and its count forgotten.
func (k *Kiosk) staffLockedFor() time.Duration {
	k.loadLockout()
	if k.staff.lockedUntil.IsZero() {
		return 0
	}
	left := k.staff.lockedUntil.Sub(k.clock.Now())
	if left > 0 {
		return left
	}
	k.staff.failures, k.staff.lockedUntil = 0, time.Time{}
	k.saveLockout()
	return 0
}

// staffPINWrong counts a wrong PIN; the stafflock.MaxFailures-th locks staff mode.
func (k *Kiosk) staffPINWrong() {
	k.staff.failures++
	if k.staff.failures >= stafflock.MaxFailures {
		k.staff.lockedUntil = k.clock.Now().Add(stafflock.LockDuration)
		k.log.Warn("staff mode locked after wrong PINs", "failures", k.staff.failures,
			"minutes", int(stafflock.LockDuration.Minutes()))
	} else {
		k.log.Warn("wrong staff PIN", "failures", k.staff.failures)
	}
	k.saveLockout()
}

// staffPINRight forgets earlier wrong PINs.
func (k *Kiosk) staffPINRight() {
	k.log.Info("staff signed in to the staff menu")
	if k.staff.failures == 0 && k.staff.lockedUntil.IsZero() {
		return
	}
	k.staff.failures, k.staff.lockedUntil = 0, time.Time{}
	k.saveLockout()
}

func (k *Kiosk) saveLockout() {
	if k.deps.StaffLockout == nil {
		return
	}
	if err := k.deps.StaffLockout.Save(k.staff.failures, k.staff.lockedUntil); err != nil {
		k.log.Error("cannot save the staff lockout", "err", err.Error())
		k.lastError = "staff_lockout_unsaved"
	}
}

// noteVisitEnded is reset's hook for staff mode: it counts a visit that started
// (for the status's "visits today") and stops the staff menu's timer, since a
// reset closes the menu with every other overlay.
func (k *Kiosk) noteVisitEnded(v *visit) {
	stopTimer(k.staff.menuTimer)
	k.staff.menuTimer = nil
	if v.startedAt.IsZero() {
		return
	}
	if day := k.today(); day != k.staff.visitsDay {
		k.staff.visitsDay, k.staff.visits = day, 0
	}
	k.staff.visits++
}

// visitsToday is how many visits ended today, by the kiosk's clock.
func (k *Kiosk) visitsToday() int {
	if k.staff.visitsDay != k.today() {
		return 0
	}
	return k.staff.visits
}

func (k *Kiosk) today() string { return k.clock.Now().Format(time.DateOnly) }
