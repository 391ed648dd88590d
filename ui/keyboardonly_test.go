package ui

import (
	"net/http"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The visitor at a physical keyboard with no mouse: only key events, sent to
// whatever has the focus (or to the canvas when nothing has), as the driver does.

// callGate holds the portal's answers while a key event runs. In the Fyne test
// driver a portal answer reaches the screen on the goroutine that made the call,
// while a widget's key handler may still be running on the test's: holding the
// answers until the key event is over keeps the two in order, as the real driver's
// UI thread does. It sits in front of the simulator, so it holds every call the
// kiosk makes.
type callGate struct {
	mu   sync.Mutex
	open chan struct{} // closed when the key event is over; nil: no key event
}

// front serves the simulator over plain HTTP, each request waiting at the gate.
func (g *callGate) front(t testing.TB, sim http.Handler) (baseURL, rootCAFile string) {
	return plainFront(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		g.wait()
		sim.ServeHTTP(w, r)
	}))
}

// wait returns once no key event is running.
func (g *callGate) wait() {
	g.mu.Lock()
	ch := g.open
	g.mu.Unlock()
	if ch != nil {
		<-ch
	}
}

func (g *callGate) hold() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.open = make(chan struct{})
}

func (g *callGate) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.open != nil {
		close(g.open)
		g.open = nil
	}
}

// newGatedHarness is a live kiosk whose portal answers wait for each key event.
func newGatedHarness(t *testing.T) *harness {
	gate := &callGate{}
	h := newHarnessWith(t, harnessOptions{front: gate.front})
	h.gate = gate
	return h
}

// keyEvent runs a key event with portal answers held until it is over, then waits
// for them.
func (h *harness) keyEvent(send func()) {
	if h.gate == nil {
		send()
		return
	}
	h.gate.hold()
	send()
	h.gate.release()
	h.settle()
}

// key sends one key to the focused object, or to the canvas.
func (h *harness) key(name fyne.KeyName) {
	h.keyEvent(func() { h.sendKey(name) })
}

func (h *harness) sendKey(name fyne.KeyName) {
	c := h.win.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: name})
}

// typeKeys types text into the focused field, a key at a time.
func (h *harness) typeKeys(text string) {
	for _, r := range text {
		h.win.Canvas().Focused().TypedRune(r)
	}
}

// space is the Space bar: it presses the focused button, ticks the focused box.
func (h *harness) space() {
	h.keyEvent(func() {
		f := h.win.Canvas().Focused()
		f.TypedRune(' ')
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	})
}

// tabTo presses Tab until the focus is on o (at most 60 times).
func (h *harness) tabTo(t *testing.T, o fyne.Focusable) {
	t.Helper()
	for range 60 {
		if h.win.Canvas().Focused() == o {
			return
		}
		test.FocusNext(h.win.Canvas()) // what the Tab key does
	}
	t.Fatalf("Tab never reached the %T on screen %s", o, h.kiosk.page.id)
}

func TestAWholeJourneyWithTheKeyboardOnly(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newGatedHarness(t)
		h.tabTo(t, viewOf[*welcomeScreen](h.kiosk).languages[lang])
		h.space()
		h.typeKeys("102345671234567") // the account number field has the focus on arrival
		h.key(fyne.KeyReturn)         // on to the ZIP
		h.typeKeys("97504")
		h.key(fyne.KeyReturn) // the last field: Find My Account
		h.settle()
		if h.kiosk.page.id != screenFound {
			t.Fatalf("%s: Enter did not find the account: %s %v", lang, h.kiosk.page.id, h.kiosk.visit.problems)
		}
		h.key(fyne.KeyReturn) // nothing focused: the primary action, Register
		h.settle()
		if h.kiosk.page.id != screenRegister {
			t.Fatalf("%s: Enter on Account found led to %s", lang, h.kiosk.page.id)
		}
		h.typeKeys(newEmail)
		h.key(fyne.KeyReturn)
		h.typeKeys(newEmail)
		h.key(fyne.KeyReturn)
		h.typeKeys(strongPassword)
		h.tabTo(t, viewOf[*registerScreen](h.kiosk).accept)
		h.space()
		h.tabTo(t, viewOf[*registerScreen](h.kiosk).submit)
		h.space()
		h.settle()
		h.assertSignedIn(t, lang)

		h.tabTo(t, viewOf[*myAccountScreen](h.kiosk).setEBilling)
		h.space()
		h.tabTo(t, viewOf[*eBillingScreen](h.kiosk).send)
		h.space()
		h.settle()
		if !viewOf[*eBillingScreen](h.kiosk).sent.Visible() || h.sim.Stats().BillDeliveryChanges != 1 {
			t.Fatalf("%s: e-billing not sent from the keyboard", lang)
		}
		h.tabTo(t, viewOf[*eBillingScreen](h.kiosk).done)
		h.space()
		h.settle()
		h.tabTo(t, viewOf[*myAccountScreen](h.kiosk).finish)
		h.space()
		h.tabTo(t, viewOf[*doneScreen](h.kiosk).finish)
		h.space()
		if h.kiosk.page.id != screenWelcome || h.sim.Stats().Registrations != 1 {
			t.Errorf("%s: the journey ended on %s", lang, h.kiosk.page.id)
		}
	}
}

func TestTabReachesEveryControlOfAScreen(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "es")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	for _, c := range controlsOn(h.win.Canvas()) {
		f, ok := c.(fyne.Focusable)
		if !ok || !c.Visible() {
			continue
		}
		if b, isButton := c.(*widget.Button); isButton && b.Disabled() {
			continue
		}
		h.tabTo(t, f)
	}
}
