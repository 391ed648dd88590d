package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

// BenchmarkPresentCardToApproval is the time from a tap on the practice card
// reader's approved card to the receipt on screen, against the real terminal
// simulator over HTTPS and the portal simulator: the terminal's answer, the
// portal's record, the screen rebuilt. ui-tap-µs is how long the tap itself
// held the UI thread: it only starts the card on its way, and never waits on
// the terminal.
func BenchmarkPresentCardToApproval(b *testing.B) {
	h := newHarnessWith(b, harnessOptions{settings: testConfig{CardEntry: "terminal"}})
	var tapTotal time.Duration
	for range b.N {
		b.StopTimer()
		h.kiosk.reset(triggerStartOver)
		h.goToPay(b, "en")
		h.fillEmails("maria@example.com", "maria@example.com")
		retype(h, viewOf[*payScreen](h.kiosk).amount.entry, "12.34") // each run pays: the bill is soon paid
		test.Tap(viewOf[*payScreen](h.kiosk).method.kind.buttons[client.KindCard])
		test.Tap(viewOf[*payScreen](h.kiosk).submit)
		h.advance(time.Second) // past the double-tap guard
		var start time.Time
		h.atTheReader(b, func() { test.Tap(viewOf[*payScreen](h.kiosk).payButton) }, func() {
			b.StartTimer()
			start = time.Now()
			test.Tap(viewOf[*payScreen](h.kiosk).practiceCards[terminalsim.CardApproved])
			tapTotal += time.Since(start)
		})
		b.StopTimer() // the receipt is on screen: atTheReader waited for it
		if viewOf[*payScreen](h.kiosk).confirmation == nil {
			b.Fatalf("no receipt; problems %v", h.kiosk.visit.problems)
		}
	}
	b.ReportMetric(float64(tapTotal.Microseconds())/float64(b.N), "ui-tap-µs")
}
