package validate

import (
	"strings"
	"time"
)

// Card brands the portal accepts (Visa, MasterCard, Discover, American Express).
const (
	BrandVisa       = "visa"
	BrandMastercard = "mastercard"
	BrandDiscover   = "discover"
	BrandAmex       = "amex"
)

// maxCardInput bounds the typed card number before any work is done on it.
const maxCardInput = 64

// CardNumber checks a payment card number. A single space or dash is allowed
// between two digits and removed; one anywhere else (leading, trailing, or two
// in a row) makes the number invalid. The number must pass the Luhn check, belong to
// a supported brand and have a length that brand issues.
//
// digits is the number without separators whenever the input holds only
// digits and separators (even when c is not OK, so the UI can show the
// brand while the visitor types); brand is set whenever the prefix is
// recognised. Empty input gives Required.
func CardNumber(s string) (digits, brand string, c Code) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", Required
	}
	if len(s) > maxCardInput {
		return "", "", InvalidCardNumber
	}
	digits, ok := cardDigits(s)
	if !ok {
		return "", "", InvalidCardNumber
	}
	brand = cardBrand(digits)
	switch {
	case len(digits) < 12 || len(digits) > 19 || !luhnValid(digits):
		return digits, brand, InvalidCardNumber
	case brand == "":
		return digits, "", UnsupportedCardBrand
	case !brandLength(brand, len(digits)):
		return digits, brand, InvalidCardNumber
	}
	return digits, brand, OK
}

// cardDigits removes the separators of s, each of which must stand between
// two digits; ok is false for anything else.
func cardDigits(s string) (digits string, ok bool) {
	d := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			d = append(d, b)
		case (b == ' ' || b == '-') && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]):
		default:
			return "", false
		}
	}
	return string(d), len(d) > 0
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// cardBrand recognises the brand from the issuer prefix (IIN ranges as
// published by each network); "" when unsupported or unknown.
func cardBrand(d string) string {
	p2 := prefixInt(d, 2)
	p4 := prefixInt(d, 4)
	p6 := prefixInt(d, 6)
	switch {
	case d[0] == '4':
		return BrandVisa
	case p2 == 34 || p2 == 37:
		return BrandAmex
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720:
		return BrandMastercard
	case p4 == 6011, p2 == 65, prefixInt(d, 3) >= 644 && prefixInt(d, 3) <= 649,
		p6 >= 622126 && p6 <= 622925:
		return BrandDiscover
	}
	return ""
}

// prefixInt returns the first n digits of d as a number, or -1 when d is shorter.
func prefixInt(d string, n int) int {
	if len(d) < n {
		return -1
	}
	v := 0
	for i := 0; i < n; i++ {
		v = v*10 + int(d[i]-'0')
	}
	return v
}

// brandLength reports whether a brand issues numbers of length n.
func brandLength(brand string, n int) bool {
	switch brand {
	case BrandVisa:
		return n == 13 || n == 16 || n == 19
	case BrandAmex:
		return n == 15
	case BrandMastercard:
		return n == 16
	case BrandDiscover:
		return n >= 16 && n <= 19
	}
	return false
}

// luhnValid implements the Luhn (mod 10) check. Hand-written on purpose: it is
// a few lines and no maintained Go module provides it (checked on the module
// proxy); a dependency would cost more to vet than this costs to read.
// d must be ASCII digits.
func luhnValid(d string) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if double {
			if n *= 2; n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}

// maxExpiryYears is how far in the future an expiry date may lie.
const maxExpiryYears = 20

// Expiry checks a card's expiry month (1..12) and year. The year may be given
// with four digits (2000..2099) or two (0..99, meaning 2000..2099), as printed
// on the card. A card is valid through the last day of its expiry month, as
// the card networks have it, in zone: the utility's, not the machine's, so a
// kiosk set to another zone neither refuses a good card on the evening of
// its last day nor takes an expired one on the morning after. An earlier
// month gives CardExpired, a year more than 20 years after now gives
// InvalidExpiry. A nil zone is UTC.
func Expiry(month, year int, now time.Time, zone *time.Location) Code {
	if year >= 0 && year <= 99 {
		year += 2000
	}
	if month < 1 || month > 12 || year < 2000 || year > 2099 {
		return InvalidExpiry
	}
	if zone == nil {
		zone = time.UTC
	}
	ny, nm, _ := now.In(zone).Date()
	switch {
	case year > ny+maxExpiryYears:
		return InvalidExpiry
	case year < ny || (year == ny && time.Month(month) < nm):
		return CardExpired
	}
	return OK
}

// CVV checks the card security code: 4 digits for American Express, 3 for the
// other brands; for an empty or unknown brand either length is accepted.
// Empty input gives Required.
func CVV(cvv, brand string) Code {
	cvv = strings.TrimSpace(cvv)
	if cvv == "" {
		return Required
	}
	lo, hi := 3, 4
	switch brand {
	case BrandAmex:
		lo = 4
	case BrandVisa, BrandMastercard, BrandDiscover:
		hi = 3
	}
	if !digitsLenBetween(cvv, lo, hi) {
		return InvalidCVV
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
