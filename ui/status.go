package ui

import (
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
)

// kioskStatus is what the kiosk as a whole has to tell staff: how many visits
// ended today, and the last problem, as a code, never personal data. It is not
// the staff desk's: every part of the kiosk notes problems in it, and the staff
// menu only reads it (staffFacts).
type kioskStatus struct {
	clock Clock
	zone  *time.Location // the utility's, where "today" falls

	visitsDay client.Date // the day visits counts
	visits    int
	last      string
}

// visitEnded counts a visit that started, for "visits today".
func (s *kioskStatus) visitEnded(started bool) {
	if !started {
		return
	}
	if day := s.today(); day != s.visitsDay {
		s.visitsDay, s.visits = day, 0
	}
	s.visits++
}

// visitsToday is how many visits ended today, by the kiosk's clock.
func (s *kioskStatus) visitsToday() int {
	if s.visitsDay != s.today() {
		return 0
	}
	return s.visits
}

func (s *kioskStatus) today() client.Date { return client.DateIn(s.clock.Now(), s.zone) }

// noteProblem keeps code as the last problem: a code, never personal data.
func (s *kioskStatus) noteProblem(code string) { s.last = code }

// staffFacts are the kiosk's status and its portal link's lookup lock, as the
// staff menu reads them (staff.Facts).
type staffFacts struct {
	status *kioskStatus
	portal *portalLink
}

func (f staffFacts) VisitsToday() int    { return f.status.visitsToday() }
func (f staffFacts) LastProblem() string { return f.status.last }

func (f staffFacts) LookupPausedMinutes() int {
	if left := f.portal.lookupPausedFor(f.status.clock.Now()); left > 0 {
		return wholeMinutes(left)
	}
	return 0
}

// The heartbeat (internal/heartbeat) counts how the kiosk is used and tells the
// portal; the kiosk says what counts: its visits, why they ended and what they did.

// beatClock is the kiosk's clock as the heartbeat keeps time: its timers run for
// the life of the kiosk, so it never stops them.
type beatClock struct{ Clock }

func (c beatClock) AfterFunc(d time.Duration, f func()) { c.Clock.AfterFunc(d, f) }

// usage counts how the kiosk is used, for the heartbeat and the fleet's
// metrics alike, each event told to both from here: its visits, why they ended
// and what they did, and staff lockouts. Staff practice (training mode) is not use.
type usage struct {
	beat       *heartbeat.Heartbeat
	metrics    Metrics
	clock      Clock // a visit's length
	practising func() bool
}

// visitStarted counts a visit at the visitor's first action.
func (u usage) visitStarted() {
	if !u.practising() {
		u.beat.VisitStarted()
	}
}

// visitEnded counts how visit v, in language lang, ended and what it did, if it
// started.
func (u usage) visitEnded(v *visit, trigger resetTrigger, lang string) {
	if v.startedAt.IsZero() || u.practising() {
		return
	}
	var journeys []string
	if v.account != nil {
		journeys = append(journeys, "account_found")
	}
	for _, o := range v.outcomes {
		journeys = append(journeys, outcomeKinds[o.kind].journey)
	}
	ended := heartbeat.Visit{
		EndedBy:  string(trigger),
		Finished: trigger == triggerFinish,
		TimedOut: trigger == triggerIdle || trigger == triggerVisitLimit,
		Language: lang,
		Journeys: journeys,
		Took:     u.clock.Now().Sub(v.startedAt),
	}
	u.beat.VisitEnded(ended)
	u.metrics.VisitEnded(ended)
}

// staffLockedOut counts a lock of staff mode after wrong PINs; the metrics
// show it as active until the poll finds it lifted (fleet.go).
func (u usage) staffLockedOut() {
	u.beat.CountStaffLockout()
	u.metrics.SetStaffLockout(true)
}
