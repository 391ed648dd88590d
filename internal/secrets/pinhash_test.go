package secrets

// TestStoredPINIsSaltedHash uses keyring.MockInit(), which swaps a package-level
// provider inside go-keyring: no t.Parallel().

import (
	"errors"
	"strings"
	"testing"

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
