package metrics

import (
	"context"
	"errors"
	"net/http"

	"github.com/medfordwater/lobbykiosk/client"
)

// The results of lobbykiosk_portal_requests_total.
const (
	ResultOK          = "ok"           // a believable answer
	ResultRejected    = "rejected"     // an error answer below 500: the visitor's input, not found, rate limited
	ResultPortalError = "portal_error" // an error answer of 500 or more: the portal says it failed
	ResultUnavailable = "unavailable"  // no usable answer: network, TLS, a proxy's page, too large
	ResultTimeout     = "timeout"      // no answer before the deadline
	ResultUnexpected  = "unexpected"   // a 2xx answer the contract does not allow: the portal may have acted
	ResultCanceled    = "canceled"     // the kiosk gave up on the call (the visit ended)
)

// PortalResult is how a portal call that returned err ended, from the results'
// closed set.
func PortalResult(err error) string {
	var apiErr *client.APIError
	switch {
	case err == nil:
		return ResultOK
	case errors.As(err, &apiErr) && apiErr.Status >= http.StatusInternalServerError:
		return ResultPortalError
	case errors.As(err, &apiErr):
		return ResultRejected
	case errors.Is(err, client.ErrUnexpectedAnswer):
		return ResultUnexpected
	case errors.Is(err, context.DeadlineExceeded), client.ErrorClass(err) == "timeout":
		return ResultTimeout
	case errors.Is(err, context.Canceled):
		return ResultCanceled
	}
	return ResultUnavailable
}
