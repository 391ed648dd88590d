package ui

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"
	"github.com/medfordwater/lobbykiosk/ui/staff"
)

func TestStaffGestureNeedsFiveTapsWithinThreeSeconds(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.tapStaffTarget(t, 4, 100*time.Millisecond)
	if h.kiosk.staff.Pad() != nil {
		t.Fatal("four taps opened the PIN pad")
	}
	h.advance(3 * time.Second) // the four taps are now too old to count
	h.tapStaffTarget(t, 4, 800*time.Millisecond)
	if h.kiosk.staff.Pad() != nil {
		t.Fatal("taps spread over more than three seconds opened the PIN pad")
	}
	h.advance(800 * time.Millisecond) // five taps spanning 3.2 s in all
	h.tapStaffTarget(t, 1, 0)
	if h.kiosk.staff.Pad() != nil {
		t.Fatal("five taps over 3.2 s opened the PIN pad")
	}
	h.advance(3 * time.Second)
	h.tapStaffTarget(t, 5, 600*time.Millisecond) // 2.4 s
	if h.kiosk.staff.Pad() == nil {
		t.Fatal("five taps on the logo within three seconds did not open the PIN pad")
	}
	if !showing(h, "Staff PIN") {
		t.Error("the PIN pad does not say what it is for")
	}
}

func TestStaffGestureOnAVisitorScreenSpeaksTheVisitorsLanguage(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.startIn("es")
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	if h.kiosk.staff.Pad() == nil {
		t.Fatal("five taps on the screen title did not open the PIN pad")
	}
	if !showing(h, "PIN del personal") || !showing(h, "Cancelar") {
		t.Errorf("the pad is not in Spanish: %q", visibleTexts(h.win.Canvas()))
	}
	assertTextsFromCatalog(t, h, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
	test.Tap(h.kiosk.staff.Pad().Cancel)
	if h.kiosk.staff.Pad() != nil || len(h.win.Canvas().Overlays().List()) != 0 {
		t.Error("Cancel did not close the pad")
	}
}

func TestStaffPINRightOpensMenuWrongSaysSo(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	p := h.kiosk.staff.Pad()
	for _, d := range "13" {
		test.Tap(p.Digits[d-'0'])
	}
	if p.Dots.Text != staff.PINDot+staff.PINDot {
		t.Errorf("the pad shows %q for two digits, want two dots", p.Dots.Text)
	}
	test.Tap(p.Backspace)
	if p.Dots.Text != staff.PINDot {
		t.Errorf("after Delete the pad shows %q", p.Dots.Text)
	}
	h.enterPIN(t, "9999")
	if h.kiosk.staff.Menu() != nil || !showing(h, "That PIN is not right.") {
		t.Fatalf("a wrong PIN: menu %v, screen %q", h.kiosk.staff.Menu() != nil, visibleTexts(h.win.Canvas()))
	}
	if p.Dots.Text != "" {
		t.Error("the wrong PIN's dots are still shown")
	}
	h.enterPIN(t, testStaffPIN)
	if h.kiosk.staff.Menu() == nil || h.kiosk.staff.Pad() != nil {
		t.Fatal("the right PIN did not swap the pad for the staff menu")
	}
	if f := h.kiosk.staff.Failures(); f != 0 {
		t.Errorf("the right PIN left %d failures counted", f)
	}
}

func TestStaffLockoutAfterFiveWrongPINsSurvivesARestart(t *testing.T) {
	h, pin := newStaffHarness(t)
	store := &memLockout{}
	h.kiosk.staff.Lockout = store
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	for i := 0; i < 5; i++ {
		h.enterPIN(t, "1111")
	}
	if !showing(h, "Staff mode is locked") || !showing(h, "5 min") {
		t.Fatalf("after five wrong PINs the pad shows %q", visibleTexts(h.win.Canvas()))
	}
	if !h.kiosk.staff.Pad().OK.Disabled() || !h.kiosk.staff.Pad().Digits[2].Disabled() {
		t.Error("the locked pad still takes a PIN")
	}
	// The kiosk restarts: a new Kiosk with the same store.
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1280, 800))
	k2, err := New(win, Deps{Portal: h.kiosk.portal.client, Clock: h.clock, Config: h.kiosk.settings.Config})
	if err != nil {
		t.Fatal(err)
	}
	staffDeps(k2, pin, store)
	h2 := &harness{kiosk: k2, win: win, sim: h.sim, clock: h.clock}
	h.advance(2*time.Minute, h2)
	h2.tapStaffTarget(t, 5, 100*time.Millisecond)
	calls := pin.callCount()
	h2.enterPIN(t, testStaffPIN)
	if k2.staff.Menu() != nil || !showing(h2, "3 min") || pin.callCount() != calls {
		t.Fatalf("after a restart the lock was lost: menu %v, pad %q", k2.staff.Menu() != nil, visibleTexts(win.Canvas()))
	}
	test.Tap(k2.staff.Pad().Cancel)
	h.advance(3*time.Minute, h2)
	h2.openStaffMenu(t) // five minutes on, the right PIN works again
	if r, _ := store.Load(); r != (stafflock.Record{}) {
		t.Errorf("the store still holds %+v", r)
	}
}

func TestStaffWithoutVerifierSaysUnavailable(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	if !showing(h, "Staff mode is not available") || !h.kiosk.staff.Pad().OK.Disabled() {
		t.Errorf("with no verifier the pad shows %q", visibleTexts(h.win.Canvas()))
	}
}

