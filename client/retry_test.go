package client_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

func TestRetry503ThenSuccess(t *testing.T) {
	e := newSimEnv(t)
	e.sim.SetFault("GET /health", portalsim.Fault{Status: 503, Times: 2})
	if _, err := e.c.Health(context.Background()); err != nil {
		t.Fatalf("Health after 503, 503: %v", err)
	}
	e.sim.SetFault("GET /health", portalsim.Fault{Status: 503, Times: 3})
	_, err := e.c.Health(context.Background())
	wantAPIError(t, err, 503, client.CodeUnavailable, client.ErrUnavailable)
}

func TestRetryCountsAttempts(t *testing.T) {
	h := newHostile(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
		if n <= 2 {
			writeJSON(w, 503, `{"code":"unavailable","message":"down"}`)
			return
		}
		writeJSON(w, 200, `{"status":"ok","terms_version":"v1"}`)
	})
	c := newClient(t, client.Options{BaseURL: h.URL})
	if _, err := c.Health(context.Background()); err != nil || h.n.Load() != 3 {
		t.Fatalf("Health = %v after %d requests; want success after 3", err, h.n.Load())
	}
}

func TestIdempotentPostIsRetried(t *testing.T) {
	e := newSimEnv(t)
	a := demo(t, "30456789")
	e.sim.SetFault("POST /one-time-payments", portalsim.Fault{Drop: true, Times: 2})
	req := client.OneTimePaymentRequest{AccountNumber: a.Number, PostalCode: a.PostalCode, Email: newEmail,
		AmountCents: 100, Payment: testBankDetails()}
	if _, err := e.c.PayOnce(context.Background(), req, client.NewIdempotencyKey()); err != nil {
		t.Fatal(err)
	}
	if n := e.sim.Stats().Payments; n != 1 {
		t.Fatalf("payments = %d; want 1", n)
	}
}

func TestPostWithoutKeyNeverRetried(t *testing.T) {
	for _, status := range []int{500, 503, 429} {
		h := newHostile(t, func(_ int32, w http.ResponseWriter, r *http.Request) {
			if r.Header.Get(client.HeaderIdempotencyKey) != "" {
				t.Error("unexpected Idempotency-Key")
			}
			w.Header().Set("Retry-After", "0")
			writeJSON(w, status, `{"code":"unavailable","message":"x"}`)
		})
		c := newClient(t, client.Options{BaseURL: h.URL})
		ctx := context.Background()
		_ = c.SendHeartbeat(ctx, client.Heartbeat{KioskID: "k"})
		_, _ = c.SignIn(ctx, client.SignInRequest{Email: newEmail, Password: newPassword})
		_, _ = c.Lookup(ctx, client.LookupRequest{AccountNumber: "00065821-0672430", PostalCode: "97501"})
		_ = c.RequestPasswordReset(ctx, newEmail)
		_, _ = c.PayOnce(ctx, client.OneTimePaymentRequest{}, "")
		if n := h.n.Load(); n != 5 {
			t.Errorf("status %d: %d requests for 5 calls; want no retry", status, n)
		}
	}
}

func TestPostWithoutKeyNotRetriedOnDrop(t *testing.T) {
	e := newSimEnv(t)
	e.sim.SetFault("POST /kiosk/heartbeat", portalsim.Fault{Drop: true, Times: 1})
	err := e.c.SendHeartbeat(context.Background(), client.Heartbeat{KioskID: "k"})
	wantUnavailable(t, err)
	if err := e.c.SendHeartbeat(context.Background(), client.Heartbeat{KioskID: "k"}); err != nil {
		t.Fatal(err)
	}
	if n := e.sim.Stats().Heartbeats; n != 1 {
		t.Fatalf("heartbeats = %d; want 1 (the dropped one not retried)", n)
	}
}

func TestClientErrorsNeverRetried(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 422} {
		h := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
			writeJSON(w, status, `{"code":"x","message":"no"}`)
		})
		c := newClient(t, client.Options{BaseURL: h.URL})
		_, err := c.Account(context.Background(), "tok")
		if err == nil || h.n.Load() != 1 {
			t.Errorf("status %d: err %v after %d requests; want 1", status, err, h.n.Load())
		}
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	var first time.Time
	var gap time.Duration
	h := newHostile(t, func(n int32, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			first = time.Now()
			w.Header().Set("Retry-After", "1")
			writeJSON(w, 429, `{"code":"rate_limited","message":"slow down"}`)
			return
		}
		gap = time.Since(first)
		writeJSON(w, 200, `{"status":"ok","terms_version":"v1"}`)
	})
	c := newClient(t, client.Options{BaseURL: h.URL})
	if _, err := c.Health(ctxTimeout(t, 5*time.Second)); err != nil {
		t.Fatal(err)
	}
	if gap < time.Second {
		t.Fatalf("retried after %v; Retry-After said 1s", gap)
	}
}

