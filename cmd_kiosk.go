package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/jezek/xgb"
	"github.com/medfordwater/lobbykiosk/assets"
	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/audio"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/display"
	"github.com/medfordwater/lobbykiosk/internal/printer"
	"github.com/medfordwater/lobbykiosk/internal/secrets"
	"github.com/medfordwater/lobbykiosk/internal/speech"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"
	"github.com/medfordwater/lobbykiosk/internal/watchdog"
	"github.com/medfordwater/lobbykiosk/ui"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	"github.com/medfordwater/lobbykiosk/ui/staff"
)

// appID names the app to Fyne and doubles as the keyring service name, so the
// kiosk's items are easy to find (and remove) with
// `secret-tool search service org.medfordwater.lobbykiosk`.
const appID = "org.medfordwater.lobbykiosk"

// cmdRun is the kiosk for real customers. Without a usable portal credential it still
// opens, on its out-of-service screen, and logs why.
func cmdRun(args []string) int {
	flags := flag.NewFlagSet("run", flag.ContinueOnError)
	flags.String("config", "", "config file (default "+config.DefaultPath+" when present)")
	cfg, status := parseConfig(flags, args, config.Load)
	if status != 0 {
		return status
	}
	logger := newLogger(os.Stderr, cfg.SlogLevel())
	fleet, err := serveMetrics(cfg, logger)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk:", err)
		return exitConfig
	}
	defer fleet.close()
	store := secrets.New(appID, secrets.Options{})
	// The keyring read waits on D-Bus: openKiosk runs it while the window opens.
	deps := func() ui.Deps {
		portal, err := livePortal(cfg, store, logger, fleet.observer())
		if err != nil {
			logger.Error("kiosk out of service", "reason", err.Error())
		}
		d := ui.Deps{Portal: portal, Config: cfg, Logger: logger, Mode: ui.ModeLive,
			Staff: store, StaffLockout: staffLockout(logger), KioskID: cfg.KioskID, Version: version,
			HeartbeatEvery: cfg.HeartbeatEvery(), Training: practicePortal(logger, cfg.Utility, fleet.observer())}
		d.Speech, d.SpeechCheck = voice(cfg, logger)
		d.Printer = receiptPrinter(cfg)
		d.Metrics = fleet.ui()
		wireLiveTerminal(&d, cfg, store, logger)
		if d.Terminal != nil {
			d.TrainingCards = trainingCards(cfg.KioskID, logger)
		}
		return d
	}
	fullscreen := cfg.WindowMode == "fullscreen"
	if fullscreen {
		defer scaleToPanel(cfg.ScreenDiagonalInches, logger)()
	}
	return openKiosk(deps, fullscreen, logger, fleet.uiAlive())
}

// parseConfig parses the subcommand's flags, then the config file they name with load.
func parseConfig(flags *flag.FlagSet, args []string, load func(string) (config.Config, error)) (config.Config, int) {
	path := flags.Lookup("config")
	if err := flags.Parse(args); err != nil {
		return config.Config{}, exitConfig
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "lobbykiosk %s: unexpected argument %q\n", flags.Name(), flags.Arg(0))
		return config.Config{}, exitConfig
	}
	cfg, err := load(path.Value.String())
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk:", err)
		return cfg, exitConfig
	}
	return cfg, 0
}

// livePortal reads the kiosk's credential from the keyring and builds the portal client.
func livePortal(cfg config.Config, store *secrets.Store, logger *slog.Logger, observer client.Observer) (*client.Client, error) {
	key, err := store.PortalKey()
	if err != nil {
		return nil, err
	}
	return client.New(client.Options{BaseURL: cfg.PortalURL, KioskKey: key, RootCAFile: cfg.RootCAFile, Logger: logger,
		Observer: observer})
}

// cmdDemo runs the kiosk on an in-process portal simulator on a random loopback port:
// no keyring, practice accounts, a DEMO banner, windowed unless --fullscreen.
func cmdDemo(args []string) int {
	flags := flag.NewFlagSet("demo", flag.ContinueOnError)
	flags.String("config", "", "config file (its portal_url is ignored)")
	fullscreen := flags.Bool("fullscreen", false, "fill the screen like a real kiosk")
	faults := flags.String("faults", "", `portal faults to inject, e.g. "POST /accounts/lookup=status:503,times:2"`)
	cfg, status := parseConfig(flags, args, config.LoadDemo)
	if status != 0 {
		return status
	}
	logger := newLogger(os.Stderr, cfg.SlogLevel())
	fleet, err := serveMetrics(cfg, logger)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk demo:", err)
		return exitConfig
	}
	defer fleet.close()
	sim, err := newSimulator(*faults, cfg.Utility)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk demo:", err)
		return exitConfig
	}
	srv, err := sim.Start("127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk demo:", err)
		return 1
	}
	defer srv.Close()
	portal, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey, Logger: logger,
		Observer: fleet.observer()})
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk demo:", err)
		return 1
	}
	pin := randomPIN()
	printDemoIntro(os.Stdout, srv.URL, pin)
	// The demo's lockout lives and dies with the demo, away from a real kiosk's.
	stateDir, err := os.MkdirTemp("", "lobbykiosk-demo-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk demo:", err)
		return 1
	}
	defer os.RemoveAll(stateDir)
	deps := ui.Deps{Portal: portal, Config: cfg, Logger: logger, Mode: ui.ModeDemo, Staff: demoStaffPIN(pin),
		StaffLockout: stafflock.NewFile(filepath.Join(stateDir, "staff-lockout"), logger), KioskID: cfg.KioskID, Version: version,
		HeartbeatEvery: cfg.HeartbeatEvery(), Training: practicePortal(logger, cfg.Utility, fleet.observer())}
	deps.Speech, deps.SpeechCheck = voice(cfg, logger)
	deps.Printer = receiptPrinter(cfg)
	deps.Metrics = fleet.ui()
	stopTerminal, err := wirePracticeTerminal(&deps, stateDir, logger)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk demo:", err)
		return 1
	}
	defer stopTerminal()
	if *fullscreen {
		defer scaleToPanel(cfg.ScreenDiagonalInches, logger)()
	}
	return openKiosk(func() ui.Deps { return deps }, *fullscreen, logger, fleet.uiAlive())
}

