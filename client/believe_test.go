package client_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/client"
)

// A hostile or broken portal answering 2xx must not be believed: every answer the
// contract (docs/portal-api.yaml) does not allow is an unexpected answer.

// askedPayment is the payment every PayOnce below asks for.
var askedPayment = client.OneTimePaymentRequest{AccountNumber: "00065821-0672430", PostalCode: "97501",
	Email: newEmail, AmountCents: 8437, Payment: testCardDetails()}

// goodAnswers are answers the contract allows, one per call below: each case
// spoils one of them, so a check that refuses everything is caught too.
var goodAnswers = map[string]string{
	"Health":                  `{"status":"ok","terms_version":"2024-05-06"}`,
	"Terms":                   `{"version":"2024-05-06","lang":"es","title":"Términos","text":"Texto."}`,
	"Lookup":                  `{"account_ref":"r-1","service_address":"•••• W Main St","registered":false,"legacy_autopay":false,"legacy_paperless":false,"amount_due_cents":8437,"due_date":"2026-12-06"}`,
	"SignIn":                  `{"session_token":"s-0123456789abcdef","expires_at":"2026-01-01T00:00:00Z"}`,
	"Account":                 `{"account_ref":"r-1","service_address":"x","email":"a@example.org","amount_due_cents":0,"due_date":"2026-12-06","autopay":{"status":"off"},"bill_delivery":{"method":"paper","status":"active"},"payment_methods":[{"id":"pm-1","kind":"card","brand":"visa","last4":"1111"}]}`,
	"AddPaymentMethod":        `{"id":"pm-1","kind":"card","brand":"visa","last4":"1111"}`,
	"EnrollAutoPay":           `{"status":"active","payment_method_id":"pm-1","first_draft_date":"2026-12-06"}`,
	"SetBillDelivery":         `{"method":"email","status":"pending_verification","email":"a@example.org"}`,
	"ResendVerificationEmail": `{"method":"email","status":"pending_verification","email":"a@example.org"}`,
	"RequestPasswordReset":    `{"status":"accepted"}`,
	"SendHeartbeat":           `{"status":"accepted"}`,
	"PayOnce":                 `{"confirmation_number":"MW-7K3Q9X2A","amount_cents":8437,"receipt_email":"` + newEmail + `"}`,
}

// callByName makes the named call against c, as the kiosk makes it.
func callByName(ctx context.Context, c *client.Client, name string) error {
	var err error
	switch name {
	case "Health":
		_, err = c.Health(ctx)
	case "Terms":
		_, err = c.Terms(ctx, "es")
	case "Lookup":
		_, err = c.Lookup(ctx, client.LookupRequest{AccountNumber: "00065821-0672430", PostalCode: "97501"})
	case "Register":
		_, err = c.Register(ctx, client.RegistrationRequest{AccountRef: "r-1", Email: newEmail, Password: newPassword,
			TermsVersion: "2024-05-06"}, client.NewIdempotencyKey())
	case "SignIn":
		_, err = c.SignIn(ctx, client.SignInRequest{Email: newEmail, Password: newPassword})
	case "Account":
		_, err = c.Account(ctx, "s-0123456789abcdef")
	case "AddPaymentMethod":
		_, err = c.AddPaymentMethod(ctx, "s-0123456789abcdef", testCardDetails(), client.NewIdempotencyKey())
	case "EnrollAutoPay":
		_, err = c.EnrollAutoPay(ctx, "s-0123456789abcdef", client.AutoPayRequest{PaymentMethodID: "pm-1"}, client.NewIdempotencyKey())
	case "SetBillDelivery":
		_, err = c.SetBillDelivery(ctx, "s-0123456789abcdef", client.DeliveryEmail)
	case "ResendVerificationEmail":
		_, err = c.ResendVerificationEmail(ctx, "s-0123456789abcdef")
	case "RequestPasswordReset":
		err = c.RequestPasswordReset(ctx, newEmail)
	case "SendHeartbeat":
		err = c.SendHeartbeat(ctx, client.Heartbeat{KioskID: "k"})
	case "PayOnce":
		_, err = c.PayOnce(ctx, askedPayment, client.NewIdempotencyKey())
	default:
		panic("no call " + name)
	}
	return err
}

// answerFrom serves body with status to every request.
func answerFrom(t *testing.T, status int, body string) *hostile {
	return newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { writeJSON(w, status, body) })
}

func TestGoodAnswersAreBelieved(t *testing.T) {
	for name, body := range goodAnswers {
		c := newClient(t, client.Options{BaseURL: answerFrom(t, 200, body).URL})
		if err := callByName(context.Background(), c, name); err != nil {
			t.Errorf("%s: a good answer refused: %v", name, err)
		}
	}
	c := newClient(t, client.Options{BaseURL: answerFrom(t, 201, goodAnswers["SignIn"]).URL})
	if err := callByName(context.Background(), c, "Register"); err != nil {
		t.Errorf("Register: a good answer refused: %v", err)
	}
}

