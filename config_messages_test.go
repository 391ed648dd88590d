package main

// Uses keyring.MockInit() (here and in the child processes): no t.Parallel().

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/config/configtest"
	"github.com/medfordwater/lobbykiosk/internal/secrets"
)

// A bad config file or a missing secret is told in one line that names the
// file and key, or the secret and the command that stores it; never a stack trace.
// The commands run as a user runs them: a process of their own (this test binary,
// re-run as the lobbykiosk command over a mock keyring), with its exit status and
// everything it prints.

// Environment of a child process run as the command.
const (
	commandChildEnv = "LOBBYKIOSK_TEST_AS_COMMAND" // "1": be the lobbykiosk command
	keyringStateEnv = "LOBBYKIOSK_TEST_KEYRING"    // "", "portal-only" or "unavailable"
)

// testPortalKey is the credential the child's mock keyring holds when asked to.
const testPortalKey = portalsim.DemoKioskKey

// TestRunAsCommand is no test on its own: a child process started by
// runCommand runs the lobbykiosk command here and exits with its status.
func TestRunAsCommand(t *testing.T) {
	if os.Getenv(commandChildEnv) != "1" {
		return
	}
	switch os.Getenv(keyringStateEnv) {
	case "unavailable":
		keyring.MockInitWithError(errors.New("The name org.freedesktop.secrets was not provided by any .service files"))
	case "portal-only":
		keyring.MockInit()
		if err := secrets.New(appID, secrets.Options{}).SetPortalKey(testPortalKey); err != nil {
			fmt.Fprintln(os.Stderr, "test setup:", err)
			os.Exit(99)
		}
	default:
		keyring.MockInit()
	}
	args := os.Args[slices.Index(os.Args, "--")+1:]
	os.Exit(dispatch(args, os.Stderr))
}

// runCommand runs `lobbykiosk args…` with the child's keyring in state and returns
// its exit status and everything it printed, stdout and stderr.
func runCommand(t *testing.T, keyringState string, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"-test.run=^TestRunAsCommand$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), commandChildEnv+"=1", keyringStateEnv+"="+keyringState)
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, string(out)
	case errors.As(err, &exit) && ctx.Err() == nil:
		return exit.ExitCode(), string(out)
	}
	t.Fatalf("lobbykiosk %s: %v\n%s", strings.Join(args, " "), err, out)
	return 0, ""
}

// stackTrace matches what a panic or a Go stack trace prints.
var stackTrace = regexp.MustCompile(`goroutine \d|panic:|\.go:\d`)

// assertOneClearLine checks out is one line holding every want, and no stack trace.
func assertOneClearLine(t *testing.T, what, out string, wants ...string) {
	t.Helper()
	if stackTrace.MatchString(out) {
		t.Errorf("%s: a stack trace:\n%s", what, out)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 {
		t.Errorf("%s: %d lines, want one:\n%s", what, len(lines), out)
	}
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("%s: %q does not say %q", what, strings.TrimSpace(out), want)
		}
	}
}

