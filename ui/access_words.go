package ui

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/medfordwater/lobbykiosk/internal/speech/words"
)

// What is read aloud the way a person needs to hear it: money as money, and the
// long numbers a visitor checks or copies (account, ZIP, phone, card, routing)
// digit by digit; short numbers ("24 hours", "Room 177") and
// years stay numbers.
var (
	moneyPattern  = regexp.MustCompile(`\$(\d[\d,]*)(?:\.(\d\d))?`)
	digitsPattern = regexp.MustCompile(`\d+(?:-\d+)+|\d{5,}`)
)

// maskPattern is the dots that hide part of a number or address on screen: a
// voice would read each one out.
var maskPattern = regexp.MustCompile(`•+ ?`)

// lineBreakAfterDash is the hair space the catalogs put after a dash joining two
// words ("número de cliente–número de cuenta"): Fyne wraps a line only at a
// space, and would otherwise cut the joined words mid-word with larger text.
const lineBreakAfterDash = "\u200a"

// speakable is s as speech should say it, in lang (internal/speech/words reads
// numbers and money).
func speakable(lang, s string) string {
	s = maskPattern.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, lineBreakAfterDash, "") // a place to wrap, not a pause
	s = moneyPattern.ReplaceAllStringFunc(s, func(m string) string {
		parts := moneyPattern.FindStringSubmatch(m)
		dollars, _ := strconv.ParseInt(strings.ReplaceAll(parts[1], ",", ""), 10, 64)
		cents, _ := strconv.ParseInt(parts[2], 10, 64)
		return words.Money(dollars*100+cents, lang)
	})
	return digitsPattern.ReplaceAllStringFunc(s, func(m string) string { return words.Digits(m, lang) })
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
