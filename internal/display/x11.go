package display

import (
	"errors"
	"fmt"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/randr"
	"github.com/jezek/xgb/xproto"
)

// ReadX asks the X server of $DISPLAY for the kiosk's monitor: RandR's primary
// output (else the first lit one), its mode's pixels and the millimetres its EDID
// reports. When RandR is missing, or the output reports no millimetres (Xvfb's,
// and monitors without an EDID size) while it fills the whole screen, the core
// screen's size stands in: Xvfb's -dpi sets it, Xorg computes it (96 dpi unless
// configured), so a lobby PC whose monitor lies is better served by
// screen_diagonal_inches. xgb speaks the protocol in pure Go, as the watchdog's
// probe does; GLFW reads the same numbers but only once a window exists, and the
// scale must be set before.
// The connection stays open until release is called, once the kiosk's window is
// up or the kiosk is done: an X server whose last client leaves resets itself
// (Xvfb, and Xorg without -noreset), and a window opened during that reset finds
// no display (GLFW: "Failed to detect any supported platform").
func ReadX() (p Panel, release func(), err error) {
	conn, err := xgb.NewConn()
	if err != nil {
		return Panel{}, func() {}, fmt.Errorf("connect to the X server: %w", err)
	}
	return readPanel(conn), conn.Close, nil
}

// readPanel is ReadX's answer on an open connection.
func readPanel(conn *xgb.Conn) Panel {
	screen := xproto.Setup(conn).DefaultScreen(conn)
	whole := Panel{WidthPx: int(screen.WidthInPixels), HeightPx: int(screen.HeightInPixels),
		WidthMM: float64(screen.WidthInMillimeters), HeightMM: float64(screen.HeightInMillimeters)}
	if err := randr.Init(conn); err != nil {
		return whole
	}
	p, err := randrPanel(conn, screen.Root)
	if err != nil {
		return whole
	}
	if (p.WidthMM == 0 || p.HeightMM == 0) && p.WidthPx == whole.WidthPx && p.HeightPx == whole.HeightPx {
		return whole
	}
	return p
}

var errNoOutput = errors.New("no lit RandR output")

// randrPanel is the primary output's panel, else the first output showing a picture.
func randrPanel(conn *xgb.Conn, root xproto.Window) (Panel, error) {
	res, err := randr.GetScreenResourcesCurrent(conn, root).Reply()
	if err != nil {
		return Panel{}, err
	}
	outputs := res.Outputs
	if primary, err := randr.GetOutputPrimary(conn, root).Reply(); err == nil && primary.Output != 0 {
		outputs = append([]randr.Output{primary.Output}, outputs...)
	}
	for _, out := range outputs {
		info, err := randr.GetOutputInfo(conn, out, res.ConfigTimestamp).Reply()
		if err != nil || info.Connection != randr.ConnectionConnected || info.Crtc == 0 {
			continue
		}
		crtc, err := randr.GetCrtcInfo(conn, info.Crtc, res.ConfigTimestamp).Reply()
		if err != nil || crtc.Width == 0 || crtc.Height == 0 {
			continue
		}
		return Panel{WidthPx: int(crtc.Width), HeightPx: int(crtc.Height),
			WidthMM: float64(info.MmWidth), HeightMM: float64(info.MmHeight)}, nil
	}
	return Panel{}, errNoOutput
}
