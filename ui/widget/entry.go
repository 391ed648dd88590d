package widget

import (
	"image/color"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
)

// Entry is the kiosk's single-line field: it tells its field when the visitor
// leaves it, so a problem is shown beside the field as soon as the visitor moves
// on (Fyne's Entry has no focus-lost callback of its own); a finger's swipe on it
// scrolls the page; speech mode hears its keys first.
type Entry struct {
	widget.Entry
	ID      string // the visit's field it types into
	OnLeave func() (fine bool)
	// Hyphen: the entry takes an account number, whose hyphen it types itself.
	Hyphen bool
	// Secret: a password, PIN or CVV, which speech never says, shown or not
	// (Show password unmasks it for the eyes only).
	Secret bool

	// The on-screen keyboard follows the focus (Fyne's canvas has no focus-changed
	// callback): OnFocus tells it which field has it.
	OnFocus func()
	// Around is the entry with its label, hint and problem: the keyboard keeps
	// all of it in view above the keys, not the entry alone.
	Around fyne.CanvasObject
	// pressing is set while a touch focuses the entry, until it ends (touchEnded).
	// The keys come and the page scrolls only then: the window's driver takes the
	// focus away when a touch ends off the focused field, so a page that moved
	// under the finger put the keys away as soon as they came.
	pressing bool
	// CheckHeld is set by a control pressed while the entry has the focus, which
	// gives the focus back after its tap (Show password): the visitor is still
	// typing here, so leaving for that moment is not checked. The next focus
	// clears it.
	CheckHeld bool

	// Page is the screen's TouchScroll, looked up when a finger lands (a field a
	// choice puts on the screen in place has one too): a drag that starts on the
	// field scrolls the page, as on a phone; a kiosk selects no text (nothing may
	// be copied). The press waits for its release to focus the field (press), so
	// a swipe across the form (swiped) focuses nothing.
	Page   func() *TouchScroll
	press  *desktop.MouseEvent
	swiped bool

	Access EntryAccess // what it says to a visitor who cannot see
	// Keys, when set, sees every key typed in the entry first and reports whether
	// it took it: speech mode moves, repeats and echoes from there.
	Keys EntryKeys
}

// EntryAccess is what a field tells its entry to say: the words around it that a
// visitor who cannot see them would miss.
type EntryAccess struct {
	Label, Hint string
	Problem     *widget.Label // the problem shown beside the field
}

// RoleEdit is the accessible role of an entry.
const RoleEdit fyne.AccessibleRole = "edit"

// AccessibilityLabel is the entry's field label.
func (e *Entry) AccessibilityLabel() string { return e.Access.Label }

// AccessibilityRole of an entry is an edit field.
func (e *Entry) AccessibilityRole() fyne.AccessibleRole { return RoleEdit }

// EntryKeys lets speech mode see the keys typed in an entry.
type EntryKeys interface {
	Key(e *Entry, ev *fyne.KeyEvent) (taken bool)
	// keyDone follows a key the entry took itself (Enter: on to the next field,
	// or, with a problem, staying put).
	KeyDone(e *Entry, ev *fyne.KeyEvent)
	Typed(e *Entry, r rune)
	Focused(e *Entry)
	TakesTab() bool
}

// TypedKey gives speech mode the key first (navigation, its controls), then the
// entry.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if e.Keys != nil && e.Keys.Key(e, ev) {
		return
	}
	e.Entry.TypedKey(ev)
	if e.Keys != nil {
		e.Keys.KeyDone(e, ev)
	}
}

// TypedRune types r, then lets speech mode echo it. An account number gets its
// hyphen after the 8th digit from a keyboard of the visitor's own too, as it
// does from the keypad; a hyphen typed where one was just put is not doubled;
// a space into an empty field is dropped.
func (e *Entry) TypedRune(r rune) {
	if r == ' ' && e.Text == "" {
		// No field starts with a space. This one is the Space bar's character,
		// which X delivers after the key: the key pressed a button that opened
		// this field's screen, and its character lands here.
		return
	}
	if e.Hyphen {
		if r == '-' && e.CursorColumn == 9 && len(e.Text) == 9 && e.Text[8] == '-' {
			return
		}
		if r != '-' && keyboard.NeedsHyphen(&e.Entry) {
			e.typeRune('-')
		}
	}
	e.typeRune(r)
	if e.Hyphen && r != '-' && keyboard.NeedsHyphen(&e.Entry) {
		e.typeRune('-')
	}
}

func (e *Entry) typeRune(r rune) {
	e.Entry.TypedRune(r)
	if e.Keys != nil {
		e.Keys.Typed(e, r)
	}
}

// AcceptsTab: in speech mode Tab moves speech's own cursor, not Fyne's focus.
func (e *Entry) AcceptsTab() bool { return e.Keys != nil && e.Keys.TakesTab() }

// HasProblem reports whether the entry's problem shows beside it.
func (e *Entry) HasProblem() bool {
	return e.Access.Problem != nil && e.Access.Problem.Visible()
}

// TextEntry is the entry's text and cursor, which the on-screen keyboard reads.
func (e *Entry) TextEntry() *widget.Entry { return &e.Entry }

