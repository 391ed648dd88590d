package validate

import (
	"testing"
	"time"
)

func TestCardNumber(t *testing.T) {
	tests := []struct {
		in, digits, brand string
		code              Code
	}{
		{"4111 1111 1111 1111", "4111111111111111", BrandVisa, OK},
		{"4111-1111-1111-1111", "4111111111111111", BrandVisa, OK},
		{"4222222222222", "4222222222222", BrandVisa, OK},
		{"5555 5555 5555 4444", "5555555555554444", BrandMastercard, OK},
		{"2223003122003222", "2223003122003222", BrandMastercard, OK},
		{"6011 1111 1111 1117", "6011111111111117", BrandDiscover, OK},
		{"6445644564456445", "6445644564456445", BrandDiscover, OK},
		{"3782 822463 10005", "378282246310005", BrandAmex, OK},
		{"371449635398431", "371449635398431", BrandAmex, OK},
		{"", "", "", Required},
		{"4111 1111 1111 1112", "4111111111111112", BrandVisa, InvalidCardNumber},
		{"3530111333300000", "3530111333300000", "", UnsupportedCardBrand}, // JCB
		{"30569309025904", "30569309025904", "", UnsupportedCardBrand},     // Diners
		{"37828224631000", "37828224631000", BrandAmex, InvalidCardNumber}, // 14 digits
		{"4111111111111111111", "4111111111111111111", BrandVisa, InvalidCardNumber},
		{"41111111111", "41111111111", BrandVisa, InvalidCardNumber},
		{"4111.1111.1111.1111", "", "", InvalidCardNumber},
		{"4111 1111 1111 111x", "", "", InvalidCardNumber},
		{"٤١١١١١١١١١١١١١١١", "", "", InvalidCardNumber}, // Arabic-Indic digits
		{"0000000000000000", "0000000000000000", "", UnsupportedCardBrand},
		// A separator goes between digits, one at a time.
		{"-4111111111111111", "", "", InvalidCardNumber},
		{"4111111111111111-", "", "", InvalidCardNumber},
		{"4111-1111-1111-1111 -", "", "", InvalidCardNumber},
		{"- 4111 1111 1111 1111", "", "", InvalidCardNumber},
		{"4111--1111-1111-1111", "", "", InvalidCardNumber},
		{"4111 -1111 1111 1111", "", "", InvalidCardNumber},
		{"-", "", "", InvalidCardNumber},
	}
	for _, tt := range tests {
		d, b, c := CardNumber(tt.in)
		if d != tt.digits || b != tt.brand || c != tt.code {
			t.Errorf("CardNumber(%q) = %q, %q, %q; want %q, %q, %q", tt.in, d, b, c, tt.digits, tt.brand, tt.code)
		}
	}
}

func TestLuhn(t *testing.T) {
	for _, s := range []string{"0", "18", "79927398713", "4111111111111111"} {
		if !luhnValid(s) {
			t.Errorf("luhnValid(%q) = false", s)
		}
	}
	for _, s := range []string{"1", "79927398710", "4111111111111121"} {
		if luhnValid(s) {
			t.Errorf("luhnValid(%q) = true", s)
		}
	}
}

func TestExpiry(t *testing.T) {
	now := time.Date(2026, time.May, 31, 23, 59, 0, 0, time.UTC)
	tests := []struct {
		m, y int
		code Code
	}{
		{5, 2026, OK}, // valid through the end of its month
		{5, 26, OK},   // two-digit year
		{6, 2026, OK},
		{12, 2046, OK},
		{1, 2047, InvalidExpiry},
		{4, 2026, CardExpired},
		{12, 2025, CardExpired},
		{4, 26, CardExpired},
		{0, 2027, InvalidExpiry},
		{13, 2027, InvalidExpiry},
		{-1, 2027, InvalidExpiry},
		{6, 1999, InvalidExpiry},
		{6, 2100, InvalidExpiry},
		{6, -5, InvalidExpiry},
		{6, 1 << 40, InvalidExpiry},
	}
	for _, tt := range tests {
		if got := Expiry(tt.m, tt.y, now, time.UTC); got != tt.code {
			t.Errorf("Expiry(%d, %d) = %q; want %q", tt.m, tt.y, got, tt.code)
		}
	}
	if got := Expiry(5, 2026, now.Add(2*time.Minute), time.UTC); got != CardExpired {
		t.Errorf("Expiry(5, 2026) on June 1 = %q; want card_expired", got)
	}
}

// The month ends in the zone given, whatever zone now is in.
func TestExpiryEndsWithTheMonthInTheZoneGiven(t *testing.T) {
	medford, tokyo := mustZone(t, "America/Los_Angeles"), mustZone(t, "Asia/Tokyo")
	lastHalfHour := time.Date(2026, time.July, 31, 23, 30, 0, 0, medford).In(tokyo) // August 1 in Tokyo
	if got := Expiry(7, 2026, lastHalfHour, medford); got != OK {
		t.Errorf("a July card in Medford's last half hour of July = %q; want OK", got)
	}
	if got := Expiry(7, 2026, lastHalfHour, tokyo); got != CardExpired {
		t.Errorf("the same moment in Tokyo's zone = %q; want card_expired", got)
	}
	if got := Expiry(7, 2026, lastHalfHour.Add(time.Hour), medford); got != CardExpired {
		t.Errorf("a July card in Medford's August = %q; want card_expired", got)
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestCVV(t *testing.T) {
	tests := []struct {
		cvv, brand string
		code       Code
	}{
		{"123", BrandVisa, OK},
		{"1234", BrandAmex, OK},
		{"123", BrandAmex, InvalidCVV},
		{"1234", BrandVisa, InvalidCVV},
		{"123", "", OK},
		{"1234", "", OK},
		{"12", "", InvalidCVV},
		{"", BrandVisa, Required},
		{"12a", BrandMastercard, InvalidCVV},
		{"١٢٣", BrandDiscover, InvalidCVV},
	}
	for _, tt := range tests {
		if got := CVV(tt.cvv, tt.brand); got != tt.code {
			t.Errorf("CVV(%q, %q) = %q; want %q", tt.cvv, tt.brand, got, tt.code)
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
	now := time.Now()
	for _, s := range hostile {
		AccountNumber(s)
		PostalCode(s)
		Email(s)
		EmailsMatch(s, s)
		CardNumber(s)
		CVV(s, s)
		RoutingNumber(s)
		BankAccountNumber(s)
		AccountType(s)
		HolderName(s)
		ParseAmount(s)
		Last4(s)
		Password(s, s)
		Expiry(len(s), len(s), now, nil)
	}
}
