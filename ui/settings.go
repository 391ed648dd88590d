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
	CardEntry         string // "keyed" or "off"
	MaxPaymentCents   int64  // the most one payment may be
	OnScreenKeyboard  bool   // dock a kiosk-drawn keyboard under a focused field (the config's default: on)
	SpeechOff         bool   // Help (F1) does not start speech mode (the config's default: speech on)
	SpeechOnSpeaker   bool   // speech comes out of a loudspeaker: nothing typed is read back (default: headphones)
	ReceiptWidth      int    // the receipt paper's width in mm, 80 or 58 (the config's default: 80)

	zone *time.Location // Utility.TimeZone, loaded once: where every date falls (client/dates.go)
}

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
	// WCAG 2.2.1: a visitor gets at least 20 seconds to answer a time-out warning.
	s.WarningSeconds = max(s.WarningSeconds, 20)
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
