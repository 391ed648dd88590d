package portalsim

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

func TestFaultStatusForTimes(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("POST /accounts/lookup", Fault{Status: http.StatusServiceUnavailable, Times: 2})
	req := client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97501"}
	for range 2 {
		e.call("POST", "/accounts/lookup", req).wantError(t, http.StatusServiceUnavailable, client.CodeUnavailable)
	}
	e.call("POST", "/accounts/lookup", req).want(t, http.StatusOK)
	e.call("GET", "/health", nil).want(t, http.StatusOK) // other routes unaffected
}

func TestFaultStatusesUntilCleared(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("GET /health", Fault{Status: http.StatusInternalServerError})
	e.sim.SetFault("post /api/kiosk/v1/accounts/lookup", Fault{Status: http.StatusTooManyRequests})
	for range 3 {
		e.call("GET", "/health", nil).wantError(t, http.StatusInternalServerError, client.CodeInternal)
	}
	limited := e.call("POST", "/accounts/lookup", client.LookupRequest{})
	limited.wantError(t, http.StatusTooManyRequests, client.CodeRateLimited)
	if got := limited.header.Get("Retry-After"); got != "1" {
		t.Errorf("Retry-After %q, want 1", got)
	}
	e.sim.ClearFaults()
	e.call("GET", "/health", nil).want(t, http.StatusOK)
	e.call("POST", "/accounts/lookup", client.LookupRequest{}).want(t, http.StatusUnprocessableEntity)
}

func TestFaultOnParameterRoute(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("GET /demo/verify/{token}", Fault{Status: http.StatusServiceUnavailable, Times: 1})
	e.visit(e.srv.URL+client.BasePath+"/demo/verify/ANY").wantError(t, http.StatusServiceUnavailable, client.CodeUnavailable)
	e.visit(e.srv.URL+client.BasePath+"/demo/verify/ANY").want(t, http.StatusNotFound)
}

func TestFaultDropDoesNotAct(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("POST /one-time-payments", Fault{Drop: true, Times: 1})
	req := e.request("POST", "/one-time-payments", payment(700), withIdempotencyKey("retry-me"))
	if resp, err := e.http.Do(req); err == nil {
		_ = resp.Body.Close()
		t.Fatalf("dropped request answered %d", resp.StatusCode)
	}
	if got := e.sim.Stats().Payments; got != 0 {
		t.Fatalf("payments %d after a dropped request", got)
	}
	e.call("POST", "/one-time-payments", payment(700), withIdempotencyKey("retry-me")).want(t, http.StatusCreated)
	if got := e.sim.Stats().Payments; got != 1 {
		t.Errorf("payments %d, want 1", got)
	}
}

// TestFaultMalformed uses a plain client: the body is broken on purpose, so
// checking it against the document would (rightly) fail.
func TestFaultMalformed(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("GET /health", Fault{Malformed: true})
	req := e.request("GET", "/health", nil)
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var h client.Health
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &h) == nil {
		t.Errorf("malformed answer %d %q %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}

func TestFaultLatency(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("GET /health", Fault{Latency: 50 * time.Millisecond, Times: 1})
	start := time.Now()
	e.call("GET", "/health", nil).want(t, http.StatusOK)
	if elapsed := time.Since(start); elapsed < 50*time.Millisecond {
		t.Errorf("answered after %s, want at least 50ms", elapsed)
	}
}

func TestFaultLatencyHonoursCancellation(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("GET /health", Fault{Latency: 10 * time.Second, Status: http.StatusServiceUnavailable})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := e.http.Do(e.request("GET", "/health", nil).WithContext(ctx))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want deadline exceeded", err)
	}
	e.srv.Close() // waits for the handler: it must give up with the request
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("handler kept sleeping for %s", elapsed)
	}
}

func TestUnknownRouteAndWrongMethod(t *testing.T) {
	e := newEnv(t)
	e.call("GET", "/nope", nil).wantError(t, http.StatusNotFound, client.CodeNotFound)
	e.call("GET", "/demo/verify/a/b", nil).wantError(t, http.StatusNotFound, client.CodeNotFound)
	wrong := e.call("DELETE", "/health", nil)
	wrong.wantError(t, http.StatusMethodNotAllowed, codeMethodNotAllowed)
	if got := wrong.header.Get("Allow"); got != "GET" {
		t.Errorf("Allow %q, want GET", got)
	}
	req, err := http.NewRequest("GET", e.srv.URL+"/health", nil)
	if err != nil {
		t.Fatal(err)
	}
	e.send(req).wantError(t, http.StatusNotFound, client.CodeNotFound)
}

func TestParseFaults(t *testing.T) {
	got, err := ParseFaults(" POST /accounts/lookup=status:503,times:2; GET /health=latency:2s ;POST /one-time-payments=drop;" +
		"get /api/kiosk/v1/terms=malformed,latency:150ms;")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Fault{
		"POST /accounts/lookup":   {Status: 503, Times: 2},
		"GET /health":             {Latency: 2 * time.Second},
		"POST /one-time-payments": {Drop: true},
		"GET /terms":              {Malformed: true, Latency: 150 * time.Millisecond},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got, err := ParseFaults(""); err != nil || len(got) != 0 {
		t.Errorf("empty spec: %v, %v", got, err)
	}
}

func TestParseFaultsErrorsNameTheBadPart(t *testing.T) {
	cases := []struct{ spec, mention string }{
		{"GET /health", "GET /health"},
		{"GET /health=status:503;POST /sessions", "POST /sessions"},
		{"G3T /health=drop", "G3T"},
		{"GET health=drop", "health"},
		{"=drop", "=drop"},
		{"GET /health=explode", "explode"},
		{"GET /health=latency:soon", "latency:soon"},
		{"GET /health=latency:-1s", "latency:-1s"},
		{"GET /health=status:200", "status:200"},
		{"GET /health=status:abc", "status:abc"},
		{"GET /health=times:-1", "times:-1"},
		{"GET /health=drop:yes", "drop:yes"},
		{"GET /health=drop,", `""`},
		{"GET /health=times:3", "would do nothing"},
		{"GET /health=drop;GET /health=status:500", "twice"},
	}
	for _, tc := range cases {
		got, err := ParseFaults(tc.spec)
		if err == nil {
			t.Errorf("%q: no error, got %+v", tc.spec, got)
			continue
		}
		if !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("%q: error %q does not mention %q", tc.spec, err, tc.mention)
		}
	}
}
