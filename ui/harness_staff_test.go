package ui

import (
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"

	"github.com/medfordwater/lobbykiosk/ui/staff"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// testStaffPIN is the PIN the test verifier accepts.
const testStaffPIN = "246810"

// fixedPIN is a staff.PINVerifier that knows one PIN (the argon2 store is tested in
// package main). It counts its calls, so tests can see a locked pad never asks.
type fixedPIN struct {
	mu    sync.Mutex
	pin   string
	calls int
}

func (p *fixedPIN) VerifyStaffPIN(pin string) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	return pin == p.pin, nil
}

func (p *fixedPIN) callCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls
}

// memLockout is a staff.Lockout in memory; two kiosks sharing one stand for a
// kiosk before and after a restart.
type memLockout struct {
	mu     sync.Mutex
	record stafflock.Record
}

func (m *memLockout) Load() (stafflock.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.record, nil
}

func (m *memLockout) Save(r stafflock.Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.record = r
	return nil
}

// staffDeps gives a kiosk what staff mode needs. The staff desk reads these when
// staff use them, so setting them after New is like passing them to New.
func staffDeps(k *Kiosk, verifier staff.PINVerifier, store staff.Lockout) {
	k.staff.Verifier = verifier
	k.staff.Lockout = store
	k.staff.KioskID = "lobby-9"
	k.staff.Version = "1.4.2"
}

// practicePortal starts training mode's simulator as main does, on the test's clock.
func practicePortal(clock Clock, log *slog.Logger) func() (staff.TrainingPortal, error) {
	return func() (staff.TrainingPortal, error) {
		srv, err := portalsim.New(portalsim.Options{Now: clock.Now}).Start("127.0.0.1:0")
		if err != nil {
			return staff.TrainingPortal{}, err
		}
		portal, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey, Logger: log})
		if err != nil {
			_ = srv.Close()
			return staff.TrainingPortal{}, err
		}
		return staff.TrainingPortal{Portal: portal, Close: srv.Close}, nil
	}
}

func newStaffHarness(t *testing.T) (*harness, *fixedPIN) {
	t.Helper()
	h := newHarness(t, ModeLive)
	pin := &fixedPIN{pin: testStaffPIN}
	staffDeps(h.kiosk, pin, &memLockout{})
	return h, pin
}

// staffTarget finds the tap target of the gesture on the screen on show: the
// logo on the welcome screen, the title on visitor screens.
func staffTarget(t *testing.T, c fyne.Canvas) *kwidget.TapTarget {
	t.Helper()
	var found *kwidget.TapTarget
	walkCanvas(c, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*kwidget.TapTarget); ok && found == nil {
			found = t
		}
		return found == nil
	})
	if found == nil {
		t.Fatal("no staff tap target on screen")
	}
	return found
}

// tapStaffTarget taps the gesture's target n times, gap apart.
func (h *harness) tapStaffTarget(t *testing.T, n int, gap time.Duration) {
	t.Helper()
	target := staffTarget(t, h.win.Canvas())
	for i := 0; i < n; i++ {
		if i > 0 {
			h.advance(gap)
		}
		test.Tap(target)
	}
}

// advance moves the fake clock on a second at a time, waiting each time for what
// its timers started: the welcome screen's portal check answers on its own
// goroutine in the test driver, so it must be done before the next timer fires.
// Other harnesses on the same clock are waited for too.
func (h *harness) advance(d time.Duration, others ...*harness) {
	for d > 0 {
		step := min(d, time.Second)
		d -= step
		h.clock.Advance(step)
		h.settle()
		for _, o := range others {
			o.settle()
		}
	}
}

// enterPIN taps the digits of pin and OK, then waits for the check.
func (h *harness) enterPIN(t *testing.T, pin string) {
	t.Helper()
	p := h.kiosk.staff.Pad()
	if p == nil {
		t.Fatal("no PIN pad on screen")
	}
	for _, r := range pin {
		test.Tap(p.Digits[r-'0'])
	}
	test.Tap(p.OK)
	h.settle()
}

// openStaffMenu does the gesture and types the right PIN.
func (h *harness) openStaffMenu(t *testing.T) *staff.Menu {
	t.Helper()
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	h.enterPIN(t, testStaffPIN)
	if h.kiosk.staff.Menu() == nil {
		t.Fatal("the right PIN did not open the staff menu")
	}
	h.settle() // the portal check of the status
	return h.kiosk.staff.Menu()
}

// showing reports whether a text containing part is on the canvas, overlays included.
func showing(h *harness, part string) bool {
	return slices.ContainsFunc(visibleTexts(h.win.Canvas()), func(s string) bool { return strings.Contains(s, part) })
}

// overlayShown reports whether popup is on the canvas (Fyne wraps a pop-up in an
// overlay container, so the overlay list does not hold the pop-up itself).
func overlayShown(h *harness, popup *widget.PopUp) bool {
	return popup.Visible() && len(h.win.Canvas().Overlays().List()) > 0
}