// Frame is what the on-screen keyboard keeps in view while the entry has the
// focus: the entry with its label, hint and problem, or the entry alone.
func (e *Entry) Frame() fyne.CanvasObject { return e.Around }

// NewEntry is a field's entry; a password's is masked, and never spoken.
func NewEntry(password bool) *Entry {
	e := &Entry{Secret: password}
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
// nothing (CoverEntry).
func (e *Entry) MouseDown(m *desktop.MouseEvent) {
	e.press, e.swiped = m, false
}

// MouseUp ends the press: it focuses the entry now, unless the finger swiped the
// page, and the keyboard waits for the tap. The window's driver decides whether
// the focus stays after this, from where the field is, so the page must not move
// before it has.
func (e *Entry) MouseUp(m *desktop.MouseEvent) {
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
func (e *Entry) Tapped(ev *fyne.PointEvent) {
	e.Entry.Tapped(ev)
	e.touchEnded()
}

// touchEnded brings up the keyboard of the entry a touch has focused.
func (e *Entry) touchEnded() {
	if !e.pressing {
		return
	}
	e.pressing = false
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() == fyne.Focusable(e) && e.OnFocus != nil {
		e.OnFocus()
	}
}

// FocusLost runs the entry's own handling, then the field's check.
func (e *Entry) FocusLost() {
	e.pressing = false // a touch that ended off the entry, or the focus moved on
	e.Entry.FocusLost()
	e.Left()
}

// Left runs the field's check: the visitor has moved on from it, by the focus or
// by the on-screen keyboard's Next field or Hide. It reports whether the field
// has no problem.
func (e *Entry) Left() bool {
	return e.OnLeave == nil || e.OnLeave()
}

// FocusGained runs the entry's own handling, then brings up the keyboard it asks
// for, or leaves that to the release of the touch that focused it (MouseUp).
func (e *Entry) FocusGained() {
	e.CheckHeld = false
	e.Entry.FocusGained()
	if e.OnFocus != nil && !e.pressing {
		e.OnFocus()
	}
	if e.Keys != nil {
		e.Keys.Focused(e)
	}
}

// entryCover lies over a field's entry and takes the finger first. Fyne's entry
// hands any drag on its text to the text itself, to select it: a swipe that
// started on a field would not scroll the page, and would focus the field. The
// cover passes a press, its release and a tap on to the entry as the driver
// would have, and a drag to the entry's page (Entry.Dragged).
type entryCover struct {
	widget.BaseWidget
	entry *Entry
}

// CoverEntry is e with a cover over it.
func CoverEntry(e *Entry) fyne.CanvasObject {
	c := &entryCover{entry: e}
	c.ExtendBaseWidget(c)
	return container.NewStack(e, c)
}

func (c *entryCover) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

func (c *entryCover) MouseDown(m *desktop.MouseEvent) { c.entry.MouseDown(m) }
func (c *entryCover) MouseUp(m *desktop.MouseEvent)   { c.entry.MouseUp(m) }
func (c *entryCover) Tapped(ev *fyne.PointEvent)      { c.entry.Tapped(ev) }
func (c *entryCover) Dragged(ev *fyne.DragEvent)      { c.entry.Dragged(ev) }
func (c *entryCover) DragEnd()                        { c.entry.DragEnd() }

// onPage is the page the entry is on, nil for none.
func (e *Entry) onPage() *TouchScroll {
	if e.Page == nil {
		return nil
	}
	return e.Page()
}

// Dragged hands the finger to the page, which scrolls once it has gone further
// than a tap would.
func (e *Entry) Dragged(ev *fyne.DragEvent) {
	page := e.onPage()
	if page == nil {
		e.Entry.Dragged(ev)
		return
	}
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(e).Add(ev.Position).Subtract(d.AbsolutePositionForObject(page))
	page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: ev.AbsolutePosition}, Dragged: ev.Dragged})
	e.swiped = e.swiped || page.Swiping()
}

// DragEnd ends the page's drag. The driver sends no release to a field the
// finger swiped off onto something else: the press is dropped here too.
func (e *Entry) DragEnd() {
	page := e.onPage()
	if page == nil {
		e.Entry.DragEnd()
		return
	}
	page.DragEnd()
	if e.swiped {
		e.press = nil
	}
}

// MaxEntryRunes is what an entry keeps of a paste: one character over the
// longest text any field takes (256), so the field's check says the text was too
// long instead of it being cut silently (a cut password would be a password the
// visitor does not know).
const MaxEntryRunes = 257

// TypedShortcut keeps at most MaxEntryRunes of a paste in the entry; every other
// shortcut is the entry's own.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	paste, ok := s.(*fyne.ShortcutPaste)
	if !ok || paste.Clipboard == nil {
		e.Entry.TypedShortcut(s)
		return
	}
	e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cappedClipboard{paste.Clipboard}, Secondary: paste.Secondary})
	if utf8.RuneCountInString(e.Text) > MaxEntryRunes {
		e.SetText(firstRunes(e.Text, MaxEntryRunes)) // a paste into text already there
	}
}

// cappedClipboard hands an entry no more of the clipboard than an entry keeps.
type cappedClipboard struct{ fyne.Clipboard }

func (c cappedClipboard) Content() string { return firstRunes(c.Clipboard.Content(), MaxEntryRunes) }

// firstRunes is at most n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
