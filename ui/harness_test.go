package ui

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// harness is a kiosk in a test window, talking HTTP to a real portal simulator.
type harness struct {
	t     testing.TB
	kiosk *Kiosk
	win   fyne.Window
	sim   *portalsim.Sim
	clock *fakeClock
	gate  *callGate // holds portal answers until a key event is over (keyboardonly_test.go)

	lastSession string // the session of the visit finishVisit ended (faultcalls_test.go)
}

func newHarness(t *testing.T, mode Mode) *harness {
	t.Helper()
	return newHarnessWith(t, harnessOptions{mode: mode})
}

// harnessOptions vary the kiosk under test; the zero value is a live kiosk with the
// default settings, the suite's clock (clocktest.Now) and the default logger.
type harnessOptions struct {
	mode      Mode
	settings  testConfig
	clientLog *slog.Logger // the portal client's logger
	log       *slog.Logger // the kiosk's logger
	start     time.Time    // where the fake clock of the kiosk and the simulator starts; zero: clocktest.Now()

	// front serves the simulator and returns the portal's origin and the root CA
	// file the client must trust ("" for none); nil: a plain httptest server.
	front func(t testing.TB, sim http.Handler) (baseURL, rootCAFile string)
	// client overrides the portal client's retry options (attempts, delays).
	client client.Options
	// heartbeat is how often the kiosk beats (kiosk ID "lobby-test"); 0: never.
	heartbeat time.Duration
	// speech receives what speech mode says; nil: none.
	speech speechmode.Speaker
	// printer prints receipts; nil: no printer.
	printer Printer
	// card starts the card terminal the kiosk pays through (card_entry =
	// "terminal") and its practice card reader; nil: none.
	card func(clock Clock) (CardTerminal, PracticeReader)
	// askAudio leaves speech_output at "auto", where the kiosk reads nothing back
	// until told headphones are plugged in; otherwise it is "headphones", as most
	// speech tests read typed values back.
	askAudio bool
	// metrics hear what the kiosk tells the fleet (Deps.Metrics); nil: none.
	metrics Metrics
	// trainingCards starts training's practice card terminal (Deps.TrainingCards).
	trainingCards func() (CardTerminal, PracticeReader, func() error, error)
	// terminalStatus is the card terminal as last seen (Deps.TerminalStatus).
	terminalStatus func() *client.TerminalStatus
}

// testConfig is what a test changes of the kiosk's configuration; the rest is
// config.Default(), but for the on-screen keyboard, off unless asked for, and
// speech_output, "headphones" unless asked for.
type testConfig struct {
	OnScreenKeyboard  bool
	CardEntry         string
	SpeechOutput      string
	IdleSeconds       int
	MaxSessionMinutes int
	MaxPaymentDollars int64
}

// config is the configuration a test's kiosk runs on; askAudio leaves
// speech_output at the default, "auto".
func (t testConfig) config(askAudio bool) config.Config {
	c := config.Default()
	c.OnScreenKeyboard = t.OnScreenKeyboard
	if !askAudio {
		c.SpeechOutput = config.SpeechOutputHeadphones
	}
	for _, s := range []struct {
		to   *string
		from string
	}{{&c.CardEntry, t.CardEntry}, {&c.SpeechOutput, t.SpeechOutput}} {
		if s.from != "" {
			*s.to = s.from
		}
	}
	for _, n := range []struct {
		to   *int
		from int
	}{{&c.IdleSeconds, t.IdleSeconds}, {&c.MaxSessionMinutes, t.MaxSessionMinutes}} {
		if n.from != 0 {
			*n.to = n.from
		}
	}
	if t.MaxPaymentDollars != 0 {
		c.MaxPaymentDollars = t.MaxPaymentDollars
	}
	return c
}

// plainFront serves the simulator over plain HTTP on loopback.
func plainFront(t testing.TB, sim http.Handler) (string, string) {
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	return srv.URL, ""
}

func newHarnessWith(t testing.TB, o harnessOptions) *harness {
	t.Helper()
	test.NewTempApp(t)
	if o.start.IsZero() {
		o.start = clocktest.Now()
	}
	clock := newFakeClock(o.start)
	sim := portalsim.New(portalsim.Options{Now: clock.Now})
	if o.front == nil {
		o.front = plainFront
	}
	opts := o.client
	opts.BaseURL, opts.RootCAFile = o.front(t, sim)
	opts.KioskKey, opts.Logger = portalsim.DemoKioskKey, o.clientLog
	portal, err := client.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1280, 800))
	deps := Deps{Portal: portal, Mode: o.mode, Config: o.settings.config(o.askAudio), Clock: clock, Logger: o.log, Speech: o.speech, Printer: o.printer,
		HeartbeatEvery: o.heartbeat, KioskID: "lobby-test", Version: "test", Training: practicePortal(clock, o.log),
		Metrics: o.metrics, TerminalStatus: o.terminalStatus, TrainingCards: o.trainingCards}
	if o.card == nil && o.settings.CardEntry == "terminal" {
		o.card = practiceTerminal(t)
	}
	if o.card != nil {
		deps.Terminal, deps.Practice = o.card(clock)
	}
	k, err := New(win, deps)
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, kiosk: k, win: win, sim: sim, clock: clock}
}

