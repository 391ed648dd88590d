# shellcheck shell=bash
# Sourced by smoke.sh and run-demo.sh: start_xvfb starts Xvfb on a free
# display and sets XVFB_PID and DISPLAY. -displayfd makes Xvfb pick the
# display number itself and report it once it accepts connections, which
# avoids both guessing a free :N and racing another Xvfb for it.
start_xvfb() {
	local numfile
	numfile="$(mktemp)"
	# setsid: a Ctrl-C at the terminal must reach only the kiosk, not kill
	# the X server under it; stop_xvfb ends Xvfb afterwards.
	setsid Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1280x800x24}" -nolisten tcp \
		3>"$numfile" >"${XVFB_LOG:-/dev/null}" 2>&1 &
	XVFB_PID=$!
	local _
	for _ in $(seq 1 100); do # up to 10 s
		[[ -s $numfile ]] && break
		kill -0 "$XVFB_PID" 2>/dev/null || break
		sleep 0.1
	done
	if [[ ! -s $numfile ]]; then
		rm -f "$numfile"
		echo "Xvfb did not start (log: ${XVFB_LOG:-none})" >&2
		return 1
	fi
	DISPLAY=":$(tr -d '[:space:]' <"$numfile")"
	export DISPLAY
	rm -f "$numfile"
}

# stop_xvfb ends the Xvfb this shell started, and only that one.
stop_xvfb() {
	if [[ -n ${XVFB_PID:-} ]] && kill -0 "$XVFB_PID" 2>/dev/null; then
		kill "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
	fi
	XVFB_PID=""
}
