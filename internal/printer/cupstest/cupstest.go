// Package cupstest runs a private CUPS scheduler for tests: the real cupsd
// (Debian cups) with its own configuration, spool and socket in a temporary
// directory, so nothing of the machine's printing is touched or used.
// Clients reach it through CUPS_SERVER, which Start sets.
//
// Its queues print through small backends (shell scripts CUPS runs as it runs
// a real printer's driver): "receiptfile" writes each job's document to Output,
// "failing" reports a printer-state-reason (e.g. media-empty-error) the way a
// thermal printer's driver does and fails, "slow" never finishes.
package cupstest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Server is a running private cupsd.
type Server struct {
	Dir    string // everything of this server lives here
	Socket string // its only listener
	Output string // where the "receiptfile" backend writes job N as job-N.pdf
	Spool  string // CUPS's RequestRoot: the documents of queued jobs
	cmd    *exec.Cmd
	done   chan error
}

// Backends, each a script in the private ServerBin. With no arguments a
// backend lists its device (CUPS asks at start-up); with arguments it prints
// job $1, whose document is $6 or stdin.
var backends = map[string]string{
	// receiptfile:DIR — CUPS keeps the plain "file:" scheme for itself. Like
	// a real driver that finds paper loaded, it clears the paper-out reason.
	"receiptfile": `#!/bin/sh
[ $# -eq 0 ] && { echo 'direct receiptfile "Unknown" "Test receipt file"'; exit 0; }
echo "STATE: -media-empty-error" >&2
cat "${6:-/dev/stdin}" > "${DEVICE_URI#receiptfile:}/job-$1.pdf"
`,
	// failing:REASON — the driver tells CUPS what is wrong, then gives up
	// (CUPS_BACKEND_FAILED: CUPS holds the job and retries later).
	"failing": `#!/bin/sh
[ $# -eq 0 ] && { echo 'direct failing "Unknown" "Failing printer"'; exit 0; }
echo "STATE: +${DEVICE_URI#failing:}" >&2
echo "ERROR: printer reports ${DEVICE_URI#failing:}" >&2
exit 1
`,
	"slow": `#!/bin/sh
[ $# -eq 0 ] && { echo 'direct slow "Unknown" "Printer that never finishes"'; exit 0; }
exec sleep 600
`,
}

