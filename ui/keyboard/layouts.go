package keyboard

// Layout is the set of keys a field asks for. The zero value is the full
// keyboard, so a field that says nothing gets every letter.
type Layout int

// The keyboard's layouts.
const (
	Full    Layout = iota // letters, Spanish characters, Shift
	Email                 // "@", ".com" and common domains as single keys
	Digits                // ZIP, card, expiry, CVV, routing and bank numbers
	Account               // digits; the keypad adds the hyphen after the 8th
	Amount                // digits and "."
)

// keyAction is what a key does besides typing its own text.
type keyAction int

// The keys' actions.
const (
	keyType      keyAction = iota // types the key's text
	keyDomain                     // types "@" first unless the address has one
	keyShift                      // the next letter is a capital
	keyBackspace                  // erases the character before the cursor
	keyNext                       // moves to the next field of the screen
	keyHide                       // puts the keyboard away
)

// keySpec is one key: what it types, or the message ID of the words on it.
type keySpec struct {
	text   string // typed (and shown) when the action types
	wordID string // message ID of the words on a key that does not type itself
	action keyAction
}

func typed(s string) keySpec                 { return keySpec{text: s} }
func domainKey(s string) keySpec             { return keySpec{text: s, action: keyDomain} }
func wordKey(id string, a keyAction) keySpec { return keySpec{wordID: id, action: a} }

var (
	backspaceKey = wordKey("keyboard.backspace", keyBackspace)
	nextKey      = wordKey("keyboard.next", keyNext)
	hideKey      = wordKey("keyboard.hide", keyHide)
	shiftKey     = wordKey("keyboard.shift", keyShift)
	spaceKey     = keySpec{text: " ", wordID: "keyboard.space"}
)

// row makes one key per character of s.
func row(s string) []keySpec {
	var keys []keySpec
	for _, r := range s {
		keys = append(keys, typed(string(r)))
	}
	return keys
}

// keyboardRows lays out the full and the email keyboards, row by row. Five rows,
// the keys that do not type at the rows' ends as on a laptop: a sixth row of them
// cost a short panel the height of a field.
func keyboardRows(l Layout) [][]keySpec {
	if l == Email {
		return [][]keySpec{
			append(row("1234567890"), backspaceKey),
			append(row("qwertyuiop"), hideKey),
			append(row("asdfghjkl_"), nextKey),
			append(row("zxcvbnm.-+"), typed("@")),
			{typed(".com"), typed(".net"), typed(".org"), domainKey("gmail.com"), domainKey("yahoo.com"), domainKey("hotmail.com"), domainKey("outlook.com")},
		}
	}
	return [][]keySpec{
		append(row("1234567890"), backspaceKey),
		append(row("qwertyuiop"), hideKey),
		append(row("asdfghjklñ"), nextKey),
		append([]keySpec{shiftKey}, row("zxcvbnm,.-")...),
		append(row("áéíóúü¿¡@!"), spaceKey),
	}
}

// keypadColumns is the keypad's width in keys: three digits and a word key.
const keypadColumns = 4

// keypadCells lays out the numeric keypad as a 4-column grid; an empty keySpec is
// an empty cell, so the 0 stays under the 8 on every keypad.
func keypadCells(l Layout) []keySpec {
	dot := keySpec{}
	if l == Amount {
		dot = typed(".")
	}
	return []keySpec{
		typed("1"), typed("2"), typed("3"), backspaceKey,
		typed("4"), typed("5"), typed("6"), nextKey,
		typed("7"), typed("8"), typed("9"), hideKey,
		dot, typed("0"), {}, {},
	}
}

// isKeypad reports whether l is one of the numeric keypads.
func isKeypad(l Layout) bool {
	return l == Digits || l == Account || l == Amount
}

// KeyTexts lists what the keys of every layout type and show: not words to
// translate, but the characters a visitor reads on the keys.
func KeyTexts() []string {
	var texts []string
	for _, l := range []Layout{Full, Email} {
		for _, r := range keyboardRows(l) {
			for _, k := range r {
				texts = append(texts, k.text)
			}
		}
	}
	for _, k := range keypadCells(Amount) {
		texts = append(texts, k.text)
	}
	return texts
}
