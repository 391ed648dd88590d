package ui

import (
	"testing"
)

// BenchmarkSoakVisit is the soak's cost per visitor: the visits of
// TestSoak, every journey in both languages in turn and every way a visit ends,
// walked by the soak's own driver against its portal process, one visit an
// iteration. The timer runs through the visit and the check that it ended
// cleanly; the quiet lobby after it runs untimed. B/op and allocs/op are what a
// visit allocates; p50…max are single visits.
//
//	go test -run '^$' -bench SoakVisit -benchtime 40x ./ui
//
// The soak's driver takes a *testing.T, so the visits run in a test of their own
// started with testing.RunTests (once, whatever -count asks for).
func BenchmarkSoakVisit(b *testing.B) {
	b.ReportAllocs()
	n, walked := b.N, false
	var l latencies
	visits := func(t *testing.T) {
		if walked {
			return // -count above 1: RunTests runs its tests that many times
		}
		walked = true
		h, portal := newSoakHarness(t, 2*(n/soakCycle+1))
		b.ResetTimer()
		for i := 1; i <= n; i++ {
			v := soakVisits[(i-1)%soakCycle]
			lang := []string{"en", "es"}[(i-1)/soakCycle%2]
			l.time(func() { walkSoakVisit(t, h, i, v, lang) })
			b.StopTimer()
			quietLobby(t, h, portal)
			b.StartTimer()
		}
		b.StopTimer()
	}
	all := func(string, string) (bool, error) { return true, nil } // whatever -run says
	if !testing.RunTests(all, []testing.InternalTest{{Name: "SoakVisits", F: visits}}) {
		b.Fatal("a visit failed (its log is above)")
	}
	l.report(b)
}
