package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"errors"
	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/internal/guard"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// fieldPayAmount is the amount to pay as typed; named as the portal names it, so a
// portal problem with the amount shows beside it.
const fieldPayAmount fieldID = "amount_cents"

// payState is the one-time payment of this visit: the step on show and, under
// review, the exact request and its idempotency key.
type payState struct {
	reviewState
	req     client.OneTimePaymentRequest // what the review shows and Pay sends
	key     string                       // kept until success: a retry never charges twice
	card    *cardRun                     // a card payment under way at the terminal (cardreader.go)
	receipt *client.Receipt              // set once paid
}

// payScreen is "One Time Payment": no sign-in needed. It has three steps on the one
// screen: the form, the review, the receipt.
type payScreen struct {
	k                                                    *Kiosk
	accountNumber, postalCode, email, emailAgain, amount *field
	method                                               *paymentForm
	problem                                              *widget.Label
	submit                                               *kwidget.Button // Continue to payment
	readTerms                                            *kwidget.Button // fetches the Terms and Conditions; nil once shown
	termsText                                            *widget.Label   // the terms, once fetched

	review           []*widget.Label // amount, method, account, email
	payButton        *kwidget.Button
	change           *kwidget.Button
	confirmation     *widget.Label
	register, finish *kwidget.Button
	print            *kwidget.Button            // "Print a receipt"; nil without a printer
	cancelCard       *kwidget.Button            // Cancel at the card reader
	practiceCards    map[string]*kwidget.Button // the practice card reader's cards, in demo and training
}

func buildPay(k *Kiosk) (any, fyne.CanvasObject) {
	if k.visit.pay == nil {
		k.visit.pay = &payState{}
	}
	s := &payScreen{k: k}
	switch st := k.visit.pay; {
	case st.receipt != nil:
		return s, s.receiptView(st.receipt)
	case st.card != nil && st.card.waiting:
		k.page.part = "reader"
		return s, s.readerView(st)
	case st.reviewing:
		return s, s.reviewView(st)
	}
	return s, s.formView()
}

// formView is the first step: who is paying, how much, and how.
func (s *payScreen) formView() fyne.CanvasObject {
	k := s.k
	prefillAmount(k.visit)
	s.accountNumber = k.newField(fieldSpec{id: fieldAccountNumber, labelID: "find.account_number", hintID: "find.account_number_hint",
		check: checkAccountNumber, keyboard: keyboard.Account})
	s.postalCode = k.newField(fieldSpec{id: fieldPostalCode, labelID: "find.postal_code",
		check: checkPostalCode, keyboard: keyboard.Digits})
	s.email = k.newField(fieldSpec{id: fieldEmail, labelID: "pay.email", hintID: "pay.email_hint",
		check: checkEmail, blankID: emailBlankID, keyboard: keyboard.Email})
	s.emailAgain = k.newField(fieldSpec{id: fieldEmailAgain, labelID: "pay.email_again",
		check: checkEmailAgain, blankID: emailBlankID, keyboard: keyboard.Email})
	s.amount = k.newField(fieldSpec{id: fieldPayAmount, labelID: "pay.amount", check: s.checkAmount, keyboard: keyboard.Amount})
	s.method = newPaymentForm(k, true)
	problem, label := k.screenProblem()
	s.problem = label
	k.explainLookupPause(label)
	agree := widget.NewLabel(k.T("pay.terms"))
	agree.Wrapping = fyne.TextWrapWord
	// The visitor can read what Continue agrees to, as registering visitors can.
	var terms fyne.CanvasObject
	s.readTerms, _, s.termsText, terms = termsOnPage(k)
	s.submit = k.primaryButton("pay.continue", s.continueToReview)
	return formColumn(
		k.fieldObject(s.accountNumber), k.fieldObject(s.postalCode),
		k.fieldObject(s.email), k.fieldObject(s.emailAgain), k.fieldObject(s.amount),
		s.method.object(),
		problem, agree, terms, s.submit,
	)
}

// prefillAmount offers the amount due the first time the form is shown; after that
// the visitor's own figure (even a cleared one) is kept.
func prefillAmount(v *visit) {
	a := v.account
	if _, typed := v.fields[fieldPayAmount]; typed || a == nil || a.AmountDueCents <= 0 {
		return
	}
	v.fields[fieldPayAmount] = formatMoney(a.AmountDueCents)
}

// checkAmount accepts dollars and cents up to the kiosk's configured maximum.
// Its value is the amount in cents.
func (s *payScreen) checkAmount(_ *visit, text string) (string, validate.Code) {
	cents, c := validate.ParseAmount(text)
	if c != validate.OK {
		return "", c
	}
	return strconv.FormatInt(cents, 10), validate.AmountCents(cents, s.k.settings.MaxPaymentCents())
}

