package speechmode

import (
	"image/color"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Mode is speech output and keypad navigation for a visitor who cannot see
// the screen: off until the visitor presses Help (F1), off again at every reset.
// Its cursor moves over every item of the screen, text included, in reading order;
// a ring drawn round the item shows a sighted helper where speech is.
type Mode struct {
	host      Host
	canvas    fyne.Canvas
	speaker   Speaker         // nil: no speech engine; the mode still moves its cursor
	sayValues bool            // headphones, plugged in: what was typed may be read back (AudioPrivate)
	offered   bool            // Help may start speech mode (the config's speech = on)
	onStart   func()          // tells the rest of the kiosk speech mode started (the visit limits)
	private   func() []string // the visitor's data on show: never said aloud on a loudspeaker
	log       *slog.Logger

	on        bool
	intro     bool            // the next arrival first says how speech mode works
	screen    string          // the screen spoken last: showing it again is a rebuild
	heardAll  map[string]bool // what the screen said when last spoken, to tell what changed
	waiting   bool            // the screen arrived built for a portal call: its answer is its arrival
	heardOnce map[string]bool // what is said only the first time in a visit, once said
	builds    int             // screens spoken so far: a tap that rebuilt its screen was spoken there
	items     []accessItem
	cursor    int           // index in items; -1 before the first move on a screen
	saved     int           // the cursor on the screen under a pop-up
	inOverlay bool          // the cursor is on a pop-up's items
	popup     *widget.PopUp // the pop-up shown last: while it is up, speech reads it
	last      []spoken
	editFrom  textAt // the field's text before the key being handled (editSaid)
	said      int    // utterances so far: tells whether a call spoke
	paused    bool
	shift     bool // Shift is down: Tab moves back
	rate      int
	volume    int
	catcher   *KeyCatcher
	ring      *canvas.Rectangle
	ringArea  *fyne.Container   // over the screen, without layout: the ring's place
	scroll    *container.Scroll // the screen's content, scrolled to the item under the ring
}

func New(host Host, c fyne.Canvas, speaker Speaker, o Options) *Mode {
	m := &Mode{host: host, canvas: c, speaker: speaker, sayValues: o.SayValues, offered: o.Offered,
		onStart: o.OnStart, private: o.Private, log: o.Log, cursor: -1, heardOnce: map[string]bool{}}
	if m.log == nil {
		m.log = slog.Default()
	}
	m.catcher = newKeyCatcher(m)
	return m
}

// page is the screen on show.
func (m *Mode) page() Screen { return m.host.Screen() }

// Decorate lays the screen out for speech mode: the ring over it and the key
// catcher that holds the focus while no field does. Off, the screen is as built.
func (m *Mode) Decorate(screen fyne.CanvasObject, scroll *container.Scroll) fyne.CanvasObject {
	m.scroll = scroll
	if !m.on {
		return screen
	}
	m.ring = canvas.NewRectangle(color.Transparent)
	m.ring.StrokeColor = theme.Color(theme.ColorNamePrimary) // the focus colour is a tint, too faint for a ring
	m.ring.StrokeWidth = 4
	m.ring.CornerRadius = 6
	m.ring.Hide()
	m.ringArea = container.NewWithoutLayout(m.ring, m.catcher)
	return container.NewStack(screen, m.ringArea)
}

// Arrived is called once screen id is in the window. Arriving on it, its title
// and content are spoken in reading order and the cursor starts before its first
// item (or on the field that has the focus). Built again in place (a choice, a
// portal's answer, a language switch), only what changed is spoken, and the
// cursor stays where it was.
func (m *Mode) Arrived(id string) {
	if !m.on {
		return
	}
	m.builds++
	before := m.heardAll
	rebuilt := id == m.screen && before != nil && !m.waiting
	m.screen = id
	m.items = m.screenItems()
	if m.host.Busy() {
		// Built for a portal call: "One moment", once, and neither the disabled
		// buttons nor anything else; what the answer changes is compared with the
		// screen as it was before the call.
		m.waiting = !rebuilt
		var texts []spoken
		if !rebuilt {
			m.cursor = -1
			if m.page().Title() != "" {
				texts = append(texts, spoken{text: m.page().Title()})
			}
		}
		if before == nil || !before[m.host.T("busy.one_moment")] {
			texts = append(texts, spoken{text: m.host.T("busy.one_moment")})
		}
		m.canvas.Focus(m.catcher)
		m.say(texts...)
		return
	}
	m.waiting = false
	m.heardAll = map[string]bool{}
	var all []spoken
	for _, item := range m.items {
		for _, s := range m.utterance(item) {
			m.heardAll[s.text] = true
			all = append(all, s)
		}
	}
	if rebuilt {
		m.rearrived(before, all)
		return
	}
	m.cursor = -1
	if e, ok := m.canvas.Focused().(*kwidget.Entry); ok {
		m.cursor = m.indexOf(e)
	} else {
		m.canvas.Focus(m.catcher)
	}
	var texts []spoken
	if m.intro {
		for _, lang := range m.host.IntroLangs() {
			texts = append(texts, spoken{lang, m.host.Tr(lang, "speech.intro")})
		}
		m.intro = false
	}
	m.say(append(texts, m.arrivalSpeech(m.items)...)...)
}

// rearrived speaks what a rebuilt screen says that it did not before (a problem,
// a confirmation, a new state), or else the item under the cursor, which keeps its
// place.
func (m *Mode) rearrived(before map[string]bool, all []spoken) {
	var changed []spoken
	for _, s := range all {
		if !before[s.text] {
			changed = append(changed, s)
		}
	}
	m.cursor = min(m.cursor, len(m.items)-1)
	if m.cursor >= 0 {
		m.focusCursor()
		if len(changed) == 0 {
			changed = m.utterance(m.items[m.cursor])
		}
	} else {
		m.canvas.Focus(m.catcher)
	}
	m.say(changed...)
}

// Handle is a key pressed anywhere in the kiosk (inField: typed into a field):
// Help starts speech mode; once it is on, it takes its keys. It reports whether
// it took the key.
func (m *Mode) Handle(ev *fyne.KeyEvent, inField bool) bool {
	if m.on {
		return m.key(ev, inField)
	}
	if ev.Name == fyne.KeyEscape && m.host.DismissPopup() {
		m.host.NoteActivity()
		return true // a pop-up closes at Esc for a sighted visitor too
	}
	if ev.Name != KeyHelp || !m.offered {
		return false
	}
	m.host.NoteActivity()
	m.on, m.intro = true, true
	m.log.Info("speech mode on")
	if m.onStart != nil {
		m.onStart()
	}
	m.host.Refresh() // with the ring and the key catcher; arriving, it speaks
	return true
}

// End stops speech at once and leaves speech mode: the next visitor starts with
// it off.
func (m *Mode) End() {
	if m.on && m.speaker != nil {
		m.speaker.Stop()
	}
	m.on, m.intro, m.items, m.cursor, m.last, m.paused, m.shift = false, false, nil, -1, nil, false, false
	m.saved, m.inOverlay, m.popup = -1, false, nil
	m.screen, m.heardAll, m.heardOnce, m.waiting = "", nil, map[string]bool{}, false
	m.ring, m.ringArea, m.scroll = nil, nil, nil
}

// move goes to the item step away (1 next, -1 previous), speaks it, shows the ring
// round it and gives it the focus when it takes typing.
func (m *Mode) move(step int) {
	m.backFromOverlay()
	m.items = m.screenItems()
	if len(m.items) == 0 {
		return
	}
	m.cursor += step
	var texts []spoken
	if m.cursor >= len(m.items) {
		m.cursor = 0
		texts = append(texts, spoken{text: m.host.T("speech.wrap_to_top")}) // never a silent jump
	} else if m.cursor < 0 {
		m.cursor = len(m.items) - 1
		texts = append(texts, spoken{text: m.host.T("speech.wrap_to_end")})
	}
	m.focusCursor()
	m.say(append(texts, m.utterance(m.items[m.cursor])...)...)
}

// focusCursor gives the focus to the item under the cursor when it is a field, so
// keys type into it, and to the key catcher otherwise.
func (m *Mode) focusCursor() {
	item := m.items[m.cursor]
	if e, ok := item.obj.(*kwidget.Entry); ok && !e.Disabled() {
		if m.canvas.Focused() != fyne.Focusable(e) {
			e.CursorColumn = len([]rune(e.Text)) // arriving in a field: Backspace deletes its last character
		}
		m.canvas.Focus(e)
	} else if b, ok := item.obj.(*kwidget.Button); ok && m.inOverlay && b.Keys != nil && !b.Disabled() {
		// A pop-up's button shows its focus itself (the ring stays on the screen's
		// layer, under the pop-up's shade), and passes the keys on (kwidget.Keys).
		m.canvas.Focus(b)
	} else {
		m.canvas.Focus(m.catcher)
	}
	m.showRing(item.obj)
}

// activate is Enter on the item under the cursor: a button is pressed, a tick box
// ticked or unticked, a field focused.
func (m *Mode) activate() {
	m.backFromOverlay()
	if m.cursor < 0 || m.cursor >= len(m.items) {
		return
	}
	if item := m.items[m.cursor]; item.full != "" {
		m.say(spoken{item.lang, item.full}) // a long text, offered on arrival
		return
	}
	builds, inOverlay := m.builds, m.inOverlay
	switch w := m.items[m.cursor].obj.(type) {
	case fyne.Tappable:
		if d, ok := w.(fyne.Disableable); ok && d.Disabled() {
			return
		}
		w.Tapped(&fyne.PointEvent{})
		if _, field := m.canvas.Focused().(*kwidget.Entry); m.on && !field {
			m.canvas.Focus(m.catcher) // a tick box takes the focus when tapped: keys must still come here
		}
	case *kwidget.Entry:
		m.canvas.Focus(w)
	}
	if !inOverlay && m.inOverlay {
		return // the button opened a pop-up, which spoke itself (PopupShown)
	}
	if m.on && m.builds == builds && inOverlay && !m.popupUp() {
		m.sayWhere() // the pop-up's button closed it (Close, Keep going)
		return
	}
	if m.on && m.builds == builds && len(m.items) > 0 && m.cursor < len(m.items) {
		// A tick box or a question changed in place, with no rebuild to tell of
		// it: say its new state.
		items := m.screenItems()
		if m.cursor < len(items) && items[m.cursor].obj == m.items[m.cursor].obj {
			m.items = items
			m.say(m.utterance(items[m.cursor])...)
		}
	}
}

// followFocus moves the cursor to a field the focus reached another way (Enter in
// the field before it) and speaks it.
func (m *Mode) followFocus(e *kwidget.Entry) {
	if !m.on {
		return
	}
	if i := m.indexOf(e); i >= 0 && i != m.cursor {
		m.cursor = i
		m.showRing(e)
		m.say(m.utterance(m.items[i])...)
	}
}

func (m *Mode) indexOf(o fyne.CanvasObject) int {
	for i, item := range m.items {
		if item.obj == o {
			return i
		}
	}
	return -1
}

// say speaks texts, each in its language, after stopping what was being said.
func (m *Mode) say(texts ...spoken) {
	if len(texts) == 0 {
		return
	}
	m.last = texts
	m.said++
	m.paused = false
	if m.speaker == nil {
		return
	}
	m.speaker.Stop()
	for _, t := range texts {
		lang := m.langOf(t.lang)
		m.speaker.Speak(lang, Speakable(lang, m.Overheard(t.text)))
	}
}

// Overheard is text as a loudspeaker may say it: with the visitor's data (what was
// typed, the account's address and amounts, emails, confirmation numbers) said
// to be hidden. With headphones it is text itself.
func (m *Mode) Overheard(text string) string {
	if m.sayValues || m.private == nil {
		return text
	}
	return redact(text, m.private(), m.host.T("speech.hidden"))
}

// SayText speaks one message in the visitor's language.
func (m *Mode) SayText(text string) { m.say(spoken{text: text}) }

// langOf is lang, or the visitor's language for "".
func (m *Mode) langOf(lang string) string {
	if lang == "" {
		return m.host.Language()
	}
	return lang
}
