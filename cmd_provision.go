package main

// `lobbykiosk provision` puts the portal credential and the staff PIN into
// the OS keyring. Secrets are read from stdin only: argv is visible in
// `ps` and shell history, and the environment in /proc/<pid>/environ.

import (
	"bufio"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/medfordwater/lobbykiosk/internal/secrets"
	"github.com/medfordwater/lobbykiosk/internal/staffpin"
)

// maxProvisionLine bounds one line of piped input; see secrets.MaxPortalKeyLen.
const maxProvisionLine = secrets.MaxPortalKeyLen + 2

// secretReader yields one secret per call. prompt is shown only when a
// person is typing.
type secretReader interface {
	next(prompt string) (string, error)
}

// runProvision reads credential, PIN and PIN confirmation from in, checks
// all of them before storing anything (so a typo leaves the keyring as it
// was), stores them, and prints one line that names no secret to out.
func runProvision(in io.Reader, out io.Writer, store *secrets.Store) error {
	r := newSecretReader(in, out, "3 lines: credential, PIN, PIN again")
	key, pin, err := readProvisionInput(r)
	if err != nil {
		return fmt.Errorf("provision: %w", err)
	}
	if err := store.SetPortalKey(key); err != nil {
		return fmt.Errorf("provision: storing portal credential: %w", err)
	}
	if err := store.SetStaffPIN(pin); err != nil {
		// The credential is already stored; rerunning provision overwrites it.
		return fmt.Errorf("provision: portal credential stored, but storing staff PIN failed: %w", err)
	}
	_, err = fmt.Fprintf(out, "provisioned: portal credential and staff PIN stored in the OS keyring (service %s)\n", store.Service())
	return err
}

// runProvisionTerminal reads the card terminal's passphrase (one line: the
// passphrase set on the terminal with its key identifier and version) from in
// and stores it, printing one line that names no secret to out.
func runProvisionTerminal(in io.Reader, out io.Writer, store *secrets.Store) error {
	passphrase, err := newSecretReader(in, out, "1 line: the passphrase").next("Terminal passphrase: ")
	if err != nil {
		return fmt.Errorf("provision: reading the terminal passphrase: %w", err)
	}
	if err := store.SetTerminalPassphrase(passphrase); err != nil {
		return fmt.Errorf("provision: storing the terminal passphrase: %w", err)
	}
	_, err = fmt.Fprintf(out, "provisioned: terminal passphrase stored in the OS keyring (service %s)\n", store.Service())
	return err
}

// readProvisionInput reads and validates the three inputs in order.
func readProvisionInput(r secretReader) (key, pin string, err error) {
	if key, err = r.next("Portal credential: "); err != nil {
		return "", "", fmt.Errorf("reading portal credential: %w", err)
	}
	key = strings.TrimSpace(key) // a pasted trailing space is never intended
	if err = secrets.ValidatePortalKey(key); err != nil {
		return "", "", err
	}
	prompt := fmt.Sprintf("Staff PIN (%d-%d digits): ", staffpin.MinDigits, staffpin.MaxDigits)
	if pin, err = r.next(prompt); err != nil {
		return "", "", fmt.Errorf("reading staff PIN: %w", err)
	}
	if err = staffpin.CheckNew(pin); err != nil {
		return "", "", err
	}
	confirm, err := r.next("Staff PIN again: ")
	if err != nil {
		return "", "", fmt.Errorf("reading staff PIN confirmation: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(pin), []byte(confirm)) != 1 {
		return "", "", errors.New("the two staff PINs differ; nothing was stored")
	}
	return key, pin, nil
}

// newSecretReader picks no-echo prompting for a terminal and plain line
// reading for anything else (a pipe, a file, a test buffer), which expects
// the lines expect says.
func newSecretReader(in io.Reader, out io.Writer, expect string) secretReader {
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &terminalReader{fd: int(f.Fd()), out: out}
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 512), maxProvisionLine)
	return &lineReader{sc: sc, expect: expect}
}

// terminalReader prompts on out and reads without echo.
type terminalReader struct {
	fd  int
	out io.Writer
}

func (t *terminalReader) next(prompt string) (string, error) {
	fmt.Fprint(t.out, prompt)
	b, err := term.ReadPassword(t.fd)
	fmt.Fprintln(t.out) // the user's Enter was not echoed either
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// lineReader reads one line per secret and prints no prompts, so scripted
// provisioning produces only the result line.
type lineReader struct {
	sc     *bufio.Scanner
	expect string // the lines, said when stdin ends early
}

func (l *lineReader) next(string) (string, error) {
	if l.sc.Scan() {
		return strings.TrimSuffix(l.sc.Text(), "\r"), nil
	}
	if err := l.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return "", fmt.Errorf("input line longer than %d bytes", maxProvisionLine)
		}
		return "", err
	}
	return "", fmt.Errorf("stdin ended early (expected %s)", l.expect)
}
