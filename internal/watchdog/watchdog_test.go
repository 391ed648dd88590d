package watchdog

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"go.uber.org/goleak"
)

// The unit's WatchdogSec= in these tests: short, so a test takes a second or two.
const testInterval = 300 * time.Millisecond

func TestReadyThenPingsAtHalfTheInterval(t *testing.T) {
	_, win := newUIThreadApp(t)
	sock, _ := startPinging(t, win)
	const pings = 9
	var first, last time.Time
	for i := range pings {
		m := sock.next(t, 3*testInterval)
		if m.text != "WATCHDOG=1" {
			t.Fatalf("message %d is %q, want WATCHDOG=1", i, m.text)
		}
		if i == 0 {
			first = m.at
		}
		last = m.at
	}
	// systemd asks for a ping at least every half interval: one late ping must not
	// be enough to get a healthy kiosk killed.
	gap := last.Sub(first) / (pings - 1)
	if gap < testInterval/4 || gap > testInterval*3/4 {
		t.Fatalf("pings every %v on average, want about %v (half of WATCHDOG_USEC)", gap, testInterval/2)
	}
}

func TestAHungUIThreadStopsThePings(t *testing.T) {
	_, win := newUIThreadApp(t)
	sock, logs := startPinging(t, win)

	release := make(chan struct{})
	unblock := sync.OnceFunc(func() { close(release) })
	defer unblock()
	fyne.Do(func() { <-release }) // a callback that never returns: the UI thread is stuck
	sock.pingsStop(t, "the UI thread is stuck")
	if !logs.has("the UI thread has not run the watchdog's last check") {
		t.Error("nothing logged about the stuck UI thread")
	}

	// The UI thread runs again before systemd acted: the pings go on.
	unblock()
	if m := sock.next(t, 2*testInterval); m.text != "WATCHDOG=1" {
		t.Fatalf("after the UI thread ran again: %q, want WATCHDOG=1", m.text)
	}
}

func TestAClosedWindowStopsThePings(t *testing.T) {
	_, win := newUIThreadApp(t)
	sock, logs := startPinging(t, win)

	fyne.DoAndWait(win.Close)
	sock.pingsStop(t, "the window is closed")
	if !logs.has("the window was closed") {
		t.Error("nothing logged about the closed window")
	}
}

func TestWithoutAWatchdogOnlyReady(t *testing.T) {
	leaks := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, leaks) })
	_, win := newUIThreadApp(t)
	t.Run("no WATCHDOG_USEC", func(t *testing.T) {
		sock := listenNotify(t, 0)
		logger, _ := newTestLogger(t)
		startOnUI(t, win, logger)
		if m := sock.next(t, time.Second); m.text != "READY=1" {
			t.Fatalf("%q, want READY=1", m.text)
		}
		sock.quietFor(t, 2*testInterval, "the unit has no watchdog")
	})
	t.Run("WATCHDOG_PID names another process", func(t *testing.T) {
		sock := listenNotify(t, testInterval)
		t.Setenv("WATCHDOG_PID", "1")
		logger, _ := newTestLogger(t)
		startOnUI(t, win, logger)
		sock.next(t, time.Second) // READY=1
		sock.quietFor(t, 2*testInterval, "the watchdog is another process's")
	})
}

func TestWithoutNotifySocketNothing(t *testing.T) {
	leaks := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, leaks) })
	_, win := newUIThreadApp(t)
	t.Setenv("NOTIFY_SOCKET", "")
	t.Setenv("WATCHDOG_USEC", "300000")
	logger, logs := newTestLogger(t)
	startOnUI(t, win, logger)
	time.Sleep(testInterval)
	if logs.has("watchdog") {
		t.Error("the watchdog logged without NOTIFY_SOCKET")
	}
}