func TestBadConfigIsOneLineNamingFileAndKey(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere.toml")
	cases := []struct {
		name, body string
		wants      []string
	}{
		{"syntax", "idle_seconds = \n", []string{"line 1"}},
		{"unclosed table", "[utility\nname = \"x\"\n", []string{"line 2", "table"}},
		{"unknown key", "idle_secs = 90\n", []string{`unknown key "idle_secs"`}},
		{"unknown key in a table", "[utility]\nfax = \"1\"\n", []string{`unknown key "utility.fax"`}},
		{"text for a number", `idle_seconds = "ninety"`, []string{`line 1: key "idle_seconds" must be a whole number, not text in quotes`}},
		{"text for a list", `languages = "en"`, []string{`key "languages" must be a list in [ ], not text in quotes`}},
		{"text for true or false", `on_screen_keyboard = "yes"`, []string{`key "on_screen_keyboard" must be true or false, not text in quotes`}},
		{"number for a table", `utility = 3`, []string{`key "utility" must be a [table], not a whole number`}},
		{"out of range", "idle_seconds = 5\n", []string{`key "idle_seconds" must be between 30 and 3600`}},
		{"beyond int64", "max_payment_dollars = 99999999999999999999\n", []string{`key "max_payment_dollars"`, "out of range"}},
		{"missing file", "", []string{"no such file"}},
	}
	for _, c := range cases {
		path := missing
		if c.body != "" {
			path = configtest.Write(t, c.body)
		}
		for _, command := range []string{"run", "demo", "check"} {
			what := command + " with " + c.name
			status, out := runCommand(t, "", command, "--config", path)
			want := exitConfig // the kiosk does not open
			if command == "check" {
				want = 1 // a failed verdict; the line says which
				if !strings.HasPrefix(out, "config     FAIL  ") {
					t.Errorf("%s: not the config verdict: %q", what, out)
				}
			}
			if status != want {
				t.Errorf("%s: exit status %d, want %d", what, status, want)
			}
			assertOneClearLine(t, what, out, append([]string{"config " + path + ": "}, c.wants...)...)
		}
	}
}

func TestMissingSecretNamesItAndTheCommandThatStoresIt(t *testing.T) {
	sim := httptest.NewServer(portalsim.New(portalsim.Options{Now: clocktest.Now}))
	defer sim.Close()
	configPath := configtest.Write(t, fmt.Sprintf("portal_url = %q\n", sim.URL))
	const fix = "run `lobbykiosk provision` to store it"

	status, out := runCommand(t, "", "check", "--config", configPath)
	if status != 1 || !strings.Contains(out, "keyring    FAIL  the portal credential is not in the OS keyring") {
		t.Errorf("no credential: exit %d\n%s", status, out)
	}
	assertOneClearLine(t, "check without a credential", lineWith(out, "keyring "), fix)

	status, out = runCommand(t, "portal-only", "check", "--config", configPath)
	if status != 1 || !strings.Contains(out, "staff-pin  FAIL  the staff PIN is not in the OS keyring") {
		t.Errorf("no staff PIN: exit %d\n%s", status, out)
	}
	if !strings.Contains(out, "credential ok") || strings.Contains(out, testPortalKey) {
		t.Errorf("no staff PIN: the credential is not checked, or is printed:\n%s", out)
	}
	assertOneClearLine(t, "check without a staff PIN", lineWith(out, "staff-pin "), fix)
	if stackTrace.MatchString(out) {
		t.Errorf("a stack trace:\n%s", out)
	}

	status, out = runCommand(t, "unavailable", "check", "--config", configPath)
	if status != 1 || !strings.Contains(out, "keyring    FAIL  OS keyring unavailable (service "+appID+")") || stackTrace.MatchString(out) {
		t.Errorf("no keyring: exit %d\n%s", status, out)
	}

	// `run` opens its window even so, on the out-of-service screen; the reason it
	// logs is livePortal's error.
	newMockStore(t)
	_, err := livePortal(config.Default(), secrets.New(appID, secrets.Options{Timeout: time.Second}), nil, nil)
	if err == nil || !strings.Contains(err.Error(), "the portal credential is not in the OS keyring") || !strings.Contains(err.Error(), fix) {
		t.Errorf("run without a credential logs %v", err)
	}
}

// lineWith is the line of out that starts with prefix, or "".
func lineWith(out, prefix string) string {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}

