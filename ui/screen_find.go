package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/assets"
	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// findScreen is "Find My Account": the customer number–account number from the bill
// and the service ZIP code, in the portal's own words.
type findScreen struct {
	k                         *Kiosk
	accountNumber, postalCode *field
	problem                   *widget.Label
	billCaption               *widget.Label
	submit                    *kwidget.Button
}

func buildFind(k *Kiosk) (any, fyne.CanvasObject) {
	s := &findScreen{k: k}
	s.accountNumber = k.newField(fieldSpec{
		id: fieldAccountNumber, labelID: "find.account_number", hintID: "find.account_number_hint",
		check: checkAccountNumber, keyboard: keyboard.Account,
	})
	s.postalCode = k.newField(fieldSpec{
		id: fieldPostalCode, labelID: "find.postal_code", hintID: "find.postal_code_hint",
		check: checkPostalCode, keyboard: keyboard.Digits,
	})
	s.accountNumber.entry.OnSubmitted = func(string) { k.win.Canvas().Focus(s.postalCode.entry) }
	s.postalCode.entry.OnSubmitted = func(string) { s.lookUp() }
	problem, problemLabel := k.screenProblem()
	s.problem = problemLabel
	k.explainLookupPause(problemLabel)
	s.submit = k.primaryButton("find.submit", s.lookUp)
	s.billCaption = widget.NewLabel(k.T("find.bill_caption"))
	s.billCaption.Wrapping = fyne.TextWrapWord
	// The drawing stands left of the number's field, its foot level with the
	// field's: the field has the focus on arrival and after every answer, so the
	// on-screen keyboard comes up and the page scrolls until the field sits just
	// above it, leaving in view only what is level with the field or a little
	// above. The caption goes under the drawing, beside the ZIP code. The fields'
	// column narrows on the narrowest page (display.MinLayoutWidth).
	const drawingColumn = 232
	number := container.NewBorder(nil, nil,
		container.New(kwidget.Column{Width: drawingColumn}, container.NewVBox(layout.NewSpacer(), keptImage(&k.bill, assets.Bill, billSize))),
		nil, k.fieldObject(s.accountNumber))
	rest := container.NewBorder(nil, nil,
		container.New(kwidget.Column{Width: drawingColumn}, container.NewVBox(s.billCaption)),
		nil, container.NewVBox(k.fieldObject(s.postalCode, fieldExtras{screenProblem: problem}), s.submit))
	return s, kwidget.AtTop(container.New(kwidget.Column{Width: 1000, Least: 860}, container.NewVBox(number, rest)))
}

// lookUp looks the account up; on success the visitor sees what was found.
func (s *findScreen) lookUp() {
	k := s.k
	if !k.checkFields(s.accountNumber, s.postalCode) {
		return
	}
	number, zip := k.visit.values[fieldAccountNumber], k.visit.values[fieldPostalCode]
	var found client.AccountSummary
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		found, err = portal.Lookup(ctx, client.LookupRequest{AccountNumber: number, PostalCode: zip})
		return err
	}, func(err error) {
		if err != nil {
			k.applyPortalProblem(err)
			k.visit.lookupPaused(&k.portal, k.clock.Now(), err)
			k.refresh()
			return
		}
		k.visit.account = &found
		k.navigate(evAccountFound)
	})
}

// explainLookupPause adds the wait to a screen problem that is the lookup lock;
// rebuilt with the screen, it follows the clock and the language.
func (k *Kiosk) explainLookupPause(problem *widget.Label) {
	if k.visit.problems[fieldNone] != lookupPausedID {
		return
	}
	wait := k.T("lookup.paused_wait", map[string]any{"Minutes": wholeMinutes(k.portal.lookupPausedFor(k.clock.Now()))})
	problem.SetText(k.T(lookupPausedID) + " " + wait)
}

// billSize is the drawing of a bill's size on the Find screen. The drawing is
// kept for the kiosk's life (Kiosk.bill): the screen is rebuilt at every answer
// and language switch, and Fyne rasterises an SVG again for every new image.
var billSize = fyne.NewSize(224, 140)