// receiptPrinter is the CUPS queue the config names for receipts; nil (no receipt
// button) when it names none.
func receiptPrinter(c config.Config) ui.Printer {
	if c.Printer == "" {
		return nil
	}
	return printer.New(c.Printer)
}

// voice is the kiosk's speech, and the staff status's check of it:
// speech-dispatcher, reached when speech mode first speaks (the daemon is started
// for the kiosk's user if none runs); nil when the config turns speech off. A
// daemon that is missing or fails is logged once and the kiosk goes on, silent.
func voice(c config.Config, logger *slog.Logger) (speechmode.Speaker, func(context.Context) error) {
	if !c.SpeechOn() {
		return nil, nil
	}
	client, err := speech.New(speech.Options{Component: "kiosk", Autospawn: true})
	if err != nil {
		logger.Warn("speech is not available; the kiosk goes on without it", "err", err.Error())
		return nil, func(context.Context) error { return err }
	}
	check := func(ctx context.Context) error { _, err := client.Check(ctx); return err }
	return speech.NewQueue(client, logger), check
}

// staffLockout is the lockout store for the run command; nil (in memory only,
// logged) when there is no state directory.
func staffLockout(logger *slog.Logger) staff.Lockout {
	path, err := stafflock.DefaultPath()
	if err != nil {
		logger.Error("staff lockout kept in memory only", "err", err.Error())
		return nil
	}
	return stafflock.NewFile(path, logger)
}

// newSimulator makes a portal simulator with the faults of a --faults flag, its
// dates in the utility's zone, as the kiosk's are.
func newSimulator(faultSpec string, utility config.Utility) (*portalsim.Sim, error) {
	sim := portalsim.New(portalsim.Options{Zone: utilityZone(utility)})
	if faultSpec == "" {
		return sim, nil
	}
	faults, err := portalsim.ParseFaults(faultSpec)
	if err != nil {
		return nil, fmt.Errorf("--faults: %w", err)
	}
	for route, f := range faults {
		sim.SetFault(route, f)
	}
	return sim, nil
}

// utilityZone is the utility's zone; config.Load has refused a config whose zone
// does not load, so nil (the simulator's default, Medford's) only stands in for
// a config made without a file.
func utilityZone(u config.Utility) *time.Location {
	zone, err := u.Location()
	if err != nil {
		return nil
	}
	return zone
}

// practicePortal starts, each time staff start training mode, a fresh simulator
// with the practice accounts on a random loopback port, its dates in the
// utility's zone; observer (nil: none) counts its calls.
func practicePortal(logger *slog.Logger, utility config.Utility, observer client.Observer) func() (staff.TrainingPortal, error) {
	return func() (staff.TrainingPortal, error) {
		srv, err := portalsim.New(portalsim.Options{Zone: utilityZone(utility)}).Start("127.0.0.1:0")
		if err != nil {
			return staff.TrainingPortal{}, err
		}
		portal, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey, Logger: logger,
			Observer: observer})
		if err != nil {
			_ = srv.Close()
			return staff.TrainingPortal{}, err
		}
		return staff.TrainingPortal{Portal: portal, Close: srv.Close}, nil
	}
}

