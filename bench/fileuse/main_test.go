package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A lower file using a screen's declaration is an arrow back up; a screen using
// a lower file's is an arrow, not up; a file's own declarations are no arrow.
func TestArrowsAndThoseBackUp(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"screen_find.go": "package p\n\nfunc findScreen() int { return helper() }\n",
		"helpers.go":     "package p\n\nfunc helper() int { return 1 }\n\nfunc lower() int { return findScreen() + helper() }\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	arrows, up, err := count(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(arrows, []string{"helpers.go → screen_find.go", "screen_find.go → helpers.go"}) ||
		!slices.Equal(up, []string{"helpers.go → screen_find.go"}) {
		t.Errorf("arrows %q, back up %q", arrows, up)
	}
}
