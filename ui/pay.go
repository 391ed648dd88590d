package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
)

// fieldPayAmount is the amount to pay as typed; named as the portal names it, so a
// portal problem with the amount shows beside it.
const fieldPayAmount fieldID = "amount_cents"

// payState is the one-time payment of this visit: the step on show and, under
// review, the exact request and its idempotency key.
type payState struct {
	reviewing bool
	shownAt   time.Time                    // when the review appeared (doubletap.go)
	req       client.OneTimePaymentRequest // what the review shows and Pay sends
	key       string                       // kept until success: a retry never charges twice
	receipt   *client.Receipt              // set once paid
}

// payScreen is "One Time Payment": no sign-in needed. It has three steps on the one
// screen: the form, the review, the receipt.
type payScreen struct {
	accountNumber, postalCode, email, emailAgain, amount *field
	method                                               *paymentForm
	problem                                              *widget.Label
	submit                                               *widget.Button // Continue to payment

	review           []*widget.Label // amount, method, account, email
	payButton        *widget.Button
	change           *widget.Button
	confirmation     *widget.Label
	register, finish *widget.Button
}

func init() { addScreen(screenPay, screen{build: buildPay, title: "pay.title"}) }

func buildPay(k *Kiosk) fyne.CanvasObject {
	if k.visit.pay == nil {
		k.visit.pay = &payState{}
	}
	s := &payScreen{}
	k.pay = s
	switch st := k.visit.pay; {
	case st.receipt != nil:
		return k.payReceiptView(s, st.receipt)
	case st.reviewing:
		return k.payReviewView(s, st)
	}
	return k.payFormView(s)
}

// payFormView is the first step: who is paying, how much, and how.
func (k *Kiosk) payFormView(s *payScreen) fyne.CanvasObject {
	k.prefillAmount()
	s.accountNumber = k.newField(fieldSpec{id: fieldAccountNumber, labelID: "find.account_number", hintID: "find.account_number_hint",
		check: checkAccountNumber, keyboard: keyboard.Account})
	s.postalCode = k.newField(fieldSpec{id: fieldPostalCode, labelID: "find.postal_code",
		check: checkPostalCode, keyboard: keyboard.Digits})
	s.email = k.newField(fieldSpec{id: fieldEmail, labelID: "pay.email", hintID: "pay.email_hint",
		check: checkEmail, blankID: emailBlankID, keyboard: keyboard.Email})
	s.emailAgain = k.newField(fieldSpec{id: fieldEmailAgain, labelID: "pay.email_again",
		check: checkEmailAgain, blankID: emailBlankID, keyboard: keyboard.Email})
	s.amount = k.newField(fieldSpec{id: fieldPayAmount, labelID: "pay.amount", check: k.checkAmount, keyboard: keyboard.Amount})
	s.method = k.newPaymentForm()
	problem, label := k.screenProblem()
	s.problem = label
	terms := widget.NewLabel(k.T("pay.terms"))
	terms.Wrapping = fyne.TextWrapWord
	s.submit = k.primaryButton("pay.continue", k.continueToPayment)
	return formColumn(
		k.fieldObject(s.accountNumber), k.fieldObject(s.postalCode),
		k.fieldObject(s.email), k.fieldObject(s.emailAgain), k.fieldObject(s.amount),
		k.paymentFormObject(s.method),
		problem, terms, s.submit,
	)
}

// prefillAmount offers the amount due the first time the form is shown; after that
// the visitor's own figure (even a cleared one) is kept.
func (k *Kiosk) prefillAmount() {
	a := k.visit.account
	if _, typed := k.visit.fields[fieldPayAmount]; typed || a == nil || a.AmountDueCents <= 0 {
		return
	}
	k.visit.fields[fieldPayAmount] = formatMoney(a.AmountDueCents)
}

// checkAmount accepts dollars and cents up to the kiosk's configured maximum.
func (k *Kiosk) checkAmount(_ *visit, text string) validate.Code {
	cents, c := validate.ParseAmount(text)
	if c != validate.OK {
		return c
	}
	return validate.AmountCents(cents, k.settings.MaxPaymentCents)
}

// continueToPayment checks everything beside each field and, when all is good,
// shows the review step.
func (k *Kiosk) continueToPayment() {
	if st := k.visit.pay; st.reviewing || st.receipt != nil {
		return // the second tap of a double tap, arriving after the form was replaced
	}
	s := k.pay
	ok := k.checkFields(s.accountNumber, s.postalCode, s.email, s.emailAgain, s.amount)
	ok = k.checkPaymentForm(s.method) && ok
	if !ok {
		return
	}
	delete(k.visit.problems, fieldNone)
	st := k.visit.pay
	req := k.paymentRequest()
	if st.key == "" || !sameWire(st.req, req) {
		// A new key per payment reviewed; the same payment reviewed again (Change,
		// then Continue with nothing changed) keeps its key, in case the first Pay
		// reached the portal but its answer was lost.
		st.key = client.NewIdempotencyKey()
	}
	st.req, st.reviewing, st.shownAt = req, true, k.clock.Now()
	k.refresh()
}

// paymentRequest is the payment the visitor typed, normalized. Call it once every
// field checked out.
func (k *Kiosk) paymentRequest() client.OneTimePaymentRequest {
	f := k.visit.fields
	number, _ := validate.AccountNumber(f[fieldAccountNumber])
	zip, _ := validate.PostalCode(f[fieldPostalCode])
	email, _ := validate.Email(f[fieldEmail])
	cents, _ := validate.ParseAmount(f[fieldPayAmount])
	return client.OneTimePaymentRequest{
		AccountNumber: number, PostalCode: zip, Email: email, AmountCents: cents, Payment: k.paymentDetails(),
	}
}

