// Package staff is staff mode: the gesture, the PIN pad and its wrong-PIN
// lockout, the staff menu with its status, and training mode. It reaches the
// kiosk only through Host and the facts it reads (Facts), never its screens.
package staff

import (
	"context"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/guard"
	"github.com/medfordwater/lobbykiosk/internal/printer"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"
)

// Staff mode is reached by a gesture a visitor will not stumble on: five taps on
// the utility's logo (or, on visitor screens, the screen's title) within three
// seconds. It opens a PIN pad; the right PIN opens the staff menu.
const (
	GestureTaps  = 5
	tapWindow    = 3 * time.Second
	MenuIdle     = 60 * time.Second // the staff menu closes itself after this
	healthWait   = 5 * time.Second  // the status's portal check gives up after this
	testPageWait = 20 * time.Second // the test page, from the tap to the job done
)

// PINVerifier checks a staff PIN.
type PINVerifier interface {
	VerifyStaffPIN(pin string) (bool, error)
}

// Lockout keeps the count of staff PINs tried and of locks, and the end of
// the latest lock, across a restart, so switching the kiosk off and on does not
// buy a guesser more tries. It holds counts and a time, never a PIN.
type Lockout interface {
	Load() (stafflock.Record, error)
	Save(stafflock.Record) error
}

// Printer is the receipt printer, as the staff menu sees it: its state, and a
// test page.
type Printer interface {
	PrintAndWait(ctx context.Context, pdf []byte) (printer.JobID, error)
	State(ctx context.Context) printer.State
}

// Host is what the staff desk needs of the kiosk.
type Host interface {
	T(id string, data ...map[string]any) string
	Tr(lang, id string, data ...map[string]any) string
	// ShowOverlay puts a pop-up on the canvas with its controls watched; dismiss
	// is what Esc does there (nil: nothing).
	ShowOverlay(p *widget.PopUp, dismiss func())
	// Reset ends the visit on show, for staff.
	Reset()
	DefaultLanguage() string
	SetDefaultLanguage(lang string)
	// Portal is the portal the kiosk talks to; Practise runs the kiosk on a
	// practice portal in training mode, and returns what puts the portal and
	// mode before it back.
	Portal() *client.Client
	Practise(p *client.Client) (restore func())
}

// Facts are what the staff menu shows of the kiosk as a whole.
type Facts interface {
	VisitsToday() int
	LastProblem() string
	// LookupPausedMinutes is how long the portal's lookup lock lasts from now, in
	// whole minutes, as far as the kiosk has been told (0: none known).
	LookupPausedMinutes() int
}

// Work counts the kiosk's background work, which tests wait for.
type Work interface {
	Add(delta int)
	Done()
}

// Guard recovers a panic in the desk's own callbacks, as the kiosk does in its
// others: deferred, it resets the kiosk instead of ending the process.
type Guard interface{ RecoverPanic() }

// Deps are the kiosk machinery and the outside services the staff desk works
// with. The desk reads them when staff use them.
type Deps struct {
	Clock     clock.Clock
	Zone      *time.Location // the utility's, where "today" for the visit count falls
	Log       *slog.Logger
	Canvas    fyne.Canvas // where the pad and the menu pop up
	Work      Work
	Languages []string // the menu's choice of default language
	Guard     Guard
	Facts     Facts
	// CountLockout tells the heartbeat staff mode was locked (a count, never a PIN).
	CountLockout func()
	NoteProblem  func(code string) // keeps the kiosk's last problem, a code

	Verifier PINVerifier // nil: staff mode is unavailable
	Lockout  Lockout     // nil: wrong PINs are counted in memory only
	KioskID  string
	Version  string
	Quit     func() // the menu's Exit; nil: Exit only closes the menu
	// StartPractice starts the practice portal training mode runs on; nil:
	// training mode cannot start.
	StartPractice func() (TrainingPortal, error)
	SpeechCheck   func(ctx context.Context) error // whether the kiosk can speak; nil: speech is off
	// Terminal is the card terminal as last seen (which device, its state, a
	// swap, payments still to settle); nil: no terminal.
	Terminal func() *client.TerminalStatus
	// Printer is the receipt printer (nil: none); TestPage lays out its test page.
	Printer  Printer
	TestPage func() ([]byte, error)
}

// Desk is staff mode. It is not visitor data, so a reset keeps it, except the
// pad and the menu, which a reset closes.
type Desk struct {
	host Host
	Deps

	taps []time.Time // recent taps of the gesture

	loaded   bool             // the lockout has been read from its store
	record   stafflock.Record // PINs tried, locks in a row, the end of the latest
	checking bool             // a PIN is being verified: one at a time, whatever pad it came from

	training *trainingRun // training mode under way, else nil

	pinPad    *Pad        // the PIN pad on show, or nil
	menu      *Menu       // the staff menu on show, or nil
	menuTimer clock.Timer // closes the staff menu after MenuIdle
}

