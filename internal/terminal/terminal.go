// Package terminal is the kiosk's side of a semi-integrated card terminal. The
// kiosk sends the terminal an amount and a reference; a PCI-approved device
// reads the card and talks to the processor; the kiosk gets back an outcome,
// the card's brand and last four, and receipt lines. No card number ever
// passes through the kiosk, which is what keeps it out of PCI DSS scope.
//
// Terminal is what the screens use. Client is its nexo adapter: nexo Retailer
// messages as JSON over local HTTPS, sealed as Adyen's Terminal API local
// integration does (security.go). A cloud terminal API (Stripe Terminal,
// Square) fits the same interface as another adapter; docs/payments.md shows how.
package terminal

import (
	"context"
	"errors"
	"fmt"
	"regexp"
)

// Terminal is a card terminal as the kiosk sees it. Every method may block
// until the visitor acts or ctx ends, so the UI calls it off its own thread.
type Terminal interface {
	// Pay asks for one payment and returns its outcome. When no answer comes,
	// Pay asks the terminal for the transaction's status; it never pays again.
	Pay(ctx context.Context, p Payment) (Result, error)
	// Abort asks the terminal to stop the transaction txID, if it still runs.
	Abort(ctx context.Context, txID string) error
	// Status asks what became of the transaction txID.
	Status(ctx context.Context, txID string) (Result, error)
	// Tokenise reads a card for AutoPay and returns a token for it, never its number.
	Tokenise(ctx context.Context, r TokenRequest) (Token, error)
	// Describe says which terminal answers and in what state, and so proves
	// that it can be reached and that the key verifies.
	Describe(ctx context.Context) (Identity, error)
}

// Payment is one payment the kiosk asks for.
type Payment struct {
	TransactionID  string // the kiosk's own ID, unique per payment: see CheckTransactionID
	AmountCents    int64  // in the smallest unit of the currency, > 0
	AccountRef     string // the account reference the caller gives (never an account number)
	IdempotencyKey string // the key the portal post of this payment will carry
}

// Outcome is what became of a payment: a closed set, so that every screen has
// an answer for each.
type Outcome string

// The outcomes. Only Approved took money.
const (
	Approved          Outcome = "approved"
	Declined          Outcome = "declined"           // refused by the issuer or the terminal (blocked, expired, wrong PIN…)
	InsufficientFunds Outcome = "insufficient_funds" // refused: not enough balance
	CardRemoved       Outcome = "card_removed"       // the card left the reader before the end
	Cancelled         Outcome = "cancelled"          // aborted by the visitor or the kiosk
	Busy              Outcome = "busy"               // the terminal was busy with another transaction; nothing was done
	NotFound          Outcome = "not_found"          // Status: the terminal has no such transaction, so took nothing
	InProgress        Outcome = "in_progress"        // Status: the transaction still runs
)

// Charged reports whether the outcome took money.
func (o Outcome) Charged() bool { return o == Approved }

// Final reports whether the outcome will not change any more.
func (o Outcome) Final() bool { return o != InProgress }

// Result is the terminal's answer about one payment.
type Result struct {
	TransactionID string  // the kiosk's ID of the payment
	Outcome       Outcome // closed set above
	AmountCents   int64   // the authorised amount; 0 unless Approved
	Brand         string  // the card scheme as the terminal names it, e.g. "mc", "visa"
	LastFour      string  // the last four digits of the card, when the terminal gave them
	Reference     string  // the terminal's own transaction ID, for the portal and reconciliation
	Receipt       []string
}

// TokenRequest asks the terminal to read a card for AutoPay.
type TokenRequest struct {
	TransactionID string // unique, like a payment's
	AccountRef    string
}

// Token stands for a card the portal can charge later. It is not a card number.
type Token struct {
	Outcome  Outcome // Approved when the card was read and a token made
	Value    string
	Brand    string
	LastFour string
}

// Identity is which terminal answers and in what state. Serial changes when
// the device is swapped (PCI DSS 4.0 §9.5.1).
type Identity struct {
	POIID  string // e.g. "V400m-123456789": model and serial
	Model  string
	Serial string
	State  string // the terminal's global status, e.g. "OK", "Busy", "Maintenance"
}

// Errors. Their texts never hold a card number, an account or the passphrase.
var (
	// ErrUnreachable: the request was never sent (no route, refused, TLS
	// failed), so the terminal did nothing with it.
	ErrUnreachable = errors.New("terminal: unreachable; the request was not sent")
	// ErrNoAnswer: the request was sent and no valid answer came back.
	ErrNoAnswer = errors.New("terminal: no valid answer")
	// ErrSecurity: an answer whose MAC does not verify or whose key is not ours.
	ErrSecurity = errors.New("terminal: answer fails message security")
	// ErrMismatch: an answer that does not echo the request.
	ErrMismatch = errors.New("terminal: answer does not echo the request")
	// ErrMalformed: an answer that is not one well-formed nexo message.
	ErrMalformed = errors.New("terminal: malformed answer")
	// ErrRejected: the terminal refused the request as it stands (a nexo
	// EventNotification "Reject", or a failure it explains).
	ErrRejected = errors.New("terminal: request rejected")
	// ErrUnresolved: a payment whose outcome recovery could not learn. Its
	// journal entry stays, and the next start asks again.
	ErrUnresolved = errors.New("terminal: payment outcome not yet known")
)

var transactionIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// CheckTransactionID refuses an ID that could not name a journal file or fit a
// nexo field: 1 to 64 letters, digits, '-' or '_'.
func CheckTransactionID(id string) error {
	if !transactionIDPattern.MatchString(id) {
		return errors.New("terminal: a transaction ID is 1 to 64 letters, digits, '-' or '_'")
	}
	return nil
}

// Check refuses a payment the terminal must not be asked for.
func (p Payment) Check() error {
	if err := CheckTransactionID(p.TransactionID); err != nil {
		return err
	}
	if p.AmountCents <= 0 || p.AmountCents > maxAmountCents {
		return fmt.Errorf("terminal: amount must be between 1 and %d cents", maxAmountCents)
	}
	if p.AccountRef == "" || len(p.AccountRef) > 64 {
		return errors.New("terminal: the account reference must be 1 to 64 bytes")
	}
	if p.IdempotencyKey == "" || len(p.IdempotencyKey) > 128 {
		return errors.New("terminal: the idempotency key must be 1 to 128 bytes")
	}
	return nil
}

// maxAmountCents caps one payment at a kiosk ($100,000): more is a typo or an attack.
const maxAmountCents = 100_000_00
