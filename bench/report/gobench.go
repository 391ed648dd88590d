package main

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// goBenches are the results of `go test -bench`, by benchmark name without the
// GOMAXPROCS suffix: unit → value (ns/op, p95-ms, ...), in the order printed.
type goBenches struct {
	names   []string
	metrics map[string]map[string]float64
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(-\d+)?\s+(\d+)\s+(.*)$`)

func readGoBench(path string) (goBenches, error) {
	lines, err := readLines(path)
	if err != nil {
		return goBenches{}, err
	}
	b := goBenches{metrics: map[string]map[string]float64{}}
	for _, line := range lines {
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
		if _, seen := b.metrics[m[1]]; !seen {
			b.names = append(b.names, m[1])
		}
		b.metrics[m[1]] = metrics
	}
	if len(b.names) == 0 {
		return b, fmt.Errorf("%s: no benchmark results", path)
	}
	return b, nil
}

func writeGoBenchmarks(doc *strings.Builder, b goBenches) {
	doc.WriteString("\n## Go benchmarks (test driver)\n\n")
	doc.WriteString("Building and laying out each screen (the visitor signed in, so every screen has its data), a tap\n")
	doc.WriteString("to the next screen, a full reset from the middle of the AutoPay form, a language switch there;\n")
	doc.WriteString("all on the kiosk as shipped (on-screen keyboard on). Milliseconds per iteration.\n\n")
	doc.WriteString("| benchmark | iterations timed | p50 | p95 | p99 | worst |\n|---|---:|---:|---:|---:|---:|\n")
	for _, name := range b.names {
		m := b.metrics[name]
		if _, ok := m["p95-ms"]; !ok {
			continue
		}
		fmt.Fprintf(doc, "| %s | %s | %.2f | %.2f | %.2f | %.2f |\n", strings.TrimPrefix(name, "Benchmark"),
			iterations(m), m["p50-ms"], m["p95-ms"], m["p99-ms"], m["max-ms"])
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

// iterations is the iteration count the benchmark line printed.
func iterations(m map[string]float64) string {
	if n, ok := m["iterations"]; ok {
		return strconv.Itoa(int(n))
	}
	return "–"
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
