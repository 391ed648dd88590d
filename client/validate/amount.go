package validate

import (
	"strings"
)

// MaxPaymentCents is the most one payment may be, $10,000.00: the portal's own
// limit for a one-time payment. A kiosk may be configured lower, never higher.
const MaxPaymentCents = 1_000_000

// maxAmountDigits bounds the dollars part of a typed amount (under a trillion
// dollars), far above any bill yet safe from int64 overflow.
const maxAmountDigits = 12

// AmountCents checks a payment amount in cents: it must be positive
// (else InvalidAmount) and at most maxCents (else AmountTooLarge).
// maxCents <= 0 means no upper limit.
func AmountCents(cents, maxCents int64) Code {
	switch {
	case cents <= 0:
		return InvalidAmount
	case maxCents > 0 && cents > maxCents:
		return AmountTooLarge
	}
	return OK
}

// ParseAmount reads a dollar amount typed by a visitor and returns it in
// cents. Accepted: an optional "$", digits with optional thousands commas in
// the right places, and an optional decimal point followed by one or two
// digits: "$1,234.56", "1234.5", "12", ".75". Junk, signs, three decimals and
// zero give InvalidAmount; more than 12 dollar digits gives AmountTooLarge.
// Empty input gives Required.
func ParseAmount(s string) (cents int64, c Code) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, Required
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "$"))
	whole, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" || len(frac) > 2 || !isDigits(frac)) {
		return 0, InvalidAmount
	}
	whole, ok := stripGrouping(whole)
	if !ok || (whole == "" && !hasDot) {
		return 0, InvalidAmount
	}
	if len(strings.TrimLeft(whole, "0")) > maxAmountDigits {
		return 0, AmountTooLarge
	}
	cents = digitsValue(whole)*100 + fracCents(frac)
	if cents <= 0 {
		return 0, InvalidAmount
	}
	return cents, OK
}

// stripGrouping removes thousands commas from the dollars part. Commas are
// optional but, when present, must separate groups of exactly three digits.
func stripGrouping(w string) (string, bool) {
	if w == "" {
		return "", true
	}
	if !strings.Contains(w, ",") {
		return w, isDigits(w)
	}
	groups := strings.Split(w, ",")
	if !digitsLenBetween(groups[0], 1, 3) {
		return "", false
	}
	for _, g := range groups[1:] {
		if !digitsLenBetween(g, 3, 3) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// digitsValue converts ASCII digits (bounded by maxAmountDigits after
// leading zeros) to a number.
func digitsValue(d string) int64 {
	var v int64
	for i := 0; i < len(d); i++ {
		v = v*10 + int64(d[i]-'0')
	}
	return v
}

// fracCents converts "", "5" or "56" to cents.
func fracCents(f string) int64 {
	switch len(f) {
	case 1:
		return int64(f[0]-'0') * 10
	case 2:
		return int64(f[0]-'0')*10 + int64(f[1]-'0')
	}
	return 0
}
