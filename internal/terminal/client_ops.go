package terminal

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// serviceIDFor is the ServiceID of the kind's request for transaction txID.
// It is derived, not random, so that TransactionStatus and Abort can name the
// payment after a restart from its transaction ID alone. Adyen takes up to 10
// characters.
func serviceIDFor(kind, txID string) string {
	sum := sha256.Sum256([]byte(kind + "\x00" + txID))
	return hex.EncodeToString(sum[:5])
}

// newServiceID is a fresh ServiceID for a request that names no transaction.
func newServiceID() string { return strings.ToLower(rand.Text()[:10]) }

// pay sends one PaymentRequest and reads its answer.
func (c *Client) pay(ctx context.Context, p Payment) (Result, error) {
	req := SaleToPOIRequest{
		MessageHeader: c.header(CategoryPayment, serviceIDFor(CategoryPayment, p.TransactionID)),
		PaymentRequest: &PaymentRequest{
			SaleData: SaleData{
				SaleTransactionID: TransactionIdentification{TransactionID: p.TransactionID, TimeStamp: c.timestamp()},
				SaleReferenceID:   p.AccountRef,
			},
			PaymentTransaction: PaymentTransaction{AmountsReq: AmountsReq{Currency: c.opts.Currency, RequestedAmount: Amount(p.AmountCents)}},
		},
	}
	c.inFlight(p.TransactionID, CategoryPayment)
	defer c.inFlight(p.TransactionID, "")
	resp, err := c.exchange(ctx, req)
	if err != nil {
		return Result{}, err
	}
	if resp == nil || resp.PaymentResponse == nil {
		return Result{}, fmt.Errorf("%w: %w: no PaymentResponse", ErrNoAnswer, ErrMalformed)
	}
	res, err := resultOf(p.TransactionID, resp.PaymentResponse)
	if err != nil {
		return Result{}, fmt.Errorf("%w: %w", ErrNoAnswer, err)
	}
	return res, nil
}

// Status asks for the outcome of payment txID (nexo TransactionStatusRequest).
func (c *Client) Status(ctx context.Context, txID string) (Result, error) {
	if err := CheckTransactionID(txID); err != nil {
		return Result{}, err
	}
	ctx, cancel := withDeadline(ctx, c.opts.RequestTimeout)
	defer cancel()
	ref := MessageReference{MessageCategory: CategoryPayment, ServiceID: serviceIDFor(CategoryPayment, txID), SaleID: c.opts.SaleID}
	req := SaleToPOIRequest{
		MessageHeader: c.header(CategoryTransactionStatus, newServiceID()),
		TransactionStatusRequest: &TransactionStatusRequest{MessageReference: &ref, ReceiptReprintFlag: true,
			DocumentQualifier: []string{"CustomerReceipt"}},
	}
	resp, err := c.exchange(ctx, req)
	if err != nil {
		return Result{}, err
	}
	if resp == nil || resp.TransactionStatusResponse == nil {
		return Result{}, fmt.Errorf("%w: %w: no TransactionStatusResponse", ErrNoAnswer, ErrMalformed)
	}
	return statusResult(txID, ref, resp.TransactionStatusResponse)
}

// statusResult reads a TransactionStatusResponse about payment txID.
func statusResult(txID string, ref MessageReference, ts *TransactionStatusResponse) (Result, error) {
	if ts.Response.Result != ResultSuccess {
		outcome, err := outcomeOf(ts.Response)
		if err != nil {
			return Result{}, err
		}
		if outcome != InProgress && outcome != NotFound {
			return Result{}, fmt.Errorf("%w: status %s (%s)", ErrRejected, ts.Response.ErrorCondition, additional(ts.Response, "message"))
		}
		return Result{TransactionID: txID, Outcome: outcome}, nil
	}
	repeated := ts.RepeatedMessageResponse
	if repeated == nil || repeated.RepeatedResponseMessageBody.PaymentResponse == nil {
		return Result{}, fmt.Errorf("%w: %w: a status without the payment's answer", ErrNoAnswer, ErrMalformed)
	}
	// The repeated header must be the payment's; its POIID is not compared, as
	// Adyen's own example repeats a longer one than the terminal's.
	h := repeated.MessageHeader
	if h.MessageCategory != ref.MessageCategory || h.ServiceID != ref.ServiceID || h.SaleID != ref.SaleID {
		return Result{}, fmt.Errorf("%w: %w: the status repeats another message", ErrNoAnswer, ErrMismatch)
	}
	res, err := resultOf(txID, repeated.RepeatedResponseMessageBody.PaymentResponse)
	if err != nil {
		return Result{}, fmt.Errorf("%w: %w", ErrNoAnswer, err)
	}
	return res, nil
}

