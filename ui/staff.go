package ui

import (
	"context"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/guard"
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

// StaffLockout keeps the count of staff PINs tried and of locks, and the end of
// the latest lock, across a restart, so switching the kiosk off and on does not
// buy a guesser more tries. It holds counts and a time, never a PIN.
type StaffLockout interface {
	Load() (stafflock.Record, error)
	Save(stafflock.Record) error
}

// deskHost is what the staff desk needs of the kiosk.
type deskHost interface {
	T(id string, data ...map[string]any) string
	tr(lang, id string, data ...map[string]any) string
	// showOverlay puts a pop-up on the canvas with its controls watched; dismiss
	// is what Esc does there (nil: nothing).
	showOverlay(p *widget.PopUp, dismiss func())
	reset(trigger resetTrigger)

	defaultLanguage() string
	setDefaultLanguage(lang string)

	// portalInUse is the portal the kiosk talks to and its mode; usePortal swaps
	// them and shows the screen a visitor starts on.
	portalInUse() (*client.Client, Mode)
	usePortal(p *client.Client, m Mode)
}

// deskEnv is the kiosk machinery the staff desk works with.
type deskEnv struct {
	clock     Clock
	zone      *time.Location // the utility's, where "today" for the visit count falls
	log       *slog.Logger
	canvas    fyne.Canvas    // where the pad and the menu pop up
	inflight  backgroundWork // the kiosk's background work, which tests wait for
	languages []string       // the menu's choice of default language
	guard     panicGuard     // deferred around the desk's own callbacks
	// countLockout tells the heartbeat staff mode was locked (a count, never a PIN).
	countLockout func()
	facts        kioskFacts        // what the menu shows of the kiosk as a whole
	noteProblem  func(code string) // keeps the kiosk's last problem, a code
	// printer is the receipt printer (nil: none); testPage lays out its test page.
	printer  Printer
	testPage func() ([]byte, error)
}

// staffDesk is staff mode: the gesture, the PIN pad and its wrong-PIN lockout, the
// staff menu with its status, and training mode. It is not visitor data, so a
// reset keeps it, except the pad and the menu, which a reset closes.
type staffDesk struct {
	host deskHost
	deskEnv

	verifier      PINVerifier  // nil: staff mode is unavailable
	lockout       StaffLockout // nil: wrong PINs are counted in memory only
	kioskID       string
	version       string
	quit          func()                          // the menu's Exit; nil: Exit only closes the menu
	startPractice func() (TrainingPortal, error)  // nil: training mode cannot start
	speechCheck   func(ctx context.Context) error // whether the kiosk can speak; nil: speech is off

	taps []time.Time // recent taps of the gesture

	loaded   bool             // the lockout has been read from its store
	record   stafflock.Record // PINs tried, locks in a row, the end of the latest
	checking bool             // a PIN is being verified: one at a time, whatever pad it came from

	training *trainingRun // training mode under way, else nil

	pinPad    *pinPad    // the PIN pad on show, or nil
	menu      *staffMenu // the staff menu on show, or nil
	menuTimer Timer      // closes the staff menu after staffMenuIdle
}

func newStaffDesk(host deskHost, deps Deps, env deskEnv) *staffDesk {
	return &staffDesk{host: host, deskEnv: env, verifier: deps.Staff, lockout: deps.StaffLockout,
		kioskID: deps.KioskID, version: deps.Version, quit: deps.Quit, startPractice: deps.Training,
		speechCheck: deps.SpeechCheck}
}

// tap counts a tap of the gesture; the fifth within staffTapWindow opens the PIN
// pad.
func (d *staffDesk) tap() {
	now := d.clock.Now()
	recent := d.taps[:0]
	for _, t := range d.taps {
		if now.Sub(t) < staffTapWindow {
			recent = append(recent, t)
		}
	}
	d.taps = append(recent, now)
	if len(d.taps) >= staffTaps {
		d.taps = nil
		d.openPINPad()
	}
}

// loadLockout reads the lockout once per process. A store that cannot be read
// locks staff mode (stafflock.FailSafe), in memory.
func (d *staffDesk) loadLockout() {
	if d.loaded {
		return
	}
	d.loaded = true
	if d.lockout == nil {
		return
	}
	record, err := d.lockout.Load()
	if err != nil {
		d.log.Error("cannot read the staff lockout; locking staff mode", "err", err.Error())
		d.noteProblem("staff_lockout_unreadable")
		record = stafflock.FailSafe(d.clock.Now())
	}
	d.record = record
}

// lockedFor is how long staff mode stays locked (0: not locked).
func (d *staffDesk) lockedFor() time.Duration {
	d.loadLockout()
	return d.record.LockedFor(d.clock.Now())
}

// countAttempt counts a PIN about to be verified and keeps the count before the
// check starts, so a restart during the check does not forget it. It reports
// whether this PIN started a lock (which a right answer lifts).
func (d *staffDesk) countAttempt() (locked bool) {
	d.loadLockout()
	d.record, locked = d.record.Attempt(d.clock.Now())
	d.saveLockout()
	return locked
}

// pinWrong logs a PIN that was not right (or could not be checked), and the lock
// its try started, if it did.
func (d *staffDesk) pinWrong(locked bool) {
	if !locked {
		d.log.Warn("wrong staff PIN", "failures", d.record.Failures)
	}
	d.lockStarted(locked)
}

// lockStarted logs a lock a try started once its PIN is known not to sign staff
// in, and has the heartbeat report it.
func (d *staffDesk) lockStarted(locked bool) {
	if !locked {
		return
	}
	d.log.Warn("staff mode locked after wrong PINs", "locks_in_a_row", d.record.Lockouts,
		"minutes", int(stafflock.LockDuration(d.record.Lockouts).Minutes()))
	if d.countLockout != nil {
		d.countLockout()
	}
}

// pinRight forgets earlier PINs and locks: staff are in.
func (d *staffDesk) pinRight() {
	d.log.Info("staff signed in to the staff menu")
	if d.record == (stafflock.Record{}) {
		return
	}
	d.record = stafflock.Record{}
	d.saveLockout()
}

func (d *staffDesk) saveLockout() {
	if d.lockout == nil {
		return
	}
	if err := d.lockout.Save(d.record); err != nil {
		d.log.Error("cannot save the staff lockout", "err", err.Error())
		d.noteProblem("staff_lockout_unsaved")
	}
}

// visitEnded is the reset's hook for staff mode: it forgets the pad and the menu
// with their timers, since a reset closes them with every other overlay.
func (d *staffDesk) visitEnded() {
	if p := d.pinPad; p != nil {
		stopTimer(p.timeout)
		p.pin = ""
		d.pinPad = nil
	}
	stopTimer(d.menuTimer)
	d.menuTimer, d.menu = nil, nil
}

// offUI runs work off the UI thread (a PIN check, a portal check), then done on
// it with work's error (guard.ErrPanicked if it panicked), counted with the
// kiosk's other background work.
func (d *staffDesk) offUI(work func() error, done func(err error)) {
	d.inflight.Add(1)
	go func() {
		err := guard.Call(d.log, "the staff desk's background work", work)
		fyne.Do(func() {
			defer d.inflight.Done()
			defer d.guard.recoverPanic()
			done(err)
		})
	}()
}
