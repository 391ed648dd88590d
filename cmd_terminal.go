package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/cardrecovery"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/secrets"
	"github.com/medfordwater/lobbykiosk/internal/stafflock"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
	"github.com/medfordwater/lobbykiosk/internal/terminalwatch"
	"github.com/medfordwater/lobbykiosk/ui"
	"os"
)

// Where the card terminal's state lives in the kiosk's state directory.
const (
	journalDirName = "card-journal"       // one file a card payment not yet settled (internal/terminal)
	seenFileName   = "terminal-seen.json" // the terminal last seen, for swap detection
)

// recoveryRetry is how often the payments a start could not settle are tried
// again while the kiosk runs: the terminal or the portal may be back.
const recoveryRetry = 5 * time.Minute

// cardTerminal is the card terminal as main wires it: the client the screens
// pay through, its journal, and the watch the heartbeat reads.
type cardTerminal struct {
	client  *terminal.Client
	journal *terminal.Journal
	watch   *terminalwatch.Watch
}

// liveTerminal is the terminal of the config's [terminal] table, its
// passphrase from the keyring and its journal in the kiosk's state directory.
func liveTerminal(cfg config.Config, store *secrets.Store, logger *slog.Logger) (*cardTerminal, error) {
	stateDir, err := stafflock.StateDir()
	if err != nil {
		return nil, err
	}
	passphrase, err := store.TerminalPassphrase()
	if err != nil {
		return nil, err
	}
	t := cfg.Terminal
	return openTerminal(stateDir, terminal.Options{URL: t.URL, CAFile: t.CAFile, ServerName: t.ServerName,
		POIID: t.POIID, SaleID: cfg.TerminalSaleID(), Logger: logger,
		Key: terminal.Key{Identifier: t.KeyIdentifier, Version: t.KeyVersion, Passphrase: passphrase}})
}

// practiceTerminal starts the practice terminal of a demo on loopback, its CA
// and its journal in stateDir (the demo's own), and a client of it.
func practiceTerminal(stateDir, kioskID string, logger *slog.Logger) (*cardTerminal, *terminalsim.Sim, error) {
	caFile := filepath.Join(stateDir, "practice-terminal-ca.pem")
	sim, err := terminalsim.Start("127.0.0.1:0", terminalsim.Options{CAFile: caFile, Logger: logger})
	if err != nil {
		return nil, nil, err
	}
	t, err := openTerminal(stateDir, terminal.Options{URL: sim.URL(), CAFile: caFile, POIID: sim.POIID(),
		SaleID: kioskID, Key: terminalsim.DemoKey(), Logger: logger})
	if err != nil {
		_ = sim.Close()
		return nil, nil, err
	}
	return t, sim, nil
}

func openTerminal(stateDir string, opts terminal.Options) (*cardTerminal, error) {
	journal, err := terminal.OpenJournal(filepath.Join(stateDir, journalDirName))
	if err != nil {
		return nil, err
	}
	opts.Journal = journal
	c, err := terminal.New(opts)
	if err != nil {
		return nil, err
	}
	watch, err := terminalwatch.Open(filepath.Join(stateDir, seenFileName), opts.Logger)
	if err != nil {
		return nil, err
	}
	return &cardTerminal{client: c, journal: journal, watch: watch}, nil
}

// keepUp settles, in the background, the card payments an earlier run left
// in the journal, and looks at the terminal every lookEvery for the heartbeat
// and swap detection. It must be called before the screens get the terminal:
// the journal is read first, so that a payment of this run is never taken for
// one to recover (recovery aborts a payment still in progress). portal may be
// nil (out of service): approved payments then wait for a later try.
func (t *cardTerminal) keepUp(ctx context.Context, portal *client.Client, lookEvery time.Duration, logger *slog.Logger) error {
	left, err := t.journal.Pending()
	if err != nil {
		return fmt.Errorf("card journal: %w", err)
	}
	var recorder cardrecovery.Portal
	if portal != nil {
		recorder = portal
	}
	if len(left) > 0 {
		logger.Warn("card recovery: payments left unsettled by the last run", "count", len(left))
	}
	t.watch.SetPending(len(left))
	go func() {
		var report cardrecovery.Report
		if len(left) > 0 {
			report, left = cardrecovery.Run(ctx, t.client, t.journal, recorder, logger, left)
			t.watch.SetPending(len(left))
			t.watch.AddRecovered(report.Recorded)
		}
		logger.Info("card recovery at start", "recorded", report.Recorded, "not_charged", report.NotCharged,
			"left", len(left))
		t.look(ctx, logger)
		retry, looks := time.NewTicker(recoveryRetry), time.NewTicker(lookEvery)
		defer retry.Stop()
		defer looks.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-looks.C:
				t.look(ctx, logger)
			case <-retry.C:
				if len(left) > 0 {
					var report cardrecovery.Report
					report, left = cardrecovery.Run(ctx, t.client, t.journal, recorder, logger, left)
					t.watch.SetPending(len(left))
					t.watch.AddRecovered(report.Recorded)
				}
			}
		}
	}()
	return nil
}

