package ui

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
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

	fields   map[fieldID]string // as typed
	values   map[fieldID]string // as their checks normalised them, for the fields that checked out (fieldCheck)
	problems map[fieldID]string // message ID shown beside a field, by field

	account *client.AccountSummary // found by "Find My Account"
	session string                 // customer session token after register or sign-in
	details *client.Account        // the signed-in account (screen_myaccount.go); nil until fetched
	autoPay *autoPayState          // the AutoPay enrolment under way (screen_autopay.go)
	login   loginState             // register and sign-in: terms, idempotency key (screen_register.go)

	// keepPlace: the screen's rebuilds keep the page's scroll and the focus where
	// they are, for an answer that adds to the page rather than moves the visitor
	// on (the Terms and Conditions, fetched from Read).
	keepPlace bool

	startedAt time.Time  // the visitor's first action; zero on an untouched welcome screen
	history   []screenID // screens to go back to, most recent last
	busy      bool       // a portal call is in flight: action buttons are disabled

	pay      *payState    // the one-time payment under way (screen_pay.go)
	outcomes []outcome    // what this visit did, for the Done screen (screen_done.go)
	faqOpen  map[int]bool // the FAQ's answers open on the help screen, by index
}

func newVisit() *visit {
	ctx, cancel := context.WithCancel(context.Background())
	return &visit{ctx: ctx, cancel: cancel, fields: map[fieldID]string{}, values: map[fieldID]string{}, problems: map[fieldID]string{}}
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

// publicFields hold the kiosk's own words (an option chosen, a tick), never the
// visitor's.
var publicFields = map[fieldID]bool{fieldPayKind: true, fieldBankType: true, fieldShowPassword: true, fieldTermsAccepted: true}

// secretFields are never spoken at all (kwidget.Entry.Secret), so they are never
// looked for in what is: a password's "77" is no reason to hide the "77" of the
// utility's phone number, and hiding it there would tell the lobby part of it.
var secretFields = map[fieldID]bool{fieldPassword: true}

// privateValues is everything of the visitor's the kiosk may show: what was typed,
// the account's address and amounts, emails, payment details and confirmation
// numbers. Speech on a loudspeaker never says any of it (speechmode.Speakable and its redaction).
func (v *visit) privateValues() []string {
	var out privateList
	for _, name := range slices.Sorted(maps.Keys(visitPrivacy)) {
		if say := visitPrivacy[name]; say != nil {
			say(v, &out)
		}
	}
	return out
}

// visitPrivacy says, for every field of visit, what of the visitor's it holds,
// which a loudspeaker must never say (privateValues); nil: nothing a loudspeaker
// could say (a context, a flag, the way back, message IDs, a secret never spoken
// at all). TestEveryPieceOfTheVisitSaysWhatIsPrivate fails on a field of visit
// missing here: new visit state is classified the day it is added.
var visitPrivacy = map[string]func(v *visit, out *privateList){
	"ctx": nil, "cancel": nil, "mu": nil, "ended": nil,
	"issued":    nil, // session tokens: never shown
	"problems":  nil, // message IDs
	"session":   nil, // a token: never shown
	"keepPlace": nil, "startedAt": nil, "history": nil, "busy": nil, "faqOpen": nil,
	"fields": func(v *visit, out *privateList) { out.typed(v.fields) },
	"values": func(v *visit, out *privateList) { out.typed(v.values) },
	"account": func(v *visit, out *privateList) {
		if a := v.account; a != nil {
			out.add(strings.Trim(a.ServiceAddress, "• "))
			out.money(a.AmountDueCents)
		}
	},
	"details": func(v *visit, out *privateList) {
		if d := v.details; d != nil {
			out.add(d.Email, d.BillDelivery.Email)
			out.money(d.AmountDueCents)
		}
	},
	"login": func(v *visit, out *privateList) { out.add(v.login.regFor.Email) }, // its password is a secret: never looked for
	"pay": func(v *visit, out *privateList) {
		if p := v.pay; p != nil {
			out.add(p.req.AccountNumber, p.req.PostalCode, p.req.Email)
			out.money(p.req.AmountCents)
			out.payment(p.req.Payment)
			if r := p.receipt; r != nil {
				out.add(r.ConfirmationNumber, r.ReceiptEmail)
				out.money(r.AmountCents)
			}
		}
	},
	"autoPay": func(v *visit, out *privateList) {
		if a := v.autoPay; a != nil {
			out.payment(a.details)
		}
	},
	"outcomes": func(v *visit, out *privateList) {
		for _, o := range v.outcomes {
			for _, value := range o.data {
				if s, ok := value.(string); ok {
					out.add(s)
				}
			}
		}
		// What a spoken receipt says of the visitor: the last four digits of its
		// methods and of the account, long after the numbers typed are forgotten.
		r := receiptOf(v)
		out.add(r.Account.String())
		for _, item := range r.Items {
			out.add(item.Private()...)
		}
	},
}

// privateList gathers a visit's private values.
type privateList []string

func (l *privateList) add(values ...string) {
	for _, s := range values {
		if s != "" {
			*l = append(*l, s)
		}
	}
}

// typed adds what was typed, but for the public fields and the secret ones
// (a password is never looked for in what is said: it is never said).
func (l *privateList) typed(m map[fieldID]string) {
	for id, text := range m {
		if !publicFields[id] && !secretFields[id] {
			l.add(text)
		}
	}
}

func (l *privateList) money(cents int64) {
	if cents > 0 {
		l.add(formatMoney(cents))
	}
}

func (l *privateList) payment(d client.PaymentDetails) {
	if d.Bank != nil {
		l.add(d.Bank.HolderName, d.Bank.RoutingNumber, d.Bank.AccountNumber, validate.Last4(d.Bank.AccountNumber))
	}
	if d.Card != nil && d.Card.Last4 != "" {
		l.add(d.Card.Last4)
	}
}

// check checks the text typed in the field of spec: its validation code, and
// the problem of text no field takes (pasted junk, typedtext.go), "" for none.
// The value it normalised is kept (values) once the field checks out.
func (v *visit) check(spec fieldSpec) (code validate.Code, junk string) {
	text := v.fields[spec.id]
	code, value := validate.OK, text
	junk = typedTextProblem(text, spec.password)
	if junk == "" && spec.check != nil {
		value, code = spec.check(v, text)
	}
	if code == validate.OK && junk == "" {
		v.values[spec.id] = value
	} else {
		delete(v.values, spec.id)
	}
	return code, junk
}

// setProblem records (or clears) the message for a field, by validation code.
func (v *visit) setProblem(id fieldID, code validate.Code) {
	if code == validate.OK {
		delete(v.problems, id)
		return
	}
	v.problems[id] = "field." + string(code)
}

// outcomeKind is one thing a visit can do, as a typed code: the Done screen's
// words and the heartbeat's journey both come from it (outcomeKinds), so neither
// can miss a kind the other knows.
type outcomeKind int

const (
	outcomeRegistered      outcomeKind = iota + 1
	outcomeAutoPay                     // AutoPay on, its first draft the bill now due
	outcomeAutoPayNextBill             // AutoPay on from the next bill (the current one is paid)
	outcomeAutoPayFrom                 // AutoPay on from a date after the current bill's
	outcomeEBillingPending
	outcomePaid
)

// outcomeKinds are each kind's words on the Done screen and journey in the
// heartbeat's counts.
var outcomeKinds = map[outcomeKind]struct{ messageID, journey string }{
	outcomeRegistered:      {"done.registered", "registered"},
	outcomeAutoPay:         {"done.autopay", "autopay"},
	outcomeAutoPayNextBill: {"done.autopay_next_bill", "autopay"},
	outcomeAutoPayFrom:     {"done.autopay_from", "autopay"},
	outcomeEBillingPending: {"done.ebilling_pending", "ebilling"},
	outcomePaid:            {"done.paid", "paid"},
}

// outcome is one thing the visitor did, kept as its kind and data so the Done
// screen says it in whichever language is on show.
type outcome struct {
	kind outcomeKind
	data map[string]any // a client.Date value is formatted in the visitor's language
	item receipt.Item   // the same, as a printed receipt says it
}

// record notes an outcome once (sending the verification email twice is one outcome).
func (v *visit) record(kind outcomeKind, data map[string]any, item receipt.Item) {
	for _, o := range v.outcomes {
		if o.kind == kind {
			return
		}
	}
	v.outcomes = append(v.outcomes, outcome{kind: kind, data: data, item: item})
}

// cardsWaiting are the cards of visit v the terminal still waits for.
func (v *visit) cardsWaiting() []*cardRun {
	var runs []*cardRun
	if st := v.pay; st != nil && st.card != nil && st.card.waiting {
		runs = append(runs, st.card)
	}
	if st := v.autoPay; st != nil && st.card != nil && st.card.waiting {
		runs = append(runs, st.card)
	}
	return runs
}

// paid reports whether this visit made a payment.
func (v *visit) paid() bool { return v.pay != nil && v.pay.receipt != nil }

// afterPaymentOffer is what the receipt offers next, so AutoPay or e-billing is one
// step away: set them up when signed in, sign in when the account has a login,
// register when it has none.
func (v *visit) afterPaymentOffer() (offerID, buttonID string, ev event) {
	a := v.account
	switch {
	case v.signedIn():
		return "pay.myaccount_offer", "pay.myaccount", evMyAccount
	case a == nil:
		return "", "", ""
	case a.Registered:
		return "pay.signin_offer", "found.sign_in", evSignIn
	}
	return "pay.register_offer", "pay.register", evRegister
}

// lookupPausedID is the screen's problem while the portal's lookup lock lasts.
const lookupPausedID = "lookup.paused"

// lookupPaused notes on the portal link a 429 to a lookup or a payment (the
// kiosk-wide lookup lock) and shows it as the visit's screen problem; it
// reports whether err was that 429.
func (v *visit) lookupPaused(p *portalLink, now time.Time, err error) bool {
	if !p.noteLookupPause(now, err) {
		return false
	}
	v.problems[fieldNone] = lookupPausedID
	return true
}
