package client

import (
	"regexp"
	"slices"
	"strings"

	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/translations"
)

// A 2xx answer is believed only when it holds what docs/portal-api.yaml says it
// must: every required field present and sane. A broken portal, a proxy or an
// attacker answering 201 {} must not become an empty receipt or an empty session.
// Fields the contract does not know are ignored, so the portal may add some.

// checkedAnswer is an answer whose contract the client checks.
type checkedAnswer interface {
	// required lists the JSON names the answer must hold, not null.
	required() []string
	// problem says what is insane in the decoded answer, in the client's own
	// words (never the portal's): "" when nothing is.
	problem() string
}

// accepted is the answer of the calls the portal only acknowledges (202).
type accepted struct {
	Status string `json:"status"`
}

func (a *accepted) required() []string { return []string{"status"} }

func (a *accepted) problem() string {
	if a.Status != "accepted" {
		return "status is not accepted"
	}
	return ""
}

func (h *Health) required() []string { return []string{"status", "terms_version"} }

func (h *Health) problem() string {
	switch {
	case h.Status != "ok":
		return "status is not ok"
	case h.TermsVersion == "":
		return "terms_version is empty"
	}
	return ""
}

func (t *Terms) required() []string { return []string{"version", "lang", "title", "text"} }

func (t *Terms) problem() string {
	switch {
	case t.Version == "", t.Title == "", t.Text == "":
		return "version, title or text is empty"
	case !slices.Contains(translations.Languages, t.Lang):
		return "lang is not a language of the kiosk's"
	}
	return ""
}

func (s *AccountSummary) required() []string {
	return []string{"account_ref", "service_address", "registered", "legacy_autopay", "legacy_paperless",
		"amount_due_cents", "due_date"}
}

func (s *AccountSummary) problem() string {
	switch {
	case s.AccountRef == "":
		return "account_ref is empty"
	case !displayable(s.ServiceAddress):
		return "service_address cannot be shown"
	}
	return amountProblem(s.AmountDueCents)
}

// maxDisplayText is the longest text from the portal the kiosk shows: a
// service address is a line.
const maxDisplayText = 120

// displayable reports whether text from the portal may be shown and spoken: the
// rules for what a visitor types (validate.UnusualText: no bidi controls, NUL,
// line breaks or other controls), symbols allowed (the address's "•"), no
// longer than maxDisplayText.
func displayable(s string) bool {
	return len(s) <= maxDisplayText && !validate.UnusualText(s, true)
}

// amountProblem is what is wrong with an amount due the kiosk would show and
// offer to pay: below zero, or above what one payment may be.
func amountProblem(cents int64) string {
	switch {
	case cents < 0:
		return "amount_due_cents is negative"
	case cents > validate.MaxPaymentCents:
		return "amount_due_cents is above the payment maximum"
	}
	return ""
}

// minSessionToken is the contract's shortest session token.
const minSessionToken = 16

func (s *Session) required() []string { return []string{"session_token", "expires_at"} }

func (s *Session) problem() string {
	switch {
	case len(s.Token) < minSessionToken:
		return "session_token is too short"
	case !headerSafe(s.Token):
		return "session_token does not fit in a header"
	case s.ExpiresAt.IsZero():
		return "expires_at is missing"
	}
	return ""
}

// headerSafe reports whether s is printable ASCII without spaces: what the
// kiosk sends back in a header.
func headerSafe(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return r < 0x21 || r > 0x7e })
}

func (a *AutoPay) required() []string { return []string{"status"} }

func (a *AutoPay) problem() string {
	if a.Status != AutoPayOff && a.Status != AutoPayActive {
		return "autopay status is neither off nor active"
	}
	return ""
}

func (d *BillDelivery) required() []string { return []string{"method", "status"} }

func (d *BillDelivery) problem() string {
	switch {
	case d.Email != "" && !isEmail(d.Email):
		return "bill delivery email is not an email address"
	case d.Method != DeliveryPaper && d.Method != DeliveryEmail:
		return "bill delivery method is neither paper nor email"
	case d.Status != DeliveryActive && d.Status != DeliveryPendingVerification:
		return "bill delivery status is unknown"
	}
	return ""
}

// isEmail reports whether s is an email as the kiosk accepts one typed: the
// kiosk shows and speaks it.
func isEmail(s string) bool {
	_, c := validate.Email(s)
	return c == validate.OK
}

// brandsOf are the brands the contract allows, by kind of payment method.
var brandsOf = map[string][]string{
	KindCard: {"visa", "mastercard", "discover", "amex"},
	KindBank: {BankChecking, BankSavings},
}

