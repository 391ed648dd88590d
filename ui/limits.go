package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// warningKind says which time limit is about to end the visit.
type warningKind int

const (
	noWarning    warningKind = iota
	idleWarning              // no activity for idle_seconds
	visitWarning             // the visit is reaching max_session_minutes
)

// Limits of the visit-length warning: each "I need more time" adds visitExtension,
// at most maxVisitExtensions times (WCAG 2.2.1 asks for at least ten), after which
// the visit ends when its countdown does.
const (
	visitExtension     = 5 * time.Minute
	maxVisitExtensions = 10
)

// visitLimits are the two clocks of a visit, inactivity and total length, and the
// warning they raise before a reset.
type visitLimits struct {
	idle, length, tick Timer
	warning            warningKind
	secondsLeft        int
	extensions         int // of the visit length
}

// stop cancels every timer and forgets the warning (the overlay goes with reset).
func (l *visitLimits) stop() {
	stopTimer(l.idle)
	stopTimer(l.length)
	stopTimer(l.tick)
	*l = visitLimits{}
}

// warningOverlay is "Are you still there?" with a countdown and "I need more time".
type warningOverlay struct {
	popup     *widget.PopUp
	title     *widget.Label
	countdown *widget.Label
	more      *widget.Button
}

func (k *Kiosk) idleLimit() time.Duration { return time.Duration(k.settings.IdleSeconds) * time.Second }

func (k *Kiosk) warningTime() time.Duration {
	return time.Duration(k.settings.WarningSeconds) * time.Second
}

// startVisit starts the visit's clocks at the visitor's first action. The welcome
// screen, untouched, never times out.
func (k *Kiosk) startVisit() {
	if !k.visit.startedAt.IsZero() {
		return
	}
	k.visit.startedAt = k.clock.Now()
	k.countVisitStart()
	k.stopHealthWatch() // the visitor's own calls will tell of any trouble
	k.armIdle()
	maxVisit := time.Duration(k.settings.MaxSessionMinutes) * time.Minute
	k.limits.length = k.afterInVisit(maxVisit-k.warningTime(), func() { k.warn(visitWarning) })
}

// noteActivity is called by every watched control before its own callback: the
// visitor is here, so the idle clock starts again and its warning goes away.
func (k *Kiosk) noteActivity() {
	if k.visit.startedAt.IsZero() {
		return
	}
	if k.limits.warning == idleWarning {
		k.dismissWarning()
	}
	k.armIdle()
}

func (k *Kiosk) armIdle() {
	stopTimer(k.limits.idle)
	k.limits.idle = k.afterInVisit(k.idleLimit(), func() { k.warn(idleWarning) })
}

// afterInVisit runs f after d, but only if the same visit is still on: a timer that
// fired just as a reset stopped it has its call already queued for the UI thread,
// and that call must not reach the next visitor.
func (k *Kiosk) afterInVisit(d time.Duration, f func()) Timer {
	v := k.visit
	return k.clock.AfterFunc(d, func() {
		if k.visit == v {
			f()
		}
	})
}

// warn shows the countdown of kind; the visit-length warning takes over an idle one.
func (k *Kiosk) warn(kind warningKind) {
	if k.limits.warning == visitWarning {
		return
	}
	k.dismissWarning()
	k.limits.warning = kind
	k.limits.secondsLeft = k.settings.WarningSeconds
	k.showWarning(kind)
	k.limits.tick = k.afterInVisit(time.Second, k.countDown)
}

// countDown moves the warning's countdown on a second; at zero the visit ends.
func (k *Kiosk) countDown() {
	if k.limits.warning == noWarning {
		return
	}
	k.limits.secondsLeft--
	if k.limits.secondsLeft <= 0 {
		trigger := triggerIdle
		if k.limits.warning == visitWarning {
			trigger = triggerVisitLimit
		}
		k.reset(trigger)
		return
	}
	k.warning.countdown.SetText(k.countdownText())
	k.limits.tick = k.afterInVisit(time.Second, k.countDown)
}

func (k *Kiosk) countdownText() string {
	return k.T("limits.countdown", map[string]any{"Seconds": k.limits.secondsLeft})
}

// needMoreTime is "I need more time": the idle clock starts again; the visit-length
// limit moves on by visitExtension.
func (k *Kiosk) needMoreTime() {
	if k.limits.warning == visitWarning && k.limits.extensions < maxVisitExtensions {
		k.limits.extensions++
		k.limits.length = k.afterInVisit(visitExtension, func() { k.warn(visitWarning) })
	}
	k.dismissWarning()
	k.armIdle()
}

// dismissWarning takes the warning away and stops its countdown.
func (k *Kiosk) dismissWarning() {
	stopTimer(k.limits.tick)
	k.limits.warning = noWarning
	if k.warning != nil {
		k.warning.popup.Hide()
		k.warning = nil
	}
}

func (k *Kiosk) showWarning(kind warningKind) {
	w := &warningOverlay{}
	titleID, bodyID := "limits.idle_title", "limits.idle_body"
	if kind == visitWarning {
		titleID, bodyID = "limits.visit_title", "limits.visit_body"
	}
	w.title = widget.NewLabelWithStyle(k.T(titleID), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	w.title.SizeName = "headingText"
	w.countdown = widget.NewLabelWithStyle(k.countdownText(), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	w.countdown.SizeName = "subHeadingText"
	w.more = widget.NewButton(k.T("limits.more_time"), k.needMoreTime)
	w.more.Importance = widget.HighImportance
	if kind == visitWarning && k.limits.extensions >= maxVisitExtensions {
		w.more.Hide()
	}
	content := container.NewVBox(w.title, wrappedLabel(k.T(bodyID)), w.countdown,
		container.NewGridWrap(fyne.NewSize(560, 110), w.more))
	w.popup = widget.NewModalPopUp(container.NewPadded(content), k.win.Canvas())
	w.popup.Resize(fyne.NewSize(640, 0))
	k.warning = w
	k.showOverlay(w.popup)
}

// showOverlay puts a pop-up on the canvas with its controls watched.
func (k *Kiosk) showOverlay(p *widget.PopUp) {
	k.activity.watch(p)
	p.Show()
}
