package metrics

import (
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
)

// UIAlive records that the UI thread ran and drew at the instant at (the
// kiosk's clock): lobbykiosk_ui_heartbeat_age_seconds counts from it.
func (m *Metrics) UIAlive(at time.Time) {
	m.uiAlive.Store(&at)
}

// VisitEnded counts a visit that ended: the same record the heartbeat takes.
// Its journeys, language and reason for ending are mapped to their closed sets.
func (m *Metrics) VisitEnded(v heartbeat.Visit) {
	language, outcome := m.languages.of(v.Language), outcomes.of(v.EndedBy)
	if len(v.Journeys) == 0 {
		m.visits.WithLabelValues(journeys.of("none"), language, outcome).Inc()
	}
	for _, journey := range v.Journeys {
		m.visits.WithLabelValues(journeys.of(journey), language, outcome).Inc()
	}
	m.visitDuration.Observe(v.Took.Seconds())
}

// PortalCall counts a portal call by its name and how it ended (PortalResult):
// the metrics are a client.Observer.
func (m *Metrics) PortalCall(name string, err error, took time.Duration) {
	call := calls.of(name)
	m.portalRequests.WithLabelValues(call, PortalResult(err)).Inc()
	m.portalDuration.WithLabelValues(call).Observe(took.Seconds())
}

// SetPrinter records the receipt printer's state as CUPS last told it: nil is
// a kiosk with no printer. Its reasons become kinds (PrinterProblems), never
// labels of their own.
func (m *Metrics) SetPrinter(st *client.PrinterStatus) {
	kinds := map[string]bool{}
	if st != nil {
		for _, kind := range printerProblems(st) {
			kinds[kind] = true
		}
	}
	m.printerConfigured.Set(one(st != nil))
	m.printerReady.Set(one(st != nil && st.Summary == "ready"))
	for _, kind := range problemKinds {
		m.printerProblem.WithLabelValues(kind).Set(one(kinds[kind]))
	}
}

// SetSpeech records whether the kiosk can speak.
func (m *Metrics) SetSpeech(available bool) { m.speech.Set(one(available)) }

// SetTerminal records whether the payment terminal is ready and its POIID (""
// while unknown). A new POIID replaces the series of the old one: a swapped
// terminal shows as a new series, which the fleet's alert looks for.
func (m *Metrics) SetTerminal(ready bool, poiid string) {
	poiid = terminalID(poiid)
	m.terminalMu.Lock()
	defer m.terminalMu.Unlock()
	if poiid != m.terminalPOIID {
		m.terminalReady.DeleteLabelValues(m.terminalPOIID)
		m.terminalPOIID = poiid
	}
	m.terminalReady.WithLabelValues(poiid).Set(one(ready))
}

// SetStaffLockout records whether staff mode is locked after wrong PINs.
func (m *Metrics) SetStaffLockout(active bool) { m.staffLockout.Set(one(active)) }

// SetOutOfService records whether the kiosk shows its out-of-service screen.
func (m *Metrics) SetOutOfService(out bool) { m.outOfService.Set(one(out)) }

func one(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