// fourDigits is the contract's last4.
var fourDigits = regexp.MustCompile(`^[0-9]{4}$`)

func (m *PaymentMethod) required() []string { return []string{"id", "kind", "brand", "last4"} }

func (m *PaymentMethod) problem() string {
	brands, kindKnown := brandsOf[m.Kind]
	switch {
	case m.ID == "":
		return "payment method id is empty"
	case !kindKnown:
		return "payment method kind is unknown"
	case !slices.Contains(brands, m.Brand):
		return "payment method brand is unknown for its kind"
	case !fourDigits.MatchString(m.Last4):
		return "payment method last4 is not four digits"
	}
	return ""
}

func (a *Account) required() []string {
	return []string{"account_ref", "service_address", "email", "amount_due_cents", "due_date", "autopay",
		"bill_delivery", "payment_methods"}
}

func (a *Account) problem() string {
	switch {
	case a.AccountRef == "":
		return "account_ref is empty"
	case !displayable(a.ServiceAddress):
		return "service_address cannot be shown"
	case !isEmail(a.Email):
		return "email is not an email address"
	}
	if p := amountProblem(a.AmountDueCents); p != "" {
		return p
	}
	if p := a.AutoPay.problem(); p != "" {
		return p
	}
	if p := a.BillDelivery.problem(); p != "" {
		return p
	}
	for i := range a.PaymentMethods {
		if p := a.PaymentMethods[i].problem(); p != "" {
			return p
		}
	}
	return ""
}

// confirmationNumber is the contract's pattern: the number is shown to the
// visitor, so nothing else the portal might put there is.
var confirmationNumber = regexp.MustCompile(`^MW-[A-Z0-9]{8}$`)

func (r *Receipt) required() []string {
	return []string{"confirmation_number", "amount_cents"}
}

func (r *Receipt) problem() string {
	switch {
	case !confirmationNumber.MatchString(r.ConfirmationNumber):
		return "confirmation_number is not one"
	case r.AmountCents <= 0:
		return "amount_cents is not positive"
	}
	return ""
}

func (o *outbox) required() []string { return []string{"messages"} }

func (o *outbox) problem() string { return "" }

// Checks of an answer against its request, for the calls whose answer must
// repeat what was asked.

// receiptFor checks that a receipt is for the payment asked: its amount, and the
// email the visitor typed (the receipt shows it, so it must not be someone else's).
func receiptFor(r *Receipt, req OneTimePaymentRequest) string {
	return receiptMatches(r, req.AmountCents, req.Email)
}

// receiptMatches checks a receipt's amount and email against those asked.
func receiptMatches(r *Receipt, cents int64, email string) string {
	switch {
	case r.AmountCents != cents:
		return "amount_cents is not the amount asked"
	case !strings.EqualFold(strings.TrimSpace(r.ReceiptEmail), strings.TrimSpace(email)):
		return "receipt_email is not the email asked"
	}
	return ""
}

// cardReceiptFor checks that a card payment's receipt is for the payment
// recorded: its amount, and the email asked for, if any.
func cardReceiptFor(r *Receipt, req CardPaymentRequest) string {
	return receiptMatches(r, req.AmountCents, req.Email)
}

// methodFor checks that a stored payment method is the one sent: its kind and
// the last four digits of its number.
func methodFor(m *PaymentMethod, p PaymentDetails) string {
	kind, number := KindBank, ""
	switch {
	case p.Card != nil:
		kind, number = KindCard, p.Card.Last4
	case p.Bank != nil:
		number = p.Bank.AccountNumber
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, number)
	switch {
	case m.Kind != kind:
		return "payment method kind is not the one sent"
	case len(digits) >= 4 && m.Last4 != digits[len(digits)-4:]:
		return "payment method last4 is not the number sent"
	}
	return ""
}

// enrolmentFor checks that an AutoPay enrolment is active with the method asked
// and says when the first draft is.
func enrolmentFor(a *AutoPay, req AutoPayRequest) string {
	switch {
	case a.Status != AutoPayActive:
		return "autopay is not active"
	case a.PaymentMethodID != req.PaymentMethodID:
		return "autopay payment_method_id is not the one asked"
	case a.FirstDraftDate == nil:
		return "autopay first_draft_date is missing"
	}
	return ""
}

// deliveryFor checks that bill delivery was switched to the method asked.
func deliveryFor(d *BillDelivery, method string) string {
	if d.Method != method {
		return "bill delivery method is not the one asked"
	}
	return ""
}
