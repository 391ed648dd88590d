// Package speechdtest runs a private, real speech-dispatcher for tests. Its
// output module is sd_generic running a shell command that writes down each
// message instead of playing it: the language, rate, volume and text the
// daemon passed on, so a test asserts exactly what a listener would hear.
//
// Availability: `make test` installs speech-dispatcher (.ci/deps.sh), so a
// missing daemon fails the test. Only under `go test -short` outside CI
// (CI unset) does a machine without it skip, with a message saying so.
package speechdtest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Linger is a word that makes the recorder take LingerFor to "say" the
// sentence containing it, so a test can interrupt a long utterance.
const (
	Linger    = "lingering"
	LingerFor = 10 * time.Second
)

// moduleDirs are where Debian and upstream builds put the output modules.
var moduleDirs = []string{
	"/usr/lib/speech-dispatcher-modules",
	"/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules",
	"/usr/libexec/speech-dispatcher-modules",
}

// Heard is one message as the output module received it. The generic module
// splits a long message at sentence ends, so one Speak may be heard as
// several pieces.
type Heard struct {
	Lang   string // as the daemon mapped it, lower case: "en-us", "es-419"
	Rate   string // SSIP rate -100..100
	Volume string // SSIP volume -100..100
	Text   string
}

// Daemon is a running private speech-dispatcher.
type Daemon struct {
	// Address is its SPEECHD_ADDRESS ("unix_socket:PATH").
	Address string
	dir     string
	socket  string
	said    string
	cmd     *exec.Cmd
	exited  chan struct{}
}

// Start runs a private speech-dispatcher with the recording module and stops
// it when the test ends.
func Start(t testing.TB) *Daemon {
	t.Helper()
	moduleDir := Require(t)
	// The socket path must fit sun_path (108 bytes): t.TempDir() can be too long.
	dir, err := os.MkdirTemp("", "speechd")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	d := &Daemon{dir: dir, socket: filepath.Join(dir, "sock"), said: filepath.Join(dir, "said")}
	d.Address = "unix_socket:" + d.socket
	if err := d.writeConfig(); err != nil {
		t.Fatal(err)
	}
	d.start(t, moduleDir)
	t.Cleanup(d.stop)
	return d
}

// Require returns the output-module directory, or ends the test when
// speech-dispatcher is not installed: a skip only under -short outside CI.
func Require(t testing.TB) string {
	t.Helper()
	_, err := exec.LookPath("speech-dispatcher")
	if err == nil {
		for _, dir := range moduleDirs {
			if _, statErr := os.Stat(filepath.Join(dir, "sd_generic")); statErr == nil {
				return dir
			}
		}
		err = errors.New("no sd_generic output module")
	}
	msg := fmt.Sprintf("speech-dispatcher is not installed (%v): `make deps` installs speech-dispatcher and speech-dispatcher-espeak-ng", err)
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip(msg + "; skipped under -short outside CI")
	}
	t.Fatal(msg)
	return ""
}

// The recorder: $DATA is substituted once, inside single quotes (the module
// escapes quotes in it), so the command keeps it in a variable. Records end
// in an ASCII record separator, since a message may hold line breaks.
// Symbol preprocessing is left off, so the text recorded is the text sent.
const (
	daemonConfig = `LogLevel 3
LogDir "%s"
DefaultVolume 100
AudioOutputMethod "libao"
AddModule "record" "sd_generic" "record.conf"
DefaultModule record
`
	recordConfig = `GenericExecuteSynth "said=\'$DATA\'; printf '%%s|%%s|%%s|%%s\\036\\n' '$LANGUAGE' '$RATE' '$VOLUME' \"$said\" >> %s; case \"$said\" in *%s*) sleep %d;; esac"
GenericMaxChunkLength 1000
GenericRateForceInteger 1
GenericVolumeForceInteger 1
AddVoice "en" "male1" "recorder-en"
AddVoice "es" "male1" "recorder-es"
GenericLanguage "en" "en" "utf-8"
GenericLanguage "en-us" "en-us" "utf-8"
GenericLanguage "es" "es" "utf-8"
GenericLanguage "es-419" "es-419" "utf-8"
`
)

// AudioOutputMethod is libao: speech-dispatcher insists on opening an audio
// plugin even for a module that plays nothing, and libao's opens without a
// sound server.

func (d *Daemon) writeConfig() error {
	return writeConfig(filepath.Join(d.dir, "conf"), filepath.Join(d.dir, "log"), d.said)
}

