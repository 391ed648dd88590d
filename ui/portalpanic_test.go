package ui

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
)

// A panic on the goroutine of a portal call, or of the sign-out at a reset, must
// not end the kiosk: it is recovered, logged by type and stack (never its
// message), counted and noted for staff.

// checkPanicRecovered requires one recovered panic in the records, by type and
// stack and without its message, counted for the heartbeat and noted for staff.
func checkPanicRecovered(t *testing.T, h *harness, records recordingHandler, message string) {
	t.Helper()
	logs := records.all()
	if !containsAny(logs, "panic_type=") {
		t.Errorf("no panic logged: %q", logs)
	}
	for _, r := range logs {
		if strings.Contains(r, message) {
			t.Errorf("the panic's message was logged: %s", r)
		}
	}
	if got := h.kiosk.heartbeat.Pending().Errors["kiosk_panic"]; got != 1 {
		t.Errorf("%d panics counted, want 1", got)
	}
	if h.kiosk.status.last != "panic" {
		t.Errorf("staff's last problem is %q", h.kiosk.status.last)
	}
}

// typingOnFind is a kiosk logging into records, with a visitor in lang typing an
// account number on the find screen.
func typingOnFind(t *testing.T, lang string) (*harness, recordingHandler) {
	records := newRecordingHandler()
	h := newHarnessWith(t, harnessOptions{log: slog.New(records)})
	h.startIn(lang)
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, legacyAccount)
	return h, records
}

func TestAPanicInAPortalCallResetsTheKiosk(t *testing.T) {
	h, records := typingOnFind(t, "es")
	answered := false
	h.kiosk.portalCall(func(context.Context, *client.Client) error {
		panic("secret " + legacyAccount)
	}, func(error) { answered = true })
	h.settle()
	if h.kiosk.page.id != screenWelcome || h.kiosk.visit.busy || answered || h.kiosk.visit.fields[fieldAccountNumber] != "" {
		t.Errorf("after a panic in a portal call: screen %s, busy %v, answered %v", h.kiosk.page.id, h.kiosk.visit.busy, answered)
	}
	checkPanicRecovered(t, h, records, legacyAccount)
	h.startIn("en") // the kiosk still works
	h.findAccount(legacyAccount, "97501")
	if h.kiosk.page.id != screenFound {
		t.Errorf("after the reset, Find led to %s", h.kiosk.page.id)
	}
}

// The sign-out belongs to a visit already over: its panic is recovered without
// resetting the visitor now at the screen.
func TestAPanicInTheSignOutIsRecoveredWithoutAReset(t *testing.T) {
	h, records := typingOnFind(t, "en")
	h.kiosk.portal.signOut(nil, "a-session-of-an-earlier-visit") // no portal to sign out on: a nil dereference
	h.settle()
	if h.kiosk.page.id != screenFind || viewOf[*findScreen](h.kiosk).accountNumber.entry.Text != legacyAccount {
		t.Errorf("the visitor at the screen lost their visit: screen %s", h.kiosk.page.id)
	}
	checkPanicRecovered(t, h, records, "a-session-of-an-earlier-visit")
	test.Tap(viewOf[*findScreen](h.kiosk).submit) // the kiosk still works
	h.settle()
}
