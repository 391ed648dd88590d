package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// foundScreen shows the account found, guidance drawn from the account itself, and
// the visitor's choices.
type foundScreen struct {
	k                  *Kiosk
	address, amountDue *widget.Label
	guidance           []*widget.Label
	register, signIn   *kwidget.Button
	payNow, startOver  *kwidget.Button
}

func buildFound(k *Kiosk) (any, fyne.CanvasObject) {
	a := k.visit.account
	s := &foundScreen{k: k}
	s.address = widget.NewLabelWithStyle(k.T("found.address", map[string]any{"Address": a.ServiceAddress}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.amountDue = widget.NewLabel(s.amountDueText(a))
	s.amountDue.Wrapping = fyne.TextWrapWord
	for _, id := range s.guidanceIDs() {
		label := widget.NewLabel(k.T(id))
		label.Wrapping = fyne.TextWrapWord
		s.guidance = append(s.guidance, label)
	}

	// One primary action: paying, when the bill is due before a login could help
	// with it; otherwise the login.
	payFirst := s.dueSoon() && !k.visit.paid()
	button := func(primary bool, labelID string, ev event) *kwidget.Button {
		if primary {
			return k.primaryButton(labelID, func() { k.navigate(ev) })
		}
		return kwidget.NewButton(k.T(labelID), func() { k.navigate(ev) })
	}
	s.register = button(!payFirst, "found.register", evRegister)
	s.signIn = button(!payFirst, "found.sign_in", evSignIn)
	s.payNow = button(payFirst, "found.pay_now", evPayNow)
	s.startOver = kwidget.NewButton(k.T("nav.start_over"), k.startOver)
	if a.Registered {
		s.register.Hide()
	} else {
		s.signIn.Hide()
	}
	if a.AmountDueCents <= 0 || k.visit.paid() {
		s.payNow.Hide() // nothing owed, or paid already in this visit
	}

	objects := []fyne.CanvasObject{readTogether(s.address, s.amountDue)}
	for _, g := range s.guidance {
		objects = append(objects, guidanceCard(g))
	}
	// The primary action first, where the visitor looks after reading.
	if payFirst {
		objects = append(objects, s.payNow, s.register, s.signIn, s.startOver)
	} else {
		objects = append(objects, s.register, s.signIn, s.payNow, s.startOver)
	}
	return s, formColumn(objects...)
}

// amountDueText says what is owed and by when, or that nothing is.
func (s *foundScreen) amountDueText(a *client.AccountSummary) string {
	k := s.k
	if a.AmountDueCents <= 0 {
		return k.T("found.nothing_due")
	}
	return k.T("found.amount_due", map[string]any{"Amount": formatMoney(a.AmountDueCents), "Date": k.formatDate(a.DueDate)})
}

// guidanceIDs lists the messages the account itself calls for, most urgent first.
func (s *foundScreen) guidanceIDs() []string {
	a := s.k.visit.account
	var ids []string
	if a.Registered {
		ids = append(ids, "found.already_registered")
	}
	if s.dueSoon() {
		ids = append(ids, "found.due_soon")
	}
	switch {
	case a.LegacyAutoPay && a.LegacyPaperless:
		ids = append(ids, "found.legacy_both")
	case a.LegacyAutoPay:
		ids = append(ids, "found.legacy_autopay")
	case a.LegacyPaperless:
		ids = append(ids, "found.legacy_paperless")
	}
	return ids
}

// dueSoon reports whether the bill is due within 24 hours (or overdue) with money
// owed: registering now will not reach it (client.InTimeFor: the FAQ asks for 24
// hours before the due date), so paying now is offered first.
func (s *foundScreen) dueSoon() bool {
	a := s.k.visit.account
	if a.AmountDueCents <= 0 {
		return false
	}
	return !client.InTimeFor(a.DueDate, s.k.clock.Now(), s.k.settings.Zone)
}

// guidanceCard sets a piece of guidance apart from the rest of the screen.
func guidanceCard(label *widget.Label) fyne.CanvasObject {
	return widget.NewCard("", "", container.NewPadded(label))
}
