// Package words writes numbers the way a listener needs to hear them, in the
// kiosk's languages ("en", "es"; anything else reads as English): account,
// routing and card numbers one character at a time, money as money, dates as
// dates. Numbers stay numerals where the voice (espeak-ng) reads them right;
// none carries a thousands separator, since "1,234" is "one thousand…" to the
// English voice but "uno coma doscientos…" to the Spanish one.
package words

import (
	"strconv"
	"strings"
	"time"
)

// vocabulary is one language's words.
type vocabulary struct {
	dash, star, point, minus string
	dollar, dollars          string
	cent, cents              string
	and                      string
	months                   [12]string
	date                     func(day int, month string, year int) string
	// count writes n before a noun; Spanish needs "un"/"veintiún" there.
	count func(n int64) string
}

var english = vocabulary{
	dash: "dash", star: "star", point: "point", minus: "minus",
	dollar: "dollar", dollars: "dollars", cent: "cent", cents: "cents", and: "and",
	months: [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},
	date: func(day int, month string, year int) string {
		return month + " " + strconv.Itoa(day) + ", " + strconv.Itoa(year)
	},
	count: func(n int64) string { return strconv.FormatInt(n, 10) },
}

var spanish = vocabulary{
	dash: "guion", star: "asterisco", point: "punto", minus: "menos",
	dollar: "dólar", dollars: "dólares", cent: "centavo", cents: "centavos", and: "con",
	months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
		"agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	date: func(day int, month string, year int) string {
		return strconv.Itoa(day) + " de " + month + " de " + strconv.Itoa(year)
	},
	count: spanishCount,
}

func vocab(lang string) *vocabulary {
	if lang == "es" {
		return &spanish
	}
	return &english
}

// Digits reads an account, routing or card number one character at a time:
// "00065821-0672430" → "0 0 0 6 5 8 2 1 dash 0 6 7 2 4 3 0". A space (the
// groups of a card number) becomes a comma, a pause to the voice; a masking
// "*" is "star"/"asterisco"; letters are spelled as capitals.
func Digits(s, lang string) string {
	v := vocab(lang)
	var parts []string
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			parts = append(parts, string(r))
		case r == '-' || r == '‐' || r == '–':
			parts = append(parts, v.dash)
		case r == '*' || r == '•' || r == '●':
			parts = append(parts, v.star)
		case r == '.':
			parts = append(parts, v.point)
		case r == ' ':
			if n := len(parts); n > 0 && !strings.HasSuffix(parts[n-1], ",") {
				parts[n-1] += ","
			}
		case r >= 'a' && r <= 'z':
			parts = append(parts, string(r-'a'+'A'))
		default:
			parts = append(parts, string(r))
		}
	}
	return strings.TrimSuffix(strings.Join(parts, " "), ",")
}

// Masked is the word echoed for each character typed into a masked field
// (password, PIN, CVV): never the character itself.
func Masked(lang string) string { return vocab(lang).star }

// Money reads an amount in cents as dollars and cents: 8437 → "84 dollars
// and 37 cents" / "84 dólares con 37 centavos"; a zero part is left out
// (100 → "1 dollar", 5 → "5 cents"), and nothing at all is "0 dollars".
func Money(cents int64, lang string) string {
	v := vocab(lang)
	sign := ""
	if cents < 0 {
		sign, cents = v.minus+" ", -cents
	}
	d, c := cents/100, cents%100
	unit := func(n int64, one, many string) string {
		if n == 1 {
			return v.count(n) + " " + one
		}
		return v.count(n) + " " + many
	}
	switch {
	case c == 0:
		return sign + unit(d, v.dollar, v.dollars)
	case d == 0:
		return sign + unit(c, v.cent, v.cents)
	}
	return sign + unit(d, v.dollar, v.dollars) + " " + v.and + " " + unit(c, v.cent, v.cents)
}

// Date reads a calendar date: "June 15, 2026" / "15 de junio de 2026".
func Date(t time.Time, lang string) string {
	v := vocab(lang)
	return v.date(t.Day(), v.months[t.Month()-1], t.Year())
}
