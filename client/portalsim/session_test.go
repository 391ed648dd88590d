package portalsim

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

func TestRegistrationSignsIn(t *testing.T) {
	e := newEnv(t)
	sess := e.register(plainNumber, "97504", "pat.customer@example.com")
	if !e.sim.SessionActive(sess.Token) || len(sess.Token) < 32 {
		t.Fatalf("session %+v not active", sess)
	}
	if want := e.clock.Now().Add(defaultSessionTTL); !sess.ExpiresAt.Equal(want) {
		t.Errorf("expires %s, want %s", sess.ExpiresAt, want)
	}
	a := e.account(sess.Token)
	if a.Email != "pat.customer@example.com" || a.AutoPay.Status != client.AutoPayOff ||
		a.BillDelivery != (client.BillDelivery{Method: client.DeliveryPaper, Status: client.DeliveryActive}) ||
		a.PaymentMethods == nil {
		t.Errorf("account %+v", a)
	}
	if !e.lookup(plainNumber, "97504").Registered {
		t.Error("lookup does not show the account as registered")
	}
	if got := e.sim.Stats().Registrations; got != 1 {
		t.Errorf("registrations %d, want 1", got)
	}
}

func TestRegistrationValidation(t *testing.T) {
	e := newEnv(t)
	ref := e.lookup(plainNumber, "97504").AccountRef
	cases := []struct {
		name string
		req  client.RegistrationRequest
		want map[string]string
	}{
		{"everything missing", client.RegistrationRequest{},
			map[string]string{"account_ref": "required", "email": "required", "password": "required", "terms_version": "required"}},
		{"bad email, short password, old terms",
			client.RegistrationRequest{AccountRef: ref, Email: "pat@", Password: "Ab1!", TermsVersion: "2023-01-01"},
			map[string]string{"email": "invalid_email", "password": "password_too_short", "terms_version": "terms_outdated"}},
		{"weak password", client.RegistrationRequest{AccountRef: ref, Email: "pat@example.com", Password: "password123", TermsVersion: TermsVersion},
			map[string]string{"password": "weak_password"}},
		{"password is the account number", client.RegistrationRequest{AccountRef: ref, Email: "pat@example.com", Password: plainNumber, TermsVersion: TermsVersion},
			map[string]string{"password": "weak_password"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e.call("POST", "/registrations", tc.req).wantFields(t, tc.want)
		})
	}
	if got := e.sim.Stats().Registrations; got != 0 {
		t.Errorf("registrations %d, want 0", got)
	}
}

func TestRegistrationConflicts(t *testing.T) {
	e := newEnv(t)
	registered := e.lookup(registeredNumber, "97501").AccountRef
	plain := e.lookup(plainNumber, "97504").AccountRef
	req := func(ref, email string) client.RegistrationRequest {
		return client.RegistrationRequest{AccountRef: ref, Email: email, Password: strongPassword, TermsVersion: TermsVersion}
	}
	e.call("POST", "/registrations", req("ar_unknown", "pat@example.com")).wantError(t, http.StatusNotFound, client.CodeAccountNotFound)
	e.call("POST", "/registrations", req(registered, "new@example.com")).wantError(t, http.StatusConflict, client.CodeAlreadyRegistered)
	e.call("POST", "/registrations", req(plain, "MARIA.DEMO@example.com")).wantError(t, http.StatusConflict, client.CodeEmailTaken)
	if got := e.sim.Stats().Registrations; got != 0 {
		t.Errorf("registrations %d, want 0", got)
	}
}

func TestSignIn(t *testing.T) {
	e := newEnv(t)
	sess := e.signIn()
	if e.account(sess.Token).Email != mariaEmail {
		t.Error("signed in to the wrong account")
	}
	wrong := e.call("POST", "/sessions", client.SignInRequest{Email: mariaEmail, Password: "Rogue-River-Salmon-59"})
	unknown := e.call("POST", "/sessions", client.SignInRequest{Email: "nobody@example.com", Password: mariaPassword})
	wrong.wantError(t, http.StatusUnauthorized, client.CodeBadCredentials)
	unknown.wantError(t, http.StatusUnauthorized, client.CodeBadCredentials)
	if string(wrong.body) != string(unknown.body) {
		t.Errorf("answers differ: %s / %s", wrong.body, unknown.body)
	}
	e.call("POST", "/sessions", "[]").wantError(t, http.StatusUnprocessableEntity, client.CodeValidationFailed)
}

