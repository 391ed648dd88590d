package client

import (
	"context"
	"net/http"
)

// Health asks whether the portal is up and which terms version is current.
func (c *Client) Health(ctx context.Context) (Health, error) {
	var h Health
	err := c.do(ctx, call{name: CallHealth, method: http.MethodGet, route: "/health", out: &h})
	return h, err
}

// Terms fetches the Terms and Conditions in lang ("en" or "es"; "" = en).
func (c *Client) Terms(ctx context.Context, lang string) (Terms, error) {
	var t Terms
	k := call{name: CallTerms, method: http.MethodGet, route: "/terms", out: &t}
	if lang != "" {
		k.query = map[string]string{"lang": lang}
	}
	err := c.do(ctx, k)
	return t, err
}

// Lookup finds an account by number and service ZIP (Find My Account).
// It is a POST without an Idempotency-Key, so it is never retried.
func (c *Client) Lookup(ctx context.Context, req LookupRequest) (AccountSummary, error) {
	var s AccountSummary
	err := c.do(ctx, call{name: CallLookup, method: http.MethodPost, route: "/accounts/lookup", body: req, out: &s})
	return s, err
}

// Register creates the online login of a found account and signs it in.
// With a non-empty idempotencyKey the request may be retried safely.
func (c *Client) Register(ctx context.Context, req RegistrationRequest, idempotencyKey string) (Session, error) {
	var s Session
	err := c.do(ctx, call{name: CallRegister, method: http.MethodPost, route: "/registrations",
		idempotencyKey: idempotencyKey, body: req, out: &s})
	return s, err
}

// SignIn starts a customer session. It is never retried.
func (c *Client) SignIn(ctx context.Context, req SignInRequest) (Session, error) {
	var s Session
	err := c.do(ctx, call{name: CallSignIn, method: http.MethodPost, route: "/sessions", body: req, out: &s})
	return s, err
}

// SignOut revokes the customer session.
func (c *Client) SignOut(ctx context.Context, sessionToken string) error {
	return c.do(ctx, call{name: CallSignOut, method: http.MethodDelete, route: "/sessions/current", session: sessionToken})
}

// RequestPasswordReset asks the portal to email a password-reset link.
// The portal answers the same whether or not the email is known.
func (c *Client) RequestPasswordReset(ctx context.Context, email string) error {
	return c.do(ctx, call{name: CallPasswordReset, method: http.MethodPost, route: "/password-resets",
		body: PasswordResetRequest{Email: email}, out: new(accepted)})
}

// Account fetches the signed-in customer's account.
func (c *Client) Account(ctx context.Context, sessionToken string) (Account, error) {
	var a Account
	err := c.do(ctx, call{name: CallAccount, method: http.MethodGet, route: "/account", session: sessionToken, out: &a})
	return a, err
}

// AddPaymentMethod stores a card or bank account for the signed-in customer.
func (c *Client) AddPaymentMethod(ctx context.Context, sessionToken string, p PaymentDetails, idempotencyKey string) (PaymentMethod, error) {
	var m PaymentMethod
	err := c.do(ctx, call{name: CallAddPaymentMethod, method: http.MethodPost, route: "/payment-methods", session: sessionToken,
		idempotencyKey: idempotencyKey, body: p, out: &m, matches: func() string { return methodFor(&m, p) }})
	return m, err
}

// EnrollAutoPay enrolls the signed-in customer in AutoPay (key required by the portal).
func (c *Client) EnrollAutoPay(ctx context.Context, sessionToken string, req AutoPayRequest, idempotencyKey string) (AutoPay, error) {
	var a AutoPay
	err := c.do(ctx, call{name: CallEnrollAutoPay, method: http.MethodPost, route: "/autopay", session: sessionToken,
		idempotencyKey: idempotencyKey, body: req, out: &a, matches: func() string { return enrolmentFor(&a, req) }})
	return a, err
}

// SetBillDelivery switches bill delivery to DeliveryPaper or DeliveryEmail.
// Email delivery stays pending until the customer follows the emailed link.
func (c *Client) SetBillDelivery(ctx context.Context, sessionToken, method string) (BillDelivery, error) {
	var d BillDelivery
	err := c.do(ctx, call{name: CallSetBillDelivery, method: http.MethodPut, route: "/bill-delivery", session: sessionToken,
		body: BillDeliveryRequest{Method: method}, out: &d, matches: func() string { return deliveryFor(&d, method) }})
	return d, err
}

// ResendVerificationEmail sends the e-billing verification email again.
func (c *Client) ResendVerificationEmail(ctx context.Context, sessionToken string) (BillDelivery, error) {
	var d BillDelivery
	err := c.do(ctx, call{name: CallVerificationEmail, method: http.MethodPost, route: "/bill-delivery/verification-email",
		session: sessionToken, out: &d})
	return d, err
}

// PayOnce makes a one-time payment without signing in (key required by the portal).
func (c *Client) PayOnce(ctx context.Context, req OneTimePaymentRequest, idempotencyKey string) (Receipt, error) {
	var r Receipt
	err := c.do(ctx, call{name: CallPayOnce, method: http.MethodPost, route: "/one-time-payments",
		idempotencyKey: idempotencyKey, body: req, out: &r, matches: func() string { return receiptFor(&r, req) }})
	return r, err
}

// RecordCardPayment tells the portal of a payment the kiosk's card terminal
// took. idempotencyKey is the one journalled before the terminal was asked: a
// replay after a restart records the payment once.
func (c *Client) RecordCardPayment(ctx context.Context, req CardPaymentRequest, idempotencyKey string) (Receipt, error) {
	var r Receipt
	err := c.do(ctx, call{name: CallCardPayment, method: http.MethodPost, route: "/card-payments",
		idempotencyKey: idempotencyKey, body: req, out: &r, matches: func() string { return cardReceiptFor(&r, req) }})
	return r, err
}

// SendHeartbeat reports the kiosk's status to the fleet monitor. Never retried.
func (c *Client) SendHeartbeat(ctx context.Context, hb Heartbeat) error {
	return c.do(ctx, call{name: CallHeartbeat, method: http.MethodPost, route: "/kiosk/heartbeat", body: hb, out: new(accepted)})
}

// outbox is the answer of GET /demo/outbox.
type outbox struct {
	Messages []OutboxMessage `json:"messages"`
}

// Outbox lists the emails the simulator "sent" (simulator only: the real
// portal answers 404).
func (c *Client) Outbox(ctx context.Context) ([]OutboxMessage, error) {
	var o outbox
	err := c.do(ctx, call{name: CallOutbox, method: http.MethodGet, route: "/demo/outbox", out: &o})
	return o.Messages, err
}
