// Package ui builds the lobby kiosk's screens into a Fyne window.
//
// One file per screen; a registry of screens (screens.go) drives navigation. Every
// visible string comes from the catalogs in translations/, in the visitor's language.
// The Kiosk keeps references to the widgets of the screen on show so that tests can
// tap and type into the same widgets a visitor uses.
package ui

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/client"
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
	Staff    PINVerifier      // checks the staff PIN (keyring hash, or the demo's own)
	Now      func() time.Time // the clock; nil means time.Now
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

	lang     string
	screen   screenID
	visit    *visit
	inflight sync.WaitGroup // portal calls not yet finished (tests wait on it)

	firstEntry fyne.Focusable // the first field of the screen being built: focused on show

	chrome       *chrome
	welcome      *welcomeScreen
	outOfService *outOfServiceScreen
	find         *findScreen
	found        *foundScreen
	// Each screen adds the holder of its widgets here, one line each.
	done      *doneScreen
	autoPay   *autoPayScreen
	myAccount *myAccountScreen
	eBilling  *eBillingScreen
	help      *helpScreen
	noEmail   *noEmailScreen
	pay       *payScreen
	register  *registerScreen
	signIn    *signInScreen
}

// New builds the kiosk into win and shows its first screen: the welcome screen, or
// the out-of-service screen when there is no portal to talk to.
func New(win fyne.Window, deps Deps) (*Kiosk, error) {
	text, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	k := &Kiosk{win: win, deps: deps, settings: deps.Settings.withDefaults(), text: text, log: deps.Logger}
	if k.log == nil {
		k.log = slog.Default()
	}
	if k.deps.Now == nil {
		k.deps.Now = time.Now
	}
	fyne.CurrentApp().Settings().SetTheme(newKioskTheme())
	k.lang = k.settings.DefaultLanguage
	k.visit = newVisit()
	if deps.Portal == nil {
		k.show(screenOutOfService)
	} else {
		k.show(screenWelcome)
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

// Language is the visitor's current language code.
func (k *Kiosk) Language() string { return k.lang }

// setLanguage switches the visitor's language and rebuilds the screen on show.
func (k *Kiosk) setLanguage(lang string) {
	k.lang = lang
	k.show(k.screen)
}

// show builds screen id from scratch and puts it in the window.
func (k *Kiosk) show(id screenID) {
	k.screen = id
	k.firstEntry = nil
	k.win.SetContent(k.frame(id, screens[id].build(k)))
	if k.firstEntry != nil && !k.visit.busy {
		// The visitor can type at once, without first finding and touching a field.
		k.win.Canvas().Focus(k.firstEntry)
	}
}

// refresh rebuilds the screen on show from the visit.
func (k *Kiosk) refresh() { k.show(k.screen) }

// navigate moves to the screen event ev leads to, remembering where to come back.
func (k *Kiosk) navigate(ev event) {
	to, ok := nextScreen(k.screen, ev)
	if to == k.screen {
		return // e.g. Questions? on the help screen itself
	}
	if _, built := screens[to]; !ok || !built {
		k.log.Error("no screen for event", "screen", string(k.screen), "event", string(ev))
		return
	}
	if i := slices.Index(k.visit.history, to); i >= 0 {
		k.visit.history = k.visit.history[:i] // coming back round: no loops in Back
	} else {
		k.visit.history = append(k.visit.history, k.screen)
	}
	k.arrive(to)
}

// arrive shows screen id and runs its enter hook. A problem the portal reported
// belongs to the screen it happened on, so it is dropped on the way.
func (k *Kiosk) arrive(id screenID) {
	delete(k.visit.problems, fieldNone)
	k.show(id)
	if enter := screens[id].enter; enter != nil {
		enter(k)
	}
}

// back returns to the previous screen of this visit.
func (k *Kiosk) back() {
	h := k.visit.history
	if len(h) == 0 {
		k.startOver()
		return
	}
	k.visit.history = h[:len(h)-1]
	k.arrive(h[len(h)-1])
}

// startOver forgets the visitor and returns to the welcome screen in the default
// language. (The full reset with its proofs belongs to the reset work; this drops the
// visit value, so nothing typed survives.)
func (k *Kiosk) startOver() {
	k.revokeSession(k.visit.session)
	k.visit.end()
	k.visit = newVisit()
	k.lang = k.settings.DefaultLanguage
	k.show(screenWelcome)
}

// revokeTimeout bounds the best-effort sign-out at the end of a visit.
const revokeTimeout = 3 * time.Second

// revokeSession signs the customer out on the portal in the background: best effort,
// it never delays the return to the welcome screen.
func (k *Kiosk) revokeSession(token string) {
	if token == "" {
		return
	}
	k.inflight.Add(1)
	go func() {
		defer k.inflight.Done()
		ctx, cancel := context.WithTimeout(context.Background(), revokeTimeout)
		defer cancel()
		if err := k.deps.Portal.SignOut(ctx, token); err != nil {
			k.log.Warn("could not revoke the customer session", "err", err.Error())
		}
	}()
}
