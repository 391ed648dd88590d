// Package receipt is the printed proof of a visit: what it says, in the
// visitor's language, and its layout as a PDF for receipt paper. It never holds
// a full account, card or bank number, nor a password: payment methods are
// known by a Last4, which only four digits can make.
package receipt

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/internal/config"
)

// Receipt is one visit's printout: when and where it was printed, for which
// utility, and what the visitor did.
type Receipt struct {
	At      time.Time      // printed in the utility's time zone
	KioskID string         // config kiosk_id
	Utility config.Utility // name, portal address, phone, office hours, time zone
	Items   []Item         // what was done, in the order it was done
	// Account is the last four digits of the visit's account number, so staff
	// can match the paper to the account; the zero Last4 prints no account line.
	Account  Last4
	Practice Practice // a demo's or a training's receipt says so across its top
}

// Practice says whether a receipt comes from a kiosk serving real customers.
type Practice int

// The kinds of visit a receipt can come from. A demo's or a training's receipt
// is printed from a practice portal: it says so at its top, so nobody takes it
// for proof of a real payment.
const (
	Real Practice = iota
	Demo
	Training
)

// Item is one thing the visitor did: Registered, AutoPayOn, EBillingPending or
// Paid (its methods are unexported, so no other type can be one).
type Item interface {
	check() error            // refuses a field that is not what it claims to be
	lines(w *words) []string // the item in words, a line each
	// Private is the visitor's values the item prints (emails, a confirmation
	// number, last four digits), for speech to keep off a loudspeaker.
	Private() []string
}

// Registered: the visitor made a portal login for Email.
type Registered struct{ Email string }

// AutoPayOn: AutoPay now pays each bill with Method, the first time on From
// (the zero Date when the portal did not say). AfterPaidBill says the current
// bill is already paid, so From is the next bill's: the receipt says so, lest a
// payment and a draft read as two charges for one bill.
type AutoPayOn struct {
	From          client.Date
	Method        Method
	AfterPaidBill bool
}

// EBillingPending: bills go by email once the visitor opens the link sent to Email.
type EBillingPending struct{ Email string }

// Paid: a one-time payment went through.
type Paid struct {
	AmountCents  int64
	Confirmation string // the portal's confirmation number
	Method       Method
	ReceiptEmail string // where the portal emailed its receipt; "" when it did not say
}

// MethodKind says whether a payment method is a card or a bank account.
type MethodKind int

// The kinds of payment method.
const (
	Card MethodKind = iota + 1
	Bank
)

// Method is a payment method as a receipt names it: its kind and last four digits.
type Method struct {
	Kind  MethodKind
	Last4 Last4
}

// Last4 is the last four digits of a number. Only ParseLast4 and LastFourOf
// make one, so a receipt can hold no more of a card or bank account number.
type Last4 struct{ digits string }

var fourDigits = regexp.MustCompile(`^[0-9]{4}$`)

// ParseLast4 accepts exactly four digits, and refuses anything longer: a full
// number passed by mistake is an error, never a printout.
func ParseLast4(s string) (Last4, error) {
	if !fourDigits.MatchString(s) {
		return Last4{}, errors.New("receipt: last four digits must be exactly 4 digits")
	}
	return Last4{s}, nil
}

// LastFourOf keeps the last four digits of a full number (spaces and hyphens
// ignored) and forgets the rest.
func LastFourOf(number string) (Last4, error) {
	return ParseLast4(validate.Last4(number))
}

// String is the four digits.
func (l Last4) String() string { return l.digits }

// confirmationPattern is a portal confirmation number such as "MW-7KQ2ZP4D".
var confirmationPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]{2,39}$`)

// longDigitRun is nine digits or more in a row (hyphens taken out first): a
// utility account number (8+7 digits), a card (13–19) or most bank accounts,
// never a confirmation number.
var longDigitRun = regexp.MustCompile(`[0-9]{9,}`)

// The checks below name the field at fault and never echo its value: an error
// may be logged, and the value may be the very number that must not leak.

// Private is the email the login was made for.
func (r Registered) Private() []string { return []string{r.Email} }

// Private is the email the link went to.
func (e EBillingPending) Private() []string { return []string{e.Email} }

// Private is the method's last four digits.
func (a AutoPayOn) Private() []string { return []string{a.Method.Last4.String()} }

// Private is the confirmation number, the method's last four digits and the
// receipt's email.
func (p Paid) Private() []string {
	return []string{p.Confirmation, p.Method.Last4.String(), p.ReceiptEmail}
}

func (r Registered) check() error      { return checkEmail("registered email", r.Email) }
func (e EBillingPending) check() error { return checkEmail("e-billing email", e.Email) }
func (a AutoPayOn) check() error       { return a.Method.check() }

func (p Paid) check() error {
	if p.AmountCents <= 0 {
		return errors.New("receipt: a payment needs an amount above zero")
	}
	if !confirmationPattern.MatchString(p.Confirmation) || longDigitRun.MatchString(strings.ReplaceAll(p.Confirmation, "-", "")) {
		return errors.New("receipt: the confirmation number is not one (letters, digits and '-', no long run of digits)")
	}
	if p.ReceiptEmail != "" {
		if err := checkEmail("payment receipt email", p.ReceiptEmail); err != nil {
			return err
		}
	}
	return p.Method.check()
}

func (m Method) check() error {
	if m.Kind != Card && m.Kind != Bank {
		return errors.New("receipt: a payment method must be a card or a bank account")
	}
	if m.Last4.digits == "" {
		return errors.New("receipt: a payment method needs its last four digits")
	}
	return nil
}

func checkEmail(field, email string) error {
	if _, code := validate.Email(email); code != validate.OK {
		return fmt.Errorf("receipt: the %s is not an email address", field)
	}
	return nil
}

// check refuses a receipt with nothing done or anything malformed.
func (r Receipt) check() error {
	if len(r.Items) == 0 {
		return errors.New("receipt: nothing was done in this visit")
	}
	for _, item := range r.Items {
		if item == nil {
			return errors.New("receipt: an empty item")
		}
		if err := item.check(); err != nil {
			return err
		}
	}
	return nil
}