func TestStaffResetNowEndsTheVisit(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.startIn("es")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, plainAccount)
	m := h.openStaffMenu(t)
	test.Tap(m.ResetNow)
	if h.kiosk.page.id != screenWelcome || h.kiosk.lang != "en" || h.kiosk.visit.fields[fieldAccountNumber] != "" {
		t.Fatalf("Reset now left screen %s, language %s", h.kiosk.page.id, h.kiosk.lang)
	}
	if h.kiosk.staff.Menu() != nil || len(h.win.Canvas().Overlays().List()) != 0 {
		t.Error("Reset now left the staff menu open")
	}
	if h.kiosk.staff.MenuTimed() {
		t.Error("the staff menu's timer outlives the reset")
	}
}

func TestStaffStatusShowsKioskVersionVisitsAndPortal(t *testing.T) {
	h, _ := newStaffHarness(t)
	for i := 0; i < 2; i++ { // two visits end today
		h.startIn("en")
		h.startOver()
	}
	m := h.openStaffMenu(t)
	for _, want := range []string{"Kiosk ID: lobby-9", "Version: 1.4.2", "Visits today: 2", "Portal: reachable", "Last error: none"} {
		if !showing(h, want) {
			t.Errorf("the staff status lacks %q: %q", want, visibleTexts(h.win.Canvas()))
		}
	}
	assertTextsFromCatalog(t, h)
	test.Tap(m.Close)
	h.advance(24 * time.Hour) // a new day
	h.openStaffMenu(t)
	if !showing(h, "Visits today: 0") {
		t.Error("yesterday's visits are counted today")
	}
}

func TestStaffStatusSaysWhenThePortalIsDown(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.sim.SetFault("GET /health", portalsim.Fault{Status: 503})
	h.openStaffMenu(t)
	if !showing(h, "Portal: not reachable") {
		t.Errorf("the status shows %q", visibleTexts(h.win.Canvas()))
	}
}

func TestStaffSetsTheDefaultLanguage(t *testing.T) {
	h, _ := newStaffHarness(t)
	m := h.openStaffMenu(t)
	test.Tap(m.Languages["es"])
	test.Tap(m.ResetNow)
	if h.kiosk.lang != "es" || h.kiosk.settings.DefaultLanguage != "es" {
		t.Errorf("after choosing Spanish the kiosk starts in %s", h.kiosk.lang)
	}
}

func TestStaffExitCallsQuit(t *testing.T) {
	h, _ := newStaffHarness(t)
	quits := 0
	h.kiosk.staff.Quit = func() { quits++ }
	m := h.openStaffMenu(t)
	test.Tap(m.Exit)
	if quits != 1 {
		t.Errorf("Exit called Quit %d times", quits)
	}
}

func TestStaffMenuClosesItselfAfterAMinuteIdle(t *testing.T) {
	h, _ := newStaffHarness(t)
	m := h.openStaffMenu(t)
	h.advance(50 * time.Second)
	test.Tap(m.Languages["en"]) // a tap in the menu starts its minute again
	h.advance(50 * time.Second)
	if h.kiosk.staff.Menu() == nil || !overlayShown(h, m.Popup) {
		t.Fatal("the menu closed although staff tapped in it 50 s ago")
	}
	h.advance(11 * time.Second)
	if h.kiosk.staff.Menu() != nil || overlayShown(h, m.Popup) {
		t.Fatal("the menu is still open after a minute without a tap")
	}
}

func TestStaffPINIsNeverLogged(t *testing.T) {
	var logs lockedLog
	h := newHarnessWith(t, harnessOptions{log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	staffDeps(h.kiosk, &fixedPIN{pin: testStaffPIN}, &memLockout{})
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	const wrong = "975318"
	h.enterPIN(t, wrong)
	h.enterPIN(t, testStaffPIN)
	out := logs.String()
	if !strings.Contains(out, "wrong staff PIN") || !strings.Contains(out, "staff signed in") {
		t.Fatalf("the staff sign-in was not logged: %s", out)
	}
	for _, pin := range []string{wrong, testStaffPIN} {
		if strings.Contains(out, pin) {
			t.Errorf("the log holds the PIN %s", pin)
		}
	}
}

// lockedLog is a log buffer safe for the kiosk's background goroutines.
type lockedLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func TestAPINPadLeftOpenClosesItself(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	if h.kiosk.staff.Pad() == nil {
		t.Fatal("no PIN pad")
	}
	h.advance(staff.MenuIdle)
	if h.kiosk.staff.Pad() != nil || h.win.Canvas().Overlays().Top() != nil {
		t.Error("a PIN pad left open is still there for the next visitor")
	}
}

// The staff status names the card terminal and its state, says when it was
// swapped for another device (to inspect before anyone pays on it), and how
// many card payments are still to settle.
func TestStaffStatusShowsTheCardTerminal(t *testing.T) {
	status := &client.TerminalStatus{POIID: "V400m-000000043", State: "OK", SerialChanges: 1,
		PreviousPOIID: "V400m-000000042", PendingPayments: 2, RecoveredPayments: 1}
	h := newHarnessWith(t, harnessOptions{settings: testConfig{CardEntry: "terminal"},
		terminalStatus: func() *client.TerminalStatus { return status }})
	staffDeps(h.kiosk, &fixedPIN{pin: testStaffPIN}, &memLockout{})
	h.openStaffMenu(t)
	for _, want := range []string{"Card terminal: V400m-000000043, OK",
		"The card terminal was swapped: V400m-000000042 is now V400m-000000043.", "Card payments still to settle: 2.",
		"Card payments recovered at this start: 1."} {
		if !showing(h, want) {
			t.Errorf("the staff status does not say %q: %q", want, visibleTexts(h.win.Canvas()))
		}
	}
}
