// Command report turns the figures of one `make bench` run (bench/run.sh) into
// medians, ranges and ratios, prints them, and writes docs/PERFORMANCE.md. Every
// figure comes from the files of that run; what the file holds below its
// hand-written marker (findings, profiles, changes) is kept as it is.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// handWritten starts the part of the document the report never rewrites.
const handWritten = "<!-- Hand-written below: make bench keeps everything after this line. -->"

// program is one column of the tables.
type program struct{ id, name string }

// programs in the order of the tables; the first is the kiosk. The kiosk of
// BENCH_BASELINE comes last when it ran.
var programs = []program{
	{"kiosk", "kiosk (`lobbykiosk demo --fullscreen`)"},
	{"chromium", "Chromium `--kiosk` (bench/welcome.html)"},
	{"hello", "hello-world Fyne (bench/hello)"},
}

// run is one line of results.tsv (bench/measure.sh).
type run struct {
	round                         int
	program                       string
	launchMS, firstMS, rss, pss   float64
	procs, cpu, pollMS, pollMaxMS float64
	captureUS                     float64
}

func main() {
	results := flag.String("results", "", "results.tsv of bench/run.sh")
	gobench := flag.String("gobench", "", "output of the Go benchmarks")
	machine := flag.String("machine", "", "machine.tsv of bench/run.sh")
	reliability := flag.String("reliability", "docs/reliability.md", "where the soak's table is")
	out := flag.String("out", "docs/PERFORMANCE.md", "the document to write")
	swipes := flag.String("swipes", "", "swipes.tsv of bench/run.sh (bench/swipe.sh)")
	gobenchBefore := flag.String("gobench-before", "", "output of the Go benchmarks in BENCH_BASELINE's checkout, in rounds")
	flag.Parse()
	if err := report(*results, *gobench, *machine, *reliability, *out, *swipes, os.Stdout, *gobenchBefore); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// report writes outPath from the run's files; gobenchBeforePath, when not empty, holds
// the baseline's Go benchmarks, compared with gobenchPath's.
func report(resultsPath, gobenchPath, machinePath, reliabilityPath, outPath, swipesPath string, stdout io.Writer, gobenchBeforePath string) error {
	runs, err := readRuns(resultsPath)
	if err != nil {
		return err
	}
	swipes, err := readSwipes(swipesPath)
	if err != nil {
		return err
	}
	benches, err := readGoBench(gobenchPath)
	if err != nil {
		return err
	}
	m, err := readMachine(machinePath)
	if err != nil {
		return err
	}
	var before goBenches
	if gobenchBeforePath != "" {
		if before, err = readGoBenchRounds(gobenchBeforePath); err != nil {
			return err
		}
	}
	soak := readSoak(reliabilityPath)
	if slices.ContainsFunc(runs, func(r run) bool { return r.program == "before" }) {
		programs = append(programs, program{"before", baselineName(m)})
	}
	kept := ""
	if old, err := os.ReadFile(outPath); err == nil {
		if i := strings.Index(string(old), handWritten); i >= 0 {
			kept = string(old[i+len(handWritten):])
		}
	}
	var doc strings.Builder
	targets := writeTargets(&doc, runs, benches, soak, m, swipes)
	writeSideBySide(&doc, runs)
	writeSwipes(&doc, swipes)
	writeGoBenchmarks(&doc, benches)
	if gobenchBeforePath != "" {
		compared, err := writeBeforeAfter(&doc, before, benches, m)
		if err != nil {
			return err
		}
		targets += compared
	}
	writeMethod(&doc, runs, m)
	doc.WriteString("\n" + handWritten)
	if kept == "" {
		kept = "\n\n## Findings and changes\n\n(None yet.)\n"
	}
	doc.WriteString(kept)
	fmt.Fprint(stdout, targets)
	return os.WriteFile(outPath, []byte(header(m)+doc.String()), 0o644)
}

func header(m map[string]string) string {
	return fmt.Sprintf(`# Performance

The kiosk against what a utility would run instead (Chromium `+"`--kiosk`"+` on a static copy of
the welcome screen) and against the toolkit's floor (a hello-world Fyne window), measured
side by side in one run: every figure and ratio below comes from the run of %s,
written by `+"`make bench`"+` (bench/run.sh; %s rounds, see Method). Only the section after the
hand-written marker at the end is not rewritten by it.

1-minute load before the run: %s (load averages 1, 5, 15 min; the run waited %s s for the
machine to quieten); after the side-by-side runs: %s; after the Go benchmarks: %s.
`, m["date"], m["runs"], m["load_before"], m["waited_s"], m["load_after_x"], m["load_after"])
}

func readRuns(path string) ([]run, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	var runs []run
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 11 {
			return nil, fmt.Errorf("%s: want 11 fields, got %q", path, line)
		}
		v := make([]float64, 9)
		for i := range v {
			if v[i], err = strconv.ParseFloat(f[i+2], 64); err != nil {
				return nil, fmt.Errorf("%s: %q: %w", path, line, err)
			}
		}
		round, err := strconv.Atoi(f[1])
		if err != nil {
			return nil, fmt.Errorf("%s: %q: %w", path, line, err)
		}
		runs = append(runs, run{program: f[0], round: round, launchMS: v[0], firstMS: v[1], rss: v[2], pss: v[3],
			procs: v[4], cpu: v[5], pollMS: v[6], pollMaxMS: v[7], captureUS: v[8]})
	}
	return runs, nil
}

