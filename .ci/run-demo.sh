#!/usr/bin/env bash
# `make run`: starts the kiosk in demo mode. With no DISPLAY and no
# WAYLAND_DISPLAY (an SSH session, a container, CI) there is nothing to draw
# on, so it starts Xvfb on a free display and says so; the window is then
# invisible, but screenshots work (command printed below).
# Usage: .ci/run-demo.sh BIN [ARGS...]   (ARGS default: demo)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/xvfb.sh

bin="$1"
shift
(($#)) || set -- demo

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
	trap stop_xvfb EXIT
	start_xvfb
	echo "run: no DISPLAY or WAYLAND_DISPLAY; started Xvfb on $DISPLAY (invisible)." >&2
	echo "run: screenshot with: import -display $DISPLAY -window root shot.png" >&2
fi
# Not exec: the EXIT trap must still stop Xvfb after the kiosk quits.
# Ctrl-C reaches the kiosk directly (same process group).
"$bin" "$@"