// scaleToPanel makes Fyne draw the full-screen kiosk at the scale where body text
// meets ADA's character height on this panel (internal/display, docs/deploy.md),
// through Fyne's own FYNE_SCALE, so that everything grows alike (text, spacing,
// icons, touch targets). Fyne's DPI detection is turned off because the scale
// already accounts for the panel's density. An operator's FYNE_SCALE wins. Only
// before the window is made: Fyne reads both variables then. The caller calls
// the returned release once the kiosk is done (display.ReadX says why).
func scaleToPanel(diagonalInches float64, logger *slog.Logger) (release func()) {
	if v := os.Getenv("FYNE_SCALE"); v != "" {
		logger.Info("FYNE_SCALE is set: the panel's size is not used", "FYNE_SCALE", v)
		return func() {}
	}
	capPx, err := kiosktheme.New(kiosktheme.Look{}).CapitalIHeight()
	if err != nil {
		logger.Warn("cannot measure the body text; drawing at scale 1", "err", err.Error())
		return func() {}
	}
	panel, release, err := display.ReadX()
	if err != nil {
		logger.Warn("cannot read the panel's size", "err", err.Error())
	}
	d := display.Decide(panel, diagonalInches, float64(capPx))
	logger.Info("panel scale", "width_px", d.Panel.WidthPx, "height_px", d.Panel.HeightPx,
		"diagonal_inches", math.Round(d.Panel.DiagonalInches()*10)/10, "size_from", d.Source,
		"scale", d.Scale, "capital_i_mm", math.Round(d.CapitalIMM*100)/100, "limited_by_layout", d.LimitedByLayout)
	_ = os.Setenv("FYNE_DISABLE_DPI_DETECTION", "true")
	_ = os.Setenv("FYNE_SCALE", strconv.FormatFloat(d.Scale, 'f', 1, 64))
	return release
}

// openKiosk opens the kiosk window and runs until it quits or SIGINT/SIGTERM arrives.
// The window and its OpenGL context are made first, on the UI thread, while other
// goroutines run deps (the keyring read, for a live kiosk) and parse the fonts of
// the welcome screen; the kiosk is built into the window once all that is done. So
// on a two-core lobby PC the two halves of the start overlap (docs/PERFORMANCE.md).
// alive (nil: none) hears each proof the watchdog has of a live, drawing screen.
func openKiosk(deps func() ui.Deps, fullscreen bool, logger *slog.Logger, alive func()) int {
	a := app.NewWithID(appID)
	a.SetIcon(assets.WindowIcon)
	// Before the window opens: a theme set later would make Fyne drop the fonts parsed
	// meanwhile.
	a.Settings().SetTheme(ui.Theme())
	warm := make(chan struct{})
	go func() {
		ui.WarmUp()
		close(warm)
	}()
	ready := make(chan ui.Deps, 1)
	go func() { ready <- deps() }()
	win := newKioskWindow(a, fullscreen)
	status := 0
	stopWatchdog := func() {}
	ctx, cancel := context.WithCancel(context.Background())
	a.Lifecycle().SetOnStarted(func() {
		d := <-ready
		<-warm
		d.Quit = a.Quit
		k, err := ui.New(win, d)
		if err != nil {
			logger.Error("cannot build the kiosk", "err", err.Error())
			status = 1
			a.Quit()
			return
		}
		if d.Speech != nil && d.Config.SpeechOutput == config.SpeechOutputAuto {
			// Typed values are read back only while the audio server's output is
			// headphones plugged in, and stop the moment they come out.
			audio.Watch(ctx, "", logger, func(v audio.Verdict) { fyne.Do(func() { k.AudioPrivate(v.Private) }) })
		}
		// Ready once the first screen is in the window; from then on systemd
		// restarts a kiosk whose UI thread or window stops answering.
		stopWatchdog = watchdog.Start(win, logger, alive)
	})
	stop := quitOnSignal(a, logger)
	defer stop()
	defer cancel()
	win.ShowAndRun()
	stopWatchdog()
	return status
}

// newKioskWindow is borderless and full screen for a kiosk, an ordinary window otherwise.
func newKioskWindow(a fyne.App, fullscreen bool) fyne.Window {
	var win fyne.Window
	if drv, ok := a.Driver().(desktop.Driver); ok && fullscreen {
		win = drv.CreateSplashWindow()
		win.SetFullScreen(true)
	} else {
		win = a.NewWindow("Medford Water")
		win.Resize(fyne.NewSize(1280, 800))
	}
	win.SetMaster()
	return win
}

// quitGrace is how long a quit asked for by a signal may take before the process
// exits anyway: a kiosk that ignores SIGTERM blocks its service manager's restart.
const quitGrace = 3 * time.Second

// quitOnSignal makes SIGINT and SIGTERM quit the app cleanly (exit status 0). The
// kiosk keeps nothing to save, so if the UI thread does not get round to quitting
// within quitGrace the process exits without it.
func quitOnSignal(a fyne.App, logger *slog.Logger) (stop func()) {
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			fyne.Do(a.Quit)
		case <-done:
			return
		}
		select {
		case <-time.After(quitGrace):
			logger.Warn("the window did not close in time after a stop signal; exiting")
			os.Exit(0)
		case <-done:
		}
	}()
	return func() { close(done); cancel() }
}

// newLogger writes structured JSON to w (journald picks stderr up).
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	logger := slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)
	routeXLogs.Do(func() { xgb.Logger = slog.NewLogLogger(logger.Handler(), slog.LevelInfo) })
	return logger
}

// routeXLogs sends xgb's own diagnostics (no ~/.Xauthority, a broken connection),
// from the panel's size and the watchdog's window probe, to the journal as
// structured lines, once: xgb.Logger is a global its connections' goroutines read.
var routeXLogs sync.Once
