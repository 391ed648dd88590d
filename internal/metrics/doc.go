// Package metrics is the kiosk's health for the fleet's Prometheus: the
// families of docs/fleet.md in a registry of their own, served on /metrics
// (OpenMetrics) through the exporter toolkit's TLS and basic auth.
//
// Every family is in the first scrape: New makes every series of the labels'
// closed sets at zero, so a kiosk with no printer reports
// lobbykiosk_printer_configured 0 and lobbykiosk_printer_ready 0. Every label
// value comes from a closed set defined here (journeys, languages, outcomes,
// calls, results, printer problems); the recording methods map anything else to
// "other" and never pass a caller's string through, so no visitor's data can
// become a label. The two values that are not enumerated are the build's
// (version, commit, Fyne version; from the build, "unknown" when odd) and the
// payment terminal's POIID (only when it looks like a terminal's, else "other").
//
// # What the kiosk calls, and when
//
// At start, once the config is loaded:
//
//	m := metrics.New(metrics.Options{Version: version, Commit: commit, Fyne: fyneVersion(), Now: clock})
//	// with cfg.MetricsListen != "":
//	srv, err := metrics.Listen(cfg.MetricsListen, cfg.MetricsWebConfig, m, log) // refuse to start on err
//	go srv.Serve(ctx)                                                             // returns once ctx ends
//
// and client.Options{Observer: m} on the portal client: every portal call is
// then counted by name and result (PortalResult) without more wiring.
//
// Then, from any goroutine:
//
//   - UIAlive(now) whenever the UI thread proves it runs and draws: where the
//     watchdog's heartbeat is fed. lobbykiosk_ui_heartbeat_age_seconds is the
//     time since, at scrape time, on the Options.Now clock.
//   - VisitEnded(v) with the heartbeat.Visit the kiosk gives Heartbeat.VisitEnded,
//     its Took set to the visit's length (first action to end); not for training
//     mode, as the heartbeat.
//   - SetPrinter(status) at start and whenever the printer's state is learnt
//     (each heartbeat's printer probe, each receipt printed, the staff status):
//     the *client.PrinterStatus the heartbeat sends; nil for no printer.
//   - SetSpeech(available) at start and when speech starts or fails.
//   - SetTerminal(ready, poiid) when the payment terminal's state or POIID is
//     learnt ("" while unknown).
//   - SetStaffLockout(active) when staff mode locks after wrong PINs and when
//     the lock lifts.
//   - SetOutOfService(out) when the out-of-service screen shows and leaves.
//
// A scrape costs about 2 ms and 50 KB (BenchmarkScrape).
package metrics
