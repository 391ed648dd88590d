package ui

import (
	"strings"

	"github.com/medfordwater/lobbykiosk/client/validate"
)

// The field checks several screens share (fieldSpec.check). A check returns the
// value it normalised, which the visit keeps once the field checks out
// (visit.values): what a screen sends the portal is that value, never the typed
// text checked a second time.

func checkAccountNumber(_ *visit, text string) (string, validate.Code) {
	return validate.AccountNumber(text)
}

func checkPostalCode(_ *visit, text string) (string, validate.Code) {
	return validate.PostalCode(text)
}

func checkEmail(_ *visit, text string) (string, validate.Code) {
	return validate.Email(text)
}

func checkEmailAgain(v *visit, text string) (string, validate.Code) {
	return strings.TrimSpace(text), validate.EmailsMatch(v.fields[fieldEmail], text)
}

// trimmed is a check of codes alone as a check of values: the value is the text
// without the spaces round it.
func trimmed(check func(string) validate.Code) func(*visit, string) (string, validate.Code) {
	return func(_ *visit, text string) (string, validate.Code) { return strings.TrimSpace(text), check(text) }
}

// emailBlankID is the portal's own words for a blank email field.
const emailBlankID = "field.email_blank"
