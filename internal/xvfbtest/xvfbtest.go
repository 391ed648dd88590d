// Package xvfbtest runs an X server of a test's own (Xvfb) and points DISPLAY at it.
package xvfbtest

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Start runs Xvfb with screen 0 of the given geometry (e.g. "640x480x24") and any
// further options, stops it when the test ends, and sets DISPLAY for the test.
func Start(t testing.TB, screen string, options ...string) {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Fatal("Xvfb is needed (make deps installs it)")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	args := append([]string{"-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp"}, options...)
	cmd := exec.Command("Xvfb", args...)
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatal("Xvfb did not start")
		}
		t.Setenv("DISPLAY", ":"+n)
		t.Setenv("XAUTHORITY", os.DevNull)
	case <-time.After(10 * time.Second):
		t.Fatal("Xvfb did not start within 10 s")
	}
}
