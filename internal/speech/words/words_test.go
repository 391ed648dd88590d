package words

import (
	"testing"
	"time"
)

func TestDigits(t *testing.T) {
	cases := []struct{ in, lang, want string }{
		{"00065821-0672430", "en", "0 0 0 6 5 8 2 1 dash 0 6 7 2 4 3 0"},
		{"00065821-0672430", "es", "0 0 0 6 5 8 2 1 guion 0 6 7 2 4 3 0"},
		{"011000015", "en", "0 1 1 0 0 0 0 1 5"},
		{"4111 1111 1111 1111", "en", "4 1 1 1, 1 1 1 1, 1 1 1 1, 1 1 1 1"},
		{"**** 1111", "es", "asterisco asterisco asterisco asterisco, 1 1 1 1"},
		{"97501-1234", "es", "9 7 5 0 1 guion 1 2 3 4"},
		{"ab-1 ", "en", "A B dash 1"},
		{"", "en", ""},
	}
	for _, c := range cases {
		if got := Digits(c.in, c.lang); got != c.want {
			t.Errorf("Digits(%q, %s) = %q, want %q", c.in, c.lang, got, c.want)
		}
	}
}

func TestMasked(t *testing.T) {
	if Masked("en") != "star" || Masked("es") != "asterisco" {
		t.Errorf("Masked: %q, %q", Masked("en"), Masked("es"))
	}
}

func TestMoney(t *testing.T) {
	cases := []struct {
		cents  int64
		en, es string
	}{
		{8437, "84 dollars and 37 cents", "84 dólares con 37 centavos"},
		{100, "1 dollar", "un dólar"},
		{5, "5 cents", "5 centavos"},
		{1, "1 cent", "un centavo"},
		{0, "0 dollars", "0 dólares"},
		{101, "1 dollar and 1 cent", "un dólar con un centavo"},
		{2131, "21 dollars and 31 cents", "veintiún dólares con treinta y un centavos"},
		{1111, "11 dollars and 11 cents", "11 dólares con 11 centavos"},
		{123456, "1234 dollars and 56 cents", "1234 dólares con 56 centavos"},
		{1_000_000, "10000 dollars", "10000 dólares"},
		{10_100, "101 dollars", "ciento un dólares"},
		{2_100_100, "21001 dollars", "veintiún mil un dólares"},
		{-2500, "minus 25 dollars", "menos 25 dólares"},
	}
	for _, c := range cases {
		if got := Money(c.cents, "en"); got != c.en {
			t.Errorf("Money(%d, en) = %q, want %q", c.cents, got, c.en)
		}
		if got := Money(c.cents, "es"); got != c.es {
			t.Errorf("Money(%d, es) = %q, want %q", c.cents, got, c.es)
		}
	}
}

func TestSpanishCardinalBeforeANoun(t *testing.T) {
	cases := map[int64]string{
		0: "cero", 1: "un", 11: "once", 16: "dieciséis", 21: "veintiún", 22: "veintidós",
		30: "treinta", 31: "treinta y un", 99: "noventa y nueve", 100: "cien", 101: "ciento un",
		115: "ciento quince", 200: "doscientos", 571: "quinientos setenta y un", 1000: "mil",
		1001: "mil un", 2021: "dos mil veintiún", 21_000: "veintiún mil", 100_000: "cien mil",
		1_000_000: "un millón", 2_500_001: "dos millones quinientos mil un",
		31_000_000: "treinta y un millones",
	}
	for n, want := range cases {
		if got := spanishCardinal(n); got != want {
			t.Errorf("spanishCardinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	cases := []struct {
		date   time.Time
		en, es string
	}{
		{time.Date(2026, time.June, 15, 0, 0, 0, 0, time.UTC), "June 15, 2026", "15 de junio de 2026"},
		{time.Date(2027, time.January, 1, 23, 59, 0, 0, time.UTC), "January 1, 2027", "1 de enero de 2027"},
		{time.Date(2026, time.September, 30, 0, 0, 0, 0, time.UTC), "September 30, 2026", "30 de septiembre de 2026"},
		{time.Date(2026, time.December, 3, 0, 0, 0, 0, time.UTC), "December 3, 2026", "3 de diciembre de 2026"},
	}
	for _, c := range cases {
		if got := Date(c.date, "en"); got != c.en {
			t.Errorf("Date(%v, en) = %q, want %q", c.date, got, c.en)
		}
		if got := Date(c.date, "es"); got != c.es {
			t.Errorf("Date(%v, es) = %q, want %q", c.date, got, c.es)
		}
	}
}
