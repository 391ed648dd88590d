package keyboard

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// testHost labels a key with its message ID in brackets, counts the key presses
// that go through its guard and holds timers until the test fires them.
type testHost struct {
	presses int
	timers  []*testTimer
}

type testTimer struct {
	f       func()
	stopped bool
}

func (t *testTimer) Stop() bool {
	was := !t.stopped
	t.stopped = true
	return was
}

func (h *testHost) Label(id string) string { return "[" + id + "]" }

func (h *testHost) Guard(pressed func()) func() {
	return func() {
		h.presses++
		pressed()
	}
}

func (h *testHost) AfterFunc(_ time.Duration, f func()) Timer {
	t := &testTimer{f: f}
	h.timers = append(h.timers, t)
	return t
}

// testField is a field that reports its focus to the keyboard, as an app's does.
type testField struct {
	widget.Entry
	kb     **Keyboard
	layout Layout
	left   int
}

func (f *testField) TextEntry() *widget.Entry { return &f.Entry }

func (f *testField) FocusGained() {
	f.Entry.FocusGained()
	(*f.kb).Focused(f, f.layout)
}

// Left counts the times the keyboard told the field the visitor moved on; a
// field whose text is "bad" has a problem.
func (f *testField) Left() bool {
	f.left++
	return f.Text != "bad"
}

// screen is a window with fields of the given layouts over a keyboard.
type screen struct {
	win    fyne.Window
	host   *testHost
	kb     *Keyboard
	fields []*testField
}

func newScreen(t *testing.T, layouts ...Layout) *screen {
	t.Helper()
	test.NewTempApp(t)
	s := &screen{win: test.NewTempWindow(t, nil), host: &testHost{}}
	form := container.NewVBox()
	for _, l := range layouts {
		f := &testField{kb: &s.kb, layout: l}
		f.ExtendBaseWidget(f)
		s.fields = append(s.fields, f)
		form.Add(f)
	}
	scroll := container.NewVScroll(form)
	s.kb = New(s.win.Canvas(), s.host, widget.NewLabel("top"), scroll, scroll)
	s.win.SetContent(s.kb.Root())
	s.win.Resize(fyne.NewSize(1280, 800))
	return s
}

// tapKeys taps the keys of text, one by one.
func (s *screen) tapKeys(t *testing.T, text string) {
	t.Helper()
	for _, r := range text {
		s.tapKey(t, string(r))
	}
}

// focus gives field i the focus, as a touch on it does.
func (s *screen) focus(i int) { s.win.Canvas().Focus(s.fields[i]) }

// tapKey taps the key that types id (or whose words are message id) as the
// window's driver delivers a touch: the press, which takes the focus away from the
// field, then the release and the tap.
func (s *screen) tapKey(t *testing.T, id string) {
	t.Helper()
	key := s.kb.Key(id)
	if key == nil || !s.kb.Dock().Visible() {
		t.Fatalf("no key %q on show (layout %d)", id, s.kb.Layout())
	}
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	key.MouseDown(ev)
	s.win.Canvas().Unfocus()
	key.MouseUp(ev)
	test.Tap(key)
}
