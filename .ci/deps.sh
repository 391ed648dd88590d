#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and `make run` need,
# but only those that are missing: with everything present it runs no apt
# command at all and takes well under a second. Then fetches Go modules.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
	# cgo build of Fyne/GLFW (X11 and Wayland back ends)
	gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
	# headless display, screenshots for the smoke test; keys pressed on the real
	# binary (the real-audio check, the deploy test's watchdog)
	xvfb imagemagick x11-utils xdotool
	# real Secret Service for the keyring integration test. dbus-user-session
	# is named so apt never picks dbus-x11 for gnome-keyring's session-bus
	# dependency: with dbus-x11, godbus spawns dbus-launch daemons that
	# outlive the tests.
	dbus dbus-user-session gnome-keyring libsecret-tools
	# speech: the daemon and its espeak-ng voices (the kiosk and the tests of
	# internal/speech talk to a real one); PulseAudio, its tools and sox for
	# the real-audio check (a null sink recorded and measured)
	speech-dispatcher speech-dispatcher-espeak-ng pulseaudio pulseaudio-utils sox
	# receipts: a real cupsd for the print test, CUPS's IPP client (ipptool)
	# the kiosk prints with, and tools that read printouts back: pdftotext,
	# pdftoppm (poppler-utils) and zbarimg (zbar-tools) for the QR code
	cups cups-client cups-ipp-utils poppler-utils zbar-tools
	# the fleet's monitoring: promtool checks /metrics, the alert rules and the
	# scrape config; amtool the Alertmanager routes (deploy/prometheus)
	prometheus prometheus-alertmanager
	# reads Prometheus's HTTP API answers in the fleet's end-to-end test
	jq
	# `go mod download` over HTTPS; commit id for -ldflags
	ca-certificates git
)

source .ci/apt.sh
apt_install_missing deps "${packages[@]}"

if dpkg-query -W -f='${db:Status-Abbrev}' dbus-x11 2>/dev/null | grep -q '^ii'; then
	echo "deps: warning: dbus-x11 is installed; D-Bus clients may leave dbus-launch daemons behind" >&2
fi

# Go itself is not a Debian 12 package at this version: say so plainly
# instead of failing later with a confusing go.mod error.
if ! command -v go >/dev/null; then
	echo "deps: Go is not installed (need go1.26 or newer on PATH)" >&2
	exit 1
fi
want="$(sed -n 's/^go \([0-9.]*\).*/\1/p' go.mod)"
have="$(go env GOVERSION | sed 's/^go//')"
if [[ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" != "$want" ]]; then
	echo "deps: go.mod needs go $want but $(command -v go) is go $have" >&2
	exit 1
fi

go mod download
