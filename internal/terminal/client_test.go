package terminal_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminaltest"
)

// fixedNow keeps every time stamp off the wall clock.
func fixedNow() time.Time { return time.Date(2031, 3, 14, 9, 26, 53, 0, time.UTC) }

type rig struct {
	sim     *terminalsim.Sim
	client  *terminal.Client
	journal *terminal.Journal
}

func newRig(t testing.TB, faults string) rig {
	t.Helper()
	r := terminaltest.Start(t, terminaltest.Options{Faults: faults, Now: fixedNow})
	return rig{r.Sim, r.Client, r.Journal}
}

func payment(id string) terminal.Payment {
	return terminal.Payment{TransactionID: id, AmountCents: 4217, AccountRef: "acct-ref-7", IdempotencyKey: "idem-" + id}
}

func TestPracticeCards(t *testing.T) {
	cases := map[string]terminal.Outcome{
		terminalsim.CardApproved: terminal.Approved, terminalsim.CardDeclined: terminal.Declined,
		terminalsim.CardInsufficient: terminal.InsufficientFunds, terminalsim.CardBlocked: terminal.Declined,
		terminalsim.CardWrongPIN: terminal.Declined, terminalsim.CardRemoved: terminal.CardRemoved,
	}
	for card, want := range cases {
		t.Run(card, func(t *testing.T) {
			r := newRig(t, "")
			if err := r.sim.Present(card); err != nil {
				t.Fatal(err)
			}
			res, err := r.client.Pay(context.Background(), payment("tx-"+card))
			if err != nil {
				t.Fatal(err)
			}
			if res.Outcome != want {
				t.Fatalf("outcome %s, want %s", res.Outcome, want)
			}
			pending, _ := r.journal.Pending()
			if want == terminal.Approved {
				if res.AmountCents != 4217 || res.Brand != "visa" || res.LastFour != "1111" || len(res.Receipt) == 0 {
					t.Errorf("result = %+v", res)
				}
				if len(pending) != 1 || pending[0].State != terminal.Charged || pending[0].Reference != res.Reference {
					t.Errorf("journal = %+v", pending)
				}
			} else if len(pending) != 0 {
				t.Errorf("a payment that took nothing stays in the journal: %+v", pending)
			}
		})
	}
}

// The visitor never presents a card ("timeout"): Pay's deadline passes, the
// status says in progress, the kiosk aborts, and the status then says cancelled.
func TestTimeoutCardEndsCancelledThroughRecovery(t *testing.T) {
	r := newRig(t, "")
	_ = r.sim.Present(terminalsim.CardTimeout)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	res, err := r.client.Pay(ctx, payment("tx-timeout"))
	if err != nil || res.Outcome != terminal.Cancelled {
		t.Fatalf("Pay = %+v, %v", res, err)
	}
	if r.sim.Charges() != 0 {
		t.Error("charged")
	}
}

func TestAbortCancelsAWaitingPayment(t *testing.T) {
	r := newRig(t, "")
	done := make(chan terminal.Result)
	go func() {
		res, _ := r.client.Pay(context.Background(), payment("tx-abort"))
		done <- res
	}()
	waitUntil(t, r.sim.Waiting)
	if err := r.client.Abort(context.Background(), "tx-abort"); err != nil {
		t.Fatal(err)
	}
	if res := <-done; res.Outcome != terminal.Cancelled {
		t.Fatalf("outcome %s", res.Outcome)
	}
}

// Each fault that loses or spoils the payment's answer: Pay asks the status and
// learns the approval, and the card was charged once, never twice.
func TestLostOrSpoiledAnswersAreRecoveredNeverPaidTwice(t *testing.T) {
	for _, fault := range []string{"lost:1", "slow:1", "duplicate:1", "malformed:1", "badmac:1", "noecho:1"} {
		t.Run(fault, func(t *testing.T) {
			r := newRig(t, fault)
			_ = r.sim.Present(terminalsim.CardApproved)
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			res, err := r.client.Pay(ctx, payment("tx-fault"))
			if err != nil || res.Outcome != terminal.Approved || res.AmountCents != 4217 {
				t.Fatalf("Pay = %+v, %v", res, err)
			}
			if n := r.sim.Charges(); n != 1 {
				t.Fatalf("%d charges", n)
			}
		})
	}
}

// A fault before anything is sent: nothing was charged, nothing is journalled.
func TestUnreachableOrUntrustedTerminalSendsNothing(t *testing.T) {
	for _, fault := range []string{"unreachable", "wrongcert"} {
		t.Run(fault, func(t *testing.T) {
			r := newRig(t, fault)
			_, err := r.client.Pay(context.Background(), payment("tx-unsent"))
			if !errors.Is(err, terminal.ErrUnreachable) {
				t.Fatalf("Pay = %v, want ErrUnreachable", err)
			}
			if pending, _ := r.journal.Pending(); len(pending) != 0 {
				t.Errorf("journal = %+v", pending)
			}
			if _, err := r.client.Describe(context.Background()); !errors.Is(err, terminal.ErrUnreachable) {
				t.Errorf("Describe = %v", err)
			}
		})
	}
}

