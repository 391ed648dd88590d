package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/config"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
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

// limitsHost is what the visit limits need of the kiosk.
type limitsHost interface {
	T(id string, data ...map[string]any) string
	// afterInVisit runs f after d unless the visit has ended by then, so a timer of
	// one visit never reaches the next visitor.
	afterInVisit(d time.Duration, f func()) Timer
	// showOverlay puts a pop-up on the canvas with its controls watched; dismiss
	// is what Esc does there (nil: nothing).
	showOverlay(p *widget.PopUp, dismiss func())
	reset(trigger resetTrigger)
	// finishNow ends the visit as the visitor asks from a warning: on its
	// summary when it did something, else at once.
	finishNow()
}

// visitLimits are the two clocks of a visit, inactivity and total length, and the
// warning they raise before a reset. They run from the visitor's first action
// (start) to the reset (stop); an untouched welcome screen never times out.
type visitLimits struct {
	host        limitsHost
	canvas      fyne.Canvas       // where the warning pops up
	idleLimit   time.Duration     // no activity for this long raises the idle warning
	warningTime time.Duration     // how long a warning counts down before the reset
	maxVisit    time.Duration     // the longest visit, extensions aside
	say         func(text string) // tells a listener in speech mode; does nothing else

	limitsState
}

// limitsState is what the limits know of the visit under way; stop forgets it all.
type limitsState struct {
	running            bool // from the visitor's first action to the reset
	idle, length, tick Timer
	warning            warningKind
	secondsLeft        int
	extensions         int             // of the visit length
	overlay            *warningOverlay // the warning on show, or nil
	listening          bool            // speech mode is on: the visitor gets twice the idle time
}

// warningOverlay is "Are you still there?" with a countdown, "Finish now" and
// "I need more time".
type warningOverlay struct {
	popup        *widget.PopUp
	title        *widget.Label
	countdown    *widget.Label
	finish, more *kwidget.Button
}

func newVisitLimits(host limitsHost, canvas fyne.Canvas, s config.Valid, say func(text string)) *visitLimits {
	return &visitLimits{host: host, canvas: canvas, say: say,
		idleLimit:   time.Duration(s.IdleSeconds) * time.Second,
		warningTime: time.Duration(s.WarningSeconds) * time.Second,
		maxVisit:    time.Duration(s.MaxSessionMinutes) * time.Minute}
}

// start starts the visit's clocks at the visitor's first action.
func (l *visitLimits) start() {
	l.running = true
	l.armIdle()
	l.armLength()
}

// stop cancels every timer and forgets the warning; its overlay goes with the
// reset's closing of every overlay.
func (l *visitLimits) stop() {
	clock.Stop(l.idle)
	clock.Stop(l.length)
	clock.Stop(l.tick)
	l.limitsState = limitsState{}
}

// noteActivity is called by every watched control before its own callback: the
// visitor is here, so the idle clock starts again and its warning goes away.
func (l *visitLimits) noteActivity() {
	if !l.running {
		return
	}
	if l.warning == idleWarning {
		l.dismissWarning()
		if l.listening { // the warning was heard: so is its answer
			l.say(l.host.T("limits.more_time_given"))
		}
	}
	l.armIdle()
}

func (l *visitLimits) armIdle() {
	clock.Stop(l.idle)
	limit := l.idleLimit
	if l.listening {
		limit *= 2 // WCAG 2.2.1: hearing a screen takes longer than reading it
	}
	l.idle = l.host.afterInVisit(limit, func() { l.warn(idleWarning) })
}

// listen gives a visitor in speech mode twice the idle time until the reset, and
// twice the visit's length, counted from the moment speech starts.
func (l *visitLimits) listen() {
	if l.listening {
		return
	}
	l.listening = true
	if l.running {
		l.armIdle()
		if l.warning != visitWarning {
			clock.Stop(l.length)
			l.armLength()
		}
	}
}