// Start runs cupsd in the foreground on a fresh directory and waits until it
// answers. It needs root (cupsd runs backends as root or as lp) and the
// Debian packages cups, cups-client and cups-ipp-utils.
func Start() (*Server, error) {
	for _, tool := range []string{"cupsd", "lpadmin", "lpstat", "ipptool"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("cupstest: %s is missing (run make deps)", tool)
		}
	}
	// A short path: a socket's path must fit in 108 bytes.
	dir, err := os.MkdirTemp("", "cups")
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, Socket: filepath.Join(dir, "cups.sock"), Output: filepath.Join(dir, "out"),
		Spool: filepath.Join(dir, "spool")}
	if err := s.writeConfig(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	log, err := os.Create(filepath.Join(dir, "log", "cupsd.out"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s.cmd = exec.Command("cupsd", "-f", "-c", filepath.Join(dir, "conf", "cupsd.conf"), "-s", filepath.Join(dir, "conf", "cups-files.conf"))
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := s.cmd.Start(); err != nil {
		log.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("cupstest: cupsd: %w", err)
	}
	log.Close()
	s.done = make(chan error, 1)
	go func() { s.done <- s.cmd.Wait() }()
	os.Setenv("CUPS_SERVER", s.Socket)
	if err := s.waitReady(10 * time.Second); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

func (s *Server) writeConfig() error {
	for _, sub := range []string{"conf", "bin/backend", "spool", "cache", "state", "tmp", "log", "out"} {
		if err := os.MkdirAll(filepath.Join(s.Dir, sub), 0o755); err != nil {
			return err
		}
	}
	// Filters and the rest of CUPS's programs are the system's; only the
	// backends are ours.
	for _, sub := range []string{"filter", "driver", "daemon", "cgi-bin", "monitor", "notifier"} {
		if err := os.Symlink(filepath.Join("/usr/lib/cups", sub), filepath.Join(s.Dir, "bin", sub)); err != nil {
			return err
		}
	}
	// Mode 0700: CUPS runs a backend only readable by root as root.
	for name, script := range backends {
		if err := os.WriteFile(filepath.Join(s.Dir, "bin/backend", name), []byte(script), 0o700); err != nil {
			return err
		}
	}
	// The kiosk's recommended setting (docs/receipts.md): no copy of a
	// document is kept once a job is done. DirtyCleanInterval 0 writes job
	// records at once, so a test sees what CUPS keeps without waiting.
	cupsd := fmt.Sprintf(`Listen %s
LogLevel info
Browsing No
WebInterface No
PreserveJobFiles No
DirtyCleanInterval 0
<Location />
  Order allow,deny
  Allow all
</Location>
`, s.Socket)
	files := strings.NewReplacer("DIR", s.Dir).Replace(`ServerRoot DIR/conf
ServerBin DIR/bin
RequestRoot DIR/spool
CacheDir DIR/cache
StateDir DIR/state
TempDir DIR/tmp
ErrorLog DIR/log/error_log
AccessLog DIR/log/access_log
PageLog DIR/log/page_log
SystemGroup root
Printcap DIR/printcap
`)
	if err := os.WriteFile(filepath.Join(s.Dir, "conf", "cupsd.conf"), []byte(cupsd), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(s.Dir, "conf", "cups-files.conf"), []byte(files), 0o644)
}

func (s *Server) waitReady(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case err := <-s.done:
			return fmt.Errorf("cupstest: cupsd exited (%v):\n%s", err, s.Log())
		default:
		}
		// cupsd creates its socket when it starts listening.
		if conn, err := net.Dial("unix", s.Socket); err == nil {
			conn.Close()
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("cupstest: cupsd did not answer within %v:\n%s", limit, s.Log())
}

// AddQueue adds an enabled queue that takes jobs as they are (a raw queue:
// the PDF reaches the backend byte for byte) and prints through device, e.g.
// "receiptfile:" + s.Output or "failing:media-empty-error".
func (s *Server) AddQueue(name, device string) error {
	cmd := exec.Command("lpadmin", "-p", name, "-E", "-v", device, "-m", "raw")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("cupstest: lpadmin %s: %v: %s", name, err, out)
	}
	return nil
}

// Admin runs a CUPS admin command (cupsdisable, cupsenable, cupsreject,
// cupsaccept…) against this server.
func (s *Server) Admin(args ...string) error {
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
		return fmt.Errorf("cupstest: %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// SpoolFiles lists the spool's job files: c* (a job's attributes) and d* (its document).
func (s *Server) SpoolFiles() []string {
	entries, _ := os.ReadDir(s.Spool)
	var out []string
	for _, e := range entries {
		if name := e.Name(); strings.HasPrefix(name, "c") || strings.HasPrefix(name, "d") {
			out = append(out, name)
		}
	}
	return out
}

// Jobs lists every job CUPS knows, done ones included (lpstat -W all -o).
func (s *Server) Jobs() []string {
	out, _ := exec.Command("lpstat", "-W", "all", "-o").Output()
	return strings.Fields(strings.TrimSpace(string(out)))
}

// Log is cupsd's own output and error log, for a failing test's message.
func (s *Server) Log() string {
	var b strings.Builder
	for _, name := range []string{"cupsd.out", "error_log"} {
		data, _ := os.ReadFile(filepath.Join(s.Dir, "log", name))
		b.Write(data)
	}
	return b.String()
}

// Stop ends cupsd (and the backends it started) and removes its directory.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(5 * time.Second):
			_ = s.cmd.Process.Kill()
			<-s.done
		}
	}
	os.Unsetenv("CUPS_SERVER")
	if err := os.RemoveAll(s.Dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(os.Stderr, "cupstest:", err)
	}
}
