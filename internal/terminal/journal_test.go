package terminal_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/terminal"
)

func TestJournalEntriesAreAtomicPrivateAndCardFree(t *testing.T) {
	dir := t.TempDir()
	j, err := terminal.OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := payment("tx-j1")
	if err := j.Begin(p); err != nil {
		t.Fatal(err)
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("files = %v (a temporary file left behind?)", files)
	}
	info, _ := files[0].Info()
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	b, _ := os.ReadFile(filepath.Join(dir, files[0].Name()))
	for _, want := range []string{`"transaction_id":"tx-j1"`, `"amount_cents":4217`, `"account_ref":"acct-ref-7"`, `"idempotency_key":"idem-tx-j1"`, `"state":"sent"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("entry %s lacks %s", b, want)
		}
	}
	if err := j.Begin(p); err == nil {
		t.Error("Begin took a transaction already journalled")
	}
	if err := j.Settle(terminal.Result{TransactionID: "tx-j1", Outcome: terminal.InProgress}); err != nil {
		t.Fatal(err)
	}
	if err := j.Settle(terminal.Result{TransactionID: "tx-j1", Outcome: terminal.Approved, Reference: "SIM1"}); err != nil {
		t.Fatal(err)
	}
	pending, err := j.Pending()
	if err != nil || len(pending) != 1 || pending[0].State != terminal.Charged || pending[0].Reference != "SIM1" {
		t.Fatalf("Pending = %+v, %v", pending, err)
	}
	// A new Journal over the same directory is the next start of the kiosk.
	again, _ := terminal.OpenJournal(dir)
	if pending, _ := again.Pending(); len(pending) != 1 || pending[0].IdempotencyKey != "idem-tx-j1" {
		t.Fatalf("after restart: %+v", pending)
	}
	if err := again.Done("tx-j1"); err != nil {
		t.Fatal(err)
	}
	if pending, _ := again.Pending(); len(pending) != 0 {
		t.Fatalf("after Done: %+v", pending)
	}
}

func TestJournalDropsPaymentsThatTookNothing(t *testing.T) {
	j, _ := terminal.OpenJournal(t.TempDir())
	_ = j.Begin(payment("tx-d"))
	if err := j.Settle(terminal.Result{TransactionID: "tx-d", Outcome: terminal.Declined}); err != nil {
		t.Fatal(err)
	}
	if pending, _ := j.Pending(); len(pending) != 0 {
		t.Fatalf("Pending = %+v", pending)
	}
}

func TestJournalRefusesUnsafeIDsAndReportsDamage(t *testing.T) {
	dir := t.TempDir()
	j, _ := terminal.OpenJournal(dir)
	bad := payment("../escape")
	if err := j.Begin(bad); err == nil {
		t.Error("a transaction ID with a path in it was taken")
	}
	_ = os.WriteFile(filepath.Join(dir, "tx-x.payment.json"), []byte("{half"), 0o600)
	if _, err := j.Pending(); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Pending over a damaged entry = %v", err)
	}
}
