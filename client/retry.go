package client

import (
	"context"
	"crypto/tls"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"

	"github.com/medfordwater/lobbykiosk/internal/clock"
)

// maxRetryAfter bounds a Retry-After the portal sends (no sane wait is longer).
const maxRetryAfter = time.Hour

// retryCondition returns resty's retry condition for one request.
//
// A custom condition replaces resty's default retry on network errors, so
// network errors are handled here. Only requests that are safe to repeat are
// retried: idempotent methods or a POST with an Idempotency-Key. Then only
// network errors, 5xx and 429 are retried — never other 4xx, an oversize
// body, a refused redirect, an untrusted certificate or a finished context.
func retryCondition(repeatable bool) resty.RetryConditionFunc {
	return func(resp *resty.Response, err error) bool {
		if !repeatable {
			return false
		}
		if err != nil {
			return retryableErr(err, resp)
		}
		if resp == nil || resp.RawResponse == nil {
			return false
		}
		s := resp.StatusCode()
		return s == http.StatusTooManyRequests || s >= 500
	}
}

// retryableErr reports whether a transport error is worth another attempt.
func retryableErr(err error, resp *resty.Response) bool {
	if resp != nil && resp.Request != nil && resp.Request.Context().Err() != nil {
		return false
	}
	var certErr *tls.CertificateVerificationError
	return !errors.As(err, &certErr) && !errors.Is(err, resty.ErrResponseBodyTooLarge) &&
		!errors.Is(err, errRedirect) &&
		!errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}

// isRepeatable reports whether a request may be sent again: idempotent
// methods, or any request carrying an Idempotency-Key.
func isRepeatable(method, idempotencyKey string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete:
		return true
	}
	return idempotencyKey != ""
}

// retryDelay is resty's RetryAfterFunc: the wait before the next attempt.
// It is the jittered exponential backoff, or Retry-After (whole seconds or an
// HTTP date) when that asks for longer: a "0" or a date in the past never
// shortens the backoff, so a fleet of kiosks still spreads its retries out
// when a struggling portal (or a proxy) says to come back at once. When the
// wait would pass the context's deadline it returns errNoTimeToRetry, which
// makes resty stop and hand back the last answer at once (so a 429 is
// returned with its RetryAfter immediately).
func (c *Client) retryDelay(_ *resty.Client, resp *resty.Response) (time.Duration, error) {
	attempt := 1
	ctx := context.Background()
	if resp != nil && resp.Request != nil {
		attempt, ctx = resp.Request.Attempt, resp.Request.Context()
	}
	wait := c.backoff(attempt)
	if ra, ok := retryAfter(resp); ok {
		wait = max(wait, ra)
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) <= wait {
		return 0, errNoTimeToRetry
	}
	return wait, nil
}

// backoff returns the jittered exponential delay after the given attempt
// (1-based): half of min(max, base·2^(attempt-1)) plus a random part of the
// other half ("equal jitter"), so it is never zero and never above max.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.opts.RetryBaseDelay
	for i := 1; i < attempt && d < c.opts.RetryMaxDelay; i++ {
		d *= 2
	}
	d = min(d, c.opts.RetryMaxDelay)
	half := max(d/2, 1)
	return half + rand.N(half)
}

// retryAfter reads the Retry-After header of an answer.
func retryAfter(resp *resty.Response) (time.Duration, bool) {
	if resp == nil || resp.RawResponse == nil {
		return 0, false
	}
	return parseRetryAfter(resp.Header().Get("Retry-After"), clock.Wall())
}

// parseRetryAfter reads whole seconds or an HTTP date, capped at an hour.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return min(time.Duration(min(secs, 1<<32))*time.Second, maxRetryAfter), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), maxRetryAfter), true
	}
	return 0, false
}
