package metrics

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
)

// visitorData is what a visitor types or owns: none of it may reach a scrape.
var visitorData = []string{
	"maria.lopez@example.org", "4111111111111111", "00065821-0672430", "97501",
	"Maria Lopez", "MariaLopez", "541-555-0199", "<script>", `a"b\c`, "\n", "",
}

// Whatever the kiosk hands the recording methods, every label value comes from
// the package's closed sets: a value outside one is "other", and no series
// appears beyond those New made (and the terminal's "other").
func TestNoValueOutsideTheClosedSetsBecomesALabel(t *testing.T) {
	m, _ := newTestMetrics()
	before := seriesKeys(families(t, scrape(t, m)))
	for _, data := range visitorData {
		m.VisitEnded(heartbeat.Visit{EndedBy: data, Language: data, Journeys: []string{data, "paid"}, Took: time.Minute})
		m.PortalCall(data, errors.New(data), time.Second)
		m.PortalCall(data, &client.APIError{Status: 422, Code: data, Message: data}, time.Second)
		m.SetPrinter(&client.PrinterStatus{Summary: data, State: data, Reasons: []string{data, data + "-error"}})
		m.SetTerminal(true, data)
	}
	text := scrape(t, m)
	// The series' names and labels, not the Go runtime's numbers, which may
	// hold any run of digits.
	var series []string
	for line := range strings.Lines(text) {
		if end := strings.LastIndexByte(line, ' '); end > 0 && strings.HasPrefix(line, "lobbykiosk_") {
			series = append(series, line[:end])
		}
	}
	for _, data := range visitorData {
		if data != "" && data != "\n" && strings.Contains(strings.Join(series, "\n"), data) {
			t.Errorf("the scrape holds %q", data)
		}
	}
	fams := families(t, text)
	after := seriesKeys(fams)
	for _, key := range after {
		if !slices.Contains(before, key) && key != `lobbykiosk_payment_terminal_ready{poiid="other"}` {
			t.Errorf("a series appeared: %s", key)
		}
	}
	for _, want := range []struct {
		name   string
		labels []string
	}{
		{"lobbykiosk_visits_total", []string{"journey", "other", "language", "other", "outcome", "other"}},
		{"lobbykiosk_visits_total", []string{"journey", "paid", "language", "other", "outcome", "other"}},
		{"lobbykiosk_portal_requests_total", []string{"call", "other", "result", "unavailable"}},
		{"lobbykiosk_portal_requests_total", []string{"call", "other", "result", "rejected"}},
		{"lobbykiosk_printer_problem", []string{"kind", "other"}},
	} {
		if v, _ := value(fams, want.name, want.labels...); v == 0 {
			t.Errorf("%s%q was not counted", want.name, want.labels)
		}
	}
}

// A POIID becomes a label only when it looks like a terminal's: letters and
// digits together, no '@', no spaces, at most 35 characters.
func TestOnlyATerminalLikeIDIsALabel(t *testing.T) {
	for id, want := range map[string]string{
		"V400m-324688179": "V400m-324688179", "P400Plus-275039202": "P400Plus-275039202", "": "",
		"4111111111111111": other, "MariaLopez": other, "maria.lopez@example.org": other,
		"V400m 324688179": other, strings.Repeat("A1", 18): other,
	} {
		if got := terminalID(id); got != want {
			t.Errorf("terminalID(%q) = %q, want %q", id, got, want)
		}
	}
}

// seriesKeys names every series of the kiosk's own families, labels sorted.
func seriesKeys(fams map[string]*dto.MetricFamily) []string {
	var keys []string
	for name, fam := range fams {
		if !strings.HasPrefix(name, "lobbykiosk_") {
			continue
		}
		for _, metric := range fam.Metric {
			var labels []string
			for _, l := range metric.Label {
				if l.GetValue() != "" {
					labels = append(labels, l.GetName()+`="`+l.GetValue()+`"`)
				}
			}
			slices.Sort(labels)
			key := name
			if len(labels) > 0 {
				key += "{" + strings.Join(labels, ",") + "}"
			}
			keys = append(keys, key)
		}
	}
	return keys
}
