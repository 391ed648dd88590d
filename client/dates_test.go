package client_test

import (
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

// The date rule at every edge instant, read as a machine in each of three zones
// would read its clock: Medford's date, and the 24-hour rule both ways (a bill
// due tomorrow is too late for a new preference, one due in two days is not).
func TestDatesFallInTheUtilitysZoneWhateverTheMachinesZone(t *testing.T) {
	medford := mustZone(t, "America/Los_Angeles")
	machines := []*time.Location{time.UTC, medford, mustZone(t, "Pacific/Kiritimati")}
	for _, edge := range clocktest.Edges() {
		// edges.txt writes each instant in Medford's own offset: its date is Medford's.
		today, err := time.Parse(time.DateOnly, edge.Written[:10])
		if err != nil {
			t.Fatal(err)
		}
		const owed = 8437
		day := func(n int) client.Date { return client.NewDate(today.Year(), today.Month(), today.Day()+n) }
		for _, machine := range machines {
			now := edge.At.In(machine)
			name := edge.Written + " on a machine in " + machine.String()
			if got := client.DateIn(now, medford); got != day(0) {
				t.Errorf("%s (%s): today is %s, want %s", name, edge.What, got, day(0))
			}
			for due, inTime := range map[int]bool{-1: false, 0: false, 1: false, 2: true, 3: true} {
				if got := client.InTimeFor(day(due), now, medford); got != inTime {
					t.Errorf("%s (%s): a bill due %s in time for a new preference: %v, want %v", name, edge.What, day(due), got, inTime)
				}
			}
			if got := client.FirstDraftDate(day(1), owed, now, medford); got != day(1).AddDate(0, 1, 0) {
				t.Errorf("%s: AutoPay for a bill due tomorrow first draws %s, want the next bill's %s", name, got, day(1).AddDate(0, 1, 0))
			}
			if got := client.FirstDraftDate(day(2), owed, now, medford); got != day(2) {
				t.Errorf("%s: AutoPay for a bill due in two days first draws %s, want %s", name, got, day(2))
			}
			if got := client.FirstDraftDate(day(2), 0, now, medford); got != day(2).AddDate(0, 1, 0) {
				t.Errorf("%s: AutoPay for a paid bill due in two days first draws %s, want the next bill's %s", name, got, day(2).AddDate(0, 1, 0))
			}
		}
	}
}

// Calendar steps: a month on from the 31st runs over as time.Time does, and a
// leap day exists only in a leap year.
func TestDateSteps(t *testing.T) {
	cases := []struct{ from, want client.Date }{
		{client.NewDate(2028, time.February, 28).AddDate(0, 0, 1), client.NewDate(2028, time.February, 29)},
		{client.NewDate(2027, time.February, 28).AddDate(0, 0, 1), client.NewDate(2027, time.March, 1)},
		{client.NewDate(2026, time.December, 31).AddDate(0, 0, 1), client.NewDate(2027, time.January, 1)},
		{client.NewDate(2028, time.January, 29).AddDate(0, 1, 0), client.NewDate(2028, time.February, 29)},
	}
	for _, c := range cases {
		if c.from != c.want {
			t.Errorf("got %s, want %s", c.from, c.want)
		}
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	zone, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return zone
}
