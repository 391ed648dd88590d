package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/medfordwater/lobbykiosk/translations"
	"github.com/medfordwater/lobbykiosk/ui"
)

// exitConfig is the exit status for a bad config file or bad command-line words.
const exitConfig = 2

// defaultConfigPath is read when --config is not given and the file exists.
const defaultConfigPath = "/etc/lobbykiosk/config.toml"

// config is the kiosk's configuration file. Every key has a default that is the
// utility's own fact, so an empty file (or none) describes Medford Water's lobby.
type config struct {
	PortalURL         string     `toml:"portal_url"`
	RootCAFile        string     `toml:"root_ca_file"`
	KioskID           string     `toml:"kiosk_id"`
	Languages         []string   `toml:"languages"`
	DefaultLanguage   string     `toml:"default_language"`
	IdleSeconds       int        `toml:"idle_seconds"`
	WarningSeconds    int        `toml:"warning_seconds"`
	MaxSessionMinutes int        `toml:"max_session_minutes"`
	CardEntry         string     `toml:"card_entry"`
	MaxPaymentDollars int64      `toml:"max_payment_dollars"`
	WindowMode        string     `toml:"window_mode"`
	LogLevel          string     `toml:"log_level"`
	OnScreenKeyboard  bool       `toml:"on_screen_keyboard"`
	HeartbeatSeconds  int        `toml:"heartbeat_seconds"`
	Utility           ui.Utility `toml:"utility"`
}

// defaultConfig returns the utility's facts (docs/utility-facts.md).
func defaultConfig() config {
	return config{
		PortalURL:         "https://services.medfordwater.org",
		KioskID:           "lobby-1",
		Languages:         slices.Clone(translations.Languages),
		DefaultLanguage:   "en",
		IdleSeconds:       90,
		WarningSeconds:    30,
		MaxSessionMinutes: 20,
		CardEntry:         "keyed",
		MaxPaymentDollars: 10_000,
		WindowMode:        "fullscreen",
		LogLevel:          "info",
		OnScreenKeyboard:  true,
		HeartbeatSeconds:  60,
		Utility:           ui.MedfordWater(),
	}
}

// loadConfig reads path over the defaults. An empty path reads defaultConfigPath when it
// exists and otherwise keeps the defaults. Unknown keys and bad values are errors that
// name the key.
func loadConfig(path string) (config, error) {
	cfg := defaultConfig()
	if path == "" {
		if _, err := os.Stat(defaultConfigPath); err != nil {
			return cfg, nil
		}
		path = defaultConfigPath
	}
	md, err := toml.DecodeFile(path, &cfg)
	if err != nil {
		return cfg, fmt.Errorf("config %s: %w", path, describeTOMLError(err))
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		return cfg, fmt.Errorf("config %s: unknown key %q", path, undecoded[0].String())
	}
	if err := cfg.validate(); err != nil {
		return cfg, fmt.Errorf("config %s: %w", path, err)
	}
	return cfg, nil
}

// describeTOMLError keeps the parser's position and key but not its multi-line
// excerpt, and says a value of the wrong type in words rather than Go types.
func describeTOMLError(err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		if perr.LastKey != "" {
			return fmt.Errorf("line %d, key %q: %s", perr.Position.Line, perr.LastKey, perr.Message)
		}
		return fmt.Errorf("line %d: %s", perr.Position.Line, perr.Message)
	}
	if line, key, value, want, ok := tomlTypeMismatch(err); ok {
		return fmt.Errorf("line %s: key %q must be %s, not %s", line, key, tomlTypeInWords(want), tomlTypeInWords(value))
	}
	return err
}

