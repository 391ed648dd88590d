package config

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/config/configtest"
)

// exampleConfig is the commented example shipped beside the binary.
const exampleConfig = "../../config.example.toml"

func TestDefaultsAreValidAndTheUtilitysFacts(t *testing.T) {
	cfg := Default()
	if err := cfg.validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	if cfg.Utility.Phone != "541-774-2430" || cfg.IdleSeconds != 90 || cfg.WarningSeconds != 30 || cfg.MaxSessionMinutes != 20 || !cfg.OnScreenKeyboard {
		t.Errorf("defaults drifted from the utility's facts: %+v", cfg)
	}
}

func TestExampleConfigMatchesDefaults(t *testing.T) {
	cfg, err := Load(exampleConfig)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Errorf("config.example.toml no longer shows the defaults:\n got %+v\nwant %+v", cfg, Default())
	}
}

func TestConfigOverridesDefaults(t *testing.T) {
	cfg, err := Load(configtest.Write(t, "kiosk_id = \"lobby-7\"\ncard_entry = \"off\"\nprinter = \"Receipt_TM-T20\"\nreceipt_width = 58\n[utility]\nphone = \"555-0100\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.KioskID != "lobby-7" || cfg.CardEntry != "off" || cfg.Utility.Phone != "555-0100" || cfg.Printer != "Receipt_TM-T20" || cfg.ReceiptWidth != 58 {
		t.Errorf("overrides not applied: %+v", cfg)
	}
	if cfg.Utility.Name != "Medford Water" || cfg.IdleSeconds != 90 {
		t.Errorf("defaults lost for keys the file does not set: %+v", cfg)
	}
}

// An office written once serves every language, as files written before it had
// a Spanish form say it; a table words it per language.
func TestTheOfficeIsWordedPerLanguageOrOnceForAll(t *testing.T) {
	once, err := Load(configtest.Write(t, "[utility]\noffice_address = \"1 Main St, Suite 2\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	perLanguage, err := Load(configtest.Write(t, "[utility.office_address]\nen = \"1 Main St, Suite 2\"\nes = \"1 Main St, Oficina 2\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cfg  Config
		lang string
		want string
	}{
		{once, "en", "1 Main St, Suite 2"}, {once, "es", "1 Main St, Suite 2"},
		{perLanguage, "en", "1 Main St, Suite 2"}, {perLanguage, "es", "1 Main St, Oficina 2"},
		{Default(), "es", "200 S. Ivy St, Oficina 177, Medford, OR"},
	} {
		if got := tc.cfg.Utility.OfficeAddress.In(tc.lang); got != tc.want {
			t.Errorf("office in %s: %q, want %q", tc.lang, got, tc.want)
		}
	}
	if _, err := Load(configtest.Write(t, "[utility]\noffice_address = 177\n")); err == nil {
		t.Error("an office that is a number loads")
	}
}

func TestConfigErrorsNameTheKey(t *testing.T) {
	cases := map[string]string{
		"idle_seconds = 5":                                      `"idle_seconds"`,
		"warning_seconds = 10":                                  `"warning_seconds"`,
		"max_session_minutes = 0":                               `"max_session_minutes"`,
		`card_entry = "swipe"`:                                  `"card_entry"`,
		`card_entry = "keyed"`:                                  `"card_entry" "keyed" is no longer allowed: a kiosk that takes card numbers on its screen is in full PCI DSS scope`,
		"max_payment_dollars = 0":                               `"max_payment_dollars"`,
		"max_session_minutes = 5\nwarning_seconds = 300":        `"warning_seconds"`,
		`window_mode = "tiny"`:                                  `"window_mode"`,
		`languages = ["en", "fr"]`:                              `"languages"`,
		`default_language = "es"` + "\n" + `languages = ["en"]`: `"default_language"`,
		`portal_url = "http://portal.example.org"`:              `"portal_url"`,
		`portal_url = "ftp://127.0.0.1"`:                        `"portal_url"`,
		`portal_url = "http://127.evil.com"`:                    `"portal_url"`,
		`kiosk_id = "lobby 1"`:                                  `"kiosk_id"`,
		`log_level = "loud"`:                                    `"log_level"`,
		`printer = "front desk"`:                                `"printer"`,
		`printer = "../lp"`:                                     `"printer"`,
		`receipt_width = 72`:                                    `"receipt_width"`,
		`idle_secs = 90`:                                        `"idle_secs"`,
		"[utility]\nfax = \"1\"":                                `"utility.fax"`,
		"[utility]\ntime_zone = \"Mars/Olympus\"":               `"utility.time_zone"`,
		"[utility]\ntime_zone = \"Local\"":                      `"utility.time_zone"`,
		"[utility]\ntime_zone = \"\"":                           `"utility.time_zone"`,
		`idle_seconds = "ninety"`:                               "idle_seconds",
		`idle_seconds = `:                                       "line 1",
		`speech = "loud"`:                                       `"speech"`,
		`speech = true`:                                         "speech",
		`speech_output = "hdmi"`:                                `"speech_output"`,
		`screen_diagonal_inches = 6.5`:                          `"screen_diagonal_inches"`,
		`screen_diagonal_inches = -21.5`:                        `"screen_diagonal_inches"`,
		`screen_diagonal_inches = 550`:                          `"screen_diagonal_inches"`,
		`metrics_listen = "9464"`:                               `"metrics_listen"`,
		`metrics_listen = "127.0.0.1:http"`:                     `"metrics_listen"`,
		`metrics_listen = "0.0.0.0:9464"`:                       `"metrics_web_config"`,
		`metrics_listen = ":9464"`:                              `"metrics_web_config"`,
		`metrics_web_config = "/etc/lobbykiosk/web.yml"`:        `"metrics_web_config"`,
	}
	for body, want := range cases {
		_, err := Load(configtest.Write(t, body))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("config %q: error %v, want one naming %s", body, err, want)
		}
	}
}

// The panel's diagonal is taken from the config when given (a whole number too),
// and is 0 (what the X server reports) otherwise.
func TestScreenDiagonalIsReadFromTheConfig(t *testing.T) {
	if d := Default().ScreenDiagonalInches; d != 0 {
		t.Errorf("default screen_diagonal_inches %v, want 0", d)
	}
	for body, want := range map[string]float64{"screen_diagonal_inches = 21.5\n": 21.5, "screen_diagonal_inches = 32\n": 32} {
		cfg, err := Load(configtest.Write(t, body))
		if err != nil || cfg.ScreenDiagonalInches != want {
			t.Errorf("%q: %v, %v; want %v", body, cfg.ScreenDiagonalInches, err, want)
		}
	}
}

// Speech is on by default, its output judged by asking the audio server: the
// default never trusts a routing step the installer may not have taken.
func TestSpeechIsOnAndItsOutputAskedUnlessConfigured(t *testing.T) {
	cfg := Default()
	if !cfg.SpeechOn() || cfg.SpeechOutput != SpeechOutputAuto {
		t.Errorf("default speech %q, speech_output %q: want on, auto", cfg.Speech, cfg.SpeechOutput)
	}
	for _, out := range []string{SpeechOutputHeadphones, SpeechOutputSpeaker} {
		cfg, err := Load(configtest.Write(t, "speech = \"off\"\nspeech_output = \""+out+"\"\n"))
		if err != nil || cfg.SpeechOn() || cfg.SpeechOutput != out {
			t.Errorf("speech off through %s read as on=%v output %q (%v)", out, cfg.SpeechOn(), cfg.SpeechOutput, err)
		}
	}
}

func TestHTTPAllowedOnlyOnLoopback(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://services.medfordwater.org": true,
		"http://127.0.0.1:8088":             true,
		"http://localhost:8088":             true,
		"http://[::1]:8088":                 true,
		"http://10.0.0.5":                   false,
		"http://127.evil.com":               false,
		"https://user:pw@portal.example":    false,
		"https://portal.example/#top":       false, // the client refuses a fragment
		" https://portal.example":           false, // and spaces round the address
		"":                                  false,
	} {
		if got := validPortalURL(raw); got != want {
			t.Errorf("validPortalURL(%q) = %v, want %v", raw, got, want)
		}
	}
}

