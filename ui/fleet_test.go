package ui

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/metrics"
	"github.com/medfordwater/lobbykiosk/internal/printer"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"
	"github.com/medfordwater/lobbykiosk/internal/terminalwatch"
	"path/filepath"
)

// The fleet's metrics, as a real kiosk makes them, heard by the kiosk's UI and
// its portal client, and read back by scraping /metrics over loopback HTTP.

// newFleetHarness is a kiosk whose UI and portal client tell real metrics.
func newFleetHarness(t *testing.T, o harnessOptions) (*harness, *metrics.Metrics) {
	t.Helper()
	m := metrics.New(metrics.Options{Version: "v-test", Commit: "abc1234", Fyne: "v2-test"})
	o.metrics, o.client.Observer = m, m
	h := newHarnessWith(t, o)
	h.settle() // the first poll's questions
	return h, m
}

// scrapeFleet serves m on a loopback port, scrapes it once as Prometheus does
// and returns the text and its families.
func scrapeFleet(t *testing.T, m *metrics.Metrics) (string, map[string]*dto.MetricFamily) {
	t.Helper()
	srv, err := metrics.Listen("127.0.0.1:0", "", m, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("serving /metrics: %v", err)
		}
	}()
	resp, err := http.Get("http://" + srv.Addr().String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %s, %v", resp.Status, err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("parsing the scrape: %v", err)
	}
	return string(body), fams
}

// series is the value of the family's series with exactly these labels
// (name, value pairs): a counter's or gauge's value, a histogram's count and
// sum. It fails the test when there is no such series.
func series(t *testing.T, fams map[string]*dto.MetricFamily, name string, labels ...string) (value, sum float64) {
	t.Helper()
	for _, s := range fams[name].GetMetric() {
		if len(s.GetLabel()) != len(labels)/2 {
			continue
		}
		match := true
		for i, l := range s.GetLabel() {
			match = match && l.GetName() == labels[2*i] && l.GetValue() == labels[2*i+1]
		}
		switch {
		case !match:
		case s.Histogram != nil:
			return float64(s.Histogram.GetSampleCount()), s.Histogram.GetSampleSum()
		case s.Counter != nil:
			return s.Counter.GetValue(), 0
		case s.Gauge != nil:
			return s.Gauge.GetValue(), 0
		}
	}
	t.Fatalf("no series %s%v in the scrape", name, labels)
	return 0, 0
}

// total is the sum of a counter family's series.
func total(fams map[string]*dto.MetricFamily, name string) float64 {
	sum := 0.0
	for _, s := range fams[name].GetMetric() {
		sum += s.GetCounter().GetValue()
	}
	return sum
}

// A visit walked through the UI is counted once, with what it did, its
// language, why it ended and its length, from the very event that counts it
// for the heartbeat; its lookup is counted by the portal client.
func TestTheFleetCountsAVisitAsTheHeartbeatDoes(t *testing.T) {
	h, m := newFleetHarness(t, harnessOptions{})
	h.startIn("es")
	h.clock.Advance(30 * time.Second)
	h.findAccount(legacyAccount, "97501")
	mustBeOn(t, h, screenFound)
	h.clock.Advance(45 * time.Second)
	h.startOver()
	h.settle()

	_, fams := scrapeFleet(t, m)
	if got, _ := series(t, fams, "lobbykiosk_visits_total", "journey", "account_found", "language", "es", "outcome", "start_over"); got != 1 {
		t.Errorf("visits_total{account_found,es,start_over} = %v, want 1", got)
	}
	if got := total(fams, "lobbykiosk_visits_total"); got != 1 {
		t.Errorf("%v visits counted in all, want 1", got)
	}
	if n, took := series(t, fams, "lobbykiosk_visit_duration_seconds"); n != 1 || took != 75 {
		t.Errorf("visit durations: %v visits, %v s in all; want 1 of 75 s", n, took)
	}
	if got, _ := series(t, fams, "lobbykiosk_portal_requests_total", "call", client.CallLookup, "result", metrics.ResultOK); got != 1 {
		t.Errorf("portal_requests_total{lookup,ok} = %v, want 1", got)
	}
	beat := h.kiosk.heartbeat.Pending()
	if beat.VisitsStarted != 1 || beat.Journeys["account_found"] != 1 || beat.EndedBy["start_over"] != 1 || beat.Languages["es"] != 1 {
		t.Errorf("the heartbeat counts %+v, want the same visit", beat)
	}
}

