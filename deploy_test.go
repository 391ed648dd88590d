package main

import (
	"bufio"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// fyneApp is the part of FyneApp.toml that `fyne package` reads.
type fyneApp struct {
	Website string
	Details struct {
		Icon    string
		Name    string
		ID      string
		Version string
		Build   int
	}
	LinuxAndBSD struct {
		GenericName string
		Categories  []string
		Comment     string
		Keywords    []string
	}
	Migrations map[string]bool
}

// desktopEntry reads the [Desktop Entry] group of a .desktop file.
func desktopEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entry := map[string]string{}
	group := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			group = line
		case group == "[Desktop Entry]":
			key, value, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf("%s: malformed line %q", path, line)
			}
			if _, dup := entry[key]; dup {
				t.Errorf("%s: key %s twice", path, key)
			}
			entry[key] = value
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return entry
}

// The package `fyne package` makes and the files `make install` installs describe
// the same app: FyneApp.toml is the one source, and deploy/'s desktop file, which
// make install uses, must say what fyne package writes from it.
func TestFyneAppAndDesktopFileAgree(t *testing.T) {
	var app fyneApp
	md, err := toml.DecodeFile("FyneApp.toml", &app)
	if err != nil {
		t.Fatal(err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		t.Errorf("FyneApp.toml: key %s is not one this test knows", undecoded[0])
	}
	if app.Details.ID != appID {
		t.Errorf("FyneApp.toml ID %q, want the keyring's app ID %q", app.Details.ID, appID)
	}
	if app.Details.Name == "" || app.Details.Version == "" || app.Details.Build < 1 {
		t.Errorf("FyneApp.toml [Details] incomplete: %+v", app.Details)
	}
	if !app.Migrations["fyneDo"] {
		t.Error("FyneApp.toml lacks [Migrations] fyneDo = true")
	}
	icon, err := os.Open(app.Details.Icon)
	if err != nil {
		t.Fatalf("FyneApp.toml Icon: %v", err)
	}
	defer icon.Close()
	cfg, err := png.DecodeConfig(icon)
	if err != nil || cfg.Width != cfg.Height || cfg.Width < 256 {
		t.Errorf("icon %s must be a square PNG of at least 256 px (%+v, %v)", app.Details.Icon, cfg, err)
	}

	desktopPath := filepath.Join("deploy", appID+".desktop")
	entry := desktopEntry(t, desktopPath)
	want := map[string]string{
		"Type":        "Application",
		"Name":        app.Details.Name,
		"GenericName": app.LinuxAndBSD.GenericName,
		"Comment":     app.LinuxAndBSD.Comment,
		"Categories":  strings.Join(app.LinuxAndBSD.Categories, ";") + ";",
		"Keywords":    strings.Join(app.LinuxAndBSD.Keywords, ";") + ";",
		"Icon":        appID,
		// fyne package names the binary after the module path's last element.
		"Exec": "lobbykiosk",
	}
	for key, value := range want {
		if entry[key] != value {
			t.Errorf("%s: %s=%q, want %q (from FyneApp.toml)", desktopPath, key, entry[key], value)
		}
	}
}
