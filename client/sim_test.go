package client_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/client/validate"
)

const (
	newPassword = "Blue-Heron-Pear-Creek-41"
	newEmail    = "ana.tester@example.org"
	testToken   = "tok_8Q2Zc41Lm7"
	testRouting = "021000021"
	testBankAcc = "000123456789"
)

func testCardDetails() client.PaymentDetails {
	// As the terminal gives a card: both the payment's reference (one-time
	// payments) and the card's token (saved methods), so one value serves both.
	return client.PaymentDetails{Card: &client.Card{POIID: "V400m-346403161", TransactionID: "kiosk-1",
		Reference: "8815", Token: testToken, Brand: "visa", Last4: "1111"}}
}

func testBankDetails() client.PaymentDetails {
	return client.PaymentDetails{Bank: &client.BankAccount{HolderName: "Ana Tester",
		RoutingNumber: testRouting, AccountNumber: testBankAcc, AccountType: client.BankChecking}}
}

func TestHealthTermsOutbox(t *testing.T) {
	e := newSimEnv(t)
	ctx := context.Background()
	h, err := e.c.Health(ctx)
	if err != nil || h.Status != "ok" || h.TermsVersion != portalsim.TermsVersion {
		t.Fatalf("Health = %+v, %v", h, err)
	}
	for _, lang := range []string{"", "en", "es"} {
		terms, err := e.c.Terms(ctx, lang)
		if err != nil || terms.Version != portalsim.TermsVersion || terms.Text == "" {
			t.Fatalf("Terms(%q) = %+v, %v", lang, terms, err)
		}
	}
	_, err = e.c.Terms(ctx, "fr")
	wantAPIError(t, err, http.StatusUnprocessableEntity, client.CodeValidationFailed, client.ErrValidation)
	msgs, err := e.c.Outbox(ctx)
	if err != nil || len(msgs) != 0 {
		t.Fatalf("Outbox = %v, %v", msgs, err)
	}
}

func TestLookupEveryDemoAccount(t *testing.T) {
	e := newSimEnv(t)
	for _, a := range portalsim.DemoAccounts() {
		s, err := e.c.Lookup(context.Background(), client.LookupRequest{AccountNumber: a.Number, PostalCode: a.PostalCode})
		if err != nil || s.AccountRef == "" {
			t.Fatalf("Lookup(%s) = %+v, %v", a.Number, s, err)
		}
		if s.Registered != (a.Email != "") {
			t.Errorf("Lookup(%s).Registered = %v", a.Number, s.Registered)
		}
	}
	legacy, _ := e.c.Lookup(context.Background(), client.LookupRequest{AccountNumber: "00065821-0672430", PostalCode: "97501"})
	if !legacy.LegacyAutoPay || !legacy.LegacyPaperless {
		t.Errorf("legacy account: %+v", legacy)
	}
}

func TestLookupErrors(t *testing.T) {
	e := newSimEnv(t)
	ctx := context.Background()
	_, err := e.c.Lookup(ctx, client.LookupRequest{AccountNumber: "not-a-number", PostalCode: "97501"})
	ae := wantAPIError(t, err, 422, client.CodeValidationFailed, client.ErrValidation)
	if ae.Fields["account_number"] != string(validate.InvalidAccountNumber) {
		t.Errorf("Fields = %v", ae.Fields)
	}
	var last error
	for range 6 {
		_, last = e.c.Lookup(ctx, client.LookupRequest{AccountNumber: "99999999-9999999", PostalCode: "97501"})
		if errors.Is(last, client.ErrRateLimited) {
			break
		}
		wantAPIError(t, last, 404, client.CodeAccountNotFound, client.ErrNotFound)
	}
	ae = wantAPIError(t, last, 429, client.CodeRateLimited, client.ErrRateLimited)
	if ae.RetryAfter <= 0 {
		t.Errorf("RetryAfter = %v; want > 0", ae.RetryAfter)
	}
}

func TestWrongKioskKey(t *testing.T) {
	e := newSimEnv(t)
	c := newClient(t, client.Options{BaseURL: e.url, KioskKey: "wrong-key"})
	_, err := c.Health(context.Background())
	wantAPIError(t, err, 401, client.CodeUnauthorized, client.ErrUnauthorized)
}

// register registers the legacy demo account and returns its session.
func register(t *testing.T, e *simEnv) client.Session {
	t.Helper()
	ctx := context.Background()
	acct := demo(t, "00065821")
	s, err := e.c.Lookup(ctx, client.LookupRequest{AccountNumber: acct.Number, PostalCode: acct.PostalCode})
	if err != nil {
		t.Fatal(err)
	}
	req := client.RegistrationRequest{AccountRef: s.AccountRef, Email: newEmail, Password: newPassword,
		TermsVersion: portalsim.TermsVersion}
	sess, err := e.c.Register(ctx, req, client.NewIdempotencyKey())
	if err != nil || sess.Token == "" {
		t.Fatalf("Register = %+v, %v", sess, err)
	}
	_, err = e.c.Register(ctx, req, client.NewIdempotencyKey())
	wantAPIError(t, err, 409, client.CodeAlreadyRegistered, client.ErrConflict)
	return sess
}

