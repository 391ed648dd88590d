package printer

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Kind is what went wrong with printing, as one stable word: the staff status
// and the heartbeat show it, and errors.Is(err, printer.PaperOut) tests for it.
// Whatever the kind, a visitor is told the same thing: the printer is not
// working, and the emailed receipt and the confirmation on screen are the proof.
type Kind string

// The kinds of printing failure.
const (
	NotConfigured Kind = "not-configured" // config printer = "": this kiosk has no printer
	Unreachable   Kind = "unreachable"    // CUPS is not answering (cupsd down, ipptool missing)
	NoQueue       Kind = "no-queue"       // CUPS has no queue of the configured name
	Offline       Kind = "offline"        // the queue is stopped or rejecting jobs, or the printer is off
	PaperOut      Kind = "paper-out"      // media-empty, media-needed
	Jammed        Kind = "jammed"         // media-jam, or a door or cover open
	TimedOut      Kind = "timed-out"      // the job was not done by the deadline
	JobFailed     Kind = "job-failed"     // CUPS aborted or cancelled the job, or it vanished
)

func (k Kind) Error() string { return "printer " + string(k) }

// Error is a printing failure: its Kind, the queue, what CUPS said about the
// printer then (printer-state-reasons), and the underlying error if any.
type Error struct {
	Kind    Kind
	Queue   string
	Reasons []string
	Err     error
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("printer %q: %s", e.Queue, e.Kind)
	if len(e.Reasons) > 0 {
		msg += " (" + strings.Join(e.Reasons, ", ") + ")"
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Is makes errors.Is(err, printer.PaperOut) true for an Error of that kind.
func (e *Error) Is(target error) bool { return target == e.Kind }

func (e *Error) Unwrap() error { return e.Err }

// reasonKinds maps printer-state-reasons keywords (RFC 8011 and PWG 5100.9,
// without their -error/-warning/-report suffix) to a kind, most urgent first.
var reasonKinds = []struct {
	kind     Kind
	keywords []string
}{
	{PaperOut, []string{"media-empty", "media-needed"}},
	{Jammed, []string{"media-jam", "door-open", "cover-open", "interlock-open"}},
	{Offline, []string{"offline", "shutdown", "paused", "stopped"}},
}

// kindOfReasons is the failure the reasons describe, or "" when none does.
// A -warning (e.g. media-low-warning) is not a failure; "offline" counts
// whatever its suffix, since CUPS's own backends report it as offline-report.
func kindOfReasons(reasons []string) Kind {
	for _, rk := range reasonKinds {
		for _, reason := range reasons {
			base, warning := strings.CutSuffix(reason, "-warning")
			if warning {
				continue
			}
			base = strings.TrimSuffix(strings.TrimSuffix(base, "-error"), "-report")
			if slices.Contains(rk.keywords, base) {
				return rk.kind
			}
		}
	}
	return ""
}

// Problem names a printer's failure from the closed set of kinds, for a log line
// or the staff status: "unknown" when err is not the printer's own.
func Problem(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return string(e.Kind)
	}
	return "unknown"
}
