package ui

import (
	"strings"
	"testing"
	"time"
)

// The issue asks for a reset within 50 ms of UI time. The benchmark times the
// reset alone (the UI thread's share: cancelling, dropping, closing, rebuilding the
// welcome screen), from a signed-in visitor halfway through the AutoPay form; the
// session's revocation runs in the background and is waited for outside the timer.
//
//	go test -run '^$' -bench Reset -benchtime 200x ./ui

// newBenchHarness is a kiosk whose kiosk and client logs go to logs.
func newBenchHarness(tb testing.TB, logs *lockedBuffer) *harness {
	tb.Helper()
	log := newBufferLogger(logs)
	return newHarnessWith(tb, harnessOptions{clientLog: log, log: log})
}

func BenchmarkReset(b *testing.B) {
	h := newBenchHarness(b, &lockedBuffer{})
	var worst time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		h.midAutoPay(b)
		started := time.Now()
		b.StartTimer()
		h.kiosk.reset(triggerStartOver)
		b.StopTimer()
		worst = max(worst, time.Since(started))
		h.settle() // the revocation, in the background
		if h.kiosk.page.id != screenWelcome {
			b.Fatalf("reset left %s", h.kiosk.page.id)
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}

func TestAResetTakesNoClockTime(t *testing.T) {
	logs := &lockedBuffer{}
	h := newBenchHarness(t, logs)
	h.midAutoPay(t)
	before := h.clock.Now()
	h.kiosk.reset(triggerStartOver)
	h.settle()
	if !h.clock.Now().Equal(before) {
		t.Errorf("the reset moved the kiosk's clock by %v", h.clock.Now().Sub(before))
	}
	if !strings.Contains(logs.String(), "reset_ms=0") {
		t.Errorf("the reset did not log reset_ms=0 under the fake clock:\n%s", logs.String())
	}
}
