package client

import (
	"context"
	"crypto/tls"
	"errors"
	"net"

	"github.com/go-resty/resty/v2"
)

// knownCodes are the error codes of the contract (docs/portal-api.yaml).
var knownCodes = map[string]bool{
	CodeAccountNotFound: true, CodeRateLimited: true, CodeUnauthorized: true, CodeSessionInvalid: true,
	CodeBadCredentials: true, CodeEmailTaken: true, CodeAlreadyRegistered: true, CodeValidationFailed: true,
	CodeIdempotencyConflict: true, CodePaymentMethodNotFound: true, CodeNotFound: true,
	CodeMethodNotAllowed: true, CodeUnavailable: true, CodeInternal: true,
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