// While every answer fails its MAC the outcome cannot be known: Pay says so
// and the journal keeps the entry; once the terminal answers again, the
// start-up recovery learns the approval and the entry waits for the portal.
func TestUnresolvedPaymentIsRecoveredLater(t *testing.T) {
	r := newRig(t, "badmac")
	_ = r.sim.Present(terminalsim.CardApproved)
	_, err := r.client.Pay(context.Background(), payment("tx-later"))
	if !errors.Is(err, terminal.ErrUnresolved) {
		t.Fatalf("Pay = %v, want ErrUnresolved", err)
	}
	pending, _ := r.journal.Pending()
	if len(pending) != 1 || pending[0].State != terminal.Sent || pending[0].IdempotencyKey != "idem-tx-later" {
		t.Fatalf("journal = %+v", pending)
	}
	r.sim.SetFaults(nil)
	res, err := r.client.Recover(context.Background(), pending[0].TransactionID)
	if err != nil || res.Outcome != terminal.Approved {
		t.Fatalf("Recover = %+v, %v", res, err)
	}
	if pending, _ = r.journal.Pending(); len(pending) != 1 || pending[0].State != terminal.Charged {
		t.Fatalf("journal = %+v", pending)
	}
	if err := r.journal.Done("tx-later"); err != nil {
		t.Fatal(err)
	}
	if pending, _ = r.journal.Pending(); len(pending) != 0 || r.sim.Charges() != 1 {
		t.Fatalf("journal = %+v, %d charges", pending, r.sim.Charges())
	}
}

func TestPayRefusesATransactionAlreadyJournalled(t *testing.T) {
	r := newRig(t, "")
	_ = r.sim.Present(terminalsim.CardApproved)
	if _, err := r.client.Pay(context.Background(), payment("tx-once")); err != nil {
		t.Fatal(err)
	}
	_ = r.sim.Present(terminalsim.CardApproved)
	if _, err := r.client.Pay(context.Background(), payment("tx-once")); err == nil || !strings.Contains(err.Error(), "never pay it again") {
		t.Fatalf("second Pay = %v", err)
	}
	if r.sim.Charges() != 1 {
		t.Error("paid twice")
	}
}

func TestStatusOfAnUnknownTransactionIsNotFound(t *testing.T) {
	r := newRig(t, "")
	res, err := r.client.Status(context.Background(), "never-sent")
	if err != nil || res.Outcome != terminal.NotFound {
		t.Fatalf("Status = %+v, %v", res, err)
	}
}

func TestTokeniseReturnsATokenNotACardNumber(t *testing.T) {
	r := newRig(t, "")
	_ = r.sim.Present(terminalsim.CardApproved)
	tok, err := r.client.Tokenise(context.Background(), terminal.TokenRequest{TransactionID: "tok-1", AccountRef: "acct-ref-7"})
	if err != nil || tok.Outcome != terminal.Approved || tok.Value == "" || tok.LastFour != "1111" || tok.Brand != "visa" {
		t.Fatalf("Tokenise = %+v, %v", tok, err)
	}
	_ = r.sim.Present(terminalsim.CardDeclined)
	tok, err = r.client.Tokenise(context.Background(), terminal.TokenRequest{TransactionID: "tok-2", AccountRef: "acct-ref-7"})
	if err != nil || tok.Outcome != terminal.Declined || tok.Value != "" {
		t.Fatalf("declined Tokenise = %+v, %v", tok, err)
	}
}

func TestDescribeNamesTheTerminalAndProvesTheKey(t *testing.T) {
	r := newRig(t, "")
	id, err := r.client.Describe(context.Background())
	if err != nil || id.POIID != terminalsim.DemoPOIID || id.Serial != "000000042" || id.Model != "V400m" || id.State != "OK" {
		t.Fatalf("Describe = %+v, %v", id, err)
	}
	wrongKey := terminalsim.DemoKey()
	wrongKey.Passphrase = "not the demo passphrase"
	dir := t.TempDir()
	_ = writeCA(dir, r.sim)
	c, _ := terminal.New(terminal.Options{URL: r.sim.URL(), CAFile: filepath.Join(dir, "ca.pem"), POIID: r.sim.POIID(), SaleID: "kiosk-1", Key: wrongKey})
	if _, err := c.Describe(context.Background()); !errors.Is(err, terminal.ErrRejected) || strings.Contains(err.Error(), wrongKey.Passphrase) {
		t.Fatalf("Describe with the wrong key = %v", err)
	}
}

func BenchmarkPayAgainstTheSimulator(b *testing.B) {
	r := newRig(b, "")
	i := 0
	for b.Loop() {
		i++
		_ = r.sim.Present(terminalsim.CardApproved)
		if _, err := r.client.Pay(context.Background(), payment(fmt.Sprintf("bench-%d", i))); err != nil {
			b.Fatal(err)
		}
	}
}

func writeCA(dir string, sim *terminalsim.Sim) error {
	return os.WriteFile(filepath.Join(dir, "ca.pem"), sim.CAPEM(), 0o600)
}

// waitUntil polls cond for up to five seconds.
func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("timed out waiting")
		}
	}
}