// look asks the terminal who it is. A failure is logged by its class only,
// and once until the terminal answers again, not at every look.
func (t *cardTerminal) look(ctx context.Context, logger *slog.Logger) {
	was := t.watch.Status().State
	_, err := t.watch.Look(ctx, t.client)
	switch now := t.watch.Status().State; {
	case err != nil && now != was:
		logger.Warn("card terminal does not answer as configured", "state", now, "error", terminal.ErrorClass(err))
	case err == nil && now != was:
		logger.Info("card terminal answers", "poi_id", t.watch.Status().POIID, "state", now)
	}
}

// terminalLookEvery is how often the terminal is asked who it is: with every
// heartbeat, or every recoveryRetry on a kiosk without one.
func terminalLookEvery(cfg config.Config) time.Duration {
	if every := cfg.HeartbeatEvery(); every > 0 {
		return every
	}
	return recoveryRetry
}

// wireLiveTerminal gives d the configured card terminal when card_entry =
// "terminal". A terminal that cannot be set up (no passphrase, no CA file) is
// logged, and the kiosk goes on without cards: bank accounts still work.
func wireLiveTerminal(d *ui.Deps, cfg config.Config, store *secrets.Store, logger *slog.Logger) {
	if cfg.CardEntry != config.CardEntryTerminal {
		return
	}
	t, err := liveTerminal(cfg, store, logger)
	if err == nil {
		err = t.keepUp(context.Background(), d.Portal, terminalLookEvery(cfg), logger)
	}
	if err != nil {
		logger.Error("card terminal unavailable: cards are not offered", "reason", err.Error())
		return
	}
	d.Terminal, d.TerminalStatus = t.client, t.watch.Status
}

// wirePracticeTerminal gives a demo's d the practice terminal and its
// practice card reader, with card_entry = "terminal"; the returned func stops it.
func wirePracticeTerminal(d *ui.Deps, stateDir string, logger *slog.Logger) (stop func() error, err error) {
	t, sim, err := practiceTerminal(stateDir, d.KioskID, logger)
	if err == nil {
		err = t.keepUp(context.Background(), d.Portal, terminalLookEvery(d.Config), logger)
	}
	if err != nil {
		return nil, fmt.Errorf("practice terminal: %w", err)
	}
	d.Config.CardEntry = config.CardEntryTerminal
	d.Terminal, d.Practice, d.TerminalStatus = t.client, sim, t.watch.Status
	return sim.Close, nil
}

// terminalCheck is `lobbykiosk check`'s line for the card terminal, with
// card_entry = "terminal": whether it can be reached, whether our key
// verifies (a DiagnosisRequest round trip, which it seals with the same key)
// and which device answers. It reports whether all is well.
func terminalCheck(ctx context.Context, w io.Writer, cfg config.Config, store *secrets.Store) bool {
	if cfg.CardEntry != config.CardEntryTerminal {
		fmt.Fprintf(w, "%-10s off   card_entry = %q: no card terminal\n", "terminal", cfg.CardEntry)
		return true
	}
	fail := func(err error) bool {
		fmt.Fprintf(w, "%-10s FAIL  %v\n", "terminal", err)
		return false
	}
	passphrase, err := store.TerminalPassphrase()
	if err != nil {
		return fail(err)
	}
	t := cfg.Terminal
	c, err := terminal.New(terminal.Options{URL: t.URL, CAFile: t.CAFile, ServerName: t.ServerName, POIID: t.POIID,
		SaleID: cfg.TerminalSaleID(), Key: terminal.Key{Identifier: t.KeyIdentifier, Version: t.KeyVersion, Passphrase: passphrase},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return fail(err)
	}
	id, err := c.Describe(ctx)
	switch {
	case errors.Is(err, terminal.ErrSecurity), errors.Is(err, terminal.ErrRejected):
		// A terminal refuses a message sealed with another key as it refuses a malformed one.
		return fail(fmt.Errorf("%s answers, but not with our key (%s): check terminal.key_identifier, terminal.key_version and the passphrase (lobbykiosk provision --terminal)",
			t.URL, terminal.ErrorClass(err)))
	case errors.Is(err, terminal.ErrMismatch):
		return fail(fmt.Errorf("%s answers, but not as terminal.poi_id %s: another device, or a wrong poi_id", t.URL, t.POIID))
	case err != nil:
		return fail(fmt.Errorf("%s: %w", t.URL, err))
	}
	fmt.Fprintf(w, "%-10s ok    %s reachable, key verifies, POIID %s, state %s\n", "terminal", t.URL, id.POIID, id.State)
	return true
}

// trainingCards starts, for each training run, a practice terminal of its own
// in a temporary directory, so training's card payments never reach the live
// terminal.
func trainingCards(kioskID string, logger *slog.Logger) func() (ui.CardTerminal, ui.PracticeReader, func() error, error) {
	return func() (ui.CardTerminal, ui.PracticeReader, func() error, error) {
		dir, err := os.MkdirTemp("", "lobbykiosk-training-terminal-")
		if err != nil {
			return nil, nil, nil, err
		}
		t, sim, err := practiceTerminal(dir, kioskID, logger)
		if err != nil {
			_ = os.RemoveAll(dir)
			return nil, nil, nil, err
		}
		return t.client, sim, func() error {
			err := sim.Close()
			_ = os.RemoveAll(dir)
			return err
		}, nil
	}
}
