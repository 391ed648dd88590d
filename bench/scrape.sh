#!/usr/bin/env bash
# The fleet's scrape cost on the real kiosk binary (docs/fleet.md, "What a
# scrape costs"), run by `make bench` after its report, or alone:
#   bench/scrape.sh BIN
# The kiosk runs in demo mode on its own Xvfb with metrics_listen on loopback
# (.ci/metrics-kiosk.sh), idle on its welcome screen:
#   1. /metrics answers BENCH_SCRAPES (200) scrapes, one after another, asked
#      for as Prometheus asks (OpenMetrics); curl's time from connect to the
#      last byte, p50, p95 and max, and the answer's size;
#   2. the kiosk's CPU while idle for BENCH_SCRAPE_IDLE_S (120) s with no
#      scrape, then as long with a scrape every 15 s (Prometheus's default
#      interval), BENCH_SCRAPE_ROUNDS (2) rounds: utime+stime from /proc.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/metrics-kiosk.sh

bin=${1:?usage: bench/scrape.sh BIN}
scrapes=${BENCH_SCRAPES:-200}
idle_s=${BENCH_SCRAPE_IDLE_S:-120}
rounds=${BENCH_SCRAPE_ROUNDS:-2}
scratch="$(mktemp -d /tmp/lobbykiosk-scrape.XXXXXX)"
trap 'stop_metrics_kiosk; rm -rf "$scratch"' EXIT
say() { echo "bench-scrape: $*"; }

start_metrics_kiosk "$bin" "$scratch"
sleep 10 # past the start's work: fonts, the first screen, the first checks
url="http://$METRICS_ADDR/metrics"
accept='Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5'

# 1. the answer's time
for _ in $(seq 1 "$scrapes"); do
	curl -fsS -o /dev/null -H "$accept" -w '%{time_total} %{size_download}\n' "$url"
done >"$scratch/times"
sort -n "$scratch/times" | awk -v n="$scrapes" '
	{ t[NR] = $1 * 1000; size = $2 }
	END { printf "bench-scrape: /metrics over %d scrapes: p50 %.2f ms, p95 %.2f ms, max %.2f ms; %d bytes\n",
		n, t[int(n * 0.5)], t[int(n * 0.95)], t[n], size }'

# 2. idle CPU, with and without scrapes
ticks() { awk '{ print $14 + $15 }' "/proc/$KIOSK_PID/stat"; }
hz=$(getconf CLK_TCK)
idle() { # idle SCRAPE_EVERY (0: none): prints the CPU % over idle_s
	local every=$1 before after end next
	before=$(ticks)
	end=$((SECONDS + idle_s))
	next=$SECONDS
	while ((SECONDS < end)); do
		if ((every > 0 && SECONDS >= next)); then
			curl -fsS -o /dev/null -H "$accept" "$url"
			next=$((SECONDS + every))
		fi
		sleep 1
	done
	after=$(ticks)
	awk -v d=$((after - before)) -v hz="$hz" -v s="$idle_s" 'BEGIN { printf "%.3f", 100 * d / hz / s }'
}
for round in $(seq 1 "$rounds"); do
	none=$(idle 0)
	every15=$(idle 15)
	say "round $round/$rounds: idle CPU ${none} % with no scrape, ${every15} % with a scrape every 15 s (${idle_s} s each)"
done
