package metrics

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/medfordwater/lobbykiosk/internal/clock"
)

// Options are the build the metrics describe and the clock they keep.
type Options struct {
	Version, Commit, Fyne string // lobbykiosk_build_info's labels
	// Now is the time the UI heartbeat's age is measured against at each
	// scrape; nil: clock.Wall.
	Now func() time.Time
}

// Buckets of the histograms, in seconds. A portal call's deadline is 20 s by
// default; a visit's limit is 20 minutes by default and 120 at most.
var (
	portalBuckets = []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30}
	visitBuckets  = []float64{15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200}
)

// Metrics are the kiosk's families in a registry of their own. Every method is
// safe from any goroutine.
type Metrics struct {
	registry  *prometheus.Registry
	now       func() time.Time
	languages closedSet

	uiAlive atomic.Pointer[time.Time] // the UI's last proof of life

	visits         *prometheus.CounterVec
	visitDuration  prometheus.Histogram
	portalRequests *prometheus.CounterVec
	portalDuration *prometheus.HistogramVec

	printerConfigured, printerReady prometheus.Gauge
	printerProblem                  *prometheus.GaugeVec

	speech, staffLockout, outOfService prometheus.Gauge

	terminalMu    sync.Mutex // the POIID of the series on show
	terminalPOIID string
	terminalReady *prometheus.GaugeVec
}

// New makes the families, every series of their closed sets at zero, in a new
// registry with the Go runtime's and the process's collectors.
func New(o Options) *Metrics {
	if o.Now == nil {
		o.Now = clock.Wall
	}
	m := &Metrics{registry: prometheus.NewRegistry(), now: o.Now, languages: languages()}
	started := o.Now()
	m.uiAlive.Store(&started)

	buildInfo := gauge("build_info", "The kiosk's build: its version, commit and Fyne version; always 1.",
		"version", "commit", "fyne")
	buildInfo.WithLabelValues(buildValue(o.Version), buildValue(o.Commit), buildValue(o.Fyne)).Set(1)
	heartbeatAge := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "lobbykiosk_ui_heartbeat_age_seconds",
		Help: "Seconds since the UI thread last proved it is alive and drawing (since start, before its first proof)."},
		m.uiHeartbeatAge)

	m.visits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "lobbykiosk_visits_total",
		Help: "Visits ended, once per journey completed (journey=none: it completed none), by language and why it ended."},
		[]string{"journey", "language", "outcome"})
	m.visitDuration = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "lobbykiosk_visit_duration_seconds",
		Help: "Visits' length from the visitor's first action to their end; its _count is the visits ended.", Buckets: visitBuckets})
	m.portalRequests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "lobbykiosk_portal_requests_total",
		Help: "Portal calls, retries included, by call and how they ended."}, []string{"call", "result"})
	m.portalDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "lobbykiosk_portal_request_duration_seconds",
		Help: "Portal calls' duration, retries included.", Buckets: portalBuckets}, []string{"call"})

	m.printerConfigured = plainGauge("printer_configured", "1 when the config names a receipt printer.")
	m.printerReady = plainGauge("printer_ready", "1 when the receipt printer can print.")
	m.printerProblem = gauge("printer_problem", "1 while the receipt printer has this kind of problem.", "kind")
	m.speech = plainGauge("speech_available", "1 when the kiosk can speak (speech on and its daemon answering).")
	m.terminalReady = gauge("payment_terminal_ready",
		"1 when the payment terminal is ready; its POIID is a label once known, so a new serial is a new series.", "poiid")
	m.staffLockout = plainGauge("staff_lockout_active", "1 while staff mode is locked after wrong PINs.")
	m.outOfService = plainGauge("out_of_service", "1 while the kiosk shows its out-of-service screen.")

	m.zeroEverySeries()
	m.registry.MustRegister(buildInfo, heartbeatAge, m.visits, m.visitDuration, m.portalRequests, m.portalDuration,
		m.printerConfigured, m.printerReady, m.printerProblem, m.speech, m.terminalReady, m.staffLockout, m.outOfService,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// zeroEverySeries makes every series of the closed sets, so each family is in
// the first scrape and a rate() has a start.
func (m *Metrics) zeroEverySeries() {
	for _, journey := range journeys {
		for _, language := range m.languages {
			for _, outcome := range outcomes {
				m.visits.WithLabelValues(journey, language, outcome)
			}
		}
	}
	for _, call := range calls {
		m.portalDuration.WithLabelValues(call)
		for _, result := range results {
			m.portalRequests.WithLabelValues(call, result)
		}
	}
	for _, kind := range problemKinds {
		m.printerProblem.WithLabelValues(kind)
	}
	m.terminalReady.WithLabelValues("")
}

// Registry is where the families are, for the /metrics handler.
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

func gauge(name, help string, labels ...string) *prometheus.GaugeVec {
	return prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "lobbykiosk_" + name, Help: help}, labels)
}

func plainGauge(name, help string) prometheus.Gauge {
	return prometheus.NewGauge(prometheus.GaugeOpts{Name: "lobbykiosk_" + name, Help: help})
}

// uiHeartbeatAge is the seconds since the UI's last proof of life, at scrape time.
func (m *Metrics) uiHeartbeatAge() float64 {
	return max(0, m.now().Sub(*m.uiAlive.Load()).Seconds())
}
