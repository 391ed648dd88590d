package secrets_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/secrets"
)

func TestTerminalPassphraseRoundTrip(t *testing.T) {
	s := newMockStore(t)
	_, err := s.TerminalPassphrase()
	if !errors.Is(err, secrets.ErrNoCredential) || !strings.Contains(err.Error(), "terminal passphrase") {
		t.Fatalf("empty keyring: %v", err)
	}
	if err := s.SetTerminalPassphrase(""); err == nil {
		t.Error("an empty passphrase was stored")
	}
	if err := s.SetTerminalPassphrase("correct horse terminal"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.TerminalPassphrase(); err != nil || got != "correct horse terminal" {
		t.Fatalf("TerminalPassphrase() = %q, %v", got, err)
	}
}
