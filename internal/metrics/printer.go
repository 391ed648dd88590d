package metrics

import (
	"slices"
	"strings"

	"github.com/medfordwater/lobbykiosk/client"
)

// The kinds of lobbykiosk_printer_problem.
const (
	ProblemPaperOut = "paper_out" // media-empty, media-needed
	ProblemPaperLow = "paper_low" // media-low (a warning: it still prints)
	ProblemOffline  = "offline"   // offline, shutdown, paused, stopped
	ProblemJammed   = "jammed"    // media-jam
	ProblemDoorOpen = "door_open" // door-open, cover-open, interlock-open
)

// reasonProblems maps printer-state-reasons keywords (RFC 8011, PWG 5100.9),
// without their -error/-warning/-report suffix, to a problem kind.
var reasonProblems = map[string]string{
	"media-empty": ProblemPaperOut, "media-needed": ProblemPaperOut,
	"media-low": ProblemPaperLow,
	"offline":   ProblemOffline, "shutdown": ProblemOffline, "paused": ProblemOffline, "stopped": ProblemOffline,
	"media-jam": ProblemJammed,
	"door-open": ProblemDoorOpen, "cover-open": ProblemDoorOpen, "interlock-open": ProblemDoorOpen,
}

// harmlessReasons are keywords CUPS reports while all is well.
var harmlessReasons = []string{"none", "connecting-to-device", "cups-waiting-for-job-completed"}

// summaryProblems maps the printer package's summary words (client.PrinterStatus)
// to a kind, for a failure CUPS gave no reason for (a queue stopped by hand).
var summaryProblems = map[string]string{
	"paper-out": ProblemPaperOut, "offline": ProblemOffline, "jammed": ProblemJammed,
}

// PrinterProblems are the problem kinds CUPS's printer-state-reasons keywords
// describe, each once, in the order of the closed set. A keyword it does not
// know is "other" unless it is only a warning or a report; the keyword itself
// never leaves this function.
func PrinterProblems(reasons []string) []string {
	found := map[string]bool{}
	for _, reason := range reasons {
		base, warning := strings.CutSuffix(reason, "-warning")
		base, report := strings.CutSuffix(strings.TrimSuffix(base, "-error"), "-report")
		kind, known := reasonProblems[base]
		switch {
		case known:
			found[kind] = true
		case !warning && !report && !slices.Contains(harmlessReasons, base):
			found[other] = true
		}
	}
	var out []string
	for _, kind := range problemKinds {
		if found[kind] {
			out = append(out, kind)
		}
	}
	return out
}

// printerProblems are the kinds a printer's status shows: its reasons', and
// its summary's when CUPS gave no reason for a failure.
func printerProblems(st *client.PrinterStatus) []string {
	kinds := PrinterProblems(st.Reasons)
	if kind, ok := summaryProblems[st.Summary]; ok && !slices.Contains(kinds, kind) {
		kinds = append(kinds, kind)
	}
	return kinds
}
