package client

import "time"

// The names of the portal calls, one per method of Client that calls the
// portal: what an Observer is told, and the metrics' closed set of calls.
const (
	CallHealth            = "health"
	CallTerms             = "terms"
	CallLookup            = "lookup"
	CallRegister          = "register"
	CallSignIn            = "sign_in"
	CallSignOut           = "sign_out"
	CallPasswordReset     = "password_reset"
	CallAccount           = "account"
	CallAddPaymentMethod  = "add_payment_method"
	CallEnrollAutoPay     = "enroll_autopay"
	CallSetBillDelivery   = "set_bill_delivery"
	CallVerificationEmail = "verification_email"
	CallPayOnce           = "pay_once"
	CallCardPayment       = "card_payment"
	CallHeartbeat         = "heartbeat"
	CallOutbox            = "outbox"
)

// CallNames lists every call name, in the order of the Client's methods.
func CallNames() []string {
	return []string{CallHealth, CallTerms, CallLookup, CallRegister, CallSignIn, CallSignOut,
		CallPasswordReset, CallAccount, CallAddPaymentMethod, CallEnrollAutoPay, CallSetBillDelivery,
		CallVerificationEmail, CallPayOnce, CallCardPayment, CallHeartbeat, CallOutbox}
}

// Observer hears of every portal call once it is over, retries included: its
// name (one of CallNames), the error the caller got (nil on success) and how
// long the call took. It is called on the caller's goroutine, so it must be
// quick and safe for concurrent use.
type Observer interface {
	PortalCall(name string, err error, took time.Duration)
}
