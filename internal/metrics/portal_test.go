package metrics

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

const kioskKey = "metrics-test-kiosk-key"

// portalClient is a client of url that tells m of its calls, without retries.
func portalClient(t *testing.T, url string, m *Metrics) *client.Client {
	t.Helper()
	c, err := client.New(client.Options{BaseURL: url, KioskKey: kioskKey, MaxAttempts: 1, Observer: m,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Each way a portal call ends is counted under its result, through the real
// client talking to the simulator and to portals that misbehave.
func TestPortalCallsAreCountedByResult(t *testing.T) {
	m, _ := newTestMetrics()
	sim, err := portalsim.New(portalsim.Options{KioskKey: kioskKey, Now: clocktest.Now}).Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	answering := func(status int, body string) string {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		}))
		t.Cleanup(s.Close)
		return s.URL
	}
	slow := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // the server sees the client leave only once the body is read
		<-r.Context().Done()
	}))
	defer slow.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()

	ctx := context.Background()
	lookup := client.LookupRequest{AccountNumber: "99999999-9999999", PostalCode: "97501"}
	_, _ = portalClient(t, sim.URL, m).Health(ctx)
	_, _ = portalClient(t, sim.URL, m).Lookup(ctx, lookup)
	_, _ = portalClient(t, answering(503, `{"code":"unavailable","message":"down"}`), m).Lookup(ctx, lookup)
	_, _ = portalClient(t, answering(200, `{}`), m).Lookup(ctx, lookup)
	_, _ = portalClient(t, closed.URL, m).Lookup(ctx, lookup)
	short, cancelShort := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancelShort()
	_, _ = portalClient(t, slow.URL, m).Lookup(short, lookup)
	gone, cancel := context.WithCancel(ctx)
	cancel()
	_, _ = portalClient(t, slow.URL, m).Lookup(gone, lookup)

	fams := families(t, scrape(t, m))
	for call, results := range map[string][]string{
		client.CallHealth: {ResultOK},
		client.CallLookup: {ResultRejected, ResultPortalError, ResultUnexpected, ResultUnavailable, ResultTimeout, ResultCanceled},
	} {
		for _, result := range results {
			if v, _ := value(fams, "lobbykiosk_portal_requests_total", "call", call, "result", result); v != 1 {
				t.Errorf("%s ending %s counted %v times, want 1", call, result, v)
			}
		}
	}
	if n, _ := value(fams, "lobbykiosk_portal_request_duration_seconds", "call", client.CallLookup); n != 6 {
		t.Errorf("%v lookup durations observed, want 6", n)
	}
}
