package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/metrics"
	"github.com/medfordwater/lobbykiosk/ui"
)

// fleetMetrics are the kiosk's metrics served on /metrics for the fleet's
// Prometheus (docs/fleet.md); nil when the config serves none, and then
// nothing is counted for them.
type fleetMetrics struct {
	m    *metrics.Metrics
	done chan struct{} // closed once the server stopped
	stop context.CancelFunc
}

// serveMetrics makes the metrics and serves them on cfg.MetricsListen until
// close; nil, nil when metrics_listen is empty. An address or web config it
// cannot serve on is an error: a kiosk that starts without the metrics its
// fleet expects would look down, or worse, be served to anyone.
func serveMetrics(cfg config.Config, logger *slog.Logger) (*fleetMetrics, error) {
	if cfg.MetricsListen == "" {
		return nil, nil
	}
	m := metrics.New(metrics.Options{Version: version, Commit: commit, Fyne: fyneVersion()})
	srv, err := metrics.Listen(cfg.MetricsListen, cfg.MetricsWebConfig, m, logger)
	if err != nil {
		return nil, fmt.Errorf("cannot serve metrics: %w", err)
	}
	ctx, stop := context.WithCancel(context.Background())
	f := &fleetMetrics{m: m, done: make(chan struct{}), stop: stop}
	logger.Info("serving metrics for the fleet's Prometheus", "listen", srv.Addr().String(),
		"tls_and_auth", cfg.MetricsWebConfig != "")
	go func() {
		defer close(f.done)
		if err := srv.Serve(ctx); err != nil {
			logger.Error("the metrics server stopped; the fleet sees this kiosk as down", "err", err.Error())
		}
	}()
	return f, nil
}

// close stops serving, letting a scrape under way finish.
func (f *fleetMetrics) close() {
	if f == nil {
		return
	}
	f.stop()
	<-f.done
}

// observer counts the portal client's calls; nil without metrics.
func (f *fleetMetrics) observer() client.Observer {
	if f == nil {
		return nil
	}
	return f.m
}

// ui is what the kiosk's screens tell the metrics; nil without metrics.
func (f *fleetMetrics) ui() ui.Metrics {
	if f == nil {
		return nil
	}
	return f.m
}

// uiAlive is the watchdog's proof that the UI thread runs and draws, on the
// wall clock the metrics time it with; nil without metrics.
func (f *fleetMetrics) uiAlive() func() {
	if f == nil {
		return nil
	}
	return func() { f.m.UIAlive(clock.Wall()) }
}
