package client_test

import (
	"context"
	"encoding/pem"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

func TestNewChecksBaseURL(t *testing.T) {
	ok := []string{"https://services.example.org", "https://services.example.org/", "http://127.0.0.1:8088",
		"http://127.1.2.3", "http://localhost:9000", "http://[::1]:8088", "https://[2001:db8::1]"}
	for _, u := range ok {
		if _, err := client.New(client.Options{BaseURL: u, KioskKey: "k"}); err != nil {
			t.Errorf("New(%q): %v", u, err)
		}
	}
	bad := []string{"http://services.example.org", "http://10.0.0.5:8088", "http://localhost.example.org",
		"ftp://127.0.0.1", "127.0.0.1:8088", "", "https://", "https://user:pw@example.org",
		"https://example.org?key=1", "http://[::ffff:10.0.0.1]", "http://0.0.0.0:8088"}
	for _, u := range bad {
		if _, err := client.New(client.Options{BaseURL: u, KioskKey: "k"}); err == nil {
			t.Errorf("New(%q) accepted", u)
		}
	}
	for _, key := range []string{"", "has space", "new\nline"} {
		if _, err := client.New(client.Options{BaseURL: "https://example.org", KioskKey: key}); err == nil {
			t.Errorf("New with kiosk key %q accepted", key)
		}
	}
}

func TestNewRootCAFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pem")
	empty := filepath.Join(dir, "empty.pem")
	_ = os.WriteFile(bad, []byte("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"), 0o600)
	_ = os.WriteFile(empty, nil, 0o600)
	for _, f := range []string{bad, empty, filepath.Join(dir, "missing.pem")} {
		if _, err := client.New(client.Options{BaseURL: "https://example.org", KioskKey: "k", RootCAFile: f}); err == nil {
			t.Errorf("RootCAFile %s accepted", filepath.Base(f))
		}
	}
}

func TestTLSWithRootCA(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+testKioskKey {
			writeJSON(w, 401, `{"code":"unauthorized","message":"key"}`)
			return
		}
		writeJSON(w, 200, `{"status":"ok","terms_version":"v1"}`)
	}))
	defer srv.Close()
	ca := filepath.Join(t.TempDir(), "ca.pem")
	block := &pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}
	if err := os.WriteFile(ca, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, client.Options{BaseURL: srv.URL, RootCAFile: ca})
	if h, err := c.Health(context.Background()); err != nil || h.Status != "ok" {
		t.Fatalf("Health over TLS = %+v, %v", h, err)
	}
	untrusting := newClient(t, client.Options{BaseURL: srv.URL, MaxAttempts: 1})
	_, err := untrusting.Health(context.Background())
	wantUnavailable(t, err)
}

func TestHeadersSent(t *testing.T) {
	var got http.Header
	h := newHostile(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		writeJSON(w, 201, `{"id":"pm_1","kind":"card","brand":"visa","last4":"1111"}`)
	})
	c := newClient(t, client.Options{BaseURL: h.URL})
	if _, err := c.AddPaymentMethod(context.Background(), "sess-tok", testCardDetails(), "idem-1"); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Authorization": "Bearer " + testKioskKey, client.HeaderCustomerSession: "sess-tok",
		client.HeaderIdempotencyKey: "idem-1", "Content-Type": "application/json"}
	for k, v := range want {
		if got.Get(k) != v {
			t.Errorf("header %s = %q; want %q", k, got.Get(k), v)
		}
	}
	if _, err := c.AddPaymentMethod(context.Background(), "sess-tok", testCardDetails(), ""); err != nil {
		t.Fatal(err)
	}
	if _, ok := got[client.HeaderIdempotencyKey]; ok {
		t.Error("Idempotency-Key sent for an empty key")
	}
}

func TestBadAnswersAreUnavailable(t *testing.T) {
	cases := map[string]func(w http.ResponseWriter){
		"html 502":        func(w http.ResponseWriter) { htmlPage(w, 502) },
		"html 404":        func(w http.ResponseWriter) { htmlPage(w, 404) },
		"html 200":        func(w http.ResponseWriter) { htmlPage(w, 200) },
		"text error":      func(w http.ResponseWriter) { http.Error(w, "nope", 403) },
		"json no code":    func(w http.ResponseWriter) { writeJSON(w, 404, `{"message":"x"}`) },
		"truncated json":  func(w http.ResponseWriter) { writeJSON(w, 200, `{"status":"o`) },
		"empty 200":       func(w http.ResponseWriter) { writeJSON(w, 200, ``) },
		"wrong type":      func(w http.ResponseWriter) { writeJSON(w, 200, `["a"]`) },
		"oversize":        func(w http.ResponseWriter) { writeJSON(w, 200, `{"status":"`+strings.Repeat("a", 2<<20)+`"}`) },
		"redirect status": func(w http.ResponseWriter) { w.WriteHeader(304) },
	}
	for name, fn := range cases {
		h := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { fn(w) })
		c := newClient(t, client.Options{BaseURL: h.URL})
		_, err := c.Health(context.Background())
		if !errors.Is(err, client.ErrUnavailable) || errors.Is(err, client.ErrNotFound) {
			t.Errorf("%s: err = %v; want only ErrUnavailable", name, err)
		}
		if name == "oversize" && (h.n.Load() != 1 || !strings.Contains(err.Error(), "too large")) {
			t.Errorf("oversize: %v after %d requests", err, h.n.Load())
		}
	}
}

