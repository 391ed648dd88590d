package ui

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// What is read aloud the way a person needs to hear it: money as money, and the
// long numbers a visitor checks or copies (account, ZIP, phone, card, routing)
// digit by digit, a hyphen a pause; short numbers ("24 hours", "Room 177") and
// years stay numbers.
var (
	moneyPattern  = regexp.MustCompile(`\$(\d[\d,]*)(?:\.(\d\d))?`)
	digitsPattern = regexp.MustCompile(`\d+(?:-\d+)+|\d{5,}`)
)

// maskPattern is the dots that hide part of a number or address on screen: a
// voice would read each one out.
var maskPattern = regexp.MustCompile(`•+ ?`)

// speakable is s as speech should say it, in lang.
func speakable(lang, s string) string {
	s = maskPattern.ReplaceAllString(s, "")
	s = moneyPattern.ReplaceAllStringFunc(s, func(m string) string {
		parts := moneyPattern.FindStringSubmatch(m)
		dollars, _ := strconv.Atoi(strings.ReplaceAll(parts[1], ",", ""))
		cents, _ := strconv.Atoi(parts[2])
		return moneyWords(lang, dollars, cents)
	})
	return digitsPattern.ReplaceAllStringFunc(s, func(m string) string {
		groups := strings.Split(m, "-")
		for i, g := range groups {
			groups[i] = strings.Join(strings.Split(g, ""), " ")
		}
		return strings.Join(groups, ", ")
	})
}

// moneyWords says an amount: "84 dollars and 37 cents", "84 dólares con 37 centavos".
func moneyWords(lang string, dollars, cents int) string {
	unit := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	and, dollar, dollarsWord, cent, centsWord := " and ", "dollar", "dollars", "cent", "cents"
	if lang == "es" {
		and, dollar, dollarsWord, cent, centsWord = " con ", "dólar", "dólares", "centavo", "centavos"
	}
	switch {
	case cents == 0:
		return unit(dollars, dollar, dollarsWord)
	case dollars == 0:
		return unit(cents, cent, centsWord)
	}
	return unit(dollars, dollar, dollarsWord) + and + unit(cents, cent, centsWord)
}

// redact replaces in text every form of each private value (as typed, without
// its spaces and hyphens, its digits alone) by hidden, longest first so no part
// of a value is left to say.
func redact(text string, private []string, hidden string) string {
	var forms []string
	for _, v := range private {
		v = strings.TrimSpace(v)
		if len([]rune(v)) < 2 {
			continue
		}
		forms = append(forms, v, strings.NewReplacer(" ", "", "-", "").Replace(v), digitsOf(v))
	}
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	for _, f := range forms {
		if len(f) < 2 {
			continue
		}
		text = replaceFold(text, f, hidden)
	}
	return text
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// replaceFold replaces every case-insensitive occurrence of old in s (an email
// may be shown as typed or lowercased).
func replaceFold(s, old, with string) string {
	lower, lowerOld := strings.ToLower(s), strings.ToLower(old)
	if len(lower) != len(s) || len(lowerOld) != len(old) {
		return strings.ReplaceAll(s, old, with) // case folding changed lengths: exact only
	}
	var b strings.Builder
	for {
		i := strings.Index(lower, lowerOld)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i] + with)
		s, lower = s[i+len(old):], lower[i+len(old):]
	}
}
