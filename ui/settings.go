package ui

import (
	"time"

	"github.com/medfordwater/lobbykiosk/internal/config"
)

// Settings is what the screens need from the kiosk's configuration.
type Settings struct {
	Utility           config.Utility // what the screens say about the utility
	Languages         []string       // offered on the welcome screen, in order
	DefaultLanguage   string         // every visit starts in it
	IdleSeconds       int
	WarningSeconds    int
	MaxSessionMinutes int
	CardEntry         string     // "keyed" or "off"
	MaxPaymentCents   int64      // the most one payment may be
	OnScreenKeyboard  bool       // dock a kiosk-drawn keyboard under a focused field (the config's default: on)
	SpeechOff         bool       // Help (F1) does not start speech mode (the config's default: speech on)
	SpeechOutput      AudioRoute // where speech is heard: whether a visitor's typed values may be said
	ReceiptWidth      int        // the receipt paper's width in mm, 80 or 58 (the config's default: 80)

	zone *time.Location // Utility.TimeZone, loaded once: where every date falls (client/dates.go)
}

// AudioRoute is where speech is heard (the config's speech_output), which decides
// whether what a visitor typed may be read back to them.
type AudioRoute int

const (
	// AudioAsked: the audio server is asked, and its answer followed
	// (Kiosk.AudioPrivate): typed values are read back only while headphones are
	// the output and plugged in. The zero value, and the config's default.
	AudioAsked AudioRoute = iota
	// AudioHeadphones: the machine's setup routes speech to the headphone jack
	// and nothing else (docs/accessibility.md): always read back.
	AudioHeadphones
	// AudioSpeaker: a loudspeaker: nothing of the visitor's is ever said.
	AudioSpeaker
)

// withDefaults fills what a caller (a test, the demo) left empty with the
// config file's defaults.
func (s Settings) withDefaults() Settings {
	d := config.Default()
	if s.Utility.Name == "" {
		s.Utility = d.Utility
	}
	if s.Utility.PortalOpened.IsZero() {
		s.Utility.PortalOpened = d.Utility.PortalOpened
	}
	if len(s.Languages) == 0 {
		s.Languages = d.Languages
	}
	if s.IdleSeconds <= 0 {
		s.IdleSeconds = d.IdleSeconds
	}
	if s.WarningSeconds == 0 {
		s.WarningSeconds = d.WarningSeconds
	}
	s.WarningSeconds = max(s.WarningSeconds, config.MinWarningSeconds)
	if s.MaxSessionMinutes <= 0 {
		s.MaxSessionMinutes = d.MaxSessionMinutes
	}
	if s.MaxPaymentCents <= 0 {
		s.MaxPaymentCents = d.MaxPaymentCents()
	}
	if s.CardEntry == "" {
		s.CardEntry = d.CardEntry
	}
	if s.DefaultLanguage == "" {
		s.DefaultLanguage = s.Languages[0]
	}
	if s.ReceiptWidth == 0 {
		s.ReceiptWidth = d.ReceiptWidth
	}
	zone, err := s.Utility.Location()
	if err != nil { // config.Load refuses such a zone: only a caller without a file gets here
		zone, _ = d.Utility.Location()
	}
	s.zone = zone
	return s
}
