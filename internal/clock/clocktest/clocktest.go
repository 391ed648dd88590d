// Package clocktest gives the whole test suite one instant to start from, so no
// test depends on the date, the hour or the machine's zone it runs in.
//
// By default that instant is Default. KIOSK_TEST_NOW (RFC 3339) moves it for
// every test that starts from Now: the kiosk's clock and the simulated portal's
// share it, so both see the same "today". Tests whose masters hold dates (the
// golden renderings, the speech transcripts) pin Default themselves.
package clocktest

import (
	_ "embed"
	"fmt"
	"os"
	"strings"
	"time"
)

// EnvNow names the variable that moves the suite's instant, e.g.
// KIOSK_TEST_NOW=2026-12-06T23:30:00-08:00.
const EnvNow = "KIOSK_TEST_NOW"

// Default is the suite's instant when KIOSK_TEST_NOW is unset: a Monday
// morning in Medford, in summer time, far from midnight and from a DST change.
var Default = time.Date(2026, time.June, 1, 10, 0, 0, 0, time.FixedZone("PDT", -7*60*60))

// Now is the instant the suite starts from: KIOSK_TEST_NOW when set, else Default.
// A value that is not RFC 3339 panics: a suite run at a moment other than the one
// asked for would pass for the wrong reason.
func Now() time.Time {
	t, err := Parse(os.Getenv("KIOSK_TEST_NOW"))
	if err != nil {
		panic(err)
	}
	return t
}

// Parse reads a KIOSK_TEST_NOW value; "" is Default.
func Parse(v string) (time.Time, error) {
	if v == "" {
		return Default, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s=%q is not an RFC 3339 time such as 2026-12-06T23:30:00-08:00: %w", EnvNow, v, err)
	}
	return t, nil
}

//go:embed edges.txt
var edgesText string

// Edge is an instant where a date rule is easy to get wrong.
type Edge struct {
	At      time.Time
	Written string // the time as edges.txt gives it, in Medford's own offset
	What    string
}

// Edges lists the instants of edges.txt, which `make any-day` reads too.
func Edges() []Edge {
	var edges []Edge
	for line := range strings.Lines(edgesText) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		at, what, _ := strings.Cut(line, " ")
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			panic(fmt.Sprintf("clocktest/edges.txt: %v", err))
		}
		edges = append(edges, Edge{At: t, Written: at, What: what})
	}
	return edges
}
