#!/usr/bin/env bash
# `make bench`: the kiosk side by side with what a utility would run
# instead, a Chromium kiosk, and with the toolkit's floor, a hello-world Fyne window.
#
#   1. installs what is missing (Chromium, Xvfb, a C compiler and the X headers for
#      the screen watcher), as .ci/deps.sh does;
#   2. builds the release binary the way `fyne package --release` does (flags below),
#      bench/hello the same way, and bench/xpoll.c;
#   3. waits (up to BENCH_QUIET_WAIT s) for the 1-minute load to drop below
#      BENCH_MAX_LOAD, and records the load;
#   4. on its own Xvfb display (:BENCH_DISPLAY, 1280x800x24, Mesa llvmpipe), one
#      warm-up run of each program (discarded: page cache, Chromium's profile), then
#      BENCH_RUNS rounds; each round runs the three, in an order rotated every round,
#      and measures each (bench/measure.sh): launch to the finished screen, polled
#      from outside every BENCH_POLL_MS ms; RSS and PSS over all its processes;
#      CPU while idle for BENCH_IDLE_SECONDS s;
#   5. on the same display, BENCH_RUNS swipes up the kiosk's FAQ (and the baseline's),
#      each watched from outside every millisecond: the gaps between the screens
#      drawn while the finger moves (bench/swipe.sh);
#   6. runs the Go benchmarks of ./ui and ./client (per-iteration percentiles); with
#      BENCH_BASELINE also the baseline's ./ui benchmarks, in BENCH_RUNS rounds
#      alternating with the current tree's, for before/after medians and ratios;
#   7. prints the medians, min-max and ratios, and writes docs/PERFORMANCE.md
#      (bench/report).
#
# The programs: (a) `lobbykiosk demo --fullscreen`, (b) Chromium --kiosk on
# bench/welcome.html, a static copy of the welcome screen, with the flags it needs
# to run as root on a closed network (below), (c) bench/hello; with BENCH_BASELINE=COMMIT also
# (d) the kiosk of that commit, built the same way, for before/after ratios. Scratch files stay in
# /tmp/lobbykiosk-bench.* (the path is printed): logs, captures, screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${BENCH_RUNS:-5}
POLL_MS=${BENCH_POLL_MS:-20}
IDLE_S=${BENCH_IDLE_SECONDS:-10}
DISPLAY_NUM=${BENCH_DISPLAY:-93}
MAX_LOAD=${BENCH_MAX_LOAD:-1.0}
QUIET_WAIT=${BENCH_QUIET_WAIT:-900}
DOC=${BENCH_DOC:-docs/PERFORMANCE.md}
GO_BENCHTIME=${BENCH_GO_BENCHTIME:-200x}
BASELINE=${BENCH_BASELINE:-} # a commit: its kiosk runs too, as "before"
# The release's tags (the Makefile's BUILD_TAGS) go into every program built here, the
# hello-world floor too: each is measured as it would ship.
: "${BUILD_TAGS?run through make bench: the Makefile sets BUILD_TAGS}"
KIOSK_TAGS=${BENCH_KIOSK_TAGS:-} # extra build tags for the kiosk only, to try one
# The baseline's tags, BUILD_TAGS unless set: BENCH_BASELINE=HEAD BENCH_BASELINE_TAGS=
# measures what the release tags themselves change.
BASELINE_TAGS=${BENCH_BASELINE_TAGS-$BUILD_TAGS}
# What the tables call the baseline (default "kiosk before"), for a baseline that is a
# variant rather than an earlier kiosk.
BASELINE_LABEL=${BENCH_BASELINE_LABEL:-}
programs=(kiosk chromium hello)

((RUNS >= 5)) || { echo "bench: BENCH_RUNS must be at least 5 (got $RUNS)" >&2; exit 2; }

SCRATCH="$(mktemp -d /tmp/lobbykiosk-bench.XXXXXX)"
export SCRATCH
XVFB_PID="" RUNNING_PID="" RUNNING_SID="" WATCHER_PID=""
source bench/measure.sh
source bench/swipe.sh

