#!/usr/bin/env bash
# The speaker for `make speech-audio` (.ci/speech-audio.sh): the real kiosk binary,
# in demo mode on an Xvfb display of its own, with Spanish as the default language.
# A visitor presses Help (F1) on the welcome screen, listens for a few seconds, then
# presses Down, which interrupts the welcome and says one item: what comes out of
# speech-dispatcher is the kiosk's own speech. Runs with SPEECHD_ADDRESS and
# XDG_RUNTIME_DIR set by speech-audio.sh; writes the PIDs it starts to
# $SPEECH_AUDIO_PIDS for speech-audio.sh to stop.
set -euo pipefail
bin=${1:?usage: kiosk-speaks.sh LOBBYKIOSK-BINARY}
for tool in Xvfb xdotool; do
	command -v "$tool" >/dev/null || { echo "kiosk-speaks: $tool missing (run make deps)" >&2; exit 1; }
done
scratch="$(mktemp -d)"
printf 'default_language = "es"\n' >"$scratch/config.toml"

# A display nobody else uses: the first free of :71..:89.
for n in $(seq 71 89); do
	[[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=:$n; break; }
done
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
echo $! >>"$SPEECH_AUDIO_PIDS"
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done

DISPLAY=$display "$bin" demo --fullscreen --config "$scratch/config.toml" >"$scratch/kiosk.log" 2>&1 &
echo $! >>"$SPEECH_AUDIO_PIDS"
for _ in $(seq 100); do
	DISPLAY=$display xdotool search --onlyvisible --name . >/dev/null 2>&1 && break
	sleep 0.1
done
sleep 1 # the first frame

DISPLAY=$display xdotool key F1
sleep 6
DISPLAY=$display xdotool key Down
