# shellcheck shell=bash
# Sourced by bench/run.sh: one measured run of one program on the benchmark's X
# display. Needs DISPLAY, XPOLL (bench/xpoll.c built), POLL_MS, IDLE_S, SCRATCH and
# program_command (run.sh) set; the program's output goes to SCRATCH/logs/. While a
# run is under way WATCHER_PID, RUNNING_PID and RUNNING_SID name what it started,
# for the caller's cleanup.
#
# measure PROGRAM ROUND prints one tab-separated line:
#   program round launch_ms first_ms rss_kib pss_kib procs cpu_pct
#   poll_median_ms poll_max_ms capture_median_us
# launch_ms  from the launch to the first capture of the settled screen after
#            which the screen never changed again (see settled below);
# first_ms   from the launch to the first capture that differs from the empty
#            screen (any pixel of the program at all);
# rss/pss    summed over every process of the program's session, after settling;
# cpu_pct    CPU time of those processes over IDLE_S seconds of idling, as a
#            percentage of one core.

# The settled screen: unchanged for STABLE_S seconds, and at least MIN_SETTLE_S
# seconds after the launch. Giving up after MAX_SETTLE_S.
MIN_SETTLE_S=${MIN_SETTLE_S:-5}
STABLE_S=${STABLE_S:-2}
MAX_SETTLE_S=${MAX_SETTLE_S:-60}
CLK_TCK=$(getconf CLK_TCK)

now_us() { echo "${EPOCHREALTIME/./}"; }

