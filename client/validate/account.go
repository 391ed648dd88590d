package validate

import (
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/ccojocar/zxcvbn-go"
	"golang.org/x/net/idna"
)

// AccountNumber checks a portal account number: the 8-digit customer number, a
// hyphen and the 7-digit account number, e.g. "00065821-0672430". Surrounding
// spaces are ignored and the hyphen may be left out ("000658210672430"); the
// result is always the hyphenated form. Empty input gives Required.
func AccountNumber(s string) (normalized string, c Code) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", Required
	case len(s) == 16 && s[8] == '-' && isDigits(s[:8]) && isDigits(s[9:]):
		return s, OK
	case len(s) == 15 && isDigits(s):
		return s[:8] + "-" + s[8:], OK
	}
	return "", InvalidAccountNumber
}

// noZIP is the five-digit code no US address has; typing it is a way round the
// field, not an answer.
const noZIP = "00000"

// PostalCode checks a US ZIP code: 5 digits or ZIP+4, never 00000. "975011234"
// is normalized to "97501-1234". Empty input gives Required.
func PostalCode(s string) (normalized string, c Code) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", Required
	case strings.HasPrefix(s, noZIP):
		return "", InvalidPostalCode
	case len(s) == 5 && isDigits(s):
		return s, OK
	case len(s) == 10 && s[5] == '-' && isDigits(s[:5]) && isDigits(s[6:]):
		return s, OK
	case len(s) == 9 && isDigits(s):
		return s[:5] + "-" + s[5:], OK
	}
	return "", InvalidPostalCode
}

// Maximum lengths of an address (RFC 5321 as amended by errata 1690).
const (
	maxEmailLen = 254
	maxLocalLen = 64
)

// Email checks an email address typed by a visitor. It is stricter than
// net/mail alone: no display name or comments (the parsed address must equal
// the trimmed input), a domain name that can exist (see validDomain), and at
// most 254 bytes. Only printable ASCII is accepted (internationalized
// addresses are out of scope for the kiosk). The domain is lower-cased in
// the normalized result; the local part is kept as typed.
func Email(s string) (normalized string, c Code) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", Required
	}
	if len(s) > maxEmailLen || !printableASCII(s) {
		return "", InvalidEmail
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return "", InvalidEmail
	}
	at := strings.LastIndexByte(s, '@')
	local, domain := s[:at], s[at+1:]
	domain = strings.ToLower(domain)
	if len(local) > maxLocalLen || !validDomain(domain) {
		return "", InvalidEmail
	}
	return local + "@" + domain, OK
}

// printableASCII reports whether s holds only printable ASCII (space included).
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// validDomain reports whether the lower-case d is a host name mail can be
// delivered to: two labels or more, each of letters, digits and inner hyphens
// (the LDH rule of RFC 1123, checked with IDNA's registration profile, which
// also refuses malformed punycode), and a top-level label as every delegated
// one is: two letters or more, or an internationalised one in punycode
// ("xn--p1ai"). So "a@b.c", and an IP address, are no email.
func validDomain(d string) bool {
	labels := strings.Split(d, ".")
	if len(labels) < 2 || !topLevelLabel(labels[len(labels)-1]) {
		return false
	}
	_, err := idna.Registration.ToASCII(d)
	return err == nil
}

func topLevelLabel(l string) bool {
	if strings.HasPrefix(l, "xn--") {
		return true // its letters are checked as punycode with the rest
	}
	if len(l) < 2 {
		return false
	}
	for _, r := range l {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// EmailsMatch checks the "Re-enter Email" field b against the email a.
// The comparison ignores case and surrounding spaces. Empty b gives Required.
func EmailsMatch(a, b string) Code {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if b == "" {
		return Required
	}
	if !strings.EqualFold(a, b) {
		return EmailMismatch
	}
	return OK
}

// Password length rules. Only the first maxScoredRunes runes are scored:
// zxcvbn's matching grows faster than linearly with the length, and a prefix
// that long is already far beyond any guessing attack.
const (
	MinPasswordRunes = 8
	maxScoredRunes   = 100
	strongScore      = 3
)

// Password checks a new password: at least 8 characters (runes) and a zxcvbn
// score of 3 or more, given the visitor's other inputs (email, name, account
// number) as userInputs. There are no composition rules. An empty password
// gives Required. The password is never trimmed.
func Password(pw string, userInputs ...string) Code {
	switch {
	case pw == "":
		return Required
	case utf8.RuneCountInString(pw) < MinPasswordRunes:
		return PasswordTooShort
	case PasswordStrength(pw, userInputs...) < strongScore:
		return WeakPassword
	}
	return OK
}

// PasswordStrength returns the zxcvbn score 0..4 of pw, for a live strength
// meter. The empty password scores 0.
func PasswordStrength(pw string, userInputs ...string) int {
	if pw == "" {
		return 0
	}
	inputs := make([]string, 0, len(userInputs))
	for _, in := range userInputs {
		if in = strings.TrimSpace(in); in != "" {
			inputs = append(inputs, prefixRunes(strings.ToValidUTF8(in, ""), maxScoredRunes))
		}
	}
	pw = prefixRunes(strings.ToValidUTF8(pw, ""), maxScoredRunes)
	score := zxcvbn.PasswordStrength(pw, inputs).Score
	return min(max(score, 0), 4)
}

// prefixRunes returns at most n runes of s.
func prefixRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}
