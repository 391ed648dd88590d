// Package terminaltest starts, for a test, the practice terminal and the real
// nexo client on it: the simulator over loopback HTTPS with its CA trusted, the
// demo key, and a journal in the test's temporary directory.
package terminaltest

import (
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

// Options say how the practice terminal behaves. Zero values take the defaults.
type Options struct {
	Faults    string           // terminalsim's SPEC; "" for none
	Now       func() time.Time // the test's clock, for the messages' time stamps (required)
	PayWithin time.Duration    // how long Pay waits for an answer before asking for the status; default 5 s
	SlowDelay time.Duration    // how late a "slow" answer comes; default 2 s
	SaleID    string           // the kiosk as the terminal knows it; default "kiosk-1"
}

// Rig is a running practice terminal and the client that talks to it.
type Rig struct {
	Sim     *terminalsim.Sim
	Client  *terminal.Client
	Journal *terminal.Journal
}

// Start starts the practice terminal for t, stopped when t ends.
func Start(t testing.TB, o Options) Rig {
	t.Helper()
	if o.PayWithin == 0 {
		o.PayWithin = 5 * time.Second
	}
	if o.SlowDelay == 0 {
		o.SlowDelay = 2 * time.Second
	}
	if o.SaleID == "" {
		o.SaleID = "kiosk-1"
	}
	faults, err := terminalsim.ParseFaults(o.Faults)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ca := filepath.Join(dir, "ca.pem")
	sim, err := terminalsim.Start("127.0.0.1:0", terminalsim.Options{Faults: faults, CAFile: ca, Now: o.Now,
		SlowDelay: o.SlowDelay, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	journal, err := terminal.OpenJournal(filepath.Join(dir, "journal"))
	if err != nil {
		t.Fatal(err)
	}
	client, err := terminal.New(terminal.Options{URL: sim.URL(), CAFile: ca, POIID: sim.POIID(), SaleID: o.SaleID,
		Key: terminalsim.DemoKey(), Journal: journal, Now: o.Now, Logger: quiet,
		PaymentTimeout: o.PayWithin, RecoveryTimeout: time.Second, StatusInterval: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return Rig{Sim: sim, Client: client, Journal: journal}
}
