package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Help starts speech mode wherever the focus is: on a button a Tab reached with
// speech off, or on the terms' tick box a staff member's finger ticked with
// speech on. There the speech keys still move, take Tab and go back.
func TestTheSpeechKeysWorkWhateverHasTheFocus(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.startIn("en")
	h.tabTo(t, h.kiosk.page.chrome.back)
	h.press(keyHelp)
	if !h.kiosk.speech.On() {
		t.Fatal("Help on a focused button did not start speech mode")
	}
	if said := heard(r.take()); !strings.Contains(said, h.msg("en", "speech.intro")) {
		t.Errorf("Help on a focused button said:\n%s", said)
	}

	h.press(fyne.KeyEscape) // back to the welcome screen, speech on
	s := h.openRegister(t, "en")
	test.Tap(s.accept) // a staff member's finger: the tick box takes the focus
	s = viewOf[*registerScreen](h.kiosk)
	if h.win.Canvas().Focused() != fyne.Focusable(s.accept) {
		t.Fatalf("the tapped tick box has not the focus (%T has): the test proves nothing", h.win.Canvas().Focused())
	}
	r.take()
	cursor := h.kiosk.speech.Cursor()
	h.press(fyne.KeyDown)
	if h.kiosk.speech.Cursor() == cursor || len(r.take()) == 0 {
		t.Errorf("Down on the focused tick box: cursor %d → %d, nothing said", cursor, h.kiosk.speech.Cursor())
	}
	h.win.Canvas().Focus(s.accept)
	cursor = h.kiosk.speech.Cursor()
	h.press(fyne.KeyTab)
	if h.kiosk.speech.Cursor() != cursor+1 {
		t.Errorf("Tab on the focused tick box moved the speech cursor %d → %d, want the next item", cursor, h.kiosk.speech.Cursor())
	}
	for range h.kiosk.speech.Len() {
		if h.kiosk.speech.Under() == s.accept {
			break
		}
		h.press(fyne.KeyDown)
	}
	h.win.Canvas().Focus(s.accept)
	ticked := s.accept.Checked
	h.space() // the speech cursor's item, the tick box, is ticked once: its character does not tick it back
	if s = viewOf[*registerScreen](h.kiosk); s.accept.Checked == ticked {
		t.Error("Space in speech mode on the focused tick box left it as it was: it was ticked twice")
	}
	h.win.Canvas().Focus(s.accept)
	h.press(fyne.KeyEscape)
	if h.kiosk.page.id != screenFound || !h.kiosk.speech.On() {
		t.Errorf("Esc on the focused tick box: screen %s, speech on %v; want Found, on", h.kiosk.page.id, h.kiosk.speech.On())
	}
}

// Every control that can take the focus, on every screen and every pop-up,
// passes the speech keys on: the kiosk's own fields, buttons and tick boxes with
// their keys wired, never one of Fyne's own that would swallow them.
func TestEveryFocusableControlPassesTheSpeechKeysOn(t *testing.T) {
	h, _ := newStaffHarness(t)
	check := func(where string) {
		t.Helper()
		walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
			if !o.Visible() {
				return false
			}
			if _, ok := o.(fyne.Focusable); ok && !passesSpeechKeys(o) {
				t.Errorf("%s: a %T (%s) takes the focus and keeps the speech keys from speech mode", where, o, o.(fyne.Accessible).AccessibilityLabel())
			}
			return true
		})
	}
	h.signInDirectly(t, "en")
	for _, id := range sortedScreens(h) {
		h.kiosk.show(id)
		check(string(id))
	}
	h.kiosk.show(screenFind)
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, "123")
	test.Tap(h.kiosk.page.chrome.startOver)
	check("the start-over question")
	test.Tap(h.kiosk.page.question.keep)
	test.Tap(h.kiosk.page.chrome.look)
	check("the look menu")
	h.kiosk.look.closeMenu()
	h.kiosk.limits.warn(idleWarning)
	check("the idle warning")
	h.kiosk.limits.noteActivity()
	h.openPadNow(t)
	check("the PIN pad")
	h.kiosk.staff.ClosePINPad()
	h.openStaffMenu(t)
	check("the staff menu")
}

