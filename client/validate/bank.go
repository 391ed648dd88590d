package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// RoutingNumber checks a US bank routing (ABA) number: 9 digits, a valid
// Federal Reserve prefix and the ABA checksum with weights 3-7-1. Surrounding
// spaces are ignored. Empty input gives Required.
func RoutingNumber(s string) Code {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return Required
	case len(s) != 9 || !isDigits(s) || s == "000000000":
		return InvalidRoutingNumber
	case !abaPrefixValid(prefixInt(s, 2)) || !abaChecksumValid(s):
		return InvalidRoutingNumber
	}
	return OK
}

// abaPrefixValid reports whether the first two digits are a range the
// Federal Reserve assigns: 00-12 (government and banks), 21-32 (thrifts),
// 61-72 (electronic) and 80 (traveller's cheques).
func abaPrefixValid(p int) bool {
	return p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p == 80
}

// abaChecksumValid implements the ABA routing checksum:
// 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) must be a multiple of 10.
// Hand-written on purpose: it is a few lines and no maintained Go module
// provides it; s must be 9 ASCII digits.
func abaChecksumValid(s string) bool {
	weights := [3]int{3, 7, 1}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += weights[i%3] * int(s[i]-'0')
	}
	return sum%10 == 0
}

// BankAccountNumber checks a US bank account number: 4 to 17 digits.
// Surrounding spaces are ignored. Empty input gives Required.
func BankAccountNumber(s string) Code {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return Required
	case !digitsLenBetween(s, 4, 17):
		return InvalidBankAccount
	}
	return OK
}

// AccountType checks a bank account type: exactly "checking" or "savings".
// Empty input gives Required.
func AccountType(s string) Code {
	switch s {
	case "":
		return Required
	case "checking", "savings":
		return OK
	}
	return InvalidAccountType
}

// MaxNameRunes is the longest name a card or bank account holder may have.
const MaxNameRunes = 100

// HolderName checks the name of a card or bank account holder: after trimming,
// non-empty, at most 100 runes, at least one letter, and nothing UnusualText
// refuses (which could make the name display differently from what is
// stored). Empty gives Required.
func HolderName(s string) Code {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return Required
	case UnusualText(s, false) || utf8.RuneCountInString(s) > MaxNameRunes:
		return InvalidName
	case strings.IndexFunc(s, unicode.IsLetter) < 0:
		return InvalidName
	}
	return OK
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
