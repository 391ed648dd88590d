// Package terminalwatch keeps an eye on the kiosk's card terminal between
// payments: which device answers, in what state, and how many card payments
// are still to settle, for the heartbeat and the log. PCI DSS 4.0 §9.5.1 asks
// the utility to notice a terminal swapped for another: the watch remembers
// the last serial it saw, in the kiosk's state directory, and warns and counts
// when another answers.
package terminalwatch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
)

// Describer says which terminal answers (*terminal.Client).
type Describer interface {
	Describe(ctx context.Context) (terminal.Identity, error)
}

// States the watch reports when the terminal gives none of its own.
const (
	StateUnknown     = "unknown"      // not asked yet
	StateUnreachable = "unreachable"  // no valid answer
	StateKeyRefused  = "key-refused"  // an answer that fails message security: not our key
	StateWrongDevice = "wrong-device" // an answer from another POIID than the one configured
)

// Watch is the terminal as last seen. Safe for concurrent use.
type Watch struct {
	path string // the last seen device, to compare across restarts
	log  *slog.Logger

	mu     sync.Mutex
	seen   seenDevice
	status client.TerminalStatus
}

// seenDevice is the file at path: device IDs only, nothing about a visitor.
type seenDevice struct {
	POIID  string `json:"poi_id"`
	Serial string `json:"serial"`
}

// Open reads the device last seen from path (none yet is no error: the first
// terminal the kiosk sees is the one it expects from then on).
func Open(path string, log *slog.Logger) (*Watch, error) {
	w := &Watch{path: path, log: log, status: client.TerminalStatus{State: StateUnknown}}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return w, nil
	case err != nil:
		return nil, fmt.Errorf("terminal watch: %w", err)
	}
	if err := json.Unmarshal(b, &w.seen); err != nil {
		// The next device seen replaces it; a damaged file must not stop the kiosk.
		log.Warn("terminal watch: the last seen terminal is unreadable; starting afresh", "file", path)
		w.seen = seenDevice{}
	}
	return w, nil
}

// Look asks the terminal who it is and notes the answer. A serial other than
// the one last seen is logged as a warning, counted for the heartbeat and
// remembered as the device expected from now on.
func (w *Watch) Look(ctx context.Context, d Describer) (terminal.Identity, error) {
	id, err := d.Describe(ctx)
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		was := w.status.State
		w.status.State = stateOf(err)
		if w.status.State == StateWrongDevice && was != StateWrongDevice { // once, not at every look
			w.log.Warn("card terminal: a device other than the configured one answers; was it swapped?",
				"poi_id_last_seen", w.seen.POIID, "error", terminal.ErrorClass(err))
		}
		return id, err
	}
	w.status.POIID, w.status.Serial, w.status.State = id.POIID, id.Serial, id.State
	if w.seen.Serial != "" && id.Serial != w.seen.Serial {
		w.status.SerialChanges++
		w.status.PreviousPOIID = w.seen.POIID
		w.log.Warn("card terminal: another device answers than the one seen before; inspect it (PCI DSS 9.5.1)",
			"poi_id", id.POIID, "previous_poi_id", w.seen.POIID)
	}
	if id.POIID != w.seen.POIID || id.Serial != w.seen.Serial {
		w.seen = seenDevice{POIID: id.POIID, Serial: id.Serial}
		if err := w.save(); err != nil {
			w.log.Error("terminal watch: cannot remember the terminal seen", "error", err.Error())
		}
	}
	return id, nil
}

// SetPending notes how many journalled payments are still to settle.
func (w *Watch) SetPending(n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.status.PendingPayments = n
}

// AddRecovered counts card payments an earlier run left charged but
// unrecorded, now recorded with the portal.
func (w *Watch) AddRecovered(n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.status.RecoveredPayments += n
}

// Status is the terminal as last seen, for the heartbeat.
func (w *Watch) Status() *client.TerminalStatus {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.status
	return &s
}

// stateOf names a failed Describe as the heartbeat's state.
func stateOf(err error) string {
	switch {
	case errors.Is(err, terminal.ErrMismatch):
		return StateWrongDevice
	case errors.Is(err, terminal.ErrSecurity):
		return StateKeyRefused
	}
	return StateUnreachable
}

// save writes the device seen: a temporary file renamed over the old one.
func (w *Watch) save() error {
	b, err := json.Marshal(w.seen)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(w.path), 0o700); err != nil {
		return err
	}
	tmp := w.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, w.path)
}
