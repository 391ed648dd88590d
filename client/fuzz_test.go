package client_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// FuzzDecodeAnswers serves whatever status, content type and body the fuzzer
// makes up and checks the client never panics and never mistakes garbage for an
// answer: every call ends in a typed value or in one of the client's errors.
func FuzzDecodeAnswers(f *testing.F) {
	f.Add(200, "application/json", `{"account_ref":"r","service_address":"•••• W Main St","registered":false,"legacy_autopay":true,"legacy_paperless":false,"amount_due_cents":8437,"due_date":"2026-12-06"}`)
	f.Add(404, "application/json", `{"code":"account_not_found","message":"no"}`)
	f.Add(422, "application/json", `{"code":"validation_failed","fields":{"email":"invalid_email"}}`)
	f.Add(429, "application/json", `{"code":"rate_limited"}`)
	f.Add(200, "text/html", `<html>oops</html>`)
	f.Add(200, "application/json", `{"due_date":"not a date"}`)
	f.Add(503, "application/json", `{`)
	f.Add(200, "application/json", `null`)
	f.Fuzz(func(t *testing.T, status int, contentType, body string) {
		if status < 200 || status > 599 || (status >= 300 && status < 400) {
			return // redirects are the transport's business, covered elsewhere
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", contentType)
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		}))
		defer srv.Close()
		c, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: "fuzz-key", MaxAttempts: 1, ActionTimeout: 2 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Lookup(context.Background(), client.LookupRequest{AccountNumber: "00065821-0672430", PostalCode: "97501"})
		if err == nil {
			if status >= 300 {
				t.Fatalf("status %d accepted as an answer", status)
			}
			return
		}
		var apiErr *client.APIError
		if !errors.As(err, &apiErr) && !errors.Is(err, client.ErrUnavailable) {
			t.Fatalf("status %d %q: untyped error %v", status, contentType, err)
		}
	})
}
