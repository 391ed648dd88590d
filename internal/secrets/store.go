package main

// The kiosk holds two secrets: the credential it uses to call the utility
// portal, and the staff PIN that unlocks the maintenance screen. Both live
// only in the OS keyring (Secret Service over D-Bus on Linux), never in the
// config file, argv, the environment or logs, so that a copied config or a
// process listing gives nothing away.

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/zalando/go-keyring"
	"golang.org/x/crypto/argon2"
)

// appID doubles as the keyring service name so the items are easy to find
// (and remove) with `secret-tool search service org.medfordwater.lobbykiosk`.
const appID = "org.medfordwater.lobbykiosk"

// Keyring "user" names of the two items stored under the service.
const (
	portalKeyItem = "portal-credential"
	staffPINItem  = "staff-pin-argon2id"
)

// defaultKeyringTimeout bounds every keyring call. A locked collection can
// make the Secret Service wait forever for a password prompt that nobody at
// a kiosk will ever answer.
const defaultKeyringTimeout = 3 * time.Second

// Limits for the staff PIN. Six digits is the shortest length that is not
// trivially guessed at a walk-up screen; twelve keeps it typeable on the
// kiosk's number pad.
const (
	minPINDigits = 6
	maxPINDigits = 12
)

// maxPortalKeyLen caps the credential; real portal keys are far shorter, and
// a bigger input is almost certainly a wrong file piped into provisioning.
const maxPortalKeyLen = 4096

var (
	// errNoCredential means the keyring answered but holds no such item
	// (keyring.ErrNotFound); the kiosk needs `lobbykiosk provision`.
	errNoCredential = errors.New("no credential in the OS keyring (run `lobbykiosk provision`)")
	// errKeyringUnavailable means the Secret Service could not be used at
	// all: no D-Bus session, no daemon, a locked collection, or a timeout.
	errKeyringUnavailable = errors.New("OS keyring unavailable")
	// errBadPINHash means the stored PIN item is not a hash this code wrote.
	errBadPINHash = errors.New("stored staff PIN hash is malformed")
)

// keyringBackend is the slice of go-keyring the store uses. It exists so
// tests can substitute a backend that blocks, which MockInit cannot do.
type keyringBackend interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
}

// osKeyring forwards to go-keyring's package-level functions (and so to
// its mock after keyring.MockInit()).
type osKeyring struct{}

func (osKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (osKeyring) Set(service, user, secret string) error   { return keyring.Set(service, user, secret) }

// secretStore reads and writes the kiosk's secrets in the OS keyring.
type secretStore struct {
	service string
	timeout time.Duration
	backend keyringBackend
	params  argon2Params // hashing cost for new PIN hashes
}

// newSecretStore returns a store for the given keyring service. A
// non-positive timeout selects defaultKeyringTimeout.
func newSecretStore(service string, timeout time.Duration) *secretStore {
	if timeout <= 0 {
		timeout = defaultKeyringTimeout
	}
	return &secretStore{
		service: service,
		timeout: timeout,
		backend: osKeyring{},
		params:  defaultArgon2Params,
	}
}

// PortalKey returns the portal credential, errNoCredential when none was
// provisioned, or errKeyringUnavailable.
func (s *secretStore) PortalKey() (string, error) {
	return s.get(portalKeyItem)
}

// SetPortalKey validates and stores the portal credential.
func (s *secretStore) SetPortalKey(key string) error {
	if err := validatePortalKey(key); err != nil {
		return err
	}
	return s.set(portalKeyItem, key)
}

// SetStaffPIN stores an argon2id hash of pin, never the PIN itself, so the
// keyring item is useless to someone who dumps the unlocked collection.
func (s *secretStore) SetStaffPIN(pin string) error {
	if err := validateStaffPIN(pin); err != nil {
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
// VerifyStaffPIN("") returning errNoCredential when no PIN is stored.
func (s *secretStore) VerifyStaffPIN(pin string) (bool, error) {
	encoded, err := s.get(staffPINItem)
	if err != nil {
		return false, err
	}
	if validateStaffPIN(pin) != nil {
		return false, nil // cannot match a stored valid PIN; skip the hash
	}
	return verifyPIN(pin, encoded)
}

// validateStaffPIN accepts 6 to 12 ASCII digits. The messages never repeat
// the input, so they are safe to show and to log.
func validateStaffPIN(pin string) error {
	if len(pin) < minPINDigits || len(pin) > maxPINDigits {
		return fmt.Errorf("staff PIN must be %d to %d digits long", minPINDigits, maxPINDigits)
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return errors.New("staff PIN must contain digits 0-9 only")
		}
	}
	return nil
}

// validatePortalKey rejects empty, padded, oversized or control-character
// credentials: each is a copy-paste mistake that would otherwise surface
// later as a confusing authentication failure.
func validatePortalKey(key string) error {
	switch {
	case key == "":
		return errors.New("portal credential is empty")
	case strings.TrimSpace(key) != key:
		return errors.New("portal credential has leading or trailing whitespace")
	case len(key) > maxPortalKeyLen:
		return fmt.Errorf("portal credential is longer than %d bytes", maxPortalKeyLen)
	case strings.IndexFunc(key, unicode.IsControl) >= 0:
		return errors.New("portal credential contains control characters")
	}
	return nil
}

// get reads one item with the store's timeout and maps go-keyring errors
// onto the two sentinel errors callers act on.
func (s *secretStore) get(item string) (string, error) {
	val, err := s.withTimeout(func() (string, error) {
		return s.backend.Get(s.service, item)
	})
	if errors.Is(err, keyring.ErrNotFound) {
		return "", &missingItemError{item: item, service: s.service, err: err}
	}
	return val, s.classify(err)
}

// missingItemError says which secret the keyring lacks and the command that stores
// it. It is errNoCredential and keeps the keyring's own error in the chain.
type missingItemError struct {
	item, service string
	err           error
}

func (e *missingItemError) Error() string {
	what := map[string]string{portalKeyItem: "portal credential", staffPINItem: "staff PIN"}[e.item]
	return fmt.Sprintf("the %s is not in the OS keyring (service %s, item %s): run `lobbykiosk provision` to store it",
		what, e.service, e.item)
}

func (e *missingItemError) Unwrap() []error { return []error{errNoCredential, e.err} }

// set writes one item with the store's timeout.
func (s *secretStore) set(item, secret string) error {
	_, err := s.withTimeout(func() (string, error) {
		return "", s.backend.Set(s.service, item, secret)
	})
	return s.classify(err)
}

// errTimeout marks a keyring call abandoned by withTimeout.
var errTimeout = errors.New("keyring call timed out")

// withTimeout runs op on its own goroutine because go-keyring takes no
// context. On timeout the goroutine is abandoned; the buffered channel lets
// it finish and be collected if the Secret Service ever answers.
func (s *secretStore) withTimeout(op func() (string, error)) (string, error) {
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
		return "", fmt.Errorf("%w after %s", errTimeout, s.timeout)
	}
}

// classify keeps the underlying error in the chain (for logs and
// errors.Is) but puts one of the store's sentinels in front of it.
func (s *secretStore) classify(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return fmt.Errorf("%w: %w", errNoCredential, err)
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return err
	default:
		return fmt.Errorf("%w (service %s): %w", errKeyringUnavailable, s.service, err)
	}
}