// Training is staff practice, not use: its visits are not counted.
func TestTheFleetDoesNotCountTrainingVisits(t *testing.T) {
	h, m := newFleetHarness(t, harnessOptions{})
	restore := staffHost{h.kiosk}.Practise(h.kiosk.portal.client)
	h.startIn("en")
	h.clock.Advance(time.Minute)
	h.startOver()
	restore()
	_, fams := scrapeFleet(t, m)
	if got := total(fams, "lobbykiosk_visits_total"); got != 0 {
		t.Errorf("%v training visits counted", got)
	}
}

// The printer's state is learnt at start and by the poll; a lock of staff mode
// shows at once and is lifted by the poll once it ends.
func TestTheFleetSeesThePrinterAndTheStaffLockoutComeAndGo(t *testing.T) {
	out := &printer.Error{Kind: printer.PaperOut, Reasons: []string{"media-empty-error"}}
	p := &recordingPrinter{state: printer.State{Printer: "stopped", Reasons: []string{"media-empty-error"}, Problem: out}}
	h, m := newFleetHarness(t, harnessOptions{printer: p})
	_, fams := scrapeFleet(t, m)
	for _, want := range []struct {
		name   string
		labels []string
		value  float64
	}{
		{"lobbykiosk_printer_configured", nil, 1},
		{"lobbykiosk_printer_ready", nil, 0},
		{"lobbykiosk_printer_problem", []string{"kind", metrics.ProblemPaperOut}, 1},
		{"lobbykiosk_speech_available", nil, 0}, // speech is off in the tests' config
		{"lobbykiosk_staff_lockout_active", nil, 0},
		{"lobbykiosk_out_of_service", nil, 0},
	} {
		if got, _ := series(t, fams, want.name, want.labels...); got != want.value {
			t.Errorf("at start %s%v = %v, want %v", want.name, want.labels, got, want.value)
		}
	}

	p.mu.Lock()
	p.state = printer.State{Printer: "idle"}
	p.mu.Unlock()
	staffDeps(h.kiosk, &fixedPIN{pin: testStaffPIN}, &memLockout{})
	h.openPadNow(t)
	for range stafflock.MaxFailures {
		h.enterPIN(t, "111111")
	}
	test.Tap(h.kiosk.staff.Pad().Cancel)
	_, fams = scrapeFleet(t, m)
	if got, _ := series(t, fams, "lobbykiosk_staff_lockout_active"); got != 1 {
		t.Errorf("after five wrong PINs staff_lockout_active = %v, want 1", got)
	}

	h.advance(devicePollEvery)
	_, fams = scrapeFleet(t, m)
	if got, _ := series(t, fams, "lobbykiosk_printer_ready"); got != 1 {
		t.Errorf("paper back in: printer_ready = %v after a poll, want 1", got)
	}
	if got, _ := series(t, fams, "lobbykiosk_staff_lockout_active"); got != 1 {
		t.Errorf("within the lock staff_lockout_active = %v, want 1", got)
	}
	h.advance(stafflock.LockDuration(1))
	_, fams = scrapeFleet(t, m)
	if got, _ := series(t, fams, "lobbykiosk_staff_lockout_active"); got != 0 {
		t.Errorf("the lock over: staff_lockout_active = %v, want 0", got)
	}
}

