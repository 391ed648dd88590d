package ui

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// What a hostile portal sends never reaches a log of the kiosk or of its portal
// client, whichever call it answers: the welcome screen's health check, the
// sign-out at a reset, the heartbeat and a visitor's call.

const (
	hostileCard  = "4111111111111111"
	hostileEmail = "leak.victim@example.org"
)

// hostileCode is a 545-byte error code holding an email and a card number.
var hostileCode = fmt.Sprintf("%-545s", "x-"+hostileEmail+"-"+hostileCard)

// hostileAnswers answer any request with the server's text where the client
// might repeat it: the status line, or the error code.
var hostileAnswers = map[string]http.HandlerFunc{
	"status line": func(w http.ResponseWriter, _ *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		defer conn.Close()
		_, _ = buf.WriteString("HTTP/1.1 " + hostileCard + " OK\r\nContent-Length: 0\r\n\r\n")
		_ = buf.Flush()
	},
	"long code": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(`{"code":"` + hostileCode + `","message":"` + hostileEmail + `"}`))
	},
}

func TestNoLogHoldsWhatAHostilePortalSent(t *testing.T) {
	for name, answer := range hostileAnswers {
		t.Run(name, func(t *testing.T) {
			var hostile atomic.Bool
			records := newRecordingHandler()
			h := newHarnessWith(t, harnessOptions{log: slog.New(records), clientLog: slog.New(records), heartbeat: beatEvery,
				front: func(t testing.TB, sim http.Handler) (string, string) {
					return plainFront(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						if hostile.Load() {
							answer(w, r)
							return
						}
						sim.ServeHTTP(w, r)
					}))
				}})
			h.signInDirectly(t, "en")
			hostile.Store(true)
			h.startOver() // the sign-out at the reset
			h.settle()
			h.startIn("en")
			h.findAccount(legacyAccount, "97501") // a visitor's call
			h.startOver()
			h.checkHealthAfter(healthInterval) // the welcome screen's check
			h.nextBeat()
			logs := records.all()
			for _, what := range []string{"could not revoke", "health check failed", "heartbeat not delivered"} {
				if !containsAny(logs, what) {
					t.Errorf("nothing logged %q: the hostile portal was not reached", what)
				}
			}
			for _, leak := range []string{hostileCard, "4111 1111", hostileEmail, "leak.victim"} {
				for _, r := range logs {
					if strings.Contains(r, leak) {
						t.Errorf("a log record holds %q: %s", leak, r)
					}
				}
			}
		})
	}
}
