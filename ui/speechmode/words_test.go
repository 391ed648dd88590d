package speechmode

import (
	"strings"
	"testing"
)

// Redaction hides whole values and nothing else: a value inside a longer number
// or word is left, so nothing public is garbled and no fragment of a value is
// told by where "hidden" falls.
func TestRedactionHidesWholeValuesOnly(t *testing.T) {
	private := []string{"00065821-0672430", "6789", "maria@example.com", "MW-7KQ2ZP4D", "$84.37", "97501", "W Main St"}
	for _, tc := range []struct{ text, want string }{
		{"Call 541-774-2430, press 0.", "Call 541-774-2430, press 0."},
		{"Account: 00065821-0672430", "Account: hidden"},
		{"Account: 000658210672430", "Account: hidden"},
		{"the bank account ending in 6789.", "the bank account ending in hidden."},
		{"Room 6789A and 167890", "Room 6789A and 167890"},
		{"A receipt goes to Maria@Example.com.", "A receipt goes to hidden."},
		{"not maria@example.community", "not maria@example.community"},
		{"Confirmation number: MW-7KQ2ZP4D", "Confirmation number: hidden"},
		{"You paid $84.37 on 6/1.", "You paid hidden on 6/1."},
		{"ZIP 97501, or 975012", "ZIP hidden, or 975012"},
		{"Service address: •••• W Main St", "Service address: •••• hidden"},
		{"W Main Street", "W Main Street"},
	} {
		if got := redact(tc.text, private, "hidden"); got != tc.want {
			t.Errorf("redact(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	if got := redact("June 1, 2026", nil, "hidden"); got != "June 1, 2026" {
		t.Errorf("nothing private changed %q", got)
	}
	if strings.Contains(redact("541-774-2430", []string{"77", "4"}, "hidden"), "hidden") {
		t.Error("a short number hid part of the phone number")
	}
}

// Speech says "press" / "oprima" where the screen says "touch" / "toque": the
// visitor listening is at a keypad.
func TestSpeechSaysPressWhereTheScreenSaysTouch(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{"en", "Touch your language to begin", "Press your language to begin"},
		{"en", "By touching Continue to payment, I agree", "By pressing Continue to payment, I agree"},
		{"en", "When you touch Finish, this computer forgets", "When you press Finish, this computer forgets"},
		{"es", "Toque una pregunta para ver su respuesta. Tóquela otra vez", "Oprima una pregunta para ver su respuesta. Oprímala otra vez"},
		{"es", "Al tocar Terminar, esta computadora olvida", "Al oprimir Terminar, esta computadora olvida"},
		{"en", "Touchstone", "Touchstone"},
	} {
		if got := Speakable(tc.lang, tc.text); got != tc.want {
			t.Errorf("%s: %q is said %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}

// Last four digits and confirmation numbers are read one character at a time,
// in both languages, as a visitor copies them down.
func TestCodesAreSpelledOut(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{"en", "Bank account ending in 6789", "Bank account ending in 6 7 8 9"},
		{"es", "Cuenta bancaria que termina en 6789", "Cuenta bancaria que termina en 6 7 8 9"},
		{"en", "Confirmation number: MW-7KQ2ZP4D", "Confirmation number: M W, 7 K Q 2 Z P 4 D"},
		{"es", "Número de confirmación: MW-7KQ2ZP4D.", "Número de confirmación: M W, 7 K Q 2 Z P 4 D."},
		{"en", "June 1, 2026", "June 1, 2026"},
	} {
		if got := Speakable(tc.lang, tc.text); got != tc.want {
			t.Errorf("%s: %q is said %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}
