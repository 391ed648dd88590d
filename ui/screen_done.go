package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// doneScreen sums up the visit: confirmation numbers, and what still needs the
// visitor's email. Finish forgets everything and returns to the welcome screen.
type doneScreen struct {
	k       *Kiosk
	print   *kwidget.Button // "Print a receipt"; nil without a printer
	summary []*widget.Label
	finish  *kwidget.Button
}

func buildDone(k *Kiosk) (any, fyne.CanvasObject) {
	s := &doneScreen{k: k}
	if len(k.visit.outcomes) == 0 {
		s.summary = append(s.summary, wrappedLabel(k.T("done.nothing")))
	}
	for _, o := range k.visit.outcomes {
		s.summary = append(s.summary, wrappedLabel(k.T(outcomeKinds[o.kind].messageID, s.localize(o.data))))
	}
	s.finish = k.primaryButton("done.finish", func() { k.reset(triggerFinish) })
	objects := []fyne.CanvasObject{wrappedLabel(k.T("done.intro"))}
	for _, l := range s.summary {
		objects = append(objects, guidanceCard(l))
	}
	objects = append(objects, wrappedLabel(k.T("done.take_care")))
	if code := k.receipts.portalCode(); code != nil && len(k.visit.outcomes) > 0 {
		objects = append(objects, code)
	}
	// Print a receipt and Finish stay in view under the summary, however long it
	// is and on any panel: the visitor's last two choices are never below the fold.
	actions := []fyne.CanvasObject{widget.NewSeparator()}
	var printRow fyne.CanvasObject
	s.print, printRow = k.receipts.printButton(func() receipt.Receipt { return receiptOf(k.visit) })
	if printRow != nil {
		actions = append(actions, printRow) // not automatic: paper with an email on it is the visitor's choice
	}
	k.page.footer = container.NewPadded(formColumn(append(actions, s.finish)...))
	return s, formColumn(objects...)
}

// localize formats the dates of an outcome's data in the visitor's language.
func (s *doneScreen) localize(data map[string]any) map[string]any {
	out := make(map[string]any, len(data))
	for key, v := range data {
		if d, ok := v.(client.Date); ok {
			v = s.k.formatDate(d)
		}
		out[key] = v
	}
	return out
}

// finishNow is a warning's Finish now: a visitor who did something is shown what
// (Done: the confirmation numbers, a receipt, Finish), never has it erased unseen;
// one who did nothing, or is on Done already, starts over at once.
func (k *Kiosk) finishNow() {
	if len(k.visit.outcomes) == 0 || k.page.id == screenDone {
		k.reset(triggerStartOver)
		return
	}
	k.visit.history = append(k.visit.history, k.page.id)
	k.show(screenDone)
}
