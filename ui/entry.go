package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// kioskEntry is a single-line entry that tells its field when the visitor leaves it,
// so a problem is shown beside the field as soon as the visitor moves on (Fyne's
// Entry has no focus-lost callback of its own).
type kioskEntry struct {
	widget.Entry
	id      fieldID // the visit's field it types into
	onLeave func() (fine bool)
	// hyphen: the entry takes an account number, whose hyphen it types itself.
	hyphen bool
	// secret: a password, PIN or CVV, which speech never says, shown or not
	// (Show password unmasks it for the eyes only).
	secret bool

	// The on-screen keyboard follows the focus (Fyne's canvas has no focus-changed
	// callback): onFocus tells it which field has it (keyboard.go).
	onFocus func()
	// frame is the entry with its label, hint and problem (fieldObject): the
	// keyboard keeps all of it in view above the keys, not the entry alone.
	frame fyne.CanvasObject
	// pressing is set while a touch focuses the entry, until it ends (touchEnded).
	// The keys come and the page scrolls only then: the window's driver takes the
	// focus away when a touch ends off the focused field, so a page that moved
	// under the finger put the keys away as soon as they came.
	pressing bool
	// checkHeld is set by a control pressed while the entry has the focus, which
	// gives the focus back after its tap (Show password): the visitor is still
	// typing here, so leaving for that moment is not checked. The next focus
	// clears it.
	checkHeld bool

	// page is the screen's TouchScroll, looked up when a finger lands (a field a
	// choice puts on the screen in place has one too): a drag that starts on the
	// field scrolls the page, as on a phone; a kiosk selects no text (nothing may
	// be copied). The press waits for its release to focus the field (press), so
	// a swipe across the form (swiped) focuses nothing.
	page   func() *kwidget.TouchScroll
	press  *desktop.MouseEvent
	swiped bool

	access entryAccess // what it says to a visitor who cannot see (access_items.go)
	// keys, when set, sees every key typed in the entry first and reports whether it
	// took it: speech mode moves, repeats and echoes from there (access_keys.go).
	keys entryKeys
}

// entryKeys lets speech mode see the keys typed in an entry.
type entryKeys interface {
	key(e *kioskEntry, ev *fyne.KeyEvent) (taken bool)
	// keyDone follows a key the entry took itself (Enter: on to the next field,
	// or, with a problem, staying put).
	keyDone(e *kioskEntry, ev *fyne.KeyEvent)
	typed(e *kioskEntry, r rune)
	focused(e *kioskEntry)
	takesTab() bool
}

// TypedKey gives speech mode the key first (navigation, its controls), then the
// entry.
func (e *kioskEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.keys != nil && e.keys.key(e, ev) {
		return
	}
	e.Entry.TypedKey(ev)
	if e.keys != nil {
		e.keys.keyDone(e, ev)
	}
}

// TypedRune types r, then lets speech mode echo it. An account number gets its
// hyphen after the 8th digit from a keyboard of the visitor's own too, as it
// does from the keypad; a hyphen typed where one was just put is not doubled;
// a space into an empty field is dropped.
func (e *kioskEntry) TypedRune(r rune) {
	if r == ' ' && e.Text == "" {
		// No field starts with a space. This one is the Space bar's character,
		// which X delivers after the key: the key pressed a button that opened
		// this field's screen, and its character lands here.
		return
	}
	if e.hyphen {
		if r == '-' && e.CursorColumn == 9 && len(e.Text) == 9 && e.Text[8] == '-' {
			return
		}
		if r != '-' && keyboard.NeedsHyphen(&e.Entry) {
			e.typeRune('-')
		}
	}
	e.typeRune(r)
	if e.hyphen && r != '-' && keyboard.NeedsHyphen(&e.Entry) {
		e.typeRune('-')
	}
}

func (e *kioskEntry) typeRune(r rune) {
	e.Entry.TypedRune(r)
	if e.keys != nil {
		e.keys.typed(e, r)
	}
}

// AcceptsTab: in speech mode Tab moves speech's own cursor, not Fyne's focus.
func (e *kioskEntry) AcceptsTab() bool { return e.keys != nil && e.keys.takesTab() }

// hasProblem reports whether the entry's problem shows beside it.
func (e *kioskEntry) hasProblem() bool {
	return e.access.problem != nil && e.access.problem.Visible()
}

// TextEntry is the entry's text and cursor, which the on-screen keyboard reads.
func (e *kioskEntry) TextEntry() *widget.Entry { return &e.Entry }

// Frame is what the on-screen keyboard keeps in view while the entry has the
// focus: the entry with its label, hint and problem, or the entry alone.
func (e *kioskEntry) Frame() fyne.CanvasObject { return e.frame }

func newKioskEntry(password bool) *kioskEntry {
	e := &kioskEntry{secret: password}
	e.Password = password
	if password {
		// Set before the first render, which would otherwise add Fyne's word-less eye
		// icon; the screens put a "Show password" button with words under the field.
		e.ActionItem = canvas.NewRectangle(color.Transparent)
	}
	e.ExtendBaseWidget(e)
	return e
}

// MouseDown notes the press (a touch reaches Fyne as a mouse press). It waits
// for its release to focus the entry, so a finger that swipes the page focuses
// nothing (entry_touch.go).
func (e *kioskEntry) MouseDown(m *desktop.MouseEvent) {
	e.press, e.swiped = m, false
}

// MouseUp ends the press: it focuses the entry now, unless the finger swiped the
// page, and the keyboard waits for the tap. The window's driver decides whether
// the focus stays after this, from where the field is, so the page must not move
// before it has.
func (e *kioskEntry) MouseUp(m *desktop.MouseEvent) {
	press := e.press
	e.press = nil
	if press == nil || e.swiped {
		return
	}
	e.pressing = true
	e.Entry.MouseDown(press)
	e.Entry.MouseUp(m)
}

// Tapped ends a touch on the field: its keyboard comes up.
func (e *kioskEntry) Tapped(ev *fyne.PointEvent) {
	e.Entry.Tapped(ev)
	e.touchEnded()
}

// touchEnded brings up the keyboard of the entry a touch has focused.
func (e *kioskEntry) touchEnded() {
	if !e.pressing {
		return
	}
	e.pressing = false
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() == fyne.Focusable(e) && e.onFocus != nil {
		e.onFocus()
	}
}

// FocusLost runs the entry's own handling, then the field's check.
func (e *kioskEntry) FocusLost() {
	e.pressing = false // a touch that ended off the entry, or the focus moved on
	e.Entry.FocusLost()
	e.Left()
}

// Left runs the field's check: the visitor has moved on from it, by the focus or
// by the on-screen keyboard's Next field or Hide. It reports whether the field
// has no problem.
func (e *kioskEntry) Left() bool {
	return e.onLeave == nil || e.onLeave()
}

// FocusGained runs the entry's own handling, then brings up the keyboard it asks
// for, or leaves that to the release of the touch that focused it (MouseUp).
func (e *kioskEntry) FocusGained() {
	e.checkHeld = false
	e.Entry.FocusGained()
	if e.onFocus != nil && !e.pressing {
		e.onFocus()
	}
	if e.keys != nil {
		e.keys.focused(e)
	}
}
