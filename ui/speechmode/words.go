package speechmode

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medfordwater/lobbykiosk/internal/speech/words"

	"github.com/medfordwater/lobbykiosk/translations"
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

// pressWords are the screen's words for a finger ("Touch Finish") as a visitor
// at a keypad hears them ("Press Finish"), by language: the registry's
// (translations.Language.Press), as whole words.
var pressWords = func() map[string][]pressWord {
	out := map[string][]pressWord{}
	for _, l := range translations.Registry {
		for _, r := range l.Press {
			out[l.Code] = append(out[l.Code], pressWord{regexp.MustCompile(`\b` + regexp.QuoteMeta(r.Screen) + `\b`), r.Speech})
		}
	}
	return out
}()

type pressWord struct {
	from *regexp.Regexp
	to   string
}

// lineBreakAfterDash is the hair space the catalogs put after a dash joining two
// words ("número de cliente–número de cuenta"): Fyne wraps a line only at a
// space, and would otherwise cut the joined words mid-word with larger text.
const lineBreakAfterDash = "\u200a"

// Speakable is s as speech should say it, in lang (internal/speech/words reads
// numbers and money).
func Speakable(lang, s string) string {
	s = maskPattern.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, lineBreakAfterDash, "") // a place to wrap, not a pause
	for _, w := range pressWords[lang] {
		s = w.from.ReplaceAllString(s, w.to)
	}
	s = moneyPattern.ReplaceAllStringFunc(s, func(m string) string {
		parts := moneyPattern.FindStringSubmatch(m)
		dollars, _ := strconv.ParseInt(strings.ReplaceAll(parts[1], ",", ""), 10, 64)
		cents, _ := strconv.ParseInt(parts[2], 10, 64)
		return words.Money(dollars*100+cents, lang)
	})
	s = spelledPattern.ReplaceAllStringFunc(s, func(m string) string {
		parts := spelledPattern.FindStringSubmatch(m)
		if parts[1] != "" { // "ending in 6789": the digits, as on the card
			return parts[1] + words.Digits(parts[2], lang)
		}
		return spellCode(m, lang)
	})
	return digitsPattern.ReplaceAllStringFunc(s, func(m string) string { return words.Digits(m, lang) })
}

// spelledPattern is what a visitor copies down character by character: last four
// digits after "ending in" / "termina en" (a voice would say "six thousand seven
// hundred…"), and a confirmation number such as MW-7KQ2ZP4D.
var spelledPattern = regexp.MustCompile(`((?:ending in|termina en) )([0-9]{4})\b|\b[A-Z]{2}-[A-Z0-9]{6,}\b`)

// spellCode reads a confirmation number letter by letter and digit by digit,
// its prefix apart: "MW-7KQ2ZP4D" → "M W, 7 K Q 2 Z P 4 D".
func spellCode(code, lang string) string {
	prefix, rest, _ := strings.Cut(code, "-")
	return words.Digits(prefix, lang) + ", " + words.Digits(rest, lang)
}

// redact replaces in text each private value by hidden, whole values only, so
// nothing of a value is said and nothing public is garbled: a number (an account,
// a card, a ZIP code, an amount, last four digits) where a number in text has
// exactly its digits, and any other value (an email, a name, an address, a
// confirmation number) where it stands as a whole word, its case aside. A value
// inside a longer number or word is not one: the "2430" of an account number is
// no reason to hide the utility's phone number, 541-774-2430.
func redact(text string, private []string, hidden string) string {
	numbers := map[string]bool{}
	var words []string
	for _, v := range private {
		v = strings.TrimSpace(v)
		if len([]rune(v)) < 2 {
			continue
		}
		if numberLike.MatchString(v) {
			if d := digitsOf(v); len(d) >= 2 {
				numbers[d] = true
			}
			continue
		}
		words = append(words, v)
		if compact := strings.NewReplacer(" ", "", "-", "").Replace(v); compact != v {
			words = append(words, compact)
		}
	}
	text = replaceWhole(text, numberToken, func(token string) bool { return numbers[digitsOf(token)] }, hidden)
	slices.SortFunc(words, func(a, b string) int { return len(b) - len(a) })
	for _, w := range words {
		text = replaceWholeFold(text, w, hidden)
	}
	return text
}

// numberLike is a value that is a number however it is written: digits with
// spaces, hyphens, dots or commas between, and a dollar sign.
var numberLike = regexp.MustCompile(`^\$?[0-9][0-9 ,.\-]*$`)

// numberToken is a number as text writes one: "541-774-2430", "$1,234.56",
// "4111 1111 1111 1111", "6789".
var numberToken = regexp.MustCompile(`\$?[0-9]+(?:[ ,.\-][0-9]+)*`)

// replaceWhole replaces each match of re in text that stands alone (no letter or
// digit either side) and that hide says to hide.
func replaceWhole(text string, re *regexp.Regexp, hide func(string) bool, hidden string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(text, -1) {
		if !standsAlone(text, m[0], m[1]) || !hide(text[m[0]:m[1]]) {
			continue
		}
		b.WriteString(text[last:m[0]] + hidden)
		last = m[1]
	}
	return b.String() + text[last:]
}

// replaceWholeFold replaces each case-insensitive occurrence of old in s that
// stands alone (an email may be shown as typed or lowercased).
func replaceWholeFold(s, old, with string) string {
	lower, lowerOld := strings.ToLower(s), strings.ToLower(old)
	if len(lower) != len(s) || len(lowerOld) != len(old) {
		lower, lowerOld = s, old // case folding changed lengths: exact only
	}
	var b strings.Builder
	for from := 0; ; {
		i := strings.Index(lower[from:], lowerOld)
		if i < 0 {
			return b.String() + s[from:]
		}
		i += from
		end := i + len(old)
		if standsAlone(s, i, end) {
			b.WriteString(s[from:i] + with)
		} else {
			b.WriteString(s[from:end])
		}
		from = end
	}
}

// standsAlone reports whether s[i:j] has no letter or digit either side.
func standsAlone(s string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	wordy := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return (i == 0 || !wordy(before)) && (j == len(s) || !wordy(after))
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
