// Command lobbykiosk is the self-service kiosk for the lobby computer of Medford Water:
// walk-in customers find their account, register a login, turn on AutoPay, switch to
// e-billing or pay once, in English or Spanish, and the kiosk forgets them afterwards.
//
// main only wires: it picks the subcommand; each lives in its own cmd_*.go file.
package main

import (
	"fmt"
	"io"
	"os"
)

// Set at build time with -ldflags "-X main.version=… -X main.commit=…".
var (
	version = "dev"
	commit  = "unknown"
)

// exitConfig is the exit status for a bad config file or bad command-line words.
const exitConfig = 2

// subcommand is one verb of the lobbykiosk command.
type subcommand struct {
	name    string
	summary string
	run     func(args []string) int
}

func subcommands() []subcommand {
	return []subcommand{
		{"run", "the kiosk (the default)", cmdRun},
		{"demo", "the kiosk on a built-in portal simulator with practice accounts", cmdDemo},
		{"portal-sim", "the portal simulator alone, for tests and training", cmdPortalSim},
		{"terminal-sim", "a practice card terminal that speaks nexo, for tests and training", cmdTerminalSim},
		{"provision", "store the portal credential and staff PIN (read from stdin) in the keyring", cmdProvision},
		{"check", "check config, keyring, portal and credential; non-zero exit on any failure", cmdCheck},
		{"admin", "the kiosk admin's tools on this machine: unlock-staff lifts a staff PIN lock", cmdAdmin},
		{"version", "print version, commit and Fyne version", cmdVersion},
	}
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stderr))
}

// dispatch runs the subcommand named by args[0]; no name (or only flags) means
// "run". help, -h and --help list the subcommands: the person installing the
// kiosk finds check, provision and demo there, not under run's flags.
func dispatch(args []string, stderr io.Writer) int {
	name := "run"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	if name == "run" && len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		name = "help"
	}
	for _, c := range subcommands() {
		if c.name == name {
			return c.run(args)
		}
	}
	if name != "help" {
		fmt.Fprintf(stderr, "lobbykiosk: unknown command %q\n\n", name)
	}
	usage(stderr)
	if name == "help" {
		return 0
	}
	return exitConfig
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: lobbykiosk [command] [--config FILE] [flags]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range subcommands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
}
