// Package config is the kiosk's configuration file: its keys, their defaults
// (the utility's own facts) and the checks that name a bad key.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
	// The zone database inside the binary: a kiosk image without the tzdata
	// package still finds utility.time_zone (time.LoadLocation falls back to it).
	_ "time/tzdata"

	"github.com/BurntSushi/toml"

	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/translations"
)

// DefaultPath is read when no path is given and the file exists.
const DefaultPath = "/etc/lobbykiosk/config.toml"

// Config is the kiosk's configuration file. Every key has a default that is the
// utility's own fact, so an empty file (or none) describes Medford Water's lobby.
type Config struct {
	PortalURL         string   `toml:"portal_url"`
	RootCAFile        string   `toml:"root_ca_file"`
	KioskID           string   `toml:"kiosk_id"`
	Languages         []string `toml:"languages"`
	DefaultLanguage   string   `toml:"default_language"`
	IdleSeconds       int      `toml:"idle_seconds"`
	WarningSeconds    int      `toml:"warning_seconds"`
	MaxSessionMinutes int      `toml:"max_session_minutes"`
	CardEntry         string   `toml:"card_entry"`
	MaxPaymentDollars int64    `toml:"max_payment_dollars"`
	WindowMode        string   `toml:"window_mode"`
	LogLevel          string   `toml:"log_level"`
	OnScreenKeyboard  bool     `toml:"on_screen_keyboard"`
	HeartbeatSeconds  int      `toml:"heartbeat_seconds"`
	Speech            string   `toml:"speech"`
	SpeechOutput      string   `toml:"speech_output"`
	Printer           string   `toml:"printer"`       // the CUPS queue receipts print on; "" = no printer
	ReceiptWidth      int      `toml:"receipt_width"` // the receipt paper's width in mm: 80 or 58
	// ScreenDiagonalInches is the panel's diagonal, for a monitor that reports its
	// size wrongly or not at all; 0 trusts what the X server reports.
	ScreenDiagonalInches float64 `toml:"screen_diagonal_inches"`
	// MetricsListen is where /metrics is served for the fleet's Prometheus
	// (docs/fleet.md), e.g. "127.0.0.1:9464"; "" serves none.
	MetricsListen string `toml:"metrics_listen"`
	// MetricsWebConfig is an exporter-toolkit web config (TLS, basic auth) for
	// /metrics, required beyond loopback; "" is plain HTTP.
	MetricsWebConfig string   `toml:"metrics_web_config"`
	Terminal         Terminal `toml:"terminal"`
	Utility          Utility  `toml:"utility"`
}

// Utility is the profile of the utility the kiosk serves: what the screens say
// about it, and the time zone its days and months end in.
type Utility struct {
	Name          string     `toml:"name"`
	Phone         string     `toml:"phone"`
	Email         string     `toml:"email"`
	OfficeAddress ByLanguage `toml:"office_address"`
	OfficeHours   ByLanguage `toml:"office_hours"`
	Website       string     `toml:"website"`
	TimeZone      string     `toml:"time_zone"` // an IANA name; see Location
	// PortalOpened is the day the upgraded portal opened for re-registering (a
	// TOML date): the FAQ says "from May 6" before it and "since May 6, 2024"
	// after, so a sheet printed for the launch never reads as still to come.
	PortalOpened time.Time `toml:"portal_opened"`
}

// ByLanguage is a text the utility words per language code ("en", "es"). In the
// file it is a table of languages, or one string for every language.
type ByLanguage map[string]string

// UnmarshalTOML takes a table of languages or one string for them all, so an
// address written once, before it had a Spanish form, still loads.
func (b *ByLanguage) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*b = ByLanguage{"": v}
	case map[string]any:
		out := ByLanguage{}
		for lang, text := range v {
			s, ok := text.(string)
			if !ok {
				return fmt.Errorf("%s: must be text", lang)
			}
			out[lang] = s
		}
		*b = out
	default:
		return fmt.Errorf("must be text, or a table of texts by language")
	}
	return nil
}

// In is the text in lang, else the one written for every language, else the
// English; "" when there is none.
func (b ByLanguage) In(lang string) string {
	for _, key := range []string{lang, "", "en"} {
		if s, ok := b[key]; ok {
			return s
		}
	}
	return ""
}

// MedfordWater returns the utility's own facts (docs/utility-facts.md).
func MedfordWater() Utility {
	return Utility{
		Name:  "Medford Water",
		Phone: "541-774-2430",
		Email: "customerservice@medfordwater.org",
		OfficeAddress: ByLanguage{
			"en": "200 S. Ivy St, Room 177, Medford, OR",
			"es": "200 S. Ivy St, Oficina 177, Medford, OR",
		},
		OfficeHours: ByLanguage{
			"en": "Monday–Friday, 8 a.m.–5 p.m.",
			"es": "Lunes a viernes, 8 a.m.–5 p.m.",
		},
		Website:      "services.medfordwater.org",
		TimeZone:     "America/Los_Angeles",
		PortalOpened: time.Date(2024, time.May, 6, 0, 0, 0, 0, time.UTC),
	}
}

// PortalLink is the link the receipt's QR code holds: the website as an https
// URL. Anything beyond a host and path (credentials, a query, a fragment), and
// plain http, are refused: a public address needs none, a query is where a
// tracking or personal value would hide, and a code on paper must not send a
// phone over plain http. The config check applies it to utility.website.
func (u Utility) PortalLink() (string, error) {
	link := strings.TrimSpace(u.Website)
	if link == "" {
		return "", errors.New("no portal address (utility.website) configured")
	}
	if !strings.Contains(link, "://") {
		link = "https://" + link
	}
	l, err := url.Parse(link)
	if err != nil || l.Scheme != "https" || l.Host == "" ||
		l.User != nil || l.RawQuery != "" || l.Fragment != "" || strings.HasSuffix(link, "?") {
		return "", fmt.Errorf("%q is not a plain public https address", u.Website)
	}
	return link, nil
}

