package portalsim

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"strings"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
)

// DemoAccount is one of the accounts a new Sim holds, for demos and tests.
// Email and Password are set only for the account that is already registered.
type DemoAccount struct {
	Number, PostalCode, Situation, Email, Password string
}

// demoSeed is a demo account with the parts of its state the portal keeps.
type demoSeed struct {
	DemoAccount
	address         string
	amountDueCents  int64
	dueInDays       int
	legacyAutoPay   bool
	legacyPaperless bool
}

// demoSeeds cover the situations of the utility's FAQ.
var demoSeeds = []demoSeed{
	{
		DemoAccount: DemoAccount{
			Number: "00065821-0672430", PostalCode: "97501",
			Situation: "Not registered; had AutoPay and e-billing on the old portal, so both must be set up again. Due in 12 days.",
		},
		address: "•••• W Main St", amountDueCents: 8437, dueInDays: 12,
		legacyAutoPay: true, legacyPaperless: true,
	},
	{
		DemoAccount: DemoAccount{
			Number: "10234567-1234567", PostalCode: "97504",
			Situation: "Not registered; nothing to carry over from the old portal. Due in 20 days.",
		},
		address: "•••• Crater Lake Ave", amountDueCents: 6215, dueInDays: 20,
	},
	{
		DemoAccount: DemoAccount{
			Number: "20345678-2345678", PostalCode: "97501",
			Situation: "Already registered: sign in instead. Due in 8 days.",
			Email:     "maria.demo@example.com", Password: "Rogue-River-Salmon-58",
		},
		address: "•••• E Jackson St", amountDueCents: 10342, dueInDays: 8,
	},
	{
		DemoAccount: DemoAccount{
			Number: "30456789-3456789", PostalCode: "97502",
			Situation: "Not registered; the bill is due tomorrow, too late for AutoPay on this bill: pay it now.",
		},
		address: "•••• Table Rock Rd", amountDueCents: 5689, dueInDays: 1,
	},
	{
		DemoAccount: DemoAccount{
			Number: "40567890-4567890", PostalCode: "97504",
			Situation: "Not registered; zero balance, nothing to pay. Next bill in 25 days.",
		},
		address: "•••• Barnett Rd", amountDueCents: 0, dueInDays: 25,
	},
}

// DemoAccounts returns the accounts every new Sim holds.
func DemoAccounts() []DemoAccount {
	out := make([]DemoAccount, len(demoSeeds))
	for i, seed := range demoSeeds {
		out[i] = seed.DemoAccount
	}
	return out
}

// account is the portal's state for one water account.
type account struct {
	ref             string // opaque, random
	number          string // "00065821-0672430"
	postalCode      string // 5 digits
	address         string // masked
	amountDueCents  int64
	dueDate         client.Date
	legacyAutoPay   bool
	legacyPaperless bool

	email        string // "" until registered
	emailKey     string // emailKey(email)
	passwordSalt []byte
	passwordHash [sha256.Size]byte
	autoPay      client.AutoPay
	delivery     client.BillDelivery
	methods      []client.PaymentMethod
}

// seedAccounts builds the accounts of seeds, with due dates counted from today.
func seedAccounts(today client.Date, seeds []demoSeed) []*account {
	accounts := make([]*account, 0, len(seeds))
	for _, seed := range seeds {
		a := &account{
			ref:             "ar_" + rand.Text(),
			number:          seed.Number,
			postalCode:      seed.PostalCode,
			address:         seed.address,
			amountDueCents:  seed.amountDueCents,
			dueDate:         today.AddDate(0, 0, seed.dueInDays),
			legacyAutoPay:   seed.legacyAutoPay,
			legacyPaperless: seed.legacyPaperless,
			autoPay:         client.AutoPay{Status: client.AutoPayOff},
			delivery:        client.BillDelivery{Method: client.DeliveryPaper, Status: client.DeliveryActive},
		}
		if seed.Email != "" {
			a.register(seed.Email, seed.Password)
		}
		accounts = append(accounts, a)
	}
	return accounts
}

// register gives the account its online login; email is one validate.Email accepted.
func (a *account) register(email, password string) {
	a.email = email
	a.emailKey, _ = emailKey(email)
	a.passwordSalt = []byte(rand.Text())
	a.passwordHash = hashPassword(a.passwordSalt, password)
}

