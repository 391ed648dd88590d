//go:build cups_integration

// These tests print on a real CUPS: a private cupsd (package cupstest) with
// queues that write each job to a file or behave like a broken printer.
// `make print-test` runs them (.ci/print-test.sh); they need root.
package printer_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/printer"
	"github.com/medfordwater/lobbykiosk/internal/printer/cupstest"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	rt "github.com/medfordwater/lobbykiosk/internal/receipt/receipttest"
	"github.com/medfordwater/lobbykiosk/translations"
)

var cups *cupstest.Server

func TestMain(m *testing.M) {
	var err error
	if cups, err = cupstest.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	queues := map[string]string{
		"receipts": "receiptfile:" + cups.Output,
		"switched": "receiptfile:" + cups.Output, // stopped and restarted by a test
		"paperout": "failing:media-empty-error",
		"jammed":   "failing:media-jam-error",
		"stuck":    "slow:",
	}
	for name, device := range queues {
		if err := cups.AddQueue(name, device); err != nil {
			fmt.Fprintln(os.Stderr, err)
			cups.Stop()
			os.Exit(1)
		}
	}
	code := m.Run()
	if code != 0 {
		fmt.Fprintln(os.Stderr, "cupsd's log:\n"+cups.Log())
	}
	cups.Stop()
	os.Exit(code)
}

// printed is the document job id left on the file queue's paper.
func printed(t *testing.T, id printer.JobID) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(cups.Output, fmt.Sprintf("job-%d.pdf", id)))
	if err != nil {
		t.Fatalf("job %d printed nothing: %v", id, err)
	}
	return data
}

// spoolEmpty checks that CUPS kept neither a document nor a record of any
// job: no file in its spool, no job in its history.
func spoolEmpty(t *testing.T) {
	t.Helper()
	if files, jobs := cups.SpoolFiles(), cups.Jobs(); len(files)+len(jobs) > 0 {
		t.Errorf("CUPS kept jobs: spool %v, history %v", files, jobs)
	}
}

// Every kind of receipt in both languages goes through CUPS to the paper: the
// paper says what it must and none of the visitor's full numbers, and CUPS
// keeps nothing afterwards.
func TestIntegrationEveryReceiptPrints(t *testing.T) {
	p := printer.New("receipts")
	for _, v := range rt.Visits() {
		for _, lang := range translations.Languages {
			paper := receipt.Paper80
			if lang == "es" {
				paper = receipt.Paper58
			}
			pdf, err := v.Receipt.PDF(lang, paper)
			if err != nil {
				t.Fatal(err)
			}
			id, err := p.PrintAndWait(context.Background(), pdf)
			if err != nil {
				t.Fatalf("%s/%s: %v", v.Name, lang, err)
			}
			text := rt.Flat(rt.PDFText(t, printed(t, id)))
			for _, phrase := range v.Says[lang] {
				if !strings.Contains(text, phrase) {
					t.Errorf("%s/%s: the paper lacks %q", v.Name, lang, phrase)
				}
			}
			for _, secret := range rt.Secrets() {
				if strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(secret, " ", "")) {
					t.Errorf("%s/%s: the paper shows %q", v.Name, lang, secret)
				}
			}
		}
	}
	spoolEmpty(t)
	if st := p.State(context.Background()); st.Problem != nil || st.Summary() != "ready" || st.Printer != "idle" {
		t.Errorf("state after printing: %+v", st)
	}
}

