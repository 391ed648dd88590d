#!/usr/bin/env bash
# The fleet end to end (docs/fleet.md): the real kiosk binary in demo mode on a
# virtual screen serves /metrics on loopback, its receipt printer a CUPS queue
# that does not exist; a real Prometheus (Debian's), started here on loopback
# with a scratch TSDB and deploy/prometheus/lobbykiosk.rules.yml, scrapes it
# every second. Then, through Prometheus's HTTP API:
#   1. up == 1 for the kiosk, and its lobbykiosk_build_info carries the
#      binary's version;
#   2. the expression of the alert LobbyKioskPrinterNotReady, as Prometheus
#      loaded it from the rules file, is true for the kiosk (the alert itself
#      is pending: its `for` is minutes).
# With FLEET_E2E_SHOT=FILE.png it then saves Prometheus's own graph page of
# the kiosk's status (lobbykiosk:status and some of its parts), drawn by headless
# Chromium: the picture in docs/fleet.md.
# Usage: .ci/fleet-e2e.sh [BIN]   (default bin/lobbykiosk; needs make deps: prometheus, jq, Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/metrics-kiosk.sh

bin=${1:-bin/lobbykiosk}
started=$SECONDS
scratch="$(mktemp -d /tmp/lobbykiosk-fleet-e2e.XXXXXX)"
prom_pid=""

fail() {
	echo "fleet-e2e: FAIL: $*" >&2
	for log in "$scratch/kiosk.log" "$scratch/prometheus.log"; do
		[[ -s $log ]] && { echo "--- last lines of $log ---" >&2; tail -n 15 "$log" >&2; }
	done
	exit 1
}
cleanup() {
	if [[ -n $prom_pid ]] && kill -0 "$prom_pid" 2>/dev/null; then
		kill "$prom_pid" 2>/dev/null || true
		wait "$prom_pid" 2>/dev/null || true
	fi
	stop_metrics_kiosk
	rm -rf "$scratch"
}
trap cleanup EXIT

[[ -x $bin ]] || fail "$bin not found or not executable (run make build)"
for tool in prometheus jq curl Xvfb; do
	command -v "$tool" >/dev/null || fail "$tool missing (run make deps)"
done

start_metrics_kiosk "$bin" "$scratch" 'printer = "lobbykiosk-no-such-queue"' 'kiosk_id = "lobby-e2e"' ||
	fail "the kiosk did not start serving /metrics"
echo "fleet-e2e: the kiosk serves /metrics on $METRICS_ADDR"

port="$(free_loopback_port)" || fail "no free loopback port for Prometheus"
rules="$PWD/deploy/prometheus/lobbykiosk.rules.yml"
cat >"$scratch/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: ["$rules"]
scrape_configs:
  - job_name: lobbykiosk
    static_configs:
      - targets: ["$METRICS_ADDR"]
        labels: {site: e2e, kiosk: lobby-e2e}
YAML
prometheus --config.file="$scratch/prometheus.yml" --storage.tsdb.path="$scratch/tsdb" \
	--web.listen-address="127.0.0.1:$port" >"$scratch/prometheus.log" 2>&1 &
prom_pid=$!
api="http://127.0.0.1:$port/api/v1"

# query EXPR prints the instant vector's result (JSON), or fails on an error.
query() {
	local answer
	answer="$(curl -fsS --get "$api/query" --data-urlencode "query=$1")" || return 1
	jq -e '.status == "success"' <<<"$answer" >/dev/null || return 1
	jq -c '.data.result' <<<"$answer"
}
# await WHAT EXPR waits (up to 30 s) for EXPR to have a result and prints it.
await() {
	local result _
	for _ in $(seq 1 60); do
		kill -0 "$prom_pid" 2>/dev/null || fail "Prometheus exited"
		kill -0 "$KIOSK_PID" 2>/dev/null || fail "the kiosk exited"
		result="$(query "$2" 2>/dev/null)" || result=""
		if [[ -n $result && $result != "[]" ]]; then
			echo "$result"
			return 0
		fi
		sleep 0.5
	done
	fail "$1: no result for $2 within 30 s"
}

# 1. Up, with its build.
await "the kiosk up" 'up{job="lobbykiosk",kiosk="lobby-e2e"} == 1' >/dev/null
echo "fleet-e2e: ok: up{job=\"lobbykiosk\",kiosk=\"lobby-e2e\"} == 1"
version="$("$bin" version | sed -n 's/^lobbykiosk \([^ ]*\) .*/\1/p')"
[[ -n $version ]] || fail "\`$bin version\` did not say its version"
build="$(await "the build info" 'lobbykiosk_build_info{kiosk="lobby-e2e"}')"
jq -e --arg v "$version" '.[0].metric.version == $v and .[0].value[1] == "1"' <<<"$build" >/dev/null ||
	fail "lobbykiosk_build_info is $build, want version $version"
echo "fleet-e2e: ok: lobbykiosk_build_info says version $version"

# 2. The printer alert's expression, as Prometheus loaded it from the rules.
alert=LobbyKioskPrinterNotReady
expr=""
for _ in $(seq 1 20); do
	expr="$(curl -fsS "$api/rules?type=alert" 2>/dev/null |
		jq -r --arg a "$alert" '.data.groups[].rules[] | select(.name == $a) | .query')" && [[ -n $expr ]] && break
	sleep 0.5
done
[[ -n $expr ]] || fail "Prometheus has no alert $alert from $rules"
fired="$(await "$alert's expression" "$expr")"
jq -e 'length == 1 and .[0].metric.kiosk == "lobby-e2e"' <<<"$fired" >/dev/null ||
	fail "$alert's expression ($expr) gives $fired, want the kiosk"
echo "fleet-e2e: ok: $alert's expression is true for the kiosk: $expr"
state="$(curl -fsS "$api/alerts" | jq -r --arg a "$alert" '.data.alerts[] | select(.labels.alertname == $a) | .state')"
[[ $state == pending || $state == firing ]] || fail "$alert is ${state:-not active}, want pending"
echo "fleet-e2e: ok: $alert is $state"

if [[ -n ${FLEET_E2E_SHOT:-} ]]; then
	sleep "${FLEET_E2E_SHOT_AFTER:-60}" # a minute of samples to draw
	page="http://127.0.0.1:$port/graph?g0.expr=$(jq -rn --arg e \
		'{__name__=~"lobbykiosk:status|lobbykiosk_printer_(configured|ready)|lobbykiosk_out_of_service|lobbykiosk_staff_lockout_active"}' \
		'$e|@uri')&g0.tab=0&g0.range_input=1m"
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1000 \
		--virtual-time-budget=10000 --screenshot="$FLEET_E2E_SHOT" "$page" >"$scratch/chromium.log" 2>&1 ||
		fail "chromium could not take the picture (log: $scratch/chromium.log)"
	echo "fleet-e2e: saved Prometheus's graph of the kiosk's status in $FLEET_E2E_SHOT"
fi
echo "fleet-e2e: ok ($((SECONDS - started)) s)"
