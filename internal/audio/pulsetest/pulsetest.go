// Package pulsetest runs a private, real PulseAudio for tests: a loudspeaker
// (the default output) and a USB headset, as null sinks.
package pulsetest

import (
	"net"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Sink names of the server's two outputs.
const (
	Speaker = "lobby_speaker"
	Headset = "usb_headset"
)

// Server is a running PulseAudio.
type Server struct {
	Address string // its server string, for PULSE_SERVER: "unix:/…/native"
	dir     string // its runtime and home directory
}

// Start runs the server until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	dir := t.TempDir()
	socket := filepath.Join(dir, "native")
	cmd := exec.Command("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
		"--log-target=file:"+filepath.Join(dir, "pulse.log"),
		"-L", "module-null-sink sink_name="+Speaker+" sink_properties=device.description=Speaker",
		"-L", "module-null-sink sink_name="+Headset+" sink_properties='device.form_factor=headset device.description=Headset'",
		"-L", "module-native-protocol-unix auth-anonymous=1 socket="+socket)
	cmd.Env = []string{"XDG_RUNTIME_DIR=" + dir, "HOME=" + dir, "PATH=/usr/bin:/bin"}
	if err := cmd.Start(); err != nil {
		t.Fatalf("pulseaudio (Debian package pulseaudio, installed by make test): %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("unix", socket); err == nil {
			c.Close()
			return &Server{Address: "unix:" + socket, dir: dir}
		}
	}
	t.Fatal("pulseaudio did not open its socket within 10 s")
	return nil
}

// Pactl runs pactl against the server and returns what it printed.
func (s *Server) Pactl(t testing.TB, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("pactl", args...)
	cmd.Env = []string{"PULSE_SERVER=" + s.Address, "HOME=" + s.dir, "XDG_RUNTIME_DIR=" + s.dir}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pactl %v: %v", args, err)
	}
	return out
}

// SetDefault makes sink the server's default output, as plugging headphones in
// (or a headset's USB cable) or pulling them out does.
func (s *Server) SetDefault(t testing.TB, sink string) { s.Pactl(t, "set-default-sink", sink) }
