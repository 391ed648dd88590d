package terminalsim

import (
	"context"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/terminal"
)

// transaction is one payment or card read, from its request to its answer.
type transaction struct {
	request  terminal.MessageHeader
	poiid    string
	saleTxID terminal.TransactionIdentification
	poiTxID  string
	stamp    string
	amount   terminal.Amount
	currency string
	card     string // the practice card read, "" if none

	abort  chan struct{}
	done   chan struct{}
	answer *terminal.SaleToPOIResponse // set before done closes
}

// refKey names a transaction as a MessageReference does.
func refKey(category, saleID, serviceID string) string {
	return category + "\x00" + saleID + "\x00" + serviceID
}

// respond is the answer header to request header h.
func respond(h terminal.MessageHeader) terminal.MessageHeader {
	h.MessageType = "Response"
	return h
}

// start begins a payment or card read, or answers Busy while another runs.
func (s *Sim) start(req *terminal.SaleToPOIRequest) (*transaction, *terminal.SaleToPOIResponse) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &transaction{request: req.MessageHeader, poiid: s.opts.POIID, poiTxID: s.nextPOITxID(),
		stamp: s.opts.Now().UTC().Format(time.RFC3339), abort: make(chan struct{}), done: make(chan struct{})}
	switch {
	case req.PaymentRequest != nil:
		t.saleTxID = req.PaymentRequest.SaleData.SaleTransactionID
		t.amount = req.PaymentRequest.PaymentTransaction.AmountsReq.RequestedAmount
		t.currency = req.PaymentRequest.PaymentTransaction.AmountsReq.Currency
	case req.CardAcquisitionRequest != nil:
		t.saleTxID = req.CardAcquisitionRequest.SaleData.SaleTransactionID
	}
	if s.current != nil {
		busy := terminal.Response{Result: terminal.ResultFailure, ErrorCondition: "Busy", AdditionalResponse: "message=Terminal%20busy"}
		return nil, t.answerWith(busy)
	}
	s.current = t
	s.txns[refKey(req.MessageHeader.MessageCategory, req.MessageHeader.SaleID, req.MessageHeader.ServiceID)] = t
	go s.await(t)
	return t, nil
}

// answerWith builds t's answer with response r.
func (t *transaction) answerWith(r terminal.Response) *terminal.SaleToPOIResponse {
	a := &terminal.SaleToPOIResponse{MessageHeader: respond(t.request)}
	if t.request.MessageCategory == terminal.CategoryCardAcquisition {
		a.CardAcquisitionResponse = cardAcquisitionResponse(t, r)
	} else {
		a.PaymentResponse = paymentResponse(t, r)
	}
	return a
}

// await waits for a card or an abort. The "timeout" card is never read: the
// terminal keeps waiting, and only an abort ends it.
func (s *Sim) await(t *transaction) {
	for {
		select {
		case card := <-s.reader:
			if card == CardTimeout {
				continue
			}
			s.finish(t, card, cardResponses[card])
			return
		case <-t.abort:
			s.finish(t, "", abortedResponse)
			return
		case <-s.closing:
			return
		}
	}
}

func (s *Sim) finish(t *transaction, card string, r terminal.Response) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t.card = card
	t.answer = t.answerWith(r)
	if r.Result == terminal.ResultSuccess && t.request.MessageCategory == terminal.CategoryPayment {
		s.charges++
	}
	s.current = nil
	close(t.done)
}

// wait returns t's answer, or nil when the kiosk stopped waiting first.
func wait(ctx context.Context, t *transaction) *terminal.SaleToPOIResponse {
	select {
	case <-t.done:
		return t.answer
	case <-ctx.Done():
		return nil
	}
}

// abort stops the transaction ref names, if it still waits.
func (s *Sim) abort(ref terminal.MessageReference) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.txns[refKey(ref.MessageCategory, ref.SaleID, ref.ServiceID)]
	if t != nil && t == s.current {
		select {
		case <-t.abort:
		default:
			close(t.abort)
		}
	}
}

// status answers a TransactionStatusRequest as nexo says: the payment's answer
// repeated when it is done, InProgress while it runs, NotFound when unknown.
func (s *Sim) status(req *terminal.SaleToPOIRequest) *terminal.SaleToPOIResponse {
	out := &terminal.TransactionStatusResponse{}
	a := &terminal.SaleToPOIResponse{MessageHeader: respond(req.MessageHeader), TransactionStatusResponse: out}
	ref := req.TransactionStatusRequest.MessageReference
	if ref == nil {
		out.Response = terminal.Response{Result: terminal.ResultFailure, ErrorCondition: "NotFound"}
		return a
	}
	out.MessageReference = ref
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.txns[refKey(ref.MessageCategory, ref.SaleID, ref.ServiceID)]
	switch {
	case t == nil:
		out.Response = terminal.Response{Result: terminal.ResultFailure, ErrorCondition: "NotFound"}
	case t.answer == nil:
		out.Response = terminal.Response{Result: terminal.ResultFailure, ErrorCondition: "InProgress"}
	default:
		out.Response = terminal.Response{Result: terminal.ResultSuccess}
		out.RepeatedMessageResponse = &terminal.RepeatedMessageResponse{MessageHeader: t.answer.MessageHeader,
			RepeatedResponseMessageBody: terminal.RepeatedResponseMessageBody{PaymentResponse: t.answer.PaymentResponse}}
	}
	return a
}

// diagnosis answers a DiagnosisRequest with the terminal's state.
func (s *Sim) diagnosis(req *terminal.SaleToPOIRequest) *terminal.SaleToPOIResponse {
	state := "OK"
	if s.Waiting() {
		state = "Busy"
	}
	return &terminal.SaleToPOIResponse{MessageHeader: respond(req.MessageHeader), DiagnosisResponse: &terminal.DiagnosisResponse{
		Response: terminal.Response{Result: terminal.ResultSuccess}, POIStatus: &terminal.POIStatus{GlobalStatus: state}}}
}