// New is the staff desk of the kiosk host.
func New(host Host, deps Deps) *Desk {
	if deps.Log == nil {
		deps.Log = slog.Default()
	}
	return &Desk{host: host, Deps: deps}
}

// Tap counts a tap of the gesture; the fifth within tapWindow opens the PIN
// pad.
func (d *Desk) Tap() {
	now := d.Clock.Now()
	recent := d.taps[:0]
	for _, t := range d.taps {
		if now.Sub(t) < tapWindow {
			recent = append(recent, t)
		}
	}
	d.taps = append(recent, now)
	if len(d.taps) >= GestureTaps {
		d.taps = nil
		d.openPINPad()
	}
}

// loadLockout reads the lockout once per process. A store that cannot be read
// locks staff mode (stafflock.FailSafe), in memory.
func (d *Desk) loadLockout() {
	if d.loaded {
		return
	}
	d.loaded = true
	if d.Lockout == nil {
		return
	}
	record, err := d.Lockout.Load()
	if err != nil {
		d.Log.Error("cannot read the staff lockout; locking staff mode", "err", err.Error())
		d.NoteProblem("staff_lockout_unreadable")
		record = stafflock.FailSafe(d.Clock.Now())
	}
	d.record = record
}

// lockedFor is how long staff mode stays locked (0: not locked).
func (d *Desk) lockedFor() time.Duration {
	d.loadLockout()
	return d.record.LockedFor(d.Clock.Now())
}

// Locked says whether staff mode is locked after wrong PINs now. A lock the
// kiosk's admin lifted (lobbykiosk admin unlock-staff) shows as lifted when the
// PIN pad next opens, or when the lock would have ended.
func (d *Desk) Locked() bool { return d.lockedFor() > 0 }

// countAttempt counts a PIN about to be verified and keeps the count before the
// check starts, so a restart during the check does not forget it. It reports
// whether this PIN started a lock (which a right answer lifts).
func (d *Desk) countAttempt() (locked bool) {
	d.loadLockout()
	d.record, locked = d.record.Attempt(d.Clock.Now())
	d.saveLockout()
	return locked
}

// pinWrong logs a PIN that was not right (or could not be checked), and the lock
// its try started, if it did.
func (d *Desk) pinWrong(locked bool) {
	if !locked {
		d.Log.Warn("wrong staff PIN", "failures", d.record.Failures)
	}
	d.lockStarted(locked)
}

// lockStarted logs a lock a try started once its PIN is known not to sign staff
// in, and has the heartbeat report it.
func (d *Desk) lockStarted(locked bool) {
	if !locked {
		return
	}
	d.Log.Warn("staff mode locked after wrong PINs", "locks_in_a_row", d.record.Lockouts,
		"minutes", int(stafflock.LockDuration(d.record.Lockouts).Minutes()))
	if d.CountLockout != nil {
		d.CountLockout()
	}
}

// pinRight forgets earlier PINs and locks: staff are in.
func (d *Desk) pinRight() {
	d.Log.Info("staff signed in to the staff menu")
	if d.record == (stafflock.Record{}) {
		return
	}
	d.record = stafflock.Record{}
	d.saveLockout()
}

func (d *Desk) saveLockout() {
	if d.Lockout == nil {
		return
	}
	if err := d.Lockout.Save(d.record); err != nil {
		d.Log.Error("cannot save the staff lockout", "err", err.Error())
		d.NoteProblem("staff_lockout_unsaved")
	}
}

// VisitEnded is the reset's hook for staff mode: it forgets the pad and the menu
// with their timers, since a reset closes them with every other overlay.
func (d *Desk) VisitEnded() {
	if p := d.pinPad; p != nil {
		clock.Stop(p.timeout)
		p.pin = ""
		d.pinPad = nil
	}
	clock.Stop(d.menuTimer)
	d.menuTimer, d.menu = nil, nil
}

// offUI runs work off the UI thread (a PIN check, a portal check), then done on
// it with work's error (guard.ErrPanicked if it panicked), counted with the
// kiosk's other background work.
func (d *Desk) offUI(work func() error, done func(err error)) {
	d.Work.Add(1)
	go func() {
		err := guard.Call(d.Log, "the staff desk's background work", work)
		fyne.Do(func() {
			defer d.Work.Done()
			defer d.Guard.RecoverPanic()
			done(err)
		})
	}()
}
