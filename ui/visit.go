package ui

import (
	"context"
	"sync"
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

	mu     sync.Mutex // guards ended and issued, which portal calls' goroutines touch
	ended  bool
	issued []string // session tokens the portal gave this visit (adopt)

	fields   map[fieldID]string
	problems map[fieldID]string // message ID shown beside a field, by field

	account *client.AccountSummary // found by "Find My Account"
	session string                 // customer session token after register or sign-in
	details *client.Account        // the signed-in account (screen_myaccount.go); nil until fetched
	autoPay *autoPayState          // the AutoPay enrolment under way (screen_autopay.go)
	login   loginState             // register and sign-in: terms, idempotency key (screen_register.go)

	startedAt time.Time  // the visitor's first action; zero on an untouched welcome screen
	history   []screenID // screens to go back to, most recent last
	busy      bool       // a portal call is in flight: action buttons are disabled

	pay      *payState    // the one-time payment under way (screen_pay.go)
	outcomes []outcome    // what this visit did, for the Done screen (screen_done.go)
	faqOpen  map[int]bool // the FAQ's answers open on the help screen, by index
}

func newVisit() *visit {
	ctx, cancel := context.WithCancel(context.Background())
	return &visit{ctx: ctx, cancel: cancel, fields: map[fieldID]string{}, problems: map[fieldID]string{}}
}

// end cancels everything in flight and returns every session token the portal
// issued to the visit, for revoking; the visit must not be used afterwards.
func (v *visit) end() []string {
	v.cancel()
	v.mu.Lock()
	defer v.mu.Unlock()
	v.ended = true
	return v.issued
}

// adopt records a session token the portal just issued. It reports false when the
// visit has already ended (a sign-in that landed during a reset): the caller must
// revoke the token, which no screen will ever show.
func (v *visit) adopt(token string) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.ended {
		return false
	}
	v.issued = append(v.issued, token)
	return true
}

// signedIn reports whether the visitor has a customer session.
func (v *visit) signedIn() bool { return v.session != "" }
