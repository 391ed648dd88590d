package client

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors, for errors.Is. An *APIError matches one of them by its
// status; every failure to get a usable answer (network, timeout, malformed
// or oversize body, refused redirect, an answer the contract does not allow)
// matches ErrUnavailable.
var (
	ErrNotFound     = errors.New("portal: not found")
	ErrRateLimited  = errors.New("portal: rate limited")
	ErrUnauthorized = errors.New("portal: unauthorized")
	ErrValidation   = errors.New("portal: validation failed")
	ErrConflict     = errors.New("portal: conflict")
	ErrUnavailable  = errors.New("portal: unavailable")
	// ErrUnexpectedAnswer is a 2xx answer the contract does not allow (a field
	// missing or insane, or not what was asked): the portal may have acted, so
	// for money the outcome is unknown. It comes in an *UnavailableError.
	ErrUnexpectedAnswer = errors.New("portal: unexpected answer")
)

// APIError is an error answer of the portal (an ErrorBody with its status).
type APIError struct {
	Status     int               // HTTP status
	Code       string            // stable code, e.g. CodeAccountNotFound; CodeUnknown for one the contract lacks
	Message    string            // English, for people; never shown to visitors as is
	Fields     map[string]string // with CodeValidationFailed: field -> validate code
	RetryAfter time.Duration     // from Retry-After, when present
}

// Error describes the error by status and code only, a code the contract
// knows (else CodeUnknown): the message is left out so that logging an error
// can never leak what the portal echoed.
func (e *APIError) Error() string {
	return fmt.Sprintf("portal: %d %s", e.Status, knownCode(e.Code))
}

// Is maps the status to the sentinel errors.
func (e *APIError) Is(target error) bool {
	return target != nil && target == sentinelFor(e.Status)
}

// sentinelFor returns the sentinel matching an HTTP error status, or nil.
func sentinelFor(status int) error {
	switch {
	case status == http.StatusNotFound:
		return ErrNotFound
	case status == http.StatusTooManyRequests:
		return ErrRateLimited
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return ErrUnauthorized
	case status == http.StatusBadRequest, status == http.StatusUnprocessableEntity:
		return ErrValidation
	case status == http.StatusConflict:
		return ErrConflict
	case status >= 500:
		return ErrUnavailable
	}
	return nil
}

// UnavailableError is returned when no usable answer was obtained: a network
// error, a timeout, a malformed, non-JSON or oversize body, a refused
// redirect, or a 2xx answer the contract does not allow (ErrUnexpectedAnswer).
// It matches ErrUnavailable and its cause (e.g. context.DeadlineExceeded).
type UnavailableError struct {
	Method, Route string
	Cause         error
}

// Error names the method, route and the kind of failure in the client's own
// words, never the cause's text: Go's transport quotes what the server sent
// (a malformed status line, say), which could be anything, a card number too.
func (e *UnavailableError) Error() string {
	var problem answerProblem
	var status *statusError
	detail := strings.ReplaceAll(ErrorClass(e.Cause), "_", " ")
	switch {
	case errors.As(e.Cause, &problem):
		detail = problem.Error()
	case errors.As(e.Cause, &status):
		detail = status.Error()
	}
	return fmt.Sprintf("portal unavailable: %s %s: %s", e.Method, e.Route, detail)
}

// Unwrap returns ErrUnavailable and the cause.
func (e *UnavailableError) Unwrap() []error { return []error{ErrUnavailable, e.Cause} }

// Causes used inside UnavailableError.
var (
	errTooLarge      = errors.New("response too large")
	errRedirect      = errors.New("redirect refused")
	errNotJSON       = errors.New("response is not JSON")
	errMalformed     = errors.New("malformed JSON response")
	errNoTimeToRetry = errors.New("no time left to retry before the deadline")
)

// statusError describes an answer that is neither success nor a JSON error, by
// its status alone (its content type is the server's text).
type statusError struct{ Status int }

func (e *statusError) Error() string { return fmt.Sprintf("unexpected status %d", e.Status) }

// answerProblem is what is wrong with a 2xx answer, in the client's own words.
type answerProblem string

func (p answerProblem) Error() string { return "unexpected answer: " + string(p) }

// Is makes an answerProblem match ErrUnexpectedAnswer.
func (p answerProblem) Is(target error) bool { return target == ErrUnexpectedAnswer }
