package validate

import (
	"unicode"
	"unicode/utf8"
)

// MaxStackedMarks is how many accents one letter may carry: Vietnamese stacks
// two (ệ), English and Spanish one at most. More is decoration ("Zalgo" text)
// that draws over the lines around it.
const MaxStackedMarks = 2

// UnusualText reports whether s holds characters no person means to type into
// a form: invalid UTF-8; control, format (zero-width spaces and joiners,
// direction marks and overrides, the byte order mark, soft hyphens),
// private-use or surrogate characters; line and paragraph separators (U+2028,
// U+2029), which break a line as a newline does; more than MaxStackedMarks
// combining marks on one character; and, unless symbols, non-ASCII symbols
// such as emoji. Such text displays differently from what is stored, or not
// at all. It is the one rule of the kiosk's fields and of HolderName.
func UnusualText(s string, symbols bool) bool {
	if !utf8.ValidString(s) {
		return true
	}
	stacked := 0
	for _, r := range s {
		if unicode.In(r, unicode.Mn, unicode.Me) {
			if stacked++; stacked > MaxStackedMarks {
				return true
			}
			continue
		}
		stacked = 0
		switch {
		case unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp),
			!symbols && r > unicode.MaxASCII && unicode.In(r, unicode.So, unicode.Sk):
			return true
		}
	}
	return false
}