func passesSpeechKeys(o fyne.CanvasObject) bool {
	switch c := o.(type) {
	case *kwidget.Entry:
		return c.Keys != nil
	case *speechmode.KeyCatcher:
		return true
	case *kwidget.Button:
		return c.Keys != nil
	case *kwidget.HoldButton:
		return c.Keys != nil
	case *kwidget.Check:
		return c.Keys != nil
	}
	return false
}

// Esc over a pop-up (Aa, Start over's question, the idle warning) closes it its
// own way and leaves the screen under it as it was, what was typed included;
// speech then says where the visitor is. Without speech, Esc closes it too.
func TestEscClosesAPopUpAndLeavesTheScreenAsItWas(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	h.startIn("en")
	e := viewOf[*findScreen](h.kiosk).accountNumber.entry
	h.typeInto(e, "123")
	popups := []struct {
		name string
		open func()
		up   func() bool
	}{
		{"the look menu", func() { test.Tap(h.kiosk.page.chrome.look) }, func() bool { return h.kiosk.look.menu != nil }},
		{"the start-over question", func() { test.Tap(h.kiosk.page.chrome.startOver) }, func() bool {
			return h.kiosk.page.question != nil && h.kiosk.page.question.popup.Visible()
		}},
		{"the idle warning", func() { h.kiosk.limits.warn(idleWarning) }, func() bool { return h.kiosk.limits.overlay != nil }},
	}
	for _, p := range popups {
		p.open()
		if !p.up() {
			t.Fatalf("%s did not open", p.name)
		}
		if said := heard(r.take()); said == "" {
			t.Errorf("%s opened in silence", p.name)
		}
		h.press(fyne.KeyEscape)
		if p.up() || h.kiosk.page.id != screenFind || e.Text != "123" {
			t.Errorf("Esc over %s: still up %v, screen %s, typed %q", p.name, p.up(), h.kiosk.page.id, e.Text)
		}
		if said := heard(r.take()); !strings.Contains(said, h.msg("en", "find.title")) {
			t.Errorf("Esc over %s did not say where the visitor is:\n%s", p.name, said)
		}
	}

	h = newHarness(t, ModeLive)
	h.startIn("es")
	test.Tap(h.kiosk.page.chrome.look)
	h.press(fyne.KeyEscape)
	if h.kiosk.look.menu != nil || h.kiosk.page.id != screenFind {
		t.Errorf("Esc over the look menu without speech: menu up %v, screen %s", h.kiosk.look.menu != nil, h.kiosk.page.id)
	}
}

// Help over the idle warning explains it without answering it; a pop-up's
// cursor starts on its safe answer, so Enter on the visit-length warning gives
// more time rather than finishing the visit.
func TestHelpExplainsAPopUpAndEnterAnswersItSafely(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	h.startIn("en")
	h.kiosk.limits.warn(idleWarning)
	r.take()
	h.press(keyHelp)
	said := heard(r.take())
	if h.kiosk.limits.overlay == nil {
		t.Fatal("Help answered the idle warning instead of explaining it")
	}
	for _, want := range []string{h.msg("en", "limits.idle_title"), h.msg("en", "limits.idle_body"), "This window has"} {
		if !strings.Contains(said, want) {
			t.Errorf("Help over the idle warning did not say %q:\n%s", want, said)
		}
	}
	h.press(fyne.KeyDown) // any other key answers it
	if h.kiosk.limits.overlay != nil {
		t.Error("a key after Help did not answer the idle warning")
	}

	h.kiosk.limits.warn(visitWarning)
	r.take()
	h.press(fyne.KeyReturn)
	if h.kiosk.page.id != screenFind || h.kiosk.limits.extensions != 1 {
		t.Errorf("Enter on the visit-length warning: screen %s, extensions %d; want Find, 1", h.kiosk.page.id, h.kiosk.limits.extensions)
	}
}
