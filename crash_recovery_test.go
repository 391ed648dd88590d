//go:build crashtest

package main

// The crash test of card recovery (issue 25: "no payment is ever unknown"),
// through the real binary: `lobbykiosk run` on a private X server, with its
// credential and the terminal's passphrase in a real keyring, against a
// practice terminal and a portal simulator that live in this test, so that
// they outlive the kiosk killed with SIGKILL. .ci/deploy-test.sh runs it on a
// private D-Bus session with gnome-keyring unlocked:
//
//	LOBBYKIOSK_BIN=bin/lobbykiosk go test -tags crashtest,no_emoji -run '^TestKioskKilled' -count=1 .
//
// The payments are made by this test through the real terminal client, into
// the journal of the kiosk's state directory: the state a kiosk leaves when it
// dies between the terminal's approval and telling the portal (one entry
// charged) or before the terminal's answer reached it (one entry sent, which
// the terminal charged). The kiosk is killed while it tells the portal.

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

// crashRig is what outlives the kiosk: the portal, the terminal, the state directory.
type crashRig struct {
	bin      string
	dir      string
	config   string
	stateDir string // XDG_STATE_HOME
	portal   *portalsim.Sim
	sim      *terminalsim.Sim
	ref      string // a practice account's account_ref, from a lookup
}

func newCrashRig(t *testing.T) crashRig {
	t.Helper()
	bin := os.Getenv("LOBBYKIOSK_BIN")
	if bin == "" || os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" || os.Getenv("DISPLAY") == "" {
		t.Fatal("needs LOBBYKIOSK_BIN, a session bus with an unlocked keyring and DISPLAY: run via .ci/deploy-test.sh")
	}
	bin, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	r := crashRig{bin: bin, dir: dir, stateDir: filepath.Join(dir, "state"), portal: portalsim.New(portalsim.Options{})}
	srv, err := r.portal.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	if r.sim, err = terminalsim.Start("127.0.0.1:0", terminalsim.Options{CAFile: filepath.Join(dir, "ca.pem"), Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.sim.Close() })
	r.config = filepath.Join(dir, "config.toml")
	cfg := "window_mode = \"windowed\"\n" + terminalConfig(srv.URL, r.sim.URL(), r.sim.POIID(), filepath.Join(dir, "ca.pem"))
	if err := os.WriteFile(r.config, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	r.command(t, portalsim.DemoKioskKey+"\n482913\n482913\n", "provision")
	r.command(t, terminalsim.DemoPassphrase+"\n", "provision", "--terminal")
	if out := r.command(t, "", "check", "--config", r.config); !strings.Contains(out, "terminal   ok") {
		t.Fatalf("check:\n%s", out)
	}
	portal, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	a := portalsim.DemoAccounts()[0]
	found, err := portal.Lookup(context.Background(), client.LookupRequest{AccountNumber: a.Number, PostalCode: a.PostalCode})
	if err != nil {
		t.Fatal(err)
	}
	r.ref = found.AccountRef
	return r
}

// command runs the kiosk binary to its end with stdin and returns its output.
func (r crashRig) command(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(r.bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("lobbykiosk %s: %v\n%s", args[0], err, out)
	}
	return string(out)
}

// terminalClient is a client of the practice terminal with its journal in dir.
func (r crashRig) terminalClient(t *testing.T, journalDir string) (*terminal.Client, *terminal.Journal) {
	t.Helper()
	j, err := terminal.OpenJournal(journalDir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := terminal.New(terminal.Options{URL: r.sim.URL(), CAFile: filepath.Join(r.dir, "ca.pem"), POIID: r.sim.POIID(),
		SaleID: "lobby-1", Key: terminalsim.DemoKey(), Journal: j, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return c, j
}

func (r crashRig) payApproved(t *testing.T, c *terminal.Client, p terminal.Payment) {
	t.Helper()
	if err := r.sim.Present(terminalsim.CardApproved); err != nil {
		t.Fatal(err)
	}
	if res, err := c.Pay(context.Background(), p); err != nil || res.Outcome != terminal.Approved {
		t.Fatalf("pay %s: %+v, %v", p.TransactionID, res, err)
	}
}

// kiosk is one run of `lobbykiosk run`.
type kiosk struct {
	cmd *exec.Cmd
	log *syncBuffer
}

// syncBuffer is the kiosk's output, written by exec's copying goroutine and
// read by the test while the kiosk runs.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (r crashRig) startKiosk(t *testing.T) *kiosk {
	t.Helper()
	runtime := filepath.Join(r.dir, "runtime")
	if err := os.MkdirAll(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	k := &kiosk{cmd: exec.Command(r.bin, "run", "--config", r.config), log: &syncBuffer{}}
	k.cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+r.stateDir, "XDG_RUNTIME_DIR="+runtime, "LANG=en_US.UTF-8")
	k.cmd.Stdout, k.cmd.Stderr = k.log, k.log
	if err := k.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = k.cmd.Process.Kill(); _ = k.cmd.Wait() })
	return k
}

