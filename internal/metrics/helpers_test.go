package metrics

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// testClock is a settable instant, for the UI heartbeat's age.
type testClock struct{ now time.Time }

func (c *testClock) Now() time.Time { return c.now }

// start is the instant the tests' metrics are made at.
var start = time.Date(2026, time.March, 8, 9, 30, 0, 0, time.UTC)

// newTestMetrics are metrics of a known build on a clock the test moves.
func newTestMetrics() (*Metrics, *testClock) {
	c := &testClock{now: start}
	return New(Options{Version: "v1.4.0", Commit: "3f2a9c1", Fyne: "v2.8.1", Now: c.Now}), c
}

// serve serves m on a loopback port with webConfig until the test ends and
// returns the server's address.
func serve(t testing.TB, m *Metrics, webConfig string) string {
	t.Helper()
	s, err := Listen("127.0.0.1:0", webConfig, m, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return s.Addr().String()
}

// scrapeText GETs url with c and returns the body, failing unless it is a 200.
func scrapeText(t testing.TB, c *http.Client, req *http.Request) string {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", req.URL, resp.Status)
	}
	return string(body)
}

// scrape serves m over plain HTTP on loopback and returns one scrape's text.
func scrape(t testing.TB, m *Metrics) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, "http://"+serve(t, m, "")+"/metrics", nil)
	return scrapeText(t, http.DefaultClient, req)
}

// families parses a scrape in the text format.
func families(t testing.TB, text string) map[string]*dto.MetricFamily {
	t.Helper()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(text))
	if err != nil {
		t.Fatalf("parsing the scrape: %v\n%s", err, text)
	}
	return fams
}

// value is the value of the family's series whose labels are exactly labels
// (name=value pairs); ok is false when there is none.
func value(fams map[string]*dto.MetricFamily, name string, labels ...string) (v float64, ok bool) {
	fam := fams[name]
	if fam == nil {
		return 0, false
	}
	for _, metric := range fam.Metric {
		if !hasLabels(metric, labels) {
			continue
		}
		switch {
		case metric.Gauge != nil:
			return metric.Gauge.GetValue(), true
		case metric.Counter != nil:
			return metric.Counter.GetValue(), true
		case metric.Histogram != nil:
			return float64(metric.Histogram.GetSampleCount()), true
		}
	}
	return 0, false
}

func hasLabels(metric *dto.Metric, labels []string) bool {
	if len(metric.Label) != len(labels)/2 {
		return false
	}
	for i := 0; i < len(labels); i += 2 {
		found := false
		for _, l := range metric.Label {
			found = found || (l.GetName() == labels[i] && l.GetValue() == labels[i+1])
		}
		if !found {
			return false
		}
	}
	return true
}
