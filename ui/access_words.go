package ui

import (
	"regexp"
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