# session_pids SID prints every process in session SID.
session_pids() {
	local sid=$1 f line rest p
	local -a a
	for f in /proc/[0-9]*/stat; do
		{ read -r line <"$f"; } 2>/dev/null || continue # gone meanwhile
		rest=${line##*) }
		read -r -a a <<<"$rest"
		[[ ${a[3]} == "$sid" ]] || continue
		p=${f#/proc/}
		echo "${p%/stat}"
	done
}

# session_ticks SID prints "PID TICKS" (user + system time) for each process of SID.
session_ticks() {
	local p line rest
	local -a a
	for p in $(session_pids "$1"); do
		{ read -r line <"/proc/$p/stat"; } 2>/dev/null || continue
		rest=${line##*) }
		read -r -a a <<<"$rest"
		echo "$p $((a[11] + a[12]))"
	done
}

# session_memory SID prints "RSS_KIB PSS_KIB PROCESSES" summed over session SID.
session_memory() {
	local p rss=0 pss=0 n=0 r s
	for p in $(session_pids "$1"); do
		read -r r s < <(awk '/^Rss:/{r=$2} /^Pss:/{s=$2} END{print r+0, s+0}' "/proc/$p/smaps_rollup" 2>/dev/null) || continue
		rss=$((rss + r))
		pss=$((pss + s))
		n=$((n + 1))
	done
	echo "$rss $pss $n"
}

# stop_session SID ends every process of session SID: SIGTERM, then SIGKILL after 5 s.
stop_session() {
	local sid=$1 p
	for p in $(session_pids "$sid"); do kill -TERM "$p" 2>/dev/null || true; done
	for _ in $(seq 1 50); do
		[[ -z $(session_pids "$sid") ]] && return 0
		sleep 0.1
	done
	for p in $(session_pids "$sid"); do kill -KILL "$p" 2>/dev/null || true; done
	sleep 0.2
}

# screen_times WATCHFILE T0_US prints "launch_us first_us hash changes" from xpoll's
# captures: hash of the last capture, when the run of captures equal to it began,
# when the first capture differing from the last one before T0 ended.
screen_times() {
	awk -v t0="$2" '
		NF != 3 || length($3) != 16 { next }
		{ t = int($1 / 1000) }
		t <= t0 { blank = $3; next }
		first == "" && blank != "" && $3 != blank { first = t }
		$3 != last { last = $3; since = t; changes++ }
		END { printf "%d %d %s %d\n", since - t0, (first == "" ? -1 : first - t0), last, changes }
	' "$1"
}

# poll_stats WATCHFILE FROM_US TO_US prints "median_gap_ms max_gap_ms median_capture_us"
# over the captures between FROM_US and TO_US.
poll_stats() {
	local gaps caps
	gaps=$(awk -v from="$2" -v to="$3" 'NF == 3 { t = $1 / 1000; if (t < from || t > to) next;
		if (p != "") printf "%.1f\n", (t - p) / 1000; p = t }' "$1" | sort -n)
	caps=$(awk -v from="$2" -v to="$3" 'NF == 3 { t = $1 / 1000; if (t >= from && t <= to) print $2 }' "$1" | sort -n)
	printf '%s %s %s\n' "$(median_of "$gaps")" "$(tail -n 1 <<<"$gaps")" "$(median_of "$caps")"
}

# median_of LINES prints the median of numbers given one a line, sorted.
median_of() {
	awk '{ v[NR] = $1 } END { if (NR == 0) print -1; else print v[int((NR + 1) / 2)] }' <<<"$1"
}

# measure PROGRAM ROUND: see the top of this file.
measure() {
	local prog=$1 round=$2 dir="$SCRATCH/runs/$1-$2" t0 pid sid now since launch_us first_us hash changes
	mkdir -p "$dir" "$SCRATCH/logs"
	local -a cmd
	program_command "$prog"
	"$XPOLL" watch "$POLL_MS" >"$dir/watch.txt" &
	WATCHER_PID=$!
	sleep 0.5 # the empty screen, before the launch
	t0=$(now_us)
	setsid "${cmd[@]}" >"$SCRATCH/logs/$prog-$round.log" 2>&1 </dev/null &
	pid=$!
	RUNNING_PID=$pid RUNNING_SID=$pid # setsid makes the program a session of its own: sid = pid
	for _ in $(seq 1 100); do # until setsid has run (the fork comes back before it)
		sid=$(awk '{sub(/^.*\) /, ""); print $4}' "/proc/$pid/stat" 2>/dev/null || echo "")
		[[ $sid == "$pid" ]] && break
		sleep 0.01
	done
	if [[ $sid != "$pid" ]]; then
		kill "$WATCHER_PID" "$pid" 2>/dev/null || true
		echo "bench: $prog did not start in a session of its own (sid '$sid', pid $pid)" >&2
		return 1
	fi
	while :; do
		sleep 0.25
		now=$(now_us)
		if ! kill -0 "$pid" 2>/dev/null; then
			kill "$WATCHER_PID" 2>/dev/null || true
			echo "bench: $prog exited during the launch; its log: $SCRATCH/logs/$prog-$round.log" >&2
			tail -n 5 "$SCRATCH/logs/$prog-$round.log" >&2
			return 1
		fi
		read -r launch_us first_us hash changes < <(screen_times "$dir/watch.txt" "$t0")
		((changes > 0)) || continue # no capture since the launch yet
		since=$((t0 + launch_us))
		if ((now - t0 >= MIN_SETTLE_S * 1000000 && now - since >= STABLE_S * 1000000)); then
			break
		fi
		if ((now - t0 >= MAX_SETTLE_S * 1000000)); then
			kill "$WATCHER_PID" 2>/dev/null || true
			stop_session "$sid"
			echo "bench: $prog: the screen did not settle within ${MAX_SETTLE_S} s" >&2
			return 1
		fi
	done
	kill "$WATCHER_PID"
	wait "$WATCHER_PID" 2>/dev/null || true
	WATCHER_PID=""
	local poll snap distinct
	poll=$(poll_stats "$dir/watch.txt" "$t0" "$((since + 1000000))")
	# The settled screen must be a picture, and still the same without the watcher.
	read -r snap distinct < <("$XPOLL" snap "$dir/settled.ppm")
	if [[ $snap != "$hash" || $distinct != 2 || $first_us -lt 0 ]]; then
		stop_session "$sid"
		echo "bench: $prog: settled screen $hash, then $snap ($distinct colours); first change at $first_us us" >&2
		return 1
	fi
	sleep 1
	local mem ticks0 ticks1 t_idle0 t_idle1 cpu
	mem=$(session_memory "$sid")
	ticks0=$(session_ticks "$sid")
	t_idle0=$(now_us)
	sleep "$IDLE_S"
	ticks1=$(session_ticks "$sid")
	t_idle1=$(now_us)
	cpu=$(awk -v hz="$CLK_TCK" -v us="$((t_idle1 - t_idle0))" '
		NR == FNR { before[$1] = $2; next }
		{ used += $2 - ($1 in before ? before[$1] : 0) }
		END { printf "%.2f", 100 * used / hz / (us / 1e6) }
	' <(echo "$ticks0") <(echo "$ticks1"))
	stop_session "$sid"
	wait "$pid" 2>/dev/null || true
	RUNNING_PID="" RUNNING_SID=""
	local -a m p
	read -r -a m <<<"$mem"
	read -r -a p <<<"$poll"
	printf '%s\t%s\t%.1f\t%.1f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$prog" "$round" \
		"$(awk -v u="$launch_us" 'BEGIN{print u/1000}')" "$(awk -v u="$first_us" 'BEGIN{print u/1000}')" \
		"${m[0]}" "${m[1]}" "${m[2]}" "$cpu" "${p[0]}" "${p[1]}" "${p[2]}"
}
