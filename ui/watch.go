package ui

import (
	"fmt"
	"log/slog"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Fyne has no global input hook: a tap or a key goes straight to the widget under
// it. So the kiosk instruments the controls themselves, in one place: everything
// show and showOverlay put on the canvas passes through the activity watch, which
// wraps every callback a visitor can trigger. No screen can forget it, and a new
// screen gets it for free. Keys typed with no widget focused reach the canvas
// handlers set in New; those typed on a focused button or tick box reach the
// watch's keys first (kwidget.Keys), so speech mode hears them whatever has the
// focus.

// activityWatch wraps the callbacks of the controls on show (see guard).
type activityWatch struct {
	noteActivity func()       // the visitor touched a control
	afterPanic   func()       // a callback panicked and was recovered: the kiosk starts over
	keys         kwidget.Keys // sees the keys typed on a focused button or tick box (speech mode)
	log          *slog.Logger
	watched      map[fyne.CanvasObject]bool // controls whose callbacks are wrapped already
}

func newActivityWatch(noteActivity, afterPanic func(), keys kwidget.Keys, log *slog.Logger) *activityWatch {
	return &activityWatch{noteActivity: noteActivity, afterPanic: afterPanic, keys: keys, log: log,
		watched: map[fyne.CanvasObject]bool{}}
}

// panicGuard is what a component that runs callbacks of its own (a timer, an answer
// from another goroutine) defers around them: RecoverPanic must be the deferred
// call itself, since recover works only there, so no host may forward it.
type panicGuard interface{ RecoverPanic() }

// newScreen forgets the controls of the screens before: they are gone.
func (w *activityWatch) newScreen() {
	w.watched = map[fyne.CanvasObject]bool{}
}

// watch wraps the callbacks of every control under o, walking o as the on-screen
// keyboard's Next field does.
func (w *activityWatch) watch(o fyne.CanvasObject) {
	keyboard.Walk(o, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*container.Scroll); ok {
			s.OnScrolled = w.guardScroll(s.OnScrolled)
		}
		w.watchControl(o)
		return true
	})
}

// watchControl wraps the callbacks of one control, once.
func (w *activityWatch) watchControl(o fyne.CanvasObject) {
	if w.watched[o] {
		return
	}
	switch c := o.(type) {
	case *kwidget.Button:
		c.OnTapped, c.Keys = w.guard(c.OnTapped), w.keys
	case *kwidget.HoldButton:
		c.OnTapped, c.Keys = w.guard(c.OnTapped), w.keys
	case *kwidget.Check:
		c.OnChanged, c.Keys = guardArg(w, c.OnChanged), w.keys
	case *kwidget.Entry:
		w.watchEntry(&c.Entry)
	case *widget.Entry:
		w.watchEntry(c)
	case *kwidget.TapTarget:
		c.OnTapped = w.guard(c.OnTapped)
	default:
		return
	}
	w.watched[o] = true
}

func (w *activityWatch) watchEntry(e *widget.Entry) {
	e.OnChanged = guardArg(w, e.OnChanged)
	e.OnSubmitted = guardArg(w, e.OnSubmitted)
	e.OnCursorChanged = w.guard(e.OnCursorChanged)
	if e.OnCursorChanged == nil {
		e.OnCursorChanged = w.guard(func() {})
	}
}

// guard wraps a visitor's callback: it first notes the visitor's activity, and a
// panic inside it is recovered, logged without personal data and answered with a
// reset, so the kiosk never sits on a broken screen.
func (w *activityWatch) guard(f func()) func() {
	if f == nil {
		return nil
	}
	return func() {
		w.noteActivity()
		defer w.RecoverPanic()
		f()
	}
}

func guardArg[T any](w *activityWatch, f func(T)) func(T) {
	if f == nil {
		return nil
	}
	return func(v T) {
		w.noteActivity()
		defer w.RecoverPanic()
		f(v)
	}
}

func (w *activityWatch) guardScroll(f func(fyne.Position)) func(fyne.Position) {
	if f == nil {
		f = func(fyne.Position) {}
	}
	return guardArg(w, f)
}

// RecoverPanic turns a panic in a callback into a logged error and a reset. The
// log has the panic's type and the stack (code locations), never its message,
// which could quote what the visitor typed. Deferred directly, as recover needs.
func (w *activityWatch) RecoverPanic() {
	r := recover()
	if r == nil {
		return
	}
	w.log.Error("recovered from a panic in the UI; resetting",
		"panic_type", fmt.Sprintf("%T", r), "stack", string(debug.Stack()))
	w.afterPanic()
}
