package portalsim

import (
	"crypto/rand"
	"net/http"
	"slices"
	"strings"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
)

// cardUse is what a card the terminal read is sent for: a payment the terminal
// has already taken, which the portal records, or a payment method saved for
// later charges, which the terminal's token stands for.
type cardUse int

const (
	cardCharged cardUse = iota
	cardSaved
)

// checkPaymentDetails validates a card or a bank account, recording bad fields
// as "card.*" / "bank.*", and returns the masked payment method (without ID).
func checkPaymentDetails(in client.PaymentDetails, use cardUse, bad fieldErrors) client.PaymentMethod {
	switch {
	case (in.Card == nil) == (in.Bank == nil):
		bad.check("payment", validate.Required)
		return client.PaymentMethod{}
	case in.Card != nil:
		return checkCard(*in.Card, use, bad)
	default:
		return checkBank(*in.Bank, bad)
	}
}

// checkCard validates what the kiosk's terminal said of a card, and masks it.
func checkCard(c client.Card, use cardUse, bad fieldErrors) client.PaymentMethod {
	bad.check("card.poi_id", validate.CardReference(c.POIID))
	bad.check("card.transaction_id", validate.CardReference(c.TransactionID))
	bad.check("card.brand", validate.CardBrand(c.Brand))
	bad.check("card.last4", validate.CardLast4(c.Last4))
	if use == cardSaved {
		bad.check("card.token", validate.CardReference(c.Token))
	} else {
		bad.check("card.reference", validate.CardReference(c.Reference))
	}
	return client.PaymentMethod{Kind: client.KindCard, Brand: c.Brand, Last4: c.Last4}
}

// checkBank validates a bank account and masks it.
func checkBank(b client.BankAccount, bad fieldErrors) client.PaymentMethod {
	bad.check("bank.holder_name", validate.HolderName(b.HolderName))
	bad.check("bank.routing_number", validate.RoutingNumber(b.RoutingNumber))
	bad.check("bank.account_number", validate.BankAccountNumber(b.AccountNumber))
	bad.check("bank.account_type", validate.AccountType(b.AccountType))
	return client.PaymentMethod{Kind: client.KindBank, Brand: b.AccountType, Last4: validate.Last4(b.AccountNumber)}
}

// handleOneTimePayment answers POST /one-time-payments (no sign-in needed).
func (s *Sim) handleOneTimePayment(q *request) reply {
	if locked, wait := s.lookupLocked(q); locked {
		return rateLimitedReply(wait)
	}
	var in client.OneTimePaymentRequest
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	bad := fieldErrors{}
	number, postalCode := checkNumberAndZIP(in.AccountNumber, in.PostalCode, bad)
	email, code := validate.Email(in.Email)
	bad.check("email", code)
	bad.check("amount_cents", validate.AmountCents(in.AmountCents, validate.MaxPaymentCents))
	checkPaymentDetails(in.Payment, cardCharged, bad)
	if len(bad) > 0 {
		return bad.reply()
	}
	a := s.guardedAccount(number, postalCode, q)
	if a == nil {
		return accountNotFoundReply()
	}
	return s.credit(a, in.AmountCents, email)
}

// handleCardPayment answers POST /card-payments: a payment the kiosk's terminal
// took, credited to the account of the reference.
func (s *Sim) handleCardPayment(q *request) reply {
	var in client.CardPaymentRequest
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	bad := fieldErrors{}
	if strings.TrimSpace(in.AccountRef) == "" {
		bad.check("account_ref", validate.Required)
	}
	email := ""
	if in.Email != "" {
		var code validate.Code
		email, code = validate.Email(in.Email)
		bad.check("email", code)
	}
	bad.check("amount_cents", validate.AmountCents(in.AmountCents, validate.MaxPaymentCents))
	checkCard(in.Card, cardCharged, bad)
	if len(bad) > 0 {
		return bad.reply()
	}
	a := s.accountByRef(in.AccountRef)
	if a == nil {
		return accountNotFoundReply()
	}
	return s.credit(a, in.AmountCents, email)
}

// credit takes a payment of cents off account a's balance and answers with its
// receipt (emailed to email, if any).
func (s *Sim) credit(a *account, cents int64, email string) reply {
	a.amountDueCents = max(0, a.amountDueCents-cents)
	s.stats.Payments++
	return jsonReply(http.StatusCreated, client.Receipt{
		ConfirmationNumber: "MW-" + rand.Text()[:8],
		AmountCents:        cents,
		ReceiptEmail:       email,
	})
}

// handleHeartbeat answers POST /kiosk/heartbeat.
func (s *Sim) handleHeartbeat(q *request) reply {
	var in client.Heartbeat
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	if strings.TrimSpace(in.KioskID) == "" {
		return fieldErrors{"kiosk_id": string(validate.Required)}.reply()
	}
	s.heartbeats = append(s.heartbeats, in)
	if extra := len(s.heartbeats) - maxHeartbeats; extra > 0 {
		s.heartbeats = slices.Delete(s.heartbeats, 0, extra)
	}
	s.stats.Heartbeats++
	return acceptedReply()
}

// handleHeartbeats answers GET /demo/heartbeats: what a fleet monitor would see.
func (s *Sim) handleHeartbeats(*request) reply {
	beats := append([]client.Heartbeat{}, s.heartbeats...)
	return jsonReply(http.StatusOK, map[string][]client.Heartbeat{"heartbeats": beats})
}

// handleOutbox answers GET /demo/outbox.
func (s *Sim) handleOutbox(*request) reply {
	messages := append([]client.OutboxMessage{}, s.outbox...)
	return jsonReply(http.StatusOK, map[string][]client.OutboxMessage{"messages": messages})
}
