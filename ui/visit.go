package ui

import (
	"context"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// fieldID names one thing a visitor can type or choose. Screens read and write the
// visit's fields, never keep values in widgets alone, so any screen can be rebuilt
// (language switch, reset) without losing or leaking what was typed.
type fieldID string

// The visitor's fields.
const (
	fieldAccountNumber fieldID = "account_number"
	fieldPostalCode    fieldID = "postal_code"
	fieldEmail         fieldID = "email"
	fieldEmailAgain    fieldID = "email_again"
	fieldPassword      fieldID = "password"
	fieldTermsAccepted fieldID = "terms_accepted" // "true" when ticked
)

// visit is everything the kiosk holds about the visitor at the screen: one value,
// created when a visitor starts and dropped whole at reset.
type visit struct {
	ctx    context.Context // cancelled at reset: ends every call in flight
	cancel context.CancelFunc

	fields   map[fieldID]string
	problems map[fieldID]string // message ID shown beside a field, by field

	account *client.AccountSummary // found by "Find My Account"
	session string                 // customer session token after register or sign-in
	details *client.Account        // the signed-in account (myaccount.go); nil until fetched
	autoPay *autoPayState          // the AutoPay enrolment under way (autopay.go)
	login   loginState             // register and sign-in: terms, idempotency key (register.go)

	startedAt time.Time  // the visitor's first action; zero on an untouched welcome screen
	history   []screenID // screens to go back to, most recent last
	busy      bool       // a portal call is in flight: action buttons are disabled

	pay      *payState // the one-time payment under way (pay.go)
	outcomes []outcome // what this visit did, for the Done screen (done.go)
}

func newVisit() *visit {
	ctx, cancel := context.WithCancel(context.Background())
	return &visit{ctx: ctx, cancel: cancel, fields: map[fieldID]string{}, problems: map[fieldID]string{}}
}

// end cancels everything in flight; the visit must not be used afterwards.
func (v *visit) end() { v.cancel() }

// signedIn reports whether the visitor has a customer session.
func (v *visit) signedIn() bool { return v.session != "" }
