package main

// Uses keyring.MockInit() through newMockStore: no t.Parallel().

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/config/configtest"
	"github.com/medfordwater/lobbykiosk/internal/secrets"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

func TestProvisionTerminalStoresThePassphraseFromStdin(t *testing.T) {
	store := newMockStore(t)
	const passphrase = "a terminal passphrase, spaces and all"
	out := withStdio(t, passphrase+"\n", func() {
		if status := cmdProvision([]string{"--terminal"}); status != 0 {
			t.Errorf("provision --terminal: exit %d", status)
		}
	})
	assertOneSafeLine(t, out, passphrase)
	if got, err := store.TerminalPassphrase(); err != nil || got != passphrase {
		t.Fatalf("stored %q, %v", got, err)
	}
	if _, err := store.PortalKey(); !errors.Is(err, secrets.ErrNoCredential) {
		t.Errorf("provision --terminal stored a portal credential too: %v", err)
	}
}

func TestProvisionTerminalRefusesNothingAndExtraWords(t *testing.T) {
	store := newMockStore(t)
	for _, input := range []string{"", "\n"} {
		out := withStdio(t, input, func() {
			if status := cmdProvision([]string{"--terminal"}); status != 1 {
				t.Errorf("provision --terminal with %q: exit %d, want 1", input, status)
			}
		})
		if !strings.Contains(out, "terminal passphrase") {
			t.Errorf("with %q it said %q", input, out)
		}
	}
	if _, err := store.TerminalPassphrase(); !errors.Is(err, secrets.ErrNoCredential) {
		t.Fatalf("something was stored: %v", err)
	}
	out := withStdio(t, "secret-passphrase\n", func() {
		if status := cmdProvision([]string{"--terminal", "secret-passphrase"}); status != exitConfig {
			t.Errorf("a passphrase in argv: exit %d, want %d", status, exitConfig)
		}
	})
	if strings.Contains(out, "secret-passphrase") {
		t.Errorf("it echoed the argument: %q", out)
	}
}

// terminalConfig is a config with card_entry = "terminal", for the portal at
// portalURL and the practice terminal at terminalURL under the demo key.
func terminalConfig(portalURL, terminalURL, poiID, caFile string) string {
	return fmt.Sprintf(`portal_url = %q
speech = "off"
card_entry = "terminal"
[terminal]
url = %q
poi_id = %q
key_identifier = %q
key_version = %d
ca_file = %q
`, portalURL, terminalURL, poiID, terminalsim.DemoKeyIdentifier, terminalsim.DemoKeyVersion, caFile)
}

// terminalCheckEnv is a portal simulator, a practice terminal, a config for
// both with card_entry = "terminal" (POIID poiID), and a provisioned store.
func terminalCheckEnv(t *testing.T, poiID string) (string, *terminalsim.Sim, *secrets.Store) {
	t.Helper()
	_, srv := checkEnv(t)
	dir := t.TempDir()
	sim, err := terminalsim.Start("127.0.0.1:0", terminalsim.Options{CAFile: filepath.Join(dir, "ca.pem"),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	path := configtest.Write(t, terminalConfig(srv.URL, sim.URL(), poiID, filepath.Join(dir, "ca.pem")))
	store := newMockStore(t)
	if err := store.SetPortalKey(portalsim.DemoKioskKey); err != nil {
		t.Fatal(err)
	}
	if err := store.SetStaffPIN("482913"); err != nil {
		t.Fatal(err)
	}
	return path, sim, store
}

// check's terminal line: reachable, the key verifies, and which device answers;
// or which of those fails, naming what to fix and never the passphrase.
func TestCheckReportsTheTerminal(t *testing.T) {
	path, sim, store := terminalCheckEnv(t, terminalsim.DemoPOIID)
	running := true
	t.Cleanup(func() {
		if running {
			sim.Close()
		}
	})
	ok, out := runCheckLines(t, path, store)
	if ok || !strings.Contains(out, "terminal   FAIL  the terminal passphrase is not in the OS keyring") ||
		!strings.Contains(out, "run `lobbykiosk provision --terminal` to store it") {
		t.Errorf("no passphrase, yet:\n%s", out)
	}

	if err := store.SetTerminalPassphrase(terminalsim.DemoPassphrase); err != nil {
		t.Fatal(err)
	}
	ok, out = runCheckLines(t, path, store)
	want := fmt.Sprintf("terminal   ok    %s reachable, key verifies, POIID %s, state OK\n", sim.URL(), terminalsim.DemoPOIID)
	if !ok || !strings.Contains(out, want) {
		t.Errorf("all in place, yet:\n%s\nwant the line %q", out, want)
	}

	if err := store.SetTerminalPassphrase("not-the-terminals-passphrase"); err != nil {
		t.Fatal(err)
	}
	ok, out = runCheckLines(t, path, store)
	if ok || !strings.Contains(out, "terminal   FAIL") || !strings.Contains(out, "not with our key") ||
		strings.Contains(out, "not-the-terminals-passphrase") {
		t.Errorf("a wrong passphrase, yet:\n%s", out)
	}

	other, otherSim, otherStore := terminalCheckEnv(t, "V400m-999999999")
	defer otherSim.Close()
	if err := otherStore.SetTerminalPassphrase(terminalsim.DemoPassphrase); err != nil {
		t.Fatal(err)
	}
	ok, out = runCheckLines(t, other, otherStore)
	if ok || !strings.Contains(out, "but not as terminal.poi_id V400m-999999999") {
		t.Errorf("another device than configured, yet:\n%s", out)
	}

	if err := store.SetTerminalPassphrase(terminalsim.DemoPassphrase); err != nil {
		t.Fatal(err)
	}
	sim.Close()
	running = false
	ok, out = runCheckLines(t, path, store)
	if ok || !strings.Contains(out, "terminal   FAIL  "+sim.URL()+": terminal: unreachable") {
		t.Errorf("terminal off, yet:\n%s", out)
	}
}

func TestCheckSaysWhenThereIsNoTerminal(t *testing.T) {
	path, _ := checkEnv(t)
	store := newMockStore(t)
	if err := store.SetPortalKey(portalsim.DemoKioskKey); err != nil {
		t.Fatal(err)
	}
	if err := store.SetStaffPIN("482913"); err != nil {
		t.Fatal(err)
	}
	if ok, out := runCheckLines(t, path, store); !ok || !strings.Contains(out, `terminal   off   card_entry = "off": no card terminal`) {
		t.Errorf("card_entry off:\n%s", out)
	}
}
