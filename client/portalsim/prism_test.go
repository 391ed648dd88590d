//go:build contract

package portalsim

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

// The second, independent reading of docs/portal-api.yaml: Stoplight Prism's
// validating proxy (a JavaScript tool, the kind a portal vendor mocks or checks
// an API with) stands between a driver and the simulator, and every answer of
// every route, each documented status and error code, must pass it. The Go tests
// check the same answers with kin-openapi; two tools that agree are the sign the
// contract means one thing. `make contract-check` installs Prism and runs this
// (build tag contract: it needs Node.js and Prism, which unit tests do not).
// Answers outside the contract's paths (an unknown route's 404, a wrong method's
// 405) Prism cannot route; spec_test.go checks those against ErrorBody.

var prismPath = flag.String("prism", "", "path of Stoplight Prism's CLI (`make contract-check` installs it)")

// prismStartWait bounds Prism's start; a cold Node.js start on a loaded machine takes seconds.
const prismStartWait = 60 * time.Second

func TestContractThroughPrism(t *testing.T) {
	if *prismPath == "" {
		t.Fatal("-prism is required: run `make contract-check`")
	}
	clock := &fakeClock{now: clocktest.Now()}
	sim := New(Options{Now: clock.Now})
	upstream := &spoilable{next: sim}
	srv := httptest.NewServer(upstream)
	t.Cleanup(srv.Close)
	// Two proxies: the strict one also checks each request against the contract
	// (so the driver's requests, built from the client's types, are what the
	// contract says); the other forwards requests that break it on purpose,
	// whose answers (422, 400) it still checks.
	strict, lax := startPrism(t, srv.URL+client.BasePath, true), startPrism(t, srv.URL+client.BasePath, false)
	strict.waitReady(t)
	lax.waitReady(t)
	d := &prismDriver{t: t, sim: sim, clock: clock, strict: strict.url, lax: lax.url, seen: map[string]bool{}}
	d.run()
	d.checkCoverage(loadSpec(t).doc)
	d.catchesMismatches(upstream)
}