func TestIntegrationStaffTestPagePrints(t *testing.T) {
	page, err := receipt.TestPage(config.MedfordWater(), "lobby-1", time.Now(), "es", receipt.Paper80)
	if err != nil {
		t.Fatal(err)
	}
	id, err := printer.New("receipts").PrintAndWait(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	if text := rt.Flat(rt.PDFText(t, printed(t, id))); !strings.Contains(text, "Página de prueba de la impresora") {
		t.Errorf("test page printed as:\n%s", text)
	}
}

// A printer whose driver reports paper out (or a jam) fails the job with that
// kind, well within the deadline; the state shows the reason for the staff,
// and the held job is purged, so it cannot print for the next visitor once
// paper is loaded.
func TestIntegrationPaperOutAndJam(t *testing.T) {
	for queue, want := range map[string]printer.Kind{"paperout": printer.PaperOut, "jammed": printer.Jammed} {
		reason := map[string]string{"paperout": "media-empty-error", "jammed": "media-jam-error"}[queue]
		p := printer.New(queue)
		const deadline = 10 * time.Second
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		start := time.Now()
		_, err := p.PrintAndWait(ctx, []byte("%PDF-1.4\n"))
		cancel()
		took := time.Since(start)
		if !errors.Is(err, want) {
			t.Errorf("%s: error %v, want %s", queue, err, want)
		}
		if took > deadline/2 {
			t.Errorf("%s: took %v to report a failure the driver gave at once", queue, took)
		}
		st := p.State(context.Background())
		if !errors.Is(st.Problem, want) || st.Summary() != string(want) || !slices.Contains(st.Reasons, reason) {
			t.Errorf("%s: state %+v", queue, st)
		}
		t.Logf("%s: %v after %v; staff status %q %v", queue, err, took.Round(time.Millisecond), st.Summary(), st.Reasons)
	}
	spoolEmpty(t)

	// Paper loaded: the stale reason does not stop the next receipt, whose
	// driver clears it, and the staff status is ready again.
	if err := cups.Admin("lpadmin", "-p", "paperout", "-v", "receiptfile:"+cups.Output); err != nil {
		t.Fatal(err)
	}
	p := printer.New("paperout")
	if _, err := p.PrintAndWait(context.Background(), []byte("%PDF-1.4\n")); err != nil {
		t.Errorf("after loading paper: %v", err)
	}
	if st := p.State(context.Background()); st.Summary() != "ready" {
		t.Errorf("after loading paper: state %+v", st)
	}
}

// A stopped or rejecting queue fails at once with Offline and queues nothing;
// started again, it prints.
func TestIntegrationOfflineQueue(t *testing.T) {
	p := printer.New("switched")
	for _, step := range []struct{ stop, start []string }{
		{[]string{"cupsdisable", "-r", "printer switched off", "switched"}, []string{"cupsenable", "switched"}},
		{[]string{"cupsreject", "switched"}, []string{"cupsaccept", "switched"}},
	} {
		if err := cups.Admin(step.stop...); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		start := time.Now()
		_, err := p.PrintAndWait(ctx, []byte("%PDF-1.4\n"))
		cancel()
		if !errors.Is(err, printer.Offline) || time.Since(start) > 2*time.Second {
			t.Errorf("%s: error %v after %v, want offline at once", step.stop[0], err, time.Since(start))
		}
		if st := p.State(context.Background()); st.Summary() != "offline" {
			t.Errorf("%s: state %+v", step.stop[0], st)
		}
		spoolEmpty(t)
		if err := cups.Admin(step.start...); err != nil {
			t.Fatal(err)
		}
		if _, err := p.PrintAndWait(context.Background(), []byte("%PDF-1.4\n")); err != nil {
			t.Errorf("after %s: %v", step.start[0], err)
		}
	}
}

// A job that never finishes ends at the deadline with TimedOut and is purged;
// PurgeMine clears a job left in flight (a crash, a reset mid-print).
func TestIntegrationDeadlineAndPurge(t *testing.T) {
	p := printer.New("stuck")
	const deadline = 1500 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	start := time.Now()
	_, err := p.PrintAndWait(ctx, []byte("%PDF-1.4\n"))
	cancel()
	took := time.Since(start)
	if !errors.Is(err, printer.TimedOut) || took > deadline+time.Second {
		t.Errorf("error %v after %v, want timed-out at %v", err, took, deadline)
	}
	spoolEmpty(t)

	for range 2 {
		if _, err := p.Print(context.Background(), []byte("%PDF-1.4\n")); err != nil {
			t.Fatal(err)
		}
	}
	if len(cups.SpoolFiles()) == 0 {
		t.Fatal("the jobs were not queued")
	}
	if err := p.PurgeMine(context.Background()); err != nil {
		t.Fatal(err)
	}
	spoolEmpty(t)
}

func TestIntegrationMissingQueue(t *testing.T) {
	p := printer.New("no-such-queue")
	if _, err := p.PrintAndWait(context.Background(), []byte("%PDF-1.4\n")); !errors.Is(err, printer.NoQueue) {
		t.Errorf("error %v, want no-queue", err)
	}
	if st := p.State(context.Background()); st.Summary() != "no-queue" {
		t.Errorf("state %+v", st)
	}
}

// BenchmarkReceiptToJobDone: from the tap's call (build the receipt's PDF) to
// the job done on the test queue and purged.
func BenchmarkReceiptToJobDone(b *testing.B) {
	p := printer.New("receipts")
	v := rt.Visits()[len(rt.Visits())-1]
	for b.Loop() {
		pdf, err := v.Receipt.PDF("es", receipt.Paper80)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.PrintAndWait(context.Background(), pdf); err != nil {
			b.Fatal(err)
		}
	}
}
