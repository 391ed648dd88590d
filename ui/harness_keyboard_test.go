package ui

import (
	"net/http"
	"sync"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// newKeyboardHarness is a live kiosk with the on-screen keyboard switched on, as
// the config file has it by default.
func newKeyboardHarness(t *testing.T) *harness {
	t.Helper()
	return newHarnessWith(t, harnessOptions{settings: testConfig{OnScreenKeyboard: true}})
}

// tapKey taps the on-screen key that types id (or whose words are message id) the
// way the window's driver delivers a touch: the press, which takes the focus away
// from the field, then the release and the tap.
func (h *harness) tapKey(t *testing.T, id string) {
	t.Helper()
	kb := h.kiosk.keyboard
	if kb == nil || !kb.Dock().Visible() {
		t.Fatalf("no keyboard on show to tap %q on (screen %s)", id, h.kiosk.page.id)
	}
	key := kb.Key(id)
	if key == nil {
		t.Fatalf("no key %q on the keyboard of layout %d", id, kb.Layout())
	}
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	key.MouseDown(ev)
	h.win.Canvas().Unfocus()
	key.MouseUp(ev)
	test.Tap(key)
}

// tapKeys types text key by key, tapping the capital-letter key before a capital
// and the space key for a space.
func (h *harness) tapKeys(t *testing.T, text string) {
	t.Helper()
	for _, r := range text {
		if unicode.IsUpper(r) {
			h.tapKey(t, "keyboard.shift")
			r = unicode.ToLower(r)
		}
		if r == ' ' {
			h.tapKey(t, "keyboard.space")
			continue
		}
		h.tapKey(t, string(r))
	}
}

// assertKeyboardFor checks the keyboard is docked for entry e with layout l and
// that e has the focus.
func (h *harness) assertKeyboardFor(t *testing.T, e *kwidget.Entry, l keyboard.Layout) {
	t.Helper()
	kb := h.kiosk.keyboard
	if !kb.Dock().Visible() || kb.Target() != e || kb.Layout() != l {
		t.Fatalf("keyboard: shown %v, for the right field %v, layout %d (want %d)", kb.Dock().Visible(), kb.Target() == e, kb.Layout(), l)
	}
	if h.win.Canvas().Focused() != fyne.Focusable(e) {
		t.Fatalf("the field lost the focus to the keyboard")
	}
}

// registerByKeys fills the register screen with on-screen keys only.
func (h *harness) registerByKeys(t *testing.T) {
	t.Helper()
	r := viewOf[*registerScreen](h.kiosk)
	h.assertKeyboardFor(t, r.email.entry, keyboard.Email)
	h.tapKeys(t, "ana.river")
	h.tapKey(t, "gmail.com") // a domain key brings its "@"
	h.tapKey(t, "keyboard.next")
	h.assertKeyboardFor(t, r.emailAgain.entry, keyboard.Email)
	h.tapKeys(t, "ana.river@gmail")
	h.tapKey(t, ".com")
	if r.email.entry.Text != "ana.river@gmail.com" || r.emailAgain.entry.Text != r.email.entry.Text {
		t.Fatalf("emails typed on the email keyboard: %q, %q", r.email.entry.Text, r.emailAgain.entry.Text)
	}
	h.tapKey(t, "keyboard.next")
	h.assertKeyboardFor(t, r.password.entry, keyboard.Full)
	h.tapKeys(t, strongPassword)
	h.assertKeyboardFor(t, r.password.entry, keyboard.Full)
	if got := r.password.entry.Text; got != strongPassword {
		t.Fatalf("password typed with Shift: %q", got)
	}
	h.tapKey(t, "keyboard.hide")
	test.Tap(r.accept)
	test.Tap(r.submit)
	h.settle()
}

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
	if t, ok := c.Focused().(fyne.Tabbable); name == fyne.KeyTab && (!ok || !t.AcceptsTab()) {
		c.FocusNext() // as the window's driver does: Tab moves the focus unless the focused widget takes it
		return
	}
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
		// As GLFW delivers it: the key first, then its character to whatever has the
		// focus by then (a field on the screen the key just opened).
		h.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		if f := h.win.Canvas().Focused(); f != nil {
			f.TypedRune(' ')
		}
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
