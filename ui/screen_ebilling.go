package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// eBillingScreen switches the bill to email, in the portal's words: Bill Delivery
// Method → Email → Send Verification Email. It only completes when the visitor opens
// the link in that email, so the screen ends on "check your email" with a resend.
type eBillingScreen struct {
	k            *Kiosk
	explain      *widget.Label
	send, resend *kwidget.Button
	sent         *widget.Label
	done         *kwidget.Button
	problem      *widget.Label
}

func buildEBilling(k *Kiosk) (any, fyne.CanvasObject) {
	s := &eBillingScreen{k: k}
	problem, label := k.screenProblem()
	s.problem = label
	d := k.visit.details
	s.explain = wrappedLabel(k.T("ebilling.explain", map[string]any{"Email": d.Email}))
	s.send = k.primaryButton("ebilling.send", s.sendVerificationEmail)
	s.resend = k.untilAnswered(kwidget.NewButton(k.T("ebilling.resend"), s.resendVerificationEmail))
	s.sent = wrappedLabel(k.T("ebilling.check_email", map[string]any{"Email": d.Email}))
	s.done = k.primaryButton("ebilling.done", func() { k.navigate(evFinish) })
	sentCard := guidanceCard(s.sent)
	if k.visit.verificationPending() {
		s.send.Hide()
	} else {
		sentCard.Hide() // nothing sent yet: no empty card under the button
		s.resend.Hide()
		s.done.Hide()
	}
	// Once sent, the next step comes right under "check your email", before the
	// resend and the portal's code, which a short panel shows only by scrolling.
	objects := []fyne.CanvasObject{s.explain, problem, s.send, sentCard, s.done, s.resend}
	if code := k.receipts.portalCode(); code != nil && k.visit.verificationPending() {
		objects = append(objects, code) // the link arrives by email: open the portal at home
	}
	return s, formColumn(objects...)
}

// verificationPending reports whether e-billing waits for the visitor to open the
// link the portal emailed.
func (v *visit) verificationPending() bool {
	b := v.details.BillDelivery
	return b.Method == client.DeliveryEmail && b.Status == client.DeliveryPendingVerification
}

// sendVerificationEmail switches delivery to email; the portal sends the link.
func (s *eBillingScreen) sendVerificationEmail() {
	s.changeBillDelivery(func(ctx context.Context, portal *client.Client, session string) (client.BillDelivery, error) {
		return portal.SetBillDelivery(ctx, session, client.DeliveryEmail)
	})
}

// resendVerificationEmail asks the portal for another link.
func (s *eBillingScreen) resendVerificationEmail() {
	s.changeBillDelivery(func(ctx context.Context, portal *client.Client, session string) (client.BillDelivery, error) {
		return portal.ResendVerificationEmail(ctx, session)
	})
}

func (s *eBillingScreen) changeBillDelivery(call func(ctx context.Context, portal *client.Client, session string) (client.BillDelivery, error)) {
	k := s.k
	var delivery client.BillDelivery
	session := k.visit.session
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		delivery, err = call(ctx, portal, session)
		return err
	}, func(err error) {
		if err == nil {
			k.visit.details.BillDelivery = delivery
			k.visit.record(outcomeEBillingPending, map[string]any{"Email": delivery.Email},
				receipt.EBillingPending{Email: delivery.Email})
		}
		k.showResult(err)
	})
}
