package ui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
)

// keyHelp is the key that starts speech mode.
const keyHelp = speechmode.KeyHelp

// spoken is one utterance heard, and the language of its voice.
type spoken struct{ lang, text string }

// speechMoveTo presses Down until the speech cursor is on o, as a listener
// would, and fails if it never gets there.
func (h *harness) speechMoveTo(t *testing.T, o fyne.CanvasObject) {
	t.Helper()
	for range h.kiosk.speech.Len() + 1 {
		if h.kiosk.speech.Under() == o {
			return
		}
		h.press(fyne.KeyDown)
	}
	t.Fatalf("Down never reached the %T", o)
}

// recordingSpeaker keeps what speech mode asked to be said, in order. The real
// engine behind the same interface is tested with speech-dispatcher itself
// (internal/speech); here what matters is what the kiosk says, and when.
type recordingSpeaker struct {
	mu      sync.Mutex
	said    []spoken // every Speak since the last take, lang resolved
	stops   int
	audible []spoken // said since the last Stop (takeHeard)
	paused  bool
	rate    int
	volume  int
}

func (r *recordingSpeaker) Speak(lang, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.said = append(r.said, spoken{lang, text})
	r.audible = append(r.audible, spoken{lang, text})
}

func (r *recordingSpeaker) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stops++
	r.audible = nil
}

func (r *recordingSpeaker) Pause()  { r.mu.Lock(); r.paused = true; r.mu.Unlock() }
func (r *recordingSpeaker) Resume() { r.mu.Lock(); r.paused = false; r.mu.Unlock() }
func (r *recordingSpeaker) SetRate(v int) {
	r.mu.Lock()
	r.rate = v
	r.mu.Unlock()
}
func (r *recordingSpeaker) SetVolume(v int) {
	r.mu.Lock()
	r.volume = v
	r.mu.Unlock()
}

// takeHeard returns what a listener who waits hears of the utterances since the
// last take: those after the last Stop, as speech-dispatcher drops the others
// before a word of them is out. It forgets them all.
func (r *recordingSpeaker) takeHeard() []spoken {
	r.mu.Lock()
	defer r.mu.Unlock()
	audible := r.audible
	r.said, r.audible = nil, nil
	return audible
}

// take returns every utterance since the last take, and forgets them.
func (r *recordingSpeaker) take() []spoken {
	r.mu.Lock()
	defer r.mu.Unlock()
	said := r.said
	r.said = nil
	return said
}

// newSpeechHarness is a live kiosk whose speech goes to a recording speaker, its
// portal answers held while a key is pressed (keyEvent), as the real driver's UI
// thread would order them.
func newSpeechHarness(t *testing.T) (*harness, *recordingSpeaker) {
	t.Helper()
	return newSpeechHarnessAt(t, clocktest.Now())
}

// newSpeechHarnessAt is newSpeechHarness with its clock at start.
func newSpeechHarnessAt(t *testing.T, start time.Time) (*harness, *recordingSpeaker) {
	t.Helper()
	r := &recordingSpeaker{}
	gate := &callGate{}
	h := newHarnessWith(t, harnessOptions{speech: r, front: gate.front, start: start})
	h.gate = gate
	return h, r
}

// press sends one key as a keypad would: to the focused widget (the key catcher
// or a field in speech mode), or to the canvas when nothing has the focus.
func (h *harness) press(name fyne.KeyName) {
	h.keyEvent(func() { h.sendKey(name) })
}

// heard joins what was said, one utterance a line with its language, for a
// substring search and for the transcripts.
func heard(said []spoken) string {
	var b strings.Builder
	for _, s := range said {
		b.WriteString("[" + s.lang + "] " + s.text + "\n")
	}
	return b.String()
}
