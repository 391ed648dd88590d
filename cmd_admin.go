package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/audio"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/secrets"
	"github.com/medfordwater/lobbykiosk/internal/speech"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"
)

// cmdProvision stores the portal credential and staff PIN, or with --terminal
// the card terminal's passphrase, read from stdin only.
func cmdProvision(args []string) int {
	provision := runProvision
	switch {
	case len(args) == 1 && args[0] == "--terminal":
		provision = runProvisionTerminal
	case len(args) > 0:
		fmt.Fprintln(os.Stderr, "lobbykiosk provision: takes no arguments but --terminal; it reads the credential and PIN from standard input (with --terminal, the terminal's passphrase)")
		return exitConfig
	}
	if err := provision(os.Stdin, os.Stderr, secrets.New(appID, secrets.Options{})); err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk provision:", err)
		return 1
	}
	return 0
}

// cmdAdmin is the kiosk admin's tools, run on the kiosk machine as its user.
// unlock-staff lifts a lock of staff mode after wrong PINs (a visitor typing
// PINs on purpose, or staff who forgot theirs and found it again): the running
// kiosk reads the lockout again when its PIN pad next opens. It is logged.
func cmdAdmin(args []string) int {
	if len(args) == 0 || args[0] != "unlock-staff" {
		fmt.Fprintln(os.Stderr, "usage: lobbykiosk admin unlock-staff [--lockout-file FILE]")
		return exitConfig
	}
	flags := flag.NewFlagSet("admin unlock-staff", flag.ContinueOnError)
	path := flags.String("lockout-file", "", "the staff lockout file (default: the kiosk's, under $XDG_STATE_HOME)")
	if err := flags.Parse(args[1:]); err != nil {
		return exitConfig
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if *path == "" {
		p, err := stafflock.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "lobbykiosk admin:", err)
			return 1
		}
		*path = p
	}
	if err := stafflock.NewFile(*path, logger).Save(stafflock.Record{}); err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk admin: cannot clear the staff lockout:", err)
		return 1
	}
	logger.Info("staff lockout lifted by the kiosk's admin", "file", *path)
	return 0
}

// checkTimeout bounds the portal part of `lobbykiosk check`.
const checkTimeout = 10 * time.Second

// cmdCheck prints one verdict line per piece the kiosk needs; non-zero exit on any failure.
func cmdCheck(args []string) int {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	configPath := flags.String("config", "", "config file (default "+config.DefaultPath+" when present)")
	if err := flags.Parse(args); err != nil {
		return exitConfig
	}
	ok := runChecks(os.Stdout, *configPath, secrets.New(appID, secrets.Options{}))
	if !ok {
		return 1
	}
	return 0
}

// runChecks checks config, keyring, portal, credential and the card terminal in
// order, stopping at the first piece the later ones depend on.
func runChecks(w io.Writer, configPath string, store *secrets.Store) bool {
	verdict := func(piece string, err error, okText string) bool {
		if err != nil {
			fmt.Fprintf(w, "%-10s FAIL  %v\n", piece, err)
			return false
		}
		fmt.Fprintf(w, "%-10s ok    %s\n", piece, okText)
		return true
	}
	cfg, err := config.Load(configPath)
	if !verdict("config", err, describeConfigSource(configPath)) {
		return false
	}
	speechCheck(w, cfg)
	audioCheck(w, cfg)
	key, err := store.PortalKey()
	if !verdict("keyring", err, "portal credential present") {
		return false
	}
	pinOK := verdict("staff-pin", staffPINSet(store), "staff PIN set")
	portal, err := client.New(client.Options{BaseURL: cfg.PortalURL, KioskKey: key, RootCAFile: cfg.RootCAFile})
	if err != nil {
		verdict("portal", err, "")
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), checkTimeout)
	defer cancel()
	health, err := portal.Health(ctx)
	reachErr, credErr := err, err
	if errors.Is(err, client.ErrUnauthorized) {
		reachErr = nil // it answered: reachable, but the credential was refused
	}
	reachable := verdict("portal", reachErr, cfg.PortalURL+" reachable")
	credential := reachable && verdict("credential", credErr, "accepted; terms version "+health.TermsVersion)
	cardsOK := terminalCheck(ctx, w, cfg, store)
	return pinOK && credential && cardsOK
}