// Abort asks the terminal to stop transaction txID. The terminal answers the
// aborted request itself (a Cancelled outcome); the abort's own answer, when
// there is one, only says it was received.
func (c *Client) Abort(ctx context.Context, txID string) error {
	if err := CheckTransactionID(txID); err != nil {
		return err
	}
	ctx, cancel := withDeadline(ctx, c.opts.RequestTimeout)
	defer cancel()
	c.mu.Lock()
	category := c.category[txID]
	c.mu.Unlock()
	if category == "" {
		category = CategoryPayment
	}
	req := SaleToPOIRequest{
		MessageHeader: c.header(CategoryAbort, newServiceID()),
		AbortRequest: &AbortRequest{AbortReason: "MerchantAbort", MessageReference: MessageReference{
			MessageCategory: category, ServiceID: serviceIDFor(category, txID), SaleID: c.opts.SaleID}},
	}
	_, err := c.exchange(ctx, req)
	return err
}

// Tokenise reads a card for AutoPay (nexo CardAcquisitionRequest) and returns
// its token, brand and last four.
func (c *Client) Tokenise(ctx context.Context, r TokenRequest) (Token, error) {
	if err := CheckTransactionID(r.TransactionID); err != nil {
		return Token{}, err
	}
	ctx, cancel := withDeadline(ctx, c.opts.PaymentTimeout)
	defer cancel()
	req := SaleToPOIRequest{
		MessageHeader: c.header(CategoryCardAcquisition, serviceIDFor(CategoryCardAcquisition, r.TransactionID)),
		CardAcquisitionRequest: &CardAcquisitionRequest{SaleData: SaleData{
			SaleTransactionID:  TransactionIdentification{TransactionID: r.TransactionID, TimeStamp: c.timestamp()},
			SaleReferenceID:    r.AccountRef,
			TokenRequestedType: "Customer",
		}},
	}
	c.inFlight(r.TransactionID, CategoryCardAcquisition)
	defer c.inFlight(r.TransactionID, "")
	resp, err := c.exchange(ctx, req)
	if err != nil {
		return Token{}, err
	}
	if resp == nil || resp.CardAcquisitionResponse == nil {
		return Token{}, fmt.Errorf("%w: %w: no CardAcquisitionResponse", ErrNoAnswer, ErrMalformed)
	}
	return tokenOf(r.TransactionID, resp.CardAcquisitionResponse)
}

func tokenOf(txID string, ca *CardAcquisitionResponse) (Token, error) {
	if ca.SaleData.SaleTransactionID.TransactionID != txID {
		return Token{}, fmt.Errorf("%w: %w: the answer is about another transaction", ErrNoAnswer, ErrMismatch)
	}
	outcome, err := outcomeOf(ca.Response)
	if err != nil {
		return Token{}, fmt.Errorf("%w: %w", ErrNoAnswer, err)
	}
	t := Token{Outcome: outcome}
	if ca.PaymentInstrumentData != nil && ca.PaymentInstrumentData.CardData != nil {
		card := ca.PaymentInstrumentData.CardData
		t.Brand, t.LastFour = card.PaymentBrand, lastFour(card.MaskedPan)
		if card.PaymentToken != nil {
			t.Value = card.PaymentToken.TokenValue
		}
	}
	if outcome == Approved && t.Value == "" {
		return Token{}, fmt.Errorf("%w: %w: a card read without a token", ErrNoAnswer, ErrMalformed)
	}
	return t, nil
}

// Describe asks the terminal for its state (nexo DiagnosisRequest). An answer
// proves the terminal can be reached over trusted TLS and shares our key.
func (c *Client) Describe(ctx context.Context) (Identity, error) {
	ctx, cancel := withDeadline(ctx, c.opts.RequestTimeout)
	defer cancel()
	req := SaleToPOIRequest{MessageHeader: c.header(CategoryDiagnosis, newServiceID()), DiagnosisRequest: &DiagnosisRequest{}}
	resp, err := c.exchange(ctx, req)
	if err != nil {
		return Identity{}, err
	}
	if resp == nil || resp.DiagnosisResponse == nil {
		return Identity{}, fmt.Errorf("%w: %w: no DiagnosisResponse", ErrNoAnswer, ErrMalformed)
	}
	id := Identity{POIID: resp.MessageHeader.POIID}
	id.Model, id.Serial, _ = strings.Cut(id.POIID, "-")
	if s := resp.DiagnosisResponse.POIStatus; s != nil {
		id.State = s.GlobalStatus
	}
	if resp.DiagnosisResponse.Response.Result != ResultSuccess && id.State == "" {
		id.State = "Unavailable"
	}
	return id, nil
}

// inFlight notes (or, with "", forgets) the category of txID's request.
func (c *Client) inFlight(txID, category string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if category == "" {
		delete(c.category, txID)
		return
	}
	c.category[txID] = category
}

// errNoJournal: Pay keeps a journal entry of every payment, or pays nothing.
var errNoJournal = errors.New("terminal: Pay needs a journal (Options.Journal)")