func TestRegisterAndManageAccount(t *testing.T) {
	e := newSimEnv(t)
	ctx := context.Background()
	sess := register(t, e)
	if !e.sim.SessionActive(sess.Token) {
		t.Fatal("session not active")
	}
	card, err := e.c.AddPaymentMethod(ctx, sess.Token, testCardDetails(), client.NewIdempotencyKey())
	if err != nil || card.Kind != client.KindCard || card.Last4 != "1111" {
		t.Fatalf("AddPaymentMethod(card) = %+v, %v", card, err)
	}
	bank, err := e.c.AddPaymentMethod(ctx, sess.Token, testBankDetails(), "")
	if err != nil || bank.Kind != client.KindBank {
		t.Fatalf("AddPaymentMethod(bank) = %+v, %v", bank, err)
	}
	ap, err := e.c.EnrollAutoPay(ctx, sess.Token, client.AutoPayRequest{PaymentMethodID: bank.ID}, client.NewIdempotencyKey())
	if err != nil || ap.Status != client.AutoPayActive {
		t.Fatalf("EnrollAutoPay = %+v, %v", ap, err)
	}
	_, err = e.c.EnrollAutoPay(ctx, sess.Token, client.AutoPayRequest{PaymentMethodID: "pm_nope"}, client.NewIdempotencyKey())
	wantAPIError(t, err, 404, client.CodePaymentMethodNotFound, client.ErrNotFound)
	checkBillDelivery(t, e, sess.Token)
	acct, err := e.c.Account(ctx, sess.Token)
	if err != nil || acct.Email != newEmail || len(acct.PaymentMethods) != 2 || acct.AutoPay.Status != client.AutoPayActive {
		t.Fatalf("Account = %+v, %v", acct, err)
	}
	st := e.sim.Stats()
	if st.Registrations != 1 || st.PaymentMethods != 2 || st.AutoPayEnrollments != 1 || st.BillDeliveryChanges != 1 {
		t.Errorf("Stats = %+v", st)
	}
	if err := e.c.SignOut(ctx, sess.Token); err != nil {
		t.Fatal(err)
	}
	if e.sim.SessionActive(sess.Token) {
		t.Error("session still active after SignOut")
	}
	_, err = e.c.Account(ctx, sess.Token)
	wantAPIError(t, err, 401, client.CodeSessionInvalid, client.ErrUnauthorized)
}

func checkBillDelivery(t *testing.T, e *simEnv, token string) {
	t.Helper()
	ctx := context.Background()
	d, err := e.c.SetBillDelivery(ctx, token, client.DeliveryEmail)
	if err != nil || d.Status != client.DeliveryPendingVerification {
		t.Fatalf("SetBillDelivery = %+v, %v", d, err)
	}
	d, err = e.c.ResendVerificationEmail(ctx, token)
	if err != nil || d.Method != client.DeliveryEmail {
		t.Fatalf("ResendVerificationEmail = %+v, %v", d, err)
	}
	msgs, err := e.c.Outbox(ctx)
	if err != nil || len(msgs) < 2 || msgs[0].Kind != "verification" || msgs[0].To != newEmail {
		t.Fatalf("Outbox = %+v, %v", msgs, err)
	}
}

func TestRegisterErrors(t *testing.T) {
	e := newSimEnv(t)
	ctx := context.Background()
	a := demo(t, "10234567")
	s, err := e.c.Lookup(ctx, client.LookupRequest{AccountNumber: a.Number, PostalCode: a.PostalCode})
	if err != nil {
		t.Fatal(err)
	}
	taken := demo(t, "20345678").Email
	req := client.RegistrationRequest{AccountRef: s.AccountRef, Email: taken, Password: newPassword, TermsVersion: portalsim.TermsVersion}
	_, err = e.c.Register(ctx, req, "")
	wantAPIError(t, err, 409, client.CodeEmailTaken, client.ErrConflict)
	req.Email, req.Password, req.TermsVersion = newEmail, "password1", "1999-01-01"
	_, err = e.c.Register(ctx, req, client.NewIdempotencyKey())
	ae := wantAPIError(t, err, 422, client.CodeValidationFailed, client.ErrValidation)
	if ae.Fields["password"] != string(validate.WeakPassword) || ae.Fields["terms_version"] != string(validate.TermsOutdated) {
		t.Errorf("Fields = %v", ae.Fields)
	}
	req.AccountRef, req.Password, req.TermsVersion = "acct_unknown", newPassword, portalsim.TermsVersion
	_, err = e.c.Register(ctx, req, "")
	wantAPIError(t, err, 404, client.CodeAccountNotFound, client.ErrNotFound)
}