// Retry-After may ask for a longer wait than the backoff, never a shorter one: a
// fleet of kiosks told "0" must still spread its retries out.
func TestRetryAfterNeverShortensTheBackoff(t *testing.T) {
	past := time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)
	for _, tc := range []struct {
		status           int
		code, retryAfter string
	}{
		{503, "unavailable", "0"}, {503, "unavailable", past}, {429, "rate_limited", "0"}, {429, "rate_limited", past},
	} {
		var mu sync.Mutex
		var at []time.Time
		h := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
			mu.Lock()
			at = append(at, time.Now())
			mu.Unlock()
			w.Header().Set("Retry-After", tc.retryAfter)
			writeJSON(w, tc.status, `{"code":"`+tc.code+`","message":"busy"}`)
		})
		base := 80 * time.Millisecond
		c := newClient(t, client.Options{BaseURL: h.URL, MaxAttempts: 3, RetryBaseDelay: base, RetryMaxDelay: 4 * base})
		if _, err := c.Health(ctxTimeout(t, 5*time.Second)); err == nil {
			t.Fatalf("%d: a portal that always fails succeeded", tc.status)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(at) != 3 {
			t.Fatalf("%d, Retry-After %q: %d attempts, want 3", tc.status, tc.retryAfter, len(at))
		}
		// The jittered backoff after attempt n is at least half of base·2^(n-1).
		for n, least := range []time.Duration{base / 2, base} {
			if gap := at[n+1].Sub(at[n]); gap < least {
				t.Errorf("%d, Retry-After %q: attempt %d came %v after the one before; the backoff is at least %v",
					tc.status, tc.retryAfter, n+2, gap, least)
			}
		}
	}
}

func TestRetryAfterBeyondDeadlineReturnsAtOnce(t *testing.T) {
	h := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "30")
		writeJSON(w, 429, `{"code":"rate_limited","message":"slow down"}`)
	})
	c := newClient(t, client.Options{BaseURL: h.URL})
	start := time.Now()
	_, err := c.Health(ctxTimeout(t, 3*time.Second))
	ae := wantAPIError(t, err, 429, client.CodeRateLimited, client.ErrRateLimited)
	if ae.RetryAfter != 30*time.Second || time.Since(start) > time.Second || h.n.Load() != 1 {
		t.Fatalf("RetryAfter %v, took %v, %d requests", ae.RetryAfter, time.Since(start), h.n.Load())
	}
}

func TestDeadlineHonoured(t *testing.T) {
	e := newSimEnv(t)
	e.sim.SetFault("GET /health", portalsim.Fault{Latency: 5 * time.Second})
	start := time.Now()
	_, err := e.c.Health(ctxTimeout(t, 300*time.Millisecond))
	wantUnavailable(t, err)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(%v, DeadlineExceeded) = false", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("returned after %v; deadline was 300ms", d)
	}
}

func TestActionTimeoutWhenCtxHasNone(t *testing.T) {
	e := newSimEnv(t)
	e.sim.SetFault("GET /account", portalsim.Fault{Latency: 5 * time.Second})
	c := newClient(t, client.Options{BaseURL: e.url, ActionTimeout: 300 * time.Millisecond})
	start := time.Now()
	_, err := c.Account(context.Background(), "tok")
	if !errors.Is(err, client.ErrUnavailable) || !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Fatalf("err %v after %v", err, time.Since(start))
	}
}

func TestRetriesStayInsideDeadline(t *testing.T) {
	h := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 503, `{"code":"unavailable","message":"down"}`)
	})
	c := newClient(t, client.Options{BaseURL: h.URL, MaxAttempts: 50,
		RetryBaseDelay: 100 * time.Millisecond, RetryMaxDelay: 200 * time.Millisecond})
	start := time.Now()
	_, err := c.Health(ctxTimeout(t, 700*time.Millisecond))
	if !errors.Is(err, client.ErrUnavailable) || time.Since(start) > 1200*time.Millisecond {
		t.Fatalf("err %v after %v", err, time.Since(start))
	}
}

func TestCanceledContext(t *testing.T) {
	e := newSimEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := e.c.Health(ctx)
	if !errors.Is(err, client.ErrUnavailable) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}