// continueToReview checks everything beside each field and, when all is good,
// shows the review step.
func (s *payScreen) continueToReview() {
	k := s.k
	if st := k.visit.pay; st.reviewing || st.receipt != nil {
		return // the second tap of a double tap, arriving after the form was replaced
	}
	ok := k.checkFields(s.accountNumber, s.postalCode, s.email, s.emailAgain, s.amount)
	ok = s.method.check() && ok
	if !ok {
		return
	}
	delete(k.visit.problems, fieldNone)
	st := k.visit.pay
	req := s.paymentRequest()
	if st.key == "" || !sameWire(st.req, req) {
		// A new key per payment reviewed; the same payment reviewed again (Change,
		// then Continue with nothing changed) keeps its key, in case the first Pay
		// reached the portal but its answer was lost.
		st.key = client.NewIdempotencyKey()
	}
	st.req = req
	st.open(k.clock.Now())
	k.refresh()
}

// paymentRequest is the payment the visitor typed, normalized. Call it once every
// field checked out.
func (s *payScreen) paymentRequest() client.OneTimePaymentRequest {
	v := s.k.visit.values
	cents, _ := strconv.ParseInt(v[fieldPayAmount], 10, 64) // digits: checkAmount made them
	return client.OneTimePaymentRequest{
		AccountNumber: v[fieldAccountNumber], PostalCode: v[fieldPostalCode], Email: v[fieldEmail], AmountCents: cents,
		Payment: s.method.details(),
	}
}

// sameWire compares two requests field by field through their wire form, which
// covers nested payment details too. Nothing here is logged.
func sameWire(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// reviewView is the second step: what will be paid, masked, before paying.
func (s *payScreen) reviewView(st *payState) fyne.CanvasObject {
	k := s.k
	amount := formatMoney(st.req.AmountCents)
	problem, label := k.screenProblem()
	s.problem = label
	k.explainLookupPause(label)
	// primaryButton handles "One moment…" while busy; otherwise the label names the amount.
	s.payButton = k.primaryButton("pay.pay", s.pay)
	switch card := st.card; {
	case k.visit.busy:
	case card != nil && card.approved: // charged: only the portal's record is left to try again
		s.payButton.SetText(k.T("reader.record_again"))
	case card != nil && card.unknown: // no one knows whether it charged: never a second charge
		s.payButton.Disable()
		s.payButton.SetText(k.T("pay.pay", map[string]any{"Amount": amount}))
	default:
		s.payButton.SetText(k.T("pay.pay", map[string]any{"Amount": amount}))
	}
	var content fyne.CanvasObject
	s.review, s.change, content = k.reviewView(&st.reviewState, "pay.review_heading", []string{
		k.T("pay.review_amount", map[string]any{"Amount": amount}),
		paymentSummary(k.T, st.req.Payment),
		k.T("pay.review_account", map[string]any{"Number": st.req.AccountNumber}),
		k.T("pay.review_email", map[string]any{"Email": st.req.Email}),
		k.T("pay.review_date", map[string]any{"Date": k.formatDate(client.DateIn(k.clock.Now(), k.settings.Zone))}),
		k.T("pay.review_final"),
	}, problem, s.payButton)
	return content
}

// pay sends the reviewed payment with its idempotency key. A second tap while it
// is in flight, or after it succeeded, does nothing.
func (s *payScreen) pay() {
	k := s.k
	st := k.visit.pay
	if st == nil || st.receipt != nil || !st.confirm(k.clock.Now(), k.log) {
		return
	}
	if st.req.Payment.Card != nil {
		s.payByCard(st)
		return
	}
	req, key := st.req, st.key
	var receipt client.Receipt
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		receipt, err = portal.PayOnce(ctx, req, key)
		return err
	}, func(err error) {
		if err != nil {
			k.reviewFailed(&st.reviewState, err, "error.payment_unknown")
			if k.visit.lookupPaused(&k.portal, k.clock.Now(), err) {
				k.refresh() // the key is kept: Pay once the lock ends pays once
			}
			return
		}
		s.paid(receipt)
	})
}

// paid records the receipt and forgets the payment numbers the visitor typed.
func (s *payScreen) paid(r client.Receipt) {
	k := s.k
	method := receiptMethod(k.visit.pay.req.Payment)
	k.visit.pay = &payState{receipt: &r}
	k.visit.paymentDone(outcomePaid, map[string]any{
		"Amount": formatMoney(r.AmountCents), "Number": r.ConfirmationNumber, "Email": r.ReceiptEmail,
	}, receipt.Paid{AmountCents: r.AmountCents, Confirmation: r.ConfirmationNumber, Method: method, ReceiptEmail: r.ReceiptEmail})
	k.refresh()
}