// waitFor waits until the kiosk's log holds want, or fails the test.
func (k *kiosk) waitFor(t *testing.T, want string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if strings.Contains(k.logText(), want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no %q in the kiosk's log within %v:\n%s", want, within, k.logText())
}

func (k *kiosk) logText() string { return k.log.String() }

func TestKioskKilledAfterApprovalRecordsThePaymentOnce(t *testing.T) {
	start := time.Now()
	r := newCrashRig(t)
	journalDir := filepath.Join(r.stateDir, "lobbykiosk", journalDirName)
	kioskTerminal, journal := r.terminalClient(t, journalDir)
	charged := terminal.Payment{TransactionID: "crash-charged", AmountCents: 4217, AccountRef: r.ref, IdempotencyKey: "crash-key-charged"}
	r.payApproved(t, kioskTerminal, charged)
	sent := terminal.Payment{TransactionID: "crash-sent", AmountCents: 1999, AccountRef: r.ref, IdempotencyKey: "crash-key-sent"}
	if err := journal.Begin(sent); err != nil {
		t.Fatal(err)
	}
	lostAnswer, _ := r.terminalClient(t, filepath.Join(r.dir, "the-answer-the-kiosk-never-read"))
	r.payApproved(t, lostAnswer, sent)

	// The first run: the portal records each payment, and its answer is lost
	// on the way back, every time. The kiosk dies while it still owes them.
	r.portal.SetFault("POST /card-payments", portalsim.Fault{Cut: true})
	first := r.startKiosk(t)
	first.waitFor(t, `"not_yet_recorded":2`, 40*time.Second)
	if err := first.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.cmd.Wait()
	if pending, err := journal.Pending(); err != nil || len(pending) != 2 || r.portal.Stats().Payments != 2 {
		t.Fatalf("after the kill: %d journal entries (%v), the portal has %d payments; want both in each",
			len(pending), err, r.portal.Stats().Payments)
	}

	// The next start: the portal answers again, the replays carry the
	// journal's idempotency keys, and the portal still has each payment once.
	r.portal.ClearFaults()
	second := r.startKiosk(t)
	second.waitFor(t, `"msg":"card recovery at start","recorded":2,"not_charged":0,"left":0`, 40*time.Second)
	if got := r.portal.Stats().Payments; got != 2 {
		t.Errorf("the portal has %d payments, want 2: each recorded once", got)
	}
	if pending, err := journal.Pending(); err != nil || len(pending) != 0 {
		t.Errorf("the journal still holds %d entries (%v)", len(pending), err)
	}
	if r.sim.Charges() != 2 {
		t.Errorf("the terminal charged %d times, want 2: never paid again", r.sim.Charges())
	}
	for _, run := range []*kiosk{first, second} {
		log := run.logText()
		if strings.Contains(log, r.ref) || strings.Contains(log, terminalsim.DemoPassphrase) {
			t.Errorf("the kiosk logged an account reference or the passphrase:\n%s", log)
		}
		if strings.Contains(log, "out of service") || strings.Contains(log, "card terminal unavailable") {
			t.Errorf("the kiosk did not run with its keyring's credential and passphrase:\n%s", log)
		}
	}
	t.Logf("killed and restarted in %v", time.Since(start).Round(time.Millisecond))
}
