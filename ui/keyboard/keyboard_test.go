package keyboard

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestKeypadHyphenComesAndGoesWithTheEighthDigit(t *testing.T) {
	s := newScreen(t, Account)
	s.focus(0)
	e := s.fields[0]
	steps := []struct{ key, want string }{
		{"1", "1"}, {"0", "10"}, {"2", "102"}, {"3", "1023"}, {"4", "10234"}, {"5", "102345"}, {"6", "1023456"},
		{"7", "10234567-"}, {"keyboard.backspace", "10234567"}, {"1", "10234567-1"},
	}
	for _, step := range steps {
		s.tapKey(t, step.key)
		if e.Text != step.want {
			t.Fatalf("after %q: %q, want %q", step.key, e.Text, step.want)
		}
	}
}

func TestShiftCapitalizesTheNextLetterOnly(t *testing.T) {
	s := newScreen(t, Full)
	s.focus(0)
	s.tapKey(t, "keyboard.shift")
	if got := s.kb.Key("a").Text; got != "A" {
		t.Errorf("with Shift on the a key shows %q", got)
	}
	for _, key := range []string{"ñ", "a", "keyboard.space", "b"} {
		s.tapKey(t, key)
	}
	if got := s.fields[0].Text; got != "Ña b" {
		t.Errorf("typed %q", got)
	}
	if got := s.kb.Key("a").Text; got != "a" {
		t.Errorf("after a capital the a key shows %q", got)
	}
}

func TestADomainKeyBringsItsAtSignOnce(t *testing.T) {
	s := newScreen(t, Email, Email)
	s.focus(0)
	for _, key := range []string{"a", "n", "a", "gmail.com"} {
		s.tapKey(t, key)
	}
	s.tapKey(t, "keyboard.next")
	for _, key := range []string{"a", "@", "yahoo.com"} {
		s.tapKey(t, key)
	}
	if s.fields[0].Text != "ana@gmail.com" || s.fields[1].Text != "a@yahoo.com" {
		t.Errorf("typed %q and %q", s.fields[0].Text, s.fields[1].Text)
	}
}

func TestNextFieldSkipsWhatCannotBeTypedInThenPutsTheKeysAway(t *testing.T) {
	s := newScreen(t, Digits, Full, Email, Amount)
	s.fields[1].Hide()
	s.fields[2].Disable()
	s.focus(0)
	s.tapKey(t, "keyboard.next")
	if s.win.Canvas().Focused() != s.fields[3] || s.kb.Target() != s.fields[3] || s.kb.Layout() != Amount {
		t.Fatalf("Next field went to %v, the keys for layout %d", s.win.Canvas().Focused(), s.kb.Layout())
	}
	if s.kb.Key(".") == nil || s.kb.Key("a") != nil {
		t.Error("the amount keypad has the wrong keys")
	}
	s.tapKey(t, "keyboard.next")
	if s.kb.Dock().Visible() || s.kb.Target() != nil || s.win.Canvas().Focused() != nil {
		t.Error("Next field on the last field left the keys up or a field focused")
	}
	// The key's press took the focus, so each field's own check waited: the
	// keyboard tells the fields it left.
	if s.fields[0].left != 1 || s.fields[3].left != 1 {
		t.Errorf("fields told they were left %d and %d times, want once each", s.fields[0].left, s.fields[3].left)
	}
}

func TestNextFieldStaysOnAFieldWithAProblem(t *testing.T) {
	s := newScreen(t, Full, Full)
	s.focus(0)
	s.tapKeys(t, "bad")
	s.tapKey(t, "keyboard.next")
	if s.win.Canvas().Focused() != s.fields[0] || s.kb.Target() != s.fields[0] || !s.kb.Dock().Visible() {
		t.Fatal("Next field moved on from a field with a problem")
	}
	s.tapKey(t, "keyboard.backspace")
	s.tapKey(t, "keyboard.next")
	if s.win.Canvas().Focused() != s.fields[1] {
		t.Error("Next field stayed on a field without a problem")
	}
}

