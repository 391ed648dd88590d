package client

import (
	"encoding/json"
	"fmt"
	"maps"
	"time"
)

// BasePath is the prefix of every portal route.
const BasePath = "/api/kiosk/v1"

// Header names of the contract.
const (
	HeaderCustomerSession = "X-Customer-Session"
	HeaderIdempotencyKey  = "Idempotency-Key"
)

// Error codes: the stable "code" of an ErrorBody. Documented in docs/portal-api.yaml.
const (
	CodeAccountNotFound       = "account_not_found"
	CodeRateLimited           = "rate_limited"
	CodeUnauthorized          = "unauthorized"    // bad or missing kiosk key
	CodeSessionInvalid        = "session_invalid" // customer session missing, expired or revoked
	CodeBadCredentials        = "bad_credentials"
	CodeEmailTaken            = "email_taken"
	CodeAlreadyRegistered     = "already_registered"
	CodeValidationFailed      = "validation_failed" // 422; details in Fields
	CodeIdempotencyConflict   = "idempotency_conflict"
	CodePaymentMethodNotFound = "payment_method_not_found"
	CodeNotFound              = "not_found" // unknown route
	CodeMethodNotAllowed      = "method_not_allowed"
	CodeUnavailable           = "unavailable"
	CodeInternal              = "internal"

	// CodeUnknown stands for a code the contract does not have: the client
	// keeps no code it does not know, so none can carry the server's text.
	CodeUnknown = "unknown"
)

// ErrorBody is the JSON body of every portal error response.
type ErrorBody struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"` // field name -> validate code
}

// Date is a calendar date without a time of day, sent as "2006-01-02". Which
// date an instant falls on is the utility's zone's to say (dates.go).
type Date struct{ time.Time }

// String formats the date as YYYY-MM-DD.
func (d Date) String() string { return d.Format(time.DateOnly) }

// MarshalJSON writes the date as a JSON string "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a JSON string "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date: %w", err)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("date: %w", err)
	}
	d.Time = t
	return nil
}

// Health is the answer of GET /health.
type Health struct {
	Status       string `json:"status"` // "ok"
	TermsVersion string `json:"terms_version"`
}

// Terms is the answer of GET /terms?lang=en|es.
type Terms struct {
	Version string `json:"version"`
	Lang    string `json:"lang"`
	Title   string `json:"title"`
	Text    string `json:"text"`
}

// LookupRequest is the body of POST /accounts/lookup.
type LookupRequest struct {
	AccountNumber string `json:"account_number"` // "00065821-0672430"
	PostalCode    string `json:"postal_code"`
}

// AccountSummary is the account found by a lookup.
type AccountSummary struct {
	AccountRef      string `json:"account_ref"`     // opaque
	ServiceAddress  string `json:"service_address"` // masked, e.g. "•••• W Main St"
	Registered      bool   `json:"registered"`
	LegacyAutoPay   bool   `json:"legacy_autopay"`
	LegacyPaperless bool   `json:"legacy_paperless"`
	AmountDueCents  int64  `json:"amount_due_cents"`
	DueDate         Date   `json:"due_date"`
}

// RegistrationRequest is the body of POST /registrations.
type RegistrationRequest struct {
	AccountRef   string `json:"account_ref"`
	Email        string `json:"email"`
	Password     string `json:"password"`
	TermsVersion string `json:"terms_version"`
}

// SignInRequest is the body of POST /sessions.
type SignInRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Session is a customer session: the answer of POST /registrations and POST /sessions.
type Session struct {
	Token     string    `json:"session_token"`
	ExpiresAt time.Time `json:"expires_at"`
}

// PasswordResetRequest is the body of POST /password-resets.
type PasswordResetRequest struct {
	Email string `json:"email"`
}

// AutoPay states.
const (
	AutoPayOff    = "off"
	AutoPayActive = "active"
)

// AutoPay is the AutoPay enrolment of an account.
type AutoPay struct {
	Status          string `json:"status"`
	PaymentMethodID string `json:"payment_method_id,omitempty"`
	FirstDraftDate  *Date  `json:"first_draft_date,omitempty"`
}

