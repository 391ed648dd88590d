package validate

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// hostile inputs every validator must survive.
var hostile = []string{
	"", " ", "\x00", "\t\n\r", "\u200f\u202e", "😀😀😀", "\xff\xfe", strings.Repeat("9", 5000),
	strings.Repeat("😀", 2000), "00065821-0672430\u202e", "<script>", "1e9", "-1", "NaN",
}

func TestAccountNumber(t *testing.T) {
	tests := []struct {
		in, want string
		code     Code
	}{
		{"00065821-0672430", "00065821-0672430", OK},
		{"000658210672430", "00065821-0672430", OK},
		{"  00065821-0672430 \t", "00065821-0672430", OK},
		{" 000658210672430\n", "00065821-0672430", OK},
		{"", "", Required},
		{"   ", "", Required},
		{"A0000000-0000000", "", InvalidAccountNumber},
		{"0006582-10672430", "", InvalidAccountNumber},
		{"00065821 0672430", "", InvalidAccountNumber},
		{"00065821-067243", "", InvalidAccountNumber},
		{"00065821-06724301", "", InvalidAccountNumber},
		{"00065821--672430", "", InvalidAccountNumber},
		{"０００６５８２１-０６７２４３０", "", InvalidAccountNumber}, // full-width digits
		{"00065821-0672430\u200f", "", InvalidAccountNumber},
	}
	for _, tt := range tests {
		got, code := AccountNumber(tt.in)
		if got != tt.want || code != tt.code {
			t.Errorf("AccountNumber(%q) = %q, %q; want %q, %q", tt.in, got, code, tt.want, tt.code)
		}
	}
}

func TestPostalCode(t *testing.T) {
	tests := []struct {
		in, want string
		code     Code
	}{
		{"97501", "97501", OK},
		{" 97501 ", "97501", OK},
		{"97501-1234", "97501-1234", OK},
		{"975011234", "97501-1234", OK},
		{"", "", Required},
		{"9750", "", InvalidPostalCode},
		{"975012", "", InvalidPostalCode},
		{"97501-123", "", InvalidPostalCode},
		{"97501 1234", "", InvalidPostalCode},
		{"ABCDE", "", InvalidPostalCode},
		{"97501-", "", InvalidPostalCode},
		{"00000", "", InvalidPostalCode}, // no US address has it
		{"00000-1234", "", InvalidPostalCode},
		{"000001234", "", InvalidPostalCode},
		{"00501", "00501", OK}, // the lowest ZIP in use
	}
	for _, tt := range tests {
		got, code := PostalCode(tt.in)
		if got != tt.want || code != tt.code {
			t.Errorf("PostalCode(%q) = %q, %q; want %q, %q", tt.in, got, code, tt.want, tt.code)
		}
	}
}

func TestEmail(t *testing.T) {
	tests := []struct {
		in, want string
		code     Code
	}{
		{"ana@example.org", "ana@example.org", OK},
		{"  Ana.Lopez+water@Example.ORG ", "Ana.Lopez+water@example.org", OK},
		{"a@b.co", "a@b.co", OK},
		{"", "", Required},
		{"  ", "", Required},
		{"Bob <b@x.com>", "", InvalidEmail},
		{"<b@x.com>", "", InvalidEmail},
		{"b@x.com (Bob)", "", InvalidEmail},
		{"a@b", "", InvalidEmail},
		{"a@localhost", "", InvalidEmail},
		{"a@b.", "", InvalidEmail},
		{"a@.b", "", InvalidEmail},
		{"a@b..c", "", InvalidEmail},
		{"a@b.c", "", InvalidEmail},          // a one-letter top-level domain: none is delegated
		{"a@b.c0", "", InvalidEmail},         // nor one with a digit
		{"a@b.xn--p1ai", "a@b.xn--p1ai", OK}, // an internationalised one, in punycode
		{"a b@x.com", "", InvalidEmail},
		{"@x.com", "", InvalidEmail},
		{"a@", "", InvalidEmail},
		{"a@@x.com", "", InvalidEmail},
		{"a@[127.0.0.1]", "", InvalidEmail},
		{"a,b@x.com", "", InvalidEmail},
		{"a@x.com, c@y.com", "", InvalidEmail},
		{`"a b"@x.com`, "", InvalidEmail},
		{"a@x.com\x00", "", InvalidEmail},
		{"a\u202e@x.com", "", InvalidEmail},
		{"josé@example.org", "", InvalidEmail},
		{strings.Repeat("a", 65) + "@x.com", "", InvalidEmail},
		{strings.Repeat("a", 64) + "@" + strings.Repeat("b", 63) + ".com", strings.Repeat("a", 64) + "@" + strings.Repeat("b", 63) + ".com", OK},
		{"a@" + strings.Repeat("b.", 130) + "com", "", InvalidEmail},
		// Domains that cannot exist: every label letters, digits and inner hyphens
		// (LDH), the top-level one not all digits.
		{"a@ex!ample.com", "", InvalidEmail},
		{"a@{x}.com", "", InvalidEmail},
		{"a@-x-.com", "", InvalidEmail},
		{"a@x-.com", "", InvalidEmail},
		{"a@-x.com", "", InvalidEmail},
		{"a@x.123", "", InvalidEmail},
		{"a@1.2.3.4", "", InvalidEmail},
		{"a@under_score.com", "", InvalidEmail},
		{"a@x.c-m", "", InvalidEmail},       // a top-level domain is letters alone
		{"a@xn--abc.com", "", InvalidEmail}, // not valid punycode
		{"a@xn--bcher-kva.example", "a@xn--bcher-kva.example", OK},
		{"a@mail.123.example", "a@mail.123.example", OK},
		{"a@x.y2k", "", InvalidEmail},
	}
	for _, tt := range tests {
		got, code := Email(tt.in)
		if got != tt.want || code != tt.code {
			t.Errorf("Email(%q) = %q, %q; want %q, %q", tt.in, got, code, tt.want, tt.code)
		}
	}
}

