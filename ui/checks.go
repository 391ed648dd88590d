package ui

import "github.com/medfordwater/lobbykiosk/client/validate"

// The field checks several screens share (fieldSpec.check).

func checkAccountNumber(_ *visit, text string) validate.Code {
	_, c := validate.AccountNumber(text)
	return c
}

func checkPostalCode(_ *visit, text string) validate.Code {
	_, c := validate.PostalCode(text)
	return c
}

func checkEmail(_ *visit, text string) validate.Code {
	_, c := validate.Email(text)
	return c
}

func checkEmailAgain(v *visit, text string) validate.Code {
	return validate.EmailsMatch(v.fields[fieldEmail], text)
}

// emailBlankID is the portal's own words for a blank email field.
const emailBlankID = "field.email_blank"
