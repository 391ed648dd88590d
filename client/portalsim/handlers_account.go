package portalsim

import (
	"crypto/rand"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
)

// Outbox message kinds.
const (
	kindVerification  = "verification"
	kindPasswordReset = "password_reset"
)

// handleHealth answers GET /health.
func (s *Sim) handleHealth(*request) reply {
	return jsonReply(http.StatusOK, client.Health{Status: "ok", TermsVersion: TermsVersion})
}

// handleTerms answers GET /terms?lang=en|es.
func (s *Sim) handleTerms(q *request) reply {
	lang := q.http.URL.Query().Get("lang")
	if lang == "" {
		lang = "en"
	}
	terms, ok := termsText[lang]
	if !ok {
		return fieldErrors{"lang": string(validate.Required)}.reply()
	}
	return jsonReply(http.StatusOK, terms)
}

// handleLookup answers POST /accounts/lookup (Find My Account).
func (s *Sim) handleLookup(q *request) reply {
	if locked, wait := s.lookupLocked(q); locked {
		return rateLimitedReply(wait)
	}
	var in client.LookupRequest
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	bad := fieldErrors{}
	number, postalCode := checkNumberAndZIP(in.AccountNumber, in.PostalCode, bad)
	if len(bad) > 0 {
		return bad.reply()
	}
	a := s.guardedAccount(number, postalCode, q)
	if a == nil {
		return accountNotFoundReply()
	}
	return jsonReply(http.StatusOK, a.summary())
}

// checkNumberAndZIP validates an account number and ZIP as typed, noting problems
// in bad, and returns them normalized.
func checkNumberAndZIP(number, postalCode string, bad fieldErrors) (string, string) {
	number, code := validate.AccountNumber(number)
	bad.check("account_number", code)
	postalCode, code = validate.PostalCode(postalCode)
	bad.check("postal_code", code)
	return number, postalCode
}

// lookupLocked reports whether the kiosk is locked out of finding accounts by
// number and ZIP, and for how long.
func (s *Sim) lookupLocked(q *request) (bool, time.Duration) {
	wait := s.lookupFailures.lockedFor(s.kioskKey, q.now)
	return wait > 0, wait
}

// guardedAccount finds the account for a number and ZIP, counting a miss against
// the kiosk's lookup lockout. Every route that takes a number and ZIP (lookup,
// one-time payment) goes through it, so none can be used to guess numbers.
func (s *Sim) guardedAccount(number, postalCode string, q *request) *account {
	a := s.accountByNumberAndZIP(number, postalCode)
	if a == nil {
		s.lookupFailures.record(s.kioskKey, q.now)
	}
	return a
}

// accountNotFoundReply is the same for a wrong ZIP and an unknown number.
func accountNotFoundReply() reply {
	return errorReply(http.StatusNotFound, client.CodeAccountNotFound, "no account matches that account number and ZIP code")
}

// handleRegistration answers POST /registrations (Take Me to My Account).
func (s *Sim) handleRegistration(q *request) reply {
	var in client.RegistrationRequest
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	a := s.accountByRef(in.AccountRef)
	email, bad := checkRegistration(in, a)
	switch {
	case len(bad) > 0:
		return bad.reply()
	case a == nil:
		return accountNotFoundReply()
	case a.registered():
		return errorReply(http.StatusConflict, client.CodeAlreadyRegistered, "this account already has an online login: sign in instead")
	case s.loginByEmail(email) != nil:
		return errorReply(http.StatusConflict, client.CodeEmailTaken, "another account already uses this email address")
	}
	a.register(email, in.Password)
	s.stats.Registrations++
	return jsonReply(http.StatusCreated, s.newSession(a))
}

// checkRegistration validates the fields of a registration; a is the account
// it names, or nil. It returns the normalized email.
func checkRegistration(in client.RegistrationRequest, a *account) (string, fieldErrors) {
	bad := fieldErrors{}
	if strings.TrimSpace(in.AccountRef) == "" {
		bad.check("account_ref", validate.Required)
	}
	email, code := validate.Email(in.Email)
	bad.check("email", code)
	// The context the kiosk checks a new password against, as the portal knows
	// it: a password built from the account number is refused here too.
	context := validate.PasswordContext{Email: in.Email, Utility: utilityName}
	if a != nil {
		context.AccountNumber, context.PostalCode = a.number, a.postalCode
	}
	bad.check("password", validate.Password(in.Password, context.Inputs()...))
	switch in.TermsVersion {
	case TermsVersion:
	case "":
		bad.check("terms_version", validate.Required)
	default:
		bad.check("terms_version", validate.TermsOutdated)
	}
	return email, bad
}

// handleSignIn answers POST /sessions.
func (s *Sim) handleSignIn(q *request) reply {
	var in client.SignInRequest
	if !decodeBody(q.body, &in) {
		return invalidBodyReply()
	}
	key, ok := emailKey(in.Email)
	if !ok {
		return badCredentialsReply() // no login has this address: nothing to guess
	}
	if wait := s.signInFailures.lockedFor(key, q.now); wait > 0 {
		return rateLimitedReply(wait)
	}
	a := s.accountByEmail(key)
	if a == nil || !a.passwordMatches(in.Password) {
		s.signInFailures.record(key, q.now)
		return badCredentialsReply()
	}
	s.signInFailures.reset(key)
	return jsonReply(http.StatusCreated, s.newSession(a))
}

// badCredentialsReply never says whether the email or the password was wrong.
func badCredentialsReply() reply {
	return errorReply(http.StatusUnauthorized, client.CodeBadCredentials, "wrong email or password")
}

// loginByEmail returns the registered account of email as typed, or nil.
func (s *Sim) loginByEmail(email string) *account {
	if key, ok := emailKey(email); ok {
		return s.accountByEmail(key)
	}
	return nil
}

// handleSignOut answers DELETE /sessions/current: always 204.
func (s *Sim) handleSignOut(q *request) reply {
	if sess := s.sessions[q.http.Header.Get(client.HeaderCustomerSession)]; sess != nil {
		sess.revoked = true
	}
	return noContentReply()
}

// origin is where the simulator is reached: the address the request's connection
// came to, which the server's listener chose. Never the request's Host header:
// a caller could name any host there, and an email would send its reader to it.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if addr, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		return scheme + "://" + addr.String()
	}
	return scheme + "://127.0.0.1" // a handler called without a server (in a test): loopback, never the caller's word
}

// handlePasswordReset answers POST /password-resets: always 202, and an email
// only when the address belongs to an account.
func (s *Sim) handlePasswordReset(q *request) reply {
	var in client.PasswordResetRequest
	if decodeBody(q.body, &in) {
		if a := s.loginByEmail(in.Email); a != nil {
			// The simulator does not serve this link: it only shows the email was sent.
			s.send(q, a.email, kindPasswordReset, "/demo/password-reset/"+rand.Text())
		}
	}
	return acceptedReply()
}

// send puts an email in the outbox, with a link to path (under the base path)
// on the simulator itself.
func (s *Sim) send(q *request, to, kind, path string) {
	s.outbox = append(s.outbox, client.OutboxMessage{
		ID:     "msg_" + rand.Text(),
		To:     to,
		Kind:   kind,
		Link:   origin(q.http) + client.BasePath + path,
		SentAt: q.now,
	})
	if extra := len(s.outbox) - maxOutbox; extra > 0 {
		s.outbox = slices.Delete(s.outbox, 0, extra)
	}
}
