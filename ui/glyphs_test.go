package ui

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/medfordwater/lobbykiosk/translations"
)

// TestEveryShownRuneIsInTheBundledFonts proves the release may leave out Fyne's
// 4 MB emoji font (-tags no_emoji, docs/PERFORMANCE.md): every rune the kiosk can
// put on screen by itself, from either catalog or from a string in the UI's code
// (key caps, the PIN dots, separators), is drawn by the fonts that stay: Noto Sans
// in the two styles the kiosk uses, or Fyne's symbol font, which backs them both.
// A rune outside them would fall to whatever system font the lobby PC has, or to a
// box. Portal data (street names, holders' names) is Latin text these fonts cover.
func TestEveryShownRuneIsInTheBundledFonts(t *testing.T) {
	regular, bold, symbols := parseFont(t, theme.DefaultTextFont()), parseFont(t, theme.DefaultTextBoldFont()),
		parseFont(t, theme.DefaultSymbolFont())
	has := func(f *font.Face, r rune) bool { _, ok := f.NominalGlyph(r); return ok }

	texts := catalogTexts(t)
	for where, s := range uiCodeStrings(t) {
		texts[where] = s
	}
	if len(texts) < 100 {
		t.Fatalf("found only %d texts to check; the catalogs or the code were not read", len(texts))
	}
	for where, text := range texts {
		for _, r := range text {
			if unicode.IsControl(r) { // \n in messages, \b in key codes: never drawn
				continue
			}
			if has(symbols, r) || has(regular, r) && has(bold, r) {
				continue
			}
			t.Errorf("%s: %q (U+%04X) is in no bundled font, in %q", where, r, r, text)
		}
	}
}

func parseFont(t *testing.T, res fyne.Resource) *font.Face {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		t.Fatalf("parse %s: %v", res.Name(), err)
	}
	return face
}

// catalogTexts returns every message of every catalog, keyed "es.json: id".
func catalogTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	for _, lang := range translations.Languages {
		name := lang + ".json"
		data, err := fs.ReadFile(translations.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		var catalog map[string]any
		if err := json.Unmarshal(data, &catalog); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		collectStrings(name+": ", catalog, texts)
	}
	return texts
}

// collectStrings walks a go-i18n message, plain or with other/one/description fields.
func collectStrings(prefix string, v any, into map[string]string) {
	switch v := v.(type) {
	case string:
		into[strings.TrimSuffix(prefix, ".")] = v
	case map[string]any:
		for k, sub := range v {
			collectStrings(prefix+k+".", sub, into)
		}
	}
}

// uiCodeStrings returns the string literals of the UI's non-test Go files, keyed
// by file and line.
func uiCodeStrings(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	texts := map[string]string{}
	for _, name := range uiSourceFiles(t) {
		file, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			texts[fset.Position(lit.Pos()).String()] = s
			return true
		})
	}
	return texts
}

// uiSourceFiles names the Go files of the UI package and of the packages under it
// (the on-screen keyboard's key caps are drawn too), tests left out.
func uiSourceFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.go", "*/*.go"} {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	return slices.DeleteFunc(files, func(name string) bool { return strings.HasSuffix(name, "_test.go") })
}