// sameWire compares two requests field by field through their wire form, which
// covers nested payment details too. Nothing here is logged.
func sameWire(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// payReviewView is the second step: what will be paid, masked, before paying.
func (k *Kiosk) payReviewView(s *payScreen, st *payState) fyne.CanvasObject {
	amount := formatMoney(st.req.AmountCents)
	heading := widget.NewLabelWithStyle(k.T("pay.review_heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	for _, text := range []string{
		k.T("pay.review_amount", map[string]any{"Amount": amount}),
		k.paymentSummary(st.req.Payment),
		k.T("pay.review_account", map[string]any{"Number": st.req.AccountNumber}),
		k.T("pay.review_email", map[string]any{"Email": st.req.Email}),
	} {
		label := widget.NewLabel(text)
		label.Wrapping = fyne.TextWrapWord
		s.review = append(s.review, label)
	}
	problem, label := k.screenProblem()
	s.problem = label
	// primaryButton handles "One moment…" while busy; otherwise the label names the amount.
	s.payButton = k.primaryButton("pay.pay", k.payNow)
	if !k.visit.busy {
		s.payButton.SetText(k.T("pay.pay", map[string]any{"Amount": amount}))
	}
	s.change = widget.NewButton(k.T("pay.change"), k.changePayment)
	if k.visit.busy {
		s.change.Disable()
	}
	objects := []fyne.CanvasObject{heading}
	for _, l := range s.review {
		objects = append(objects, l)
	}
	return formColumn(append(objects, problem, s.payButton, s.change)...)
}

// changePayment goes back to the form with everything as typed.
func (k *Kiosk) changePayment() {
	k.visit.pay.reviewing = false
	delete(k.visit.problems, fieldNone)
	k.refresh()
}

// payNow sends the reviewed payment with its idempotency key. A second tap while it
// is in flight, or after it succeeded, does nothing.
func (k *Kiosk) payNow() {
	st := k.visit.pay
	if st == nil || !st.reviewing || st.receipt != nil || k.tooSoonAfter(st.shownAt) {
		return
	}
	req, key := st.req, st.key
	var receipt client.Receipt
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		receipt, err = portal.PayOnce(ctx, req, key)
		return err
	}, func(err error) {
		if err != nil {
			k.payFailed(err)
			return
		}
		k.paid(receipt)
	})
}

// payFailed explains the problem. The key is kept: if the portal did take the
// payment and only its answer was lost, paying again replays it, never charges twice.
func (k *Kiosk) payFailed(err error) {
	k.visit.problems[fieldNone] = k.portalProblem(err)
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && len(apiErr.Fields) > 0 {
		k.visit.pay.reviewing = false // the fields the portal named are on the form
	}
	k.refresh()
}

// paid records the receipt and forgets the payment numbers the visitor typed.
func (k *Kiosk) paid(r client.Receipt) {
	v := k.visit
	v.pay = &payState{receipt: &r}
	v.record("done.paid", map[string]any{
		"Amount": formatMoney(r.AmountCents), "Number": r.ConfirmationNumber, "Email": r.ReceiptEmail,
	})
	v.forgetPaymentFields()
	delete(v.problems, fieldNone)
	k.refresh()
}

// payReceiptView is the last step: the confirmation, and an offer to register.
// afterPaymentOffer is what the receipt offers next, so AutoPay or e-billing is one
// step away: set them up when signed in, sign in when the account has a login,
// register when it has none.
func (k *Kiosk) afterPaymentOffer() (offerID, buttonID string, ev event) {
	a := k.visit.account
	switch {
	case k.visit.signedIn():
		return "pay.myaccount_offer", "pay.myaccount", evMyAccount
	case a == nil:
		return "", "", ""
	case a.Registered:
		return "pay.signin_offer", "found.sign_in", evSignIn
	}
	return "pay.register_offer", "pay.register", evRegister
}

func (k *Kiosk) payReceiptView(s *payScreen, r *client.Receipt) fyne.CanvasObject {
	thanks := widget.NewLabelWithStyle(k.T("pay.paid"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	thanks.Wrapping = fyne.TextWrapWord
	s.confirmation = widget.NewLabelWithStyle(k.T("pay.confirmation", map[string]any{"Number": r.ConfirmationNumber}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lines := []fyne.CanvasObject{thanks, s.confirmation}
	for _, text := range []string{
		k.T("pay.paid_amount", map[string]any{"Amount": formatMoney(r.AmountCents)}),
		k.T("pay.receipt_email", map[string]any{"Email": r.ReceiptEmail}),
	} {
		label := widget.NewLabel(text)
		label.Wrapping = fyne.TextWrapWord
		lines = append(lines, label)
	}
	if offerID, buttonID, ev := k.afterPaymentOffer(); offerID != "" {
		s.register = widget.NewButton(k.T(buttonID), func() { k.navigate(ev) })
		s.register.Importance = widget.HighImportance
		lines = append(lines, guidanceCard(wrappedLabel(k.T(offerID))), s.register)
	}
	s.finish = widget.NewButton(k.T("pay.finish"), func() { k.navigate(evPaid) })
	return formColumn(append(lines, s.finish)...)
}