func readMachine(path string) (map[string]string, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, line := range lines {
		if k, v, ok := strings.Cut(line, "\t"); ok {
			m[k] = v
		}
	}
	return m, nil
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if line := strings.TrimSpace(s.Text()); line != "" {
			lines = append(lines, line)
		}
	}
	return lines, s.Err()
}

// stats of one figure of one program.
type stats struct{ median, min, max float64 }

func statsOf(runs []run, program string, figure func(run) float64) stats {
	var v []float64
	for _, r := range runs {
		if r.program == program {
			v = append(v, figure(r))
		}
	}
	if len(v) == 0 {
		return stats{}
	}
	return spread(v)
}

// spread is the median and range of v (not empty).
func spread(v []float64) stats {
	v = slices.Sorted(slices.Values(v))
	med := v[len(v)/2]
	if len(v)%2 == 0 {
		med = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return stats{median: med, min: v[0], max: v[len(v)-1]}
}

// ratio is the kiosk's median over program's.
func ratio(runs []run, program string, figure func(run) float64) float64 {
	return statsOf(runs, "kiosk", figure).median / statsOf(runs, program, figure).median
}

var (
	launch    = func(r run) float64 { return r.launchMS }
	firstSeen = func(r run) float64 { return r.firstMS }
	pssMiB    = func(r run) float64 { return r.pss / 1024 }
	rssMiB    = func(r run) float64 { return r.rss / 1024 }
	idleCPU   = func(r run) float64 { return r.cpu }
	procs     = func(r run) float64 { return r.procs }
)

// target is one row of the targets table.
type target struct {
	figure, want, measured string
	met                    *bool // nil: not measured
}

func verdict(t target) string {
	switch {
	case t.met == nil:
		return "pending"
	case *t.met:
		return "met"
	}
	return "**missed** (see Findings)"
}

func check(v, limit float64) *bool { ok := v <= limit; return &ok }

func writeTargets(doc *strings.Builder, runs []run, b goBenches, soak soakFigures, m map[string]string, swipes []swipe) string {
	var rows []target
	for _, c := range []struct {
		figure  string
		get     func(run) float64
		program string
		limit   float64
	}{
		{"launch → finished welcome screen", launch, "chromium", 0.45},
		{"launch → finished welcome screen", launch, "hello", 1.15},
		{"settled memory (PSS, all processes)", pssMiB, "chromium", 0.35},
		{"settled memory (PSS, all processes)", pssMiB, "hello", 1.3},
	} {
		r := ratio(runs, c.program, c.get)
		rows = append(rows, target{c.figure, fmt.Sprintf("≤ %.2f× %s", c.limit, c.program),
			fmt.Sprintf("%.3f× (medians)", r), check(r, c.limit)})
	}
	worstTap, worstName := 0.0, ""
	for _, name := range b.names {
		if strings.HasPrefix(name, "BenchmarkTapToNextScreen/") && b.metrics[name]["p95-ms"] >= worstTap {
			worstTap, worstName = b.metrics[name]["p95-ms"], strings.TrimPrefix(name, "BenchmarkTapToNextScreen/")
		}
	}
	if row, ok := swipeTarget(swipes); ok {
		rows = append(rows, row)
	}
	rows = append(rows, target{"tap → next screen laid out", "p95 ≤ 16 ms",
		fmt.Sprintf("worst p95 %.2f ms (%s)", worstTap, worstName), check(worstTap, 16)})
	if p99, ok := b.metrics["BenchmarkResetLatency"]["p99-ms"]; ok {
		rows = append(rows, target{"reset", "p99 ≤ 50 ms", fmt.Sprintf("p99 %.2f ms", p99), check(p99, 50)})
	}
	for _, s := range []struct {
		name, figure string
		limit        float64
	}{
		{"BenchmarkSpeechKeyToSpeak", "speech: key → its utterance sent", 50},
		{"BenchmarkSpeechArrival", "speech: tap → the screen's first utterance", 100},
	} {
		if p95, ok := b.metrics[s.name]["p95-ms"]; ok {
			rows = append(rows, target{s.figure, fmt.Sprintf("p95 ≤ %.0f ms", s.limit), fmt.Sprintf("p95 %.2f ms", p95), check(p95, s.limit)})
		}
	}
	if r, ok := b.metrics["BenchmarkCallOverhead"]["ratio-p50"]; ok {
		rows = append(rows, target{"client call overhead", "≤ 1.3× plain net/http",
			fmt.Sprintf("%.2f× (medians; means %.2f×)", r, b.metrics["BenchmarkCallOverhead"]["ratio-mean"]), check(r, 1.3)})
	}
	soakRow := target{"memory after 1000 visits", "≤ 5 % above after 100", soak.note, nil}
	if soak.found {
		soakRow.met = check(soak.growth, 0.05)
	}
	rows = append(rows, soakRow)

	doc.WriteString("\n## Targets\n\n| figure | target | measured | verdict |\n|---|---|---|---|\n")
	var out strings.Builder
	for _, t := range rows {
		fmt.Fprintf(doc, "| %s | %s | %s | %s |\n", t.figure, t.want, t.measured, verdict(t))
		fmt.Fprintf(&out, "%-38s %-24s %-44s %s\n", t.figure, t.want, t.measured, strings.ReplaceAll(verdict(t), "**", ""))
	}
	fmt.Fprintf(doc, "\nCommand: `make bench` (here with BENCH_RUNS=%s, BENCH_POLL_MS=%s). Machine: %s, %s cores, %s, %s.\n",
		m["runs"], m["poll_ms"], m["cpu"], m["cores"], m["memory"], m["os"])
	return out.String()
}

func writeSideBySide(doc *strings.Builder, runs []run) {
	doc.WriteString("\n## Side by side under Xvfb\n\nMedian, and min–max in brackets, over the measured runs of each program.\n\n")
	doc.WriteString("| figure |")
	for _, p := range programs {
		doc.WriteString(" " + p.name + " |")
	}
	doc.WriteString(" kiosk ÷ Chromium | kiosk ÷ hello |")
	if len(programs) > 3 {
		doc.WriteString(" kiosk ÷ " + programs[3].name + " |")
	}
	doc.WriteString("\n|---|" + strings.Repeat("---:|", 2*len(programs)-1) + "\n")
	for _, row := range []struct {
		name   string
		get    func(run) float64
		format string
	}{
		{"launch → finished welcome screen (ms)", launch, "%.0f"},
		{"launch → first pixels of any kind (ms)", firstSeen, "%.0f"},
		{"PSS after settling (MiB)", pssMiB, "%.1f"},
		{"RSS after settling (MiB)", rssMiB, "%.1f"},
		{"processes", procs, "%.0f"},
		{"CPU while idle (% of one core)", idleCPU, "%.2f"},
	} {
		fmt.Fprintf(doc, "| %s |", row.name)
		for _, p := range programs {
			s := statsOf(runs, p.id, row.get)
			f := row.format
			fmt.Fprintf(doc, " "+f+" ("+f+"–"+f+") |", s.median, s.min, s.max)
		}
		fmt.Fprintf(doc, " %s | %s |", ratioText(runs, "chromium", row.get), ratioText(runs, "hello", row.get))
		if len(programs) > 3 {
			fmt.Fprintf(doc, " %s |", ratioText(runs, "before", row.get))
		}
		doc.WriteString("\n")
	}
	doc.WriteString("\nEach run, in the order run:\n\n| program | round | finished screen (ms) | first pixels (ms) | PSS (MiB) | RSS (MiB) | processes | idle CPU (%) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range runs {
		fmt.Fprintf(doc, "| %s | %d | %.0f | %.0f | %.1f | %.1f | %.0f | %.2f |\n", r.program, r.round,
			r.launchMS, r.firstMS, r.pss/1024, r.rss/1024, r.procs, r.cpu)
	}
}

func ratioText(runs []run, program string, get func(run) float64) string {
	den := statsOf(runs, program, get).median
	if den == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", statsOf(runs, "kiosk", get).median/den)
}

func writeMethod(doc *strings.Builder, runs []run, m map[string]string) {
	var polls, pollMax, captures []float64
	for _, r := range runs {
		polls = append(polls, r.pollMS)
		pollMax = append(pollMax, r.pollMaxMS)
		captures = append(captures, r.captureUS)
	}
	slices.Sort(polls)
	slices.Sort(captures)
	fmt.Fprintf(doc, `
## Method

- **Machine**: %s; %s cores, %s; %s, kernel %s. Go %s, Fyne %s, %s, Xvfb %s (1280×800×24,
  no window manager), Mesa %s (llvmpipe: OpenGL on the CPU). Kiosk %s; release binary
  %s bytes, hello-world %s bytes.
- **Builds**: as `+"`fyne package --os linux --release`"+` builds (.ci/package.sh): `+"`-trimpath`"+`,
  `+"`-ldflags -s -w`"+`, tags `+"`release,migrated_fynedo`"+`, cgo with -O3 and hardening flags.
  The release's own tags (the Makefile's BUILD_TAGS), in the kiosk and hello-world alike: %s.
  Extra tags for the kiosk alone (BENCH_KIOSK_TAGS): %s.%s
- **Runs**: one warm-up run of each program (not counted), then %s rounds; each round runs
  the three, the order rotated every round, so drift hits each alike. Each program gets a
  fresh session (setsid), the same private HOME and runtime directory and no D-Bus
  session. Chromium: `+"`--kiosk --no-sandbox --disable-gpu --disable-quic --no-first-run\n  --disable-background-networking --disable-component-update --disable-sync`"+`, one
  user-data-dir for the whole run (made by the warm-up, as a kiosk keeps its profile).
- **Launch → finished screen**: bench/xpoll.c reads the whole X screen (MIT-SHM) every %s ms
  from outside the program and hashes it, from before the launch until the screen has
  settled (%s). The figure is the time from the launch to the capture
  from which the screen equals the settled screen and stays so; a capture's time is when
  it had returned. Poll interval measured: median %.1f ms, longest gap %.1f ms over all
  runs; a capture took %.0f µs (median), hashing about as long again.
- **Memory**: after settling, RSS and PSS from /proc/PID/smaps_rollup, summed over every
  process of the program's session (PSS counts shared pages once, which is fair to a
  browser's many processes).
- **Idle CPU**: user + system time of the same processes over %s s of idling, without the
  screen watcher (the X server's own time is not counted for any of them).
- **Go benchmarks**: the test driver (no X, no GPU): what the kiosk's own code costs per
  visitor action, %s (the client: %s); percentiles from per-iteration
  timings. The client's ratio comes from one benchmark alternating both calls.
`, m["cpu"], m["cores"], m["memory"], m["os"], m["kernel"], m["go"], m["fyne"], m["chromium"], m["xvfb"], m["mesa"],
		m["kiosk_version"], m["kiosk_binary"], m["hello_binary"], orNone(m["build_tags"]), orNone(m["kiosk_tags"]), baselineTags(m), m["runs"], m["poll_ms"], m["settle"],
		polls[len(polls)/2], slices.Max(pollMax), captures[len(captures)/2], m["idle_s"],
		goBenchtime(m), m["client_benchtime"])
}

// baselineTags names the tags the "before" kiosk was built with, when there was one.
func baselineTags(m map[string]string) string {
	if m["baseline"] == "" {
		return ""
	}
	return fmt.Sprintf(" The %s had tags: %s.", baselineName(m), orNone(m["baseline_tags"]))
}

// baselineName is how the tables name the BENCH_BASELINE kiosk: its BENCH_BASELINE_LABEL
// with the commit, or "kiosk before (COMMIT)".
func baselineName(m map[string]string) string {
	if label := m["baseline_label"]; label != "" {
		return fmt.Sprintf("%s (%s)", label, m["baseline"])
	}
	return fmt.Sprintf("kiosk before (%s)", m["baseline"])
}

// goBenchtime says how the ./ui benchmarks ran: once, or in rounds beside the baseline's.
func goBenchtime(m map[string]string) string {
	if m["go_rounds"] == "" || m["go_rounds"] == "1" {
		return fmt.Sprintf("`-benchtime %s`", m["go_benchtime"])
	}
	return fmt.Sprintf("`-benchtime %s` in %s rounds beside the baseline's (speech mode and the soak: `-benchtime %s`, once)",
		m["go_round_benchtime"], m["go_rounds"], m["go_benchtime"])
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return "`" + s + "`"
}
