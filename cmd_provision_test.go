package main

// Uses keyring.MockInit() through newMockStore: no t.Parallel().

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/secrets"
	"github.com/medfordwater/lobbykiosk/internal/secrets/secretstest"
	"github.com/medfordwater/lobbykiosk/internal/staffpin"
)

// newMockStore is the kiosk's store over a fresh go-keyring mock.
func newMockStore(t *testing.T) *secrets.Store {
	t.Helper()
	return secretstest.MockStore(t, appID)
}

func TestProvisionStoresSecrets(t *testing.T) {
	s := newMockStore(t)
	var out bytes.Buffer
	in := strings.NewReader("pk_live_secret_42\r\n246810\n246810\n")
	if err := runProvision(in, &out, s); err != nil {
		t.Fatal(err)
	}
	if key, err := s.PortalKey(); err != nil || key != "pk_live_secret_42" {
		t.Fatalf("PortalKey() = %q, %v", key, err)
	}
	if ok, err := s.VerifyStaffPIN("246810"); !ok || err != nil {
		t.Fatalf("VerifyStaffPIN = %v, %v", ok, err)
	}
	assertOneSafeLine(t, out.String(), "pk_live_secret_42", "246810")
}

func TestProvisionAcceptsLastLineWithoutNewline(t *testing.T) {
	s := newMockStore(t)
	var out bytes.Buffer
	if err := runProvision(strings.NewReader("key\n482913\n482913"), &out, s); err != nil {
		t.Fatal(err)
	}
}

func TestProvisionRefusesBadInputAndStoresNothing(t *testing.T) {
	cases := map[string]string{
		"empty input":      "",
		"empty credential": "\n246810\n246810\n",
		"missing confirm":  "key\n246810\n",
		"short PIN":        "key\n12345\n12345\n",
		"letters in PIN":   "key\n24681x\n24681x\n",
		"PINs differ":      "key\n246810\n246811\n",
		"huge line":        strings.Repeat("k", maxProvisionLine+10) + "\n246810\n246810\n",
	}
	for name, input := range cases {
		t.Run(name, func(t *testing.T) {
			s := newMockStore(t)
			var out bytes.Buffer
			err := runProvision(strings.NewReader(input), &out, s)
			if err == nil {
				t.Fatal("accepted")
			}
			if strings.Contains(err.Error(), "24681") {
				t.Errorf("error %q contains the PIN", err)
			}
			if _, err := s.PortalKey(); !errors.Is(err, secrets.ErrNoCredential) {
				t.Errorf("credential stored despite refusal: %v", err)
			}
			if out.Len() != 0 {
				t.Errorf("printed %q on failure", out.String())
			}
		})
	}
}

func TestProvisionReportsUnavailableKeyring(t *testing.T) {
	s := newMockStore(t)
	keyring.MockInitWithError(errors.New("The name org.freedesktop.secrets was not provided"))
	err := runProvision(strings.NewReader("key\n246810\n246810\n"), &bytes.Buffer{}, s)
	if !errors.Is(err, secrets.ErrKeyringUnavailable) {
		t.Fatalf("got %v, want ErrKeyringUnavailable", err)
	}
}

func TestProvisionTimesOut(t *testing.T) {
	s := secrets.New(appID, secrets.Options{Timeout: 50 * time.Millisecond, Keyring: secretstest.NewStuckKeyring(t)})
	err := runProvision(strings.NewReader("key\n246810\n246810\n"), &bytes.Buffer{}, s)
	if !errors.Is(err, secrets.ErrTimeout) {
		t.Fatalf("got %v, want a timeout", err)
	}
}

// assertOneSafeLine checks the success output is a single line that
// contains none of the secrets.
func assertOneSafeLine(t *testing.T, out string, secrets ...string) {
	t.Helper()
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "provisioned:") {
		t.Errorf("output %q is not one result line", out)
	}
	for _, secret := range secrets {
		if strings.Contains(out, secret) {
			t.Errorf("output %q contains a secret", out)
		}
	}
}

// Whatever provision stores, `check` (and the running kiosk) can send: one rule
// for a kiosk key. A key with a space or a letter outside ASCII cannot go in an
// Authorization header, so provision refuses it instead of storing a key that
// takes the kiosk out of service.
func TestProvisionTakesOnlyKeysTheClientCanSend(t *testing.T) {
	keys := []string{"pk_live_secret_42", "pk live 42", "pk_livé_42", "pk\u00a0live", "pk_live_\u200b42", "pk\x7flive",
		"pk\tlive", "pk_live_😀", "~!#$%&'*+-.^_`|", strings.Repeat("k", secrets.MaxPortalKeyLen),
		strings.Repeat("k", secrets.MaxPortalKeyLen+1)}
	for _, key := range keys {
		provisioned := runProvision(strings.NewReader(key+"\n246810\n246810\n"), &bytes.Buffer{}, newMockStore(t))
		_, sendable := client.New(client.Options{BaseURL: "https://portal.example.org", KioskKey: key})
		if (provisioned == nil) != (sendable == nil) {
			t.Errorf("key %+q: provision says %v, the client says %v", key, provisioned, sendable)
		}
	}
}

// A PIN a guesser tries first is refused with a message that says why, and
// nothing is stored.
func TestProvisionRefusesTrivialPINs(t *testing.T) {
	for _, pin := range []string{"000000", "999999999999", "123456", "654321", "234567890", "987654", "890123",
		"135791", "121212", "123123", "112112", "100000", "110011"} {
		s := newMockStore(t)
		err := runProvision(strings.NewReader("key\n"+pin+"\n"+pin+"\n"), &bytes.Buffer{}, s)
		if err == nil || !strings.Contains(err.Error(), "too easy to guess") {
			t.Errorf("PIN %s: %v, want it refused as too easy to guess", pin, err)
			continue
		}
		if err.Error() != "provision: "+staffpin.ErrTooEasy.Error() { // the same words, whatever the PIN
			t.Errorf("PIN %s: %q", pin, err)
		}
		if _, err := s.PortalKey(); !errors.Is(err, secrets.ErrNoCredential) {
			t.Errorf("PIN %s: the credential was stored anyway: %v", pin, err)
		}
	}
}