// armLength starts the visit-length clock: its warning comes warningTime before
// the visit's length is up.
func (l *visitLimits) armLength() {
	l.length = l.host.afterInVisit(l.visitLength()-l.warningTime, func() { l.warn(visitWarning) })
}

// visitLength is the longest visit: twice as long for a visitor listening
// from the start, as hearing a screen takes longer than reading it.
func (l *visitLimits) visitLength() time.Duration {
	if l.listening {
		return 2 * l.maxVisit
	}
	return l.maxVisit
}

// warn shows the countdown of kind; the visit-length warning takes over an idle one.
func (l *visitLimits) warn(kind warningKind) {
	if l.warning == visitWarning {
		return
	}
	l.dismissWarning()
	l.warning = kind
	l.secondsLeft = int(l.warningTime / time.Second)
	l.showWarning(kind)
	l.tick = l.host.afterInVisit(time.Second, l.countDown)
}

// countDown moves the warning's countdown on a second; at zero the visit ends.
func (l *visitLimits) countDown() {
	if l.warning == noWarning {
		return
	}
	l.secondsLeft--
	if l.secondsLeft <= 0 {
		trigger := triggerIdle
		if l.warning == visitWarning {
			trigger = triggerVisitLimit
		}
		l.host.reset(trigger)
		return
	}
	l.overlay.countdown.SetText(l.countdownText())
	if l.secondsLeft == 10 { // a listener is told again, in time to answer
		l.say(l.countdownText())
	}
	l.tick = l.host.afterInVisit(time.Second, l.countDown)
}

func (l *visitLimits) countdownText() string {
	return l.host.T("limits.countdown", map[string]any{"Seconds": l.secondsLeft})
}

// needMoreTime is "I need more time": the idle clock starts again; the visit-length
// limit moves on by visitExtension.
func (l *visitLimits) needMoreTime() {
	if l.warning == visitWarning && l.extensions < maxVisitExtensions {
		l.extensions++
		l.length = l.host.afterInVisit(visitExtension, func() { l.warn(visitWarning) })
	}
	l.dismissWarning()
	l.armIdle()
}

// dismissWarning takes the warning away and stops its countdown.
func (l *visitLimits) dismissWarning() {
	clock.Stop(l.tick)
	l.warning = noWarning
	if l.overlay != nil {
		l.overlay.popup.Hide()
		l.overlay = nil
	}
}

func (l *visitLimits) showWarning(kind warningKind) {
	w := &warningOverlay{}
	titleID, bodyID := "limits.idle_title", "limits.idle_body"
	if kind == visitWarning {
		titleID, bodyID = "limits.visit_title", "limits.visit_body"
	}
	w.title = widget.NewLabelWithStyle(l.host.T(titleID), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	w.title.SizeName = "headingText"
	w.countdown = widget.NewLabelWithStyle(l.countdownText(), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	w.countdown.SizeName = "subHeadingText"
	w.more = kwidget.NewButton(l.host.T("limits.more_time"), l.needMoreTime)
	w.more.Importance = widget.HighImportance
	// A visitor who is done need not wait out the countdown, nor leave their
	// details on the screen for it.
	w.finish = kwidget.NewButton(l.host.T("limits.finish"), func() {
		l.dismissWarning()
		l.armIdle()
		l.host.finishNow()
	})
	buttons := popupButtons(w.finish, w.more)
	if kind == visitWarning && l.extensions >= maxVisitExtensions {
		w.more.Hide()
		buttons = popupButtons(w.finish)
	}
	w.popup = modalCard(l.canvas, w.title, wrappedLabel(l.host.T(bodyID)), w.countdown, buttons)
	l.overlay = w
	dismiss := l.needMoreTime // Esc: as "I need more time"
	if !w.more.Visible() {
		dismiss = nil // the visit is at its very end: Esc cannot put it off
	}
	l.host.showOverlay(w.popup, dismiss)
}
