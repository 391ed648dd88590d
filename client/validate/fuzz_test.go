package validate

import (
	"fmt"
	"strings"
	"testing"
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

func FuzzCardReference(f *testing.F) {
	for _, s := range []string{"V400m-346403161", "0010", "tx 1", "", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if CardReference(s) == OK && (len(s) > maxCardReference || strings.ContainsAny(s, " \t\n") || !utf8.ValidString(s)) {
			t.Fatalf("CardReference(%q) OK", s)
		}
		if CardLast4(s) == OK && Last4(s) != s {
			t.Fatalf("CardLast4(%q) OK but Last4 gives %q", s, Last4(s))
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
