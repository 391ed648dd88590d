package ui

import (
	"fmt"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne has no global input hook: a tap or a key goes straight to the widget under
// it. So the kiosk instruments the controls themselves, in one place: everything
// show and showOverlay put on the canvas passes through watch, which wraps every
// callback a visitor can trigger. No screen can forget it, and a new screen gets
// it for free. Keys typed with no widget focused reach the canvas handlers set in
// New.

// watch wraps the callbacks of every control under o (see guard).
func (k *Kiosk) watch(o fyne.CanvasObject) {
	switch w := o.(type) {
	case nil:
		return
	case *fyne.Container:
		for _, child := range w.Objects {
			k.watch(child)
		}
		return
	case *container.Scroll:
		w.OnScrolled = k.guardScroll(w.OnScrolled)
		k.watch(w.Content)
		return
	case *container.ThemeOverride:
		k.watch(w.Content)
		return
	case *widget.Card:
		k.watch(w.Content)
		return
	case *widget.PopUp:
		k.watch(w.Content)
		return
	}
	k.watchControl(o)
}

// watchControl wraps the callbacks of one control, once.
func (k *Kiosk) watchControl(o fyne.CanvasObject) {
	if k.watched[o] {
		return
	}
	switch w := o.(type) {
	case *widget.Button:
		w.OnTapped = k.guard(w.OnTapped)
	case *widget.Check:
		w.OnChanged = guardArg(k, w.OnChanged)
	case *kioskEntry:
		k.watchEntry(&w.Entry)
	case *widget.Entry:
		k.watchEntry(w)
	case *tapTarget:
		w.onTapped = k.guard(w.onTapped)
	default:
		return
	}
	k.watched[o] = true
}

func (k *Kiosk) watchEntry(e *widget.Entry) {
	e.OnChanged = guardArg(k, e.OnChanged)
	e.OnSubmitted = guardArg(k, e.OnSubmitted)
	e.OnCursorChanged = k.guard(e.OnCursorChanged)
	if e.OnCursorChanged == nil {
		e.OnCursorChanged = k.guard(func() {})
	}
}

// guard wraps a visitor's callback: it first notes the visitor's activity, and a
// panic inside it is recovered, logged without personal data and answered with a
// reset, so the kiosk never sits on a broken screen.
func (k *Kiosk) guard(f func()) func() {
	if f == nil {
		return nil
	}
	return func() {
		k.limits.noteActivity()
		defer k.recoverPanic()
		f()
	}
}

func guardArg[T any](k *Kiosk, f func(T)) func(T) {
	if f == nil {
		return nil
	}
	return func(v T) {
		k.limits.noteActivity()
		defer k.recoverPanic()
		f(v)
	}
}

func (k *Kiosk) guardScroll(f func(fyne.Position)) func(fyne.Position) {
	if f == nil {
		f = func(fyne.Position) {}
	}
	return guardArg(k, f)
}

// recoverPanic turns a panic in a callback into a logged error and a reset. The
// log has the panic's type and the stack (code locations), never its message,
// which could quote what the visitor typed.
func (k *Kiosk) recoverPanic() {
	r := recover()
	if r == nil {
		return
	}
	k.log.Error("recovered from a panic in the UI; resetting",
		"panic_type", fmt.Sprintf("%T", r), "stack", string(debug.Stack()))
	k.lastError = "panic"
	k.heartbeat.CountError("kiosk_panic")
	k.reset(triggerPanic)
}
