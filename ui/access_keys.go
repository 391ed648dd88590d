package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/speech/words"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
)

// The keys of speech mode, after the EZ Access pattern of tactile keypads (a
// deployment maps its keypad's keys onto these; docs/accessibility.md):
//
//	Help (F1)             start speech mode; then: help for the screen
//	Down, Right, Tab      the next item            Up, Left, Shift+Tab  the item before
//	Enter, Space          press, tick or type into the item
//	Back (Backspace, Esc) the screen before (Backspace in a field deletes)
//	F2 repeat   F3 pause/resume   F4/F5 volume down/up   F6/F7 slower/faster
//
// Any key first stops what is being said.
const (
	keyHelp   = fyne.KeyF1
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
func (m *accessMode) key(ev *fyne.KeyEvent, inField bool) bool {
	m.host.noteActivity()
	if m.speaker != nil && ev.Name != keyPause {
		m.speaker.Stop() // any key interrupts
		m.paused = false
	}
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyRight:
		m.move(1)
	case fyne.KeyUp, fyne.KeyLeft:
		m.move(-1)
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
		if m.page != nil && m.page.id == screenWelcome {
			// Nothing before it: Back there would be a silent Start over that ends
			// speech mode, leaving the visitor to find F1 again.
			m.sayText(m.host.T("speech.first_screen"))
			break
		}
		m.host.back()
	case keyHelp:
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
		m.sayText(m.host.T("speech.volume", map[string]any{"Level": m.volume}))
	case keySlow, keyFast:
		m.rate = clampSpeech(m.rate+step(ev.Name == keyFast, rateStep), -100)
		if m.speaker != nil {
			m.speaker.SetRate(m.rate)
		}
		m.sayText(m.host.T("speech.rate", map[string]any{"Level": m.rate}))
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

func (m *accessMode) togglePause() {
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
func (m *accessMode) help() {
	m.backFromOverlay()
	m.items = m.screenItems()
	var texts []spoken
	if m.page != nil && m.page.title != "" {
		texts = append(texts, spoken{text: m.page.title})
	}
	if m.cursor >= 0 && m.cursor < len(m.items) {
		texts = append(texts, m.utterance(m.items[m.cursor])...)
	}
	texts = append(texts, spoken{text: m.host.T("speech.help", map[string]any{"Count": len(m.items)})})
	m.say(texts...)
}

// showRing draws the ring round o and scrolls o into view.
func (m *accessMode) showRing(o fyne.CanvasObject) {
	if m.ring == nil || m.ringArea == nil {
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

// entry keys: speech mode sees the keys typed in a field (kioskEntry.keys).
type accessEntryKeys struct{ m *accessMode }

func (a accessEntryKeys) key(_ *kioskEntry, ev *fyne.KeyEvent) bool { return a.m.handle(ev, true) }

// keyDone speaks a field's problem at once when Enter found one (the field is
// checked as Enter leaves it): first the problem, then, if Enter moved on, the
// field it moved to, which was just announced.
func (a accessEntryKeys) keyDone(e *kioskEntry, ev *fyne.KeyEvent) {
	m := a.m
	if !m.on || (ev.Name != fyne.KeyReturn && ev.Name != fyne.KeyEnter) || !e.hasProblem() {
		return
	}
	texts := []spoken{{text: e.access.problem.Text}}
	if m.canvas.Focused() != fyne.Focusable(e) {
		texts = append(texts, m.last...)
	}
	m.say(texts...)
}

// typed echoes a character typed into a field: itself with headphones, a neutral
// word for a masked field or when the speech could be overheard.
func (a accessEntryKeys) typed(e *kioskEntry, r rune) {
	m := a.m
	if !m.on {
		return
	}
	if e.Password || e.secret || !m.sayValues {
		m.sayText(words.Masked(m.host.Language()))
		return
	}
	m.sayText(m.spokenChar(r))
}

func (a accessEntryKeys) takesTab() bool { return a.m.on }

func (a accessEntryKeys) focused(e *kioskEntry) { a.m.followFocus(e) }

// keyCatcher holds the focus in speech mode while no field has it, so every key
// reaches speech mode: Fyne gives keys to the focused widget, and to the canvas
// only when nothing has the focus, which a Tab would change.
type keyCatcher struct {
	widget.BaseWidget
	m *accessMode
}

func newKeyCatcher(m *accessMode) *keyCatcher {
	c := &keyCatcher{m: m}
	c.ExtendBaseWidget(c)
	return c
}

func (c *keyCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

func (c *keyCatcher) FocusGained()               {}
func (c *keyCatcher) FocusLost()                 {}
func (c *keyCatcher) TypedRune(rune)             { c.m.host.noteActivity() }
func (c *keyCatcher) TypedKey(ev *fyne.KeyEvent) { c.m.key(ev, false) }
func (c *keyCatcher) AcceptsTab() bool           { return true }
func (c *keyCatcher) KeyDown(ev *fyne.KeyEvent)  { c.shift(ev, true) }
func (c *keyCatcher) KeyUp(ev *fyne.KeyEvent)    { c.shift(ev, false) }
func (c *keyCatcher) shift(ev *fyne.KeyEvent, down bool) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		c.m.shift = down
	}
}

// charWords name the typed characters a voice would say as silence or not at all.
var charWords = map[rune]string{' ': "speech.char.space", '@': "speech.char.at", '.': "speech.char.dot",
	'-': "speech.char.dash", '_': "speech.char.underscore"}

// spokenChar is a typed character as speech says it.
func (m *accessMode) spokenChar(r rune) string {
	if id, ok := charWords[r]; ok {
		return m.host.T(id)
	}
	return string(r)
}