// Bill delivery methods and states.
const (
	DeliveryPaper = "paper"
	DeliveryEmail = "email"

	DeliveryActive              = "active"
	DeliveryPendingVerification = "pending_verification"
)

// BillDelivery is how the bill reaches the customer.
type BillDelivery struct {
	Method string `json:"method"`
	Status string `json:"status"`
	Email  string `json:"email,omitempty"`
}

// Payment method kinds.
const (
	KindBank = "bank"
	KindCard = "card"
)

// PaymentMethod is a stored payment method, masked.
type PaymentMethod struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Brand string `json:"brand"` // "visa", "mastercard", "discover", "amex" or the bank account type
	Last4 string `json:"last4"`
}

// Account is the signed-in customer's account: GET /account.
type Account struct {
	AccountRef     string          `json:"account_ref"`
	ServiceAddress string          `json:"service_address"`
	Email          string          `json:"email"`
	AmountDueCents int64           `json:"amount_due_cents"`
	DueDate        Date            `json:"due_date"`
	AutoPay        AutoPay         `json:"autopay"`
	BillDelivery   BillDelivery    `json:"bill_delivery"`
	PaymentMethods []PaymentMethod `json:"payment_methods"`
}

// Bank account types.
const (
	BankChecking = "checking"
	BankSavings  = "savings"
)

// BankAccount is a bank account as typed by the visitor.
type BankAccount struct {
	HolderName    string `json:"holder_name"`
	RoutingNumber string `json:"routing_number"`
	AccountNumber string `json:"account_number"`
	AccountType   string `json:"account_type"`
}

// Card is a card the kiosk's payment terminal read (docs/payments.md): the
// kiosk never sees its number, so the portal never gets one from it. A one-time
// payment carries the terminal's approved transaction (Reference); a payment
// method saved for AutoPay carries the terminal's token for the card (Token).
type Card struct {
	POIID         string `json:"poi_id"`              // the terminal that read it
	TransactionID string `json:"transaction_id"`      // the kiosk's ID of the terminal transaction
	Reference     string `json:"reference,omitempty"` // the terminal's own ID of an approved payment
	Token         string `json:"token,omitempty"`     // stands for the card, for later charges
	Brand         string `json:"brand"`               // "visa", "mastercard", "discover" or "amex"
	Last4         string `json:"last4"`
}

// PaymentDetails holds exactly one of Bank or Card: the body of POST /payment-methods
// and the "payment" of a one-time payment.
type PaymentDetails struct {
	Bank *BankAccount `json:"bank,omitempty"`
	Card *Card        `json:"card,omitempty"`
}

// AutoPayRequest is the body of POST /autopay.
type AutoPayRequest struct {
	PaymentMethodID string `json:"payment_method_id"`
}

// BillDeliveryRequest is the body of PUT /bill-delivery.
type BillDeliveryRequest struct {
	Method string `json:"method"`
}

// OneTimePaymentRequest is the body of POST /one-time-payments (no sign-in needed).
type OneTimePaymentRequest struct {
	AccountNumber string         `json:"account_number"`
	PostalCode    string         `json:"postal_code"`
	Email         string         `json:"email"`
	AmountCents   int64          `json:"amount_cents"`
	Payment       PaymentDetails `json:"payment"`
}

// CardPaymentRequest is the body of POST /card-payments: a payment the kiosk's
// card terminal took, recorded against the account the kiosk looked up.
type CardPaymentRequest struct {
	AccountRef  string `json:"account_ref"`
	AmountCents int64  `json:"amount_cents"`
	Email       string `json:"email,omitempty"` // where the receipt goes; none in a restart's recovery
	Card        Card   `json:"card"`
}

// Receipt is the answer of a one-time payment.
type Receipt struct {
	ConfirmationNumber string `json:"confirmation_number"`
	AmountCents        int64  `json:"amount_cents"`
	ReceiptEmail       string `json:"receipt_email,omitempty"` // absent when no receipt was emailed
}

