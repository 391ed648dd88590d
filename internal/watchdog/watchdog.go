// Package watchdog keeps systemd told that the kiosk's screen is alive. When the
// unit is Type=notify it says READY=1 once the first screen is in the window, and
// when the unit has WatchdogSec= it pings WATCHDOG=1 at half that interval, each
// ping sent by the UI thread and only while the kiosk's window is still shown. A
// UI thread that no longer runs what it is asked to, or a window that was closed
// or destroyed, stops the pings, and systemd restarts the kiosk: a live process
// behind a dead screen is what a process watch alone cannot see.
//
// The sd_notify protocol is go-systemd's (github.com/coreos/go-systemd/v22/daemon).
package watchdog

import (
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"github.com/coreos/go-systemd/v22/daemon"
)

// aliveEvery is how often Start's alive callback runs while the UI thread
// answers and the window is shown, when systemd's pings are not more often.
var aliveEvery = 5 * time.Second

// Start tells systemd the kiosk is ready and, when the unit has a watchdog for this
// process (WATCHDOG_USEC, and WATCHDOG_PID if set), starts the pings. Without
// NOTIFY_SOCKET it sends nothing. alive, when not nil, is called on the UI thread
// at each check the window passes, at least every 5 s, with systemd or
// without: the proof of a live, drawing screen that the fleet's metrics time
// (a stuck UI thread stops it as it stops the pings). Call Start on the UI thread
// once the first screen is in win; stop ends the checks (it may be called from
// any goroutine, more than once).
func Start(win fyne.Window, logger *slog.Logger, alive func()) (stop func()) {
	interval := systemdWatchdog(logger)
	every := interval / 2
	if alive != nil && (every == 0 || every > aliveEvery) {
		every = aliveEvery
	}
	if every == 0 {
		return func() {}
	}
	w := &watch{win: win, log: logger, shown: newWindowProbe(win, logger), done: make(chan struct{}),
		ping: interval > 0, alive: alive}
	if w.ping {
		logger.Info("systemd watchdog: pinging from the UI thread while the window is shown",
			"interval", interval.String(), "every", every.String())
	}
	if alive != nil {
		alive() // on the UI thread, the first screen in the window: the first proof
	}
	go w.run(every)
	var once sync.Once
	return func() { once.Do(w.stop) }
}

// systemdWatchdog tells systemd the kiosk is ready and returns the unit's
// watchdog interval for this process: 0 when there is none, or no systemd.
func systemdWatchdog(logger *slog.Logger) time.Duration {
	if sent, err := daemon.SdNotify(false, daemon.SdNotifyReady); err != nil {
		logger.Warn("cannot tell systemd the kiosk is ready", "err", err.Error())
	} else if !sent {
		return 0 // no NOTIFY_SOCKET: not run by systemd as a notify unit
	}
	interval, err := daemon.SdWatchdogEnabled(false)
	if err != nil {
		logger.Warn("systemd's watchdog settings are unreadable; not pinging", "err", err.Error())
		return 0
	}
	return interval
}

// watch is one kiosk window under systemd's watchdog, the fleet's metrics or both.
type watch struct {
	win   fyne.Window
	log   *slog.Logger
	shown *windowProbe
	done  chan struct{}
	ping  bool   // systemd watches: each check the window passes pings it
	alive func() // nil: no one else is told of a passing check
	// asked is set while a ping the UI thread was asked for has not run yet: no new
	// request is queued behind it, so a stuck UI thread does not pile them up.
	asked atomic.Bool
	// silent is the reason the last ping was not sent, "" after a ping: each
	// reason is logged once, when the pings stop for it.
	silent string
}

func (w *watch) run(every time.Duration) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	stuck := false
	for {
		select {
		case <-w.done:
			return
		case <-tick.C:
		}
		if !w.asked.CompareAndSwap(false, true) {
			if !stuck {
				w.log.Error("the UI thread has not run the watchdog's last check; systemd restarts the kiosk unless it does soon",
					"waiting_more_than", every.String())
			}
			stuck = true
			continue
		}
		if stuck {
			w.log.Warn("the UI thread runs again")
			stuck = false
		}
		fyne.Do(w.pingFromUI)
	}
}

// pingFromUI runs on the UI thread: it pings only while the window is shown.
func (w *watch) pingFromUI() {
	defer w.asked.Store(false)
	select {
	case <-w.done:
		return
	default:
	}
	if reason := w.windowLost(); reason != "" {
		if reason != w.silent {
			w.log.Error("kiosk window lost; no more watchdog pings, systemd will restart the kiosk", "reason", reason)
		}
		w.silent = reason
		return
	}
	if w.alive != nil {
		w.alive()
	}
	if !w.ping {
		return
	}
	if _, err := daemon.SdNotify(false, daemon.SdNotifyWatchdog); err != nil {
		w.log.Warn("watchdog ping failed", "err", err.Error())
		return
	}
	if w.silent != "" {
		w.log.Info("kiosk window shown again; watchdog pings go on")
		w.silent = ""
	}
}

// windowLost says why the window no longer shows the kiosk, or "" while it does.
func (w *watch) windowLost() string {
	open := false
	for _, other := range fyne.CurrentApp().Driver().AllWindows() {
		open = open || other == w.win
	}
	if !open {
		return "the window was closed"
	}
	return w.shown.lost()
}

func (w *watch) stop() {
	close(w.done)
	w.shown.close()
}
