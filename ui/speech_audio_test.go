package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/speech/words"
)

// With speech_output = "auto" a visitor's typed values are read back only while
// the audio server says headphones are plugged in: until it answers, a
// character typed is "star"; plugged in, it is read back, and the listener is
// told; pulled out, it is "star" again at once, and the listener is told.
func TestTypedValuesAreReadBackOnlyWhileHeadphonesArePluggedIn(t *testing.T) {
	r := &recordingSpeaker{}
	h := newHarnessWith(t, harnessOptions{speech: r, askAudio: true})
	h.press(keyHelp)
	h.startIn("en")
	e := viewOf[*findScreen](h.kiosk).accountNumber.entry
	h.win.Canvas().Focus(e)
	r.take()
	typed := func(r2 rune) string {
		h.typeKeys(string(r2))
		return heard(r.take())
	}
	if said := typed('4'); !strings.Contains(said, words.Masked("en")) || strings.Contains(said, "4") {
		t.Errorf("before the audio server answered, a typed 4 was said as %q", said)
	}
	h.kiosk.AudioPrivate(true)
	if said := heard(r.take()); !strings.Contains(said, h.msg("en", "speech.audio_private")) {
		t.Errorf("headphones plugged in were not announced: %q", said)
	}
	if said := typed('5'); said != "[en] 5\n" {
		t.Errorf("with headphones plugged in, a typed 5 was said as %q", said)
	}
	h.kiosk.AudioPrivate(false)
	if said := heard(r.take()); !strings.Contains(said, h.msg("en", "speech.audio_shared")) {
		t.Errorf("headphones pulled out were not announced: %q", said)
	}
	if said := typed('6'); strings.Contains(said, "6") {
		t.Errorf("after the headphones came out, a typed 6 was said as %q", said)
	}
	h.press(fyne.KeyUp)
	h.press(fyne.KeyDown)
	if said := heard(r.take()); strings.Contains(said, "4 5 6") || strings.Contains(said, "456") {
		t.Errorf("the field's value was read out through a loudspeaker: %q", said)
	}
}

// A kiosk whose speech comes out of a loudspeaker does not ask visitors to plug
// in headphones.
func TestTheWelcomeScreenSaysHowToStartSpeechForItsOutput(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{settings: testConfig{SpeechOutput: config.SpeechOutputSpeaker}})
	if text := h.screenText(); !strings.Contains(text, h.msg("en", "welcome.audio_speaker")) || strings.Contains(text, h.msg("en", "welcome.audio")) {
		t.Errorf("through a loudspeaker the welcome screen says:\n%s", text)
	}
	h = newHarnessWith(t, harnessOptions{askAudio: true})
	if !strings.Contains(h.screenText(), h.msg("es", "welcome.audio")) {
		t.Error("with a headphone jack the welcome screen does not say to plug in headphones")
	}
}
