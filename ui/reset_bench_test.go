package ui

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

// The issue asks for a reset within 50 ms of UI time. The benchmark times the
// reset alone (the UI thread's share: cancelling, dropping, closing, rebuilding the
// welcome screen), from a signed-in visitor halfway through the AutoPay form; the
// session's revocation runs in the background and is waited for outside the timer.
//
//	go test -run '^$' -bench Reset -benchtime 200x ./ui

// newBenchHarness is newHarness for a benchmark (newHarnessWith takes a *testing.T).
func newBenchHarness(tb testing.TB, logs *lockedBuffer) *harness {
	tb.Helper()
	test.NewTempApp(tb)
	clock := newFakeClock(time.Now())
	sim := portalsim.New(portalsim.Options{Now: clock.Now})
	srv := httptest.NewServer(sim)
	tb.Cleanup(srv.Close)
	log := newBufferLogger(logs)
	portal, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey, Logger: log})
	if err != nil {
		tb.Fatal(err)
	}
	win := test.NewTempWindow(tb, nil)
	win.Resize(fyne.NewSize(1280, 800))
	k, err := New(win, Deps{Portal: portal, Clock: clock, Logger: log})
	if err != nil {
		tb.Fatal(err)
	}
	return &harness{kiosk: k, win: win, sim: sim, clock: clock}
}

// midAutoPay brings a visitor to the AutoPay form, signed in, with a bank account
// typed and the clipboard used.
func (h *harness) midAutoPay(tb testing.TB) {
	tb.Helper()
	h.startIn("es")
	h.findAccount(registeredAccount, "97501")
	session, err := h.kiosk.portal.SignIn(context.Background(), client.SignInRequest{Email: demoEmail, Password: demoPassword})
	if err != nil {
		tb.Fatal(err)
	}
	h.kiosk.visit.session = session.Token
	h.kiosk.arrive(screenMyAccount)
	h.settle()
	test.Tap(h.kiosk.myAccount.setAutoPay)
	h.fillProofBank(h.autoPayForm)
	h.typeInto(h.autoPayForm().bankHolder.entry, " Jr")
	fyne.CurrentApp().Clipboard().SetContent(proofBank)
	if h.kiosk.screen != screenAutoPay {
		tb.Fatalf("not on the AutoPay form: %s", h.kiosk.screen)
	}
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
		if h.kiosk.screen != screenWelcome {
			b.Fatalf("reset left %s", h.kiosk.screen)
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
