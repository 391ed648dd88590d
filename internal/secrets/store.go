// Package secrets keeps the kiosk's two secrets: the credential it uses to call
// the utility portal, and the staff PIN that unlocks the maintenance screen.
// Both live only in the OS keyring (Secret Service over D-Bus on Linux), never
// in the config file, argv, the environment or logs, so that a copied config
// or a process listing gives nothing away.
package secrets

import (
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/staffpin"
)

// Keyring "user" names of the two items stored under the service.
const (
	portalKeyItem          = "portal-credential"
	staffPINItem           = "staff-pin-argon2id"
	terminalPassphraseItem = "terminal-passphrase"
)

// DefaultTimeout bounds every keyring call unless Options say otherwise. A
// locked collection can make the Secret Service wait forever for a password
// prompt that nobody at a kiosk will ever answer.
const DefaultTimeout = 3 * time.Second

// MaxPortalKeyLen caps the credential (the portal client's own limit).
const MaxPortalKeyLen = client.MaxKioskKeyLen

var (
	// ErrNoCredential means the keyring answered but holds no such item
	// (keyring.ErrNotFound); the kiosk needs `lobbykiosk provision`.
	ErrNoCredential = errors.New("no credential in the OS keyring (run `lobbykiosk provision`)")
	// ErrKeyringUnavailable means the Secret Service could not be used at
	// all: no D-Bus session, no daemon, a locked collection, or a timeout.
	ErrKeyringUnavailable = errors.New("OS keyring unavailable")
	// ErrTimeout marks a keyring call abandoned after the store's timeout; it
	// comes wrapped in ErrKeyringUnavailable.
	ErrTimeout = errors.New("keyring call timed out")
)

// Keyring is the slice of go-keyring a Store uses. Tests substitute one that
// blocks, which keyring.MockInit cannot do.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
}

// osKeyring forwards to go-keyring's package-level functions (and so to
// its mock after keyring.MockInit()).
type osKeyring struct{}

