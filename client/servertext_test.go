package client_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/client"
)

// Server text never reaches an error's text or the client's logs: a status line
// or a content type quoting a card number, an error code holding an email and
// one, all stay out.
const (
	leakedCard  = "4111111111111111"
	leakedEmail = "leak.victim@example.org"
)

// longCode is a 545-byte error code holding an email and a card number.
var longCode = func() string {
	c := "x-" + leakedEmail + "-" + leakedCard + "-"
	return c + strings.Repeat("z", 545-len(c))
}()

// leakingAnswers are answers whose bytes the client must never repeat.
var leakingAnswers = map[string]func(w http.ResponseWriter){
	"status line": func(w http.ResponseWriter) { rawAnswer(w, "HTTP/1.1 "+leakedCard+" OK\r\nContent-Length: 0\r\n\r\n") },
	"content type": func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "text/"+leakedCard+"; from="+leakedEmail)
		w.WriteHeader(502)
	},
	"long code": func(w http.ResponseWriter) {
		writeJSON(w, 400, `{"code":"`+longCode+`","message":"`+leakedEmail+`"}`)
	},
}

// rawAnswer writes raw bytes as the answer, below net/http's checks.
func rawAnswer(w http.ResponseWriter, raw string) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	_, _ = buf.WriteString(raw)
	_ = buf.Flush()
}

func TestErrorsAndLogsNeverQuoteTheServer(t *testing.T) {
	for name, answer := range leakingAnswers {
		h := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { answer(w) })
		log, logs := newLogger()
		c := newClient(t, client.Options{BaseURL: h.URL, Logger: log})
		_, err := c.Health(context.Background())
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		for _, text := range []string{err.Error(), client.ErrorClass(err), logs.String()} {
			for _, leak := range []string{leakedCard, "4111 ", leakedEmail, "leak.victim", "zzzz"} {
				if strings.Contains(text, leak) {
					t.Errorf("%s: %q holds %q", name, text, leak)
				}
			}
		}
	}
}

func TestOnlyKnownErrorCodesPass(t *testing.T) {
	for code, want := range map[string]string{"account_not_found": "account_not_found",
		"method_not_allowed": "method_not_allowed", longCode: "unknown", "Account_Not_Found": "unknown",
		"brand_new_code": "unknown"} {
		h := answerFrom(t, 404, `{"code":"`+code+`","message":"m"}`)
		_, err := newClient(t, client.Options{BaseURL: h.URL}).Health(context.Background())
		wantAPIError(t, err, 404, want, client.ErrNotFound)
		if client.ErrorClass(err) != want || err.Error() != "portal: 404 "+want {
			t.Errorf("code %.20q: class %q, text %q", code, client.ErrorClass(err), err)
		}
	}
}

// A 422's field problems reach the kiosk only for fields the contract names,
// with codes it knows: the portal's own words in a code, or a field the kiosk
// does not have, are dropped.
func TestOnlyKnownFieldProblemsAreBelieved(t *testing.T) {
	h := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, 422, `{"code":"validation_failed","message":"no","fields":{`+
			`"email":"invalid_email","card.number":"Payment not taken: call 1-900-555-0100",`+
			`"evil":"required","password":"`+leakedCard+`"}}`)
	})
	c := newClient(t, client.Options{BaseURL: h.URL})
	_, err := c.Lookup(context.Background(), client.LookupRequest{AccountNumber: "00065821-0672430", PostalCode: "97501"})
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v, want an APIError", err)
	}
	if len(apiErr.Fields) != 1 || apiErr.Fields["email"] != "invalid_email" {
		t.Errorf("fields believed: %v, want only email's invalid_email", apiErr.Fields)
	}
}
