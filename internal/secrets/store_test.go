package secrets_test

// These tests use keyring.MockInit(), which swaps a package-level provider
// inside go-keyring: none of them may call t.Parallel().

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/medfordwater/lobbykiosk/internal/secrets"
	"github.com/medfordwater/lobbykiosk/internal/secrets/secretstest"
)

// testService is the keyring service of these tests' items.
const testService = "org.medfordwater.lobbykiosk.test"

func newMockStore(t *testing.T) *secrets.Store {
	t.Helper()
	return secretstest.MockStore(t, testService)
}

func TestPortalKeyRoundTrip(t *testing.T) {
	s := newMockStore(t)
	if _, err := s.PortalKey(); !errors.Is(err, secrets.ErrNoCredential) {
		t.Fatalf("empty keyring: got %v, want ErrNoCredential", err)
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
	if !errors.Is(err, keyring.ErrNotFound) || errors.Is(err, secrets.ErrKeyringUnavailable) {
		t.Fatalf("got %v, want ErrNoCredential wrapping keyring.ErrNotFound only", err)
	}
}

func TestSetPortalKeyRejectsBadInput(t *testing.T) {
	s := newMockStore(t)
	for _, key := range []string{"", " padded", "tab\tinside", "space inside", "pk_livé", strings.Repeat("x", secrets.MaxPortalKeyLen+1)} {
		if err := s.SetPortalKey(key); err == nil {
			t.Errorf("SetPortalKey(%.20q) accepted", key)
		}
	}
	if _, err := s.PortalKey(); !errors.Is(err, secrets.ErrNoCredential) {
		t.Fatalf("a rejected key was stored: %v", err)
	}
}

func TestBackendErrorIsUnavailable(t *testing.T) {
	s := newMockStore(t)
	keyring.MockInitWithError(errors.New(`exec: "dbus-launch": executable file not found`))
	if _, err := s.PortalKey(); !errors.Is(err, secrets.ErrKeyringUnavailable) {
		t.Fatalf("get: got %v, want ErrKeyringUnavailable", err)
	}
	if err := s.SetPortalKey("k"); !errors.Is(err, secrets.ErrKeyringUnavailable) {
		t.Fatalf("set: got %v, want ErrKeyringUnavailable", err)
	}
	if _, err := s.VerifyStaffPIN("123456"); !errors.Is(err, secrets.ErrKeyringUnavailable) {
		t.Fatalf("verify: got %v, want ErrKeyringUnavailable", err)
	}
}

func TestKeyringCallsTimeOut(t *testing.T) {
	s := secrets.New(testService, secrets.Options{Timeout: 50 * time.Millisecond,
		Keyring: secretstest.NewStuckKeyring(t), CheapPINHash: true})

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
		if !errors.Is(err, secrets.ErrKeyringUnavailable) || !errors.Is(err, secrets.ErrTimeout) {
			t.Errorf("%s: got %v, want a timeout wrapped in ErrKeyringUnavailable", name, err)
		}
		if elapsed > 2*time.Second {
			t.Errorf("%s: returned after %s, timeout is 50ms", name, elapsed)
		}
	}
}

func TestStaffPINVerifiesAndRefuses(t *testing.T) {
	s := newMockStore(t)
	for _, pin := range []string{"246810", ""} { // "" is how `check` probes
		if ok, err := s.VerifyStaffPIN(pin); ok || !errors.Is(err, secrets.ErrNoCredential) {
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
