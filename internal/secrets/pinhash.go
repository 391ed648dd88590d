package secrets

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// errBadPINHash means the stored PIN item is not a hash this code wrote.
var errBadPINHash = errors.New("stored staff PIN hash is malformed")

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

// cheapArgon2Params are Options.CheapPINHash's: 64 KiB and one pass, with the
// production salt and key lengths.
var cheapArgon2Params = argon2Params{memoryKiB: 64, time: 1, threads: 1, saltLen: 16, keyLen: 32}

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

// ErrWeakPINHash is a stored staff PIN hash whose cost is below what the kiosk
// hashes new PINs with: one written by hand or by a tool into the keyring, which
// a stolen keyring would give up quickly. The kiosk does not check PINs against
// it; staff store the PIN again.
var ErrWeakPINHash = errors.New("the stored staff PIN hash costs less than the kiosk's own: store the staff PIN again with `lobbykiosk provision`")

// verifyPIN recomputes the hash with the stored salt and parameters and
// compares in constant time, so response timing leaks nothing about how
// much of the hash matched.
func verifyPIN(pin string, p argon2Params, salt, want []byte) bool {
	got := argon2.IDKey([]byte(pin), salt, p.time, p.memoryKiB, p.threads, p.keyLen)
	return subtle.ConstantTimeCompare(got, want) == 1
}

// atLeast reports whether p costs at least what floor does, in memory and passes.
func (p argon2Params) atLeast(floor argon2Params) bool {
	return p.memoryKiB >= floor.memoryKiB && p.time >= floor.time
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
