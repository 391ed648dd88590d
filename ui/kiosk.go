// Package ui builds the lobby kiosk's screens into a Fyne window.
//
// One file per screen (screen_*.go); one table of screens (nav.go) drives
// navigation. Every visible string comes from the catalogs in translations/, in the
// visitor's language. The Kiosk keeps the widgets of the screen on show (its page),
// so that tests tap and type into the same widgets a visitor uses.
package ui

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	"github.com/medfordwater/lobbykiosk/ui/staff"
)

// Mode tells the kiosk whether it serves real customers or practice accounts.
type Mode int

// The kiosk's modes. Demo and training run on the built-in portal simulator and
// say so in a banner on every screen.
const (
	ModeLive Mode = iota
	ModeDemo
	ModeTraining
)

// Deps is everything the kiosk needs from outside.
type Deps struct {
	Portal *client.Client // nil: the kiosk shows its out-of-service screen
	Config config.Config  // checked again by New: the kiosk runs only on a valid one
	Logger *slog.Logger
	Mode   Mode
	Staff  staff.PINVerifier  // checks the staff PIN (keyring hash, or the demo's own)
	Clock  Clock              // nil means the wall clock
	Quit   func()             // ends the program (staff "Exit"); nil in tests
	Speech speechmode.Speaker // speaks for a visitor who cannot see the screen; nil: silent
	// SpeechCheck tells the staff status whether the speech service answers.
	SpeechCheck func(ctx context.Context) error
	Printer     Printer // prints receipts; nil: no printer, no receipt button (receipts.go)
	// Terminal is the card terminal card payments go through, with card_entry =
	// "terminal" (cardreader.go, docs/payments.md); nil: cards are not offered.
	Terminal CardTerminal
	// Practice is the practice card reader of demo and training: it presents a
	// practice card to the practice terminal. nil with a real terminal.
	Practice PracticeReader
	// TrainingCards starts the practice terminal training mode pays on, and
	// returns it with its practice card reader and what stops it; nil: training
	// offers no cards (a live terminal would charge a real card for practice).
	TrainingCards func() (CardTerminal, PracticeReader, func() error, error)
	// TerminalStatus is the card terminal as last seen (which device, its
	// state, a swap, payments still to settle), for the heartbeat and the
	// fleet's metrics; nil: no terminal.
	TerminalStatus func() *client.TerminalStatus

	StaffLockout staff.Lockout // keeps wrong-PIN counts across restarts; nil: in memory only
	KioskID      string        // shown in the staff status and sent in the heartbeat
	Version      string        // shown in the staff status and sent in the heartbeat

	HeartbeatEvery time.Duration // how often to tell the portal the kiosk is alive; 0: never (internal/heartbeat)

	// Training starts the practice portal staff training mode runs on (ui/staff);
	// nil: training mode cannot start.
	Training func() (staff.TrainingPortal, error)

	// Metrics are the kiosk's health for the fleet's Prometheus; nil: the kiosk
	// reports to no fleet, and polls nothing for one (fleet.go).
	Metrics Metrics
}

// Kiosk is the running kiosk inside one window.
type Kiosk struct {
	// The heart: the window, what the kiosk was configured with, the visitor's
	// language, the screens and the one on show, and the visit.
	win      fyne.Window
	settings config.Valid
	text     *catalog
	log      *slog.Logger
	clock    Clock
	lang     string
	screens  map[screenID]screen // the screen table (nav.go)
	page     page                // the screen on show
	visit    *visit
	portal   portalLink // the portal in use and the calls on their way (async.go)
	// trainingCards starts training's practice card terminal (Deps.TrainingCards).
	trainingCards func() (CardTerminal, PracticeReader, func() error, error)
	logo          *canvas.Image // the welcome screen's logo, made once (screen_welcome.go)
	bill          *canvas.Image // the Find screen's drawing of a bill, made once (screen_find.go)

	// The components, each with its own state (docs/ARCHITECTURE.md).
	limits    *visitLimits         // the idle and visit-length timers and their warning (limits.go)
	activity  *activityWatch       // wraps every control's callbacks: activity, panics (watch.go)
	look      *lookControl         // the visitor's text size and contrast (look.go)
	staff     *staff.Desk          // the staff gesture, PIN pad, lockout, menu, training
	status    *kioskStatus         // visits today and the last problem, which the staff menu shows (status.go)
	health    *healthWatch         // the welcome screen's portal check (health.go)
	heartbeat *heartbeat.Heartbeat // usage counts, never personal data, and the beats (internal/heartbeat)
	usage     usage                // what counts as use: visits, how they ended, what they did
	keyboard  *keyboard.Keyboard   // the on-screen keyboard docked under this screen (keyboard.go)
	speech    *speechmode.Mode     // speech output and keypad navigation
	popups    []shownPopup         // the pop-ups shown, the last on top, and what Esc does there (showOverlay)
	receipts  *receipts            // printed receipts and the portal's QR code (receipts.go)
	reader    *cardReader          // the card terminal's reader; nil: no terminal, no cards (cardreader.go)
	fleet     *fleetStatus         // what the fleet's metrics learn of the kiosk's parts (fleet.go)
}

