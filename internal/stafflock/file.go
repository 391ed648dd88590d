package stafflock

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/clock"
)

// File keeps the staff PIN lockout (a Record: counts and the end of a lock,
// nothing personal) in a small file, so a restart does not reset it.
type File struct {
	path string
	log  *slog.Logger
	now  func() time.Time
}

// StateDir is the kiosk's state directory: $XDG_STATE_HOME/lobbykiosk (systemd's
// StateDirectory sets XDG_STATE_HOME), or ~/.local/state/lobbykiosk when it is
// unset. What must outlive a restart lives there: the staff lockout, the card
// terminal's journal.
func StateDir() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no state directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "lobbykiosk"), nil
}

// DefaultPath is the staff lockout's file in StateDir.
func DefaultPath() (string, error) {
	dir, err := StateDir()
	if err != nil {
		return "", fmt.Errorf("no state directory for the staff lockout: %w", err)
	}
	return filepath.Join(dir, "staff-lockout"), nil
}

// NewFile keeps the lockout at path; the file and its directory are made on the
// first Save.
func NewFile(path string, logger *slog.Logger) *File {
	return &File{path: path, log: logger, now: clock.Wall}
}

// Load reads the lockout; no file means no PINs tried yet. A file that cannot be
// understood gives the FailSafe lock, which is written back so it ends when it
// should. A file of an older kiosk, without lockouts, reads as none.
func (f *File) Load() (Record, error) {
	data, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return Record{}, nil
	}
	if err != nil {
		return Record{}, err
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil || r.Failures < 0 || r.Lockouts < 0 {
		r = FailSafe(f.now())
		f.log.Error("staff lockout file is corrupt; locking staff mode", "path", f.path,
			"minutes", int(LockDuration(r.Lockouts).Minutes()))
		if err := f.Save(r); err != nil {
			f.log.Error("cannot rewrite the staff lockout file", "err", err.Error())
		}
	}
	return r, nil
}

// Save writes the lockout atomically: a temporary file beside it, then a rename,
// so a power cut leaves the old file or the new one, never half of one.
func (f *File) Save(r Record) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".staff-lockout-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), f.path)
}