func TestHideTellsTheFieldItWasLeft(t *testing.T) {
	s := newScreen(t, Full)
	s.focus(0)
	s.tapKey(t, "a")
	if s.fields[0].left != 0 {
		t.Fatal("a letter key told the field it was left")
	}
	s.tapKey(t, "keyboard.hide")
	if s.fields[0].left != 1 || s.kb.Dock().Visible() {
		t.Errorf("after Hide: field told %d times, keys up %v", s.fields[0].left, s.kb.Dock().Visible())
	}
}

func TestKeysStayUpForTheirFieldUntilPutAway(t *testing.T) {
	s := newScreen(t, Full)
	if s.kb.Dock().Visible() {
		t.Fatal("keys on show with no field focused")
	}
	s.focus(0)
	for _, key := range []string{"h", "i"} {
		s.tapKey(t, key)
		if !s.kb.Dock().Visible() || s.win.Canvas().Focused() != s.fields[0] {
			t.Fatalf("after %q the keys or the focus went away", key)
		}
	}
	if s.host.presses != 2 {
		t.Errorf("%d key presses went through the host's guard, want 2", s.host.presses)
	}
	// A tap elsewhere takes the focus: the keys stay, under the finger's release,
	// and the next key types into their field and focuses it again.
	s.win.Canvas().Unfocus()
	if !s.kb.Dock().Visible() || s.kb.Target() != s.fields[0] {
		t.Fatal("the keys went away with the focus")
	}
	s.tapKey(t, "j")
	if s.fields[0].Text != "hij" || s.win.Canvas().Focused() != s.fields[0] {
		t.Errorf("after a tap elsewhere a key typed into %q, focus on the field %v", s.fields[0].Text, s.win.Canvas().Focused() == s.fields[0])
	}
}

// TestTheFocusedFieldIsScrolledAboveTheKeys, at once and again once the window
// driver has laid the screen out.
func TestTheFocusedFieldIsScrolledAboveTheKeys(t *testing.T) {
	s := newScreen(t, slices.Repeat([]Layout{Digits}, 30)...)
	last := s.fields[len(s.fields)-1]
	s.win.Canvas().Focus(last)
	assertInView(t, s, last)
	s.kb.Scroll().ScrollToTop() // as a late layout would leave it
	s.host.timers[len(s.host.timers)-1].f()
	assertInView(t, s, last)
}

func assertInView(t *testing.T, s *screen, f *testField) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(f).Y
	bottom := top + f.Size().Height
	areaTop := d.AbsolutePositionForObject(s.kb.Scroll()).Y
	dockTop := d.AbsolutePositionForObject(s.kb.Dock()).Y
	if top < areaTop || bottom > dockTop {
		t.Errorf("field at %v–%v; visible area %v–%v", top, bottom, areaTop, dockTop)
	}
}

func TestAClosedKeyboardTypesNothingAndScrollsNoMore(t *testing.T) {
	s := newScreen(t, Digits)
	s.focus(0)
	key := s.kb.Key("1")
	s.kb.Close()
	if timer := s.host.timers[len(s.host.timers)-1]; !timer.stopped {
		t.Error("the scroll once the screen is laid out is still pending")
	}
	test.Tap(key)
	if s.fields[0].Text != "" {
		t.Errorf("a key of a closed keyboard typed %q", s.fields[0].Text)
	}
	var none *Keyboard // a screen without keys
	none.Focused(s.fields[0], Full)
	none.Close()
	if none.Holding() {
		t.Error("no keyboard holds a key")
	}
}

func TestWalkGoesInReadingOrderThroughWhatScreensAreBuiltFrom(t *testing.T) {
	test.NewTempApp(t)
	label := func(s string) *widget.Label { return widget.NewLabel(s) }
	popUp := widget.NewPopUp(label("6"), test.NewTempWindow(t, nil).Canvas())
	tree := container.NewVBox(label("1"),
		container.NewVScroll(container.NewHBox(label("2"), widget.NewCard("", "", label("3")))),
		container.NewThemeOverride(label("4"), test.Theme()),
		widget.NewButton("5", nil), popUp)
	var seen []string
	Walk(tree, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Label:
			seen = append(seen, w.Text)
		case *widget.Button:
			seen = append(seen, w.Text)
		}
		return true
	})
	if want := []string{"1", "2", "3", "4", "5", "6"}; !slices.Equal(seen, want) {
		t.Errorf("walked %v, want %v", seen, want)
	}
}