func (osKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (osKeyring) Set(service, user, secret string) error   { return keyring.Set(service, user, secret) }

// Options tune a Store; the zero value is what the kiosk runs with.
type Options struct {
	Timeout time.Duration // bounds every keyring call; 0: DefaultTimeout
	Keyring Keyring       // nil: the OS keyring (or go-keyring's mock after keyring.MockInit)
	// CheapPINHash hashes new PINs at a trivial cost. For tests only: it keeps
	// their many hash round trips fast under -race.
	CheapPINHash bool
}

// Store reads and writes the kiosk's secrets in the OS keyring.
type Store struct {
	service string
	timeout time.Duration
	backend Keyring
	params  argon2Params // hashing cost for new PIN hashes
}

// New returns a store for the items under the given keyring service.
func New(service string, opts Options) *Store {
	s := &Store{service: service, timeout: opts.Timeout, backend: opts.Keyring, params: defaultArgon2Params}
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	if s.backend == nil {
		s.backend = osKeyring{}
	}
	if opts.CheapPINHash {
		s.params = cheapArgon2Params
	}
	return s
}

// Service is the keyring service the store's items live under.
func (s *Store) Service() string { return s.service }

// PortalKey returns the portal credential, ErrNoCredential when none was
// provisioned, or ErrKeyringUnavailable.
func (s *Store) PortalKey() (string, error) {
	return s.get(portalKeyItem)
}

// SetPortalKey validates and stores the portal credential.
func (s *Store) SetPortalKey(key string) error {
	if err := ValidatePortalKey(key); err != nil {
		return err
	}
	return s.set(portalKeyItem, key)
}

// TerminalPassphrase returns the card terminal's shared passphrase (its key
// identifier and version are config), ErrNoCredential when none was
// provisioned, or ErrKeyringUnavailable.
func (s *Store) TerminalPassphrase() (string, error) {
	return s.get(terminalPassphraseItem)
}

// SetTerminalPassphrase stores the card terminal's passphrase.
func (s *Store) SetTerminalPassphrase(passphrase string) error {
	if passphrase == "" || len(passphrase) > MaxPortalKeyLen {
		return fmt.Errorf("terminal passphrase: must be 1 to %d bytes", MaxPortalKeyLen)
	}
	return s.set(terminalPassphraseItem, passphrase)
}

// SetStaffPIN stores an argon2id hash of pin, never the PIN itself, so the
// keyring item is useless to someone who dumps the unlocked collection.
func (s *Store) SetStaffPIN(pin string) error {
	if err := staffpin.CheckNew(pin); err != nil {
		return err
	}
	encoded, err := hashPIN(pin, s.params)
	if err != nil {
		return err
	}
	return s.set(staffPINItem, encoded)
}

// VerifyStaffPIN reports whether pin matches the stored hash. The keyring
// is read first even for a malformed PIN, so "no PIN provisioned" and
// "keyring unavailable" are always reported: `lobbykiosk check` relies on
// VerifyStaffPIN("") returning ErrNoCredential when no PIN is stored.
func (s *Store) VerifyStaffPIN(pin string) (bool, error) {
	encoded, err := s.get(staffPINItem)
	if err != nil {
		return false, err
	}
	p, salt, want, err := parsePINHash(encoded)
	if err != nil {
		return false, err
	}
	if !p.atLeast(s.params) {
		return false, ErrWeakPINHash
	}
	if staffpin.Validate(pin) != nil {
		return false, nil // cannot match a stored valid PIN; skip the hash
	}
	return verifyPIN(pin, p, salt, want), nil
}

// ValidatePortalKey refuses a credential the portal client cannot send
// (client.CheckKioskKey, the rule `lobbykiosk check` and the kiosk apply):
// empty, oversized, or with spaces, control characters or letters outside
// ASCII, each a copy-paste mistake that would otherwise surface later as a
// kiosk out of service.
func ValidatePortalKey(key string) error {
	if err := client.CheckKioskKey(key); err != nil {
		return fmt.Errorf("portal credential: %w", err)
	}
	return nil
}

// get reads one item with the store's timeout and maps go-keyring errors
// onto the two sentinel errors callers act on.
func (s *Store) get(item string) (string, error) {
	val, err := s.withTimeout(func() (string, error) {
		return s.backend.Get(s.service, item)
	})
	if errors.Is(err, keyring.ErrNotFound) {
		return "", &missingItemError{item: item, service: s.service, err: err}
	}
	return val, s.classify(err)
}

// missingItemError says which secret the keyring lacks and the command that stores
// it. It is ErrNoCredential and keeps the keyring's own error in the chain.
type missingItemError struct {
	item, service string
	err           error
}

func (e *missingItemError) Error() string {
	what := map[string]string{portalKeyItem: "portal credential", staffPINItem: "staff PIN", terminalPassphraseItem: "terminal passphrase"}[e.item]
	command := "lobbykiosk provision"
	if e.item == terminalPassphraseItem {
		command = "lobbykiosk provision --terminal"
	}
	return fmt.Sprintf("the %s is not in the OS keyring (service %s, item %s): run `%s` to store it",
		what, e.service, e.item, command)
}

func (e *missingItemError) Unwrap() []error { return []error{ErrNoCredential, e.err} }

// set writes one item with the store's timeout.
func (s *Store) set(item, secret string) error {
	_, err := s.withTimeout(func() (string, error) {
		return "", s.backend.Set(s.service, item, secret)
	})
	return s.classify(err)
}

// withTimeout runs op on its own goroutine because go-keyring takes no
// context. On timeout the goroutine is abandoned; the buffered channel lets
// it finish and be collected if the Secret Service ever answers.
func (s *Store) withTimeout(op func() (string, error)) (string, error) {
	type result struct {
		val string
		err error
	}
	done := make(chan result, 1)
	go func() {
		val, err := op()
		done <- result{val, err}
	}()
	timer := time.NewTimer(s.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.val, r.err
	case <-timer.C:
		return "", fmt.Errorf("%w after %s", ErrTimeout, s.timeout)
	}
}

// classify keeps the underlying error in the chain (for logs and
// errors.Is) but puts one of the store's sentinels in front of it.
func (s *Store) classify(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return fmt.Errorf("%w: %w", ErrNoCredential, err)
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return err
	default:
		return fmt.Errorf("%w (service %s): %w", ErrKeyringUnavailable, s.service, err)
	}
}
