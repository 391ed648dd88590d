package portalsim

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
)

// codeMethodNotAllowed answers a known route called with the wrong method.
// client/api.go has no constant for it; docs/portal-api.yaml documents it.
const codeMethodNotAllowed = "method_not_allowed"

// Error codes of the portal's bounds, which the kiosk never meets in normal use
// (client/api.go has no constant for them; docs/portal-api.yaml documents them).
const (
	codeInvalidIdempotencyKey = "invalid_idempotency_key"  // 400: longer than maxIdempotencyKeyChars
	codeTooManyPaymentMethods = "too_many_payment_methods" // 409: the account has maxPaymentMethods
)

// reply is a complete answer, kept whole so idempotent replays repeat it exactly.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// jsonReply encodes v as the JSON body of a status answer.
func jsonReply(status int, v any) reply {
	body, err := json.Marshal(v)
	if err != nil {
		return errorReply(http.StatusInternalServerError, client.CodeInternal, "could not encode the answer")
	}
	return reply{
		status: status,
		header: http.Header{"Content-Type": {"application/json"}},
		body:   body,
	}
}

// errorReply is an ErrorBody answer.
func errorReply(status int, code, message string) reply {
	return jsonReply(status, client.ErrorBody{Code: code, Message: message})
}

// acceptedReply is the {"status":"accepted"} answer of 202 routes.
func acceptedReply() reply {
	return jsonReply(http.StatusAccepted, map[string]string{"status": "accepted"})
}

// noContentReply is an empty 204.
func noContentReply() reply {
	return reply{status: http.StatusNoContent, header: http.Header{}}
}

// htmlReply is a small text/html page.
func htmlReply(status int, page string) reply {
	return reply{
		status: status,
		header: http.Header{"Content-Type": {"text/html; charset=utf-8"}},
		body:   []byte(page),
	}
}

// rateLimitedReply is a 429 telling the client to wait at least wait.
func rateLimitedReply(wait time.Duration) reply {
	r := errorReply(http.StatusTooManyRequests, client.CodeRateLimited, "too many failed attempts; try again later")
	seconds := max(1, int(math.Ceil(wait.Seconds())))
	r.header.Set("Retry-After", strconv.Itoa(seconds))
	return r
}

// fieldErrors collects the bad fields of a request: JSON name -> validate code.
type fieldErrors map[string]string

// check records code for field unless it is OK.
func (f fieldErrors) check(field string, code validate.Code) {
	if code != validate.OK {
		f[field] = string(code)
	}
}

// reply is the 422 answer listing every bad field.
func (f fieldErrors) reply() reply {
	return jsonReply(http.StatusUnprocessableEntity, client.ErrorBody{
		Code:    client.CodeValidationFailed,
		Message: "some fields are not valid",
		Fields:  f,
	})
}

// invalidBodyReply answers a body that is not the JSON this route expects.
func invalidBodyReply() reply {
	return errorReply(http.StatusUnprocessableEntity, client.CodeValidationFailed,
		"the request body is not valid JSON for this route")
}

// decodeBody strictly decodes a JSON body into v: unknown fields and trailing
// data are errors.
func decodeBody(body []byte, v any) bool {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return false
	}
	return !dec.More()
}

// write sends the reply.
func (r reply) write(w http.ResponseWriter) {
	for name, values := range r.header {
		w.Header()[name] = values
	}
	w.WriteHeader(r.status)
	_, _ = w.Write(r.body)
}
