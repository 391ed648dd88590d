package words

import (
	"strconv"
	"strings"
)

// spanishCount writes n before a masculine noun (dólar, centavo). Spanish
// shortens "uno" there: "un dólar", "veintiún dólares", "treinta y un
// centavos". espeak-ng reads the numeral 1 as "uno" whatever follows
// ("uno dólar", "veintiuno dólares": wrong to a Spanish speaker), so such
// counts are written in words; every other count stays a numeral, which the
// voice reads correctly.
func spanishCount(n int64) string {
	if n%10 == 1 && n%100 != 11 {
		return spanishCardinal(n)
	}
	return strconv.FormatInt(n, 10)
}

var (
	spanishUnits = [...]string{"", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
		"diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve",
		"veinte", "veintiún", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis",
		"veintisiete", "veintiocho", "veintinueve"}
	spanishTens     = [...]string{"", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"}
	spanishHundreds = [...]string{"", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos",
		"seiscientos", "setecientos", "ochocientos", "novecientos"}
)

// spanishScales are the named powers of a thousand, largest first: one of
// them, and more than one.
var spanishScales = []struct {
	size      int64
	one, many string
}{
	{1_000_000, "un millón", "millones"},
	{1000, "mil", "mil"},
}

// spanishCardinal writes n ≥ 0 in words, in the shortened form used before a
// masculine noun ("un", "veintiún", "ciento un", "veintiún mil").
func spanishCardinal(n int64) string {
	if n == 0 {
		return "cero"
	}
	var out []string
	for _, scale := range spanishScales {
		if q := n / scale.size; q == 1 {
			out = append(out, scale.one)
		} else if q > 1 {
			out = append(out, spanishCardinal(q)+" "+scale.many)
		}
		n %= scale.size
	}
	if n > 0 {
		out = append(out, spanishBelowThousand(n))
	}
	return strings.Join(out, " ")
}

func spanishBelowThousand(n int64) string {
	if n == 100 {
		return "cien"
	}
	h, rest := n/100, n%100
	s := spanishHundreds[h]
	var tail string
	switch {
	case rest == 0:
	case rest < 30:
		tail = spanishUnits[rest]
	case rest%10 == 0:
		tail = spanishTens[rest/10]
	default:
		tail = spanishTens[rest/10] + " y " + spanishUnits[rest%10]
	}
	if s != "" && tail != "" {
		return s + " " + tail
	}
	return s + tail
}
