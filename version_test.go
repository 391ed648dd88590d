package main

import (
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

func TestVersionLineNamesVersionCommitAndFyne(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*fyne\.io/fyne/v2 (v\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod requires no fyne.io/fyne/v2")
	}
	if got, want := fyneVersion(), string(m[1]); got != want {
		t.Errorf("fyneVersion() = %q, want %q (go.mod)", got, want)
	}

	oldVersion, oldCommit := version, commit
	t.Cleanup(func() { version, commit = oldVersion, oldCommit })
	version, commit = "1.2.3", "abc1234"
	line := versionLine()
	for _, part := range []string{"lobbykiosk 1.2.3", "commit abc1234", "Fyne " + string(m[1]), runtime.Version()} {
		if !strings.Contains(line, part) {
			t.Errorf("version line %q lacks %q", line, part)
		}
	}
	if strings.Contains(line, "\n") {
		t.Errorf("version line %q is not one line", line)
	}
}

func TestVersionRefusesArguments(t *testing.T) {
	if status := cmdVersion([]string{"--verbose"}); status != exitConfig {
		t.Errorf("exit status %d, want %d", status, exitConfig)
	}
}
