package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// autoPayState is the AutoPay enrolment of this visit. The portal's website takes
// AutoPay → Enroll → Add New → Add → Continue → Create AutoPay; here it is one
// screen in three steps: the payment method, a masked review, the confirmation.
type autoPayState struct {
	reviewState
	details   client.PaymentDetails
	methodKey string   // idempotency key of adding the payment method
	enrolKey  string   // idempotency key of creating AutoPay
	methodID  string   // set once the portal stored the method: a retry only enrols
	card      *cardRun // a card being read at the terminal for its token
	result    *client.AutoPay
}

// autoPayScreen holds the widgets of whichever step is on show.
type autoPayScreen struct {
	k             *Kiosk
	method        *paymentForm
	submit        *kwidget.Button
	review        []*widget.Label
	create        *kwidget.Button
	change        *kwidget.Button
	confirmation  *widget.Label
	done          *kwidget.Button
	problem       *widget.Label
	cancelCard    *kwidget.Button            // Cancel at the card reader
	practiceCards map[string]*kwidget.Button // the practice card reader's cards, in demo and training
}

func buildAutoPay(k *Kiosk) (any, fyne.CanvasObject) {
	if k.visit.autoPay == nil {
		k.visit.autoPay = &autoPayState{}
	}
	s := &autoPayScreen{k: k}
	problem, label := k.screenProblem()
	s.problem = label
	st := k.visit.autoPay
	switch {
	case st.result != nil:
		return s, s.confirmedView(st.result)
	case st.card != nil && st.card.waiting:
		k.page.part = "reader"
		var content fyne.CanvasObject
		content, s.cancelCard, s.practiceCards = k.reader.panel(st.card, k.T("reader.insert_autopay"))
		return s, content
	case st.reviewing:
		return s, s.reviewView(st, problem)
	}
	s.method = newPaymentForm(k, true)
	s.submit = k.primaryButton("autopay.continue", s.continueToReview)
	intro := wrappedLabel(k.T("autopay.intro"))
	return s, formColumn(intro, s.method.object(), problem, s.submit)
}

// continueToReview checks the payment method and shows it masked for a last look.
func (s *autoPayScreen) continueToReview() {
	k := s.k
	if st := k.visit.autoPay; st.reviewing || st.result != nil {
		return // the second tap of a double tap, arriving after the form was replaced
	}
	if !s.method.check() {
		return
	}
	st := k.visit.autoPay
	details := s.method.details()
	if st.methodKey == "" || !sameWire(st.details, details) {
		st.methodKey, st.enrolKey, st.methodID = client.NewIdempotencyKey(), client.NewIdempotencyKey(), ""
	}
	st.details = details
	st.open(k.clock.Now())
	delete(k.visit.problems, fieldNone)
	k.refresh()
}

func (s *autoPayScreen) reviewView(st *autoPayState, problem fyne.CanvasObject) fyne.CanvasObject {
	k := s.k
	s.create = k.primaryButton("autopay.create", s.enrol)
	var content fyne.CanvasObject
	s.review, s.change, content = k.reviewView(&st.reviewState, "autopay.review_heading", []string{
		paymentSummary(k.T, st.details),
		k.T("autopay.review_each_bill"),
		s.firstDraft(),
		k.T("autopay.review_until_cancelled", map[string]any{"Phone": k.settings.Utility.Phone}),
	}, problem, s.create)
	return content
}

// firstDraft says when AutoPay first draws, by the rule the portal follows
// (client.FirstDraftDate): the current bill's due date while it is owed and in
// time; after it was paid (in this visit or before), the next bill, said in so
// many words so that a payment and a draft never read as two charges for one
// bill; else the next bill's date, which the portal gives once AutoPay is on.
func (s *autoPayScreen) firstDraft() string {
	k := s.k
	due, owed, ok := k.visit.currentBill()
	switch {
	case ok && owed <= 0:
		return k.T("autopay.review_first_draft_paid")
	case ok && client.InTimeFor(due, k.clock.Now(), k.settings.Zone):
		return k.T("autopay.review_first_draft", map[string]any{"Date": k.formatDate(due)})
	}
	return k.T("autopay.review_first_draft_next")
}

// currentBill is the bill AutoPay would reach first: the signed-in account's as
// the portal last told it (after this visit's payment, when there was one), else
// the account found.
func (v *visit) currentBill() (due client.Date, owedCents int64, ok bool) {
	switch {
	case v.details != nil:
		return v.details.DueDate, v.details.AmountDueCents, true
	case v.account != nil:
		return v.account.DueDate, v.account.AmountDueCents, true
	}
	return client.Date{}, 0, false
}

