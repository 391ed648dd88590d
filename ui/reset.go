package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
)

// resetTrigger says why a visit ended.
type resetTrigger string

// The reasons a visit ends. Every one of them goes through the same reset.
const (
	triggerFinish       resetTrigger = "finish"
	triggerStartOver    resetTrigger = "start_over"
	triggerIdle         resetTrigger = "idle"
	triggerVisitLimit   resetTrigger = "visit_limit"
	triggerStaff        resetTrigger = "staff"
	triggerPanic        resetTrigger = "panic"
	triggerOutOfService resetTrigger = "out_of_service"
)

// reset forgets the visitor completely and returns to the welcome screen, in this
// order: cancel every call in flight; revoke the customer session (in the
// background, it never delays the reset); drop the visit; stop the idle and
// visit-length timers; close every overlay; clear the clipboard and the focus;
// return to the default language; rebuild the welcome screen from scratch (no
// widget survives from the visitor).
func (k *Kiosk) reset(trigger resetTrigger) {
	started := k.clock.Now()
	k.speech.End() // silence at once: nothing of this visit is heard by the next
	k.receipts.visitEnded()
	v := k.visit
	waiting := v.cardsWaiting()
	issued := v.end() // first: the answer of a card aborted below is then this visit's, never the next one's
	for _, run := range waiting {
		k.reader.abort(run) // the next visitor's card must not pay for this one
	}
	k.status.visitEnded(!v.startedAt.IsZero())
	k.staff.VisitEnded()
	k.usage.visitEnded(v, trigger, k.lang)
	if !slices.Contains(issued, v.session) {
		issued = append(issued, v.session)
	}
	for _, token := range issued {
		k.portal.signOut(k.portal.client, token)
	}
	k.visit = newVisit()
	k.limits.stop()
	k.closeOverlays()
	fyne.CurrentApp().Clipboard().SetContent("")
	k.win.Canvas().Unfocus()
	k.lang = k.settings.DefaultLanguage
	k.look.backToDefault()
	k.keyboard.Close()
	k.page = page{}
	next := screenWelcome
	if k.portal.client == nil || trigger == triggerOutOfService {
		next = screenOutOfService
	}
	k.show(next)
	k.health.watch()
	k.log.Info("visit reset", "trigger", string(trigger), "visit_seconds", visitSeconds(v, started),
		"reset_ms", k.clock.Now().Sub(started).Milliseconds())
}

// visitSeconds is how long the visit lasted (0 when it never started).
func visitSeconds(v *visit, now time.Time) int64 {
	if v.startedAt.IsZero() {
		return 0
	}
	return int64(now.Sub(v.startedAt).Seconds())
}

// closeOverlays removes every pop-up, warning and pad from the window.
func (k *Kiosk) closeOverlays() {
	overlays := k.win.Canvas().Overlays()
	for top := overlays.Top(); top != nil; top = overlays.Top() {
		overlays.Remove(top)
	}
}
