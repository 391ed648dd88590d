package metrics

import (
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
)

// familyNames are the families dashboards and alerts rely on (issue 26).
var familyNames = []string{
	"lobbykiosk_build_info", "lobbykiosk_ui_heartbeat_age_seconds",
	"lobbykiosk_visits_total", "lobbykiosk_visit_duration_seconds",
	"lobbykiosk_portal_requests_total", "lobbykiosk_portal_request_duration_seconds",
	"lobbykiosk_printer_configured", "lobbykiosk_printer_ready", "lobbykiosk_printer_problem",
	"lobbykiosk_speech_available", "lobbykiosk_payment_terminal_ready",
	"lobbykiosk_staff_lockout_active", "lobbykiosk_out_of_service",
}

// A kiosk that has recorded nothing (no printer, no terminal, no visit) shows
// every family in its first scrape, each series at zero.
func TestEveryFamilyIsInTheFirstScrape(t *testing.T) {
	m, _ := newTestMetrics()
	fams := families(t, scrape(t, m))
	var own []string
	for name := range fams {
		if strings.HasPrefix(name, "lobbykiosk_") {
			own = append(own, name)
		}
	}
	if len(own) != len(familyNames) {
		t.Errorf("families %q, want exactly %q", own, familyNames)
	}
	for _, want := range []struct {
		name   string
		labels []string
		value  float64
	}{
		{"lobbykiosk_build_info", []string{"version", "v1.4.0", "commit", "3f2a9c1", "fyne", "v2.8.1"}, 1},
		{"lobbykiosk_ui_heartbeat_age_seconds", nil, 0},
		{"lobbykiosk_visits_total", []string{"journey", "none", "language", "en", "outcome", "idle"}, 0},
		{"lobbykiosk_visits_total", []string{"journey", "paid", "language", "es", "outcome", "finish"}, 0},
		{"lobbykiosk_visit_duration_seconds", nil, 0},
		{"lobbykiosk_portal_requests_total", []string{"call", "pay_once", "result", "unexpected"}, 0},
		{"lobbykiosk_portal_request_duration_seconds", []string{"call", "heartbeat"}, 0},
		{"lobbykiosk_printer_configured", nil, 0},
		{"lobbykiosk_printer_ready", nil, 0},
		{"lobbykiosk_printer_problem", []string{"kind", "paper_out"}, 0},
		{"lobbykiosk_printer_problem", []string{"kind", "other"}, 0},
		{"lobbykiosk_speech_available", nil, 0},
		{"lobbykiosk_payment_terminal_ready", []string{"poiid", ""}, 0}, // Prometheus reads an empty label as none
		{"lobbykiosk_staff_lockout_active", nil, 0},
		{"lobbykiosk_out_of_service", nil, 0},
	} {
		if got, ok := value(fams, want.name, want.labels...); !ok || got != want.value {
			t.Errorf("%s%q = %v (present %v), want %v", want.name, want.labels, got, ok, want.value)
		}
	}
	if got := len(fams["lobbykiosk_visits_total"].Metric); got != len(journeys)*len(languages())*len(outcomes) {
		t.Errorf("%d visit series, want one per journey, language and outcome", got)
	}
	for _, name := range []string{"go_goroutines", "process_cpu_seconds_total"} {
		if fams[name] == nil {
			t.Errorf("no %s: the Go and process collectors are missing", name)
		}
	}
}

