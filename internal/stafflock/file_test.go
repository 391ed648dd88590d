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
	if r, err := store.Load(); r != (Record{}) || err != nil {
		t.Fatalf("Load with no file = %+v, %v; want a zero record", r, err)
	}
	want := Record{Failures: 3, Lockouts: 2, LockedUntil: time.Date(2026, 3, 4, 10, 15, 0, 0, time.UTC)}
	if err := store.Save(want); err != nil {
		t.Fatal(err)
	}
	// A second store on the same file stands for the kiosk after a restart.
	again := NewFile(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	r, err := again.Load()
	if r.Failures != 3 || r.Lockouts != 2 || !r.LockedUntil.Equal(want.LockedUntil) || err != nil {
		t.Fatalf("Load = %+v, %v; want %+v", r, err, want)
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
	r, err := store.Load()
	if err != nil || r.LockedFor(now) != 5*time.Minute {
		t.Fatalf("Load of a corrupt file = %+v, %v; want locked until %v", r, err, now.Add(5*time.Minute))
	}
	if !strings.Contains(logs.String(), "corrupt") {
		t.Errorf("the corrupt file was not logged: %q", logs.String())
	}
	// The lock was written back, so it ends five minutes from the first reading,
	// not from every later one.
	store.now = func() time.Time { return now.Add(time.Hour) }
	if again, _ := store.Load(); !again.LockedUntil.Equal(r.LockedUntil) {
		t.Errorf("after rewriting, locked until %v, want %v", again.LockedUntil, r.LockedUntil)
	}
}

// A file written before locks grew holds no lockouts: it reads as a record
// whose next lock is the first.
func TestFileOfAnOlderKioskReads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "staff-lockout")
	if err := os.WriteFile(path, []byte(`{"failures":2,"locked_until":"0001-01-01T00:00:00Z"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := NewFile(path, slog.New(slog.NewTextHandler(io.Discard, nil))).Load()
	if err != nil || r.Failures != 2 || r.Lockouts != 0 {
		t.Errorf("Load = %+v, %v", r, err)
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
