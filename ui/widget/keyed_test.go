package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// recordingKeys takes the keys in take and records every key it is offered.
type recordingKeys struct {
	active bool
	take   map[fyne.KeyName]bool
	seen   []fyne.KeyName
}

func (r *recordingKeys) TypedKey(ev *fyne.KeyEvent) bool {
	r.seen = append(r.seen, ev.Name)
	return r.take[ev.Name]
}
func (r *recordingKeys) Active() bool              { return r.active }
func (r *recordingKeys) KeyDown(ev *fyne.KeyEvent) { r.seen = append(r.seen, "down "+ev.Name) }
func (r *recordingKeys) KeyUp(*fyne.KeyEvent)      {}

// A focused button offers every key to its Keys first; a key Keys leaves is the
// button's own (Space presses it). Tab is Keys' only while it is active.
func TestAButtonOffersItsKeysFirst(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	b := NewButton("Go", func() { taps++ })
	keys := &recordingKeys{take: map[fyne.KeyName]bool{fyne.KeyF1: true}}
	b.Keys = keys
	w := test.NewTempWindow(t, b)
	w.Canvas().Focus(b)
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if len(keys.seen) != 2 || taps != 1 {
		t.Errorf("keys seen %q, taps %d; want F1 and Space seen, one tap (Space only)", keys.seen, taps)
	}
	if b.AcceptsTab() {
		t.Error("an inactive Keys took Tab from Fyne's focus")
	}
	keys.active = true
	if !b.AcceptsTab() {
		t.Error("an active Keys did not take Tab")
	}
	b.Keys = nil
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if taps != 2 {
		t.Error("a button without Keys is not Fyne's button")
	}
}

// A tick box's Space character ticks it, unless Keys is active: it had the Space
// key itself, and one press must not tick twice.
func TestATickBoxLeavesTheSpaceToActiveKeys(t *testing.T) {
	test.NewTempApp(t)
	c := NewCheck("Accept", nil)
	keys := &recordingKeys{}
	c.Keys = keys
	c.TypedRune(' ')
	if !c.Checked {
		t.Fatal("Space did not tick the box with Keys inactive")
	}
	keys.active = true
	c.TypedRune(' ')
	if !c.Checked {
		t.Error("Space's character ticked the box again while Keys was active")
	}
	c.KeyDown(&fyne.KeyEvent{Name: fyne.KeyTab})
	if len(keys.seen) != 1 || keys.seen[0] != "down "+fyne.KeyTab {
		t.Errorf("Keys saw %q, want the key held", keys.seen)
	}
}

// A focused button shows an outline round it, in the text's colour; it goes with
// the focus, and a disabled button shows none.
func TestAFocusedButtonShowsAnOutline(t *testing.T) {
	test.NewTempApp(t)
	b := NewButton("Go", nil)
	w := test.NewTempWindow(t, b)
	outline := func() *canvas.Rectangle {
		objects := test.WidgetRenderer(b).Objects()
		return objects[len(objects)-1].(*canvas.Rectangle)
	}
	if outline().Visible() {
		t.Fatal("an unfocused button shows the focus outline")
	}
	w.Canvas().Focus(b)
	if o := outline(); !o.Visible() || o.StrokeColor != theme.Color(theme.ColorNameForeground) || o.StrokeWidth == 0 {
		t.Errorf("a focused button's outline: visible %v, colour %v, width %v", o.Visible(), o.StrokeColor, o.StrokeWidth)
	}
	if o := outline(); o.Position().X >= 0 || o.Size().Width <= b.Size().Width {
		t.Errorf("the outline at %v, %v does not stand outside the button's %v", o.Position(), o.Size(), b.Size())
	}
	w.Canvas().Unfocus()
	if outline().Visible() {
		t.Error("the outline stayed after the focus left")
	}
}

// A tap target runs its action on a tap, and walks reach its content.
func TestATapTargetAnswersTapsAndWrapsItsContent(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	content := canvas.NewRectangle(nil)
	target := NewTapTarget(content, func() { taps++ })
	test.Tap(target)
	if taps != 1 || target.Wrapped() != content {
		t.Errorf("taps %d, wrapped %v", taps, target.Wrapped())
	}
}
