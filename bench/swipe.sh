# shellcheck shell=bash
# Sourced by bench/run.sh after measure.sh: a finger's swipe on the FAQ of the real
# binary, watched from outside. Needs what measure.sh needs, and xdotool.
#
# measure_swipe PROGRAM ROUND prints one tab-separated line:
#   program round frames gap_p50_ms gap_p95_ms gap_max_ms moved cpu_ms_per_frame
# The program starts at 1280x800 and settles; a tap on the welcome screen's
# "Questions?" opens the FAQ; then one xdotool chain presses at (640, 700), moves
# up 8 px every 8 ms for SWIPE_MOVES moves (a brisk finger: 1000 px a second) and
# lifts, while xpoll captures the screen as fast as it can (every 1 ms, bounded by
# the capture itself). frames counts the distinct screens drawn from the press to
# the lift; the gaps are the times between them. Fyne draws on a 60 Hz tick, so a
# swipe that keeps up with the finger draws a new screen at every tick: gaps of
# 16.7 ms, give or take the watcher's own capture time. moved is 1 when the FAQ
# after the lift differs from the FAQ before it. cpu_ms_per_frame is the CPU the
# program's process (all its threads, llvmpipe's painters included) used from the
# press to the lift, over the frames drawn: unlike the gaps it hardly moves with
# the machine's load, so two programs compare in it even on a busy machine.
SWIPE_MOVES=${SWIPE_MOVES:-40}

measure_swipe() {
	local prog=$1 round=$2 dir="$SCRATCH/swipes/$1-$2" pid sid t_down t_up
	mkdir -p "$dir" "$SCRATCH/logs"
	local -a cmd chain
	program_command "$prog"
	setsid "${cmd[@]}" >"$SCRATCH/logs/swipe-$prog-$round.log" 2>&1 </dev/null &
	pid=$!
	RUNNING_PID=$pid RUNNING_SID=$pid
	sleep "$MIN_SETTLE_S" # measure.sh's settle time: the welcome screen is finished
	sid=$pid
	xdotool mousemove 176 598 click 1
	sleep 1
	xdotool mousemove 640 165 # off every button: no hover colour in the captures
	sleep 0.5
	local before after moved=0
	before=$("$XPOLL" snap "$dir/before.ppm" | cut -d' ' -f1)
	"$XPOLL" watch 1 >"$dir/watch.txt" &
	WATCHER_PID=$!
	sleep 0.3
	chain=(mousemove 640 700 mousedown 1)
	for i in $(seq 1 "$SWIPE_MOVES"); do chain+=(sleep 0.008 mousemove 640 $((700 - 8 * i))); done
	local cpu_down cpu_up
	cpu_down=$(cpu_ticks "$pid")
	t_down=$(now_us)
	xdotool "${chain[@]}" mouseup 1
	t_up=$(now_us)
	cpu_up=$(cpu_ticks "$pid")
	sleep 0.5
	kill "$WATCHER_PID"
	wait "$WATCHER_PID" 2>/dev/null || true
	WATCHER_PID=""
	xdotool mousemove 640 165
	sleep 1.5 # the glide ends
	after=$("$XPOLL" snap "$dir/after.ppm" | cut -d' ' -f1)
	[[ $before != "$after" ]] && moved=1
	stop_session "$sid"
	wait "$pid" 2>/dev/null || true
	RUNNING_PID="" RUNNING_SID=""
	# The screens drawn between the press and the lift, and the gaps between them.
	local frames n
	frames=$(awk -v from="$t_down" -v to="$t_up" -v gaps="$dir/gaps.txt" '
		NF != 3 || length($3) != 16 { next }
		{ t = $1 / 1000 }
		t < from { last = $3; next }
		t > to { exit }
		$3 != last { if (at != "") printf "%.1f\n", (t - at) / 1000 >gaps; at = t; last = $3; frames++ }
		END { print frames + 0 }
	' "$dir/watch.txt")
	touch "$dir/gaps.txt"
	sort -n -o "$dir/gaps.txt" "$dir/gaps.txt"
	n=$(wc -l <"$dir/gaps.txt")
	pick() { if ((n > 0)); then sed -n "$1p" "$dir/gaps.txt"; else echo -1; fi; }
	local cpu_per_frame=-1
	if ((frames > 0)); then
		cpu_per_frame=$(awk -v t=$((cpu_up - cpu_down)) -v hz="$(getconf CLK_TCK)" -v n="$frames" 'BEGIN { printf "%.1f", t * 1000 / hz / n }')
	fi
	printf '%s\t%s\t%d\t%s\t%s\t%s\t%d\t%s\n' "$prog" "$round" "$frames" \
		"$(pick $(((n + 1) / 2)))" "$(pick $(((n * 95 + 99) / 100)))" "$(pick "$n")" "$moved" "$cpu_per_frame"
}

# cpu_ticks PID is the user and system CPU time of process PID, all its threads,
# in clock ticks (/proc/PID/stat fields 14 and 15).
cpu_ticks() {
	awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}
