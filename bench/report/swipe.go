package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// swipe is one line of swipes.tsv (bench/swipe.sh): a finger's swipe on the FAQ.
type swipe struct {
	program                string
	round, frames          int
	gapP50, gapP95, gapMax float64 // ms between the screens drawn during the swipe
	moved                  bool    // the FAQ after the lift differs from before
	cpuPerFrame            float64 // ms of the process's CPU per screen drawn
}

// tickMS is Fyne's frame period: its window driver draws on a 60 Hz tick.
const tickMS = 1000.0 / 60

func readSwipes(path string) ([]swipe, error) {
	if path == "" {
		return nil, nil
	}
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	var swipes []swipe
	for _, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 8 {
			return nil, fmt.Errorf("%s: want 8 fields, got %q", path, line)
		}
		var s swipe
		s.program = f[0]
		ints := []*int{&s.round, &s.frames}
		for i, p := range ints {
			if *p, err = strconv.Atoi(f[1+i]); err != nil {
				return nil, fmt.Errorf("%s: %q: %w", path, line, err)
			}
		}
		for i, p := range []*float64{&s.gapP50, &s.gapP95, &s.gapMax} {
			if *p, err = strconv.ParseFloat(f[3+i], 64); err != nil {
				return nil, fmt.Errorf("%s: %q: %w", path, line, err)
			}
		}
		s.moved = f[6] == "1"
		if s.cpuPerFrame, err = strconv.ParseFloat(f[7], 64); err != nil {
			return nil, fmt.Errorf("%s: %q: %w", path, line, err)
		}
		swipes = append(swipes, s)
	}
	return swipes, nil
}

// medianOf is the median of the figure over the swipes of program.
func medianOf(swipes []swipe, program string, figure func(swipe) float64) (float64, int) {
	var v []float64
	for _, s := range swipes {
		if s.program == program {
			v = append(v, figure(s))
		}
	}
	if len(v) == 0 {
		return 0, 0
	}
	slices.Sort(v)
	return v[(len(v)-1)/2], len(v)
}

// swipeTarget is the Targets row of the kiosk's swipe: a new screen at every one
// of Fyne's ticks while the finger moves, within a millisecond of the watcher's.
func swipeTarget(swipes []swipe) (target, bool) {
	p95, n := medianOf(swipes, "kiosk", func(s swipe) float64 { return s.gapP95 })
	if n == 0 {
		return target{}, false
	}
	frames, _ := medianOf(swipes, "kiosk", func(s swipe) float64 { return float64(s.frames) })
	moved := !slices.ContainsFunc(swipes, func(s swipe) bool { return s.program == "kiosk" && !s.moved })
	ok := p95 <= tickMS+1 && moved
	return target{"swipe on the FAQ: time between frames", fmt.Sprintf("p95 ≤ %.1f ms (every 60 Hz tick)", tickMS+1),
		fmt.Sprintf("p95 %.1f ms, %.0f frames a swipe (medians of %d)", p95, frames, n), &ok}, true
}

// writeSwipes writes the swipe's table: each program's medians over its rounds.
func writeSwipes(doc *strings.Builder, swipes []swipe) {
	if len(swipes) == 0 {
		return
	}
	doc.WriteString("\n## A finger's swipe\n\nOn the real binary at 1280×800, a swipe up the FAQ: 320 px in 40 moves 8 ms apart, " +
		"watched from outside every millisecond (bench/swipe.sh). Medians over the rounds.\n\n" +
		"CPU per frame is the program's CPU time from the press to the lift over the frames drawn.\n\n" +
		"| program | frames drawn during the swipe | gap p50 | gap p95 | gap max | CPU per frame | the page moved |\n|---|---|---|---|---|---|---|\n")
	for _, p := range programs {
		frames, n := medianOf(swipes, p.id, func(s swipe) float64 { return float64(s.frames) })
		if n == 0 {
			continue
		}
		get := func(f func(swipe) float64) string {
			v, _ := medianOf(swipes, p.id, f)
			return fmt.Sprintf("%.1f ms", v)
		}
		moved := 0
		for _, s := range swipes {
			if s.program == p.id && s.moved {
				moved++
			}
		}
		fmt.Fprintf(doc, "| %s | %.0f | %s | %s | %s | %s | %d of %d |\n", p.name, frames,
			get(func(s swipe) float64 { return s.gapP50 }), get(func(s swipe) float64 { return s.gapP95 }),
			get(func(s swipe) float64 { return s.gapMax }), get(func(s swipe) float64 { return s.cpuPerFrame }), moved, n)
	}
}
