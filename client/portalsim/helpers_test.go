package portalsim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

// Demo accounts by role, as seeded (see DemoAccounts).
const (
	legacyNumber     = "00065821-0672430" // legacy AutoPay and e-billing, ZIP 97501
	plainNumber      = "10234567-1234567" // nothing legacy, ZIP 97504
	registeredNumber = "20345678-2345678" // registered as mariaEmail, ZIP 97501
	dueSoonNumber    = "30456789-3456789" // due tomorrow, ZIP 97502
	zeroNumber       = "40567890-4567890" // zero balance, ZIP 97504
	mariaEmail       = "maria.demo@example.com"
	mariaPassword    = "Rogue-River-Salmon-58"
	strongPassword   = "Table-Rock-Heron-93"
)

// fakeClock is an injected clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// pacific is the utility's time zone in June (PDT), without needing tzdata.
var pacific = time.FixedZone("PDT", -7*60*60)

// env is a Sim behind a real HTTP server, with a clock and a client that
// checks every response against docs/portal-api.yaml.
type env struct {
	t     *testing.T
	sim   *Sim
	clock *fakeClock
	srv   *httptest.Server
	http  *http.Client
}

// newEnv starts a Sim at the suite's instant (clocktest.Now).
func newEnv(t *testing.T, opts ...func(*Options)) *env {
	t.Helper()
	clock := &fakeClock{now: clocktest.Now()}
	o := Options{Now: clock.Now}
	for _, opt := range opts {
		opt(&o)
	}
	sim := New(o)
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	transport := &validatingTransport{t: t, spec: loadSpec(t), next: srv.Client().Transport}
	return &env{t: t, sim: sim, clock: clock, srv: srv, http: &http.Client{Transport: transport}}
}

// result is a response, read whole.
type result struct {
	status int
	header http.Header
	body   []byte
}

// callOption changes a request before it is sent.
type callOption func(*http.Request)

func withSession(token string) callOption {
	return func(r *http.Request) { r.Header.Set(client.HeaderCustomerSession, token) }
}

func withIdempotencyKey(key string) callOption {
	return func(r *http.Request) { r.Header.Set(client.HeaderIdempotencyKey, key) }
}

func withKioskKey(key string) callOption {
	return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+key) }
}

func withoutKioskKey() callOption {
	return func(r *http.Request) { r.Header.Del("Authorization") }
}

// request builds a call to path under the base path, with the kiosk key.
// body is JSON-encoded unless it is a string (sent as is) or nil.
func (e *env) request(method, path string, body any, opts ...callOption) *http.Request {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+client.BasePath+path, bodyReader(e.t, body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+DemoKioskKey)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for _, opt := range opts {
		opt(req)
	}
	return req
}

// bodyReader is a request body: body JSON-encoded, or as is if a string; nil for none.
func bodyReader(t testing.TB, body any) io.Reader {
	t.Helper()
	switch b := body.(type) {
	case nil:
		return nil
	case string:
		return strings.NewReader(b)
	}
	encoded, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(encoded)
}

// call sends a request and reads the whole answer.
func (e *env) call(method, path string, body any, opts ...callOption) result {
	e.t.Helper()
	return e.send(e.request(method, path, body, opts...))
}

// send sends a prepared request and reads the whole answer.
func (e *env) send(req *http.Request) result {
	e.t.Helper()
	resp, err := e.http.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return result{status: resp.StatusCode, header: resp.Header, body: body}
}

// want fails the test unless the answer has that status.
func (r result) want(t *testing.T, status int) result {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	return r
}

// decode unmarshals the body into v.
func (r result) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// wantError fails the test unless the answer is status with that error code.
func (r result) wantError(t *testing.T, status int, code string) client.ErrorBody {
	t.Helper()
	r.want(t, status)
	var body client.ErrorBody
	r.decode(t, &body)
	if body.Code != code {
		t.Fatalf("code %q, want %q; body %s", body.Code, code, r.body)
	}
	return body
}