func TestSignInLockout(t *testing.T) {
	e := newEnv(t)
	bad := client.SignInRequest{Email: mariaEmail, Password: "guess"}
	for range failureLimit {
		e.call("POST", "/sessions", bad).want(t, http.StatusUnauthorized)
		e.clock.Advance(30 * time.Second)
	}
	good := client.SignInRequest{Email: "Maria.Demo@Example.com", Password: mariaPassword}
	locked := e.call("POST", "/sessions", good)
	locked.wantError(t, http.StatusTooManyRequests, client.CodeRateLimited)
	if got := locked.header.Get("Retry-After"); got != "750" {
		t.Errorf("Retry-After %q, want 750 (15 min after the first failure, 2.5 min ago)", got)
	}
	other := client.SignInRequest{Email: "other@example.com", Password: "guess"}
	e.call("POST", "/sessions", other).want(t, http.StatusUnauthorized) // other emails are not locked
	e.clock.Advance(750 * time.Second)
	e.signIn()
}

func TestSignInSuccessClearsFailures(t *testing.T) {
	e := newEnv(t)
	bad := client.SignInRequest{Email: mariaEmail, Password: "guess"}
	for range failureLimit - 1 {
		e.call("POST", "/sessions", bad).want(t, http.StatusUnauthorized)
	}
	e.signIn()
	for range failureLimit - 1 {
		e.call("POST", "/sessions", bad).want(t, http.StatusUnauthorized)
	}
	e.signIn()
}

func TestSessionExpires(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.SessionTTL = 10 * time.Minute })
	sess := e.signIn()
	if want := e.clock.Now().Add(10 * time.Minute); !sess.ExpiresAt.Equal(want) {
		t.Errorf("expires %s, want %s", sess.ExpiresAt, want)
	}
	e.clock.Advance(10*time.Minute - time.Second)
	e.account(sess.Token)
	e.clock.Advance(time.Second)
	e.call("GET", "/account", nil, withSession(sess.Token)).wantError(t, http.StatusUnauthorized, client.CodeSessionInvalid)
	if e.sim.SessionActive(sess.Token) {
		t.Error("expired session still active")
	}
}

func TestSignOutRevokesAndIsIdempotent(t *testing.T) {
	e := newEnv(t)
	sess := e.signIn()
	e.call("DELETE", "/sessions/current", nil, withSession(sess.Token)).want(t, http.StatusNoContent)
	if e.sim.SessionActive(sess.Token) {
		t.Error("revoked session still active")
	}
	e.call("GET", "/account", nil, withSession(sess.Token)).wantError(t, http.StatusUnauthorized, client.CodeSessionInvalid)
	e.call("DELETE", "/sessions/current", nil, withSession(sess.Token)).want(t, http.StatusNoContent)
	e.call("DELETE", "/sessions/current", nil, withSession("never-issued")).want(t, http.StatusNoContent)
	e.call("DELETE", "/sessions/current", nil).want(t, http.StatusNoContent)
	e.call("DELETE", "/sessions/current", nil, withoutKioskKey()).wantError(t, http.StatusUnauthorized, client.CodeUnauthorized)
}