// speechCheck says whether the kiosk can speak for a visitor who cannot see the
// screen. A kiosk without speech still serves everyone else, so this line warns
// rather than fails.
func speechCheck(w io.Writer, cfg config.Config) {
	if !cfg.SpeechOn() {
		fmt.Fprintf(w, "%-10s off   speech = \"off\" in the config\n", "speech")
		return
	}
	c, err := speech.New(speech.Options{Component: "check", Autospawn: true})
	if err == nil {
		defer c.Close()
		ctx, cancel := context.WithTimeout(context.Background(), checkTimeout)
		defer cancel()
		var st speech.Status
		if st, err = c.Check(ctx); err == nil {
			fmt.Fprintf(w, "%-10s ok    speech-dispatcher at %s, voice module %s\n", "speech", st.Address, st.OutputModule)
			return
		}
	}
	fmt.Fprintf(w, "%-10s WARN  %v: blind visitors cannot use the kiosk (docs/accessibility.md)\n", "speech", err)
}

// audioCheck says where speech is heard and whether a visitor's typed values are
// read back there: with speech_output = "auto", as the audio server answers now.
// A kiosk whose sound is not private still serves everyone, so it never fails.
func audioCheck(w io.Writer, cfg config.Config) {
	if !cfg.SpeechOn() {
		return
	}
	line := func(status, text string) { fmt.Fprintf(w, "%-10s %-5s %s\n", "audio", status, text) }
	switch cfg.SpeechOutput {
	case config.SpeechOutputSpeaker:
		line("ok", `speech_output = "speaker": nothing private is said aloud`)
	case config.SpeechOutputHeadphones:
		line("ok", `speech_output = "headphones": typed values are read back; the setup must route speech to the jack alone (docs/accessibility.md)`)
	default:
		v, err := audio.Ask("")
		switch {
		case err != nil:
			line("WARN", fmt.Sprintf("%v: nothing private is said aloud until the audio server answers", err))
		case v.Private:
			line("ok", v.Where+": typed values are read back into the headphones")
		default:
			line("ok", v.Where+": nothing private is said aloud (headphones plugged in would read typed values back)")
		}
	}
}

func describeConfigSource(path string) string {
	if path != "" {
		return path
	}
	if _, err := os.Stat(config.DefaultPath); err == nil {
		return config.DefaultPath
	}
	return "no file; built-in defaults"
}

// staffPINSet is nil when the keyring holds a staff PIN hash.
func staffPINSet(store *secrets.Store) error {
	// Verifying a PIN that cannot be valid tells "no PIN stored" (an error) from "a PIN
	// is stored" (false, nil) without ever handling the real one.
	_, err := store.VerifyStaffPIN("")
	return err
}

// cmdVersion prints the version, the commit and the Fyne version it was built with.
func cmdVersion(args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(os.Stderr, "lobbykiosk version: unexpected argument %q\n", args[0])
		return exitConfig
	}
	fmt.Println(versionLine())
	return 0
}

// versionLine is what `lobbykiosk version` prints. version and commit are stamped by
// -ldflags (make build, and make package through GOFLAGS); the Fyne version is the
// module version the binary was linked with, from its build information.
func versionLine() string {
	return fmt.Sprintf("lobbykiosk %s (commit %s), Fyne %s, %s", version, commit, fyneVersion(), runtime.Version())
}

// fyneVersion is the version of fyne.io/fyne/v2 in the binary's build information.
func fyneVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "fyne.io/fyne/v2" {
				if dep.Replace != nil {
					return dep.Replace.Version
				}
				return dep.Version
			}
		}
	}
	return "unknown"
}
