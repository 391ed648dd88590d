#!/usr/bin/env bash
# Smoke test of the real binary on a virtual screen:
#   1. start Xvfb (1280x800x24) on a free display;
#   2. run `BIN demo --fullscreen` and wait (max 30 s) until the screen is
#      no longer uniform, i.e. the first frame has been drawn;
#   3. save a screenshot to .ci/out/smoke.png and require more than 10
#      distinct colours (antialiased text alone gives dozens; a blank or
#      single-colour window does not pass);
#   4. send SIGTERM and require exit status 0 within 5 s.
# Usage: .ci/smoke.sh [BIN]   (default bin/lobbykiosk)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/xvfb.sh

bin="${1:-bin/lobbykiosk}"
out=.ci/out
mkdir -p "$out"
applog="$out/smoke-app.log"
shot="$out/smoke.png"
app_pid=""

fail() {
	echo "smoke: FAIL: $*"
	if [[ -s $applog ]]; then
		echo "--- last lines of $applog ---"
		tail -n 20 "$applog"
	fi
	exit 1
}

cleanup() {
	rm -rf "${runtime_dir:-}"
	if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
		kill -KILL "$app_pid" 2>/dev/null || true
	fi
	stop_xvfb
}
trap cleanup EXIT

[[ -x $bin ]] || fail "$bin not found or not executable (run make build)"
for tool in Xvfb import convert; do
	command -v "$tool" >/dev/null || fail "$tool missing (run make deps)"
done

XVFB_LOG="$out/smoke-xvfb.log" start_xvfb || fail "Xvfb did not start"
echo "smoke: Xvfb on $DISPLAY"

# A private XDG_RUNTIME_DIR (GLFW/Fyne complain without one).
runtime_dir="$(mktemp -d)"
chmod 700 "$runtime_dir"
export XDG_RUNTIME_DIR="$runtime_dir"
# With no session bus, point D-Bus clients at a dead address so none of
# them tries to autolaunch a bus daemon that would outlive this script.
export DBUS_SESSION_BUS_ADDRESS="${DBUS_SESSION_BUS_ADDRESS:-unix:path=/nonexistent/lobbykiosk-smoke}"
LANG=en_US.UTF-8 "$bin" demo --fullscreen >"$applog" 2>&1 </dev/null &
app_pid=$!
start_ns=$(date +%s%N)

# colours FILE prints the number of distinct colours in the image.
colours() { convert "$1" -format '%k' info:; }

frame=""
for _ in $(seq 1 150); do # 150 x 200 ms = 30 s
	kill -0 "$app_pid" 2>/dev/null || fail "$bin exited before drawing a frame"
	if import -display "$DISPLAY" -window root "$out/poll.png" 2>/dev/null &&
		[[ $(colours "$out/poll.png") -gt 1 ]]; then
		frame=yes
		break
	fi
	sleep 0.2
done
[[ -n $frame ]] || fail "no frame drawn within 30 s"
first_ms=$((($(date +%s%N) - start_ns) / 1000000))

# The first non-uniform frame may be half drawn; judge a settled one.
sleep 1
import -display "$DISPLAY" -window root "$shot" || fail "screenshot failed"
rm -f "$out/poll.png"
ncolours="$(colours "$shot")"
stddev="$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)"
echo "smoke: first frame after ${first_ms} ms; $shot has $ncolours colours, grey std dev $stddev"
[[ $ncolours -gt 10 ]] || fail "screenshot looks blank ($ncolours colours)"

kill -TERM "$app_pid"
for _ in $(seq 1 50); do # 50 x 100 ms = 5 s
	kill -0 "$app_pid" 2>/dev/null || break
	sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && fail "still running 5 s after SIGTERM"
status=0
wait "$app_pid" || status=$?
app_pid=""
[[ $status -eq 0 ]] || fail "exit status $status after SIGTERM, want 0"

echo "smoke: PASS (frame, $ncolours colours, clean exit on SIGTERM)"
