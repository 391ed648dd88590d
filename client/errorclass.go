package client

import (
	"context"
	"crypto/tls"
	"errors"
	"net"

	"github.com/go-resty/resty/v2"

	"github.com/medfordwater/lobbykiosk/client/validate"
)

// knownCodes are the error codes of the contract (docs/portal-api.yaml).
var knownCodes = map[string]bool{
	CodeAccountNotFound: true, CodeRateLimited: true, CodeUnauthorized: true, CodeSessionInvalid: true,
	CodeBadCredentials: true, CodeEmailTaken: true, CodeAlreadyRegistered: true, CodeValidationFailed: true,
	CodeIdempotencyConflict: true, CodePaymentMethodNotFound: true, CodeNotFound: true,
	CodeMethodNotAllowed: true, CodeUnavailable: true, CodeInternal: true,
}

// knownFieldNames are the request fields the contract's 422 answers may name:
// the JSON names of the requests' fields (docs/portal-api.yaml).
var knownFieldNames = map[string]bool{
	"account_ref": true, "account_number": true, "postal_code": true, "email": true, "password": true,
	"terms_version": true, "lang": true, "amount_cents": true, "payment": true, "payment_method_id": true,
	"method": true, "kiosk_id": true,
	"card.poi_id": true, "card.transaction_id": true, "card.reference": true, "card.token": true, "card.brand": true,
	"card.last4":       true,
	"bank.holder_name": true, "bank.routing_number": true, "bank.account_number": true, "bank.account_type": true,
}

// knownFields keeps the field problems of a 422 that the contract allows: a
// field name it knows with a field code it knows. A hostile portal's own names
// or codes never reach the screen, where the kiosk would show them as words
// ("field. Payment not taken: call 1-900-…"): a 422 left with none shows the
// generic message.
func knownFields(in map[string]string) map[string]string {
	var out map[string]string
	for name, code := range in {
		if knownFieldNames[name] && validate.Known(validate.Code(code)) {
			if out == nil {
				out = map[string]string{}
			}
			out[name] = code
		}
	}
	return out
}

// knownCode is code when the contract has it, else CodeUnknown: a hostile
// portal's code (545 bytes holding an email and a card number, say) never
// reaches an error's text, a log or the heartbeat's counts.
func knownCode(code string) string {
	if knownCodes[code] {
		return code
	}
	return CodeUnknown
}

// ErrorClass names the kind of a portal call's error from a closed set, safe to
// log: the portal's error code (one the contract knows, else "unknown"), or what
// kept the kiosk from a usable answer ("deadline_exceeded", "canceled",
// "unexpected_answer", "unexpected_status", "too_large", "redirect_refused",
// "not_json", "malformed_json", "no_time_to_retry", "untrusted_certificate",
// "timeout", "network", "transport"). Nil is "none".
func ErrorClass(err error) string {
	var apiErr *APIError
	var problem answerProblem
	var status *statusError
	switch {
	case err == nil:
		return "none"
	case errors.As(err, &apiErr):
		return knownCode(apiErr.Code)
	case errors.Is(err, context.DeadlineExceeded):
		return "deadline_exceeded"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.As(err, &problem):
		return "unexpected_answer"
	case errors.As(err, &status):
		return "unexpected_status"
	}
	return transportClass(err)
}

// transportClass names a failure below the portal's answers.
func transportClass(err error) string {
	var certErr *tls.CertificateVerificationError
	var netErr net.Error
	switch {
	case errors.Is(err, errTooLarge), errors.Is(err, resty.ErrResponseBodyTooLarge):
		return "too_large"
	case errors.Is(err, errRedirect):
		return "redirect_refused"
	case errors.Is(err, errNotJSON):
		return "not_json"
	case errors.Is(err, errMalformed):
		return "malformed_json"
	case errors.Is(err, errNoTimeToRetry):
		return "no_time_to_retry"
	case errors.As(err, &certErr):
		return "untrusted_certificate"
	case errors.As(err, &netErr) && netErr.Timeout():
		return "timeout"
	case errors.As(err, new(*net.OpError)):
		return "network"
	}
	return "transport"
}