func htmlPage(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(status)
	_, _ = w.Write([]byte("<html><body>Bad Gateway</body></html>"))
}

func TestMaxBodyBytesOption(t *testing.T) {
	h := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 200, `{"status":"ok","terms_version":"`+strings.Repeat("v", 200)+`"}`)
	})
	_, err := newClient(t, client.Options{BaseURL: h.URL, MaxBodyBytes: 100}).Health(context.Background())
	wantUnavailable(t, err)
	if _, err := newClient(t, client.Options{BaseURL: h.URL, MaxBodyBytes: 1000}).Health(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestMalformedAndDroppedFromSim(t *testing.T) {
	e := newSimEnv(t)
	e.sim.SetFault("GET /health", portalsim.Fault{Malformed: true})
	_, err := e.c.Health(context.Background())
	wantUnavailable(t, err)
	e.sim.SetFault("GET /health", portalsim.Fault{Drop: true})
	_, err = e.c.Health(context.Background())
	wantUnavailable(t, err)
	e.sim.ClearFaults()
	if _, err := e.c.Health(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// A call that wants no body still needs its 2xx to be JSON or empty: an HTML page
// or junk with a 200 must not tell the visitor "email sent".
func TestBodylessCallsRefuseJunkAnswers(t *testing.T) {
	e := newSimEnv(t)
	for _, f := range []portalsim.Fault{{Malformed: true}, {WrongType: true}, {Huge: true}} {
		e.sim.SetFault("POST /password-resets", f)
		wantUnavailable(t, e.c.RequestPasswordReset(context.Background(), "pat@example.com"))
	}
	e.sim.ClearFaults()
	if err := e.c.RequestPasswordReset(context.Background(), "pat@example.com"); err != nil {
		t.Fatalf("a good 202: %v", err)
	}
	if err := e.c.SignOut(context.Background(), "no-such-session"); err != nil {
		t.Fatalf("an empty 204: %v", err)
	}
}

func TestCrossHostRedirectRefused(t *testing.T) {
	other := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 200, `{"status":"ok"}`)
	})
	h := newHostile(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/steal", http.StatusTemporaryRedirect)
	})
	c := newClient(t, client.Options{BaseURL: h.URL})
	_, err := c.Health(context.Background())
	wantUnavailable(t, err)
	if other.n.Load() != 0 || strings.Contains(err.Error(), other.URL) {
		t.Fatalf("redirect followed to another host (%d requests), err %v", other.n.Load(), err)
	}
}

// A redirect is refused, whatever its origin: the API has none, and following a
// 303 from a payment turned it into a GET whose answer was shown as the receipt.
func TestEveryRedirectIsRefused(t *testing.T) {
	for _, status := range []int{301, 302, 303, 307, 308} {
		h := newHostile(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == client.BasePath+"/one-time-payments" {
				http.Redirect(w, r, client.BasePath+"/receipt", status)
				return
			}
			// A receipt that would pass every check of an answer.
			writeJSON(w, 200, `{"confirmation_number":"MW-7K3Q9X2A","amount_cents":100,"receipt_email":"`+newEmail+`"}`)
		})
		c := newClient(t, client.Options{BaseURL: h.URL})
		receipt, err := c.PayOnce(context.Background(), client.OneTimePaymentRequest{AccountNumber: "00065821-0672430",
			PostalCode: "97501", Email: newEmail, AmountCents: 100, Payment: testCardDetails()}, client.NewIdempotencyKey())
		wantUnavailable(t, err)
		if receipt != (client.Receipt{}) || h.n.Load() != 1 {
			t.Errorf("%d followed: receipt %+v after %d requests", status, receipt, h.n.Load())
		}
	}
}

func TestNetworkErrorIsUnavailable(t *testing.T) {
	h := newHostile(t, func(int32, http.ResponseWriter, *http.Request) {})
	url := h.URL
	h.Close()
	c := newClient(t, client.Options{BaseURL: url})
	_, err := c.Health(context.Background())
	wantUnavailable(t, err)
	if strings.Contains(err.Error(), "http://") {
		t.Errorf("error text holds a URL: %v", err)
	}
}

func TestNewIdempotencyKey(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		k := client.NewIdempotencyKey()
		if len(k) < 20 || len(k) > 255 || seen[k] {
			t.Fatalf("bad or repeated key %q", k)
		}
		seen[k] = true
	}
}

func TestAPIErrorIs(t *testing.T) {
	cases := map[int]error{400: client.ErrValidation, 401: client.ErrUnauthorized, 403: client.ErrUnauthorized,
		404: client.ErrNotFound, 409: client.ErrConflict, 422: client.ErrValidation, 429: client.ErrRateLimited,
		500: client.ErrUnavailable, 502: client.ErrUnavailable, 503: client.ErrUnavailable}
	all := []error{client.ErrNotFound, client.ErrRateLimited, client.ErrUnauthorized, client.ErrValidation,
		client.ErrConflict, client.ErrUnavailable}
	for status, want := range cases {
		err := error(&client.APIError{Status: status, Code: "x", Message: "secret@example.org"})
		for _, s := range all {
			if errors.Is(err, s) != (s == want) {
				t.Errorf("status %d: errors.Is(%v) = %v", status, s, !(s == want))
			}
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("Error() holds the message: %q", err)
		}
	}
}