// New builds the kiosk into win and shows its first screen: the welcome screen, or
// the out-of-service screen when there is no portal to talk to.
func New(win fyne.Window, deps Deps) (*Kiosk, error) {
	text, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	cfg, err := deps.Config.Validated()
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	k := &Kiosk{win: win, settings: cfg, text: text, log: deps.Logger,
		clock: deps.Clock, screens: screenTable(), trainingCards: deps.TrainingCards,
		portal: portalLink{client: deps.Portal, mode: deps.Mode, timeouts: defaultTimeouts, inflight: &sync.WaitGroup{}}}
	if k.log == nil {
		k.log = slog.Default()
	}
	if k.clock == nil {
		k.clock = realClock{}
	}
	k.portal.log = k.log
	k.portal.panicked = func() { // a sign-out's, of a visit that is over
		k.heartbeat.CountError("kiosk_panic")
		fyne.Do(func() { k.status.noteProblem("panic") })
	}
	k.limits = newVisitLimits(k, win.Canvas(), k.settings, func(text string) { k.speech.Tell(text) })
	k.speech = speechmode.New(speechHost{k}, win.Canvas(), deps.Speech, speechmode.Options{
		Offered: k.settings.SpeechOn(), SayValues: k.settings.SpeechOutput == config.SpeechOutputHeadphones,
		OnStart: k.limits.listen, Private: func() []string { return k.visit.privateValues() }, Log: k.log})
	// After a panic, staff see it as the last problem, the heartbeat counts it,
	// and the kiosk starts over on the welcome screen.
	k.activity = newActivityWatch(k.limits.noteActivity, func() {
		k.status.noteProblem("panic")
		k.heartbeat.CountError("kiosk_panic")
		k.reset(triggerPanic)
	}, k.speech.ControlKeys(), k.log)
	k.clock = guardedClock{Clock: k.clock, guard: k.activity}
	k.status = &kioskStatus{clock: k.clock, zone: k.settings.Zone}
	k.fleet = newFleetStatus(deps.Metrics, deps.Printer, deps.SpeechCheck, k.clock, k.log, k.portal.inflight)
	k.fleet.terminal = deps.TerminalStatus
	k.receipts = &receipts{host: k, printer: deps.Printer, paper: receipt.Width(k.settings.ReceiptWidth),
		utility: k.settings.Utility, kioskID: deps.KioskID, clock: k.clock, log: k.log, inflight: k.portal.inflight,
		guard: k.activity, say: k.speech.Tell, practice: func() receipt.Practice { return practiceOf(k.portal.mode) },
		visit: func() context.Context { return k.visit.ctx }, printing: &sync.WaitGroup{}, jobEnded: k.fleet.printed}
	k.staff = staff.New(staffHost{k}, staff.Deps{Clock: k.clock, Zone: k.settings.Zone, Log: k.log, Canvas: win.Canvas(),
		Work: k.portal.inflight, Languages: k.settings.Languages, Guard: k.activity, Facts: staffFacts{k.status, &k.portal},
		CountLockout: func() { k.usage.staffLockedOut() }, NoteProblem: k.status.noteProblem,
		Verifier: deps.Staff, Lockout: deps.StaffLockout, KioskID: deps.KioskID, Version: deps.Version, Quit: deps.Quit,
		StartPractice: deps.Training, SpeechCheck: k.fleet.speechCheck(), Printer: deps.Printer, Terminal: deps.TerminalStatus,
		TestPage: func() ([]byte, error) {
			return receipt.TestPage(k.settings.Utility, deps.KioskID, k.clock.Now(), k.lang, receipt.Width(k.settings.ReceiptWidth))
		}})
	k.look = newLookControl(k, win.Canvas(), func() *keyboard.Keyboard { return k.keyboard })
	k.heartbeat = heartbeat.New(heartbeat.Options{KioskID: deps.KioskID, Version: deps.Version,
		Every: deps.HeartbeatEvery, Timeout: func() time.Duration { return k.portal.timeouts.beat },
		Clock: beatClock{k.clock}, Log: k.log, Inflight: k.portal.inflight, Printer: k.fleet.printerProbe(),
		Terminal: deps.TerminalStatus})
	if deps.Terminal != nil {
		k.reader = &cardReader{terminal: deps.Terminal, practice: deps.Practice, words: k.T, log: k.log,
			work: k.portal.inflight, guard: k.activity}
	}
	k.usage = usage{beat: k.heartbeat, metrics: k.fleet.metrics, clock: k.clock,
		practising: func() bool { return k.portal.mode == ModeTraining }}
	k.health = &healthWatch{host: k, screen: func() screenID { return k.page.id }, clock: k.clock, log: k.log,
		portal: func() *client.Client { return k.portal.client }, noteProblem: k.status.noteProblem,
		timeout: func() time.Duration { return k.portal.timeouts.health }, inflight: k.portal.inflight, guard: k.activity,
		notePortal: k.heartbeat.NotePortal}
	k.look.apply(look{})
	k.lang = k.settings.DefaultLanguage
	k.visit = newVisit()
	k.receipts.visitEnded() // what an earlier run left queued: a restart mid-print
	k.lockDown()
	if deps.Portal == nil {
		k.show(screenOutOfService)
	} else {
		k.show(screenWelcome)
		k.health.watch()
		k.heartbeat.Start(deps.Portal) // the live portal: training swaps k.portal.client, never the beats'
	}
	k.fleet.start(k.staff.Locked)
	return k, nil
}