cleanup() {
	if [[ -n $WATCHER_PID ]]; then kill "$WATCHER_PID" 2>/dev/null || true; fi
	if [[ -n $RUNNING_SID ]]; then stop_session "$RUNNING_SID"; fi
	if [[ -n $XVFB_PID ]] && kill -0 "$XVFB_PID" 2>/dev/null; then
		kill "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "bench: $*"; }

# --- 1. packages --------------------------------------------------------------
packages=(chromium xvfb gcc libc6-dev libx11-dev libxext-dev imagemagick xdotool)
source .ci/apt.sh
apt_install_missing bench "${packages[@]}"

# --- 2. builds ----------------------------------------------------------------
# What fyne.io/tools v1.7.4 (`fyne package --os linux --release`, .ci/package.sh)
# passes to go build on Debian: -trimpath, -s -w, tags release and (FyneApp.toml's
# fyneDo migration) migrated_fynedo, -O3 and hardening for the cgo parts.
# As the Makefile does: no VCS stamping (an exported tree has none to stamp).
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"
version="$(git describe --tags --always --dirty 2>/dev/null || echo dev)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
release_build() { # OUT PACKAGE TAGS (comma-separated, may be empty)
	CGO_ENABLED=1 CGO_CFLAGS="-O3 -pipe -D_FORTIFY_SOURCE=3 -fcf-protection -fstack-protector-strong" \
		CGO_LDFLAGS="-Wl,-z,relro,-z,now -Wl,--as-needed" \
		go build -trimpath -tags "release,migrated_fynedo${3:+,$3}" \
		-ldflags "-s -w -X main.version=$version -X main.commit=$commit" -o "$1" "$2"
}
mkdir -p "$SCRATCH/bin"
say "building the release binary and bench/hello (the first time compiles the cgo parts with -O3: minutes)"
build_started=$SECONDS
join_tags() { local IFS=,; local -a set=(); for t in "$@"; do [[ -n $t ]] && set+=("$t"); done; echo "${set[*]}"; }
release_build "$SCRATCH/bin/lobbykiosk" . "$(join_tags "$BUILD_TAGS" "$KIOSK_TAGS")"
release_build "$SCRATCH/bin/hello" ./bench/hello "$BUILD_TAGS"
if [[ -n $BASELINE ]]; then
	baseline_commit="$(git rev-parse --short "$BASELINE^{commit}")"
	mkdir -p "$SCRATCH/baseline"
	git archive "$baseline_commit" | tar -x -C "$SCRATCH/baseline"
	(cd "$SCRATCH/baseline" && release_build "$SCRATCH/bin/lobbykiosk-before" . "$BASELINE_TAGS")
	programs+=(before)
fi
cc -O2 -o "$SCRATCH/bin/xpoll" bench/xpoll.c -lX11 -lXext
XPOLL="$SCRATCH/bin/xpoll"
say "built in $((SECONDS - build_started)) s; scratch: $SCRATCH"

# --- the programs -------------------------------------------------------------
chromium_profile="$SCRATCH/chromium-profile"
# program_command PROGRAM sets cmd (measure.sh) to the command line of PROGRAM.
program_command() {
	local -a env=(env -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME
		HOME="$SCRATCH/home" XDG_RUNTIME_DIR="$SCRATCH/runtime" LANG=en_US.UTF-8
		DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/lobbykiosk-bench")
	case $1 in
	kiosk) cmd=("${env[@]}" "$SCRATCH/bin/lobbykiosk" demo --fullscreen) ;;
	before) cmd=("${env[@]}" "$SCRATCH/bin/lobbykiosk-before" demo --fullscreen) ;;
	hello) cmd=("${env[@]}" "$SCRATCH/bin/hello") ;;
	chromium)
		cmd=("${env[@]}" chromium --kiosk --no-sandbox --disable-gpu --disable-quic --no-first-run
			--disable-background-networking --disable-component-update --disable-sync
			--user-data-dir="$chromium_profile" --window-position=0,0 --window-size=1280,800
			"file://$PWD/bench/welcome.html")
		;;
	*) echo "bench: no program $1" >&2; return 1 ;;
	esac
}

# --- 3. the machine, and a quiet moment ---------------------------------------
load1() { cut -d' ' -f1 /proc/loadavg; }
waited=0
while awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN{exit !(l >= m)}' && ((waited < QUIET_WAIT)); do
	((waited == 0)) && say "1-minute load $(load1) >= $MAX_LOAD: waiting up to $QUIET_WAIT s for a quieter machine"
	sleep 15
	waited=$((waited + 15))
done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "load average before: $load_before"