func TestSessionRoutesNeedSession(t *testing.T) {
	e := newEnv(t)
	sess := e.signIn()
	routes := []struct {
		method, path string
		body         any
	}{
		{"GET", "/account", nil},
		{"POST", "/payment-methods", client.PaymentDetails{Card: savedCard()}},
		{"POST", "/autopay", client.AutoPayRequest{PaymentMethodID: "pm_x"}},
		{"PUT", "/bill-delivery", client.BillDeliveryRequest{Method: client.DeliveryEmail}},
		{"POST", "/bill-delivery/verification-email", nil},
	}
	for _, rt := range routes {
		t.Run(rt.method+" "+rt.path, func(t *testing.T) {
			e.call(rt.method, rt.path, rt.body, withIdempotencyKey("k-"+rt.path)).
				wantError(t, http.StatusUnauthorized, client.CodeSessionInvalid)
			e.call(rt.method, rt.path, rt.body, withSession(sess.Token+"x")).
				wantError(t, http.StatusUnauthorized, client.CodeSessionInvalid)
			e.call(rt.method, rt.path, rt.body, withSession(sess.Token), withoutKioskKey()).
				wantError(t, http.StatusUnauthorized, client.CodeUnauthorized)
		})
	}
	if s := e.sim.Stats(); s != (Stats{}) {
		t.Errorf("stats %+v after refused calls", s)
	}
}

func TestErrorsDoNotEchoPersonalData(t *testing.T) {
	e := newEnv(t)
	secret := "Sup3r-Secret-Passphrase"
	res := e.call("POST", "/sessions", client.SignInRequest{Email: "someone.private@example.com", Password: secret})
	if strings.Contains(string(res.body), secret) || strings.Contains(string(res.body), "someone.private") {
		t.Errorf("error body echoes the request: %s", res.body)
	}
}

// The login "ross.sands@example.com" has 15 other spellings with U+017F "ſ",
// which Unicode case folding (strings.EqualFold) takes for an "s". None of them
// is that login, so five guesses on each (75 in all) never sign in; and the
// spellings that are that login share one count of failures.
func TestSignInLockoutCannotBeDodgedBySpellingTheEmailAnotherWay(t *testing.T) {
	e := newEnv(t)
	const email = "ross.sands@example.com" // four s in the local part
	e.register(plainNumber, "97504", email)
	spellings := longSSpellings(email)
	if len(spellings) != 15 {
		t.Fatalf("%d spellings, want 15", len(spellings))
	}
	for i, spelling := range spellings {
		for guess := range failureLimit {
			password := "guess"
			if i == len(spellings)-1 && guess == failureLimit-1 {
				password = strongPassword // the 75th guess is right
			}
			e.call("POST", "/sessions", client.SignInRequest{Email: spelling, Password: password}).
				wantError(t, http.StatusUnauthorized, client.CodeBadCredentials)
		}
	}
	for _, spelling := range []string{"Ross.Sands@example.com", "ROSS.SANDS@EXAMPLE.COM", " ross.sands@Example.com ", "ross.SANDS@example.com", email} {
		e.call("POST", "/sessions", client.SignInRequest{Email: spelling, Password: "guess"}).
			wantError(t, http.StatusUnauthorized, client.CodeBadCredentials)
	}
	e.call("POST", "/sessions", client.SignInRequest{Email: "rOSS.sands@example.com", Password: strongPassword}).
		wantError(t, http.StatusTooManyRequests, client.CodeRateLimited)
	e.clock.Advance(failureWindow)
	e.call("POST", "/sessions", client.SignInRequest{Email: "Ross.Sands@example.com", Password: strongPassword}).
		want(t, http.StatusCreated)
}

// longSSpellings returns every spelling of email with one or more of the s of
// its local part written "ſ".
func longSSpellings(email string) []string {
	local, domain, _ := strings.Cut(email, "@")
	var at []int
	for i, r := range local {
		if r == 's' {
			at = append(at, i)
		}
	}
	var out []string
	for mask := 1; mask < 1<<len(at); mask++ {
		var b strings.Builder
		next := 0
		for bit, i := range at {
			b.WriteString(local[next:i])
			if mask&(1<<bit) != 0 {
				b.WriteRune('\u017f')
			} else {
				b.WriteByte('s')
			}
			next = i + 1
		}
		b.WriteString(local[next:])
		out = append(out, b.String()+"@"+domain)
	}
	return out
}
