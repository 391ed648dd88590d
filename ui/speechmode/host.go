package speechmode

import (
	"log/slog"

	"fyne.io/fyne/v2"
)

// Speaker says text aloud. On a real kiosk it is speech-dispatcher (main wires
// internal/speech); a kiosk without one keeps working, silent. It must not block:
// it is called on the UI thread.
type Speaker interface {
	// Speak queues text, in the voice of lang ("en", "es").
	Speak(lang, text string)
	// Stop stops speaking at once and drops what is queued.
	Stop()
	// Pause and Resume hold and continue what is being said.
	Pause()
	Resume()
	// SetRate and SetVolume take -100..100, speech-dispatcher's scale.
	SetRate(rate int)
	SetVolume(volume int)
}

// Host is what speech mode needs of the kiosk.
type Host interface {
	T(id string, data ...map[string]any) string
	Tr(lang, id string, data ...map[string]any) string
	Language() string
	// IntroLangs are the languages to explain speech mode in: every language
	// offered before the visitor chose one, theirs after.
	IntroLangs() []string
	// Screen is the screen on show: what speech mode reads.
	Screen() Screen
	Refresh()
	Back()
	NoteActivity()
	// DismissPopup closes the pop-up on top its own way (Esc there); it reports
	// whether one was up.
	DismissPopup() bool
	// Busy: a portal call is in flight, and the screen says "One moment".
	Busy() bool
}

// Screen is what speech mode reads of the screen on show.
type Screen interface {
	// ID names the screen: showing the same one again is a rebuild.
	ID() string
	// Title says where the visitor is; "" on a bare screen.
	Title() string
	// First reports the screen has nothing before it: Back there is not offered.
	First() bool
	// Roots are the screen's parts in reading order: the chrome, the content, a footer.
	Roots() []fyne.CanvasObject
	// Chrome are the buttons on every screen (Back, the language, Help…); nil on a bare screen.
	Chrome() []fyne.CanvasObject
	// Note is what the screen told speech mode of o (Noter).
	Note(o fyne.CanvasObject) Note
}

// Options are how the kiosk is set up for speech.
type Options struct {
	Offered   bool            // Help may start speech mode (the config's speech = on)
	SayValues bool            // the sound is private: what was typed may be read back
	OnStart   func()          // tells the rest of the kiosk speech mode started (the visit limits)
	Private   func() []string // the visitor's data on show: never said aloud on a loudspeaker
	Log       *slog.Logger
}