// argon2Params are the argon2id cost parameters, recorded in each hash so
// they can be raised later without invalidating existing PINs.
type argon2Params struct {
	memoryKiB uint32
	time      uint32
	threads   uint8
	saltLen   int
	keyLen    uint32
}

// defaultArgon2Params: 64 MiB and 3 passes take 0.15-0.4 s on the kiosk's
// two cores (so call VerifyStaffPIN off the UI goroutine): cheap for one
// staff unlock, costly for an offline guesser walking the PIN space.
var defaultArgon2Params = argon2Params{memoryKiB: 64 * 1024, time: 3, threads: 2, saltLen: 16, keyLen: 32}

// Bounds applied to parameters read back from the keyring, so a tampered
// item cannot make a verification allocate gigabytes or spin for minutes.
const (
	maxHashMemoryKiB = 1 << 20 // 1 GiB
	maxHashTime      = 20
	minSaltLen       = 8
	minKeyLen        = 16
	maxKeyLen        = 64
)

var b64 = base64.RawStdEncoding

// hashPIN returns a PHC-style string:
// $argon2id$v=19$m=<KiB>,t=<passes>,p=<threads>$<salt>$<hash>.
func hashPIN(pin string, p argon2Params) (string, error) {
	salt := make([]byte, p.saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("generating PIN salt: %w", err)
	}
	key := argon2.IDKey([]byte(pin), salt, p.time, p.memoryKiB, p.threads, p.keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.memoryKiB, p.time, p.threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// verifyPIN recomputes the hash with the stored salt and parameters and
// compares in constant time, so response timing leaks nothing about how
// much of the hash matched.
func verifyPIN(pin, encoded string) (bool, error) {
	p, salt, want, err := parsePINHash(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(pin), salt, p.time, p.memoryKiB, p.threads, p.keyLen)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// parsePINHash splits and bounds-checks a string written by hashPIN.
func parsePINHash(encoded string) (argon2Params, []byte, []byte, error) {
	var p argon2Params
	parts := strings.Split(encoded, "$")
	// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, errBadPINHash
	}
	if parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return p, nil, nil, fmt.Errorf("%w: unsupported version", errBadPINHash)
	}
	// Re-printing the parsed values rejects trailing junk Sscanf ignores.
	_, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memoryKiB, &p.time, &p.threads)
	if err != nil || fmt.Sprintf("m=%d,t=%d,p=%d", p.memoryKiB, p.time, p.threads) != parts[3] {
		return p, nil, nil, fmt.Errorf("%w: parameters", errBadPINHash)
	}
	salt, errSalt := b64.DecodeString(parts[4])
	key, errKey := b64.DecodeString(parts[5])
	if errSalt != nil || errKey != nil {
		return p, nil, nil, fmt.Errorf("%w: encoding", errBadPINHash)
	}
	p.saltLen, p.keyLen = len(salt), uint32(len(key))
	if err := checkParams(p); err != nil {
		return p, nil, nil, err
	}
	return p, salt, key, nil
}

// checkParams enforces the bounds on parameters read from the keyring.
func checkParams(p argon2Params) error {
	ok := p.memoryKiB >= 8*uint32(p.threads) && p.memoryKiB <= maxHashMemoryKiB &&
		p.time >= 1 && p.time <= maxHashTime && p.threads >= 1 &&
		p.saltLen >= minSaltLen && p.keyLen >= minKeyLen && p.keyLen <= maxKeyLen
	if !ok {
		return fmt.Errorf("%w: parameters out of range", errBadPINHash)
	}
	return nil
}
