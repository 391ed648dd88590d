#!/usr/bin/env bash
# The real-audio check: speech-dispatcher with espeak-ng speaks into a
# PulseAudio null sink (.ci/speechd.sh), parec records the sink's monitor, and
# sox measures that non-silent audio of plausible length came out.
#
#   .ci/speech-audio.sh                 the kiosk's speech client (internal/speech/say)
#                                       speaks a Spanish sentence
#   .ci/speech-audio.sh COMMAND ARGS…   COMMAND makes the speech instead (e.g. starts
#                                       the kiosk and presses F1); it runs with
#                                       SPEECHD_ADDRESS and XDG_RUNTIME_DIR pointing at
#                                       the private daemons, and may return at once
#
# SPEECH_MIN_SECONDS / SPEECH_MAX_SECONDS bound the plausible length of the
# speech (default 2 and 30); SPEECH_WAIT_SECONDS how long to wait for it to
# start and end (default 40).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in pulseaudio pactl parec sox speech-dispatcher; do
	command -v "$tool" >/dev/null || { echo "speech-audio: $tool missing (run make deps)" >&2; exit 1; }
done
min=${SPEECH_MIN_SECONDS:-2} max=${SPEECH_MAX_SECONDS:-30} wait_for=${SPEECH_WAIT_SECONDS:-40}

scratch="$(mktemp -d)"
source .ci/speechd.sh
recorder=
# Processes COMMAND starts and leaves running (the kiosk, its display), one PID a line.
export SPEECH_AUDIO_PIDS="$scratch/pids"
cleanup() {
	[[ -n $recorder ]] && kill "$recorder" 2>/dev/null && wait "$recorder" 2>/dev/null
	if [[ -s $SPEECH_AUDIO_PIDS ]]; then
		tac "$SPEECH_AUDIO_PIDS" | xargs -r kill 2>/dev/null || true
	fi
	speechd_stop
	rm -rf "$scratch"
}
trap cleanup EXIT

# The speaker: built before the clock starts, so compiling is not counted.
if (($# == 0)); then
	go build -o "$scratch/say" ./internal/speech/say
	set -- "$scratch/say" -lang es \
		"Bienvenido a Medford Water. Para escuchar las instrucciones, pulse la tecla de ayuda."
fi

start=$SECONDS
speechd_start_audio "$scratch"

# Raw samples, not WAV: a recorder ended by a signal leaves no valid WAV header.
raw="$scratch/speech.raw"
format=(-t raw -r 16000 -e signed -b 16 -c 1)
parec -d "$SPEECH_SINK.monitor" --format=s16le --rate=16000 --channels=1 --latency-msec=50 >"$raw" &
recorder=$!

"$@"

# Loudest sample of the whole recording, and of its last 1.5 s (48000 bytes).
peak() { sox "${format[@]}" "$1" -n stat 2>&1 | awk '/^Maximum amplitude/ {print $3}'; }
louder() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a > b)}'; }
heard=0
for ((i = 0; i < wait_for * 4; i++)); do
	sleep 0.25
	[[ -s $raw ]] || continue
	if ((!heard)) && louder "$(peak "$raw")" 0.05; then
		heard=1
	fi
	if ((heard)) && (($(stat -c %s "$raw") > 48000)); then
		tail -c 48000 "$raw" >"$scratch/tail.raw"
		louder "$(peak "$scratch/tail.raw")" 0.01 || break
	fi
done
kill "$recorder"
wait "$recorder" 2>/dev/null || true
recorder=

if ((!heard)); then
	echo "speech-audio: FAIL: no sound reached the sink within ${wait_for} s" >&2
	grep -hi 'error\|fail' "$scratch"/log/* 2>/dev/null | tail -20 >&2 || true
	exit 1
fi
# Trim the silence before and after; what is left is the speech.
sox "${format[@]}" "$raw" "${format[@]}" "$scratch/speech-only.raw" silence 1 0.05 1% reverse silence 1 0.05 1% reverse
stats="$(sox "${format[@]}" "$scratch/speech-only.raw" -n stat 2>&1)"
seconds="$(awk '/^Length \(seconds\)/ {print $3}' <<<"$stats")"
rms="$(awk '/^RMS +amplitude/ {print $3}' <<<"$stats")"
echo "speech-audio: ${seconds} s of speech, RMS ${rms}, check took $((SECONDS - start)) s"
if louder "$min" "$seconds" || louder "$seconds" "$max"; then
	echo "speech-audio: FAIL: ${seconds} s of speech is outside ${min}–${max} s" >&2
	exit 1
fi
louder "$rms" 0.01 || { echo "speech-audio: FAIL: RMS ${rms} is near silence" >&2; exit 1; }
echo "speech-audio: ok"
