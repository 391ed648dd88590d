package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The hand-written findings of docs/PERFORMANCE.md survive a run of the report
// byte for byte, and the marker stays the one line between the two parts.
func TestReportKeepsTheHandWrittenSection(t *testing.T) {
	published, err := os.ReadFile("../../docs/PERFORMANCE.md")
	if err != nil {
		t.Fatal(err)
	}
	_, findings, ok := strings.Cut(string(published), handWritten)
	if !ok {
		t.Fatalf("docs/PERFORMANCE.md lacks the marker %q", handWritten)
	}
	write := tempWriter(t)
	results := write("results.tsv", "kiosk\t1\t580\t470\t150000\t116000\t1\t2.0\t20\t150\t440\n"+
		"chromium\t1\t1740\t1090\t938000\t384700\t9\t0.7\t20\t150\t440\n"+
		"hello\t1\t480\t410\t128000\t94600\t1\t1.8\t20\t150\t440\n")
	gobench := write("gobench.txt", "BenchmarkResetLatency-2   200   1.74 p50-ms   3.44 p95-ms   4.29 p99-ms   10.2 max-ms\n")
	machine := write("machine.tsv", "date\t2026-11-25 02:47 UTC\nruns\t1\n")
	swipes := write("swipes.tsv", "kiosk\t1\t20\t16.7\t17.2\t33.4\t1\t11.5\n")
	out := write("PERFORMANCE.md", string(published))
	for range 2 { // a second run reads back what the first wrote
		if err := report(results, gobench, machine, "../../docs/reliability.md", out, swipes, io.Discard, ""); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(got), handWritten) != 1 {
		t.Fatalf("the report wrote the marker %d times", strings.Count(string(got), handWritten))
	}
	if !strings.Contains(string(got), "| swipe on the FAQ: time between frames | p95 ≤ 17.7 ms (every 60 Hz tick) | p95 17.2 ms, 20 frames a swipe (medians of 1) | met |") {
		t.Errorf("the report lacks the swipe's target row")
	}
	if !strings.Contains(string(got), "| 11.5 ms | 1 of 1 |") {
		t.Errorf("the report lacks the swipe's CPU per frame")
	}
	if _, kept, _ := strings.Cut(string(got), handWritten); kept != findings {
		t.Errorf("the report changed the hand-written section:\n%s", kept)
	}
}

// With a baseline, each benchmark of the compared package gets its medians over the
// rounds before and after and their ratio; one the baseline lacks is missing, and
// those not run in rounds (another package's, or run once) stay out of it.
func TestBeforeAfterTable(t *testing.T) {
	write := tempWriter(t)
	round := func(reset, p95 string) string {
		return "pkg: example.org/kiosk/ui\n" +
			"BenchmarkResetLatency-2   50   1.0 ns/op   " + reset + " p50-ms   " + p95 + " p95-ms   1 p99-ms   2 max-ms\n" +
			"BenchmarkReset-2   50   2000000 ns/op   3 worst-ms\n"
	}
	after := write("after.txt", round("1.0", "2.0")+round("3.0", "4.0")+round("2.0", "3.0")+
		"pkg: example.org/kiosk/ui\nBenchmarkTapToNextScreen/new_tap-2   50   1 ns/op   0.5 p50-ms   0.7 p95-ms\n"+
		"BenchmarkSoakVisit-2   200   1 ns/op   20 p50-ms   40 p95-ms\n"+
		"pkg: example.org/kiosk/client\nBenchmarkCallOverhead-2   2000   1 ns/op   1.2 ratio-p50\n")
	before := write("before.txt", round("2.0", "4.0")+round("4.0", "8.0")+round("6.0", "6.0")+
		"pkg: example.org/kiosk/ui\nBenchmarkGone-2   50   1 ns/op   9 p50-ms   9 p95-ms\n")
	a, err := readGoBench(after)
	if err != nil {
		t.Fatal(err)
	}
	b, err := readGoBenchRounds(before)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.metrics["BenchmarkResetLatency"]["p50-ms"]; got != 2 {
		t.Errorf("ResetLatency's p50 over rounds = %v, want the median 2", got)
	}
	var doc strings.Builder
	m := map[string]string{"go_compared_pkg": "example.org/kiosk/ui", "go_compared": "^Benchmark(ResetLatency|Reset|TapToNextScreen|Gone)$", "baseline": "abc1234", "go_rounds": "3", "go_round_benchtime": "50x"}
	plain, err := writeBeforeAfter(&doc, b, a, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| ResetLatency | 4.00 (2.00–6.00) | 2.00 (1.00–3.00) | 0.50× | 6.00 (4.00–8.00) | 3.00 (2.00–4.00) | 0.50× |",
		"| Reset | 2.00 (2.00–2.00) | 2.00 (2.00–2.00) | 1.00× | – | – | – |",
		"| TapToNextScreen/new_tap | missing | 0.50 (0.50–0.50) | – | missing | 0.70 (0.70–0.70) | – |",
		"| Gone | 9.00 (9.00–9.00) | missing | – | 9.00 (9.00–9.00) | missing | – |",
	} {
		if !strings.Contains(doc.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, doc.String())
		}
	}
	for _, once := range []string{"CallOverhead", "SoakVisit"} {
		if strings.Contains(doc.String(), once) || strings.Contains(plain, once) {
			t.Errorf("%s, not run in rounds, is in the comparison:\n%s", once, doc.String())
		}
	}
}

// tempWriter gives a function that writes a file in a temporary directory of t's
// and returns its path.
func tempWriter(t *testing.T) func(name, text string) string {
	dir := t.TempDir()
	return func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
}
