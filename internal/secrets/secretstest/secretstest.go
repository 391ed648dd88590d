// Package secretstest gives tests of code that keeps secrets a secrets.Store
// over go-keyring's in-memory mock, and a keyring that never answers.
package secretstest

import (
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/medfordwater/lobbykiosk/internal/secrets"
)

// MockStore returns a store for service over a fresh go-keyring mock, hashing
// PINs cheaply. The mock is package-level state inside go-keyring: a test that
// uses it may not call t.Parallel().
func MockStore(t testing.TB, service string) *secrets.Store {
	t.Helper()
	keyring.MockInit()
	return secrets.New(service, secrets.Options{Timeout: time.Second, CheapPINHash: true})
}

// StuckKeyring never answers until the test ends, like a Secret Service
// waiting on an unlock prompt.
type StuckKeyring struct {
	release chan struct{}
}

// NewStuckKeyring returns a keyring that blocks every call; the calls return
// when t ends, so their abandoned goroutines exit.
func NewStuckKeyring(t testing.TB) *StuckKeyring {
	k := &StuckKeyring{release: make(chan struct{})}
	t.Cleanup(func() { close(k.release) })
	return k
}

func (k *StuckKeyring) Get(string, string) (string, error) {
	<-k.release
	return "", keyring.ErrNotFound
}

func (k *StuckKeyring) Set(string, string, string) error {
	<-k.release
	return nil
}
