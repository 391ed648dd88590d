package main

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// goBenches are the results of `go test -bench`, by benchmark name without the
// GOMAXPROCS suffix: unit → value (ns/op, p95-ms, ...), in the order printed. A
// benchmark run in several rounds (BENCH_BASELINE) is summed up over them: the
// median of each figure, and the worst of the worst iterations.
type goBenches struct {
	names   []string
	metrics map[string]map[string]float64
	pkg     map[string]string               // the package each ran in
	rounds  map[string][]map[string]float64 // each round's figures, in the order run
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(-\d+)?\s+(\d+)\s+(.*)$`)

// worstUnits are summed up over rounds by their maximum, not their median.
var worstUnits = map[string]bool{"max-ms": true, "worst-ms": true}

func readGoBench(path string) (goBenches, error) {
	b, err := readGoBenchRounds(path)
	if err == nil && len(b.names) == 0 {
		err = fmt.Errorf("%s: no benchmark results", path)
	}
	return b, err
}

// readGoBenchRounds reads every round of path's results, and none is no error: a
// baseline may lack the benchmarks.
func readGoBenchRounds(path string) (goBenches, error) {
	b := goBenches{metrics: map[string]map[string]float64{}, pkg: map[string]string{},
		rounds: map[string][]map[string]float64{}}
	lines, err := readLines(path)
	if err != nil {
		return b, err
	}
	pkg := ""
	for _, line := range lines {
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = p
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		fields := strings.Fields(m[4])
		n, _ := strconv.Atoi(m[3])
		metrics := map[string]float64{"iterations": float64(n)}
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return b, fmt.Errorf("%s: %q: %w", path, line, err)
			}
			metrics[fields[i+1]] = v
		}
		if _, seen := b.rounds[m[1]]; !seen {
			b.names = append(b.names, m[1])
		}
		b.rounds[m[1]] = append(b.rounds[m[1]], metrics)
		b.pkg[m[1]] = pkg
	}
	for name, rounds := range b.rounds {
		sum := map[string]float64{}
		for unit := range rounds[0] {
			var v []float64
			for _, r := range rounds {
				if x, ok := r[unit]; ok {
					v = append(v, x)
				}
			}
			if worstUnits[unit] {
				sum[unit] = slices.Max(v)
			} else {
				sum[unit] = spread(v).median
			}
		}
		b.metrics[name] = sum
	}
	return b, nil
}

func writeGoBenchmarks(doc *strings.Builder, b goBenches) {
	doc.WriteString("\n## Go benchmarks (test driver)\n\n")
	doc.WriteString("Building and laying out each screen (the visitor signed in, so every screen has its data), a tap\n")
	doc.WriteString("to the next screen, a full reset from the middle of the AutoPay form, a language switch there;\n")
	doc.WriteString("all on the kiosk as shipped (on-screen keyboard on). Milliseconds per iteration.\n")
	if rounds := maxRounds(b); rounds > 1 {
		fmt.Fprintf(doc, "Run in %d rounds (beside the baseline's, below): the median over the rounds of each percentile, and the worst of all.\n", rounds)
	}
	doc.WriteString("\n")
	doc.WriteString("| benchmark | iterations timed | p50 | p95 | p99 | worst |\n|---|---:|---:|---:|---:|---:|\n")
	for _, name := range b.names {
		m := b.metrics[name]
		if _, ok := m["p95-ms"]; !ok {
			continue
		}
		fmt.Fprintf(doc, "| %s | %s | %.2f | %.2f | %.2f | %.2f |\n", strings.TrimPrefix(name, "Benchmark"),
			iterations(b, name), m["p50-ms"], m["p95-ms"], m["p99-ms"], m["max-ms"])
	}
	if m, ok := b.metrics["BenchmarkCallOverhead"]; ok {
		fmt.Fprintf(doc, "\nOne Find My Account lookup against the simulator over loopback, through the client and with\n"+
			"plain net/http doing the same checks, alternated call by call: client %.1f µs, net/http %.1f µs\n"+
			"(medians), ratio %.2f× (means: %.2f×).\n", m["client-p50-us"], m["nethttp-p50-us"], m["ratio-p50"], m["ratio-mean"])
	}
	for _, name := range b.names {
		if strings.HasPrefix(name, "BenchmarkSoakVisit") {
			m := b.metrics[name]
			fmt.Fprintf(doc, "\nThe soak's visits (its own driver, every journey in turn), per visit: %.1f ms, %.0f KiB allocated, %.0f allocations.\n",
				m["ns/op"]/1e6, m["B/op"]/1024, m["allocs/op"])
		}
	}
}

// iterations is the iteration count the benchmark lines printed, summed over rounds.
func iterations(b goBenches, name string) string {
	n := 0
	for _, r := range b.rounds[name] {
		n += int(r["iterations"])
	}
	if n == 0 {
		return "–"
	}
	return strconv.Itoa(n)
}

// maxRounds is how many rounds the benchmarks of b ran in.
func maxRounds(b goBenches) int {
	n := 0
	for _, r := range b.rounds {
		n = max(n, len(r))
	}
	return n
}

// soakFigures is what docs/reliability.md's Soak section says about memory.
type soakFigures struct {
	found  bool
	growth float64 // the larger of live heap and heap in use after 1000 visits over after 100, minus 1
	note   string
}

var soakRow = regexp.MustCompile(`^\|\s*(\d+)\s*\|\s*([\d.]+)\s*MiB\s*\|\s*([\d.]+)\s*MiB\s*\|`)

// readSoak finds the rows for visits 100 and 1000 of the soak's table (live heap,
// heap in use, as ui/soak_test.go logs it) in the Soak section.
func readSoak(path string) soakFigures {
	raw, err := os.ReadFile(path)
	if err != nil {
		return soakFigures{note: fmt.Sprintf("pending: %s not readable", path)}
	}
	section := ""
	if _, after, ok := strings.Cut(string(raw), "\n## Soak"); ok {
		section, _, _ = strings.Cut(after, "\n## ")
	}
	heap := map[int][2]float64{}
	for _, line := range strings.Split(section, "\n") {
		m := soakRow.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		visit, _ := strconv.Atoi(m[1])
		live, _ := strconv.ParseFloat(m[2], 64)
		inUse, _ := strconv.ParseFloat(m[3], 64)
		heap[visit] = [2]float64{live, inUse}
	}
	at100, ok100 := heap[100]
	at1000, ok1000 := heap[1000]
	if !ok100 || !ok1000 {
		return soakFigures{note: "pending: the Soak section of docs/reliability.md has no rows for visits 100 and 1000 yet"}
	}
	live, inUse := at1000[0]/at100[0]-1, at1000[1]/at100[1]-1
	return soakFigures{found: true, growth: max(live, inUse), note: fmt.Sprintf(
		"live heap %+.2f %% (%.2f → %.2f MiB), heap in use %+.1f %% (%.2f → %.2f MiB): docs/reliability.md, Soak",
		100*live, at100[0], at1000[0], 100*inUse, at100[1], at1000[1])}
}

// beforeAfter is one figure of one benchmark in both trees: the median over the
// rounds and its range, and whether the tree had it at all.
type beforeAfter struct {
	before, after       stats
	hasBefore, hasAfter bool
}

// figureOf gives a round's figure for the comparison: the per-iteration median
// (p50-ms) when the benchmark reports percentiles, else (unit "p95-ms" asked of
// one without) nothing; the mean (ns/op) stands in for the median of a
// benchmark that reports no percentiles, such as Reset.
func figureOf(round map[string]float64, unit string) (float64, bool) {
	if v, ok := round[unit]; ok {
		return v, true
	}
	if unit == "p50-ms" {
		if v, ok := round["ns/op"]; ok {
			return v / 1e6, true
		}
	}
	return 0, false
}

func compare(before, after goBenches, name, unit string) beforeAfter {
	var c beforeAfter
	collect := func(b goBenches) (stats, bool) {
		var v []float64
		for _, r := range b.rounds[name] {
			if x, ok := figureOf(r, unit); ok {
				v = append(v, x)
			}
		}
		if len(v) == 0 {
			return stats{}, false
		}
		return spread(v), true
	}
	c.before, c.hasBefore = collect(before)
	c.after, c.hasAfter = collect(after)
	return c
}

// cell is a figure's median and range, or why there is none.
func (c beforeAfter) cell(s stats, has bool, tree string) string {
	switch {
	case has:
		return fmt.Sprintf("%.2f (%.2f–%.2f)", s.median, s.min, s.max)
	case tree == "before" && !c.hasAfter || tree == "after" && !c.hasBefore:
		return "–" // the figure does not exist for this benchmark
	}
	return "missing"
}

func (c beforeAfter) ratio() string {
	if !c.hasBefore || !c.hasAfter || c.before.median == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", c.after.median/c.before.median)
}

// comparedNames are the benchmarks of pkg whose top-level name matches the
// pattern the rounds ran (-bench's, which matches each level of a name on its own)
// in either tree: the current tree's in its order, then those only the baseline has.
func comparedNames(before, after goBenches, pkg string, pattern *regexp.Regexp) []string {
	var names []string
	for _, b := range []goBenches{after, before} {
		for _, name := range b.names {
			top, _, _ := strings.Cut(name, "/")
			if b.pkg[name] == pkg && pattern.MatchString(top) && !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	}
	return names
}

// writeBeforeAfter compares the Go benchmarks of BENCH_BASELINE's checkout with
// the current tree's, run in alternating rounds (bench/run.sh, step 6), and
// returns the same table in plain text for the run's output.
func writeBeforeAfter(doc *strings.Builder, before, after goBenches, m map[string]string) (string, error) {
	pkg := m["go_compared_pkg"]
	pattern, err := regexp.Compile(m["go_compared"])
	if err != nil {
		return "", fmt.Errorf("the compared benchmarks' pattern: %w", err)
	}
	fmt.Fprintf(doc, "\n## Go benchmarks before and after (%s)\n\n", baselineName(m))
	fmt.Fprintf(doc, "The benchmarks of `%s` in a checkout of %s and in this tree, run in the same run: %s rounds,\n"+
		"each running both trees' benchmarks one after the other (`-count 1 -benchtime %s`, each tree's test binary built once),\n"+
		"the tree that goes first alternating from round to round, so that the machine's drift hits both alike.\n"+
		"Milliseconds per iteration: the median over the rounds of each round's p50 and p95, with their range over the rounds in brackets;\n"+
		"a benchmark that reports no percentiles (Reset) shows its mean per iteration as its p50. Below 1× the change made it faster.\n",
		pkg, m["baseline"], m["go_rounds"], m["go_round_benchtime"])
	if note := m["go_baseline_note"]; note != "" {
		fmt.Fprintf(doc, "\n**The baseline's benchmarks**: %s.\n", note)
	}
	doc.WriteString("\n| benchmark | p50 before | p50 after | after ÷ before | p95 before | p95 after | after ÷ before |\n|---|---:|---:|---:|---:|---:|---:|\n")
	var out strings.Builder
	fmt.Fprintf(&out, "\nGo benchmarks, before (%s) and after, medians over %s rounds (ms):\n", m["baseline"], m["go_rounds"])
	fmt.Fprintf(&out, "%-48s %10s %10s %7s %10s %10s %7s\n", "benchmark", "p50 before", "p50 after", "ratio", "p95 before", "p95 after", "ratio")
	for _, name := range comparedNames(before, after, pkg, pattern) {
		p50, p95 := compare(before, after, name, "p50-ms"), compare(before, after, name, "p95-ms")
		short := strings.TrimPrefix(name, "Benchmark")
		fmt.Fprintf(doc, "| %s | %s | %s | %s | %s | %s | %s |\n", short,
			p50.cell(p50.before, p50.hasBefore, "before"), p50.cell(p50.after, p50.hasAfter, "after"), p50.ratio(),
			p95.cell(p95.before, p95.hasBefore, "before"), p95.cell(p95.after, p95.hasAfter, "after"), p95.ratio())
		plain := func(c beforeAfter, s stats, has bool, tree string) string {
			if has {
				return fmt.Sprintf("%.3f", s.median)
			}
			return c.cell(s, has, tree)
		}
		fmt.Fprintf(&out, "%-48s %10s %10s %7s %10s %10s %7s\n", short,
			plain(p50, p50.before, p50.hasBefore, "before"), plain(p50, p50.after, p50.hasAfter, "after"), p50.ratio(),
			plain(p95, p95.before, p95.hasBefore, "before"), plain(p95, p95.after, p95.hasAfter, "after"), p95.ratio())
	}
	return out.String(), nil
}