// receiptView is the last step: the confirmation, and what to do next.
func (s *payScreen) receiptView(r *client.Receipt) fyne.CanvasObject {
	k := s.k
	thanks := widget.NewLabelWithStyle(k.T("pay.paid"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	thanks.Wrapping = fyne.TextWrapWord
	s.confirmation = widget.NewLabelWithStyle(k.T("pay.confirmation", map[string]any{"Number": r.ConfirmationNumber}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	facts := []fyne.CanvasObject{thanks, s.confirmation}
	for _, text := range []string{
		k.T("pay.paid_amount", map[string]any{"Amount": formatMoney(r.AmountCents)}),
		k.T("pay.receipt_email", map[string]any{"Email": r.ReceiptEmail}),
	} {
		facts = append(facts, wrappedLabel(text))
	}
	lines := []fyne.CanvasObject{readTogether(facts...)}
	if offerID, buttonID, ev := k.visit.afterPaymentOffer(); offerID != "" {
		s.register = kwidget.NewButton(k.T(buttonID), func() { k.navigate(ev) })
		s.register.Importance = widget.HighImportance
		lines = append(lines, guidanceCard(wrappedLabel(k.T(offerID))), s.register)
	}
	var printRow fyne.CanvasObject
	s.print, printRow = k.receipts.printButton(func() receipt.Receipt { return receiptOf(k.visit) })
	if printRow != nil {
		lines = append(lines, printRow)
	}
	s.finish = kwidget.NewButton(k.T("pay.finish"), func() { k.navigate(evPaid) })
	return formColumn(append(lines, s.finish)...)
}

// readerView is the card payment while the terminal waits for the card.
func (s *payScreen) readerView(st *payState) fyne.CanvasObject {
	k := s.k
	var content fyne.CanvasObject
	content, s.cancelCard, s.practiceCards = k.reader.panel(st.card,
		k.T("reader.insert", map[string]any{"Amount": formatMoney(st.req.AmountCents)}))
	return content
}

// payByCard is Pay with a card: a lookup gives the account's reference, the
// terminal takes the card, the portal records the payment. Once the terminal
// charged the card, Pay only records it again (its key kept): never a second
// charge.
func (s *payScreen) payByCard(st *payState) {
	k := s.k
	switch {
	case st.card != nil && st.card.approved:
		s.recordCard(st)
		return
	case st.card != nil: // waiting, or an outcome no one knows: no second charge
		return
	}
	req := st.req
	var found client.AccountSummary
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		found, err = portal.Lookup(ctx, client.LookupRequest{AccountNumber: req.AccountNumber, PostalCode: req.PostalCode})
		return err
	}, func(err error) {
		if err != nil {
			k.reviewFailed(&st.reviewState, err, "error.unexpected_answer")
			if k.visit.lookupPaused(&k.portal, k.clock.Now(), err) {
				k.refresh()
			}
			return
		}
		s.startCard(st, found.AccountRef)
	})
}

// startCard sends the payment to the terminal and shows the reader's
// instructions until it answers.
func (s *payScreen) startCard(st *payState, accountRef string) {
	k := s.k
	run := newCardRun(accountRef)
	st.card = run
	delete(k.visit.problems, fieldNone)
	k.refresh()
	pay := terminal.Payment{TransactionID: run.txID, AmountCents: st.req.AmountCents, AccountRef: accountRef, IdempotencyKey: st.key}
	var result terminal.Result
	k.reader.start(k.visit.ctx, func(ctx context.Context) (err error) {
		result, err = k.reader.terminal.Pay(ctx, pay)
		return err
	}, func(err error) {
		if st.card == run {
			s.cardAnswered(st, result, err)
		}
	})
}

// cardAnswered shows what became of the card: recorded with the portal when the
// terminal charged it, else why not, with the review kept for another try.
func (s *payScreen) cardAnswered(st *payState, r terminal.Result, err error) {
	k := s.k
	run := st.card
	run.waiting = false
	switch {
	case err == nil && r.Outcome == terminal.Approved:
		run.approved = true
		st.req.Payment.Card = &client.Card{POIID: k.reader.terminal.POIID(), TransactionID: run.txID, Reference: r.Reference,
			Brand: terminal.PortalBrand(r.Brand), Last4: r.LastFour}
		s.recordCard(st)
		return
	case errors.Is(err, terminal.ErrUnresolved), errors.Is(err, guard.ErrPanicked):
		run.unknown = true
		k.visit.problems[fieldNone] = "reader.unknown"
	default: // nothing was charged: the terminal said so, or never got the request
		st.card = nil
		k.visit.problems[fieldNone] = k.reader.notCharged(err, r.Outcome)
	}
	k.refresh()
}

// recordCard tells the portal of the payment the terminal took. A failure
// keeps the key and the card's answer: Pay tries again, never charging twice.
func (s *payScreen) recordCard(st *payState) {
	k := s.k
	run := st.card
	req := client.CardPaymentRequest{AccountRef: run.accountRef, AmountCents: st.req.AmountCents,
		Email: st.req.Email, Card: *st.req.Payment.Card}
	key := st.key
	var receipt client.Receipt
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		receipt, err = portal.RecordCardPayment(ctx, req, key)
		return err
	}, func(err error) {
		if err != nil {
			k.applyPortalProblem(err)
			k.visit.problems[fieldNone] = "reader.charged_not_recorded"
			k.refresh()
			return
		}
		if err := k.reader.terminal.Recorded(run.txID); err != nil {
			k.log.Error("card payment recorded, but its journal entry stays", "err", err.Error())
			k.status.noteProblem("terminal_journal")
		}
		s.paid(receipt)
	})
}
