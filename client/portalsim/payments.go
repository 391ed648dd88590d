package portalsim

import (
	"crypto/rand"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
)

// checkPaymentDetails validates a card or a bank account, recording bad fields
// as "card.*" / "bank.*", and returns the masked payment method (without ID).
func checkPaymentDetails(in client.PaymentDetails, now time.Time, zone *time.Location, bad fieldErrors) client.PaymentMethod {
	switch {
	case (in.Card == nil) == (in.Bank == nil):
		bad.check("payment", validate.Required)
		return client.PaymentMethod{}
	case in.Card != nil:
		return checkCard(*in.Card, now, zone, bad)
	default:
		return checkBank(*in.Bank, bad)
	}
}

// checkCard validates a payment card and masks it.
func checkCard(c client.Card, now time.Time, zone *time.Location, bad fieldErrors) client.PaymentMethod {
	digits, brand, code := validate.CardNumber(c.Number)
	bad.check("card.number", code)
	bad.check("card.holder_name", validate.HolderName(c.HolderName))
	bad.check("card.exp_month", validate.Expiry(c.ExpMonth, c.ExpYear, now, zone))
	bad.check("card.cvv", validate.CVV(c.CVV, brand))
	_, code = validate.PostalCode(c.PostalCode)
	bad.check("card.postal_code", code)
	return client.PaymentMethod{Kind: client.KindCard, Brand: brand, Last4: validate.Last4(digits)}
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
	checkPaymentDetails(in.Payment, q.now, s.zone, bad)
	if len(bad) > 0 {
		return bad.reply()
	}
	a := s.guardedAccount(number, postalCode, q)
	if a == nil {
		return accountNotFoundReply()
	}
	a.amountDueCents = max(0, a.amountDueCents-in.AmountCents)
	s.stats.Payments++
	return jsonReply(http.StatusCreated, client.Receipt{
		ConfirmationNumber: "MW-" + rand.Text()[:8],
		AmountCents:        in.AmountCents,
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
