package validate

import (
	"strings"
	"testing"
)

func TestCardAsTheTerminalGivesIt(t *testing.T) {
	for _, tc := range []struct {
		brand, ref, last4 string
		want              [3]Code
	}{
		{"visa", "V400m-346403161", "0010", [3]Code{OK, OK, OK}},
		{"amex", "tx_7f3a.9:b/1", "1234", [3]Code{OK, OK, OK}},
		{"", "", "", [3]Code{Required, Required, Required}},
		{"mc", "two words", "12345", [3]Code{UnsupportedCardBrand, InvalidCardReference, InvalidCardReference}},
		{"Visa", "café", "12a4", [3]Code{UnsupportedCardBrand, InvalidCardReference, InvalidCardReference}},
		{"diners", strings.Repeat("x", 65), "٤١١١", [3]Code{UnsupportedCardBrand, InvalidCardReference, InvalidCardReference}},
	} {
		got := [3]Code{CardBrand(tc.brand), CardReference(tc.ref), CardLast4(tc.last4)}
		if got != tc.want {
			t.Errorf("brand %q, reference %q, last four %q: %q, want %q", tc.brand, tc.ref, tc.last4, got, tc.want)
		}
	}
}

func TestRoutingNumber(t *testing.T) {
	tests := []struct {
		in   string
		code Code
	}{
		{"011000015", OK},
		{"021000021", OK},
		{" 021000021 ", OK},
		{"122105278", OK},
		{"021000022", InvalidRoutingNumber},
		{"000000000", InvalidRoutingNumber},
		{"02100002", InvalidRoutingNumber},
		{"0210000210", InvalidRoutingNumber},
		{"02100002a", InvalidRoutingNumber},
		{"990000003", InvalidRoutingNumber}, // checksum fine, prefix unassigned
		{"", Required},
	}
	for _, tt := range tests {
		if got := RoutingNumber(tt.in); got != tt.code {
			t.Errorf("RoutingNumber(%q) = %q; want %q", tt.in, got, tt.code)
		}
	}
}

func TestBankFields(t *testing.T) {
	acct := map[string]Code{"1234": OK, "12345678901234567": OK, "123": InvalidBankAccount,
		"123456789012345678": InvalidBankAccount, "12-34": InvalidBankAccount, "": Required}
	for in, want := range acct {
		if got := BankAccountNumber(in); got != want {
			t.Errorf("BankAccountNumber(%q) = %q; want %q", in, got, want)
		}
	}
	types := map[string]Code{"checking": OK, "savings": OK, "Checking": InvalidAccountType,
		"credit": InvalidAccountType, "": Required}
	for in, want := range types {
		if got := AccountType(in); got != want {
			t.Errorf("AccountType(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestHolderName(t *testing.T) {
	long := ""
	for range 101 {
		long += "é"
	}
	tests := map[string]Code{
		"Ana López": OK, "  O'Brien-Smith ": OK, "محمد علي": OK, "李小龙": OK,
		"": Required, "   ": Required, "Ana\x00": InvalidName, "Ana\nLópez": InvalidName,
		"Ana\u202eZ": InvalidName, "12345": InvalidName, "😀": InvalidName, long: InvalidName,
		long[:200]: OK, "\xffAna": InvalidName,
		// Characters that draw nothing, or draw over the lines around them.
		"Ana\u2028López": InvalidName, "Ana\u2029López": InvalidName, "Ana\u200bLópez": InvalidName,
		"Ana\u200fLópez": InvalidName, "\ufeffAna López": InvalidName, "Ana\u00adLópez": InvalidName,
		"A\u0300\u0301\u0302na": InvalidName, "Ana\ue000": InvalidName,
		"Zoe\u0308 Nguye\u0302\u0303n": OK, "Ana\u00a0López": OK,
	}
	for in, want := range tests {
		if got := HolderName(in); got != want {
			t.Errorf("HolderName(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestAmounts(t *testing.T) {
	parse := []struct {
		in    string
		cents int64
		code  Code
	}{
		{"$1,234.56", 123456, OK}, {"1234.5", 123450, OK}, {"12", 1200, OK}, {" $ 12.00 ", 1200, OK},
		{".75", 75, OK}, {"0.01", 1, OK}, {"1,000", 100000, OK}, {"999,999,999,999.99", 99999999999999, OK},
		{"", 0, Required}, {"0", 0, InvalidAmount}, {"0.00", 0, InvalidAmount}, {"-5", 0, InvalidAmount},
		{"1.234", 0, InvalidAmount}, {"12.", 0, InvalidAmount}, {"1,23", 0, InvalidAmount},
		{"12,34.00", 0, InvalidAmount}, {",123", 0, InvalidAmount}, {"abc", 0, InvalidAmount},
		{"$$5", 0, InvalidAmount}, {"1e3", 0, InvalidAmount}, {"+5", 0, InvalidAmount},
		{"5 00", 0, InvalidAmount}, {"1234567890123", 0, AmountTooLarge}, {"١٢", 0, InvalidAmount},
	}
	for _, tt := range parse {
		cents, code := ParseAmount(tt.in)
		if cents != tt.cents || code != tt.code {
			t.Errorf("ParseAmount(%q) = %d, %q; want %d, %q", tt.in, cents, code, tt.cents, tt.code)
		}
	}
	check := []struct {
		cents, max int64
		code       Code
	}{{1, 100, OK}, {100, 100, OK}, {101, 100, AmountTooLarge}, {0, 100, InvalidAmount},
		{-1, 100, InvalidAmount}, {1 << 62, 0, OK}}
	for _, tt := range check {
		if got := AmountCents(tt.cents, tt.max); got != tt.code {
			t.Errorf("AmountCents(%d, %d) = %q; want %q", tt.cents, tt.max, got, tt.code)
		}
	}
}

func TestLast4(t *testing.T) {
	tests := map[string]string{"4111111111111111": "1111", "4111 1111 1111 1234": "1234",
		"12": "12", "": "", "ab😀": "", "12345-6": "3456"}
	for in, want := range tests {
		if got := Last4(in); got != want {
			t.Errorf("Last4(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestHostileInputsNeverPanic(t *testing.T) {
	for _, s := range hostile {
		AccountNumber(s)
		PostalCode(s)
		Email(s)
		EmailsMatch(s, s)
		CardBrand(s)
		CardReference(s)
		CardLast4(s)
		RoutingNumber(s)
		BankAccountNumber(s)
		AccountType(s)
		HolderName(s)
		ParseAmount(s)
		Last4(s)
		Password(s, s)
	}
}
