package printer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

func TestReasonsNameTheFailure(t *testing.T) {
	for _, c := range []struct {
		reasons []string
		want    Kind
	}{
		{nil, ""},
		{[]string{"media-low-warning", "toner-low-report"}, ""},
		{[]string{"media-empty-error"}, PaperOut},
		{[]string{"media-empty"}, PaperOut},
		{[]string{"media-empty-warning"}, ""}, // one tray of several
		{[]string{"media-needed-error"}, PaperOut},
		{[]string{"paused", "media-jam-error"}, Jammed},
		{[]string{"cover-open-error"}, Jammed},
		{[]string{"offline-report"}, Offline},
		{[]string{"paused"}, Offline},
		{[]string{"paused", "media-empty-error", "media-jam-error"}, PaperOut},
		{[]string{"connecting-to-device", "cups-waiting-for-job-completed"}, ""},
	} {
		if got := kindOfReasons(c.reasons); got != c.want {
			t.Errorf("%v: %q, want %q", c.reasons, got, c.want)
		}
	}
}

func TestErrorsAreTypedByKind(t *testing.T) {
	cause := errors.New("deadline")
	err := error(&Error{Kind: PaperOut, Queue: "receipts", Reasons: []string{"media-empty-error"}, Err: cause})
	if !errors.Is(err, PaperOut) || errors.Is(err, Offline) || !errors.Is(err, cause) {
		t.Errorf("errors.Is on %v", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Kind != PaperOut {
		t.Errorf("errors.As on %v", err)
	}
	if got := err.Error(); got != `printer "receipts": printer paper-out (media-empty-error): deadline` {
		t.Errorf("message %q", got)
	}
	if got := Problem(fmt.Errorf("receipt: %w", err)); got != "paper-out" {
		t.Errorf("Problem of a wrapped paper-out = %q", got)
	}
	if got := Problem(cause); got != "unknown" {
		t.Errorf("Problem of an error not the printer's = %q, want unknown", got)
	}
}

// A kiosk without a printer answers every call at once, without CUPS.
func TestNoPrinterConfigured(t *testing.T) {
	p := New("")
	ctx := context.Background()
	if _, err := p.PrintAndWait(ctx, []byte("%PDF")); !errors.Is(err, NotConfigured) {
		t.Errorf("PrintAndWait: %v", err)
	}
	if err := p.PurgeMine(ctx); !errors.Is(err, NotConfigured) {
		t.Errorf("PurgeMine: %v", err)
	}
	if st := p.State(ctx); st.Summary() != "not-configured" {
		t.Errorf("state %+v", st)
	}
}

// With no cupsd at the server's address, every call fails fast as unreachable.
func TestCUPSNotRunning(t *testing.T) {
	t.Setenv("CUPS_SERVER", filepath.Join(t.TempDir(), "no-cupsd.sock"))
	p := New("receipts")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	if _, err := p.PrintAndWait(ctx, []byte("%PDF")); !errors.Is(err, Unreachable) {
		t.Errorf("PrintAndWait: %v", err)
	}
	if st := p.State(ctx); st.Summary() != "unreachable" {
		t.Errorf("state %+v", st)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v to find CUPS not running", took)
	}
}
