package speechmode

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/speech/words"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// The keys of speech mode, after the EZ Access pattern of tactile keypads (a
// deployment maps its keypad's keys onto these; docs/accessibility.md):
//
//	Help (F1)             start speech mode; then: help for the screen
//	Down, Right, Tab      the next item            Up, Left, Shift+Tab  the item before
//	Enter, Space          press, tick or type into the item
//	Back (Backspace, Esc) the screen before; over a pop-up, closes it
//	In a field: Left and Right move the text cursor and say the character passed,
//	Backspace and Delete say the character deleted.
//	F2 repeat   F3 pause/resume   F4/F5 volume down/up   F6/F7 slower/faster
//
// Any key first stops what is being said.
const (
	KeyHelp   = fyne.KeyF1
	keyRepeat = fyne.KeyF2
	keyPause  = fyne.KeyF3
	keyQuiet  = fyne.KeyF4
	keyLoud   = fyne.KeyF5
	keySlow   = fyne.KeyF6
	keyFast   = fyne.KeyF7
)

// Steps of the speech controls on speech-dispatcher's -100..100 scale: ten steps of
// rate, and volume from -80 to 100 in steps of 20, a range EN 301 549 asks to span
// at least 18 dB (docs/accessibility.md says what the audio check measured).
const (
	rateStep   = 20
	volumeStep = 20
	minVolume  = -80
)

// key handles a key in speech mode; it reports whether it took it. Keys typed into
// a field reach it first through the field (inField).
func (m *Mode) key(ev *fyne.KeyEvent, inField bool) bool {
	if m.speaker != nil && ev.Name != keyPause {
		m.speaker.Stop() // any key interrupts
		m.paused = false
	}
	if ev.Name == KeyHelp && m.popupUp() {
		// Help over a pop-up explains it, and is not the key that answers an
		// idle warning: the visitor hears what it asks before answering.
		m.items = m.screenItems()
		m.say(append(m.popupWords(), spoken{text: m.host.T("speech.help_popup", map[string]any{"Count": len(m.items)})})...)
		return true
	}
	said := m.said
	m.host.NoteActivity()
	if m.said != said {
		// The key answered the idle warning ("You have more time"): that is all
		// it does, and the visitor hears where they are again.
		m.sayWhere(m.last...)
		return true
	}
	switch ev.Name {
	case fyne.KeyDown:
		m.move(1)
	case fyne.KeyUp:
		m.move(-1)
	case fyne.KeyRight, fyne.KeyLeft:
		if inField {
			return false // the text cursor moves, and says what it passed (editSaid)
		}
		m.move(step(ev.Name == fyne.KeyRight, 1))
	case fyne.KeyTab:
		if m.shift {
			m.move(-1)
		} else {
			m.move(1)
		}
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if inField {
			return false // the field's own Enter: on to the next field
		}
		m.activate()
	case fyne.KeyBackspace, fyne.KeyEscape:
		if inField && ev.Name == fyne.KeyBackspace {
			return false
		}
		if m.host.DismissPopup() {
			m.sayWhere()
			break
		}
		if m.page().First() {
			// Nothing before it: Back there would be a silent Start over that ends
			// speech mode, leaving the visitor to find F1 again.
			m.SayText(m.host.T("speech.first_screen"))
			break
		}
		m.host.Back()
	case KeyHelp:
		m.help()
	case keyRepeat:
		m.say(m.last...)
	case keyPause:
		m.togglePause()
	case keyQuiet, keyLoud:
		m.volume = clampSpeech(m.volume+step(ev.Name == keyLoud, volumeStep), minVolume)
		if m.speaker != nil {
			m.speaker.SetVolume(m.volume)
		}
		m.SayText(m.host.T("speech.volume", map[string]any{"Level": m.volume}))
	case keySlow, keyFast:
		m.rate = clampSpeech(m.rate+step(ev.Name == keyFast, rateStep), -100)
		if m.speaker != nil {
			m.speaker.SetRate(m.rate)
		}
		m.SayText(m.host.T("speech.rate", map[string]any{"Level": m.rate}))
	default:
		return false
	}
	return true
}

