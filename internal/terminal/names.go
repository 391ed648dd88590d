package terminal

import "errors"

// PortalBrand is the portal's name (docs/portal-api.yaml: visa, mastercard,
// amex, discover) of the card scheme a terminal names in PaymentBrand.
func PortalBrand(scheme string) string {
	switch scheme {
	case "mc", "mastercard":
		return "mastercard"
	case "amex", "americanexpress":
		return "amex"
	case "discover":
		return "discover"
	}
	return scheme
}

// ErrorClass names a terminal failure for a log line: one of the package's
// errors, whose texts hold no card, account or key, or "other".
func ErrorClass(err error) string {
	for _, known := range []error{ErrUnresolved, ErrUnreachable, ErrNoAnswer, ErrSecurity, ErrMismatch, ErrMalformed, ErrRejected} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	return "other"
}