// The decoder's messages for a value of the wrong type, which are not
// toml.ParseErrors: where, then what it found and what it wanted.
var (
	tomlKeyError      = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): (.+)$`)
	tomlTypeError     = regexp.MustCompile(`^incompatible types: TOML value has type (.+); destination has type (.+)$`)
	tomlMismatchError = regexp.MustCompile(`^type mismatch for .+: expected (.+) but found (.+)$`)
)

// tomlTypeMismatch reads the line, key and types of a wrong-type error.
func tomlTypeMismatch(err error) (line, key, value, want string, ok bool) {
	m := tomlKeyError.FindStringSubmatch(err.Error())
	if m == nil {
		return "", "", "", "", false
	}
	if t := tomlTypeError.FindStringSubmatch(m[3]); t != nil {
		return m[1], m[2], t[1], t[2], true
	}
	if t := tomlMismatchError.FindStringSubmatch(m[3]); t != nil {
		return m[1], m[2], t[2], t[1], true
	}
	return "", "", "", "", false
}

// tomlTypeInWords names a type of the decoder's messages as a config file has it.
func tomlTypeInWords(goType string) string {
	switch {
	case goType == "string":
		return "text in quotes"
	case goType == "integer" || strings.HasPrefix(goType, "int"):
		return "a whole number"
	case goType == "float" || strings.HasPrefix(goType, "float"):
		return "a number"
	case goType == "boolean" || goType == "bool":
		return "true or false"
	case goType == "slice" || strings.HasPrefix(goType, "[]"):
		return "a list in [ ]"
	case goType == "map" || goType == "table" || strings.HasPrefix(goType, "map"):
		return "a [table]"
	}
	return goType
}

// heartbeatEvery is heartbeat_seconds as a duration; 0 means no heartbeat.
func (c config) heartbeatEvery() time.Duration {
	return time.Duration(c.HeartbeatSeconds) * time.Second
}

var kioskIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// validate checks every value; the first problem is returned naming its key.
func (c config) validate() error {
	checks := []struct {
		key string
		ok  bool
		why string
	}{
		{"portal_url", validPortalURL(c.PortalURL), "must be an https:// URL (http:// only for a loopback address)"},
		{"kiosk_id", kioskIDPattern.MatchString(c.KioskID), "must be 1–64 letters, digits, '.', '_' or '-'"},
		{"languages", validLanguages(c.Languages), `must list one or more of "en", "es" without repeats`},
		{"default_language", slices.Contains(c.Languages, c.DefaultLanguage), "must be one of languages"},
		{"idle_seconds", c.IdleSeconds >= 30 && c.IdleSeconds <= 3600, "must be between 30 and 3600"},
		{"warning_seconds", c.WarningSeconds >= 20 && c.WarningSeconds <= 300, "must be between 20 and 300 (WCAG 2.2.1 asks for at least 20)"},
		{"max_session_minutes", c.MaxSessionMinutes >= 5 && c.MaxSessionMinutes <= 120, "must be between 5 and 120"},
		{"warning_seconds", c.WarningSeconds < c.IdleSeconds && c.WarningSeconds*4 <= c.MaxSessionMinutes*60,
			"must be shorter than idle_seconds and at most a quarter of max_session_minutes"},
		{"card_entry", c.CardEntry == "keyed" || c.CardEntry == "off", `must be "keyed" or "off"`},
		{"max_payment_dollars", c.MaxPaymentDollars >= 1 && c.MaxPaymentDollars <= 10_000, "must be between 1 and 10000 (the portal's limit)"},
		{"window_mode", c.WindowMode == "fullscreen" || c.WindowMode == "windowed", `must be "fullscreen" or "windowed"`},
		{"log_level", validLogLevel(c.LogLevel), `must be "debug", "info", "warn" or "error"`},
		{"heartbeat_seconds", c.HeartbeatSeconds == 0 || (c.HeartbeatSeconds >= 10 && c.HeartbeatSeconds <= 3600),
			"must be 0 (no heartbeat) or between 10 and 3600"},
		{"utility.name", strings.TrimSpace(c.Utility.Name) != "", "must not be empty"},
		{"utility.phone", strings.TrimSpace(c.Utility.Phone) != "", "must not be empty"},
	}
	for _, check := range checks {
		if !check.ok {
			return fmt.Errorf("key %q %s", check.key, check.why)
		}
	}
	return nil
}

func validPortalURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.RawQuery != "" {
		return false
	}
	switch u.Scheme {
	case "https":
		return true
	case "http":
		return isLoopbackHost(u.Hostname())
	}
	return false
}

func isLoopbackHost(host string) bool {
	return host == "localhost" || host == "::1" || strings.HasPrefix(host, "127.")
}

func validLanguages(langs []string) bool {
	if len(langs) == 0 {
		return false
	}
	for i, l := range langs {
		if !slices.Contains(translations.Languages, l) || slices.Contains(langs[:i], l) {
			return false
		}
	}
	return true
}

func validLogLevel(level string) bool {
	var l slog.Level
	return l.UnmarshalText([]byte(level)) == nil
}

// slogLevel returns the configured level; validate has already checked it.
func (c config) slogLevel() slog.Level {
	var l slog.Level
	_ = l.UnmarshalText([]byte(c.LogLevel))
	return l
}

// uiSettings is what the screens need from the configuration.
func (c config) uiSettings() ui.Settings {
	return ui.Settings{
		Utility:           c.Utility,
		Languages:         c.Languages,
		DefaultLanguage:   c.DefaultLanguage,
		IdleSeconds:       c.IdleSeconds,
		WarningSeconds:    c.WarningSeconds,
		MaxSessionMinutes: c.MaxSessionMinutes,
		CardEntry:         c.CardEntry,
		MaxPaymentCents:   c.MaxPaymentDollars * 100,
		OnScreenKeyboard:  c.OnScreenKeyboard,
	}
}