machine="$SCRATCH/machine.tsv"
{
	printf 'cpu\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
	printf 'cores\t%s\n' "$(nproc)"
	printf 'memory\t%s MiB\n' "$(awk '/^MemTotal/{print int($2/1024)}' /proc/meminfo)"
	printf 'os\t%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")"
	printf 'kernel\t%s\n' "$(uname -r)"
	printf 'go\t%s\n' "$(go env GOVERSION)"
	printf 'fyne\t%s\n' "$(go list -m -f '{{.Version}}' fyne.io/fyne/v2)"
	printf 'chromium\t%s\n' "$(chromium --version 2>/dev/null | head -n1)"
	printf 'xvfb\t%s\n' "$(dpkg-query -W -f='${Version}' xvfb)"
	printf 'mesa\t%s\n' "$(dpkg-query -W -f='${Version}' libgl1-mesa-dri 2>/dev/null || echo unknown)"
	printf 'kiosk_version\t%s\n' "$version"
	printf 'baseline\t%s\n' "${baseline_commit:-}"
	printf 'build_tags\t%s\n' "$BUILD_TAGS"
	printf 'kiosk_tags\t%s\n' "$KIOSK_TAGS"
	printf 'baseline_tags\t%s\n' "$BASELINE_TAGS"
	printf 'baseline_label\t%s\n' "$BASELINE_LABEL"
	printf 'kiosk_binary\t%s\n' "$(stat -c %s "$SCRATCH/bin/lobbykiosk")"
	printf 'hello_binary\t%s\n' "$(stat -c %s "$SCRATCH/bin/hello")"
	printf 'runs\t%s\n' "$RUNS"
	printf 'poll_ms\t%s\n' "$POLL_MS"
	printf 'idle_s\t%s\n' "$IDLE_S"
	printf 'settle\t%s\n' "at least ${MIN_SETTLE_S} s after the launch and unchanged for ${STABLE_S} s"
	printf 'load_before\t%s\n' "$load_before"
	printf 'waited_s\t%s\n' "$waited"
	printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
} >"$machine"

# --- 4. side by side under Xvfb -----------------------------------------------
if [[ -e /tmp/.X11-unix/X$DISPLAY_NUM || -e /tmp/.X$DISPLAY_NUM-lock ]]; then
	echo "bench: display :$DISPLAY_NUM is taken (set BENCH_DISPLAY to a free number)" >&2
	exit 1
fi
setsid Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >"$SCRATCH/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NUM"
for _ in $(seq 1 100); do
	"$XPOLL" snap "$SCRATCH/empty.ppm" >/dev/null 2>&1 && break
	kill -0 "$XVFB_PID" 2>/dev/null || { echo "bench: Xvfb did not start:" >&2; cat "$SCRATCH/xvfb.log" >&2; exit 1; }
	sleep 0.1
done
# The same clean environment for the three (program_command): a private home and
# runtime directory, no D-Bus session (each would otherwise talk to whatever bus is
# around). Only theirs: Go's own caches stay where they are.
mkdir -p "$SCRATCH/home" "$SCRATCH/runtime"
chmod 700 "$SCRATCH/runtime"

results="$SCRATCH/results.tsv"
: >"$results"
say "warm-up: one run of each (not counted)"
for prog in "${programs[@]}"; do
	measure "$prog" 0 >/dev/null
done
for round in $(seq 1 "$RUNS"); do
	order=()
	for i in "${!programs[@]}"; do order+=("${programs[$(((round - 1 + i) % ${#programs[@]}))]}"); done
	for prog in "${order[@]}"; do
		measure "$prog" "$round" >"$SCRATCH/line" # not in $(...): cleanup must see its state
		cat "$SCRATCH/line" >>"$results"
		IFS=$'\t' read -r -a f <"$SCRATCH/line"
		say "round $round/$RUNS $prog: finished screen ${f[2]} ms, PSS $((f[5] / 1024)) MiB over ${f[6]} processes, idle CPU ${f[7]} %"
	done
done
# --- 5. a finger's swipe, on the same display -----------------------------------
swipes="$SCRATCH/swipes.tsv"
: >"$swipes"
for round in $(seq 1 "$RUNS"); do
	for prog in kiosk ${BASELINE:+before}; do
		measure_swipe "$prog" "$round" >"$SCRATCH/line"
		cat "$SCRATCH/line" >>"$swipes"
		IFS=$'\t' read -r -a f <"$SCRATCH/line"
		say "round $round/$RUNS $prog swipe: ${f[2]} frames, gaps p50 ${f[3]} ms, p95 ${f[4]} ms, max ${f[5]} ms, CPU ${f[7]} ms a frame, moved ${f[6]}"
	done
done
mkdir -p "$SCRATCH/screens"
for prog in "${programs[@]}"; do
	convert "$SCRATCH/runs/$prog-1/settled.ppm" "$SCRATCH/screens/$prog.png" 2>/dev/null || true
done
cleanup
XVFB_PID=""
printf 'load_after_x\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$machine"

