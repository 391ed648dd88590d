package main

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/audio/pulsetest"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/config/configtest"
	"github.com/medfordwater/lobbykiosk/internal/secrets"
	"github.com/medfordwater/lobbykiosk/internal/speech/speechdtest"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"
)

// checkEnv is a portal simulator and a config file pointing at it.
func checkEnv(t *testing.T) (configPath string, sim *httptest.Server) {
	t.Helper()
	srv := httptest.NewServer(portalsim.New(portalsim.Options{Now: clocktest.Now}))
	t.Cleanup(srv.Close)
	// Speech off: its own tests below; here no daemon is started behind the check.
	return configtest.Write(t, fmt.Sprintf("portal_url = %q\nspeech = \"off\"\n", srv.URL)), srv
}

func runCheckLines(t *testing.T, configPath string, store *secrets.Store) (bool, string) {
	t.Helper()
	var out bytes.Buffer
	ok := runChecks(&out, configPath, store)
	return ok, out.String()
}

func TestCheckPassesWhenEverythingIsInPlace(t *testing.T) {
	configPath, _ := checkEnv(t)
	store := newMockStore(t)
	if err := store.SetPortalKey(portalsim.DemoKioskKey); err != nil {
		t.Fatal(err)
	}
	if err := store.SetStaffPIN("482913"); err != nil {
		t.Fatal(err)
	}
	ok, out := runCheckLines(t, configPath, store)
	if !ok {
		t.Fatalf("check failed:\n%s", out)
	}
	for _, piece := range []string{"config", "keyring", "staff-pin", "portal", "credential"} {
		if !strings.Contains(out, piece) {
			t.Errorf("no verdict line for %s:\n%s", piece, out)
		}
	}
	if strings.Contains(out, portalsim.DemoKioskKey) || strings.Contains(out, "482913") {
		t.Errorf("check printed a secret:\n%s", out)
	}
}

func TestCheckFailsOnEachMissingPiece(t *testing.T) {
	configPath, srv := checkEnv(t)
	store := newMockStore(t)

	ok, out := runCheckLines(t, configPath, store)
	if ok || !strings.Contains(out, "keyring    FAIL") {
		t.Errorf("no credential provisioned, yet:\n%s", out)
	}

	if err := store.SetPortalKey("a-key-the-portal-never-issued"); err != nil {
		t.Fatal(err)
	}
	ok, out = runCheckLines(t, configPath, store)
	if ok || !strings.Contains(out, "staff-pin  FAIL") || !strings.Contains(out, "credential FAIL") || !strings.Contains(out, "portal     ok") {
		t.Errorf("wrong credential and no PIN, yet:\n%s", out)
	}

	srv.Close()
	ok, out = runCheckLines(t, configPath, store)
	if ok || !strings.Contains(out, "portal     FAIL") {
		t.Errorf("portal down, yet:\n%s", out)
	}

	bad := filepath.Join(t.TempDir(), "bad.toml")
	if err := os.WriteFile(bad, []byte("idle_seconds = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ok, out = runCheckLines(t, bad, store)
	if ok || !strings.Contains(out, "config     FAIL") || !strings.Contains(out, "idle_seconds") {
		t.Errorf("bad config, yet:\n%s", out)
	}
}

func TestDispatchRefusesUnknownCommands(t *testing.T) {
	var stderr bytes.Buffer
	if status := dispatch([]string{"launch-rockets"}, &stderr); status != exitConfig {
		t.Errorf("unknown command exit status %d, want %d", status, exitConfig)
	}
	if !strings.Contains(stderr.String(), "launch-rockets") || !strings.Contains(stderr.String(), "provision") {
		t.Errorf("unhelpful usage: %s", stderr.String())
	}
	for _, help := range []string{"help", "-h", "--help"} {
		stderr.Reset()
		if status := dispatch([]string{help}, &stderr); status != 0 {
			t.Errorf("%s exit status %d", help, status)
		}
		for _, c := range subcommands() {
			if !strings.Contains(stderr.String(), "  "+c.name+" ") {
				t.Errorf("%s does not list %s:\n%s", help, c.name, stderr.String())
			}
		}
	}
}

func TestCheckSaysWhetherTheKioskCanSpeak(t *testing.T) {
	d := speechdtest.Start(t)
	t.Setenv("SPEECHD_ADDRESS", d.Address)
	var out bytes.Buffer
	speechCheck(&out, config.Default())
	if !strings.HasPrefix(out.String(), "speech     ok    speech-dispatcher at "+d.Address) {
		t.Errorf("with a daemon, check says %q", out.String())
	}
	t.Setenv("SPEECHD_ADDRESS", "unix_socket:"+t.TempDir()+"/none.sock")
	out.Reset()
	speechCheck(&out, config.Default())
	if !strings.HasPrefix(out.String(), "speech     WARN") {
		t.Errorf("without one, check says %q", out.String())
	}
}

// check says where speech is heard: with speech_output = "auto", as the audio
// server answers (a loudspeaker, then a headset plugged in), and plainly when no
// audio server answers.
func TestCheckSaysWhereSpeechIsHeard(t *testing.T) {
	pulse := pulsetest.Start(t)
	t.Setenv("PULSE_SERVER", pulse.Address)
	lines := func() string {
		var out bytes.Buffer
		audioCheck(&out, config.Default())
		return out.String()
	}
	if got := lines(); !strings.HasPrefix(got, "audio      ok    "+pulsetest.Speaker+", not headphones: nothing private") {
		t.Errorf("through the loudspeaker, check says %q", got)
	}
	pulse.SetDefault(t, pulsetest.Headset)
	if got := lines(); !strings.HasPrefix(got, "audio      ok    "+pulsetest.Headset+", a headset: typed values are read back") {
		t.Errorf("through the headset, check says %q", got)
	}
	t.Setenv("PULSE_SERVER", "unix:"+t.TempDir()+"/none")
	if got := lines(); !strings.HasPrefix(got, "audio      WARN") {
		t.Errorf("without an audio server, check says %q", got)
	}
}

// lobbykiosk admin unlock-staff clears the lockout file a locked kiosk keeps.
func TestAdminUnlockStaffClearsTheLockout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "staff-lockout")
	f := stafflock.NewFile(path, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := f.Save(stafflock.Record{Lockouts: 3, LockedUntil: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if status := cmdAdmin([]string{"unlock-staff", "--lockout-file", path}); status != 0 {
		t.Fatalf("unlock-staff exit status %d", status)
	}
	if r, err := f.Load(); err != nil || r != (stafflock.Record{}) {
		t.Errorf("after unlock-staff the lockout holds %+v (%v)", r, err)
	}
	if status := cmdAdmin([]string{"unlock-everything"}); status != exitConfig {
		t.Errorf("an unknown admin tool: exit status %d", status)
	}
}
