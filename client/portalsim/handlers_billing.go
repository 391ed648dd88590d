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

// handleAccount answers GET /account.
func (s *Sim) handleAccount(q *request) reply {
	return jsonReply(http.StatusOK, q.session.account.view())
}

// handleAddPaymentMethod answers POST /payment-methods (Add New).
func (s *Sim) handleAddPaymentMethod(q *request) reply {
	a := q.session.account
	if len(a.methods) >= maxPaymentMethods {
		return errorReply(http.StatusConflict, codeTooManyPaymentMethods, "this account already has the most payment methods it can keep")
	}
	var in client.PaymentDetails
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	bad := fieldErrors{}
	method := checkPaymentDetails(in, cardSaved, bad)
	if len(bad) > 0 {
		return bad.reply()
	}
	method.ID = "pm_" + rand.Text()
	a.methods = append(a.methods, method)
	s.stats.PaymentMethods++
	return jsonReply(http.StatusCreated, method)
}

// handleAutoPay answers POST /autopay (Create AutoPay).
func (s *Sim) handleAutoPay(q *request) reply {
	var in client.AutoPayRequest
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	if strings.TrimSpace(in.PaymentMethodID) == "" {
		return fieldErrors{"payment_method_id": string(validate.Required)}.reply()
	}
	a := q.session.account
	if a.method(in.PaymentMethodID) == nil {
		return errorReply(http.StatusNotFound, client.CodePaymentMethodNotFound, "no such payment method on this account")
	}
	draft := client.FirstDraftDate(a.dueDate, a.amountDueCents, q.now, s.zone)
	a.autoPay = client.AutoPay{Status: client.AutoPayActive, PaymentMethodID: in.PaymentMethodID, FirstDraftDate: &draft}
	s.stats.AutoPayEnrollments++
	return jsonReply(http.StatusCreated, a.autoPay)
}

// handleBillDelivery answers PUT /bill-delivery.
func (s *Sim) handleBillDelivery(q *request) reply {
	var in client.BillDeliveryRequest
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	a := q.session.account
	current := a.delivery
	switch in.Method {
	case client.DeliveryPaper:
		a.delivery = client.BillDelivery{Method: client.DeliveryPaper, Status: client.DeliveryActive}
	case client.DeliveryEmail:
		if current.Method != client.DeliveryEmail || current.Status != client.DeliveryActive {
			a.delivery = client.BillDelivery{Method: client.DeliveryEmail, Status: client.DeliveryPendingVerification, Email: a.email}
			s.sendVerification(q, a)
		}
	default:
		return fieldErrors{"method": string(validate.Required)}.reply()
	}
	if a.delivery != current {
		s.stats.BillDeliveryChanges++
	}
	return jsonReply(http.StatusAccepted, a.delivery)
}

// handleResendVerification answers POST /bill-delivery/verification-email.
func (s *Sim) handleResendVerification(q *request) reply {
	a := q.session.account
	if a.delivery.Status != client.DeliveryPendingVerification {
		return errorReply(http.StatusUnprocessableEntity, client.CodeValidationFailed,
			"no email verification is pending: choose email delivery first")
	}
	s.sendVerification(q, a)
	return jsonReply(http.StatusAccepted, a.delivery)
}

// sendVerification emails a new verification link for the account's email.
func (s *Sim) sendVerification(q *request, a *account) {
	s.forgetOldVerifications(q.now)
	token := rand.Text()
	s.verifications[token] = &verification{account: a, email: a.email, sentAt: q.now}
	s.verifyOrder = append(s.verifyOrder, token)
	s.send(q, a.email, kindVerification, "/demo/verify/"+token)
}

// forgetOldVerifications drops the links that expired, and the oldest beyond
// room for one more, so that no link outlives its email in the outbox (which
// keeps maxOutbox emails). Called with s.mu held.
func (s *Sim) forgetOldVerifications(now time.Time) {
	n := 0
	for _, token := range s.verifyOrder {
		v := s.verifications[token]
		if len(s.verifyOrder)-n < maxOutbox && v.live(now) {
			break
		}
		delete(s.verifications, token)
		n++
	}
	s.verifyOrder = slices.Delete(s.verifyOrder, 0, n)
}

// live reports whether the link still works at now.
func (v *verification) live(now time.Time) bool { return now.Sub(v.sentAt) < verificationLinkTTL }

// handleVerify answers GET /demo/verify/{token}: the customer followed the link.
// A link is good for verificationLinkTTL, until the customer chooses another
// delivery method.
func (s *Sim) handleVerify(q *request) reply {
	v := s.verifications[q.param]
	if v == nil || !v.live(q.now) {
		return errorReply(http.StatusNotFound, client.CodeNotFound, "unknown or expired verification link")
	}
	d := &v.account.delivery
	if d.Method != client.DeliveryEmail || d.Email != v.email {
		return errorReply(http.StatusNotFound, client.CodeNotFound, "this verification link is no longer valid")
	}
	d.Status = client.DeliveryActive
	return htmlReply(http.StatusOK, verifiedPage)
}

// verifiedPage is what the customer sees after following the link.
const verifiedPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Email verified</title></head>
<body><h1>Email verified</h1>
<p>Your bills from Medford Water will now come by email.</p>
<p lang="es">Sus facturas de Medford Water ahora llegarán por correo electrónico.</p>
</body></html>
`

// pendingVerifications is how many verification links the portal keeps.
func (s *Sim) pendingVerifications() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.verifications)
}