# --- 6. Go benchmarks ---------------------------------------------------------
gobench="$SCRATCH/gobench.txt"
gobench_before="$SCRATCH/gobench-before.txt"
# What a visitor's tap, a reset and a language switch cost: these run against the
# baseline too. Speech mode's and the soak's benchmarks spend seconds setting up
# (speech's harness about 9 s each time), so they run once, in this tree only.
ui_compared=${BENCH_GO_COMPARE:-'^Benchmark(ScreenBuild|TapToNextScreen|ResetLatency|Reset|LanguageSwitch)$'}
ui_once='^Benchmark(SpeechKeyToSpeak|SpeechArrival|SoakVisit|PresentCardToApproval)$'
client_benchtime=2000x
# Each tree's ./ui tests are compiled once, so that a round times the benchmarks and
# not the compiler; the binary runs in its package's directory, as go test runs it.
go test -c -o "$SCRATCH/bin/ui-after.test" ./ui
ui_bench() { # TEST_BINARY PACKAGE_DIR REGEXP BENCHTIME: one round of ./ui benchmarks
	(cd "$2" && "$1" -test.run '^$' -test.bench "$3" -test.benchtime "$4" -test.count 1)
}
: >"$gobench"
if [[ -z $BASELINE ]]; then
	say "Go benchmarks (-benchtime $GO_BENCHTIME)"
	ui_bench "$SCRATCH/bin/ui-after.test" ui "$ui_compared" "$GO_BENCHTIME" | tee -a "$gobench"
	go_rounds=1 round_benchtime=$GO_BENCHTIME
else
	# Before and after in the same run: BENCH_RUNS rounds of both trees' benchmarks, the
	# tree that goes first alternating, so that the shared machine's drift (other jobs,
	# thermal state) falls on both alike rather than on whichever ran second. A round
	# runs BENCH_GO_ROUND_BENCHTIME iterations (default 50x: five rounds time more
	# iterations than one 200x run, and the median over rounds shows the spread).
	go_rounds=$RUNS round_benchtime=${BENCH_GO_ROUND_BENCHTIME:-50x}
	: >"$gobench_before"
	go_baseline_note=""
	# The baseline's own benchmarks and test harness, built with its tags. If they do not
	# build (a baseline older than the benchmarks), every benchmark is reported missing
	# rather than the whole run lost.
	if ! (cd "$SCRATCH/baseline" && go test -c -tags "$BASELINE_TAGS" -o "$SCRATCH/bin/ui-before.test" ./ui) \
		>"$SCRATCH/logs/ui-before-build.log" 2>&1; then
		go_baseline_note="its ./ui tests did not build ($SCRATCH/logs/ui-before-build.log)"
		say "the baseline's ./ui tests did not build: $SCRATCH/logs/ui-before-build.log"
	fi
	for round in $(seq 1 "$RUNS"); do
		trees=(before after)
		((round % 2)) || trees=(after before)
		for tree in "${trees[@]}"; do
			say "Go benchmarks, round $round/$RUNS, $tree (-benchtime $round_benchtime)"
			if [[ $tree == after ]]; then
				ui_bench "$SCRATCH/bin/ui-after.test" ui "$ui_compared" "$round_benchtime" | tee -a "$gobench"
			elif [[ -x $SCRATCH/bin/ui-before.test ]]; then
				# A baseline benchmark that fails loses its own figures (reported
				# missing), not the run: its output up to the failure is kept.
				ui_bench "$SCRATCH/bin/ui-before.test" "$SCRATCH/baseline/ui" "$ui_compared" "$round_benchtime" |
					tee -a "$gobench_before" || {
					say "the baseline's benchmarks failed in round $round (output in $gobench_before)"
					go_baseline_note+="${go_baseline_note:+; }they exited with an error in round $round"
				}
			fi
		done
	done
	printf 'go_baseline_note\t%s\n' "$go_baseline_note" >>"$machine"
fi
say "Go benchmarks run once (-benchtime $GO_BENCHTIME)"
ui_bench "$SCRATCH/bin/ui-after.test" ui "$ui_once" "$GO_BENCHTIME" | tee -a "$gobench"
go test -run '^$' -bench '^BenchmarkCallOverhead$' -benchtime "$client_benchtime" -count 1 ./client | tee -a "$gobench"
printf 'go_benchtime\t%s\nclient_benchtime\t%s\n' "$GO_BENCHTIME" "$client_benchtime" >>"$machine"
printf 'go_rounds\t%s\ngo_round_benchtime\t%s\ngo_compared_pkg\t%s\ngo_compared\t%s\n' \
	"$go_rounds" "$round_benchtime" "$(go list ./ui)" "$ui_compared" >>"$machine"
printf 'load_after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$machine"

# --- 7. the report --------------------------------------------------------------
go run ./bench/report -results "$results" -gobench "$gobench" -machine "$machine" \
	-reliability docs/reliability.md -swipes "$swipes" -out "$DOC" ${BASELINE:+-gobench-before "$gobench_before"}
say "wrote $DOC; screenshots of the settled screens in $SCRATCH/screens/"

# --- 8. the fleet's scrape: its time and the idle CPU it costs (docs/fleet.md) ---
bench/scrape.sh "$SCRATCH/bin/lobbykiosk"
