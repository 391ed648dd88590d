#!/usr/bin/env bash
# Smoke test of the real binary on a virtual screen:
#   1. start Xvfb (1280x800x24) on a free display;
#   2. run `BIN demo --fullscreen` and wait (max 30 s) until the screen is
#      no longer uniform, i.e. the first frame has been drawn;
#   3. save a screenshot to .ci/out/smoke.png and require more than 10
#      distinct colours (antialiased text alone gives dozens; a blank or
#      single-colour window does not pass);
#   4. as a finger on a touch panel (X turns a touch into pointer events): a tap
#      that wobbles 4 px on "Questions?" opens the FAQ; a swipe up its middle
#      moves the page and leaves the chrome's title bar as it was (the same
#      screen, nothing tapped on the way); .ci/out/smoke-faq-{before,after}.png;
#   5. send SIGTERM and require exit status 0 within 5 s.
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
for tool in Xvfb import convert compare xdotool; do
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

# differ A B [CROP] succeeds when the two screenshots differ (in CROP, e.g.
# 1280x150+0+0: the demo banner and the chrome's title bar at 1280x800).
differ() {
	local crop=${3:-}
	local -a args=()
	[[ -n $crop ]] && args=(-extract "$crop")
	[[ $(compare -metric AE "${args[@]}" "$1" "${args[@]}" "$2" null: 2>&1 || true) != 0 ]]
}
# The welcome screen's "Questions?" at 1280x800 (scale 1.2): pressed, moved 4 px
# as a finger does, lifted.
xdotool mousemove 176 598 mousedown 1 && sleep 0.05 && xdotool mousemove 179 601 && sleep 0.05 &&
	xdotool mousemove 180 602 && sleep 0.05 && xdotool mouseup 1
# Screenshots are taken with the pointer off every button, whose hover colour
# would tell the two apart.
park() { xdotool mousemove 640 165 && sleep 0.5; }
park
before="$out/smoke-faq-before.png" after="$out/smoke-faq-after.png"
import -display "$DISPLAY" -window root "$before" || fail "screenshot failed"
differ "$shot" "$before" || fail "a tap that moved 4 px on Questions? did not open the FAQ"
# A swipe up the FAQ's middle, 360 px in 16 ms steps, resting before the lift.
xdotool mousemove 640 700 mousedown 1
for y in $(seq 680 -40 320); do
	sleep 0.016
	xdotool mousemove 640 "$y"
done
sleep 0.2
xdotool mouseup 1
park
import -display "$DISPLAY" -window root "$after" || fail "screenshot failed"
differ "$before" "$after" 1280x600+0+180 || fail "a swipe on the FAQ did not move it ($before, $after)"
differ "$before" "$after" 1280x150+0+0 && fail "the swipe left the FAQ: its title bar changed ($before, $after)"

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

echo "smoke: PASS (frame, $ncolours colours, a wobbling tap and a swipe on the FAQ, clean exit on SIGTERM)"
