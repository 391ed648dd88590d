package client

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"time"
)

// What the logs may hold: method, route (a fixed template: no route of the
// contract has a variable segment), status, attempt number, duration and a
// redacted error class. Never a body, header, query, token, key, email or
// number typed by a visitor.

// attemptKey keys the per-call attempt counter in a request context.
type attemptKey struct{}

// attemptInfo is shared by the attempts of one call.
type attemptInfo struct {
	route string
	n     atomic.Int32
}

// withAttemptCounter gives ctx a fresh counter for the attempts of one call.
func withAttemptCounter(ctx context.Context, route string) context.Context {
	return context.WithValue(ctx, attemptKey{}, &attemptInfo{route: route})
}

// loggingTransport logs every HTTP exchange (each attempt) with redacted
// attributes only.
type loggingTransport struct {
	next http.RoundTripper
	log  *slog.Logger
}

// RoundTrip sends req and logs one line about it.
func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	route, attempt := "(unknown)", int32(0)
	if info, ok := req.Context().Value(attemptKey{}).(*attemptInfo); ok {
		route, attempt = info.route, info.n.Add(1)
	}
	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	attrs := []slog.Attr{
		slog.String("method", req.Method),
		slog.String("route", route),
		slog.Int("attempt", int(attempt)),
		slog.Duration("duration", time.Since(start)),
	}
	level := slog.LevelDebug
	if err != nil {
		level = slog.LevelWarn
		attrs = append(attrs, slog.String("error", ErrorClass(err)))
	} else {
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
		if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
			level = slog.LevelWarn
		}
	}
	t.log.LogAttrs(req.Context(), level, "portal request", attrs...)
	return resp, err
}

// restyLogger adapts resty's Logger to slog. resty's messages may quote
// full URLs and error texts, so each one goes through Redact and is logged
// at Debug level under a fixed message (loggingTransport already logs every
// failure with its class, so these only add detail).
type restyLogger struct{ log *slog.Logger }

func (l restyLogger) Errorf(format string, v ...any) { l.emit(slog.LevelDebug, format, v) }
func (l restyLogger) Warnf(format string, v ...any)  { l.emit(slog.LevelDebug, format, v) }
func (l restyLogger) Debugf(format string, v ...any) { l.emit(slog.LevelDebug, format, v) }

func (l restyLogger) emit(level slog.Level, format string, v []any) {
	l.log.Log(context.Background(), level, "resty", slog.String("detail", Redact(fmt.Sprintf(format, v...))))
}

// Patterns removed by Redact, in order.
var redactions = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?i)[a-z][a-z0-9+.-]*://[^\s"'<>]*`), "<url>"},
	{regexp.MustCompile(`(?i)(bearer|basic)\s+\S+`), "$1 <redacted>"},
	{regexp.MustCompile(`"[^"]*"|'[^']*'`), `"<redacted>"`},
	{regexp.MustCompile(`\S*@\S*`), "<redacted>"},
	{regexp.MustCompile(`[0-9][0-9 -]{2,}[0-9]`), "<digits>"},
	{regexp.MustCompile(`[A-Za-z0-9_+/=-]{20,}`), "<redacted>"},
}

// maxRedacted caps the length of a redacted text.
const maxRedacted = 300

// Redact removes from free text what could be personal or secret: URLs,
// authorization values, quoted strings, anything with an "@", runs of four
// or more digits and long token-like words; the result is at most 300 bytes.
// It is meant for texts from libraries; the client never logs bodies at all.
func Redact(s string) string {
	s = strings.ToValidUTF8(s, "?")
	if len(s) > 4*maxRedacted {
		s = s[:4*maxRedacted]
	}
	for _, r := range redactions {
		s = r.re.ReplaceAllString(s, r.with)
	}
	if len(s) > maxRedacted {
		s = strings.ToValidUTF8(s[:maxRedacted], "") + "…"
	}
	return s
}
