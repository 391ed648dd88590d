package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
)

// findScreen is "Find My Account": the customer number–account number from the bill
// and the service ZIP code, in the portal's own words.
type findScreen struct {
	k                         *Kiosk
	accountNumber, postalCode *field
	problem                   *widget.Label
	submit                    *widget.Button
}

func buildFind(k *Kiosk) (any, fyne.CanvasObject) {
	s := &findScreen{k: k}
	s.accountNumber = k.newField(fieldSpec{
		id: fieldAccountNumber, labelID: "find.account_number", hintID: "find.account_number_hint",
		// The portal's blank form shows "A0000000-0000000"; bills print digits only
		// (the FAQ's own example is 00065821-0672430), so the kiosk shows the digits
		// rather than send visitors hunting for a letter their bill does not have.
		placeholder: "00000000-0000000",
		check:       checkAccountNumber, keyboard: keyboard.Account,
	})
	s.postalCode = k.newField(fieldSpec{
		id: fieldPostalCode, labelID: "find.postal_code", placeholder: "97501",
		check: checkPostalCode, keyboard: keyboard.Digits,
	})
	s.accountNumber.entry.OnSubmitted = func(string) { k.win.Canvas().Focus(s.postalCode.entry) }
	s.postalCode.entry.OnSubmitted = func(string) { s.lookUp() }
	problem, problemLabel := k.screenProblem()
	s.problem = problemLabel
	s.submit = k.primaryButton("find.submit", s.lookUp)
	return s, formColumn(
		k.fieldObject(s.accountNumber),
		k.fieldObject(s.postalCode),
		problem,
		s.submit,
	)
}

// lookUp looks the account up; on success the visitor sees what was found.
func (s *findScreen) lookUp() {
	k := s.k
	if !k.checkFields(s.accountNumber, s.postalCode) {
		return
	}
	number, _ := validate.AccountNumber(k.visit.fields[fieldAccountNumber])
	zip, _ := validate.PostalCode(k.visit.fields[fieldPostalCode])
	var found client.AccountSummary
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		found, err = portal.Lookup(ctx, client.LookupRequest{AccountNumber: number, PostalCode: zip})
		return err
	}, func(err error) {
		if err != nil {
			k.showResult(err)
			return
		}
		k.visit.account = &found
		k.navigate(evAccountFound)
	})
}