// visibleTexts lists every text drawn on the window's canvas, overlays included. A
// widget whose text is known is read whole (not as its wrapped lines).
func visibleTexts(c fyne.Canvas) []string {
	var texts []string
	walkCanvas(c, func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		text, ok := textOf(o)
		if ok && text != "" {
			texts = append(texts, text)
		}
		return !ok
	})
	return texts
}

// walkCanvas calls visit on every object of the canvas, content then overlays,
// descending into containers and widgets (through their renderers) while visit
// returns true.
func walkCanvas(c fyne.Canvas, visit func(o fyne.CanvasObject) (descend bool)) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !visit(o) {
			return
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, child := range o.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(o).Objects() {
				walk(child)
			}
		}
	}
	walk(c.Content())
	for _, overlay := range c.Overlays().List() {
		walk(overlay)
	}
}

// layOut lays the window out again as the window's driver does before its next
// frame, when something shown or hidden changed a size: every container and
// widget at its size, parents first. Fyne's test canvas does no such pass.
func (h *harness) layOut() {
	walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
		switch o := o.(type) {
		case *fyne.Container:
			if o.Layout != nil {
				o.Layout.Layout(o.Objects, o.Size())
			}
		case fyne.Widget:
			test.WidgetRenderer(o).Layout(o.Size())
		}
		return true
	})
}

// textOf is the text a visitor reads on o, when o is a widget or text that shows one.
func textOf(o fyne.CanvasObject) (string, bool) {
	switch w := o.(type) {
	case *widget.Label:
		return w.Text, true
	case *kwidget.Button:
		return w.Text, true
	case *kwidget.HoldButton:
		return w.Text, true
	case *widget.Entry:
		return shownEntryText(w), true
	case *kwidget.Entry:
		return shownEntryText(&w.Entry), true
	case *kwidget.Check:
		return w.Text, true
	case *widget.Hyperlink:
		return w.Text, true
	case *canvas.Text:
		return w.Text, true
	}
	return "", false
}

// Practice accounts of the simulator.
const (
	legacyAccount     = "00065821-0672430" // ZIP 97501: legacy AutoPay and e-billing
	plainAccount      = "10234567-1234567" // ZIP 97504
	registeredAccount = "20345678-2345678" // ZIP 97501
	dueSoonAccount    = "30456789-3456789" // ZIP 97502
	zeroAccount       = "40567890-4567890" // ZIP 97504
)

// settle waits until every portal call the kiosk started has finished and its
// result is on screen.
func (h *harness) settle() { h.kiosk.portal.inflight.Wait() }

// typeInto focuses an entry and types text into it, as a visitor does.
func (h *harness) typeInto(e *kwidget.Entry, text string) {
	h.win.Canvas().Focus(e)
	test.Type(e, text)
}

// startIn taps the language on the welcome screen.
func (h *harness) startIn(lang string) {
	test.Tap(viewOf[*welcomeScreen](h.kiosk).languages[lang])
}

// findAccount types the number and ZIP on the find screen and taps Find My Account.
func (h *harness) findAccount(number, zip string) {
	s := viewOf[*findScreen](h.kiosk)
	h.typeInto(s.accountNumber.entry, number)
	h.typeInto(s.postalCode.entry, zip)
	test.Tap(s.submit)
	h.settle()
}

// switchLanguage taps the chrome's language toggle.
func (h *harness) switchLanguage() { test.Tap(h.kiosk.page.chrome.language) }

// shownEntryText is what an entry draws: its text, or a dot a character for a
// hidden password.
func shownEntryText(e *widget.Entry) string {
	if e.Password {
		return strings.Repeat("•", len([]rune(e.Text)))
	}
	return e.Text
}

// signInAfterAWrongPassword, on the sign-in screen, tries the wrong password, checks
// it was refused, then retypes the right one and signs in.
func (h *harness) signInAfterAWrongPassword(t *testing.T, email, wrong, right string) {
	t.Helper()
	s := viewOf[*signInScreen](h.kiosk)
	h.typeInto(s.email.entry, email)
	h.typeInto(s.password.entry, wrong)
	test.Tap(s.submit)
	h.settle()
	if !viewOf[*signInScreen](h.kiosk).problem.Visible() {
		t.Fatal("a wrong password signed in")
	}
	retype(h, viewOf[*signInScreen](h.kiosk).password.entry, right)
	test.Tap(viewOf[*signInScreen](h.kiosk).submit)
	h.settle()
}

// viewOf is the widgets of the screen on show when it is an S (e.g. *findScreen),
// else S's zero value.
func viewOf[S any](k *Kiosk) S {
	s, _ := k.page.view.(S)
	return s
}

// assertGolden compares the window with its master in testdata/screens; a missing or
// different master is written to testdata/failed for review.
func (h *harness) assertGolden(t *testing.T, name string) {
	t.Helper()
	test.AssertRendersToMarkup(t, "screens/"+name+".xml", h.win.Canvas())
}

// checkHealthAfter moves the clock on by d and waits for the health check it set off.
func (h *harness) checkHealthAfter(d time.Duration) {
	h.clock.Advance(d)
	h.settle()
}

// beats returns what the simulator received, as the fleet monitor would read it.
func (h *harness) beats() []client.Heartbeat { return h.sim.Heartbeats() }

// nextBeat moves the clock to the next beat and waits for it.
func (h *harness) nextBeat() {
	h.clock.Advance(beatEvery)
	h.settle()
}