// withStdio runs f with os.Stdin reading in and os.Stderr and os.Stdout captured.
func withStdio(t *testing.T, in string, f func()) string {
	t.Helper()
	dir := t.TempDir()
	stdin, err := os.Create(filepath.Join(dir, "stdin"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(stdin, in); err != nil {
		t.Fatal(err)
	}
	if _, err := stdin.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	oldIn, oldErr, oldOut := os.Stdin, os.Stderr, os.Stdout
	os.Stdin, os.Stderr, os.Stdout = stdin, out, out
	defer func() { os.Stdin, os.Stderr, os.Stdout = oldIn, oldErr, oldOut }()
	f()
	b, err := os.ReadFile(out.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestProvisionTakesSecretsFromStdinOnly(t *testing.T) {
	const argvSecret, envSecret = "pk_live_from_argv_5521", "pk_live_from_env_7719"
	store := newMockStore(t)

	for _, args := range [][]string{{argvSecret}, {"--credential", argvSecret}, {"--credential=" + argvSecret}} {
		out := withStdio(t, "", func() {
			if status := cmdProvision(args); status != exitConfig {
				t.Errorf("provision %v: exit %d, want %d", args, status, exitConfig)
			}
		})
		if strings.Contains(out, argvSecret) || !strings.Contains(out, "reads the credential and PIN from standard input") {
			t.Errorf("provision %v said %q", args, out)
		}
	}
	for _, name := range []string{"LOBBYKIOSK_PORTAL_KEY", "LOBBYKIOSK_PORTAL_CREDENTIAL", "PORTAL_KEY", "LOBBYKIOSK_STAFF_PIN"} {
		t.Setenv(name, envSecret)
	}
	out := withStdio(t, "", func() {
		if status := cmdProvision(nil); status != 1 {
			t.Errorf("provision with secrets only in the environment: exit %d, want 1", status)
		}
	})
	if strings.Contains(out, envSecret) || !strings.Contains(out, "stdin ended early") {
		t.Errorf("provision with secrets only in the environment said %q", out)
	}
	if _, err := store.PortalKey(); !errors.Is(err, secrets.ErrNoCredential) {
		t.Fatalf("something was stored from argv or the environment: %v", err)
	}

	out = withStdio(t, "pk_live_from_stdin_3307\n482913\n482913\n", func() {
		if status := cmdProvision(nil); status != 0 {
			t.Errorf("provision from stdin: exit %d", status)
		}
	})
	assertOneSafeLine(t, out, "pk_live_from_stdin_3307", "482913")
	if key, err := store.PortalKey(); err != nil || key != "pk_live_from_stdin_3307" {
		t.Errorf("after provisioning from stdin: %q, %v", key, err)
	}
}

func TestNoSecretFlagAndNoSecretFromTheEnvironment(t *testing.T) {
	for _, args := range [][]string{
		{"run", "--portal-key", "pk_live_flag_8812"},
		{"check", "--credential=pk_live_flag_8812"},
		{"demo", "--staff-pin", "482913"},
	} {
		status, out := runCommand(t, "", args...)
		if status != exitConfig || strings.Contains(out, "pk_live_flag_8812") || strings.Contains(out, "482913") || stackTrace.MatchString(out) {
			t.Errorf("lobbykiosk %v: exit %d\n%s", args, status, out)
		}
	}
	// The variables the code reads: a directory for the staff lockout, and
	// where the user's speech-dispatcher listens (its own variables, which
	// libspeechd clients read too); CI only tells a test helper it may not
	// skip; FYNE_SCALE is Fyne's own scale, which an operator's setting keeps;
	// KIOSK_TEST_NOW moves the test suite's clock (clocktest, linked only into
	// tests). None can carry a secret.
	allowed := map[string]bool{`"XDG_STATE_HOME"`: true, `"XDG_RUNTIME_DIR"`: true, `"SPEECHD_ADDRESS"`: true, `"CI"`: true,
		`"FYNE_SCALE"`: true, `"KIOSK_TEST_NOW"`: true}
	var files []string
	for _, pattern := range []string{"*.go", "internal/*/*.go", "internal/*/*/*.go"} {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	readsEnv := regexp.MustCompile(`os\.(Getenv|LookupEnv|Environ)\(("[A-Z_]*")?`)
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range readsEnv.FindAllStringSubmatch(string(src), -1) {
			if !allowed[m[2]] {
				t.Errorf("%s reads the environment: %s", file, m[0])
			}
		}
	}
}
