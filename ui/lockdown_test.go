package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
	"github.com/medfordwater/lobbykiosk/internal/config"
)

// The ways out a visitor tries from the keyboard and the window frame. The Fyne test
// driver cannot raise a window-manager close request (its window's Close is the
// program's own close, which no intercept applies to), so the tests catch the
// intercept the kiosk installs and raise the request themselves, as the GLFW driver
// does when the window manager asks. docs/lockdown.md has the same escapes tried on
// the real binary under X.

// interceptWindow is a test window that keeps the close intercept it is given.
type interceptWindow struct {
	fyne.Window
	intercept func()
}

func (w *interceptWindow) SetCloseIntercept(f func()) {
	w.intercept = f
	w.Window.SetCloseIntercept(f)
}

func TestTheCloseRequestIsRefused(t *testing.T) {
	test.NewTempApp(t)
	logs := &lockedBuffer{}
	w := &interceptWindow{Window: test.NewTempWindow(t, nil)}
	h := &harness{win: w}
	k, err := New(w, Deps{Config: config.Default(), Logger: newBufferLogger(logs), Clock: newFakeClock(clocktest.Now())})
	if err != nil {
		t.Fatal(err)
	}
	h.kiosk = k
	if w.intercept == nil {
		t.Fatal("the kiosk installed no close intercept: the window manager's close would end it")
	}
	screen := k.page.id
	w.intercept() // the window manager's close button, Alt+F4 through the WM
	if k.page.id != screen || !windowOpen(w) {
		t.Errorf("after a close request: screen %s, window open %v", k.page.id, windowOpen(w))
	}
	if !strings.Contains(logs.String(), "close request refused") {
		t.Error("the refused close request was not logged for staff")
	}
}

// windowOpen reports whether the app still has w.
func windowOpen(w fyne.Window) bool {
	for _, open := range fyne.CurrentApp().Driver().AllWindows() {
		if open == w || open == w.(*interceptWindow).Window {
			return true
		}
	}
	return false
}

// pressShortcut delivers s as the desktop driver does: to the focused widget when
// it handles shortcuts, otherwise to the canvas.
func pressShortcut(c fyne.Canvas, s fyne.Shortcut) {
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	canvasShortcuts(c).TypedShortcut(s)
}

// canvasShortcuts is the canvas's own shortcut handler. The test driver's canvas
// hides it behind an embedded software canvas, which has it.
func canvasShortcuts(c fyne.Canvas) fyne.Shortcutable {
	if s, ok := c.(fyne.Shortcutable); ok {
		return s
	}
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas").Interface()
	return inner.(fyne.Shortcutable)
}

// pressKey delivers a key as the desktop driver does: Tab moves the focus, other
// keys go to the focused widget or, with nothing focused, to the canvas.
func pressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	switch f := c.Focused(); {
	case name == fyne.KeyTab:
		c.FocusNext()
	case f != nil:
		f.TypedKey(ev)
	default:
		c.OnTypedKey()(ev)
	}
}

var escapeShortcuts = []fyne.Shortcut{
	&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierControl},
	&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl},
	&desktop.CustomShortcut{KeyName: fyne.KeyF4, Modifier: fyne.KeyModifierAlt},
	&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
	&desktop.CustomShortcut{KeyName: fyne.KeyF4, Modifier: fyne.KeyModifierControl},
}

var escapeKeys = []fyne.KeyName{fyne.KeyEscape, fyne.KeyF11, fyne.KeyTab, fyne.KeyF4}

func TestEscapeKeysDoNothingHarmful(t *testing.T) {
	for _, focused := range []bool{true, false} {
		h := newHarness(t, ModeLive)
		h.startIn("es")
		h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, legacyAccount)
		if !focused {
			h.win.Canvas().Unfocus()
		}
		v, c := h.kiosk.visit, h.win.Canvas()
		for _, s := range escapeShortcuts {
			pressShortcut(c, s)
			assertStillHere(t, h, v, s.ShortcutName())
		}
		for _, key := range escapeKeys {
			pressKey(c, key)
			assertStillHere(t, h, v, string(key))
		}
		if !focused {
			test.TypeOnCanvas(c, "qw")
			assertStillHere(t, h, v, "typing with nothing focused")
		}
		if h.kiosk.visit.fields[fieldAccountNumber] != legacyAccount {
			t.Errorf("focused=%v: the typed account number changed to %q", focused,
				h.kiosk.visit.fields[fieldAccountNumber])
		}
	}
}

func TestEscapeKeysOnTheWelcomeScreenStartNoVisit(t *testing.T) {
	h := newHarness(t, ModeLive)
	c := h.win.Canvas()
	for _, s := range escapeShortcuts {
		pressShortcut(c, s)
	}
	for _, key := range escapeKeys {
		pressKey(c, key)
	}
	test.TypeOnCanvas(c, "hello")
	if h.kiosk.page.id != screenWelcome || !h.kiosk.visit.startedAt.IsZero() {
		t.Errorf("keys on the welcome screen: screen %s, visit started %v", h.kiosk.page.id, h.kiosk.visit.startedAt)
	}
}

// assertStillHere checks that after an escape attempt the kiosk is on the same
// screen, the same visit and the window still full screen content.
func assertStillHere(t *testing.T, h *harness, v *visit, what string) {
	t.Helper()
	if h.kiosk.page.id != screenFind || h.kiosk.visit != v || h.win.Content() == nil {
		t.Errorf("%s: screen %s, same visit %v", what, h.kiosk.page.id, h.kiosk.visit == v)
	}
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("%s opened an overlay: %T", what, top)
	}
}
