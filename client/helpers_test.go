package client_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

// testKioskKey is a distinctive key, so the redaction test can look for it.
const testKioskKey = "kk-SECRET-7f3a9c-kiosk"

// logBuffer collects slog JSON output safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newLogger returns a Debug-level JSON logger into a buffer. Time and
// duration values are dropped so that the digits in the log are only the
// ones the client chose to write.
func newLogger() (*slog.Logger, *logBuffer) {
	buf := &logBuffer{}
	h := slog.NewJSONHandler(buf, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{}
			}
			return a
		},
	})
	return slog.New(h), buf
}

// simEnv is a running simulator and a client talking to it.
type simEnv struct {
	sim  *portalsim.Sim
	url  string
	c    *client.Client
	logs *logBuffer
}

// newSimEnv starts a simulator with testKioskKey and a fast-retrying client.
func newSimEnv(t *testing.T) *simEnv {
	t.Helper()
	sim := portalsim.New(portalsim.Options{KioskKey: testKioskKey, Now: clocktest.Now})
	srv, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	log, buf := newLogger()
	c := newClient(t, client.Options{BaseURL: srv.URL, KioskKey: testKioskKey, Logger: log})
	return &simEnv{sim: sim, url: srv.URL, c: c, logs: buf}
}

// newClient makes a client with short retry delays unless opts says otherwise.
func newClient(t *testing.T, opts client.Options) *client.Client {
	t.Helper()
	if opts.RetryBaseDelay == 0 {
		opts.RetryBaseDelay = 10 * time.Millisecond
	}
	if opts.RetryMaxDelay == 0 {
		opts.RetryMaxDelay = 50 * time.Millisecond
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.KioskKey == "" {
		opts.KioskKey = testKioskKey
	}
	c, err := client.New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// demo returns the demo account whose number starts with prefix.
func demo(t *testing.T, prefix string) portalsim.DemoAccount {
	t.Helper()
	for _, a := range portalsim.DemoAccounts() {
		if len(a.Number) >= len(prefix) && a.Number[:len(prefix)] == prefix {
			return a
		}
	}
	t.Fatalf("no demo account %s", prefix)
	return portalsim.DemoAccount{}
}

// wantAPIError asserts err is an *APIError with status and code, matching sentinel.
func wantAPIError(t *testing.T, err error, status int, code string, sentinel error) *client.APIError {
	t.Helper()
	var ae *client.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v (%T): want *APIError %d %s", err, err, status, code)
	}
	if ae.Status != status || ae.Code != code {
		t.Fatalf("APIError %d %s; want %d %s", ae.Status, ae.Code, status, code)
	}
	if !errors.Is(err, sentinel) {
		t.Fatalf("errors.Is(%v, %v) = false", err, sentinel)
	}
	return ae
}

// wantUnavailable asserts err matches ErrUnavailable and is not an *APIError.
func wantUnavailable(t *testing.T, err error) {
	t.Helper()
	var ae *client.APIError
	if !errors.Is(err, client.ErrUnavailable) || errors.As(err, &ae) {
		t.Fatalf("error %v (%T): want ErrUnavailable without APIError", err, err)
	}
}

// hostile is an httptest server that counts requests and answers with fn.
type hostile struct {
	*httptest.Server
	n atomic.Int32
}

func newHostile(t *testing.T, fn func(n int32, w http.ResponseWriter, r *http.Request)) *hostile {
	t.Helper()
	h := &hostile{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fn(h.n.Add(1), w, r)
	}))
	t.Cleanup(h.Close)
	return h
}

// writeJSON answers status with a JSON body.
func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// ctxTimeout returns a context with a deadline, cancelled at test end.
func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
