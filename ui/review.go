package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
	"log/slog"
)

// doubleTapGuard is how long the button that moves money ("Pay", "Create AutoPay")
// ignores taps after its review appears. A visitor who double-taps "Continue" (a
// double-click habit) sends the second tap to whatever is under the finger once the
// review has replaced the form, which may be that button: the review must be read,
// not tapped through. A deliberate tap comes later than this.
const doubleTapGuard = 600 * time.Millisecond

// reviewState is the review step of a payment or enrolment under way: the last look
// before money moves, the same wherever it moves.
type reviewState struct {
	reviewing bool
	shownAt   time.Time // when the review appeared
}

// open shows the review from now.
func (r *reviewState) open(now time.Time) { r.reviewing, r.shownAt = true, now }

// tooSoon reports whether a tap at now comes within doubleTapGuard of the review
// appearing, and so is the end of a double tap.
func (r *reviewState) tooSoon(now time.Time) bool { return now.Sub(r.shownAt) < doubleTapGuard }

// confirm reports whether a tap at now on the review's action may move money:
// the review is on show and has been for longer than a double tap.
func (r *reviewState) confirm(now time.Time, log *slog.Logger) bool {
	if !r.reviewing {
		return false
	}
	if r.tooSoon(now) {
		log.Debug("tap ignored: the review appeared a moment ago")
		return false
	}
	return true
}

// reviewFailed shows why the action failed. The state keeps its idempotency keys:
// if the portal did act and only its answer was lost, the next tap replays it and
// never moves money twice. A problem with fields the portal named goes back to the
// form, where those fields are. An answer the kiosk cannot believe may follow money
// that did move: the visitor is told the outcome is unknown and how to check it
// (unknownID), never that it failed or succeeded.
func (k *Kiosk) reviewFailed(r *reviewState, err error, unknownID string) {
	namedFields := k.applyPortalProblem(err)
	switch {
	case errors.Is(err, client.ErrUnexpectedAnswer):
		k.visit.problems[fieldNone] = unknownID
	case namedFields:
		r.reviewing = false
	}
	k.refresh()
}

// reviewView lays the review out: a heading, what will happen (masked), the
// screen's problem, the action, and Change, which goes back to the form with
// everything as typed. It returns the lines and Change for the screen's view.
func (k *Kiosk) reviewView(r *reviewState, headingID string, lines []string, problem fyne.CanvasObject,
	action *kwidget.Button) ([]*widget.Label, *kwidget.Button, fyne.CanvasObject) {
	heading := widget.NewLabelWithStyle(k.T(headingID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	facts := []fyne.CanvasObject{heading}
	var labels []*widget.Label
	for _, text := range lines {
		l := wrappedLabel(text)
		labels = append(labels, l)
		facts = append(facts, l)
	}
	change := k.untilAnswered(kwidget.NewButton(k.T("pay.change"), func() {
		r.reviewing = false
		delete(k.visit.problems, fieldNone)
		k.refresh()
	}))
	return labels, change, formColumn(readTogether(facts...), problem, action, change)
}
