package validate

import (
	"slices"
	"strings"
)

// PasswordContext is what a new password must not be built from: what the
// visitor typed on the way to choosing it, and the utility they are at. A
// guesser who has seen a bill, or stands at the kiosk, tries these first.
type PasswordContext struct {
	AccountNumber, PostalCode, Email string // as typed
	Utility                          string // the utility's name, e.g. "Medford Water"
}

// minPieceLen is the shortest piece of a name or local part worth giving the
// strength check: shorter ones are in every password by chance.
const minPieceLen = 3

// Inputs are every form of the context a guesser would try, for Password's
// userInputs: the account number with and without its hyphen, each half, and
// each half without its leading zeros; the ZIP (and ZIP+4 with and without its
// hyphen); the email, its local part and the words in it; the utility's name,
// its words and the name run together. zxcvbn matches an input only whole, so
// "medfordwater" must be given as such: "Medford Water" alone does not match it.
func (c PasswordContext) Inputs() []string {
	var in []string
	add := func(forms ...string) {
		for _, f := range forms {
			if f = strings.TrimSpace(f); f != "" && !slices.Contains(in, f) {
				in = append(in, f)
			}
		}
	}
	if n, code := AccountNumber(c.AccountNumber); code == OK {
		customer, account := n[:8], n[9:]
		add(n, customer+account, customer, account, strings.TrimLeft(customer, "0"), strings.TrimLeft(account, "0"))
	} else {
		add(c.AccountNumber)
	}
	if z, code := PostalCode(c.PostalCode); code == OK {
		add(z, strings.ReplaceAll(z, "-", ""), z[:5])
	} else {
		add(c.PostalCode)
	}
	email := strings.TrimSpace(c.Email)
	add(email)
	if at := strings.LastIndexByte(email, '@'); at > 0 {
		add(email[:at])
		add(pieces(email[:at])...)
	}
	add(c.Utility, strings.Join(strings.Fields(c.Utility), ""))
	add(pieces(c.Utility)...)
	return in
}

// pieces are the words of s, split at spaces and the punctuation of an email's
// local part, that are at least minPieceLen bytes long.
func pieces(s string) []string {
	words := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" .+_-", r) })
	return slices.DeleteFunc(words, func(w string) bool { return len(w) < minPieceLen })
}