// Heartbeat is the body of POST /kiosk/heartbeat: fleet status, never personal
// data. The counts cover PeriodSeconds: the time since the last beat the portal
// took, so beats that failed meanwhile (BeatsMissed) are folded into this one.
type Heartbeat struct {
	KioskID       string          `json:"kiosk_id"`
	Version       string          `json:"version"`
	UptimeSeconds int64           `json:"uptime_seconds"`
	PortalOK      bool            `json:"portal_ok"` // the kiosk's last exchange with the portal got an answer
	PeriodSeconds int64           `json:"period_seconds"`
	BeatsMissed   int             `json:"beats_missed"`
	Counts        HeartbeatCounts `json:"counts"`
	Printer       *PrinterStatus  `json:"printer,omitempty"`  // nil: the kiosk has no receipt printer
	Terminal      *TerminalStatus `json:"terminal,omitempty"` // nil: the kiosk has no card terminal
}

// TerminalStatus is the card terminal as the kiosk last saw it: which device
// answers and in what state, so that a swapped one is noticed (PCI DSS 4.0
// §9.5.1), and the card payments the kiosk has yet to settle. Never a card.
type TerminalStatus struct {
	POIID  string `json:"poi_id,omitempty"` // model and serial as the terminal names itself; "" when it never answered
	Serial string `json:"serial,omitempty"`
	State  string `json:"state"` // the terminal's own (OK, Busy, Maintenance, Unavailable…) or "unreachable"
	// SerialChanges counts the times, since the kiosk started, that a terminal
	// with another serial answered than the one it had seen before: a swap.
	SerialChanges int    `json:"serial_changes,omitempty"`
	PreviousPOIID string `json:"previous_poi_id,omitempty"` // the device seen before the last change
	// PendingPayments counts journalled card payments not yet settled: the
	// terminal could not say what became of them, or the portal was not told yet.
	PendingPayments int `json:"pending_payments,omitempty"`
	// RecoveredPayments counts card payments an earlier run left charged but
	// unrecorded, which this run recorded with the portal.
	RecoveredPayments int `json:"recovered_payments,omitempty"`
}

// PrinterStatus is the receipt printer as CUPS saw it when the beat went out:
// words CUPS and the kiosk define, never anything a visitor printed.
type PrinterStatus struct {
	Summary string   `json:"summary"`           // "ready", or why not: paper-out, jammed, offline, unreachable…
	State   string   `json:"state,omitempty"`   // CUPS's printer-state: idle, processing or stopped
	Reasons []string `json:"reasons,omitempty"` // CUPS's printer-state-reasons, e.g. media-empty-error
}

// HeartbeatCounts say how the kiosk was used, never by whom. Every map has a
// small fixed set of keys (journeys, languages, reset triggers, error codes).
type HeartbeatCounts struct {
	VisitsStarted  int            `json:"visits_started"`
	VisitsFinished int            `json:"visits_finished"`  // ended with Finish
	VisitsTimedOut int            `json:"visits_timed_out"` // ended by the idle or visit-length limit
	EndedBy        map[string]int `json:"ended_by,omitempty"`
	Journeys       map[string]int `json:"journeys,omitempty"`  // account_found, registered, signed_in, autopay, ebilling, paid
	Languages      map[string]int `json:"languages,omitempty"` // visits, by the language they ended in
	Errors         map[string]int `json:"errors,omitempty"`    // portal error codes, "unavailable", "timeout", "kiosk_panic"

	// StaffLockouts is how often staff mode was locked after wrong PINs.
	StaffLockouts int `json:"staff_lockouts,omitempty"`
}

// Clone returns a copy that shares no map with c.
func (c HeartbeatCounts) Clone() HeartbeatCounts {
	c.EndedBy, c.Journeys = maps.Clone(c.EndedBy), maps.Clone(c.Journeys)
	c.Languages, c.Errors = maps.Clone(c.Languages), maps.Clone(c.Errors)
	return c
}

// OutboxMessage is an email the simulator "sent": GET /demo/outbox (simulator only).
type OutboxMessage struct {
	ID     string    `json:"id"`
	To     string    `json:"to"`
	Kind   string    `json:"kind"` // "verification" or "password_reset"
	Link   string    `json:"link"`
	SentAt time.Time `json:"sent_at"`
}