func TestAnswersTheContractDoesNotAllowAreUnexpected(t *testing.T) {
	every := []string{`{}`, `null`, `[]`, `"ok"`, `0`}
	spoiled := map[string][]string{
		"Health": {`{"status":"down","terms_version":"v1"}`, `{"status":"ok"}`, `{"status":"ok","terms_version":""}`},
		"Terms":  {`{"version":"v1","lang":"xx","title":"t","text":"x"}`, `{"version":"","lang":"es","title":"t","text":"x"}`, `{"version":"v1","lang":"es","title":"t","text":""}`},
		"Lookup": {
			strings.Replace(goodAnswers["Lookup"], `"account_ref":"r-1"`, `"account_ref":""`, 1),
			strings.Replace(goodAnswers["Lookup"], `8437`, `-1`, 1),
			strings.Replace(goodAnswers["Lookup"], `"registered":false,`, ``, 1),
			strings.Replace(goodAnswers["Lookup"], `,"due_date":"2026-12-06"`, ``, 1),
			// Text shown and spoken that the kiosk would refuse typed: a right-to-left
			// override, a NUL, a line break; one too long; an amount no payment may be.
			strings.Replace(goodAnswers["Lookup"], `W Main St`, `W Main St\u202e1-900-555`, 1),
			strings.Replace(goodAnswers["Lookup"], `W Main St`, `W Main\u0000St`, 1),
			strings.Replace(goodAnswers["Lookup"], `W Main St`, `W Main St\nCall 1-900-555-0100`, 1),
			strings.Replace(goodAnswers["Lookup"], `W Main St`, strings.Repeat("W Main St ", 20), 1),
			strings.Replace(goodAnswers["Lookup"], `8437`, `9223372036854775807`, 1),
		},
		"SignIn": {`{"session_token":"","expires_at":"2026-01-01T00:00:00Z"}`, `{"session_token":"short","expires_at":"2026-01-01T00:00:00Z"}`,
			`{"session_token":"s-0123456789abcdef\r\nX-Evil: 1","expires_at":"2026-01-01T00:00:00Z"}`, `{"session_token":"s-0123456789abcdef"}`},
		"Register": {`{"session_token":"","expires_at":"2026-01-01T00:00:00Z"}`},
		"Account": {
			strings.Replace(goodAnswers["Account"], `"id":"pm-1"`, `"id":""`, 1),
			strings.Replace(goodAnswers["Account"], `"amount_due_cents":0`, `"amount_due_cents":-5`, 1),
			strings.Replace(goodAnswers["Account"], `{"status":"off"}`, `{}`, 1),
			strings.Replace(goodAnswers["Account"], `"method":"paper",`, ``, 1),
			strings.Replace(goodAnswers["Account"], `"account_ref":"r-1"`, `"account_ref":""`, 1),
			strings.Replace(goodAnswers["Account"], `,"payment_methods":[{"id":"pm-1","kind":"card","brand":"visa","last4":"1111"}]`, ``, 1),
			strings.Replace(goodAnswers["Account"], `"last4":"1111"`, `"last4":"4111111111111111"`, 1),
			strings.Replace(goodAnswers["Account"], `"service_address":"x"`, `"service_address":"x\u202e"`, 1),
			strings.Replace(goodAnswers["Account"], `"email":"a@example.org"`, `"email":"call 1-900-555-0100"`, 1),
			strings.Replace(goodAnswers["Account"], `"amount_due_cents":0`, `"amount_due_cents":100000001`, 1),
		},
		"AddPaymentMethod": {`{"id":"","kind":"card","brand":"visa","last4":"1111"}`, `{"id":"pm-1","kind":"bank","brand":"checking","last4":"1111"}`,
			`{"id":"pm-1","kind":"card","brand":"visa","last4":"9999"}`, `{"id":"pm-1","kind":"card","brand":"visa"}`},
		"EnrollAutoPay": {`{"status":"off"}`, `{"status":"active","payment_method_id":"pm-2","first_draft_date":"2026-12-06"}`,
			`{"status":"active","payment_method_id":"pm-1"}`},
		"SetBillDelivery": {`{"method":"paper","status":"active"}`, `{"method":"email","status":"maybe"}`,
			`{"method":"email","status":"pending_verification","email":"a@example.org\u202e"}`},
		"ResendVerificationEmail": {`{"method":"carrier pigeon","status":"active"}`},
		"RequestPasswordReset":    {`{"status":"rejected"}`},
		"SendHeartbeat":           {`{"status":""}`},
		"PayOnce": {
			`{"confirmation_number":"MW-7K3Q9X2A","amount_cents":-8437,"receipt_email":"` + newEmail + `"}`,
			`{"confirmation_number":"MW-7K3Q9X2A","amount_cents":1,"receipt_email":"` + newEmail + `"}`,
			`{"confirmation_number":"MW-7K3Q9X2A","amount_cents":843700,"receipt_email":"` + newEmail + `"}`,
			`{"confirmation_number":"","amount_cents":8437,"receipt_email":"` + newEmail + `"}`,
			`{"confirmation_number":"FAKE","amount_cents":8437,"receipt_email":"` + newEmail + `"}`,
			`{"amount_cents":8437,"receipt_email":"` + newEmail + `"}`,
			`{"confirmation_number":"MW-7K3Q9X2A","receipt_email":"` + newEmail + `"}`,
			`{"confirmation_number":"MW-7K3Q9X2A","amount_cents":8437,"receipt_email":"someone.else@example.org"}`,
		},
	}
	for name, bodies := range spoiled {
		for _, body := range append(every, bodies...) {
			for _, status := range []int{200, 201} {
				h := answerFrom(t, status, body)
				c := newClient(t, client.Options{BaseURL: h.URL})
				err := callByName(context.Background(), c, name)
				if !errors.Is(err, client.ErrUnexpectedAnswer) || !errors.Is(err, client.ErrUnavailable) {
					t.Errorf("%s answered %d %s: err %v; want an unexpected answer", name, status, body, err)
				}
				if n := h.n.Load(); n != 1 {
					t.Errorf("%s answered %d %s: asked %d times; an answer is not retried", name, status, body, n)
				}
			}
		}
	}
}