func TestEmailsMatch(t *testing.T) {
	tests := []struct {
		a, b string
		code Code
	}{
		{"ana@example.org", "ana@example.org", OK},
		{"ana@example.org", " ANA@Example.org ", OK},
		{"ana@example.org", "", Required},
		{"ana@example.org", "  ", Required},
		{"ana@example.org", "ana@example.com", EmailMismatch},
		{"", "ana@example.org", EmailMismatch},
	}
	for _, tt := range tests {
		if got := EmailsMatch(tt.a, tt.b); got != tt.code {
			t.Errorf("EmailsMatch(%q, %q) = %q; want %q", tt.a, tt.b, got, tt.code)
		}
	}
}

func TestPassword(t *testing.T) {
	tests := []struct {
		pw     string
		inputs []string
		code   Code
	}{
		{"", nil, Required},
		{"short", nil, PasswordTooShort},
		{"😀😀😀😀😀😀😀", nil, PasswordTooShort}, // 7 runes, 28 bytes
		{"password", nil, WeakPassword},
		{"12345678", nil, WeakPassword},
		{"aaaaaaaaaaaa", nil, WeakPassword},
		{"correct horse battery staple", nil, OK},
		{"Tq7#mW2!vLp9", nil, OK},
		{"rio grande otter lamp", nil, OK},
		{"anamedford1", []string{"anamedford1@example.org"}, WeakPassword},
		{"00065821-0672430", []string{"00065821-0672430"}, WeakPassword},
		{strings.Repeat("a", 5000), nil, WeakPassword},
		{"contraseña segura del río", nil, OK},
	}
	for _, tt := range tests {
		if got := Password(tt.pw, tt.inputs...); got != tt.code {
			t.Errorf("Password(%.20q, %q) = %q; want %q (score %d)", tt.pw, tt.inputs, got, tt.code,
				PasswordStrength(tt.pw, tt.inputs...))
		}
	}
}

func TestPasswordMadeOfTheVisitorsDetailsIsWeak(t *testing.T) {
	for _, number := range []string{"00065821-0672430", "000658210672430"} {
		ctx := PasswordContext{AccountNumber: number, PostalCode: "97501", Email: "maria.lopez@example.com", Utility: "Medford Water"}
		for _, pw := range []string{
			"000658210672430",   // the account number without its hyphen
			"0672430Maria",      // its second half and the email's first word
			"medfordwater97501", // the utility's name run together and the ZIP
			"65821-maria.lopez", // the first half without its zeros and the local part
			"97501Medford!",
		} {
			if c := Password(pw, ctx.Inputs()...); c != WeakPassword {
				t.Errorf("Password(%q) with %s typed = %q (score %d); want %q", pw, number, c,
					PasswordStrength(pw, ctx.Inputs()...), WeakPassword)
			}
		}
		if c := Password("Pear-Canyon-Kettle-42", ctx.Inputs()...); c != OK {
			t.Errorf("a password unrelated to the visitor = %q", c)
		}
	}
	inputs := PasswordContext{AccountNumber: "x", PostalCode: "97501-1234", Email: "a.bo@x.org", Utility: "Medford Water"}.Inputs()
	for _, want := range []string{"97501-1234", "975011234", "97501", "a.bo", "Medford Water", "MedfordWater", "Medford", "Water", "x"} {
		if !slices.Contains(inputs, want) {
			t.Errorf("the strength check is not given %q: %q", want, inputs)
		}
	}
	if slices.Contains(inputs, "a") || slices.Contains(inputs, "bo") {
		t.Errorf("pieces too short to matter are given: %q", inputs)
	}
}

func TestPasswordStrengthRange(t *testing.T) {
	for _, s := range append(hostile, "password", "correct horse battery staple") {
		if got := PasswordStrength(s, s, "", "\xff"); got < 0 || got > 4 {
			t.Errorf("PasswordStrength(%.20q) = %d, out of 0..4", s, got)
		}
	}
	if got := PasswordStrength(""); got != 0 {
		t.Errorf("PasswordStrength(\"\") = %d; want 0", got)
	}
}

func TestPasswordLongInputIsFast(t *testing.T) {
	start := time.Now()
	Password(strings.Repeat("abcdefghij", 1000), strings.Repeat("z", 5000))
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Password on 10 KB took %v", d)
	}
}
