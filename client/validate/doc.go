// Package validate checks and normalizes the data a visitor types at the kiosk
// before it is sent to the billing portal: account numbers, ZIP codes, email
// addresses, passwords, bank accounts, amounts, and what a card terminal says of
// a card.
//
// Every function returns a Code; OK ("") means valid. The codes double as the
// portal's 422 field codes and as the UI's translation keys, so the kiosk UI,
// the portal client and the portal simulator all agree on them.
//
// The functions never panic, whatever the input (control characters, bidi
// marks, emoji, invalid UTF-8, multi-kilobyte strings), and never log or keep
// the values they are given.
package validate

// Known reports whether c is one of the codes below, OK aside: the contract's
// field codes (docs/portal-api.yaml, FieldCode).
func Known(c Code) bool { return knownCodes[c] }

var knownCodes = map[Code]bool{
	Required: true, InvalidAccountNumber: true, InvalidPostalCode: true, InvalidEmail: true, EmailMismatch: true,
	PasswordTooShort: true, WeakPassword: true, UnsupportedCardBrand: true, InvalidCardReference: true,
	InvalidRoutingNumber: true, InvalidBankAccount: true,
	InvalidAccountType: true, InvalidAmount: true, AmountTooLarge: true, InvalidName: true, TermsOutdated: true,
	TermsNotAccepted: true,
}

// Code is a validation result. OK ("") means valid; any other value names the
// problem and is the translation key the UI shows.
type Code string

// The validation codes. They are part of the portal wire contract: do not
// rename them.
const (
	OK                   Code = ""
	Required             Code = "required"
	InvalidAccountNumber Code = "invalid_account_number"
	InvalidPostalCode    Code = "invalid_postal_code"
	InvalidEmail         Code = "invalid_email"
	EmailMismatch        Code = "email_mismatch"
	PasswordTooShort     Code = "password_too_short"
	WeakPassword         Code = "weak_password"
	UnsupportedCardBrand Code = "unsupported_card_brand"
	InvalidCardReference Code = "invalid_card_reference" // what a terminal said of a card is not well formed
	InvalidRoutingNumber Code = "invalid_routing_number"
	InvalidBankAccount   Code = "invalid_bank_account"
	InvalidAccountType   Code = "invalid_account_type"
	InvalidAmount        Code = "invalid_amount"
	AmountTooLarge       Code = "amount_too_large"
	InvalidName          Code = "invalid_name"
	TermsOutdated        Code = "terms_outdated"
	TermsNotAccepted     Code = "terms_not_accepted"
)

// String returns the code itself ("" for OK).
func (c Code) String() string { return string(c) }

// isDigits reports whether s is non-empty and made only of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// digitsLenBetween reports whether s is all ASCII digits with min..max of them.
func digitsLenBetween(s string, lo, hi int) bool {
	return len(s) >= lo && len(s) <= hi && isDigits(s)
}
