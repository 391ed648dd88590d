package ui

import (
	"time"

	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
)

// The heartbeat (internal/heartbeat) counts how the kiosk is used and tells the
// portal; the kiosk says what counts: its visits, why they ended and what they did.

// beatClock is the kiosk's clock as the heartbeat keeps time: its timers run for
// the life of the kiosk, so it never stops them.
type beatClock struct{ Clock }

func (c beatClock) AfterFunc(d time.Duration, f func()) { c.Clock.AfterFunc(d, f) }

// usage counts how the kiosk is used, for the heartbeat: its visits, why they
// ended and what they did. Staff practice (training mode) is not use.
type usage struct {
	beat       *heartbeat.Heartbeat
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
	u.beat.VisitEnded(heartbeat.Visit{
		EndedBy:  string(trigger),
		Finished: trigger == triggerFinish,
		TimedOut: trigger == triggerIdle || trigger == triggerVisitLimit,
		Language: lang,
		Journeys: journeys,
	})
}
