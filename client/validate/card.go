package validate

import "strings"

// Card brands the portal accepts (Visa, MasterCard, Discover, American Express).
const (
	BrandVisa       = "visa"
	BrandMastercard = "mastercard"
	BrandDiscover   = "discover"
	BrandAmex       = "amex"
)

// The kiosk never sees a card number: a card is read by the payment terminal
// (internal/terminal), and the portal is told only what the terminal said of
// it: which terminal, which transaction, the brand and the last four digits,
// and the terminal's reference of the payment or its token for the card. These
// checks are of that, as the portal makes them.

// maxCardReference bounds a terminal's ID, a transaction's ID, a reference or a
// token: nexo's own fields are at most 64 characters long.
const maxCardReference = 64

// CardBrand checks a card brand: one of the four the portal accepts.
func CardBrand(brand string) Code {
	switch brand {
	case "":
		return Required
	case BrandVisa, BrandMastercard, BrandDiscover, BrandAmex:
		return OK
	}
	return UnsupportedCardBrand
}

// CardReference checks an ID a terminal gave (its POIID, a transaction's ID, a
// payment's reference or a card's token): 1 to 64 printable ASCII characters
// other than a space. Empty input gives Required.
func CardReference(s string) Code {
	if s == "" {
		return Required
	}
	if len(s) > maxCardReference || strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r > '~' }) >= 0 {
		return InvalidCardReference
	}
	return OK
}

// CardLast4 checks the last four digits of a card, as the terminal gave them.
func CardLast4(s string) Code {
	if s == "" {
		return Required
	}
	if !digitsLenBetween(s, 4, 4) {
		return InvalidCardReference
	}
	return OK
}

// Last4 returns the last four ASCII digits of s (fewer if s has fewer),
// ignoring every other character; for masked display ("•••• 1111").
func Last4(digits string) string {
	var out [4]byte
	n := 0
	for i := len(digits) - 1; i >= 0 && n < 4; i-- {
		if b := digits[i]; b >= '0' && b <= '9' {
			n++
			out[4-n] = b
		}
	}
	return string(out[4-n:])
}