func TestSignInAndPasswordReset(t *testing.T) {
	e := newSimEnv(t)
	ctx := context.Background()
	a := demo(t, "20345678")
	sess, err := e.c.SignIn(ctx, client.SignInRequest{Email: a.Email, Password: a.Password})
	if err != nil || !e.sim.SessionActive(sess.Token) {
		t.Fatalf("SignIn = %+v, %v", sess, err)
	}
	_, err = e.c.SignIn(ctx, client.SignInRequest{Email: a.Email, Password: "Wrong-Password-99"})
	wantAPIError(t, err, 401, client.CodeBadCredentials, client.ErrUnauthorized)
	if err := e.c.RequestPasswordReset(ctx, a.Email); err != nil {
		t.Fatal(err)
	}
	msgs, err := e.c.Outbox(ctx)
	if err != nil || len(msgs) != 1 || msgs[0].Kind != "password_reset" {
		t.Fatalf("Outbox = %+v, %v", msgs, err)
	}
}

// A payment the terminal took is recorded once against the account looked up,
// however often the kiosk sends it with its journalled key; a recovery after a
// restart sends no email and gets no receipt email.
func TestCardPaymentIsRecordedOnce(t *testing.T) {
	e := newSimEnv(t)
	ctx := context.Background()
	a := demo(t, "30456789")
	found, err := e.c.Lookup(ctx, client.LookupRequest{AccountNumber: a.Number, PostalCode: a.PostalCode})
	if err != nil {
		t.Fatal(err)
	}
	req := client.CardPaymentRequest{AccountRef: found.AccountRef, AmountCents: 5689, Email: newEmail, Card: *testCardDetails().Card}
	key := client.NewIdempotencyKey()
	r1, err := e.c.RecordCardPayment(ctx, req, key)
	if err != nil || r1.AmountCents != 5689 || r1.ReceiptEmail != newEmail {
		t.Fatalf("RecordCardPayment = %+v, %v", r1, err)
	}
	req.Email = "" // the replay of a restart's recovery: the same key, no email kept
	if r2, err := e.c.RecordCardPayment(ctx, req, key); err == nil || e.sim.Stats().Payments != 1 {
		t.Fatalf("a replay with another body = %+v, %v; stats %+v", r2, err, e.sim.Stats())
	}
	recovered, err := e.c.RecordCardPayment(ctx, req, client.NewIdempotencyKey())
	if err != nil || recovered.ReceiptEmail != "" || e.sim.Stats().Payments != 2 {
		t.Fatalf("a recovery's post = %+v, %v; stats %+v", recovered, err, e.sim.Stats())
	}
	req.AccountRef = "no-such-account"
	_, err = e.c.RecordCardPayment(ctx, req, client.NewIdempotencyKey())
	wantAPIError(t, err, 404, client.CodeAccountNotFound, client.ErrNotFound)
}

func TestPayOnceAndHeartbeat(t *testing.T) {
	e := newSimEnv(t)
	ctx := context.Background()
	a := demo(t, "30456789")
	req := client.OneTimePaymentRequest{AccountNumber: a.Number, PostalCode: a.PostalCode, Email: newEmail,
		AmountCents: 5689, Payment: testCardDetails()}
	key := client.NewIdempotencyKey()
	r1, err := e.c.PayOnce(ctx, req, key)
	if err != nil || r1.ConfirmationNumber == "" || r1.AmountCents != 5689 {
		t.Fatalf("PayOnce = %+v, %v", r1, err)
	}
	r2, err := e.c.PayOnce(ctx, req, key) // replay: same answer, not paid twice
	if err != nil || r2 != r1 || e.sim.Stats().Payments != 1 {
		t.Fatalf("replay = %+v, %v; stats %+v", r2, err, e.sim.Stats())
	}
	req.AmountCents = 1
	_, err = e.c.PayOnce(ctx, req, key)
	wantAPIError(t, err, 422, client.CodeIdempotencyConflict, client.ErrValidation)
	req.Payment = testCardDetails()
	req.Payment.Card.Brand = "jcb"
	_, err = e.c.PayOnce(ctx, req, client.NewIdempotencyKey())
	ae := wantAPIError(t, err, 422, client.CodeValidationFailed, client.ErrValidation)
	if ae.Fields["card.brand"] != string(validate.UnsupportedCardBrand) {
		t.Errorf("Fields = %v", ae.Fields)
	}
	hb := client.Heartbeat{KioskID: "lobby-1", Version: "test", UptimeSeconds: 5, PortalOK: true}
	if err := e.c.SendHeartbeat(ctx, hb); err != nil || e.sim.Stats().Heartbeats != 1 {
		t.Fatalf("SendHeartbeat = %v; stats %+v", err, e.sim.Stats())
	}
}
