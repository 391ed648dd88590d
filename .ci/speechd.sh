# Sourced by .ci/speech-audio.sh (and by any check that needs the kiosk to be
# heard): starts a private PulseAudio with a null sink and a private
# speech-dispatcher speaking through espeak-ng into that sink, so what the
# kiosk says can be recorded from the sink's monitor. Nothing touches a
# desktop session's sound or speech daemon.
#
#   speechd_start_audio DIR   starts both under DIR (an empty directory); sets
#                             SPEECHD_ADDRESS, XDG_RUNTIME_DIR, SPEECH_SINK
#                             and exports them for the commands that follow
#   speechd_stop              stops what speechd_start_audio started
#
# Why each step:
# - PulseAudio needs a private XDG_RUNTIME_DIR (mode 700) for its socket; -n
#   skips default.pa, so only the null sink and the native protocol load.
#   As root it warns that it is not meant to run as root, and runs.
# - speech-dispatcher runs in the foreground (-s), never times out (-t 0),
#   and listens on its own socket; a client given a different socket in
#   SPEECHD_ADDRESS would fail with "Mismatch in socket names".
# - Debian installs the output modules in /usr/lib/speech-dispatcher-modules,
#   not under the multiarch path the config's comments suggest.

SPEECH_SINK=kiosk_speech
speechd_pids=()

speechd_wait() { # speechd_wait WHAT TRIES COMMAND...: 0.1 s between tries
	local what=$1 tries=$2
	shift 2
	for ((i = 0; i < tries; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "speechd: $what did not come up" >&2
	return 1
}

speechd_start_audio() {
	local dir=$1 module_dir
	for module_dir in /usr/lib/speech-dispatcher-modules /usr/lib/x86_64-linux-gnu/speech-dispatcher-modules; do
		[[ -x $module_dir/sd_espeak-ng ]] && break
	done
	[[ -x $module_dir/sd_espeak-ng ]] || { echo "speechd: no sd_espeak-ng output module (make deps)" >&2; return 1; }

	mkdir -p "$dir/run" "$dir/conf" "$dir/log"
	chmod 700 "$dir/run"
	export XDG_RUNTIME_DIR="$dir/run"
	pulseaudio -n --daemonize=no --exit-idle-time=-1 --use-pid-file=no --log-target=file:"$dir/log/pulse.log" \
		-L "module-null-sink sink_name=$SPEECH_SINK" -L module-native-protocol-unix 2>>"$dir/log/pulse.err" &
	speechd_pids+=($!)
	speechd_wait "PulseAudio" 100 pactl info || return 1

	cat >"$dir/conf/speechd.conf" <<CONF
LogLevel 3
LogDir "$dir/log"
DefaultVolume 100
AudioOutputMethod "pulse"
AudioPulseDevice "$SPEECH_SINK"
AddModule "espeak-ng" "sd_espeak-ng" "/etc/speech-dispatcher/modules/espeak-ng.conf"
DefaultModule espeak-ng
CONF
	rm -f "$dir/speechd.sock" # a stale socket would look ready
	speech-dispatcher -s -t 0 -c unix_socket -S "$dir/speechd.sock" -C "$dir/conf" -m "$module_dir" \
		>"$dir/log/speechd.out" 2>&1 &
	speechd_pids+=($!)
	speechd_wait "speech-dispatcher" 100 test -S "$dir/speechd.sock" || { cat "$dir/log/speechd.out" >&2; return 1; }
	export SPEECHD_ADDRESS="unix_socket:$dir/speechd.sock" SPEECH_SINK
}

speechd_stop() {
	# Newest first: speech-dispatcher's modules hang on to PulseAudio, and a
	# daemon stuck on a dead sound server would make a plain wait hang.
	local i pid
	for ((i = ${#speechd_pids[@]} - 1; i >= 0; i--)); do
		pid=${speechd_pids[i]}
		kill "$pid" 2>/dev/null || continue
		for _ in {1..50}; do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	speechd_pids=()
}
