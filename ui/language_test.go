package ui

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/translations"
)

// pseudoLanguage is a test-only language: English wrapped in ⟦ ⟧, so a word
// left untranslated, or a message ID shown in its place, stands out.
// It borrows Esperanto's code: go-i18n needs a language CLDR has plural rules
// for, which a private-use code has not, and the kiosk ships no Esperanto.
const pseudoLanguage = "eo"

// pseudoCatalog is catalog c in the pseudo-language, made from the English one.
func pseudoCatalog(t *testing.T, c translations.Catalog) []byte {
	t.Helper()
	raw, err := translations.File(c, "en")
	if err != nil {
		t.Fatal(err)
	}
	var messages map[string]string
	if err := json.Unmarshal(raw, &messages); err != nil {
		t.Fatal(err)
	}
	for id, text := range messages {
		messages[id] = "⟦" + text + "⟧"
	}
	out, err := json.Marshal(messages)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// messageIDShown is text that is a message ID rather than words: what the
// catalog lookup shows when a language lacks a message.
var messageIDShown = regexp.MustCompile(`^[a-z_]+(\.[a-z0-9_]+)+$`)

// A further language is its two catalogs and one row of the registry: the kiosk
// then offers it on the welcome screen and shows every screen in it, each with
// its title in that language and no message ID in place of words.
func TestAThirdLanguageIsItsCatalogsAndARegistryRow(t *testing.T) {
	remove := translations.Add(translations.Language{Code: pseudoLanguage, Voice: "en-US"},
		pseudoCatalog(t, translations.Screens), pseudoCatalog(t, translations.Receipt))
	defer remove()
	h := newHarness(t, ModeLive)
	if viewOf[*welcomeScreen](h.kiosk).languages[pseudoLanguage] == nil {
		t.Fatal("the welcome screen does not offer the new language")
	}
	h.signInDirectly(t, pseudoLanguage)
	for _, id := range sortedScreens(h) {
		h.kiosk.show(id)
		if title := h.kiosk.page.title; title != "" && !strings.HasPrefix(title, "⟦") {
			t.Errorf("%s: the title %q is not in the new language", id, title)
		}
		for _, text := range visibleTexts(h.win.Canvas()) {
			if messageIDShown.MatchString(strings.TrimSpace(text)) {
				t.Errorf("%s shows the message ID %q instead of words", id, text)
			}
		}
	}
}
