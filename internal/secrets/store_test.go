package main

// These tests use keyring.MockInit(), which swaps a package-level provider
// inside go-keyring: none of them may call t.Parallel().

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// cheapArgon2Params keeps the many hash round trips fast under -race; the
// production parameters are covered once by TestDefaultParamsRoundTrip.
var cheapArgon2Params = argon2Params{memoryKiB: 64, time: 1, threads: 1, saltLen: 16, keyLen: 32}

// newMockStore returns a store over a fresh go-keyring mock.
func newMockStore(t *testing.T) *secretStore {
	t.Helper()
	keyring.MockInit()
	s := newSecretStore(appID, time.Second)
	s.params = cheapArgon2Params
	return s
}

func TestPortalKeyRoundTrip(t *testing.T) {
	s := newMockStore(t)
	if _, err := s.PortalKey(); !errors.Is(err, errNoCredential) {
		t.Fatalf("empty keyring: got %v, want errNoCredential", err)
	}
	if err := s.SetPortalKey("pk_live_abc123"); err != nil {
		t.Fatal(err)
	}
	got, err := s.PortalKey()
	if err != nil || got != "pk_live_abc123" {
		t.Fatalf("PortalKey() = %q, %v", got, err)
	}
}

func TestNotFoundKeepsKeyringError(t *testing.T) {
	s := newMockStore(t)
	_, err := s.PortalKey()
	if !errors.Is(err, keyring.ErrNotFound) || errors.Is(err, errKeyringUnavailable) {
		t.Fatalf("got %v, want errNoCredential wrapping keyring.ErrNotFound only", err)
	}
}

func TestSetPortalKeyRejectsBadInput(t *testing.T) {
	s := newMockStore(t)
	for _, key := range []string{"", " padded", "tab\tinside", strings.Repeat("x", maxPortalKeyLen+1)} {
		if err := s.SetPortalKey(key); err == nil {
			t.Errorf("SetPortalKey(%.20q) accepted", key)
		}
	}
	if _, err := s.PortalKey(); !errors.Is(err, errNoCredential) {
		t.Fatalf("a rejected key was stored: %v", err)
	}
}

func TestBackendErrorIsUnavailable(t *testing.T) {
	s := newMockStore(t)
	keyring.MockInitWithError(errors.New(`exec: "dbus-launch": executable file not found`))
	if _, err := s.PortalKey(); !errors.Is(err, errKeyringUnavailable) {
		t.Fatalf("get: got %v, want errKeyringUnavailable", err)
	}
	if err := s.SetPortalKey("k"); !errors.Is(err, errKeyringUnavailable) {
		t.Fatalf("set: got %v, want errKeyringUnavailable", err)
	}
	if _, err := s.VerifyStaffPIN("123456"); !errors.Is(err, errKeyringUnavailable) {
		t.Fatalf("verify: got %v, want errKeyringUnavailable", err)
	}
}

// blockingBackend never answers until released, like a Secret Service
// waiting on an unlock prompt.
type blockingBackend struct {
	release chan struct{}
	once    sync.Once
}

func (b *blockingBackend) Get(string, string) (string, error) {
	<-b.release
	return "", keyring.ErrNotFound
}

func (b *blockingBackend) Set(string, string, string) error {
	<-b.release
	return nil
}

func (b *blockingBackend) unblock() { b.once.Do(func() { close(b.release) }) }

func TestKeyringCallsTimeOut(t *testing.T) {
	b := &blockingBackend{release: make(chan struct{})}
	defer b.unblock() // let the abandoned goroutines exit
	s := newSecretStore(appID, 50*time.Millisecond)
	s.backend = b
	s.params = cheapArgon2Params

	calls := map[string]func() error{
		"PortalKey":      func() error { _, err := s.PortalKey(); return err },
		"SetPortalKey":   func() error { return s.SetPortalKey("k") },
		"SetStaffPIN":    func() error { return s.SetStaffPIN("246810") },
		"VerifyStaffPIN": func() error { _, err := s.VerifyStaffPIN("246810"); return err },
	}
	for name, call := range calls {
		start := time.Now()
		err := call()
		elapsed := time.Since(start)
		if !errors.Is(err, errKeyringUnavailable) || !errors.Is(err, errTimeout) {
			t.Errorf("%s: got %v, want a timeout wrapped in errKeyringUnavailable", name, err)
		}
		if elapsed > 2*time.Second {
			t.Errorf("%s: returned after %s, timeout is 50ms", name, elapsed)
		}
	}
}

