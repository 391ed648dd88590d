package watchdog

import (
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// uiThreadApp is a Fyne test app whose fyne.Do queues callbacks for one goroutine
// that runs them in order, as the GLFW driver runs them on its main thread. The
// test driver runs each callback at once on the caller's goroutine, so no callback
// could ever wait behind a stuck one there.
type uiThreadApp struct {
	fyne.App
	drv *uiThreadDriver
}

func (a *uiThreadApp) Driver() fyne.Driver { return a.drv }

type uiThreadDriver struct {
	fyne.Driver
	queue chan func()
	// windows, when set, is what AllWindows reports (a window the test wraps).
	windows func() []fyne.Window
}

func (d *uiThreadDriver) DoFromGoroutine(f func(), wait bool) {
	if !wait {
		d.queue <- f
		return
	}
	done := make(chan struct{})
	d.queue <- func() { defer close(done); f() }
	<-done
}

func (d *uiThreadDriver) AllWindows() []fyne.Window {
	if d.windows != nil {
		return d.windows()
	}
	return d.Driver.AllWindows()
}

// newUIThreadApp makes the current app a test app with a UI thread, and a window
// showing something, until the test ends.
func newUIThreadApp(t *testing.T) (*uiThreadApp, fyne.Window) {
	t.Helper()
	inner := test.NewTempApp(t)
	a := &uiThreadApp{App: inner, drv: &uiThreadDriver{Driver: inner.Driver(), queue: make(chan func(), 64)}}
	fyne.SetCurrentApp(a)
	stopped := make(chan struct{})
	go func() {
		for {
			select {
			case f := <-a.drv.queue:
				f()
			case <-stopped:
				return
			}
		}
	}()
	t.Cleanup(func() { close(stopped); fyne.SetCurrentApp(inner) })
	var win fyne.Window
	fyne.DoAndWait(func() { win = test.NewWindow(widget.NewLabel("Welcome")) })
	return a, win
}

// notifySocket is a systemd-less NOTIFY_SOCKET: a unixgram socket whose every
// datagram is one sd_notify message, with the time it arrived.
type notifySocket struct {
	messages chan notifyMessage
}

type notifyMessage struct {
	text string
	at   time.Time
}

// listenNotify makes the socket and points NOTIFY_SOCKET at it; watchdog, if not
// zero, is the unit's WatchdogSec= as systemd passes it (WATCHDOG_USEC, WATCHDOG_PID).
func listenNotify(t *testing.T, watchdog time.Duration) *notifySocket {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notify")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	s := &notifySocket{messages: make(chan notifyMessage, 1000)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := conn.Read(buf)
			if err != nil {
				return
			}
			s.messages <- notifyMessage{text: string(buf[:n]), at: time.Now()}
		}
	}()
	t.Cleanup(func() { _ = conn.Close() })
	t.Setenv("NOTIFY_SOCKET", path)
	if watchdog > 0 {
		t.Setenv("WATCHDOG_USEC", strconv.FormatInt(watchdog.Microseconds(), 10))
		t.Setenv("WATCHDOG_PID", strconv.Itoa(os.Getpid()))
	}
	return s
}

// next is the next message within wait, or fails the test.
func (s *notifySocket) next(t *testing.T, wait time.Duration) notifyMessage {
	t.Helper()
	select {
	case m := <-s.messages:
		return m
	case <-time.After(wait):
		t.Fatalf("no sd_notify message within %v", wait)
		return notifyMessage{}
	}
}

// quietFor fails the test if a message arrives within d.
func (s *notifySocket) quietFor(t *testing.T, d time.Duration, why string) {
	t.Helper()
	select {
	case m := <-s.messages:
		t.Fatalf("%s, yet %q arrived", why, m.text)
	case <-time.After(d):
	}
}

// pingsStop fails unless the pings stop now: a ping the UI thread was already
// sending may still land within half an interval, then nothing for longer than
// the watchdog waits before systemd acts.
func (s *notifySocket) pingsStop(t *testing.T, why string) {
	t.Helper()
	settle := time.After(testInterval / 2)
	for done := false; !done; {
		select {
		case <-s.messages:
		case <-settle:
			done = true
		}
	}
	s.quietFor(t, 2*testInterval, why)
}

// startOnUI starts the watchdog on the UI thread, as the kiosk does once its first
// screen is up, and stops it when the test ends.
func startOnUI(t *testing.T, win fyne.Window, logger *slog.Logger) {
	t.Helper()
	var stop func()
	fyne.DoAndWait(func() { stop = Start(win, logger, nil) })
	t.Cleanup(stop)
}

// testLog is the watchdog's log as the test reads it: JSON lines in a file, which
// the watchdog's goroutines may write to while the test reads.
type testLog struct{ path string }

func newTestLogger(t *testing.T) (*slog.Logger, testLog) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return slog.New(slog.NewJSONHandler(f, nil)), testLog{path: f.Name()}
}

func (l testLog) has(s string) bool {
	b, err := os.ReadFile(l.path)
	return err == nil && strings.Contains(string(b), s)
}

// startPinging starts the watchdog on win with a NOTIFY_SOCKET and a watchdog of
// testInterval, and waits for READY=1 and a first ping.
func startPinging(t *testing.T, win fyne.Window) (*notifySocket, testLog) {
	t.Helper()
	sock := listenNotify(t, testInterval)
	logger, logs := newTestLogger(t)
	startOnUI(t, win, logger)
	if m := sock.next(t, time.Second); m.text != "READY=1" {
		t.Fatalf("first message %q, want READY=1", m.text)
	}
	if m := sock.next(t, 3*testInterval); m.text != "WATCHDOG=1" {
		t.Fatalf("%q, want WATCHDOG=1 while the window is shown", m.text)
	}
	return sock, logs
}
