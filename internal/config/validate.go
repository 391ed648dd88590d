package config

import (
	"fmt"
	"log/slog"
	"net"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/display"
	"github.com/medfordwater/lobbykiosk/translations"
)

var kioskIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// printerPattern is a CUPS queue name as lpadmin makes them: no spaces, slashes,
// quotes or '#', which CUPS refuses in a queue name.
var printerPattern = regexp.MustCompile(`^([A-Za-z0-9][A-Za-z0-9._-]{0,126})?$`)

// validate checks every value; the first problem is returned naming its key.
func (c Config) validate() error {
	checks := []struct {
		key string
		ok  bool
		why string
	}{
		{"portal_url", validPortalURL(c.PortalURL), "must be an https:// URL (http:// only for a loopback address), without spaces, credentials, a query or a fragment"},
		{"kiosk_id", kioskIDPattern.MatchString(c.KioskID), "must be 1–64 letters, digits, '.', '_' or '-'"},
		{"languages", validLanguages(c.Languages), fmt.Sprintf("must list one or more of %q without repeats", translations.Languages)},
		{"default_language", slices.Contains(c.Languages, c.DefaultLanguage), "must be one of languages"},
		{"idle_seconds", c.IdleSeconds >= 30 && c.IdleSeconds <= 3600, "must be between 30 and 3600"},
		{"warning_seconds", c.WarningSeconds >= MinWarningSeconds && c.WarningSeconds <= 300,
			fmt.Sprintf("must be between %d and 300 (WCAG 2.2.1 asks for at least %d)", MinWarningSeconds, MinWarningSeconds)},
		{"max_session_minutes", c.MaxSessionMinutes >= 5 && c.MaxSessionMinutes <= 120, "must be between 5 and 120"},
		{"warning_seconds", c.WarningSeconds < c.IdleSeconds && c.WarningSeconds*4 <= c.MaxSessionMinutes*60,
			"must be shorter than idle_seconds and at most a quarter of max_session_minutes"},
		{"card_entry", c.CardEntry != "keyed", `"keyed" is no longer allowed: a kiosk that takes card numbers on its screen is in full PCI DSS scope; set "terminal" (cards on a payment terminal, docs/payments.md) or "off"`},
		{"card_entry", c.CardEntry == CardEntryTerminal || c.CardEntry == CardEntryOff, `must be "terminal" or "off"`},
		{"max_payment_dollars", c.MaxPaymentDollars >= 1 && c.MaxPaymentDollars <= maxPaymentDollars,
			fmt.Sprintf("must be between 1 and %d (the portal's limit)", maxPaymentDollars)},
		{"window_mode", c.WindowMode == "fullscreen" || c.WindowMode == "windowed", `must be "fullscreen" or "windowed"`},
		{"log_level", validLogLevel(c.LogLevel), `must be "debug", "info", "warn" or "error"`},
		{"heartbeat_seconds", c.HeartbeatSeconds == 0 || (c.HeartbeatSeconds >= 10 && c.HeartbeatSeconds <= 3600),
			"must be 0 (no heartbeat) or between 10 and 3600"},
		{"speech", c.Speech == "on" || c.Speech == "off", `must be "on" or "off"`},
		{"speech_output", c.SpeechOutput == SpeechOutputAuto || c.SpeechOutput == SpeechOutputHeadphones || c.SpeechOutput == SpeechOutputSpeaker,
			`must be "auto", "headphones" or "speaker"`},
		{"printer", printerPattern.MatchString(c.Printer), `must be a CUPS queue name (letters, digits, '.', '_', '-') or "" for no printer`},
		{"receipt_width", c.ReceiptWidth == 80 || c.ReceiptWidth == 58, "must be 80 or 58 (millimetres of receipt paper)"},
		{"screen_diagonal_inches", c.ScreenDiagonalInches == 0 ||
			(c.ScreenDiagonalInches >= display.MinDiagonalInches && c.ScreenDiagonalInches <= display.MaxDiagonalInches),
			fmt.Sprintf("must be 0 (what the monitor reports) or between %d and %d", display.MinDiagonalInches, display.MaxDiagonalInches)},
		{"metrics_listen", validMetricsListen(c.MetricsListen), `must be "" (no metrics) or host:port, e.g. "127.0.0.1:9464"`},
		{"metrics_web_config", c.MetricsWebConfig == "" || c.MetricsListen != "", `is set but metrics_listen is "": nothing would be served`},
		{"metrics_web_config", c.MetricsWebConfig != "" || metricsOnLoopback(c.MetricsListen),
			"must name an exporter-toolkit web config with TLS and basic auth: metrics_listen is not a loopback address (docs/fleet.md)"},
		{"utility.name", strings.TrimSpace(c.Utility.Name) != "", "must not be empty"},
		{"utility.phone", strings.TrimSpace(c.Utility.Phone) != "", "must not be empty"},
		{"utility.time_zone", validTimeZone(c.Utility), `must be a time zone name such as "America/Los_Angeles"`},
		{"utility.website", validWebsite(c.Utility), "must be a plain https address such as services.medfordwater.org (the receipt's QR code)"},
	}
	for _, check := range checks {
		if !check.ok {
			return fmt.Errorf("key %q %s", check.key, check.why)
		}
	}
	return nil
}

// validPortalURL is the portal client's own rule (client.CheckBaseURL): a
// portal_url the config check passes is one the client takes.
func validPortalURL(raw string) bool { return client.CheckBaseURL(raw) == nil }

func validWebsite(u Utility) bool {
	_, err := u.PortalLink()
	return err == nil
}

func validTimeZone(u Utility) bool {
	_, err := u.Location()
	return err == nil
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

// validMetricsListen is "" or a host and a numeric port.
func validMetricsListen(listen string) bool {
	if listen == "" {
		return true
	}
	_, port, err := net.SplitHostPort(listen)
	n, portErr := strconv.Atoi(port)
	return err == nil && portErr == nil && n >= 0 && n <= 65535
}

// metricsOnLoopback reports whether /metrics is served on loopback alone (or
// not at all): only there may it go without TLS. The web config's content is
// checked where it is read (metrics.CheckAccess).
func metricsOnLoopback(listen string) bool {
	host, _, err := net.SplitHostPort(listen)
	return listen == "" || (err == nil && client.IsLoopbackHost(host))
}
