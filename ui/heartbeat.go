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

// countVisitStart counts a visit at the visitor's first action.
func (k *Kiosk) countVisitStart() {
	if k.portal.mode != ModeTraining { // staff practice is not use
		k.heartbeat.VisitStarted()
	}
}

// countVisitEnd counts how a visit that started ended, what it did and its language.
func (k *Kiosk) countVisitEnd(v *visit, trigger resetTrigger) {
	if v.startedAt.IsZero() || k.portal.mode == ModeTraining {
		return
	}
	var journeys []string
	if v.account != nil {
		journeys = append(journeys, "account_found")
	}
	for _, o := range v.outcomes {
		journeys = append(journeys, outcomeKinds[o.kind].journey)
	}
	k.heartbeat.VisitEnded(heartbeat.Visit{
		EndedBy:  string(trigger),
		Finished: trigger == triggerFinish,
		TimedOut: trigger == triggerIdle || trigger == triggerVisitLimit,
		Language: k.lang,
		Journeys: journeys,
	})
}
