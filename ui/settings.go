package ui

// Utility is the profile of the utility the kiosk serves: what the screens say about it.
// The toml tags let the kiosk's config file fill it directly.
type Utility struct {
	Name          string            `toml:"name"`
	Phone         string            `toml:"phone"`
	Email         string            `toml:"email"`
	OfficeAddress string            `toml:"office_address"`
	OfficeHours   map[string]string `toml:"office_hours"` // by language code
	Website       string            `toml:"website"`
}

// MedfordWater returns the utility's own facts (docs/utility-facts.md).
func MedfordWater() Utility {
	return Utility{
		Name:          "Medford Water",
		Phone:         "541-774-2430",
		Email:         "customerservice@medfordwater.org",
		OfficeAddress: "200 S. Ivy St, Room 177, Medford, OR",
		OfficeHours: map[string]string{
			"en": "Monday–Friday, 8 a.m.–5 p.m.",
			"es": "Lunes a viernes, 8 a.m.–5 p.m.",
		},
		Website: "services.medfordwater.org",
	}
}

// defaultMaxPaymentCents is the most one payment may be unless configured: $10,000.00,
// the portal's own limit for a one-time payment.
const defaultMaxPaymentCents = 1_000_000

// Settings is what the screens need from the kiosk's configuration.
type Settings struct {
	Utility           Utility
	Languages         []string // offered on the welcome screen, in order
	DefaultLanguage   string   // every visit starts in it
	IdleSeconds       int
	WarningSeconds    int
	MaxSessionMinutes int
	CardEntry         string // "keyed" or "off"
	MaxPaymentCents   int64  // the most one payment may be
	OnScreenKeyboard  bool   // dock a kiosk-drawn keyboard under a focused field (the config's default: on)
}

// withDefaults fills what a caller (a test, the demo) left empty.
func (s Settings) withDefaults() Settings {
	if s.Utility.Name == "" {
		s.Utility = MedfordWater()
	}
	if len(s.Languages) == 0 {
		s.Languages = []string{"en", "es"}
	}
	if s.IdleSeconds <= 0 {
		s.IdleSeconds = 90
	}
	if s.WarningSeconds == 0 {
		s.WarningSeconds = 30
	}
	// WCAG 2.2.1: a visitor gets at least 20 seconds to answer a time-out warning.
	s.WarningSeconds = max(s.WarningSeconds, 20)
	if s.MaxSessionMinutes <= 0 {
		s.MaxSessionMinutes = 20
	}
	if s.MaxPaymentCents <= 0 {
		s.MaxPaymentCents = defaultMaxPaymentCents
	}
	if s.CardEntry == "" {
		s.CardEntry = cardEntryKeyed
	}
	if s.DefaultLanguage == "" {
		s.DefaultLanguage = s.Languages[0]
	}
	return s
}
