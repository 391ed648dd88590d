package metrics

import (
	"regexp"
	"slices"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/translations"
)

// other is the value of a label given anything outside its closed set: the
// value itself is dropped, never passed through.
const other = "other"

// closedSet is the values one label may take, "other" last.
type closedSet []string

func newSet(values ...string) closedSet { return append(closedSet(values), other) }

// of is the set's own copy of v, or "other": a label's value is never the
// caller's string, so no visitor's text can become one.
func (s closedSet) of(v string) string {
	if i := slices.Index(s, v); i >= 0 {
		return s[i]
	}
	return other
}

// The closed sets of the labels. The kiosk's names for them live in ui
// (outcomeKinds' journeys, resetTrigger's outcomes) and client (CallNames).
var (
	// journeys are what a visit can complete: ui's outcomeKinds journeys, and
	// "account_found"; "none" is a visit that completed nothing.
	journeys = newSet("none", "account_found", "registered", "autopay", "ebilling", "paid")
	// outcomes are why a visit ended: ui's resetTrigger values.
	outcomes = newSet("finish", "start_over", "idle", "visit_limit", "staff", "panic", "out_of_service")
	// calls are the portal calls the client makes.
	calls = newSet(client.CallNames()...)
	// results are how a portal call ended (PortalResult).
	results = newSet(ResultOK, ResultRejected, ResultPortalError, ResultUnavailable,
		ResultTimeout, ResultUnexpected, ResultCanceled)
	// problemKinds are what can keep the receipt printer from printing
	// (PrinterProblems).
	problemKinds = newSet(ProblemPaperOut, ProblemPaperLow, ProblemOffline, ProblemJammed, ProblemDoorOpen)
)

// languages are the languages the kiosk knows (translations.Languages) when
// the metrics are made.
func languages() closedSet { return newSet(translations.Languages...) }

// terminalIDPattern is what a payment terminal's POIID may be to become a
// label: 1–35 letters, digits, '.', '_' or '-' (nexo's Max35Text, narrowed),
// with a letter and a digit. A run of digits alone (a card or account number),
// an email ('@') or a name (no digit) never passes.
var terminalIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,35}$`)

var (
	hasLetter = regexp.MustCompile(`[A-Za-z]`)
	hasDigit  = regexp.MustCompile(`[0-9]`)
)

// terminalID is poiid when it looks like a terminal's identifier, "" when none
// is known yet, else "other".
func terminalID(poiid string) string {
	switch {
	case poiid == "":
		return ""
	case terminalIDPattern.MatchString(poiid) && hasLetter.MatchString(poiid) && hasDigit.MatchString(poiid):
		return poiid
	}
	return other
}

// buildValuePattern is what a build's version, commit or Fyne version may be.
var buildValuePattern = regexp.MustCompile(`^[A-Za-z0-9._+-]{1,64}$`)

// buildValue is v when it looks like a version or commit, else "unknown".
func buildValue(v string) string {
	if buildValuePattern.MatchString(v) {
		return v
	}
	return "unknown"
}
