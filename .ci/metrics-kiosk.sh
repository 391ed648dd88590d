# shellcheck shell=bash
# Sourced by fleet-e2e.sh and bench/scrape.sh: the real kiosk binary in demo
# mode on a virtual screen, serving /metrics on a loopback port of its choosing.
#
#   start_metrics_kiosk BIN DIR [CONFIG_LINE...]
#
# writes DIR/kiosk.toml (metrics_listen = "127.0.0.1:0", speech off, and the
# given lines), starts Xvfb (.ci/xvfb.sh) and `BIN demo --config DIR/kiosk.toml`
# with its log in DIR/kiosk.log, and waits (up to 30 s) for the log to say
# where it serves; then sets KIOSK_PID and METRICS_ADDR (host:port).
# stop_metrics_kiosk ends both, the kiosk with SIGTERM first.
source "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"

KIOSK_PID="" METRICS_ADDR=""

start_metrics_kiosk() {
	local bin=$1 dir=$2
	shift 2
	{
		echo 'metrics_listen = "127.0.0.1:0"'
		echo 'speech = "off"' # no speech daemon spawned for a test
		printf '%s\n' "$@"
	} >"$dir/kiosk.toml"
	XVFB_LOG="$dir/xvfb.log" start_xvfb || return 1
	mkdir -p "$dir/runtime" "$dir/home/.cache"
	chmod 700 "$dir/runtime"
	HOME="$dir/home" XDG_RUNTIME_DIR="$dir/runtime" LANG=en_US.UTF-8 \
		DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/lobbykiosk-metrics" \
		"$bin" demo --config "$dir/kiosk.toml" >"$dir/kiosk.log" 2>&1 </dev/null &
	KIOSK_PID=$!
	local _
	for _ in $(seq 1 300); do
		METRICS_ADDR="$(sed -n 's/.*"serving metrics for the fleet.s Prometheus","listen":"\([^"]*\)".*/\1/p' "$dir/kiosk.log")"
		[[ -n $METRICS_ADDR ]] && return 0
		kill -0 "$KIOSK_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "the kiosk did not say where it serves /metrics; its log:" >&2
	tail -n 20 "$dir/kiosk.log" >&2
	return 1
}

stop_metrics_kiosk() {
	if [[ -n $KIOSK_PID ]] && kill -0 "$KIOSK_PID" 2>/dev/null; then
		kill -TERM "$KIOSK_PID" 2>/dev/null || true
		wait "$KIOSK_PID" 2>/dev/null || true
	fi
	KIOSK_PID=""
	stop_xvfb
}

# free_loopback_port prints a TCP port nothing listens on at 127.0.0.1 now.
free_loopback_port() {
	local port
	for port in $(shuf -i 20000-60000 -n 50); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	return 1
}
