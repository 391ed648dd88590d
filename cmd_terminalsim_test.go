package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

func TestTerminalSimHelpSaysItSpeaksNexo(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runTerminalSim(context.Background(), []string{"--help"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"nexo", "--faults", "lost", "approved"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, errOut.String())
		}
	}
	if code := runTerminalSim(context.Background(), []string{"--addr", "0.0.0.0:8443"}, &out, &errOut); code != exitConfig {
		t.Errorf("a non-loopback address: exit %d", code)
	}
	if code := runTerminalSim(context.Background(), []string{"--faults", "gremlins"}, &out, &errOut); code != exitConfig {
		t.Errorf("an unknown fault: exit %d", code)
	}
}

// The subcommand serves a terminal the real client can describe, and stops.
func TestTerminalSimStartsAndAnswers(t *testing.T) {
	ca := filepath.Join(t.TempDir(), "ca.pem")
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	done := make(chan int)
	go func() {
		done <- runTerminalSim(ctx, []string{"--addr", "127.0.0.1:0", "--ca-file", ca}, outW, io.Discard)
		outW.Close()
	}()
	first, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, outR)
	url := strings.TrimSpace(first[strings.LastIndex(first, " "):])
	c, err := terminal.New(terminal.Options{URL: url, CAFile: ca, POIID: terminalsim.DemoPOIID, SaleID: "kiosk-test", Key: terminalsim.DemoKey()})
	if err != nil {
		t.Fatal(err)
	}
	id, err := c.Describe(context.Background())
	if err != nil || id.POIID != terminalsim.DemoPOIID {
		t.Fatalf("Describe = %+v, %v", id, err)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("did not stop")
	}
}
