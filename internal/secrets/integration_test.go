//go:build keyring_integration

package secrets

// Runs the real go-keyring against a real Secret Service (gnome-keyring)
// on the session bus; .ci/keyring-test.sh sets that up. It must not call
// keyring.MockInit(), and it uses its own service name so it can never
// overwrite or delete a provisioned kiosk's items.

import (
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

func TestIntegrationSecretService(t *testing.T) {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("DBUS_SESSION_BUS_ADDRESS is unset: run via .ci/keyring-test.sh")
	}
	service := fmt.Sprintf("org.medfordwater.lobbykiosk.integration-test.%d", os.Getpid())
	t.Cleanup(func() { cleanupService(t, service) })
	s := New(service, Options{Timeout: 10 * time.Second})

	if _, err := s.PortalKey(); !errors.Is(err, ErrNoCredential) {
		t.Fatalf("missing item: got %v, want ErrNoCredential", err)
	}
	if err := s.SetPortalKey("pk_integration_42"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.PortalKey(); err != nil || got != "pk_integration_42" {
		t.Fatalf("PortalKey() = %q, %v", got, err)
	}
	if err := s.SetStaffPIN("4827305916"); err != nil {
		t.Fatal(err)
	}
	for pin, want := range map[string]bool{"4827305916": true, "4827305917": false} {
		if ok, err := s.VerifyStaffPIN(pin); err != nil || ok != want {
			t.Errorf("VerifyStaffPIN(%q) = %v, %v; want %v", pin, ok, err, want)
		}
	}
}

// cleanupService removes both items and checks they are really gone, so a
// rerun on the same keyring starts from "missing item" again.
func cleanupService(t *testing.T, service string) {
	for _, item := range []string{portalKeyItem, staffPINItem} {
		err := keyring.Delete(service, item)
		if err != nil && !errors.Is(err, keyring.ErrNotFound) {
			t.Errorf("cleanup %s: %v", item, err)
		}
		if _, err := keyring.Get(service, item); !errors.Is(err, keyring.ErrNotFound) {
			t.Errorf("cleanup %s: item still readable (%v)", item, err)
		}
	}
}
