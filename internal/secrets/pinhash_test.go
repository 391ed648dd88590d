package secrets

// TestStoredPINIsSaltedHash uses keyring.MockInit(), which swaps a package-level
// provider inside go-keyring: no t.Parallel().

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

const testService = "org.medfordwater.lobbykiosk.test"

func TestDefaultTimeout(t *testing.T) {
	if s := New(testService, Options{}); s.timeout != DefaultTimeout {
		t.Fatalf("timeout = %s, want %s", s.timeout, DefaultTimeout)
	}
}

func TestStoredPINIsSaltedHash(t *testing.T) {
	keyring.MockInit()
	s := New(testService, Options{CheapPINHash: true})
	if err := s.SetStaffPIN("975310"); err != nil {
		t.Fatal(err)
	}
	first, _ := keyring.Get(testService, staffPINItem)
	if err := s.SetStaffPIN("975310"); err != nil {
		t.Fatal(err)
	}
	second, _ := keyring.Get(testService, staffPINItem)
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
	p, salt, want, err := parsePINHash(encoded)
	if err != nil || !p.atLeast(defaultArgon2Params) || !verifyPIN("13572468", p, salt, want) {
		t.Errorf("the right PIN against its default-cost hash: %v; want verified", err)
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
		if _, _, _, err := parsePINHash(enc); !errors.Is(err, errBadPINHash) {
			t.Errorf("parsePINHash(%q) = %v; want errBadPINHash", enc, err)
		}
	}
}

// A stored hash that costs less than the kiosk's own (8 KiB and one pass, put
// into the keyring by hand) is refused, whatever PIN is tried, with a word to
// store the PIN again; one at the kiosk's cost is checked.
func TestAStoredHashBelowTheKiosksCostIsRefused(t *testing.T) {
	weak, err := hashPIN("246810", argon2Params{memoryKiB: 8, time: 1, threads: 1, saltLen: 16, keyLen: 32})
	if err != nil {
		t.Fatal(err)
	}
	keyring.MockInit()
	s := New("lobbykiosk-test", Options{Timeout: time.Second}) // the kiosk's own cost
	if err := keyring.Set("lobbykiosk-test", staffPINItem, weak); err != nil {
		t.Fatal(err)
	}
	for _, pin := range []string{"246810", ""} {
		if ok, err := s.VerifyStaffPIN(pin); ok || !errors.Is(err, ErrWeakPINHash) {
			t.Errorf("VerifyStaffPIN(%q) against a weak hash = %v, %v; want ErrWeakPINHash", pin, ok, err)
		}
	}
}
