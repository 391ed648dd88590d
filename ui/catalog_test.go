package ui

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/translations"
)

func TestCatalogsHaveTheSameNonEmptyKeys(t *testing.T) {
	first, err := messageIDs(translations.Languages[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range translations.Languages {
		messages, err := messageIDs(lang)
		if err != nil {
			t.Fatal(err)
		}
		for id, text := range messages {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s.json: %q is empty", lang, id)
			}
			if _, ok := first[id]; !ok {
				t.Errorf("%q is in %s.json only", id, lang)
			}
		}
		for id := range first {
			if _, ok := messages[id]; !ok {
				t.Errorf("%q is missing from %s.json", id, lang)
			}
		}
	}
}

// messageIDUse finds the literal message IDs the ui code asks for: T("id"…) and tr(lang, "id"…).
var messageIDUse = regexp.MustCompile(`\b(?:T|tr)\((?:[a-zA-Z.]+, )?"([a-z_.]+)"`)

func TestEveryMessageTheCodeUsesExists(t *testing.T) {
	messages, err := messageIDs("en")
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for _, file := range uiSourceFiles(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range messageIDUse.FindAllStringSubmatch(string(src), -1) {
			used++
			if _, ok := messages[m[1]]; !ok {
				t.Errorf("%s asks for message %q, which the catalogs lack", file, m[1])
			}
		}
	}
	if used == 0 {
		t.Fatal("found no message IDs in the ui code: the pattern is broken")
	}
}

// catalogPatterns matches any message of the catalogs of langs, template fields
// filled with anything.
func catalogPatterns(t *testing.T, k *Kiosk, langs []string) []*regexp.Regexp {
	var patterns []*regexp.Regexp
	field := regexp.MustCompile(`\\\{\\\{\\\.[A-Za-z]+\\\}\\\}`)
	for _, lang := range langs {
		messages, err := messageIDs(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range messages {
			quoted := regexp.QuoteMeta(strings.ReplaceAll(text, "{{.Utility}}", k.settings.Utility.Name))
			quoted = strings.ReplaceAll(quoted, regexp.QuoteMeta("{{.Phone}}"), regexp.QuoteMeta(k.settings.Utility.Phone))
			patterns = append(patterns, regexp.MustCompile("^"+field.ReplaceAllString(quoted, ".+")+"$"))
		}
	}
	return patterns
}

// assertTextsFromCatalog checks every text on the window is a message of the
// visitor's language (of every language on the screens before one is chosen), a
// language's own name on the language switch, or something the visitor typed.
func assertTextsFromCatalog(t *testing.T, h *harness, typed ...string) {
	t.Helper()
	langs := []string{h.kiosk.lang}
	if h.kiosk.screens[h.kiosk.page.id].title == "" {
		langs = translations.Languages
	}
	patterns := catalogPatterns(t, h.kiosk, langs)
	for _, lang := range translations.Languages {
		typed = append(typed, h.kiosk.tr(lang, "language.name"))
	}
	for _, text := range visibleTexts(h.win.Canvas()) {
		if slices.Contains(typed, text) || slices.ContainsFunc(patterns, func(p *regexp.Regexp) bool { return p.MatchString(text) }) {
			continue
		}
		t.Errorf("screen %s (%s) shows %q, which is not from the catalog", h.kiosk.page.id, h.kiosk.lang, text)
	}
}

// TestEveryVisibleStringComesFromTheCatalog walks the screens in each language and
// checks every text drawn is a catalog message, so no hard-coded English slips in.
func TestEveryVisibleStringComesFromTheCatalog(t *testing.T) {
	for _, lang := range translations.Languages {
		h := newHarness(t, ModeDemo)
		assertTextsFromCatalog(t, h)
		test.Tap(viewOf[*welcomeScreen](h.kiosk).languages[lang])
		assertTextsFromCatalog(t, h)
		h.findAccount(legacyAccount, "97501")
		assertTextsFromCatalog(t, h, legacyAccount, "97501")
	}
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	k, err := New(win, Deps{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	assertTextsFromCatalog(t, &harness{kiosk: k, win: win})
}
