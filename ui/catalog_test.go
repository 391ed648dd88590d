package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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
	files, _ := filepath.Glob("*.go")
	used := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
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

// TestEveryVisibleStringComesFromTheCatalog renders each screen in each language and
// checks every text drawn is a catalog message, so no hard-coded English slips in.
func TestEveryVisibleStringComesFromTheCatalog(t *testing.T) {
	h := newHarness(t, ModeDemo)
	k := h.kiosk
	allowed := map[string]bool{}
	for _, lang := range translations.Languages {
		messages, _ := messageIDs(lang)
		for id := range messages {
			allowed[k.tr(lang, id)] = true
		}
	}
	for id := range screens {
		for _, lang := range translations.Languages {
			k.lang = lang
			k.show(id)
			for _, text := range visibleTexts(h.win.Canvas()) {
				if !allowed[text] {
					t.Errorf("screen %s (%s) shows %q, which is not from the catalog", id, lang, text)
				}
			}
		}
	}
}