// FuzzLoadConfig: any file content gives a valid config or an error naming the
// problem; never a panic, and never a config that fails its own checks.
func FuzzLoadConfig(f *testing.F) {
	example, err := os.ReadFile(exampleConfig)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	f.Add("idle_seconds = 5")
	f.Add("[utility]\nname = \"\"")
	f.Add("languages = []")
	f.Add("portal_url = \"http://127.0.0.1:1\"\nwindow_mode = \"windowed\"")
	f.Fuzz(func(t *testing.T, body string) {
		path := configtest.Write(t, body)
		cfg, err := Load(path)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "config "+path+": ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if err := cfg.validate(); err != nil {
			t.Fatalf("loaded a config that fails its own checks: %v", err)
		}
	})
}

// The receipt's QR code sends a phone only to a plain https address: the config
// check refuses a website in plain http, or with a query, as the code would.
func TestTheWebsiteIsAPlainHTTPSAddress(t *testing.T) {
	for website, want := range map[string]bool{
		"services.medfordwater.org":           true,
		"https://services.medfordwater.org/":  true,
		"http://services.medfordwater.org":    false,
		"services.medfordwater.org/?ref=qr":   false,
		"https://a@services.medfordwater.org": false,
		"":                                    false,
	} {
		c := Default()
		c.Utility.Website = website
		if _, err := c.Validated(); (err == nil) != want {
			t.Errorf("website %q: error %v, want accepted %v", website, err, want)
		}
	}
}

// Metrics are off by default; on loopback they need no web config, and beyond
// it the web config is required (its TLS is checked where it is read).
func TestMetricsAreOffUnlessAnAddressIsGiven(t *testing.T) {
	if c := Default(); c.MetricsListen != "" || c.MetricsWebConfig != "" {
		t.Errorf("metrics on by default: %q, %q", c.MetricsListen, c.MetricsWebConfig)
	}
	for _, body := range []string{
		`metrics_listen = "127.0.0.1:9464"`,
		`metrics_listen = "[::1]:9464"`,
		"metrics_listen = \"10.8.0.12:9464\"\nmetrics_web_config = \"/etc/lobbykiosk/metrics-web.yml\"",
	} {
		if _, err := Load(configtest.Write(t, body)); err != nil {
			t.Errorf("%s: %v", body, err)
		}
	}
}
