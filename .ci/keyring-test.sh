#!/usr/bin/env bash
# Runs the keyring_integration tests against a real gnome-keyring Secret
# Service on a private D-Bus session bus, so nothing depends on (or touches)
# a desktop session's keyring.
#
# Why each step:
# - dbus-run-session gives a throwaway session bus that dies with us.
# - The keyring is unlocked with a non-empty password on stdin; an empty one
#   creates no collection and every call fails.
# - `--unlock` returns before the daemon owns org.freedesktop.secrets; a
#   client calling first makes D-Bus activate a second, locked daemon. So we
#   wait for the name to have an owner before running the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
	command -v "$tool" >/dev/null || { echo "keyring-test: $tool missing (run make deps)" >&2; exit 1; }
done

# Private XDG dirs: the daemon keeps its keyring files and control socket
# there, so each run starts empty and leaves nothing behind. HOME stays as
# it is so `go` keeps its own settings and build cache.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"

export KEYRING_TEST_GOFLAGS="${KEYRING_TEST_GOFLAGS:--race}"
export KEYRING_TEST_LOG="$scratch/go-test.log"
# dbus-daemon's "Failed to set fd limit" warning (unprivileged container)
# is harmless noise; everything else on stderr is kept.
exec 2> >(grep -v --line-buffered 'Failed to set fd limit' >&2)
# shellcheck disable=SC2016 # the inner script expands its own variables
XDG_RUNTIME_DIR="$scratch/runtime" XDG_DATA_HOME="$scratch/data" \
	dbus-run-session -- bash -c '
set -euo pipefail
# No "| grep -q" here: under pipefail an early-exiting grep can turn a
# true answer into a failure.
owned() {
	local reply
	reply="$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null)" &&
		[[ $reply == *"boolean true"* ]]
}
# The password only unlocks this throwaway keyring; it is not a secret.
printf "%s" "lobbykiosk-ci-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
for _ in $(seq 1 100); do   # up to 10 s
	owned && break
	sleep 0.1
done
if ! owned; then
	echo "keyring-test: FAIL: org.freedesktop.secrets never got an owner" >&2
	exit 1
fi
# -count=1: the result depends on the outside daemon, never cache it.
go test $KEYRING_TEST_GOFLAGS -tags "keyring_integration${BUILD_TAGS:+,$BUILD_TAGS}" -run Integration -count=1 -v ./internal/secrets/ | tee "$KEYRING_TEST_LOG"
'
# A wrong tag or -run pattern would "pass" with no test run: refuse that.
grep -q '^--- PASS: TestIntegration' "$scratch/go-test.log" ||
	{ echo "keyring-test: FAIL: no integration test ran" >&2; exit 1; }
