package watchdog

import (
	"errors"
	"log/slog"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// windowProbe asks the X server whether the kiosk's window is still on screen.
// Fyne cannot tell: when another client destroys the window (XDestroyWindow, as
// `xdotool windowclose` does), GLFW ignores the DestroyNotify, so Fyne's window,
// its UI thread and its native handle all carry on as if nothing happened while the
// screen shows nothing. The X server is the one that knows, through a connection of
// the probe's own (xgb, the X protocol in pure Go: no second copy of Xlib's state
// inside the process GLFW's Xlib lives in).
type windowProbe struct {
	win fyne.Window
	mu  sync.Mutex
	x   *xgb.Conn // nil: no X11 window to ask about (Wayland, the test driver)
}

// newWindowProbe opens the probe's X connection when win is an X11 window. Call it
// on the UI thread.
func newWindowProbe(win fyne.Window, logger *slog.Logger) *windowProbe {
	p := &windowProbe{win: win}
	if xWindow(win) == 0 {
		logger.Info("the kiosk window is not an X11 window: only a closed window stops the watchdog pings")
		return p
	}
	conn, err := xgb.NewConn() // DISPLAY and XAUTHORITY, like the kiosk's own connection
	if err != nil {
		logger.Warn("cannot ask the X server about the kiosk window: a destroyed window will not stop the watchdog pings",
			"err", err.Error())
		return p
	}
	p.x = conn
	return p
}

// lost says why the window is not on screen, or "" while it is. Call it on the UI
// thread.
func (p *windowProbe) lost() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.x == nil {
		return ""
	}
	id := xWindow(p.win)
	if id == 0 {
		return "the window has no X11 window any more"
	}
	attrs, err := xproto.GetWindowAttributes(p.x, xproto.Window(id)).Reply()
	var gone xproto.WindowError
	switch {
	case errors.As(err, &gone):
		return "the X server no longer has the window (destroyed by another client)"
	case err != nil:
		return "the X server does not answer about the window"
	case attrs.MapState != xproto.MapStateViewable:
		return "the window is not on screen (unmapped or minimised)"
	}
	return ""
}

// close drops the X connection; the probe then reports nothing. Any goroutine.
func (p *windowProbe) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.x != nil {
		p.x.Close()
		p.x = nil
	}
}

// xWindow is win's X11 window id, 0 if it has none (closed, not X11, not native).
func xWindow(win fyne.Window) uintptr {
	native, ok := win.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var id uintptr
	native.RunNative(func(ctx any) {
		if x11, ok := ctx.(driver.X11WindowContext); ok {
			id = x11.WindowHandle
		}
	})
	return id
}
