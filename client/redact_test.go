package client_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

// TestLogsNeverHoldSecrets runs every call, with failures, retries, dropped
// connections and timeouts, and checks the Debug-level log holds none of the
// secrets used.
func TestLogsNeverHoldSecrets(t *testing.T) {
	e := newSimEnv(t)
	ctx := context.Background()
	sess := register(t, e)
	legacy := demo(t, "00065821")
	secrets := []string{testKioskKey, sess.Token, newEmail, newPassword, legacy.Number, "000658210672430",
		testToken, testRouting, testBankAcc, demo(t, "20345678").Password, demo(t, "20345678").Email}

	faults := []string{"GET /account", "POST /payment-methods", "POST /autopay", "PUT /bill-delivery",
		"POST /one-time-payments", "DELETE /sessions/current"}
	for _, f := range faults {
		e.sim.SetFault(f, portalsim.Fault{Status: 503, Times: 1})
	}
	e.sim.SetFault("POST /bill-delivery/verification-email", portalsim.Fault{Drop: true, Times: 1})
	exerciseEverything(t, e, sess.Token)

	e.sim.SetFault("POST /sessions", portalsim.Fault{Latency: time.Second})
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	_, _ = e.c.SignIn(short, client.SignInRequest{Email: newEmail, Password: newPassword})
	cancel()
	_ = e.c.SignOut(ctx, sess.Token)
	_, _ = e.c.Account(ctx, sess.Token) // session_invalid

	logs := e.logs.String()
	if !strings.Contains(logs, `"attempt":2`) || !strings.Contains(logs, `"route":"/account"`) {
		t.Fatalf("log lacks the expected retries:\n%s", logs)
	}
	for _, s := range secrets {
		if strings.Contains(logs, s) {
			t.Errorf("log holds secret %q", s)
		}
	}
	if t.Failed() {
		t.Log(logs)
	}
}

// exerciseEverything makes every call once with secrets in play.
func exerciseEverything(t *testing.T, e *simEnv, token string) {
	t.Helper()
	ctx := context.Background()
	legacy := demo(t, "00065821")
	maria := demo(t, "20345678")
	_, _ = e.c.Lookup(ctx, client.LookupRequest{AccountNumber: "000658210672430", PostalCode: legacy.PostalCode})
	_, _ = e.c.Lookup(ctx, client.LookupRequest{AccountNumber: legacy.Number, PostalCode: "97999"})
	_, _ = e.c.SignIn(ctx, client.SignInRequest{Email: maria.Email, Password: maria.Password})
	_, _ = e.c.SignIn(ctx, client.SignInRequest{Email: newEmail, Password: "Not-" + newPassword})
	_ = e.c.RequestPasswordReset(ctx, newEmail)
	if _, err := e.c.Account(ctx, token); err != nil {
		t.Errorf("Account after one 503: %v", err)
	}
	card, err := e.c.AddPaymentMethod(ctx, token, testCardDetails(), client.NewIdempotencyKey())
	if err != nil {
		t.Errorf("AddPaymentMethod after one 503: %v", err)
	}
	_, _ = e.c.AddPaymentMethod(ctx, token, testBankDetails(), "")
	_, _ = e.c.EnrollAutoPay(ctx, token, client.AutoPayRequest{PaymentMethodID: card.ID}, client.NewIdempotencyKey())
	_, _ = e.c.SetBillDelivery(ctx, token, client.DeliveryEmail)
	_, _ = e.c.ResendVerificationEmail(ctx, token)
	pay := client.OneTimePaymentRequest{AccountNumber: legacy.Number, PostalCode: legacy.PostalCode,
		Email: newEmail, AmountCents: 100, Payment: testBankDetails()}
	if _, err := e.c.PayOnce(ctx, pay, client.NewIdempotencyKey()); err != nil {
		t.Errorf("PayOnce after one 503: %v", err)
	}
	_ = e.c.SendHeartbeat(ctx, client.Heartbeat{KioskID: "lobby-1"})
	_, _ = e.c.Outbox(ctx)
	_, _ = e.c.Terms(ctx, "es")
	_, _ = e.c.Health(ctx)
}

func TestRedact(t *testing.T) {
	in := `Post "http://127.0.0.1:8088/api/kiosk/v1/x?token=abc": Bearer kk-SECRET-7f3a9c-kiosk ` +
		`ana@example.org 4111 1111 1111 1111 021000021 'quoted' ZXCVBNMASDFGHJKLQWERTYUIOP12345 \xff` +
		strings.Repeat("z", 5000)
	out := client.Redact(in)
	for _, s := range []string{"127.0.0.1", "token=abc", "kk-SECRET", "ana@", "4111", "021000021", "quoted", "ZXCVBNM"} {
		if strings.Contains(out, s) {
			t.Errorf("Redact left %q in %q", s, out)
		}
	}
	if len(out) > 310 {
		t.Errorf("Redact output %d bytes", len(out))
	}
	if got := client.Redact("context deadline exceeded, Attempt 2"); got != "context deadline exceeded, Attempt 2" {
		t.Errorf("Redact changed plain text: %q", got)
	}
}
