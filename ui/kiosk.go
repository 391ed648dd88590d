// Package ui builds the lobby kiosk's screens into a Fyne window.
//
// One file per screen; a registry of screens (screens.go) drives navigation. Every
// visible string comes from the catalogs in translations/, in the visitor's language.
// The Kiosk keeps references to the widgets of the screen on show so that tests can
// tap and type into the same widgets a visitor uses.
package ui

import (
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
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
	Portal   *client.Client // nil: the kiosk shows its out-of-service screen
	Settings Settings
	Logger   *slog.Logger
	Mode     Mode
	Staff    PINVerifier // checks the staff PIN (keyring hash, or the demo's own)
	Clock    Clock       // nil means the wall clock
	Quit     func()      // ends the program (staff "Exit"); nil in tests

	StaffLockout StaffLockout // keeps wrong-PIN counts across restarts; nil: in memory only
	KioskID      string       // shown in the staff status and sent in the heartbeat
	Version      string       // shown in the staff status and sent in the heartbeat

	HeartbeatEvery time.Duration // how often to tell the portal the kiosk is alive; 0: never (heartbeat.go)
}

// PINVerifier checks a staff PIN.
type PINVerifier interface {
	VerifyStaffPIN(pin string) (bool, error)
}

// Kiosk is the running kiosk inside one window.
type Kiosk struct {
	win      fyne.Window
	deps     Deps
	settings Settings
	text     *catalog
	log      *slog.Logger

	clock  Clock
	portal *client.Client // the portal in use: the live one, or training's simulator

	lang     string
	screen   screenID
	visit    *visit
	inflight sync.WaitGroup // portal calls not yet finished (tests wait on it)
	limits   visitLimits    // the idle and visit-length timers and their warning

	primaries      []*widget.Button // the screen's primary actions, in build order (enter.go)
	firstEntry     fyne.Focusable   // the first field of the screen being built: focused on show
	activity       activityWatch    // wraps every control's callbacks (watch.go)
	lastError      string           // for staff: the last problem, as a code, never personal data
	look           lookState        // the visitor's text size and contrast (theme.go)
	mode           Mode             // deps.Mode, or training while staff run it (training.go)
	staff          staffState       // the staff gesture, lockout, training (staff.go)
	health         healthWatch      // the welcome screen's portal check (health.go)
	timeouts       portalTimeouts   // deadlines of portal calls (async.go)
	usage          usage            // counts for the heartbeat, never personal data (heartbeat.go)
	beat           beatState        // the heartbeat's timer and period (heartbeat.go)
	portalAnswered atomic.Bool      // the last portal call got an answer (heartbeat.go)
	logo           *canvas.Image    // the welcome screen's logo, made once (welcome.go)

	screenWidgets // rebuilt from scratch by every show, zeroed by every reset
}

// screenWidgets holds the widgets of the screen on show, so tests can tap and type
// into the same widgets a visitor uses.
type screenWidgets struct {
	chrome       *chrome
	welcome      *welcomeScreen
	outOfService *outOfServiceScreen
	find         *findScreen
	found        *foundScreen
	// Each screen adds the holder of its widgets here, one line each.
	pinPad    *pinPad
	staffMenu *staffMenu
	done      *doneScreen
	autoPay   *autoPayScreen
	myAccount *myAccountScreen
	eBilling  *eBillingScreen
	help      *helpScreen
	noEmail   *noEmailScreen
	pay       *payScreen
	register  *registerScreen
	signIn    *signInScreen
	warning   *warningOverlay
	keyboard  *keyboard.Keyboard // the on-screen keyboard docked under this screen (keyboard.go)
}

// New builds the kiosk into win and shows its first screen: the welcome screen, or
// the out-of-service screen when there is no portal to talk to.
func New(win fyne.Window, deps Deps) (*Kiosk, error) {
	text, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	k := &Kiosk{win: win, deps: deps, settings: deps.Settings.withDefaults(), text: text, log: deps.Logger,
		clock: deps.Clock, portal: deps.Portal, mode: deps.Mode, timeouts: defaultTimeouts}
	if k.log == nil {
		k.log = slog.Default()
	}
	k.activity = newActivityWatch(k, k.log)
	if k.clock == nil {
		k.clock = realClock{}
	}
	k.clock = guardedClock{Clock: k.clock, k: k}
	k.applyLook(look{})
	k.lang = k.settings.DefaultLanguage
	k.visit = newVisit()
	k.lockDown()
	if deps.Portal == nil {
		k.show(screenOutOfService)
	} else {
		k.show(screenWelcome)
		k.watchHealth()
		k.startHeartbeat()
	}
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
