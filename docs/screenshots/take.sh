#!/usr/bin/env bash
# Retakes the README's screenshots from the real binary: `lobbykiosk demo
# --fullscreen` under Xvfb at each lobby panel, its size given in the config as
# on a real kiosk, driven from the keyboard (Tab, Space, typing, Enter) so the
# same steps serve every panel. Needs xvfb, xdotool and imagemagick; run from the
# repository's root after `make build`: bash docs/screenshots/take.sh
set -euo pipefail
out=docs/screenshots
display=:97
scratch=$(mktemp -d)
trap 'pkill -f "lobbykiosk demo" || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$scratch"' EXIT

# kiosk PANEL INCHES starts the demo on a fresh X screen of PANEL pixels.
kiosk() {
	pkill -f "lobbykiosk demo" || true
	[[ -n ${xvfb:-} ]] && kill "$xvfb" 2>/dev/null && sleep 0.5
	Xvfb "$display" -screen 0 "${1}x24" >/dev/null 2>&1 &
	xvfb=$!
	sleep 1
	printf 'screen_diagonal_inches = %s\n' "$2" >"$scratch/config.toml"
	DISPLAY=$display XDG_RUNTIME_DIR=/tmp bin/lobbykiosk demo --fullscreen --config "$scratch/config.toml" \
		>"$scratch/kiosk.log" 2>&1 &
	sleep 4
}
keys() { DISPLAY=$display xdotool "$@"; sleep 0.6; }
type_() { DISPLAY=$display xdotool type --delay 30 "$1"; sleep 0.3; }
shot() { DISPLAY=$display xdotool mousemove 0 0; sleep 0.3; DISPLAY=$display import -window root "$out/$1.png"; }
spanish() { keys key Tab Tab space; }
english() { keys key Tab space; }
find_account() { type_ "$1"; keys key Return; type_ "$2"; keys key Return; sleep 1; }

for panel in "1280x800 15.6" "1080x1920 32" "1920x1080 21.5" "1024x768 15"; do
	read -r size inches <<<"$panel"
	kiosk "$size" "$inches"
	shot "welcome-$size"
	spanish
	type_ 000658210672430
	shot "find-$size-keys"

	kiosk "$size" "$inches"
	english
	find_account 102345671234567 97504
	keys key Return # Account found: Enter presses Register, the primary action
	type_ ana.reyes@example.com
	shot "register-$size-keys"

	kiosk "$size" "$inches"
	spanish
	find_account 203456782345678 97501
	keys key Return # Sign in
	type_ maria.demo@example.com
	keys key Return
	type_ Rogue-River-Salmon-58
	keys key Return
	sleep 1
	keys key Return # My account: Enroll in AutoPay
	shot "autopay-$size-keys"
done