// startsAfterPaidBill reports whether AutoPay, as the portal set it up, first
// draws after a current bill that is already paid: the visitor is told so.
func (v *visit) startsAfterPaidBill(a client.AutoPay) bool {
	due, owed, ok := v.currentBill()
	return ok && owed <= 0 && a.FirstDraftDate != nil && a.FirstDraftDate.After(due.Time)
}

// enrol stores the payment method (once) and enrols it in AutoPay. Both calls
// carry idempotency keys kept until success, so a double tap or a retry after a
// lost answer enrols exactly once.
func (s *autoPayScreen) enrol() {
	k := s.k
	st := k.visit.autoPay
	if st == nil || st.result != nil || !st.confirm(k.clock.Now(), k.log) {
		return
	}
	if c := st.details.Card; c != nil && c.Token == "" && st.methodID == "" {
		s.readCard(st) // the card first: its token is what the portal stores
		return
	}
	s.store(st)
}

// store stores the payment method (once) and enrols it in AutoPay.
func (s *autoPayScreen) store(st *autoPayState) {
	k := s.k
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
			k.reviewFailed(&st.reviewState, err, "error.autopay_unknown")
			return
		}
		s.created(result)
	})
}

// readCard has the terminal read the visitor's card for its token (nothing is
// charged), then stores it and enrols it.
func (s *autoPayScreen) readCard(st *autoPayState) {
	k := s.k
	run := newCardRun("")
	st.card = run
	delete(k.visit.problems, fieldNone)
	k.refresh()
	req := terminal.TokenRequest{TransactionID: run.txID, AccountRef: k.visit.accountRef()}
	var token terminal.Token
	k.reader.start(k.visit.ctx, func(ctx context.Context) (err error) {
		token, err = k.reader.terminal.Tokenise(ctx, req)
		return err
	}, func(err error) {
		if st.card != run {
			return
		}
		st.card = nil
		if err == nil && token.Outcome == terminal.Approved {
			st.details.Card = &client.Card{POIID: k.reader.terminal.POIID(), TransactionID: run.txID,
				Token: token.Value, Brand: terminal.PortalBrand(token.Brand), Last4: token.LastFour}
			s.store(st)
			return
		}
		k.visit.problems[fieldNone] = k.reader.notCharged(err, token.Outcome)
		k.refresh()
	})
}

// accountRef is the portal's reference of the visitor's account: the signed-in
// account's, else the one found.
func (v *visit) accountRef() string {
	switch {
	case v.details != nil:
		return v.details.AccountRef
	case v.account != nil:
		return v.account.AccountRef
	}
	return ""
}

// created records the enrolment and forgets the numbers typed for it.
func (s *autoPayScreen) created(result client.AutoPay) {
	k := s.k
	item := receipt.AutoPayOn{Method: receiptMethod(k.visit.autoPay.details)}
	k.visit.autoPay = &autoPayState{result: &result}
	switch {
	case result.FirstDraftDate == nil:
		k.visit.paymentDone(outcomeAutoPay, nil, item)
	case k.visit.startsAfterPaidBill(result):
		item.From, item.AfterPaidBill = *result.FirstDraftDate, true
		k.visit.paymentDone(outcomeAutoPayNextBill, map[string]any{"Date": *result.FirstDraftDate}, item)
	default:
		item.From = *result.FirstDraftDate
		k.visit.paymentDone(outcomeAutoPayFrom, map[string]any{"Date": *result.FirstDraftDate}, item)
	}
	k.refresh()
}

func (s *autoPayScreen) confirmedView(result *client.AutoPay) fyne.CanvasObject {
	k := s.k
	s.confirmation = wrappedLabel(autoPayStatus(k, *result))
	s.done = k.primaryButton("autopay.done", func() { k.navigate(evFinish) })
	return formColumn(guidanceCard(s.confirmation), s.done)
}

// autoPayStatus says whether AutoPay is on, and from when: with the next bill
// when the current one is paid.
func autoPayStatus(k *Kiosk, a client.AutoPay) string {
	switch {
	case a.Status != client.AutoPayActive:
		return k.T("myaccount.autopay_off")
	case a.FirstDraftDate == nil:
		return k.T("myaccount.autopay_on")
	case k.visit.startsAfterPaidBill(a):
		return k.T("myaccount.autopay_on_next_bill", map[string]any{"Date": k.formatDate(*a.FirstDraftDate)})
	}
	return k.T("myaccount.autopay_on_from", map[string]any{"Date": k.formatDate(*a.FirstDraftDate)})
}
