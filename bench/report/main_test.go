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
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
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