// registered reports whether the account has an online login.
func (a *account) registered() bool { return a.email != "" }

// passwordMatches compares in constant time.
func (a *account) passwordMatches(password string) bool {
	got := hashPassword(a.passwordSalt, password)
	return a.registered() && subtle.ConstantTimeCompare(got[:], a.passwordHash[:]) == 1
}

// hashPassword is a salted SHA-256: enough for an in-memory simulator (the
// real portal uses a slow password hash).
func hashPassword(salt []byte, password string) [sha256.Size]byte {
	return sha256.Sum256(append(append([]byte{}, salt...), password...))
}

// summary is what a lookup answers.
func (a *account) summary() client.AccountSummary {
	return client.AccountSummary{
		AccountRef:      a.ref,
		ServiceAddress:  a.address,
		Registered:      a.registered(),
		LegacyAutoPay:   a.legacyAutoPay,
		LegacyPaperless: a.legacyPaperless,
		AmountDueCents:  a.amountDueCents,
		DueDate:         a.dueDate,
	}
}

// view is what GET /account answers.
func (a *account) view() client.Account {
	methods := append([]client.PaymentMethod{}, a.methods...)
	return client.Account{
		AccountRef:     a.ref,
		ServiceAddress: a.address,
		Email:          a.email,
		AmountDueCents: a.amountDueCents,
		DueDate:        a.dueDate,
		AutoPay:        a.autoPay,
		BillDelivery:   a.delivery,
		PaymentMethods: methods,
	}
}

// method returns the account's payment method with that id, or nil.
func (a *account) method(id string) *client.PaymentMethod {
	for i := range a.methods {
		if a.methods[i].ID == id {
			return &a.methods[i]
		}
	}
	return nil
}

// accountByRef returns the account with that opaque reference, or nil.
func (s *Sim) accountByRef(ref string) *account {
	for _, a := range s.accounts {
		if ref != "" && subtle.ConstantTimeCompare([]byte(a.ref), []byte(ref)) == 1 {
			return a
		}
	}
	return nil
}

// accountByNumberAndZIP returns the account with that normalized number whose
// service ZIP matches the first five digits of postalCode, or nil.
func (s *Sim) accountByNumberAndZIP(number, postalCode string) *account {
	zip5, _, _ := strings.Cut(postalCode, "-")
	for _, a := range s.accounts {
		if a.number == number && a.postalCode == zip5 {
			return a
		}
	}
	return nil
}

// emailKey is the one form of an email the portal finds a login by and counts
// failed sign-ins under, so that no two spellings of one login can be told apart
// by either: validate.Email's form, then lower-cased. ok is false for what
// validate.Email refuses (non-ASCII such as "ſ", which Unicode case folding
// would make an "s"): no login has such an address.
func emailKey(email string) (key string, ok bool) {
	normalized, code := validate.Email(email)
	if code != validate.OK {
		return "", false
	}
	return strings.ToLower(normalized), true
}

// accountByEmail returns the registered account whose email has that emailKey, or nil.
func (s *Sim) accountByEmail(key string) *account {
	for _, a := range s.accounts {
		if a.registered() && a.emailKey == key {
			return a
		}
	}
	return nil
}

// session is a signed-in customer's session.
type session struct {
	account   *account
	expiresAt time.Time
	revoked   bool
}

// newSession signs the account in.
func (s *Sim) newSession(a *account) client.Session {
	s.forgetEndedSessions(s.now())
	token := rand.Text() + rand.Text()
	expiresAt := s.now().Add(s.sessionTTL)
	s.sessions[token] = &session{account: a, expiresAt: expiresAt}
	return client.Session{Token: token, ExpiresAt: expiresAt}
}

// activeSession returns the session of token if it is neither expired nor
// revoked, else nil.
func (s *Sim) activeSession(token string) *session {
	sess := s.sessions[token]
	if sess == nil || sess.revoked || !s.now().Before(sess.expiresAt) {
		return nil
	}
	return sess
}

// verification is a pending email verification of bill delivery.
type verification struct {
	account *account
	email   string
	sentAt  time.Time
}