// The card terminal the kiosk pays through is ready for the fleet, named by its
// POIID, from the look the kiosk takes at it (terminalwatch, as main wires it).
func TestTheFleetSeesTheCardTerminal(t *testing.T) {
	var ct *cardTerminal
	watch, err := terminalwatch.Open(filepath.Join(t.TempDir(), "terminal-seen.json"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	h, m := newFleetHarness(t, harnessOptions{settings: testConfig{CardEntry: "terminal"}, terminalStatus: watch.Status,
		card: func(clock Clock) (CardTerminal, PracticeReader) {
			ct = startCardTerminal(t, clock, "")
			return ct.client, ct.sim
		}})
	if _, err := watch.Look(context.Background(), ct.client); err != nil {
		t.Fatal(err)
	}
	h.advance(devicePollEvery)
	_, fams := scrapeFleet(t, m)
	if got, _ := series(t, fams, "lobbykiosk_payment_terminal_ready", "poiid", ct.sim.POIID()); got != 1 {
		t.Errorf("payment_terminal_ready{poiid=%q} = %v, want 1", ct.sim.POIID(), got)
	}
}

// The out-of-service screen, put up by the health watch, is out of service
// for the fleet until the portal answers again.
func TestTheFleetSeesTheKioskOutOfServiceAndBack(t *testing.T) {
	h, m := newFleetHarness(t, harnessOptions{})
	h.sim.SetFault("GET /health", portalsim.Fault{Status: 503})
	h.checkHealthAfter(healthInterval)
	h.checkHealthAfter(healthInterval)
	mustBeOn(t, h, screenOutOfService)
	_, fams := scrapeFleet(t, m)
	if got, _ := series(t, fams, "lobbykiosk_out_of_service"); got != 1 {
		t.Errorf("on the out-of-service screen out_of_service = %v, want 1", got)
	}
	if got, _ := series(t, fams, "lobbykiosk_portal_requests_total", "call", client.CallHealth, "result", metrics.ResultPortalError); got != 2 {
		t.Errorf("portal_requests_total{health,portal_error} = %v, want 2", got)
	}
	h.sim.ClearFaults()
	h.checkHealthAfter(healthInterval)
	mustBeOn(t, h, screenWelcome)
	_, fams = scrapeFleet(t, m)
	if got, _ := series(t, fams, "lobbykiosk_out_of_service"); got != 0 {
		t.Errorf("back in service out_of_service = %v, want 0", got)
	}
}

// Privacy: after every privacy journey (privacy_test.go), walked on kiosks
// telling one set of metrics, no form of anything the visitors typed or were
// given is in a scrape, label or value.
func TestNoJourneyPutsTheVisitorsDataInAScrape(t *testing.T) {
	m := metrics.New(metrics.Options{Version: "v-test", Commit: "abc1234", Fyne: "v2-test"})
	var secrets []string
	for _, j := range privacyJourneys {
		settings := testConfig{OnScreenKeyboard: true}
		if j.card {
			settings.CardEntry = "terminal"
		}
		h := newHarnessWith(t, harnessOptions{settings: settings, metrics: m, client: client.Options{Observer: m}})
		secrets = append(secrets, j.walk(t, h)...)
		h.settle()
		mustBeOn(t, h, screenWelcome)
	}
	text, fams := scrapeFleet(t, m)
	if got := total(fams, "lobbykiosk_visits_total"); got < float64(len(privacyJourneys)) {
		t.Fatalf("%v visits counted after %d journeys: the scrape proves nothing", got, len(privacyJourneys))
	}
	if total(fams, "lobbykiosk_portal_requests_total") == 0 {
		t.Fatal("no portal call counted: the scrape proves nothing")
	}
	for _, s := range secrets {
		for _, form := range privacyForms(s) {
			if strings.Contains(text, form) {
				t.Errorf("%q (of %q) is in the scrape", form, s)
			}
		}
	}
}
