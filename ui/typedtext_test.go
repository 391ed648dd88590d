package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client/validate"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

func TestTypedTextProblem(t *testing.T) {
	cases := []struct {
		text     string
		password bool
		want     string
	}{
		{"Ana López", false, ""},
		{"Zoe\u0308 Nguye\u0302\u0303n", false, ""}, // decomposed accents, two on one letter
		{"97501\r\n", false, ""},                    // a copied line: its break is trimmed like a space
		{strings.Repeat("x", maxFieldRunes), false, ""},
		{strings.Repeat("ñ", maxFieldRunes+1), false, msgTooLong},
		{"Ana\tLopez", false, msgUnusualCharacters},
		{"Ana\x00", false, msgUnusualCharacters},
		{"\x1b[2JAna", false, msgUnusualCharacters},
		{"Ana\x7f", false, msgUnusualCharacters},
		{"Ana\u200fLopez", false, msgUnusualCharacters},  // right-to-left mark
		{"\u202eAna Lopez", false, msgUnusualCharacters}, // right-to-left override
		{"Ana\u200bLopez", false, msgUnusualCharacters},  // zero-width space
		{"Ana\u2028Lopez", false, msgUnusualCharacters},  // line separator
		{"Ana\u2029Lopez", false, msgUnusualCharacters},  // paragraph separator
		{"\ufeffAna Lopez", false, msgUnusualCharacters}, // byte order mark
		{"Rogue\u2028River-58", true, msgUnusualCharacters},
		{"Ana Lopez \U0001F1F2\U0001F1FD", false, msgUnusualCharacters}, // a flag
		{"Ana 👍🏽", false, msgUnusualCharacters},
		{"Ana\ue000", false, msgUnusualCharacters}, // private use
		{"a\u0300\u0301\u0302", false, msgUnusualCharacters},
		{"Ana\xffLopez", false, msgUnusualCharacters},
		{"Pear-Canyon-Kettle-42", true, ""},
		{"Ríos del Rogue 🌊🐟 58", true, ""}, // a password may hold emoji
		{"Rogue-River-Salmon-58\r ", true, msgUnusualCharacters},
		{"Rogue\u202eRiver-58", true, msgUnusualCharacters},
		{"👨\u200d👩\u200d👧", true, msgUnusualCharacters}, // zero-width joiners
		{strings.Repeat("pw", maxFieldRunes), true, msgTooLong},
	}
	for _, c := range cases {
		if got := typedTextProblem(c.text, c.password); got != c.want {
			t.Errorf("typedTextProblem(%q, password %v) = %q, want %q", c.text, c.password, got, c.want)
		}
	}
}

// A holder name is checked twice, by the field's first check and by the portal's
// rule (client/validate): both must refuse the same characters, or text the screen
// lets through would come back from the portal as an error.
func TestTypedTextAndHolderNameRefuseTheSameCharacters(t *testing.T) {
	for _, odd := range []string{"\u2028", "\u2029", "\u200b", "\u200f", "\ufeff", "\u202e", "\u2066", "\x00",
		"\x1b", "\ue000", "\u0300\u0301\u0302", "👍"} {
		name := "Ana" + odd + " López"
		if typedTextProblem(name, false) != msgUnusualCharacters {
			t.Errorf("the field takes %q", name)
		}
		if c := validate.HolderName(name); c != validate.InvalidName {
			t.Errorf("validate.HolderName(%q) = %q, want %q", name, c, validate.InvalidName)
		}
	}
}

func TestPasteIntoAnEntryKeepsAtMostMaxEntryRunes(t *testing.T) {
	test.NewTempApp(t)
	clipboard := fyne.CurrentApp().Clipboard()
	e := kwidget.NewEntry(false)
	var changed string
	e.OnChanged = func(s string) { changed = s }
	test.Type(e, "abc")
	clipboard.SetContent(strings.Repeat("é", 3*maxEntryRunes))
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clipboard})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clipboard})
	if n := utf8.RuneCountInString(e.Text); n != maxEntryRunes || !strings.HasPrefix(e.Text, "abcé") {
		t.Errorf("after two long pastes the entry holds %d characters: %.12q…", n, e.Text)
	}
	if changed != e.Text {
		t.Error("the field was not told of the capped text")
	}
	clipboard.SetContent("short")
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clipboard})
	if e.Text != "short" {
		t.Errorf("a short paste over a selection gives %q", e.Text)
	}
}
