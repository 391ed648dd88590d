package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/medfordwater/lobbykiosk/client/validate"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// A visitor can paste anything into a field (Ctrl+V on a keyboard, or the entry's
// own menu): kilobytes of text, terminal escapes and line breaks, direction
// overrides that make text read differently from what is stored, emoji, letters
// buried under a dozen stacked accents. No field of the portal takes any of it. So
// an entry keeps at most maxEntryRunes of a paste, and every field's check first
// refuses such text with a message of its own, before the field's own rule runs:
// the kiosk never sends it to the portal, where a sign-in would spend one of the
// customer's few tries on it.

// Limits of what a field takes, whatever it is.
const (
	// maxFieldRunes is longer than the longest real value of any field (an email
	// address, 254 characters) and any password a person types.
	maxFieldRunes = 256
	// maxEntryRunes is what an entry keeps of a paste: one character over the
	// limit, so the check says the text was too long instead of it being cut
	// silently (a cut password would be a password the visitor does not know).
	maxEntryRunes = kwidget.MaxEntryRunes
)

// Messages for text no field takes.
const (
	msgTooLong           = "field.too_long"
	msgUnusualCharacters = "field.unusual_characters"
)

// typedTextProblem is the message ID for text that no field takes, or "" when the
// field's own check may have it. Spaces around the text are ignored, as every
// field's check ignores them (a line copied with its line break pastes fine),
// except in a password, which is taken exactly as typed. What is unusual is the
// portal's own rule (validate.UnusualText), so a holder name the screen takes is
// one the portal takes; a password may hold symbols such as emoji, no other
// field has any use for them.
func typedTextProblem(text string, password bool) string {
	if !password {
		text = strings.TrimSpace(text)
	}
	if utf8.RuneCountInString(text) > maxFieldRunes {
		return msgTooLong
	}
	if validate.UnusualText(text, password) {
		return msgUnusualCharacters
	}
	return ""
}