func step(up bool, size int) int {
	if up {
		return size
	}
	return -size
}

func clampSpeech(v, lowest int) int { return min(max(v, lowest), 100) }

func (m *Mode) togglePause() {
	if m.speaker == nil {
		return
	}
	if m.paused {
		m.speaker.Resume()
	} else {
		m.speaker.Pause()
	}
	m.paused = !m.paused
}

// help says where the visitor is: the screen's title (never the demo's banner
// above it), the item under the cursor, then how many items there are and what
// the keys do.
func (m *Mode) help() {
	m.backFromOverlay()
	m.items = m.screenItems()
	var texts []spoken
	if m.page().Title() != "" {
		texts = append(texts, spoken{text: m.page().Title()})
	}
	if m.cursor >= 0 && m.cursor < len(m.items) {
		texts = append(texts, m.utterance(m.items[m.cursor])...)
	}
	texts = append(texts, spoken{text: m.host.T("speech.help", map[string]any{"Count": len(m.items)})})
	m.say(append(texts, m.chromeWords()...)...)
}

// showRing draws the ring round o and scrolls o into view.
func (m *Mode) showRing(o fyne.CanvasObject) {
	if m.ring == nil || m.ringArea == nil {
		return
	}
	if m.inOverlay {
		// The ring lives on the screen's layer, under a pop-up's shade: drawn
		// there it would point at the screen, not the pop-up's button, which
		// shows the focus of its own.
		m.ring.Hide()
		m.ringArea.Refresh()
		return
	}
	keyboard.ScrollIntoView(m.scroll, o)
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(m.ringArea))
	const pad = 4
	m.ring.Move(pos.SubtractXY(pad, pad))
	m.ring.Resize(o.Size().AddWidthHeight(2*pad, 2*pad))
	m.ring.Show()
	m.ringArea.Refresh() // the ring's own Refresh is not always repainted by the GL driver; its layer's is
}

// entry keys: speech mode sees the keys typed in a field (kwidget.EntryKeys).
type accessEntryKeys struct{ m *Mode }

func (a accessEntryKeys) Key(e *kwidget.Entry, ev *fyne.KeyEvent) bool {
	a.m.editFrom = textAt{text: []rune(e.Text), column: e.CursorColumn}
	return a.m.Handle(ev, true)
}

// textAt is a field's text and its cursor before a key edits or moves it.
type textAt struct {
	text   []rune
	column int
}

// keyDone speaks a field's problem at once when Enter found one (the field is
// checked as Enter leaves it): first the problem, then, if Enter moved on, the
// field it moved to, which was just announced.
func (a accessEntryKeys) KeyDone(e *kwidget.Entry, ev *fyne.KeyEvent) {
	m := a.m
	if !m.on {
		return
	}
	if said := m.editSaid(e, ev.Name); said != "" {
		m.SayText(said)
		return
	}
	if (ev.Name != fyne.KeyReturn && ev.Name != fyne.KeyEnter) || !e.HasProblem() {
		return
	}
	texts := []spoken{{text: e.Access.Problem.Text}}
	if m.canvas.Focused() != fyne.Focusable(e) {
		texts = append(texts, m.last...)
	}
	m.say(texts...)
}

// typed echoes a character typed into a field: itself with headphones, a neutral
// word for a masked field or when the speech could be overheard.
func (a accessEntryKeys) Typed(e *kwidget.Entry, r rune) {
	m := a.m
	if !m.on {
		return
	}
	if e.Password || e.Secret || !m.sayValues {
		m.SayText(words.Masked(m.host.Language()))
		return
	}
	m.SayText(m.SpokenChar(r))
}

