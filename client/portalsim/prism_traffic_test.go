//go:build contract

package portalsim

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/medfordwater/lobbykiosk/client"
)

// run sends the traffic: every route's answers, each documented status and
// error code, in the order a portal meets them (state carries over: a session
// made here is used there).
func (d *prismDriver) run() {
	d.kiosk()
	d.lookups()
	pat := d.registrations()
	maria := d.sessions()
	d.billing(maria)
	d.delivery(pat)
	d.payments()
	d.everyRouteFails()
}

func (d *prismDriver) kiosk() {
	d.send(exchange{method: "GET", route: "/health", status: http.StatusOK})
	d.send(exchange{method: "GET", route: "/terms", status: http.StatusOK})
	d.send(exchange{method: "GET", route: "/terms", query: "lang=es", status: http.StatusOK})
	d.send(exchange{method: "GET", route: "/terms", query: "lang=fr", breaks: true,
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	beat := client.Heartbeat{KioskID: "lobby-1", Version: "1.0.0", UptimeSeconds: 60, PortalOK: true, PeriodSeconds: 60,
		Counts: client.HeartbeatCounts{VisitsStarted: 1, Journeys: map[string]int{"paid": 1}}}
	d.send(exchange{method: "POST", route: "/kiosk/heartbeat", body: beat, status: http.StatusAccepted})
	beat.Printer = &client.PrinterStatus{Summary: "paper-out", State: "stopped", Reasons: []string{"media-empty-error"}}
	d.send(exchange{method: "POST", route: "/kiosk/heartbeat", body: beat, status: http.StatusAccepted})
	beat.Terminal = &client.TerminalStatus{POIID: "V400m-324688179", Serial: "324688179", State: "OK",
		SerialChanges: 1, PreviousPOIID: "V400m-000000042", PendingPayments: 1}
	d.send(exchange{method: "POST", route: "/kiosk/heartbeat", body: beat, status: http.StatusAccepted})
	beat.KioskID = " "
	d.send(exchange{method: "POST", route: "/kiosk/heartbeat", body: beat,
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	d.send(exchange{method: "GET", route: "/demo/heartbeats", status: http.StatusOK})
}

// lookups makes one wrong lookup: with the payment's, two of the five that lock.
func (d *prismDriver) lookups() {
	d.send(exchange{method: "POST", route: "/accounts/lookup", body: client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97501"},
		status: http.StatusOK})
	d.send(exchange{method: "POST", route: "/accounts/lookup", body: client.LookupRequest{AccountNumber: "12", PostalCode: "9750"},
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	d.send(exchange{method: "POST", route: "/accounts/lookup", body: client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97504"},
		status: http.StatusNotFound, code: client.CodeAccountNotFound})
}

// registrations registers the plain account as pat and returns pat's session.
func (d *prismDriver) registrations() client.Session {
	var found client.AccountSummary
	d.decode(d.send(exchange{method: "POST", route: "/accounts/lookup",
		body: client.LookupRequest{AccountNumber: plainNumber, PostalCode: "97504"}, status: http.StatusOK}), &found)
	reg := client.RegistrationRequest{AccountRef: found.AccountRef, Email: "pat@example.com", Password: strongPassword, TermsVersion: TermsVersion}
	var pat client.Session
	d.decode(d.send(exchange{method: "POST", route: "/registrations", body: reg, key: "reg-1", status: http.StatusCreated}), &pat)
	d.send(exchange{method: "POST", route: "/registrations", body: reg, key: "reg-2",
		status: http.StatusConflict, code: client.CodeAlreadyRegistered})
	legacy := d.lookupRef(legacyNumber, "97501")
	d.send(exchange{method: "POST", route: "/registrations", key: "reg-3", status: http.StatusConflict, code: client.CodeEmailTaken,
		body: client.RegistrationRequest{AccountRef: legacy, Email: mariaEmail, Password: strongPassword, TermsVersion: TermsVersion}})
	d.send(exchange{method: "POST", route: "/registrations", key: "reg-4", status: http.StatusNotFound, code: client.CodeAccountNotFound,
		body: client.RegistrationRequest{AccountRef: "ar_NOSUCH", Email: "x@example.com", Password: strongPassword, TermsVersion: TermsVersion}})
	d.send(exchange{method: "POST", route: "/registrations", key: "reg-5",
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed,
		body: client.RegistrationRequest{AccountRef: legacy, Email: "legacy@example.com", Password: "password", TermsVersion: TermsVersion}})
	reg.Email = "other@example.com"
	d.send(exchange{method: "POST", route: "/registrations", body: reg, key: "reg-1",
		status: http.StatusUnprocessableEntity, code: client.CodeIdempotencyConflict})
	d.send(exchange{method: "POST", route: "/registrations", body: reg, key: strings.Repeat("k", 256), breaks: true,
		status: http.StatusBadRequest, code: codeInvalidIdempotencyKey})
	d.send(exchange{method: "POST", route: "/password-resets", body: client.PasswordResetRequest{Email: "pat@example.com"},
		status: http.StatusAccepted})
	return pat
}

// sessions signs maria in, tries the lockout on an email nobody has, signs out
// once, and returns maria's session.
func (d *prismDriver) sessions() client.Session {
	var maria client.Session
	d.decode(d.send(exchange{method: "POST", route: "/sessions", body: client.SignInRequest{Email: mariaEmail, Password: mariaPassword},
		status: http.StatusCreated}), &maria)
	guess := client.SignInRequest{Email: "nobody@example.com", Password: "guess"}
	for range failureLimit {
		d.send(exchange{method: "POST", route: "/sessions", body: guess, status: http.StatusUnauthorized, code: client.CodeBadCredentials})
	}
	d.send(exchange{method: "POST", route: "/sessions", body: guess, status: http.StatusTooManyRequests, code: client.CodeRateLimited})
	// Prism never answers a body that is not JSON at all; an unknown field is as bad to the portal.
	d.send(exchange{method: "POST", route: "/sessions", body: `{"email":"nobody@example.com","password":"guess","remember":true}`, breaks: true,
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	var once client.Session
	d.decode(d.send(exchange{method: "POST", route: "/sessions", body: client.SignInRequest{Email: mariaEmail, Password: mariaPassword},
		status: http.StatusCreated}), &once)
	d.send(exchange{method: "DELETE", route: "/sessions/current", session: once.Token, status: http.StatusNoContent})
	d.send(exchange{method: "GET", route: "/account", session: once.Token, status: http.StatusUnauthorized, code: client.CodeSessionInvalid})
	d.send(exchange{method: "GET", route: "/account", session: maria.Token, status: http.StatusOK})
	return maria
}

// billing fills maria's payment methods and enrolls her in AutoPay.
func (d *prismDriver) billing(maria client.Session) {
	card := client.PaymentDetails{Card: savedCard()}
	var pm client.PaymentMethod
	d.decode(d.send(exchange{method: "POST", route: "/payment-methods", body: card, session: maria.Token, key: "pm-1",
		status: http.StatusCreated}), &pm)
	d.send(exchange{method: "POST", route: "/payment-methods", body: client.PaymentDetails{Bank: validBank()}, session: maria.Token, key: "pm-1",
		status: http.StatusUnprocessableEntity, code: client.CodeIdempotencyConflict})
	bad := savedCard()
	bad.Last4 = "111"
	d.send(exchange{method: "POST", route: "/payment-methods", body: client.PaymentDetails{Card: bad}, session: maria.Token, breaks: true,
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	d.send(exchange{method: "POST", route: "/payment-methods", body: card, session: maria.Token, key: strings.Repeat("k", 256), breaks: true,
		status: http.StatusBadRequest, code: codeInvalidIdempotencyKey})
	for range maxPaymentMethods - 1 {
		d.send(exchange{method: "POST", route: "/payment-methods", body: card, session: maria.Token, status: http.StatusCreated})
	}
	d.send(exchange{method: "POST", route: "/payment-methods", body: card, session: maria.Token,
		status: http.StatusConflict, code: codeTooManyPaymentMethods})

	enroll := client.AutoPayRequest{PaymentMethodID: pm.ID}
	d.send(exchange{method: "POST", route: "/autopay", body: enroll, session: maria.Token, key: "ap-1", status: http.StatusCreated})
	d.send(exchange{method: "POST", route: "/autopay", body: client.AutoPayRequest{PaymentMethodID: "pm_NOSUCH"}, session: maria.Token, key: "ap-2",
		status: http.StatusNotFound, code: client.CodePaymentMethodNotFound})
	d.send(exchange{method: "POST", route: "/autopay", body: client.AutoPayRequest{}, session: maria.Token, key: "ap-3",
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	d.send(exchange{method: "POST", route: "/autopay", body: client.AutoPayRequest{PaymentMethodID: "pm_other"}, session: maria.Token, key: "ap-1",
		status: http.StatusUnprocessableEntity, code: client.CodeIdempotencyConflict})
	d.send(exchange{method: "POST", route: "/autopay", body: enroll, session: maria.Token, key: strings.Repeat("k", 256), breaks: true,
		status: http.StatusBadRequest, code: codeInvalidIdempotencyKey})
}

// delivery switches pat to e-billing by the emailed link, and back to paper.
func (d *prismDriver) delivery(pat client.Session) {
	d.send(exchange{method: "PUT", route: "/bill-delivery", body: client.BillDeliveryRequest{Method: client.DeliveryEmail}, session: pat.Token,
		status: http.StatusAccepted})
	d.send(exchange{method: "POST", route: "/bill-delivery/verification-email", session: pat.Token, status: http.StatusAccepted})
	var outbox struct{ Messages []client.OutboxMessage }
	d.decode(d.send(exchange{method: "GET", route: "/demo/outbox", status: http.StatusOK}), &outbox)
	link := outbox.Messages[len(outbox.Messages)-1].Link
	d.send(exchange{method: "GET", route: "/demo/verify/" + paramSuffix, param: link[strings.LastIndexByte(link, '/')+1:], status: http.StatusOK})
	d.send(exchange{method: "GET", route: "/demo/verify/" + paramSuffix, param: "NOSUCHTOKEN", status: http.StatusNotFound, code: client.CodeNotFound})
	d.send(exchange{method: "PUT", route: "/bill-delivery", body: client.BillDeliveryRequest{Method: client.DeliveryPaper}, session: pat.Token,
		status: http.StatusAccepted})
	d.send(exchange{method: "POST", route: "/bill-delivery/verification-email", session: pat.Token,
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	d.send(exchange{method: "PUT", route: "/bill-delivery", body: map[string]string{"method": "fax"}, session: pat.Token, breaks: true,
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
}

// payments pays once, then locks the kiosk's lookups with wrong numbers: the
// payment after that is refused with 429 too.
func (d *prismDriver) payments() {
	d.send(exchange{method: "POST", route: "/one-time-payments", body: payment(2500), key: "pay-1", status: http.StatusCreated})
	d.send(exchange{method: "POST", route: "/one-time-payments", body: payment(2600), key: "pay-1",
		status: http.StatusUnprocessableEntity, code: client.CodeIdempotencyConflict})
	bad := payment(2500)
	bad.Email = "pat@example"
	d.send(exchange{method: "POST", route: "/one-time-payments", body: bad, key: "pay-2",
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	d.send(exchange{method: "POST", route: "/one-time-payments", body: payment(2500), key: strings.Repeat("k", 256), breaks: true,
		status: http.StatusBadRequest, code: codeInvalidIdempotencyKey})
	wrong := payment(2500)
	wrong.PostalCode = "97504"
	d.send(exchange{method: "POST", route: "/one-time-payments", body: wrong, key: "pay-3", status: http.StatusNotFound, code: client.CodeAccountNotFound})
	for range failureLimit - 2 { // the lookup's and the payment's wrong numbers count too
		d.send(exchange{method: "POST", route: "/accounts/lookup", body: client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97504"},
			status: http.StatusNotFound, code: client.CodeAccountNotFound})
	}
	d.send(exchange{method: "POST", route: "/accounts/lookup", body: client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97501"},
		status: http.StatusTooManyRequests, code: client.CodeRateLimited})
	d.send(exchange{method: "POST", route: "/one-time-payments", body: payment(2500), key: "pay-4",
		status: http.StatusTooManyRequests, code: client.CodeRateLimited})
	d.clock.Advance(failureWindow)
	d.send(exchange{method: "POST", route: "/one-time-payments", body: payment(2500), key: "pay-4", status: http.StatusCreated})
	d.cardPayments()
}

// cardPayments records payments a card terminal took, against the account a
// lookup found: with and without a receipt email, replayed, refused, unknown.
func (d *prismDriver) cardPayments() {
	var found client.AccountSummary
	d.decode(d.send(exchange{method: "POST", route: "/accounts/lookup", body: client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97501"},
		status: http.StatusOK}), &found)
	paid := client.CardPaymentRequest{AccountRef: found.AccountRef, AmountCents: 2500, Email: "pat@example.com", Card: *chargedCard()}
	d.send(exchange{method: "POST", route: "/card-payments", body: paid, key: "card-1", status: http.StatusCreated})
	recovered := paid
	recovered.Email = ""
	d.send(exchange{method: "POST", route: "/card-payments", body: recovered, key: "card-2", status: http.StatusCreated})
	d.send(exchange{method: "POST", route: "/card-payments", body: recovered, key: "card-1",
		status: http.StatusUnprocessableEntity, code: client.CodeIdempotencyConflict})
	bad := paid
	bad.Card.Brand = "jcb"
	d.send(exchange{method: "POST", route: "/card-payments", body: bad, key: "card-3", breaks: true,
		status: http.StatusUnprocessableEntity, code: client.CodeValidationFailed})
	d.send(exchange{method: "POST", route: "/card-payments", body: paid, key: strings.Repeat("k", 256), breaks: true,
		status: http.StatusBadRequest, code: codeInvalidIdempotencyKey})
	unknown := paid
	unknown.AccountRef = "acct-unknown"
	d.send(exchange{method: "POST", route: "/card-payments", body: unknown, key: "card-4",
		status: http.StatusNotFound, code: client.CodeAccountNotFound})
}

// everyRouteFails sends each route a wrong kiosk key, and each route of a
// signed-in customer a session the portal does not know, then makes it fail
// with 500 and 503 (faults act before the portal looks at the request).
func (d *prismDriver) everyRouteFails() {
	for _, rt := range routes {
		x := exchange{method: rt.method, route: rt.pattern, param: "tok", session: "NOSUCHSESSION", key: "fail", breaks: true}
		if rt.auth != authNone {
			wrongKey := x
			wrongKey.kioskKey, wrongKey.status, wrongKey.code = "wrong-key", http.StatusUnauthorized, client.CodeUnauthorized
			d.send(wrongKey)
		}
		if rt.auth == authSession {
			ended := x
			ended.status, ended.code = http.StatusUnauthorized, client.CodeSessionInvalid
			d.send(ended)
		}
		for status, code := range map[int]string{http.StatusInternalServerError: client.CodeInternal, http.StatusServiceUnavailable: client.CodeUnavailable} {
			d.sim.SetFault(rt.method+" "+rt.pattern, Fault{Status: status, Times: 1})
			failed := x
			failed.status, failed.code = status, code
			d.send(failed)
		}
	}
}

// lookupRef finds an account and returns its reference.
func (d *prismDriver) lookupRef(number, zip string) string {
	var found client.AccountSummary
	d.decode(d.send(exchange{method: "POST", route: "/accounts/lookup",
		body: client.LookupRequest{AccountNumber: number, PostalCode: zip}, status: http.StatusOK}), &found)
	return found.AccountRef
}

func (d *prismDriver) decode(body []byte, v any) {
	d.t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		d.t.Fatalf("decode %s: %v", body, err)
	}
}