// writeConfig writes speechd.conf and modules/record.conf into confDir.
func writeConfig(confDir, logDir, said string) error {
	if err := os.MkdirAll(filepath.Join(confDir, "modules"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(logDir, 0o755); err != nil {
		return err
	}
	files := map[string]string{
		"speechd.conf":        fmt.Sprintf(daemonConfig, logDir),
		"modules/record.conf": fmt.Sprintf(recordConfig, said, Linger, int(LingerFor/time.Second)),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(confDir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// ForAutospawn prepares a user session in which no speech-dispatcher runs
// yet but one started with --spawn (as clients autospawn it) would record:
// it points XDG_RUNTIME_DIR and XDG_CONFIG_HOME at a fresh directory and
// unsets SPEECHD_ADDRESS for the rest of the test, and stops whatever daemon
// was spawned when the test ends. The Daemon it returns only reads what was
// heard.
func ForAutospawn(t *testing.T) *Daemon {
	t.Helper()
	Require(t)
	dir, err := os.MkdirTemp("", "speechd")
	if err != nil {
		t.Fatal(err)
	}
	runtime := filepath.Join(dir, "run")
	if err := os.Mkdir(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	d := &Daemon{dir: dir, said: filepath.Join(dir, "said")}
	if err := writeConfig(filepath.Join(dir, "config", "speech-dispatcher"), filepath.Join(dir, "log"), d.said); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_RUNTIME_DIR", runtime)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("SPEECHD_ADDRESS", "")
	t.Cleanup(func() {
		pidFile := filepath.Join(runtime, "speech-dispatcher", "pid", "speech-dispatcher.pid")
		if b, err := os.ReadFile(pidFile); err == nil {
			var pid int
			if _, err := fmt.Sscan(string(b), &pid); err == nil && pid > 1 {
				_ = syscall.Kill(pid, syscall.SIGTERM)
			}
		}
		_ = os.RemoveAll(dir)
	})
	return d
}

func (d *Daemon) start(t testing.TB, moduleDir string) {
	t.Helper()
	d.cmd = exec.Command("speech-dispatcher", "-s", "-t", "0", "-c", "unix_socket", "-S", d.socket,
		"-C", filepath.Join(d.dir, "conf"), "-m", moduleDir, "-P", filepath.Join(d.dir, "pid"))
	var out bytes.Buffer
	d.cmd.Stdout, d.cmd.Stderr = &out, &out
	// Its own process group, so stop can end the modules and their shells too.
	d.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := d.cmd.Start(); err != nil {
		t.Fatalf("starting speech-dispatcher: %v", err)
	}
	d.exited = make(chan struct{})
	go func() { _ = d.cmd.Wait(); close(d.exited) }()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-d.exited:
			t.Fatalf("speech-dispatcher exited at start:\n%s\n%s", out.String(), d.log())
		default:
		}
		if conn, err := net.Dial("unix", d.socket); err == nil {
			_ = conn.Close()
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	d.stop()
	t.Fatalf("speech-dispatcher did not listen on %s within 10 s:\n%s", d.socket, d.log())
}

func (d *Daemon) log() string {
	b, _ := os.ReadFile(filepath.Join(d.dir, "log", "speech-dispatcher.log"))
	return string(b)
}

func (d *Daemon) stop() {
	if d.cmd == nil || d.cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-d.exited:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
		<-d.exited
	}
	// Modules lingering in a sleep are in the same group.
	_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
	_ = os.Remove(d.socket)
	d.cmd = nil
}

// Restart stops the daemon and starts a new one on the same socket, as a
// crash followed by a restart would; what was heard so far is kept.
func (d *Daemon) Restart(t testing.TB) {
	t.Helper()
	d.stop()
	d.start(t, Require(t))
}

// Heard returns every message recorded so far.
func (d *Daemon) Heard() []Heard {
	b, err := os.ReadFile(d.said)
	if err != nil {
		return nil
	}
	var heard []Heard
	for _, rec := range strings.Split(string(b), "\x1e\n") {
		if rec == "" {
			continue
		}
		f := strings.SplitN(rec, "|", 4)
		for len(f) < 4 {
			f = append(f, "")
		}
		heard = append(heard, Heard{Lang: f[0], Rate: f[1], Volume: f[2], Text: f[3]})
	}
	return heard
}

// WaitHeard waits until at least n messages were recorded and returns them
// all; it fails the test after timeout, showing what was heard.
func (d *Daemon) WaitHeard(t testing.TB, n int, timeout time.Duration) []Heard {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		heard := d.Heard()
		if len(heard) >= n {
			return heard
		}
		if time.Now().After(deadline) {
			t.Fatalf("heard %d messages within %v, want %d: %+v", len(heard), timeout, n, heard)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