// What the kiosk records is in the next scrape: a visit by each of its
// journeys, the UI's age at scrape time, the printer's problems as kinds, a
// swapped terminal as a new series, and the switches.
func TestWhatTheKioskRecordsIsScraped(t *testing.T) {
	m, clock := newTestMetrics()
	m.VisitEnded(heartbeat.Visit{EndedBy: "finish", Language: "es", Journeys: []string{"account_found", "paid"},
		Took: 4 * time.Minute})
	m.VisitEnded(heartbeat.Visit{EndedBy: "idle", Language: "en", Took: 90 * time.Second})
	m.UIAlive(start.Add(10 * time.Second))
	clock.now = start.Add(75 * time.Second)
	m.SetPrinter(&client.PrinterStatus{Summary: "paper-out", State: "stopped",
		Reasons: []string{"media-empty-error", "door-open-report", "media-low-warning"}})
	m.SetTerminal(true, "V400m-324688179")
	m.SetTerminal(false, "V400m-324690001")
	m.SetSpeech(true)
	m.SetStaffLockout(true)
	m.SetOutOfService(true)

	fams := families(t, scrape(t, m))
	for _, want := range []struct {
		name   string
		labels []string
		value  float64
	}{
		{"lobbykiosk_visits_total", []string{"journey", "account_found", "language", "es", "outcome", "finish"}, 1},
		{"lobbykiosk_visits_total", []string{"journey", "paid", "language", "es", "outcome", "finish"}, 1},
		{"lobbykiosk_visits_total", []string{"journey", "none", "language", "en", "outcome", "idle"}, 1},
		{"lobbykiosk_visit_duration_seconds", nil, 2},
		{"lobbykiosk_ui_heartbeat_age_seconds", nil, 65},
		{"lobbykiosk_printer_configured", nil, 1},
		{"lobbykiosk_printer_ready", nil, 0},
		{"lobbykiosk_printer_problem", []string{"kind", "paper_out"}, 1},
		{"lobbykiosk_printer_problem", []string{"kind", "door_open"}, 1},
		{"lobbykiosk_printer_problem", []string{"kind", "paper_low"}, 1},
		{"lobbykiosk_printer_problem", []string{"kind", "offline"}, 0},
		{"lobbykiosk_payment_terminal_ready", []string{"poiid", "V400m-324690001"}, 0},
		{"lobbykiosk_speech_available", nil, 1},
		{"lobbykiosk_staff_lockout_active", nil, 1},
		{"lobbykiosk_out_of_service", nil, 1},
	} {
		if got, ok := value(fams, want.name, want.labels...); !ok || got != want.value {
			t.Errorf("%s%q = %v (present %v), want %v", want.name, want.labels, got, ok, want.value)
		}
	}
	if n := len(fams["lobbykiosk_payment_terminal_ready"].Metric); n != 1 {
		t.Errorf("%d terminal series after a swap, want only the new terminal's", n)
	}
	sum := fams["lobbykiosk_visit_duration_seconds"].Metric[0].Histogram.GetSampleSum()
	if sum != 330 {
		t.Errorf("visit durations sum to %v s, want 330", sum)
	}
}

// A printer that works again clears its problems, and a kiosk without one
// reads as not configured and not ready.
func TestThePrinterRecoversAndCanBeAbsent(t *testing.T) {
	m, _ := newTestMetrics()
	m.SetPrinter(&client.PrinterStatus{Summary: "jammed", Reasons: []string{"media-jam-error"}})
	m.SetPrinter(&client.PrinterStatus{Summary: "ready", State: "idle"})
	fams := families(t, scrape(t, m))
	for _, kind := range problemKinds {
		if v, _ := value(fams, "lobbykiosk_printer_problem", "kind", kind); v != 0 {
			t.Errorf("problem %s = %v after the printer recovered", kind, v)
		}
	}
	if v, _ := value(fams, "lobbykiosk_printer_ready", nil...); v != 1 {
		t.Errorf("printer_ready = %v after it recovered", v)
	}
	m.SetPrinter(nil)
	fams = families(t, scrape(t, m))
	configured, _ := value(fams, "lobbykiosk_printer_configured")
	ready, _ := value(fams, "lobbykiosk_printer_ready")
	if configured != 0 || ready != 0 {
		t.Errorf("no printer: configured %v, ready %v", configured, ready)
	}
}

func TestPrinterProblemsFromCUPSReasons(t *testing.T) {
	for _, tc := range []struct {
		reasons []string
		want    string
	}{
		{nil, ""},
		{[]string{"none"}, ""},
		{[]string{"media-empty-error"}, "paper_out"},
		{[]string{"media-needed"}, "paper_out"},
		{[]string{"media-low-report"}, "paper_low"},
		{[]string{"media-low-warning"}, "paper_low"},
		{[]string{"offline-report"}, "offline"},
		{[]string{"paused"}, "offline"},
		{[]string{"media-jam-error", "cover-open-error"}, "jammed door_open"},
		{[]string{"toner-low-warning", "cups-insecure-filter-warning"}, ""},
		{[]string{"marker-supply-empty-error"}, "other"},
		{[]string{"connecting-to-device"}, ""},
	} {
		if got := strings.Join(PrinterProblems(tc.reasons), " "); got != tc.want {
			t.Errorf("PrinterProblems(%q) = %q, want %q", tc.reasons, got, tc.want)
		}
	}
}
