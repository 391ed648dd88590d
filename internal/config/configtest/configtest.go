// Package configtest writes config files for tests of code that loads them.
package configtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Write puts body in a config.toml of its own temporary directory and returns
// the file's path.
func Write(t testing.TB, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