// editSaid is what a key that edited or moved in field e says, by ear: the
// character it deleted or passed, or that the text ends there; "" for any other
// key. A masked field, or a loudspeaker, says a neutral word for the character.
func (m *Mode) editSaid(e *kwidget.Entry, key fyne.KeyName) string {
	from, col := m.editFrom, e.CursorColumn
	char := func(i int) string {
		if e.Password || e.Secret || !m.sayValues {
			return words.Masked(m.host.Language())
		}
		return m.SpokenChar(from.text[i])
	}
	deleted := func(i int) string { return m.host.T("speech.deleted", map[string]any{"Char": char(i)}) }
	switch {
	case key == fyne.KeyBackspace && len([]rune(e.Text)) < len(from.text) && from.column > 0:
		return deleted(from.column - 1)
	case key == fyne.KeyDelete && len([]rune(e.Text)) < len(from.text) && from.column < len(from.text):
		return deleted(from.column)
	case key == fyne.KeyLeft && col < from.column:
		return char(col)
	case key == fyne.KeyRight && col > from.column:
		return char(col - 1)
	case key == fyne.KeyBackspace || key == fyne.KeyLeft:
		return m.host.T("speech.text_start")
	case key == fyne.KeyDelete || key == fyne.KeyRight:
		return m.host.T("speech.text_end")
	}
	return ""
}

func (a accessEntryKeys) TakesTab() bool { return a.m.on }

func (a accessEntryKeys) Focused(e *kwidget.Entry) { a.m.followFocus(e) }

// KeyCatcher holds the focus in speech mode while no field has it, so every key
// reaches speech mode: Fyne gives keys to the focused widget, and to the canvas
// only when nothing has the focus, which a Tab would change.
type KeyCatcher struct {
	widget.BaseWidget
	m *Mode
}

func newKeyCatcher(m *Mode) *KeyCatcher {
	c := &KeyCatcher{m: m}
	c.ExtendBaseWidget(c)
	return c
}

func (c *KeyCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

func (c *KeyCatcher) FocusGained()               {}
func (c *KeyCatcher) FocusLost()                 {}
func (c *KeyCatcher) TypedRune(rune)             { c.m.host.NoteActivity() }
func (c *KeyCatcher) TypedKey(ev *fyne.KeyEvent) { c.m.key(ev, false) }
func (c *KeyCatcher) AcceptsTab() bool           { return true }
func (c *KeyCatcher) KeyDown(ev *fyne.KeyEvent)  { c.m.noteShift(ev, true) }
func (c *KeyCatcher) KeyUp(ev *fyne.KeyEvent)    { c.m.noteShift(ev, false) }

// accessControlKeys are the keys typed on a focused button or tick box
// (kwidget.Keys): a Tab with speech off, or a staff member's tap on a tick box,
// leaves the focus there, and Help must still start speech mode, and the speech
// keys still work, from wherever the focus is.
type accessControlKeys struct{ m *Mode }

func (a accessControlKeys) TypedKey(ev *fyne.KeyEvent) bool {
	if a.m.Handle(ev, false) {
		return true // speech mode notes the activity itself
	}
	a.m.host.NoteActivity()
	return false
}

func (a accessControlKeys) Active() bool              { return a.m.on }
func (a accessControlKeys) KeyDown(ev *fyne.KeyEvent) { a.m.noteShift(ev, true) }
func (a accessControlKeys) KeyUp(ev *fyne.KeyEvent)   { a.m.noteShift(ev, false) }

// noteShift follows Shift, which turns Tab into the item before.
func (m *Mode) noteShift(ev *fyne.KeyEvent, down bool) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		m.shift = down
	}
}

// charWords name the typed characters a voice would say as silence or not at all.
var charWords = map[rune]string{' ': "speech.char.space", '@': "speech.char.at", '.': "speech.char.dot",
	'-': "speech.char.dash", '_': "speech.char.underscore"}

// SpokenChar is a typed character as speech says it.
func (m *Mode) SpokenChar(r rune) string {
	if id, ok := charWords[r]; ok {
		return m.host.T(id)
	}
	return string(r)
}
