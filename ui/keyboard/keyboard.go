// Package keyboard is an on-screen keyboard for a Fyne app on a touchscreen that
// has no keyboard of its own: Fyne brings none on the desktop. It docks under the
// screen while a field has the focus, keeps that field in view above the keys, and
// types into it as a physical keyboard would.
//
// The app tells the keyboard which field has the focus (Fyne's canvas has no
// focus-changed callback) and lends it what it cannot know itself: the words on
// the keys in the visitor's language, the wrapping of a key's callback the app
// gives its own controls, and a clock (Host).
package keyboard

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Host is what the keyboard asks of the app around it.
type Host interface {
	// Label is the words on a key that does not type itself (Shift, Next field…),
	// in the visitor's language, for the message ID the key is known by.
	Label(id string) string
	// Guard wraps what a key does when pressed, as the app wraps its own
	// controls' callbacks: a key press is the visitor's activity too.
	Guard(pressed func()) func()
	// AfterFunc runs f on the UI thread once d has passed, unless stopped.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending Host.AfterFunc.
type Timer interface {
	Stop() bool
}

// Field is a text field the keyboard types into: a widget extending Fyne's Entry,
// which reports its focus to the keyboard (Focused, Blurred).
type Field interface {
	fyne.CanvasObject
	fyne.Focusable
	// TextEntry is the Entry the field extends: its text and its cursor.
	TextEntry() *widget.Entry
}

// Keyboard is the keyboard of one screen: the screen's content scrolls above it,
// so the keys never cover a field. A nil *Keyboard is a screen without one; its
// methods do nothing.
//
// The keys stay docked when their field loses the focus to a tap elsewhere: Fyne
// takes the focus away at the press of any button, and keys that went away then
// moved the page under the finger, so the tap's release landed on something else
// and was lost. The keys go with the Hide key, Next field after the last field, a
// new screen, or the focus of another field, which takes them over; a key pressed
// meanwhile types into their field and gives it the focus back.
type Keyboard struct {
	host   Host
	canvas fyne.Canvas
	root   *fyne.Container   // the screen: its top on top, the keys at the bottom
	dock   *fyne.Container   // where the keys go; hidden while they are put away
	scroll *container.Scroll // the screen's content, which shrinks above the keys
	settle Timer             // the second scroll into view, once the screen is laid out
	closed bool              // the screen is gone: its keys type nothing

	target  Field // the field the keys type into
	layout  Layout
	shift   bool // the next letter is a capital
	holding bool // a key is pressed: the focus it took away comes back on release
	// refocusing is set while a key gives its field the focus back: the keys and
	// the page stay as they are.
	refocusing bool

	keys map[string]*Key // by the text a key types, or its message ID
}

// New lays a screen out on canvas c with top above its scrolling content and the
// keyboard's dock under it (dockLayout), so the scroll area shrinks above the
// keys. The scroll container is shown as view: itself, or a widget that stands
// around it. Root is the screen to show.
func New(c fyne.Canvas, host Host, top, view fyne.CanvasObject, scroll *container.Scroll) *Keyboard {
	kb := &Keyboard{host: host, canvas: c, dock: container.NewVBox(), scroll: scroll}
	kb.dock.Hide()
	kb.root = container.New(dockLayout{top: top, view: view, dock: kb.dock, scroll: scroll}, top, view, kb.dock)
	return kb
}

// Root is the screen with its keyboard.
func (kb *Keyboard) Root() fyne.CanvasObject { return kb.root }

// Close retires the keyboard with its screen: a pending scroll is dropped, and a
// key that anything still holds types nothing.
func (kb *Keyboard) Close() {
	if kb == nil {
		return
	}
	kb.closed = true
	if kb.settle != nil {
		kb.settle.Stop()
	}
	kb.hide()
}

// Focused docks the keys of layout l for field f, which has just gained the focus,
// and scrolls f into view above them.
func (kb *Keyboard) Focused(f Field, l Layout) {
	if kb == nil {
		return
	}
	// The focus given back by a key or by what held it (Hold) leaves the keys and
	// the page as they are; a touch on the field after one elsewhere brings the
	// field into view again.
	givenBack := kb.refocusing || kb.holding
	kb.holding = false
	if kb.target == f && kb.layout == l && kb.dock.Visible() {
		if !givenBack {
			kb.bringIntoView(f)
		}
		return
	}
	if kb.target != f {
		// Keys add to the end of what is there, as on a phone, even when the text
		// came back from the app's state (a rebuilt entry has its cursor at the start).
		e := f.TextEntry()
		e.CursorRow, e.CursorColumn = 0, len([]rune(e.Text))
		kb.shift = false
	}
	kb.target, kb.layout = f, l
	kb.buildKeys()
	kb.dock.Show()
	kb.relayout()
	kb.bringIntoView(f)
}

// bringIntoView scrolls field f into view above the keys (scrollIntoView), now
// and once laid out.
func (kb *Keyboard) bringIntoView(f Field) {
	kb.scrollNowAndLaidOut(f, func() { kb.scrollIntoView(f) })
}

// KeepInView scrolls field f's frame back into view above the keys, as little as
// it can, now and once laid out: after a change that moved everything (a larger
// text size) the field being typed in stays in view, and the page does not jump
// when it already is.
func (kb *Keyboard) KeepInView(f Field) {
	if kb == nil || kb.target != f || !kb.dock.Visible() {
		return
	}
	kb.scrollNowAndLaidOut(f, func() {
		frame := frameOf(f)
		if !ScrollSpanIntoView(kb.scroll, frame, frame) {
			kb.scrollIntoView(f) // taller than the room: its foot, the entry and its problem
		}
	})
}

// Dismiss puts the keys away for a visitor who has moved on to something keys
// do not type in (a choice), and scrolls so that everything from first to last
// is in view, as far as it fits, now and once laid out: what the choice leads to
// (the next field, the primary action) is no longer left under keys that have
// gone. With the keys away already, the page stays where the visitor left it.
func (kb *Keyboard) Dismiss(first, last fyne.CanvasObject) {
	if kb == nil || !kb.dock.Visible() {
		return
	}
	kb.target = nil
	kb.hide()
	kb.scrollNowAndLaidOut(nil, func() { ScrollSpanIntoView(kb.scroll, first, last) })
}

// scrollNowAndLaidOut scrolls for field f now and again once the window driver
// has laid the screen out: it may do so only at its next frame, after a new
// screen, a problem shown under f or a new text size, and f is never to be left
// under the keys. The second scroll is dropped if f no longer has the keys (for
// f nil: if a field has them since).
func (kb *Keyboard) scrollNowAndLaidOut(f Field, scroll func()) {
	scroll()
	if kb.settle != nil {
		kb.settle.Stop()
	}
	kb.settle = kb.host.AfterFunc(settleDelay, func() {
		if !kb.closed && kb.target == f {
			scroll()
		}
	})
}

// settleDelay is a few frames: time for the window driver to lay the screen out.
const settleDelay = 100 * time.Millisecond

// Leaver is a Field that checks itself when the visitor leaves it. Next field and
// Hide leave the field while a key holds the focus (the field's own focus-lost
// check waits for the release then), so they tell it. Left reports whether the
// field is fine: Next field stays on one that is not, with its problem in view
// above the keys, rather than move on and leave the problem scrolled away.
type Leaver interface {
	Left() (fine bool)
}

// Hold tells the field's check to wait while a control outside the keyboard takes
// the focus for a while (the look's pop-up over the screen), as it waits for a
// key: the field's next focus lets go, with the keys and the page as they were.
func (kb *Keyboard) Hold() {
	if kb != nil && kb.dock.Visible() {
		kb.holding = true
	}
}

// Holding reports whether a key is pressed: the field that lost the focus to it
// is still the one being typed in.
func (kb *Keyboard) Holding() bool { return kb != nil && kb.holding }

// Target is the field the keys type into (nil before any field had the focus).
func (kb *Keyboard) Target() Field { return kb.target }

// Layout is the layout of the keys on show, or last shown.
func (kb *Keyboard) Layout() Layout { return kb.layout }

// Key is the key on show that types id, or whose words are message id; nil if
// there is none.
func (kb *Keyboard) Key(id string) *Key { return kb.keys[id] }

// Dock is the area at the bottom of the screen that holds the keys; it is hidden
// while they are put away.
func (kb *Keyboard) Dock() fyne.CanvasObject { return kb.dock }

// Scroll is the screen's scrolling content above the keys.
func (kb *Keyboard) Scroll() *container.Scroll { return kb.scroll }

func (kb *Keyboard) hide() {
	if !kb.dock.Visible() {
		return
	}
	kb.dock.Hide()
	kb.dock.RemoveAll()
	kb.keys = nil
	kb.relayout()
}

// relayout lays the screen out again around the dock, which has just come or
// gone. Not a Refresh of the whole screen: that refreshes every widget on it, and
// Fyne decodes the SVG of every icon again at each refresh.
func (kb *Keyboard) relayout() {
	kb.root.Layout.Layout(kb.root.Objects, kb.root.Size())
	canvas.Refresh(kb.root)
}

// Framed is a Field shown with words of its own around it: its label, a hint, its
// problem. The keyboard keeps the whole frame in view, not only the entry: a
// visitor typing needs the hint ("At least 8 characters") and sees the problem
// the moment it shows.
type Framed interface {
	Frame() fyne.CanvasObject
}

// frameOf is what of f must be in view while the visitor types in it.
func frameOf(f Field) fyne.CanvasObject {
	if framed, ok := f.(Framed); ok && framed.Frame() != nil {
		return framed.Frame()
	}
	return f
}

// scrollIntoView scrolls the screen so that field f's frame sits inside the
// visible area above the keys with, when there is room, the next field's entry
// under it: the visitor sees where Next field goes. When there is not, the frame
// goes to the top of the area, so as much as fits of what follows shows under it
// (the next field's label, the control after the last field). On a panel too
// short for the whole frame, its foot shows: the entry and its problem.
func (kb *Keyboard) scrollIntoView(f Field) {
	frame := frameOf(f)
	if next := FieldAfter(kb.root, f); next != nil && ScrollSpanIntoView(kb.scroll, frame, next) {
		return
	}
	view := kb.scroll.Size().Height
	if frame.Size().Height > view {
		// Its foot, then: the problem under the entry is what the visitor has to
		// act on, and the hint above mostly says it again.
		bottom := contentY(kb.scroll, frame) + frame.Size().Height
		if bottom-contentY(kb.scroll, f) > view {
			ScrollIntoView(kb.scroll, f)
			return
		}
		kb.scroll.ScrollToOffset(fyne.NewPos(0, max(bottom-view, 0)))
		return
	}
	margin := min(16, (view-frame.Size().Height)/2)
	kb.scroll.ScrollToOffset(fyne.NewPos(0, max(contentY(kb.scroll, frame)-margin, 0)))
}

// ScrollIntoView scrolls s so that o, somewhere in its content, sits inside the
// visible area with a margin; an o taller than the area shows its top.
func ScrollIntoView(s *container.Scroll, o fyne.CanvasObject) {
	if s == nil || s.Content == nil || ScrollSpanIntoView(s, o, o) {
		return
	}
	s.ScrollToOffset(fyne.NewPos(0, max(contentY(s, o), 0)))
}

// ScrollSpanIntoView scrolls s as little as it can so that everything from the top
// of first to the bottom of last is in view, with a margin while there is room for
// one. It reports false, and leaves s alone, when the span is taller than the view.
func ScrollSpanIntoView(s *container.Scroll, first, last fyne.CanvasObject) bool {
	if s == nil || s.Content == nil {
		return false
	}
	top, bottom := contentY(s, first), contentY(s, last)+last.Size().Height
	offset, view := s.Offset.Y, s.Size().Height
	if bottom-top > view {
		return false
	}
	// A margin where there is room for one: a frame flush against the keys reads
	// as cut off.
	margin := min(16, (view-(bottom-top))/2)
	switch {
	case top-margin < offset:
		offset = top - margin
	case bottom+margin > offset+view:
		offset = bottom + margin - view
	default:
		return true
	}
	s.ScrollToOffset(fyne.NewPos(0, max(offset, 0)))
	return true
}

// contentY is how far down s's content o is.
func contentY(s *container.Scroll, o fyne.CanvasObject) float32 {
	d := fyne.CurrentApp().Driver()
	return d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
}