// T returns message id in the visitor's current language.
func (k *Kiosk) T(id string, data ...map[string]any) string {
	return k.tr(k.lang, id, data...)
}

// tr returns message id in lang; the utility's name and phone are always available
// to the templates.
func (k *Kiosk) tr(lang, id string, data ...map[string]any) string {
	fill := map[string]any{"Utility": k.settings.Utility.Name, "Phone": k.settings.Utility.Phone}
	for _, d := range data {
		for key, v := range d {
			fill[key] = v
		}
	}
	return k.text.T(lang, id, fill)
}

// staffHost is what the staff desk sees of the kiosk (staff.Host).
type staffHost struct{ k *Kiosk }

func (h staffHost) T(id string, data ...map[string]any) string { return h.k.T(id, data...) }
func (h staffHost) Tr(lang, id string, data ...map[string]any) string {
	return h.k.tr(lang, id, data...)
}
func (h staffHost) ShowOverlay(p *widget.PopUp, dismiss func()) { h.k.showOverlay(p, dismiss) }
func (h staffHost) Reset()                                      { h.k.reset(triggerStaff) }
func (h staffHost) Portal() *client.Client                      { return h.k.portal.client }

// DefaultLanguage is the language every visit starts in; SetDefaultLanguage
// changes it from the next reset.
func (h staffHost) DefaultLanguage() string        { return h.k.settings.DefaultLanguage }
func (h staffHost) SetDefaultLanguage(lang string) { h.k.settings.DefaultLanguage = lang }

// Practise runs the kiosk on training's practice portal p, and returns what
// puts the live portal and its mode back.
func (h staffHost) Practise(p *client.Client) (restore func()) {
	k := h.k
	live, mode, reader := k.portal.client, k.portal.mode, k.reader
	stopCards := func() error { return nil }
	if reader != nil && k.trainingCards != nil { // cards in training, on a practice terminal
		if t, practice, stop, err := k.trainingCards(); err != nil {
			k.log.Error("no practice card terminal: training offers no cards", "err", err.Error())
		} else {
			k.reader, stopCards = reader.on(t, practice), stop
		}
	}
	h.usePortal(p, ModeTraining)
	return func() {
		k.reader = reader
		if err := stopCards(); err != nil {
			k.log.Warn("the practice card terminal did not stop cleanly", "err", err.Error())
		}
		h.usePortal(live, mode)
	}
}

// usePortal makes p, in mode m, the portal the kiosk talks to, then shows the
// screen a visitor starts on and starts the welcome screen's portal checks over
// on p.
func (h staffHost) usePortal(p *client.Client, m Mode) {
	k := h.k
	k.portal.client, k.portal.mode = p, m
	if k.portal.client == nil {
		k.show(screenOutOfService)
	} else {
		k.show(screenWelcome)
	}
	k.health.watch()
}

// Theme is the kiosk's theme as every visitor first finds it. The app should start in
// it: a theme set once the window is up makes Fyne drop every font parsed so far.
func Theme() fyne.Theme { return kiosktheme.New(look{}.themeLook()) }

// WarmUp parses the fonts the welcome screen draws with. Fyne parses a text style's
// fonts (and its emoji and symbol fallbacks) the first time it measures text in it,
// tens of milliseconds a style on a lobby PC; a caller can have that done on another
// goroutine while the window and its OpenGL context are being made. It only measures
// text, which is safe from any goroutine, and needs the app's theme already set.
func WarmUp() {
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("Medford Water", theme.TextSize(), style)
	}
}
