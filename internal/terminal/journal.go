package terminal

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// EntryState is where a journalled payment stands.
type EntryState string

const (
	// Sent: the PaymentRequest may have reached the terminal and its outcome
	// is not known yet. At start the kiosk asks the terminal (Client.Recover).
	Sent EntryState = "sent"
	// Charged: the terminal approved it and the portal has not been told yet.
	// At start the kiosk posts it with IdempotencyKey, then calls Done.
	Charged EntryState = "charged"
)

// Entry is one journalled payment. It holds no card data and no account
// number: only what the caller gave as the account's reference.
type Entry struct {
	TransactionID  string     `json:"transaction_id"`
	AmountCents    int64      `json:"amount_cents"`
	AccountRef     string     `json:"account_ref"`
	IdempotencyKey string     `json:"idempotency_key"`
	State          EntryState `json:"state"`
	Reference      string     `json:"terminal_reference,omitempty"` // the terminal's transaction ID, once charged
}

// Journal keeps one file per payment in a state directory, so that a kiosk
// that dies between the terminal's approval and telling the portal learns at
// its next start what it still owes: no payment is ever "unknown" and none is
// told twice (the portal post carries the journal's idempotency key).
type Journal struct {
	dir string
	mu  sync.Mutex
}

const journalSuffix = ".payment.json"

// OpenJournal opens (and makes, 0700) the journal directory.
func OpenJournal(dir string) (*Journal, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("terminal: journal directory: %w", err)
	}
	return &Journal{dir: dir}, nil
}

// Begin records p as sent, before the PaymentRequest leaves. It refuses a
// transaction ID already in the journal: that payment may have been charged,
// and a second request for it would be paying again.
func (j *Journal) Begin(p Payment) error {
	if err := p.Check(); err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := os.Stat(j.path(p.TransactionID)); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("terminal: transaction %s is already in the journal: recover it, never pay it again", p.TransactionID)
	}
	return j.write(Entry{TransactionID: p.TransactionID, AmountCents: p.AmountCents, AccountRef: p.AccountRef,
		IdempotencyKey: p.IdempotencyKey, State: Sent})
}

// Settle records the terminal's final answer: an approval stays, as Charged,
// until the portal is told (Done); any other final outcome took no money, so
// the entry goes. An entry that is not there is no error.
func (j *Journal) Settle(r Result) error {
	if !r.Outcome.Final() {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	e, err := j.read(r.TransactionID)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !r.Outcome.Charged() {
		return j.remove(r.TransactionID)
	}
	e.State, e.Reference = Charged, r.Reference
	return j.write(e)
}

// Done clears a payment the portal has been told of.
func (j *Journal) Done(txID string) error {
	if err := CheckTransactionID(txID); err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.remove(txID)
}

// forget clears a payment that was never sent.
func (j *Journal) forget(txID string) error { return j.Done(txID) }

// Pending lists the entries still to recover, by transaction ID.
func (j *Journal) Pending() ([]Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	names, err := filepath.Glob(filepath.Join(j.dir, "*"+journalSuffix))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	entries := make([]Entry, 0, len(names))
	for _, name := range names {
		e, err := j.read(strings.TrimSuffix(filepath.Base(name), journalSuffix))
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

func (j *Journal) path(txID string) string { return filepath.Join(j.dir, txID+journalSuffix) }

func (j *Journal) read(txID string) (Entry, error) {
	b, err := os.ReadFile(j.path(txID))
	if err != nil {
		return Entry{}, err
	}
	var e Entry
	if err := json.Unmarshal(b, &e); err != nil || e.TransactionID != txID || (e.State != Sent && e.State != Charged) {
		return Entry{}, fmt.Errorf("terminal: journal entry %s is damaged", txID)
	}
	return e, nil
}

// write replaces the entry atomically: a temporary file, synced, then renamed
// over the old one, and the directory synced, so a crash leaves the old entry
// or the new one, never half of one.
func (j *Journal) write(e Entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(j.dir, ".tmp-*") // 0600
	if err != nil {
		return fmt.Errorf("terminal: journal: %w", err)
	}
	defer os.Remove(f.Name()) // after a successful rename this finds nothing
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("terminal: journal: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("terminal: journal: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("terminal: journal: %w", err)
	}
	if err := os.Rename(f.Name(), j.path(e.TransactionID)); err != nil {
		return fmt.Errorf("terminal: journal: %w", err)
	}
	return j.syncDir()
}

func (j *Journal) remove(txID string) error {
	if err := os.Remove(j.path(txID)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("terminal: journal: %w", err)
	}
	return j.syncDir()
}

func (j *Journal) syncDir() error {
	d, err := os.Open(j.dir)
	if err != nil {
		return fmt.Errorf("terminal: journal: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("terminal: journal: %w", err)
	}
	return nil
}
