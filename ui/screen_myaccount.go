package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// myAccountScreen is where a registered or signed-in visitor lands: the state of
// AutoPay and e-billing, one tap to each, Pay now, and Finish.
type myAccountScreen struct {
	k                 *Kiosk
	autoPay, eBilling *widget.Label
	reminders         []*widget.Label
	setAutoPay        *kwidget.Button
	setEBilling       *kwidget.Button
	payNow, finish    *kwidget.Button
	retry             *kwidget.Button
	problem           *widget.Label
}

func buildMyAccount(k *Kiosk) (any, fyne.CanvasObject) {
	s := &myAccountScreen{k: k}
	problem, label := k.screenProblem()
	s.problem = label
	s.payNow = kwidget.NewButton(k.T("found.pay_now"), func() { k.navigate(evPayNow) })
	d := k.visit.details
	if d == nil {
		s.finish = kwidget.NewButton(k.T("myaccount.finish"), func() { k.navigate(evFinish) })
		return s, s.notLoaded(problem)
	}
	// One primary action: the visitor's most likely next step.
	next := nextOnMyAccount(d)
	button := func(labelID string, ev event) *kwidget.Button {
		if ev == next {
			return k.primaryButton(labelID, func() { k.navigate(ev) })
		}
		return k.untilAnswered(kwidget.NewButton(k.T(labelID), func() { k.navigate(ev) }))
	}
	s.setAutoPay = button("myaccount.set_autopay", evAutoPay)
	s.setEBilling = button("myaccount.set_ebilling", evEBilling)
	s.finish = button("myaccount.finish", evFinish)
	s.autoPay = wrappedLabel(autoPayStatus(k, d.AutoPay))
	s.eBilling = wrappedLabel(s.eBillingStatus(d.BillDelivery))
	if d.AutoPay.Status == client.AutoPayActive {
		s.setAutoPay.Hide()
	}
	// Nothing already done is offered again: e-billing on or waiting for its link
	// (the status says which), and Pay now once this visit paid or nothing is owed.
	if d.BillDelivery.Method == client.DeliveryEmail {
		s.setEBilling.Hide()
	}
	if k.visit.paid() || d.AmountDueCents <= 0 {
		s.payNow.Hide()
	}
	objects := []fyne.CanvasObject{wrappedLabel(k.T("myaccount.signed_in", map[string]any{"Email": d.Email})), problem}
	objects = append(objects, s.autoPay, s.setAutoPay, s.eBilling, s.setEBilling)
	for _, id := range legacyReminders(k.visit.account, d) {
		r := wrappedLabel(k.T(id))
		s.reminders = append(s.reminders, r)
		objects = append(objects, guidanceCard(r))
	}
	return s, formColumn(append(objects, s.payNow, s.finish)...)
}

// nextOnMyAccount is the visitor's most likely next step on My account: AutoPay
// until it is on, then e-billing until it is on or on its way, then Finish.
func nextOnMyAccount(d *client.Account) event {
	switch {
	case d.AutoPay.Status != client.AutoPayActive:
		return evAutoPay
	case d.BillDelivery.Method != client.DeliveryEmail:
		return evEBilling
	}
	return evFinish
}

// notLoaded is the screen while the account loads, or after loading failed:
// then the problem, a way to try again, and the ways on that need no account data.
func (s *myAccountScreen) notLoaded(problem fyne.CanvasObject) fyne.CanvasObject {
	k := s.k
	if k.visit.busy {
		return formColumn(wrappedLabel(k.T("busy.one_moment")))
	}
	s.retry = k.primaryButton("myaccount.retry", func() { loadAccountDetails(k) })
	return formColumn(problem, s.retry, s.payNow, s.finish)
}

// loadAccountDetails fetches the signed-in account, each time the visitor arrives
// on My account (so it shows what AutoPay or e-billing just changed).
func loadAccountDetails(k *Kiosk) bool {
	k.visit.details = nil
	var details client.Account
	session := k.visit.session
	return k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		details, err = portal.Account(ctx, session)
		return err
	}, func(err error) {
		if err == nil {
			k.visit.details = &details
		}
		k.showResult(err)
	})
}

// eBillingStatus says how the bill arrives, and whether a verification is pending.
func (s *myAccountScreen) eBillingStatus(b client.BillDelivery) string {
	k := s.k
	switch {
	case b.Method == client.DeliveryEmail && b.Status == client.DeliveryPendingVerification:
		return k.T("myaccount.ebilling_pending", map[string]any{"Email": b.Email})
	case b.Method == client.DeliveryEmail:
		return k.T("myaccount.ebilling_on", map[string]any{"Email": b.Email})
	}
	return k.T("myaccount.ebilling_off")
}

// legacyReminders repeats, on the signed-in account, what the old portal's
// customers must set again (the account found earlier says what they had).
func legacyReminders(a *client.AccountSummary, d *client.Account) []string {
	if a == nil {
		return nil
	}
	var ids []string
	if a.LegacyAutoPay && d.AutoPay.Status != client.AutoPayActive {
		ids = append(ids, "myaccount.legacy_autopay")
	}
	if a.LegacyPaperless && d.BillDelivery.Method != client.DeliveryEmail {
		ids = append(ids, "myaccount.legacy_paperless")
	}
	return ids
}
