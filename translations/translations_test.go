package translations

import "testing"

// Every language in the registry has a voice and both catalogs, which load.
func TestEveryRegisteredLanguageHasItsVoiceAndCatalogs(t *testing.T) {
	for _, c := range []Catalog{Screens, Receipt} {
		locs, err := Localizers(c)
		if err != nil {
			t.Fatalf("catalog %q: %v", c, err)
		}
		for _, l := range Registry {
			if l.Voice == "" || locs[l.Code] == nil {
				t.Errorf("%s: voice %q, %q catalog loaded %v", l.Code, l.Voice, c, locs[l.Code] != nil)
			}
		}
	}
	if _, ok := Lookup("fr"); ok {
		t.Error("a language not in the registry was found")
	}
}
