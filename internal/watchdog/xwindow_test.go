package watchdog

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"github.com/medfordwater/lobbykiosk/internal/xvfbtest"
)

// x11Window is a Fyne test window that says, as the GLFW driver's windows do on
// X11, which X window it draws into.
type x11Window struct {
	fyne.Window
	id xproto.Window
}

func (w *x11Window) RunNative(f func(any)) {
	f(driver.X11WindowContext{WindowHandle: uintptr(w.id)})
}

// startXvfb runs an X server of the test's own and points DISPLAY at it.
func startXvfb(t *testing.T) {
	t.Helper()
	xvfbtest.Start(t, "640x480x24")
}

// xClient is another client of the X server: what `xdotool windowclose` or a
// window manager does to the kiosk's window, it does.
type xClient struct {
	t    *testing.T
	conn *xgb.Conn
}

func newXClient(t *testing.T) *xClient {
	t.Helper()
	conn, err := xgb.NewConn()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	return &xClient{t: t, conn: conn}
}

// mappedWindow makes a top-level window and shows it, like the kiosk's on bare X.
func (c *xClient) mappedWindow() xproto.Window {
	c.t.Helper()
	id, err := xproto.NewWindowId(c.conn)
	if err != nil {
		c.t.Fatal(err)
	}
	root := xproto.Setup(c.conn).DefaultScreen(c.conn).Root
	c.check(xproto.CreateWindowChecked(c.conn, 0, id, root, 0, 0, 640, 480, 0,
		xproto.WindowClassInputOutput, 0, 0, nil))
	c.check(xproto.MapWindowChecked(c.conn, id))
	return id
}

func (c *xClient) check(cookie interface{ Check() error }) {
	c.t.Helper()
	if err := cookie.Check(); err != nil {
		c.t.Fatal(err)
	}
}

// xKiosk starts the watchdog on a window the X server shows, with a UI thread and
// a NOTIFY_SOCKET, and waits for its first ping.
func xKiosk(t *testing.T) (*xClient, xproto.Window, *notifySocket, testLog) {
	t.Helper()
	startXvfb(t)
	other := newXClient(t)
	id := other.mappedWindow()
	a, inner := newUIThreadApp(t)
	win := &x11Window{Window: inner, id: id}
	a.drv.windows = func() []fyne.Window { return []fyne.Window{win} }
	sock, logs := startPinging(t, win)
	return other, id, sock, logs
}

func TestAWindowDestroyedByAnotherClientStopsThePings(t *testing.T) {
	other, id, sock, logs := xKiosk(t)
	other.check(xproto.DestroyWindowChecked(other.conn, id)) // xdotool windowclose
	sock.pingsStop(t, "the window was destroyed")
	if !logs.has("the X server no longer has the window") {
		t.Error("nothing logged about the destroyed window")
	}
}

func TestAnUnmappedWindowStopsThePingsUntilShownAgain(t *testing.T) {
	other, id, sock, logs := xKiosk(t)
	other.check(xproto.UnmapWindowChecked(other.conn, id)) // a window manager's minimise
	sock.pingsStop(t, "the window is not on screen")
	if !logs.has("the window is not on screen") {
		t.Error("nothing logged about the unmapped window")
	}
	other.check(xproto.MapWindowChecked(other.conn, id))
	if m := sock.next(t, 2*testInterval); m.text != "WATCHDOG=1" {
		t.Fatalf("%q, want WATCHDOG=1 once the window is back", m.text)
	}
}