// catchesMismatches proves the check is not vacuous: answers that break the
// contract, put in the simulator's place, are flagged by Prism.
func (d *prismDriver) catchesMismatches(upstream *spoilable) {
	lookup := exchange{method: "POST", route: "/accounts/lookup", body: client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97501"}}
	withoutRetryAfter := errorReply(http.StatusTooManyRequests, client.CodeRateLimited, "x")
	for name, c := range map[string]struct {
		x      exchange
		answer reply
	}{
		"a code the status does not carry": {lookup, errorReply(http.StatusNotFound, client.CodeNotFound, "x")},
		"an unknown field":                 {exchange{method: "GET", route: "/health"}, jsonBody(http.StatusOK, []byte(`{"status":"ok","terms_version":"x","extra":1}`))},
		"429 without Retry-After":          {lookup, withoutRetryAfter},
		"an error body with more":          {lookup, jsonBody(http.StatusNotFound, []byte(`{"code":"account_not_found","message":"x","detail":"y"}`))},
		"an undocumented status":           {exchange{method: "GET", route: "/health"}, errorReply(http.StatusTeapot, client.CodeInternal, "x")},
	} {
		upstream.spoilNext(c.answer)
		resp, err := prismClient.Do(d.request(c.x))
		if err != nil {
			d.t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.Header.Get("sl-violations") == "" {
			d.t.Errorf("Prism let %s by (%d)", name, resp.StatusCode)
		}
	}
}

// spoilable answers in the simulator's place once told to, and otherwise lets it answer.
type spoilable struct {
	next  http.Handler
	mu    sync.Mutex
	spoil *reply
}

func (s *spoilable) spoilNext(r reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.spoil = &r
}

func (s *spoilable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	spoil := s.spoil
	s.spoil = nil
	s.mu.Unlock()
	if spoil != nil {
		spoil.write(w)
		return
	}
	s.next.ServeHTTP(w, r)
}

// prismProxy is one running `prism proxy`.
type prismProxy struct {
	url     string
	stop    func()
	ready   chan struct{}   // closed once Prism says it listens
	ended   chan struct{}   // closed once its output has ended
	output  strings.Builder // what Prism wrote; read only once ended is closed
	readyAt sync.Once
}

// startPrism starts a proxy in front of upstream on a free loopback port.
func startPrism(t *testing.T, upstream string, checkRequests bool) *prismProxy {
	t.Helper()
	port := freePort(t)
	args := []string{"proxy", specPath, upstream, "--errors", "--host", "127.0.0.1", "--port", strconv.Itoa(port)}
	if !checkRequests {
		args = append(args, "--validate-request=false")
	}
	cmd := exec.Command(*prismPath, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // Node may start helpers: end the whole group
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", *prismPath, err)
	}
	p := &prismProxy{url: "http://127.0.0.1:" + strconv.Itoa(port), ready: make(chan struct{}), ended: make(chan struct{})}
	p.stop = sync.OnceFunc(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-p.ended
		_ = cmd.Wait()
	})
	t.Cleanup(p.stop)
	go func() {
		defer close(p.ended)
		scanner := bufio.NewScanner(out)
		for scanner.Scan() {
			p.output.WriteString(scanner.Text() + "\n")
			if strings.Contains(scanner.Text(), "Prism is listening") {
				p.readyAt.Do(func() { close(p.ready) })
			}
		}
	}()
	return p
}

// waitReady waits until the proxy says it listens.
func (p *prismProxy) waitReady(t *testing.T) {
	t.Helper()
	select {
	case <-p.ready:
		return
	case <-p.ended:
		t.Fatalf("prism ended before it listened; its output:\n%s", p.output.String())
	case <-time.After(prismStartWait):
		p.stop()
		t.Fatalf("prism did not listen within %v; its output:\n%s", prismStartWait, p.output.String())
	}
}

// freePort returns a loopback port nothing listens on (Prism takes no port 0).
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// prismClient bounds each exchange: a proxy that hangs fails the check, not the run.
var prismClient = &http.Client{Timeout: 20 * time.Second}

// prismDriver sends the traffic through the proxies and notes what it met.
type prismDriver struct {
	t           *testing.T
	sim         *Sim
	clock       *fakeClock
	strict, lax string          // the proxies' origins
	seen        map[string]bool // "METHOD /route STATUS[ code]" answered and passed
}

// exchange is one request through a proxy and the answer the simulator must give.
type exchange struct {
	method, route string // the route as the contract writes it, e.g. "/demo/verify/{token}"
	param         string // the {token} of the route, if any
	query         string
	body          any    // JSON-encoded, unless a string (sent as is) or nil
	key, session  string // Idempotency-Key, X-Customer-Session
	kioskKey      string // DemoKioskKey unless set
	breaks        bool   // the request breaks the contract on purpose: through the proxy that lets it by
	status        int
	code          string // the ErrorBody code of an error answer
}

// send makes the exchange and fails the test unless Prism passed the
// simulator's answer untouched and it is the one expected. It returns the body.
func (d *prismDriver) send(x exchange) []byte {
	d.t.Helper()
	req := d.request(x)
	resp, err := prismClient.Do(req)
	if err != nil {
		d.t.Fatalf("%s %s: %v", x.method, x.route, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		d.t.Fatal(err)
	}
	what := fmt.Sprintf("%s %s -> %d", x.method, x.route, resp.StatusCode)
	if v := resp.Header.Get("sl-violations"); v != "" {
		d.t.Fatalf("%s: Prism finds it breaks docs/portal-api.yaml: %s\nbody: %s", what, v, body)
	}
	if resp.StatusCode != x.status {
		d.t.Fatalf("%s, want %d; body %s", what, x.status, body)
	}
	key := fmt.Sprintf("%s %s %d", x.method, x.route, x.status)
	if x.code != "" {
		var eb client.ErrorBody
		if ct := resp.Header.Get("Content-Type"); ct != "application/json" || json.Unmarshal(body, &eb) != nil || eb.Code != x.code {
			d.t.Fatalf("%s: want the simulator's %q, got %s %s", what, x.code, ct, body)
		}
		key += " " + x.code
	}
	d.seen[key] = true
	return body
}

// request builds the exchange's request to the proxy that suits it.
func (d *prismDriver) request(x exchange) *http.Request {
	d.t.Helper()
	origin := d.strict
	if x.breaks {
		origin = d.lax
	}
	path := strings.Replace(x.route, paramSuffix, x.param, 1)
	if x.query != "" {
		path += "?" + x.query
	}
	req, err := http.NewRequest(x.method, origin+path, bodyReader(d.t, x.body))
	if err != nil {
		d.t.Fatal(err)
	}
	if x.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if x.kioskKey == "" {
		x.kioskKey = DemoKioskKey
	}
	req.Header.Set("Authorization", "Bearer "+x.kioskKey)
	if x.session != "" {
		req.Header.Set(client.HeaderCustomerSession, x.session)
	}
	if x.key != "" {
		req.Header.Set(client.HeaderIdempotencyKey, x.key)
	}
	return req
}

// checkCoverage fails the test for every status, and every error code of a
// status, that the contract documents for a route and the traffic never met.
func (d *prismDriver) checkCoverage(doc *openapi3.T) {
	var missed []string
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for status, resp := range op.Responses.Map() {
				codes := documentedCodes(resp.Value)
				if len(codes) == 0 {
					codes = []string{""}
				}
				for _, code := range codes {
					key := strings.TrimSpace(fmt.Sprintf("%s %s %s %s", method, path, status, code))
					if !d.seen[key] {
						missed = append(missed, key)
					}
				}
			}
		}
	}
	slices.Sort(missed)
	for _, key := range missed {
		d.t.Errorf("the contract documents %s, which no exchange through Prism met", key)
	}
	d.t.Logf("%d statuses and error codes of %d routes went through Prism", len(d.seen), len(doc.Paths.Map()))
}

// documentedCodes are the error codes a response's schema allows: those of
// the allOf part that narrows ErrorBody.
func documentedCodes(resp *openapi3.Response) []string {
	media := resp.Content.Get("application/json")
	if media == nil || media.Schema == nil {
		return nil
	}
	var codes []string
	for _, part := range media.Schema.Value.AllOf {
		code := part.Value.Properties["code"]
		if part.Ref != "" || code == nil {
			continue // ErrorBody itself, which allows every code
		}
		if c, ok := code.Value.Const.(string); ok {
			codes = append(codes, c)
		}
		for _, e := range code.Value.Enum {
			codes = append(codes, fmt.Sprint(e))
		}
	}
	return codes
}