func TestDefaultTimeout(t *testing.T) {
	if s := newSecretStore(appID, 0); s.timeout != defaultKeyringTimeout {
		t.Fatalf("timeout = %s, want %s", s.timeout, defaultKeyringTimeout)
	}
}

func TestStaffPINVerifiesAndRefuses(t *testing.T) {
	s := newMockStore(t)
	for _, pin := range []string{"246810", ""} { // "" is how `check` probes
		if ok, err := s.VerifyStaffPIN(pin); ok || !errors.Is(err, errNoCredential) {
			t.Fatalf("no PIN stored, VerifyStaffPIN(%q): got %v, %v", pin, ok, err)
		}
	}
	if err := s.SetStaffPIN("246810"); err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{"246810": true, "246811": false, "2468100": false, "": false, "24681a": false}
	for pin, want := range cases {
		got, err := s.VerifyStaffPIN(pin)
		if err != nil || got != want {
			t.Errorf("VerifyStaffPIN(%q) = %v, %v; want %v", pin, got, err, want)
		}
	}
}

func TestStoredPINIsSaltedHash(t *testing.T) {
	s := newMockStore(t)
	if err := s.SetStaffPIN("975310"); err != nil {
		t.Fatal(err)
	}
	first, _ := keyring.Get(appID, staffPINItem)
	if err := s.SetStaffPIN("975310"); err != nil {
		t.Fatal(err)
	}
	second, _ := keyring.Get(appID, staffPINItem)
	if strings.Contains(first, "975310") || !strings.HasPrefix(first, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("stored value %q is not an argon2id hash", first)
	}
	if first == second {
		t.Fatal("two hashes of the same PIN are equal: salt is not random")
	}
}

func TestDefaultParamsRoundTrip(t *testing.T) {
	encoded, err := hashPIN("13572468", defaultArgon2Params)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(encoded, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Fatalf("unexpected encoding %q", encoded)
	}
	// One verification only: each costs ~1 s under -race, and refusal is
	// already covered with cheap parameters.
	if ok, err := verifyPIN("13572468", encoded); err != nil || !ok {
		t.Errorf("verifyPIN(right PIN) = %v, %v; want true", ok, err)
	}
}

func TestMalformedHashIsRejected(t *testing.T) {
	good, err := hashPIN("246810", cheapArgon2Params)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(good, "$")
	bad := []string{
		"",
		"246810",
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, "m=64,t=1,p=1", "m=64,t=1,p=1x", 1),
		strings.Replace(good, "m=64", "m=4194304", 1), // 4 GiB: refuse, don't allocate
		strings.Replace(good, "t=1", "t=0", 1),
		strings.Replace(good, "p=1", "p=0", 1),
		strings.Join([]string{"", parts[1], parts[2], parts[3], "!!", parts[5]}, "$"),
		strings.Join([]string{"", parts[1], parts[2], parts[3], parts[4], "AAAA"}, "$"),
	}
	for _, enc := range bad {
		if ok, err := verifyPIN("246810", enc); ok || !errors.Is(err, errBadPINHash) {
			t.Errorf("verifyPIN(_, %q) = %v, %v; want errBadPINHash", enc, ok, err)
		}
	}
}

func TestValidateStaffPIN(t *testing.T) {
	valid := []string{"000000", "123456", "999999999999"}
	invalid := []string{"", "12345", "1234567890123", "12345a", " 123456", "١٢٣٤٥٦", "12 3456"}
	for _, pin := range valid {
		if err := validateStaffPIN(pin); err != nil {
			t.Errorf("validateStaffPIN(%q) = %v, want nil", pin, err)
		}
	}
	for _, pin := range invalid {
		err := validateStaffPIN(pin)
		if err == nil {
			t.Errorf("validateStaffPIN(%q) accepted", pin)
			continue
		}
		if pin != "" && strings.Contains(err.Error(), pin) {
			t.Errorf("error message %q repeats the PIN", err)
		}
	}
}
