// Package translations is the kiosk's one registry of languages: each language's
// code, the voice speech reads it in, and its message catalogs, one go-i18n JSON
// file per language for the screens (<code>.json: every visible string of the UI
// keyed by a stable ID) and one for the paper receipt (receipt/<code>.json). A
// further language is its catalog files and a row of Registry.
package translations

import (
	"embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// FS holds the catalogs: en.json, es.json, receipt/en.json, receipt/es.json.
//
//go:embed *.json receipt/*.json
var FS embed.FS

// Language is one language the kiosk speaks.
type Language struct {
	Code string // the catalogs' and the portal's code: "en"
	// Voice is the language tag speech-dispatcher passes to espeak-ng, which picks
	// its voice by it: "en-US" is English (America), "es-419" Spanish (Latin
	// America); plain "es" would be the voice of Spain.
	Voice string
	// Press are the screens' words for a finger with the words speech says in
	// their place to a visitor at a keypad: "Touch Finish" is heard "Press
	// Finish". Whole words, case as written.
	Press []Reword
}

// Reword is a word on the screen and the word speech says instead.
type Reword struct{ Screen, Speech string }

// Registry lists the languages shipped, in the order the welcome screen offers
// them.
var Registry = []Language{
	{Code: "en", Voice: "en-US", Press: []Reword{
		{"Touching", "Pressing"}, {"touching", "pressing"}, {"Touch", "Press"}, {"touch", "press"},
	}},
	{Code: "es", Voice: "es-419", Press: []Reword{
		{"Tóquela", "Oprímala"}, {"Toque", "Oprima"}, {"toque", "oprima"}, {"Tocar", "Oprimir"}, {"tocar", "oprimir"},
	}},
}

// Languages are the codes of Registry, in its order.
var Languages = codes()

func codes() []string {
	out := make([]string, len(Registry))
	for i, l := range Registry {
		out[i] = l.Code
	}
	return out
}

// Lookup is the registry's row for code.
func Lookup(code string) (Language, bool) {
	for _, l := range Registry {
		if l.Code == code {
			return l, true
		}
	}
	return Language{}, false
}

// Catalog is one set of catalogs: the screens' (""), or the receipt's ("receipt").
type Catalog string

// The catalogs.
const (
	Screens Catalog = ""
	Receipt Catalog = "receipt"
)

// file is lang's file of catalog c.
func (c Catalog) file(lang string) string {
	if c == Screens {
		return lang + ".json"
	}
	return string(c) + "/" + lang + ".json"
}

// Localizers are catalog c's localizers by language code, parsed once per
// process: the only place catalogs are loaded.
func Localizers(c Catalog) (map[string]*i18n.Localizer, error) {
	mu.Lock()
	defer mu.Unlock()
	return loaded[c]()
}

var (
	mu     sync.Mutex
	loaded = freshLoads()
	// added are the catalogs of languages Add put in the registry, by file.
	added = map[string][]byte{}
)

func freshLoads() map[Catalog]func() (map[string]*i18n.Localizer, error) {
	return map[Catalog]func() (map[string]*i18n.Localizer, error){
		Screens: sync.OnceValues(func() (map[string]*i18n.Localizer, error) { return load(Screens) }),
		Receipt: sync.OnceValues(func() (map[string]*i18n.Localizer, error) { return load(Receipt) }),
	}
}

func load(c Catalog) (map[string]*i18n.Localizer, error) {
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	out := map[string]*i18n.Localizer{}
	for _, code := range Languages {
		raw, err := File(c, code)
		if err == nil {
			_, err = bundle.ParseMessageFileBytes(raw, c.file(code))
		}
		if err != nil {
			return nil, fmt.Errorf("translations: %w", err)
		}
		out[code] = i18n.NewLocalizer(bundle, code)
	}
	return out, nil
}

// File is the raw content of lang's file of catalog c.
func File(c Catalog, lang string) ([]byte, error) {
	if raw, ok := added[c.file(lang)]; ok {
		return raw, nil
	}
	return FS.ReadFile(c.file(lang))
}

// Add puts a language in the registry with its two catalogs, as shipping one
// would: its files and its row. For a test that walks the kiosk in a further
// language (a pseudo-language); it returns what takes it out again. Catalogs
// loaded before are loaded again.
func Add(l Language, screens, receipt []byte) (remove func()) {
	mu.Lock()
	defer mu.Unlock()
	Registry = append(Registry, l)
	Languages = codes()
	added[Screens.file(l.Code)], added[Receipt.file(l.Code)] = screens, receipt
	loaded = freshLoads()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		Registry = Registry[:len(Registry)-1]
		Languages = codes()
		delete(added, Screens.file(l.Code))
		delete(added, Receipt.file(l.Code))
		loaded = freshLoads()
	}
}
