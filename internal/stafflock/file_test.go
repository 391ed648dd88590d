package stafflock

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lobbykiosk", "staff-lockout")
	store := NewFile(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if n, until, err := store.Load(); n != 0 || !until.IsZero() || err != nil {
		t.Fatalf("Load with no file = %d, %v, %v; want 0, zero, nil", n, until, err)
	}
	want := time.Date(2026, 3, 4, 10, 15, 0, 0, time.UTC)
	if err := store.Save(5, want); err != nil {
		t.Fatal(err)
	}
	// A second store on the same file stands for the kiosk after a restart.
	again := NewFile(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	n, until, err := again.Load()
	if n != 5 || !until.Equal(want) || err != nil {
		t.Fatalf("Load = %d, %v, %v; want 5, %v, nil", n, until, err, want)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the state directory holds %d files, want only the lockout (no temp files left)", len(entries))
	}
}

func TestCorruptFileLocksForFiveMinutes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "staff-lockout")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	store := NewFile(path, slog.New(slog.NewTextHandler(&logs, nil)))
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	store.now = func() time.Time { return now }
	n, until, err := store.Load()
	if err != nil || n != MaxFailures || !until.Equal(now.Add(5*time.Minute)) {
		t.Fatalf("Load of a corrupt file = %d, %v, %v; want locked until %v", n, until, err, now.Add(5*time.Minute))
	}
	if !strings.Contains(logs.String(), "corrupt") {
		t.Errorf("the corrupt file was not logged: %q", logs.String())
	}
	// The lock was written back, so it ends five minutes from the first reading,
	// not from every later one.
	store.now = func() time.Time { return now.Add(time.Hour) }
	if _, again, _ := store.Load(); !again.Equal(until) {
		t.Errorf("after rewriting, locked until %v, want %v", again, until)
	}
}

func TestDefaultPathFollowsXDG(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/var/state")
	if p, _ := DefaultPath(); p != "/var/state/lobbykiosk/staff-lockout" {
		t.Errorf("path = %q", p)
	}
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", "/home/kiosk")
	if p, _ := DefaultPath(); p != "/home/kiosk/.local/state/lobbykiosk/staff-lockout" {
		t.Errorf("fallback path = %q", p)
	}
}
