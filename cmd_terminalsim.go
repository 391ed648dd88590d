package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

// cmdTerminalSim serves the card terminal simulator alone until SIGINT or SIGTERM.
func cmdTerminalSim(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	return runTerminalSim(ctx, args, os.Stdout, os.Stderr)
}

// runTerminalSim is cmdTerminalSim until ctx ends. Like the portal simulator it
// listens only on loopback: its key is public and its control endpoint takes
// anyone's card.
func runTerminalSim(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("terminal-sim", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8443", "loopback address to listen on")
	faults := flags.String("faults", "", "faults to inject, comma-separated NAME or NAME:N (strike N times): "+terminalsim.FaultHelp())
	caFile := flags.String("ca-file", filepath.Join(os.TempDir(), "lobbykiosk-terminal-sim-ca.pem"), "where to write the CA certificate the kiosk must trust (terminal_ca_file)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: lobbykiosk terminal-sim [--addr 127.0.0.1:8443] [--faults SPEC] [--ca-file FILE]")
		fmt.Fprintln(stderr, "\nA practice card terminal that speaks nexo (Retailer messages as JSON, sealed as")
		fmt.Fprintln(stderr, "Adyen's Terminal API local integration does) over loopback HTTPS at POST /nexo,")
		fmt.Fprintln(stderr, "with a throw-away certificate and a public demo key. Present a practice card with")
		fmt.Fprintln(stderr, `  POST /control/present {"card":"approved"}`)
		fmt.Fprintln(stderr, "cards: "+strings.Join(terminalsim.Cards(), " "))
		fmt.Fprintln(stderr)
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return exitConfig
	}
	if !loopbackAddr(*addr) {
		fmt.Fprintf(stderr, "lobbykiosk terminal-sim: --addr %q is not a loopback address\n", *addr)
		return exitConfig
	}
	f, err := terminalsim.ParseFaults(*faults)
	if err != nil {
		fmt.Fprintln(stderr, "lobbykiosk terminal-sim:", err)
		return exitConfig
	}
	sim, err := terminalsim.Start(*addr, terminalsim.Options{Faults: f, CAFile: *caFile})
	if err != nil {
		fmt.Fprintln(stderr, "lobbykiosk terminal-sim:", err)
		return 1
	}
	defer sim.Close()
	fmt.Fprintf(stdout, "Practice terminal (nexo) listening on %s\n", sim.URL())
	fmt.Fprintf(stdout, "POIID %s; trust %s\n", sim.POIID(), *caFile)
	fmt.Fprintf(stdout, "Demo key (demo only): identifier %s, version %d, passphrase %s\n",
		terminalsim.DemoKeyIdentifier, terminalsim.DemoKeyVersion, terminalsim.DemoPassphrase)
	<-ctx.Done()
	return 0
}
