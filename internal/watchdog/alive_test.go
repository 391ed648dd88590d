package watchdog

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"go.uber.org/goleak"
)

// Without systemd, the alive callback still runs on the UI thread at each
// passing check; a stuck UI thread stops it, and it resumes with the thread.
func TestAliveRunsWithoutSystemdAndStopsWithTheUIThread(t *testing.T) {
	leaks := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, leaks) })
	_, win := newUIThreadApp(t)
	t.Setenv("NOTIFY_SOCKET", "")
	saved := aliveEvery
	aliveEvery = testInterval / 4
	t.Cleanup(func() { aliveEvery = saved })
	alive := make(chan struct{}, 1000)
	logger, _ := newTestLogger(t)
	var stop func()
	fyne.DoAndWait(func() { stop = Start(win, logger, func() { alive <- struct{}{} }) })
	t.Cleanup(stop)

	waitAlive := func(why string) {
		t.Helper()
		for range 3 {
			select {
			case <-alive:
			case <-time.After(testInterval):
				t.Fatalf("no alive call within %v: %s", testInterval, why)
			}
		}
	}
	waitAlive("the UI thread runs and the window is shown")

	release := make(chan struct{})
	unblock := sync.OnceFunc(func() { close(release) })
	defer unblock()
	fyne.Do(func() { <-release }) // a callback that never returns: the UI thread is stuck
	time.Sleep(testInterval / 2)  // a check already queued before the stuck callback may still run
	for len(alive) > 0 {
		<-alive
	}
	select {
	case <-alive:
		t.Fatal("alive called while the UI thread is stuck")
	case <-time.After(2 * testInterval):
	}
	unblock()
	waitAlive("the UI thread runs again")
}
