package portalsim

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// rawAnswer sends req with a plain client that follows no redirect, and returns
// the answer with its body as far as it could be read.
func rawAnswer(t *testing.T, e *env, req *http.Request) (*http.Response, []byte, error) {
	t.Helper()
	plain := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := plain.Do(req)
	if err != nil {
		t.Fatalf("no answer at all: %v", err)
	}
	defer resp.Body.Close()
	body, readErr := io.ReadAll(resp.Body)
	return resp, body, readErr
}

func TestFaultCutActsThenLosesTheAnswer(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("POST /one-time-payments", Fault{Cut: true, Times: 1})
	req := e.request("POST", "/one-time-payments", payment(700), withIdempotencyKey("cut-once"))
	resp, _, err := rawAnswer(t, e, req)
	if resp.StatusCode != http.StatusCreated || err == nil {
		t.Fatalf("cut answer: status %d, read error %v; want 201 and a broken body", resp.StatusCode, err)
	}
	if got := e.sim.Stats().Payments; got != 1 {
		t.Fatalf("payments %d after a cut answer, want 1: the portal acts first", got)
	}
	e.call("POST", "/one-time-payments", payment(700), withIdempotencyKey("cut-once")).want(t, http.StatusCreated)
	if got := e.sim.Stats().Payments; got != 1 {
		t.Errorf("payments %d after the replay, want 1", got)
	}
}

func TestFaultsThatReplaceTheAnswer(t *testing.T) {
	cases := []struct {
		name        string
		fault       Fault
		status      int
		contentType string
		body        string // a part of the body
		minBytes    int
	}{
		{"html", Fault{HTML: true}, http.StatusBadGateway, "text/html", "<h1>502 Bad Gateway</h1>", 0},
		{"html 503", Fault{HTML: true, Status: 503}, http.StatusServiceUnavailable, "text/html", "503 Service Unavailable", 0},
		{"wrong type", Fault{WrongType: true}, http.StatusOK, "text/plain", `"status":"ok"`, 0},
		{"huge", Fault{Huge: true}, http.StatusOK, "application/json", `{"status":"ok","padding":"xxx`, HugeBodyBytes},
	}
	for _, tc := range cases {
		e := newEnv(t)
		e.sim.SetFault("GET /health", tc.fault)
		resp, body, err := rawAnswer(t, e, e.request("GET", "/health", nil))
		if err != nil || resp.StatusCode != tc.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), tc.contentType) {
			t.Errorf("%s: %d %q (read error %v)", tc.name, resp.StatusCode, resp.Header.Get("Content-Type"), err)
		}
		if !strings.Contains(string(body), tc.body) || len(body) < tc.minBytes {
			t.Errorf("%s: body of %d bytes lacks %q", tc.name, len(body), tc.body)
		}
	}
}

func TestFaultRedirectKeepsThePath(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFault("POST /one-time-payments", Fault{Redirect: "https://elsewhere.example", Times: 1})
	resp, _, _ := rawAnswer(t, e, e.request("POST", "/one-time-payments", payment(700), withIdempotencyKey("moved")))
	want := "https://elsewhere.example/api/kiosk/v1/one-time-payments"
	if resp.StatusCode != http.StatusTemporaryRedirect || resp.Header.Get("Location") != want {
		t.Errorf("redirect: %d to %q, want 307 to %q", resp.StatusCode, resp.Header.Get("Location"), want)
	}
	if got := e.sim.Stats().Payments; got != 0 {
		t.Errorf("the portal acted on a redirected request: %d payments", got)
	}
}

func TestParseFaultsSpoilers(t *testing.T) {
	got, err := ParseFaults("GET /health=html,status:503;GET /terms=wrongtype;GET /account=huge;" +
		"POST /autopay=cut,times:1;POST /sessions=redirect:https://elsewhere.example")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Fault{
		"GET /health":    {HTML: true, Status: 503},
		"GET /terms":     {WrongType: true},
		"GET /account":   {Huge: true},
		"POST /autopay":  {Cut: true, Times: 1},
		"POST /sessions": {Redirect: "https://elsewhere.example"},
	}
	for route, f := range want {
		if got[route] != f {
			t.Errorf("%s: got %+v, want %+v", route, got[route], f)
		}
	}
	for _, bad := range []string{"GET /health=redirect:elsewhere", "GET /health=redirect:https://x.example/path", "GET /health=cut:yes"} {
		if _, err := ParseFaults(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
