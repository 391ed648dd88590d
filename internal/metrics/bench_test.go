package metrics

import (
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
)

// BenchmarkScrape is the time /metrics takes to answer a scrape over loopback
// HTTP, as Prometheus asks for it (OpenMetrics), with every series in use: the
// scrape's cost on a kiosk.
func BenchmarkScrape(b *testing.B) {
	m, _ := newTestMetrics()
	for _, journey := range journeys {
		m.VisitEnded(heartbeat.Visit{EndedBy: "finish", Language: "en", Journeys: []string{journey}, Took: time.Minute})
	}
	for _, call := range calls {
		m.PortalCall(call, nil, 200*time.Millisecond)
	}
	m.SetPrinter(&client.PrinterStatus{Summary: "ready"})
	req, _ := http.NewRequest(http.MethodGet, "http://"+serve(b, m, "")+"/metrics", nil)
	req.Header.Set("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
	var size int64
	b.ReportAllocs()
	for b.Loop() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		size, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatal(resp.Status)
		}
	}
	b.ReportMetric(float64(size), "bytes/scrape")
}
