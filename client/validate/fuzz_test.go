package validate

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Each fuzz target asserts: no panic, a valid result normalizes
// idempotently (validating the normalized value gives it back unchanged),
// and an invalid result returns no normalized value.

func FuzzAccountNumber(f *testing.F) {
	for _, s := range []string{"00065821-0672430", "000658210672430", " 1-2 ", "", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, c := AccountNumber(s)
		checkNormalized(t, s, n, c, AccountNumber)
		if c == OK && (len(n) != 16 || n[8] != '-') {
			t.Fatalf("AccountNumber(%q) = %q: not 8-7 digits", s, n)
		}
	})
}

func FuzzPostalCode(f *testing.F) {
	for _, s := range []string{"97501", "975011234", "97501-1234", "9750", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, c := PostalCode(s)
		checkNormalized(t, s, n, c, PostalCode)
	})
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{"a@b.co", "Bob <b@x.com>", "a@b", " A@EXAMPLE.ORG ", `"a b"@x.com`, "a@b..c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, c := Email(s)
		checkNormalized(t, s, n, c, Email)
		if c == OK && (len(n) > maxEmailLen || EmailsMatch(n, s) != OK) {
			t.Fatalf("Email(%q) = %q: too long or not matching its input", s, n)
		}
	})
}

func FuzzEmailsMatch(f *testing.F) {
	f.Add("a@b.co", "A@B.CO ")
	f.Add("a@b.co", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		if c := EmailsMatch(a, b); c == OK && EmailsMatch(b, a) != OK {
			t.Fatalf("EmailsMatch not symmetric for %q, %q", a, b)
		}
	})
}

func FuzzPassword(f *testing.F) {
	for _, s := range []string{"password", "correct horse battery staple", "", "😀😀😀😀😀😀😀😀", "\xff\xfe"} {
		f.Add(s, "a@b.co")
	}
	f.Fuzz(func(t *testing.T, pw, input string) {
		c := Password(pw, input)
		score := PasswordStrength(pw, input)
		if score < 0 || score > 4 {
			t.Fatalf("PasswordStrength(%q) = %d", pw, score)
		}
		if c == OK && (utf8.RuneCountInString(pw) < MinPasswordRunes || score < strongScore) {
			t.Fatalf("Password(%q) OK with score %d", pw, score)
		}
	})
}

func FuzzCardNumber(f *testing.F) {
	for _, s := range []string{"4111 1111 1111 1111", "378282246310005", "3530111333300000", "4111-1111", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, b, c := CardNumber(s)
		if c != OK {
			return
		}
		d2, b2, c2 := CardNumber(d)
		if d2 != d || b2 != b || c2 != OK || !luhnValid(d) || Last4(d) != d[len(d)-4:] {
			t.Fatalf("CardNumber(%q) = %q %q, not stable: %q %q %q", s, d, b, d2, b2, c2)
		}
	})
}

func FuzzExpiry(f *testing.F) {
	f.Add(5, 2026, int64(0))
	f.Add(13, 26, int64(1<<40))
	f.Fuzz(func(t *testing.T, m, y int, unix int64) {
		now := time.Unix(unix%(1<<36), 0).UTC()
		if c := Expiry(m, y, now, time.UTC); c == OK && (m < 1 || m > 12) {
			t.Fatalf("Expiry(%d, %d) OK", m, y)
		}
	})
}

func FuzzCVV(f *testing.F) {
	f.Add("123", "visa")
	f.Add("1234", "amex")
	f.Fuzz(func(t *testing.T, cvv, brand string) {
		if CVV(cvv, brand) == OK && !digitsLenBetween(strings.TrimSpace(cvv), 3, 4) {
			t.Fatalf("CVV(%q, %q) OK", cvv, brand)
		}
	})
}

func FuzzBank(f *testing.F) {
	for _, s := range []string{"011000015", "021000021", "021000022", "1234", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if RoutingNumber(s) == OK && RoutingNumber(strings.TrimSpace(s)) != OK {
			t.Fatalf("RoutingNumber(%q) unstable", s)
		}
		if BankAccountNumber(s) == OK && !isDigits(strings.TrimSpace(s)) {
			t.Fatalf("BankAccountNumber(%q) OK", s)
		}
		AccountType(s)
	})
}

func FuzzHolderName(f *testing.F) {
	for _, s := range []string{"Ana López", "", "\u202eZ", "😀", "李小龙"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if HolderName(s) == OK && (!utf8.ValidString(s) || utf8.RuneCountInString(strings.TrimSpace(s)) > MaxNameRunes) {
			t.Fatalf("HolderName(%q) OK", s)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"$1,234.56", "1234.5", "12", "-5", "1.234", ".75", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cents, c := ParseAmount(s)
		if c != OK {
			if cents != 0 {
				t.Fatalf("ParseAmount(%q) = %d with %q", s, cents, c)
			}
			return
		}
		if AmountCents(cents, 0) != OK {
			t.Fatalf("ParseAmount(%q) = %d, not a valid amount", s, cents)
		}
		again, c2 := ParseAmount(formatCents(cents))
		if again != cents || c2 != OK {
			t.Fatalf("ParseAmount(%q) = %d; reparsed %q = %d %q", s, cents, formatCents(cents), again, c2)
		}
	})
}

// formatCents writes cents as dollars with two decimals (test helper).
func formatCents(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }

// checkNormalized asserts the normalization invariants of fn.
func checkNormalized(t *testing.T, in, n string, c Code, fn func(string) (string, Code)) {
	t.Helper()
	if c != OK {
		if n != "" {
			t.Fatalf("(%q) = %q with code %q", in, n, c)
		}
		return
	}
	if n2, c2 := fn(n); n2 != n || c2 != OK {
		t.Fatalf("(%q) = %q, but (%q) = %q, %q", in, n, n, n2, c2)
	}
}
