package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
)

// autoPayState is the AutoPay enrolment of this visit. The portal's website takes
// AutoPay → Enroll → Add New → Add → Continue → Create AutoPay; here it is one
// screen in three steps: the payment method, a masked review, the confirmation.
type autoPayState struct {
	reviewing bool
	shownAt   time.Time // when the review appeared (doubletap.go)
	details   client.PaymentDetails
	methodKey string // idempotency key of adding the payment method
	enrolKey  string // idempotency key of creating AutoPay
	methodID  string // set once the portal stored the method: a retry only enrols
	result    *client.AutoPay
}

// autoPayScreen holds the widgets of whichever step is on show.
type autoPayScreen struct {
	method       *paymentForm
	submit       *widget.Button
	review       []*widget.Label
	create       *widget.Button
	change       *widget.Button
	confirmation *widget.Label
	done         *widget.Button
	problem      *widget.Label
}

func init() {
	addScreen(screenAutoPay, screen{build: buildAutoPay, title: "autopay.title"})
}

func buildAutoPay(k *Kiosk) fyne.CanvasObject {
	if k.visit.autoPay == nil {
		k.visit.autoPay = &autoPayState{}
	}
	s := &autoPayScreen{}
	k.autoPay = s
	problem, label := k.screenProblem()
	s.problem = label
	st := k.visit.autoPay
	switch {
	case st.result != nil:
		return k.autoPayConfirmedView(s, st.result)
	case st.reviewing:
		return k.autoPayReviewView(s, st, problem)
	}
	s.method = k.newPaymentForm()
	s.submit = k.primaryButton("autopay.continue", k.reviewAutoPay)
	intro := wrappedLabel(k.T("autopay.intro"))
	return formColumn(intro, k.paymentFormObject(s.method), problem, s.submit)
}

// reviewAutoPay checks the payment method and shows it masked for a last look.
func (k *Kiosk) reviewAutoPay() {
	if st := k.visit.autoPay; st.reviewing || st.result != nil {
		return // the second tap of a double tap, arriving after the form was replaced
	}
	if !k.checkPaymentForm(k.autoPay.method) {
		return
	}
	st := k.visit.autoPay
	details := k.paymentDetails()
	if st.methodKey == "" || !sameWire(st.details, details) {
		st.methodKey, st.enrolKey, st.methodID = client.NewIdempotencyKey(), client.NewIdempotencyKey(), ""
	}
	st.details, st.reviewing, st.shownAt = details, true, k.clock.Now()
	delete(k.visit.problems, fieldNone)
	k.refresh()
}

func (k *Kiosk) autoPayReviewView(s *autoPayScreen, st *autoPayState, problem fyne.CanvasObject) fyne.CanvasObject {
	s.review = []*widget.Label{
		wrappedLabel(k.T("autopay.review_heading")),
		wrappedLabel(k.paymentSummary(st.details)),
	}
	s.create = k.primaryButton("autopay.create", k.createAutoPay)
	s.change = widget.NewButton(k.T("pay.change"), func() {
		k.visit.autoPay.reviewing = false
		k.refresh()
	})
	if k.visit.busy {
		s.change.Disable()
	}
	return formColumn(s.review[0], s.review[1], problem, s.create, s.change)
}

// createAutoPay stores the payment method (once) and enrols it in AutoPay. Both
// calls carry idempotency keys kept until success, so a double tap or a retry after
// a lost answer enrols exactly once.
func (k *Kiosk) createAutoPay() {
	st := k.visit.autoPay
	if st == nil || !st.reviewing || st.result != nil || k.tooSoonAfter(st.shownAt) {
		return
	}
	session, details, methodKey, enrolKey := k.visit.session, st.details, st.methodKey, st.enrolKey
	methodID := st.methodID
	var result client.AutoPay
	k.portalCall(func(ctx context.Context, portal *client.Client) error {
		if methodID == "" {
			method, err := portal.AddPaymentMethod(ctx, session, details, methodKey)
			if err != nil {
				return err
			}
			methodID = method.ID
		}
		var err error
		result, err = portal.EnrollAutoPay(ctx, session, client.AutoPayRequest{PaymentMethodID: methodID}, enrolKey)
		return err
	}, func(err error) {
		st.methodID = methodID
		if err != nil {
			var apiErr *client.APIError
			if errors.As(err, &apiErr) && len(apiErr.Fields) > 0 {
				st.reviewing = false // the fields the portal named are on the form
			}
			k.showResult(err)
			return
		}
		k.autoPayCreated(result)
	})
}

// autoPayCreated records the enrolment and forgets the numbers typed for it.
func (k *Kiosk) autoPayCreated(result client.AutoPay) {
	v := k.visit
	v.autoPay = &autoPayState{result: &result}
	if result.FirstDraftDate != nil {
		v.record("done.autopay_from", map[string]any{"Date": *result.FirstDraftDate})
	} else {
		v.record("done.autopay", nil)
	}
	v.forgetPaymentFields()
	delete(v.problems, fieldNone)
	k.refresh()
}

func (k *Kiosk) autoPayConfirmedView(s *autoPayScreen, result *client.AutoPay) fyne.CanvasObject {
	text := k.T("myaccount.autopay_on")
	if result.FirstDraftDate != nil {
		text = k.T("myaccount.autopay_on_from", map[string]any{"Date": k.formatDate(*result.FirstDraftDate)})
	}
	s.confirmation = wrappedLabel(text)
	s.done = k.primaryButton("autopay.done", func() { k.navigate(evFinish) })
	return formColumn(guidanceCard(s.confirmation), s.done)
}