// Location is the utility's time zone: every date the kiosk judges (today, a
// bill due within 24 hours, a card's expiry month, a receipt's time) falls in
// it, whatever zone the machine is set to (client/dates.go). An IANA name is required: "" and
// "Local" would mean the machine's zone after all.
func (u Utility) Location() (*time.Location, error) {
	if u.TimeZone == "" || u.TimeZone == "Local" {
		return nil, fmt.Errorf("no time zone named %q", u.TimeZone)
	}
	return time.LoadLocation(u.TimeZone)
}

// maxPaymentDollars is the highest max_payment_dollars: the portal's limit.
const maxPaymentDollars = validate.MaxPaymentCents / 100

// Default is the configuration of Medford Water's lobby: what a key the file
// leaves out means.
func Default() Config {
	return Config{
		PortalURL:         "https://services.medfordwater.org",
		KioskID:           "lobby-1",
		Languages:         slices.Clone(translations.Languages),
		DefaultLanguage:   "en",
		IdleSeconds:       90,
		WarningSeconds:    30,
		MaxSessionMinutes: 20,
		CardEntry:         CardEntryOff,
		MaxPaymentDollars: maxPaymentDollars,
		WindowMode:        "fullscreen",
		LogLevel:          "info",
		OnScreenKeyboard:  true,
		HeartbeatSeconds:  60,
		Speech:            "on",
		SpeechOutput:      "auto",
		ReceiptWidth:      80,
		Utility:           MedfordWater(),
	}
}

// Load reads path over the defaults. An empty path reads DefaultPath when it
// exists and otherwise keeps the defaults. Unknown keys and bad values are errors
// that name the file and the key.
func Load(path string) (Config, error) { return load(path, true) }

// LoadDemo is Load for `lobbykiosk demo`, whose practice terminal stands in
// for the [terminal] table: card_entry = "terminal" does not require it there.
func LoadDemo(path string) (Config, error) { return load(path, false) }

func load(path string, terminalRequired bool) (Config, error) {
	cfg := Default()
	if path == "" {
		if _, err := os.Stat(DefaultPath); err != nil {
			return cfg, nil
		}
		path = DefaultPath
	}
	md, err := toml.DecodeFile(path, &cfg)
	if err != nil {
		return cfg, fmt.Errorf("config %s: %w", path, describeTOMLError(err))
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return cfg, fmt.Errorf("config %s: unknown key %q", path, undecoded[0].String())
	}
	// A TOML date comes in the machine's zone; a day has none, and the kiosk's
	// must not differ with the machine's (the default's is UTC midnight).
	y, m, d := cfg.Utility.PortalOpened.Date()
	cfg.Utility.PortalOpened = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if err := cfg.validate(); err != nil {
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	if err := cfg.validateTerminal(terminalRequired); err != nil {
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	return cfg, nil
}

// Valid is a configuration that passed its checks, with its utility's zone
// loaded: what the kiosk runs on. Only Validated makes one.
type Valid struct {
	Config
	Zone *time.Location // Utility.TimeZone: where every date the kiosk shows falls
}

// Validated checks c as Load does, and loads its zone. The [terminal] table
// is not its concern: main builds the terminal from it, or the demo's practice one.
func (c Config) Validated() (Valid, error) {
	if err := c.validate(); err != nil {
		return Valid{}, err
	}
	zone, err := c.Utility.Location()
	if err != nil {
		return Valid{}, err
	}
	return Valid{Config: c, Zone: zone}, nil
}

// HeartbeatEvery is heartbeat_seconds as a duration; 0 means no heartbeat.
func (c Config) HeartbeatEvery() time.Duration {
	return time.Duration(c.HeartbeatSeconds) * time.Second
}

// SpeechOn reports whether the kiosk may speak (speech = "on").
func (c Config) SpeechOn() bool { return c.Speech == "on" }

// Where speech is heard (speech_output), which decides whether a visitor's typed
// values may be read back:
//   - "auto" (the default): the audio server is asked, and they are read back only
//     while its output is headphones it knows are plugged in (internal/audio);
//   - "headphones": the machine's setup routes speech to the headphone jack alone
//     (docs/accessibility.md), so they always are;
//   - "speaker": a loudspeaker, so they never are.
const (
	SpeechOutputAuto       = "auto"
	SpeechOutputHeadphones = "headphones"
	SpeechOutputSpeaker    = "speaker"
)

// The config's card_entry. Cards are read by a payment terminal, never typed on
// the kiosk's screen (docs/payments.md): "keyed" is refused.
const (
	CardEntryTerminal = "terminal" // card payments and AutoPay by card go through the terminal
	CardEntryOff      = "off"      // bank accounts only
)

// MinWarningSeconds is the least time a visitor gets to answer a time-out
// warning: WCAG 2.2.1 asks for at least 20 seconds. The config check refuses
// less, and the screens never show less whatever they are given.
const MinWarningSeconds = 20

// MaxPaymentCents is max_payment_dollars in cents.
func (c Config) MaxPaymentCents() int64 {
	return c.MaxPaymentDollars * 100
}

// SlogLevel returns the configured level; Load has already checked it.
func (c Config) SlogLevel() slog.Level {
	var l slog.Level
	_ = l.UnmarshalText([]byte(c.LogLevel))
	return l
}
