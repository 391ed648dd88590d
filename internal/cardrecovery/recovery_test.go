package cardrecovery_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/cardrecovery"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

func fixedNow() time.Time { return time.Date(2031, 3, 14, 9, 26, 53, 0, time.UTC) }

// rig is a practice terminal over HTTPS, a portal simulator over HTTP, and a
// kiosk's journal and clients of both.
type rig struct {
	sim      *terminalsim.Sim
	terminal *terminal.Client
	journal  *terminal.Journal
	portal   *portalsim.Sim
	client   *client.Client
	ref      string // the account_ref of a practice account, as a lookup gives it
	dir      string
}

func newRig(t *testing.T) rig {
	t.Helper()
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	sim, err := terminalsim.Start("127.0.0.1:0", terminalsim.Options{CAFile: filepath.Join(dir, "ca.pem"), Now: fixedNow, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	r := rig{sim: sim, dir: dir}
	r.journal, r.terminal = r.kioskTerminal(t, "journal")
	r.portal = portalsim.New(portalsim.Options{Now: fixedNow})
	srv, err := r.portal.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	r.client, err = client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	a := portalsim.DemoAccounts()[0]
	summary, err := r.client.Lookup(context.Background(), client.LookupRequest{AccountNumber: a.Number, PostalCode: a.PostalCode})
	if err != nil {
		t.Fatal(err)
	}
	r.ref = summary.AccountRef
	return r
}

// kioskTerminal is a terminal client of the rig's simulator with a journal in
// dir/name: a second one stands for a kiosk run that journalled nothing.
func (r rig) kioskTerminal(t *testing.T, name string) (*terminal.Journal, *terminal.Client) {
	t.Helper()
	j, err := terminal.OpenJournal(filepath.Join(r.dir, name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := terminal.New(terminal.Options{URL: r.sim.URL(), CAFile: filepath.Join(r.dir, "ca.pem"), POIID: r.sim.POIID(),
		SaleID: "lobby-1", Key: terminalsim.DemoKey(), Journal: j, Now: fixedNow,
		Logger:          slog.New(slog.NewTextHandler(io.Discard, nil)),
		RecoveryTimeout: 300 * time.Millisecond, StatusInterval: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return j, c
}

func (r rig) payment(id string) terminal.Payment {
	return terminal.Payment{TransactionID: id, AmountCents: 4217, AccountRef: r.ref, IdempotencyKey: "idem-" + id}
}

// payApproved pays p at the terminal with an approved card, as a kiosk does
// just before it dies: the journal holds it as charged, the portal knows nothing.
func (r rig) payApproved(t *testing.T, c *terminal.Client, p terminal.Payment) terminal.Result {
	t.Helper()
	if err := r.sim.Present(terminalsim.CardApproved); err != nil {
		t.Fatal(err)
	}
	res, err := c.Pay(context.Background(), p)
	if err != nil || res.Outcome != terminal.Approved {
		t.Fatalf("pay: %+v, %v", res, err)
	}
	return res
}

func (r rig) run(t *testing.T, portal cardrecovery.Portal) (cardrecovery.Report, string) {
	t.Helper()
	var log bytes.Buffer
	pending, err := r.journal.Pending()
	if err != nil {
		t.Fatal(err)
	}
	report, left := cardrecovery.Run(context.Background(), r.terminal, r.journal, portal, slog.New(slog.NewJSONHandler(&log, nil)), pending)
	if len(left) != report.Pending() {
		t.Errorf("%d entries left, but the report %v says %d", len(left), report, report.Pending())
	}
	return report, log.String()
}

// settles runs recovery and wants its report, the portal's count of
// payments after it, and an empty journal; it returns the run's log.
func (r rig) settles(t *testing.T, want cardrecovery.Report, payments int) string {
	t.Helper()
	report, log := r.run(t, r.client)
	if report != want || r.portal.Stats().Payments != payments {
		t.Fatalf("report %v, the portal has %d payments; want %v and %d", report, r.portal.Stats().Payments, want, payments)
	}
	r.wantPending(t, 0)
	return log
}

func (r rig) wantPending(t *testing.T, n int) {
	t.Helper()
	if pending, err := r.journal.Pending(); err != nil || len(pending) != n {
		t.Fatalf("journal holds %d entries (%v), want %d", len(pending), err, n)
	}
}

// A payment the terminal approved just before the kiosk died is recorded at
// the next start, once, and its entry cleared; a second run finds nothing.
func TestAnApprovedPaymentIsRecordedOnceAtTheNextStart(t *testing.T) {
	r := newRig(t)
	r.payApproved(t, r.terminal, r.payment("tx-charged"))
	r.wantPending(t, 1)

	log := r.settles(t, cardrecovery.Report{Recorded: 1}, 1)
	if !strings.Contains(log, `"transaction":"tx-charged"`) || strings.Contains(log, r.ref) {
		t.Errorf("the log must name the transaction and never the account: %s", log)
	}
	if again, _ := r.run(t, r.client); !again.Empty() || r.portal.Stats().Payments != 1 {
		t.Errorf("a second run did %v; the portal has %d payments", again, r.portal.Stats().Payments)
	}
	if r.sim.Charges() != 1 {
		t.Errorf("the terminal charged %d times, want 1", r.sim.Charges())
	}
}

// The kiosk told the portal and died before clearing its entry: the replay
// carries the same idempotency key, so the portal still has one payment.
func TestARecordedPaymentReplayedIsRecordedOnce(t *testing.T) {
	r := newRig(t)
	p := r.payment("tx-told")
	res := r.payApproved(t, r.terminal, p)
	card := client.Card{POIID: r.sim.POIID(), TransactionID: p.TransactionID, Reference: res.Reference,
		Brand: terminal.PortalBrand(res.Brand), Last4: res.LastFour}
	if _, err := r.client.RecordCardPayment(context.Background(),
		client.CardPaymentRequest{AccountRef: p.AccountRef, AmountCents: p.AmountCents, Card: card}, p.IdempotencyKey); err != nil {
		t.Fatal(err)
	}
	r.settles(t, cardrecovery.Report{Recorded: 1}, 1) // the replay answered, not recorded again
}

// The kiosk died after sending the payment and before the answer: the entry
// says only "sent". The terminal's status says it was charged, so it is recorded.
func TestASentPaymentIsAskedAboutAndRecordedWhenCharged(t *testing.T) {
	r := newRig(t)
	p := r.payment("tx-sent")
	if err := r.journal.Begin(p); err != nil {
		t.Fatal(err)
	}
	_, elsewhere := r.kioskTerminal(t, "lost-run") // the request that left, whose answer the kiosk never read
	r.payApproved(t, elsewhere, p)

	r.settles(t, cardrecovery.Report{Recorded: 1}, 1)
	if r.sim.Charges() != 1 {
		t.Errorf("the terminal charged %d times, want 1", r.sim.Charges())
	}
}

// A payment the terminal never got took nothing: cleared, nothing recorded.
func TestAPaymentTheTerminalNeverGotIsCleared(t *testing.T) {
	r := newRig(t)
	if err := r.journal.Begin(r.payment("tx-never")); err != nil {
		t.Fatal(err)
	}
	r.settles(t, cardrecovery.Report{NotCharged: 1}, 0)
}

// A terminal that cannot answer leaves the entry for the next try; so does a
// portal that refuses, until it takes the payment.
func TestWhatCannotBeSettledNowIsKept(t *testing.T) {
	r := newRig(t)
	r.payApproved(t, r.terminal, r.payment("tx-wait"))

	r.sim.SetFaults(mustFaults(t, "lost")) // every answer lost: the status cannot be learnt
	report, log := r.run(t, r.client)
	if report != (cardrecovery.Report{Unresolved: 1}) || !strings.Contains(log, "outcome not yet known") {
		t.Fatalf("terminal mute: report %v, log %s", report, log)
	}
	r.wantPending(t, 1)
	r.sim.SetFaults(nil)

	r.portal.SetFault("POST /card-payments", portalsim.Fault{Status: 503})
	report, log = r.run(t, r.client)
	if report != (cardrecovery.Report{Unrecorded: 1}) || !strings.Contains(log, `"error":"unavailable"`) {
		t.Fatalf("portal down: report %v, log %s", report, log)
	}
	r.wantPending(t, 1)
	if report, _ := r.run(t, nil); report != (cardrecovery.Report{Unrecorded: 1}) {
		t.Fatalf("no portal: report %v", report)
	}
	r.portal.ClearFaults()

	r.settles(t, cardrecovery.Report{Recorded: 1}, 1) // the portal is back
}

func mustFaults(t *testing.T, spec string) *terminalsim.Faults {
	t.Helper()
	f, err := terminalsim.ParseFaults(spec)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