// wantFields fails the test unless the answer is a 422 naming exactly these fields.
func (r result) wantFields(t *testing.T, want map[string]string) {
	t.Helper()
	got := r.wantError(t, http.StatusUnprocessableEntity, client.CodeValidationFailed).Fields
	if len(got) != len(want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	for field, code := range want {
		if got[field] != code {
			t.Errorf("field %q: %q, want %q (all: %v)", field, got[field], code, got)
		}
	}
}

// lookup finds a demo account, which must exist.
func (e *env) lookup(number, zip string) client.AccountSummary {
	e.t.Helper()
	var summary client.AccountSummary
	e.call("POST", "/accounts/lookup", client.LookupRequest{AccountNumber: number, PostalCode: zip}).
		want(e.t, http.StatusOK).decode(e.t, &summary)
	return summary
}

// register registers a demo account and returns its session.
func (e *env) register(number, zip, email string) client.Session {
	e.t.Helper()
	ref := e.lookup(number, zip).AccountRef
	var sess client.Session
	e.call("POST", "/registrations", client.RegistrationRequest{
		AccountRef: ref, Email: email, Password: strongPassword, TermsVersion: TermsVersion,
	}).want(e.t, http.StatusCreated).decode(e.t, &sess)
	return sess
}

// signIn signs maria in and returns her session.
func (e *env) signIn() client.Session {
	e.t.Helper()
	return e.signInAs(mariaEmail, mariaPassword)
}

// signInAs signs a login in and returns its session.
func (e *env) signInAs(email, password string) client.Session {
	e.t.Helper()
	var sess client.Session
	e.call("POST", "/sessions", client.SignInRequest{Email: email, Password: password}).
		want(e.t, http.StatusCreated).decode(e.t, &sess)
	return sess
}

// account reads the signed-in account.
func (e *env) account(token string) client.Account {
	e.t.Helper()
	var a client.Account
	e.call("GET", "/account", nil, withSession(token)).want(e.t, http.StatusOK).decode(e.t, &a)
	return a
}

// savedCard is a Visa card the kiosk's terminal read for AutoPay: its token.
func savedCard() *client.Card {
	return &client.Card{POIID: "V400m-346403161", TransactionID: "kiosk-tok-1", Token: "tok_8Q2Z", Brand: "visa", Last4: "1111"}
}

// chargedCard is a Visa card the kiosk's terminal charged: its approved payment.
func chargedCard() *client.Card {
	return &client.Card{POIID: "V400m-346403161", TransactionID: "kiosk-pay-1", Reference: "8815", Brand: "visa", Last4: "1111"}
}

// month is the month the env's clock is in, in the portal's zone, and the one before.
func (e *env) month() (thisMonth, lastMonth time.Time) {
	now := e.clock.Now().In(e.sim.zone)
	thisMonth = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, e.sim.zone)
	return thisMonth, thisMonth.AddDate(0, -1, 0)
}

// validBank is a checking account with a valid routing number.
func validBank() *client.BankAccount {
	return &client.BankAccount{HolderName: "Maria Lopez", RoutingNumber: "011000015", AccountNumber: "123456789", AccountType: client.BankChecking}
}

// addCard adds the valid card to the signed-in account and returns it.
func (e *env) addCard(token string) client.PaymentMethod {
	e.t.Helper()
	var pm client.PaymentMethod
	e.call("POST", "/payment-methods", client.PaymentDetails{Card: savedCard()}, withSession(token)).
		want(e.t, http.StatusCreated).decode(e.t, &pm)
	return pm
}

// payment is a valid one-time payment of the legacy account.
func payment(cents int64) client.OneTimePaymentRequest {
	return client.OneTimePaymentRequest{
		AccountNumber: legacyNumber, PostalCode: "97501", Email: "pat@example.com",
		AmountCents: cents, Payment: client.PaymentDetails{Card: chargedCard()},
	}
}

// readAll reads a response body, returning nil on error; safe in any goroutine.
func readAll(resp *http.Response) []byte {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil
	}
	return body
}
