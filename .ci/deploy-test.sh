#!/usr/bin/env bash
# Tests of the deployment (docs/deploy.md), as far as they can run without a real screen,
# VT or systemd as PID 1:
#   1. `make install DESTDIR=…` installs exactly the files docs/deploy.md lists;
#      `setup-kiosk --root …` writes exactly the /etc and home files it lists;
#   2. the systemd units are valid (`systemd-analyze verify`, no warnings) with every
#      command they run present (an install with a real PREFIX);
#   3. the keyring path as deployed: unlock-keyring (password from a credentials
#      directory, as LoadCredential= provides) on a private D-Bus session with a
#      real gnome-keyring, `lobbykiosk provision` from stdin, `lobbykiosk check`
#      all ok against the portal simulator; a new session with the same password
#      opens the same keyring; a wrong password is refused by unlock-keyring, and
#      with a display and the prompt overrides check fails at once (no dialog);
#      check's lines for these cases are the ones docs/deploy.md shows;
#   4. the installed binary, started from the desktop file's Exec line (with
#      --config added: the desktop file has none) under Xvfb, draws its welcome
#      screen in service (not "out of service") and exits 0 on SIGTERM;
#   5. if dist/ holds tarballs that `make package` made from HEAD, their contents are
#      what docs/deploy.md lists, fyne's desktop file is deploy/'s, and the deploy
#      tarball's install.sh installs the same tree from them;
#   6. the watchdog as systemd drives it: the installed binary with a NOTIFY_SOCKET of
#      the test's own, WATCHDOG_USEC and WATCHDOG_PID says READY=1 and pings; once
#      another X client destroys its window (lockdown.md's `xdotool windowclose`)
#      the pings stop while the process lives on: the state systemd restarts;
#   7. card recovery after a crash (docs/payments.md): the installed binary, `run` with a
#      card terminal and its passphrase in the keyring, is killed with SIGKILL while it
#      owes the portal two payments the practice terminal took, and started again: each
#      is recorded once, the journal is empty (crash_recovery_test.go, tag crashtest).
# `make package` itself is not run here: cold it takes ~6 min (the release tags
# rebuild the cgo OpenGL bindings); DEPLOY_TEST_PACKAGE=1 runs it first.
# Usage: .ci/deploy-test.sh   (needs `make deps`; installs xinit for startx, socat and
# xdotool for the watchdog)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/xvfb.sh
start_s=$SECONDS
make=("${MAKE:-make}" --no-print-directory)

fail() {
	echo "deploy-test: FAIL: $*" >&2
	exit 1
}
pass() { echo "deploy-test: ok: $*"; }

# startx (package xinit) is the command lobbykiosk-session.service runs, so
# systemd-analyze verify needs it; systemd-analyze itself comes with systemd.
need=()
command -v startx >/dev/null || need+=(xinit)
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v socat >/dev/null || need+=(socat)
command -v xdotool >/dev/null || need+=(xdotool)
if ((${#need[@]})); then
	echo "deploy-test: installing ${need[*]}"
	sudo=()
	[[ $(id -u) -eq 0 ]] || sudo=(sudo)
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi
for tool in Xvfb import convert dbus-run-session dbus-send gnome-keyring-daemon systemd-analyze socat xdotool; do
	command -v "$tool" >/dev/null || fail "$tool missing (run make deps)"
done

scratch="$(mktemp -d)"
app_pid=""
sim_pid=""
watched_pid=""
notify_pid=""
cleanup() {
	# The kiosk runs inside dbus-run-session; a failed session can leave it behind.
	[[ -f $scratch/app.pid ]] && app_pid="$(cat "$scratch/app.pid")"
	for pid in "$app_pid" "$sim_pid" "$watched_pid" "$notify_pid"; do
		if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
			kill -KILL "$pid" 2>/dev/null || true
		fi
	done
	stop_xvfb
	rm -rf "$scratch"
}
trap cleanup EXIT

# listed MARKER prints the lines of docs/deploy.md between <!-- MARKER:begin -->
# and <!-- MARKER:end -->, without code fences, sorted.
listed() {
	sed -n "/<!-- $1:begin -->/,/<!-- $1:end -->/p" docs/deploy.md |
		grep -v -e '^<!--' -e '^```' -e '^$' | sort
}
# same_list WHAT WANT GOT: fail with a diff unless the two sorted lists agree.
same_list() {
	if ! diff -u <(printf '%s\n' "$2") <(printf '%s\n' "$3") >"$scratch/diff"; then
		cat "$scratch/diff" >&2
		fail "$1 differs from docs/deploy.md (- documented, + actual)"
	fi
}

# --- 1. the install tree and setup-kiosk's files
dest="$scratch/dest"
"${make[@]}" install DESTDIR="$dest" >"$scratch/install.log" || { cat "$scratch/install.log" >&2; fail "make install"; }
got="$(cd "$dest" && find . \( -type f -o -type l \) -printf '%P\n' | sort)"
want="$(listed install-tree)"
[[ -n $want ]] || fail "docs/deploy.md has no install-tree list"
same_list "the install tree" "$want" "$got"
[[ -x $dest/usr/local/bin/lobbykiosk && -x $dest/usr/local/libexec/lobbykiosk/setup-kiosk ]] ||
	fail "installed programs are not executable"
grep -rn '@[a-z]*dir@' "$dest" && fail "placeholders left in installed files"
pass "make install DESTDIR: $(wc -l <<<"$got") files, as documented"

"$dest/usr/local/libexec/lobbykiosk/setup-kiosk" --root "$dest" >"$scratch/setup.log" 2>&1 ||
	{ cat "$scratch/setup.log" >&2; fail "setup-kiosk --root"; }
got="$(cd "$dest" && find etc home \( -type f -o -type l \) | while read -r f; do
	if [[ -L $f ]]; then echo "/$f -> $(readlink "$f")"; else echo "/$f"; fi
done | sort)"
same_list "setup-kiosk's files" "$(listed setup-files)" "$got"
[[ $(stat -c '%a' "$dest/etc/lobbykiosk/keyring-password") == 600 && -s $dest/etc/lobbykiosk/keyring-password ]] ||
	fail "keyring-password is not a non-empty 0600 file"
before="$(cat "$dest/etc/lobbykiosk/keyring-password")"
"$dest/usr/local/libexec/lobbykiosk/setup-kiosk" --root "$dest" >/dev/null 2>&1 || fail "setup-kiosk is not rerunnable"
[[ $before == "$(cat "$dest/etc/lobbykiosk/keyring-password")" ]] || fail "a second setup-kiosk replaced the keyring password"
pass "setup-kiosk --root: files as documented; reruns keep the keyring password"

# --- 2. the units, installed with a real PREFIX so every ExecStart= path exists
prefix="$scratch/prefix"
PREFIX="$prefix" .ci/install.sh >/dev/null
mkdir -m 700 "$scratch/runtime"
verify_out="$( (systemd-analyze verify --man=false "$prefix/lib/systemd/system/lobbykiosk-session.service" &&
	XDG_RUNTIME_DIR="$scratch/runtime" systemd-analyze verify --user --man=false "$prefix/lib/systemd/user/lobbykiosk.service") 2>&1)" ||
	{ echo "$verify_out" >&2; fail "systemd-analyze verify"; }
[[ -z $verify_out ]] || { echo "$verify_out" >&2; fail "systemd-analyze verify warns"; }
pass "systemd-analyze verify: lobbykiosk-session.service (system), lobbykiosk.service (user)"

# --- 3 and 4 run on a private D-Bus session bus with a real gnome-keyring, like
# keyring-test.sh, and the kiosk on Xvfb.
bin="$dest/usr/local/bin/lobbykiosk"
libexec="$dest/usr/local/libexec/lobbykiosk"
mkdir -p "$scratch/data" "$scratch/creds" "$scratch/wrong" "$scratch/kr-runtime"
chmod 700 "$scratch/kr-runtime"
head -c 24 /dev/urandom | base64 -w0 >"$scratch/creds/keyring-password"
printf '%s' 'not-the-password' >"$scratch/wrong/keyring-password"
# The prompt overrides setup-kiosk gives the kiosk user.
cp -r "$dest/home/kiosk/.local/share/dbus-1" "$scratch/data/"

# The portal simulator on a loopback port the kernel picks.
"$bin" portal-sim --addr 127.0.0.1:0 >"$scratch/sim.log" 2>&1 &
sim_pid=$!
sim_url=""
for _ in $(seq 1 50); do
	sim_url="$(sed -n 's|^Portal simulator listening on \(http://127\.0\.0\.1:[0-9]*\).*|\1|p' "$scratch/sim.log")"
	[[ -n $sim_url ]] && break
	sleep 0.1
done
[[ -n $sim_url ]] || fail "portal simulator did not start: $(cat "$scratch/sim.log")"
printf 'portal_url = "%s"\n' "$sim_url" >"$scratch/config.toml"

XVFB_LOG="$scratch/xvfb.log" start_xvfb || fail "Xvfb did not start"
exec_line="$(sed -n 's/^Exec=//p' "$dest/usr/local/share/applications/org.medfordwater.lobbykiosk.desktop")"
exec_line="${exec_line//%[fFuU]/}"
export DEPLOY_BIN="$bin" DEPLOY_LIBEXEC="$libexec" DEPLOY_CONFIG="$scratch/config.toml" \
	DEPLOY_SCRATCH="$scratch" DEPLOY_EXEC="$exec_line" DEPLOY_PATH="$dest/usr/local/bin:$PATH"
exec 3>&2 2> >(grep -v --line-buffered -e 'Failed to set fd limit' -e '^dbus-daemon\[[0-9]*\]: \[session' >&3)

# One session: first unlock (creates the keyring), provision, check, the kiosk.
# shellcheck disable=SC2016 # the inner scripts expand their own variables
session_one='
set -euo pipefail
s=$DEPLOY_SCRATCH
CREDENTIALS_DIRECTORY=$s/creds "$DEPLOY_LIBEXEC/unlock-keyring" 2>"$s/unlock1.log" ||
	{ cat "$s/unlock1.log" >&2; echo "unlock-keyring failed on a new keyring" >&2; exit 1; }
"$DEPLOY_BIN" check --config "$DEPLOY_CONFIG" >"$s/check0.log" 2>&1 && { echo "check passed with nothing provisioned" >&2; exit 1; }
printf "%s\n%s\n%s\n" demo-kiosk-key 482913 482913 | "$DEPLOY_BIN" provision >"$s/provision.log" 2>&1
grep -q "^provisioned:" "$s/provision.log" || { cat "$s/provision.log" >&2; exit 1; }
"$DEPLOY_BIN" check --config "$DEPLOY_CONFIG" >"$s/check1.log" 2>&1 || { cat "$s/check1.log" >&2; exit 1; }

# The kiosk from the desktop file Exec line, found on PATH like a launcher would.
read -r -a argv <<<"$DEPLOY_EXEC"
mkdir -m 700 "$s/app-runtime"
PATH=$DEPLOY_PATH XDG_RUNTIME_DIR=$s/app-runtime LANG=en_US.UTF-8 \
	"${argv[@]}" --config "$DEPLOY_CONFIG" >"$s/app.log" 2>&1 </dev/null &
app=$!
echo "$app" >"$s/app.pid"
frame=""
for _ in $(seq 1 150); do # 30 s
	kill -0 "$app" 2>/dev/null || { echo "the kiosk exited before drawing" >&2; tail -n 20 "$s/app.log" >&2; exit 1; }
	if import -display "$DISPLAY" -window root "$s/poll.png" 2>/dev/null &&
		[[ $(convert "$s/poll.png" -format "%k" info:) -gt 1 ]]; then
		frame=yes
		break
	fi
	sleep 0.2
done
[[ -n $frame ]] || { echo "no frame within 30 s" >&2; exit 1; }
sleep 1
import -display "$DISPLAY" -window root "$s/kiosk.png"
kill -TERM "$app"
status=0
for _ in $(seq 1 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && { echo "kiosk still running 5 s after SIGTERM" >&2; exit 1; }
wait "$app" || status=$?
[[ $status -eq 0 ]] || { echo "kiosk exit status $status after SIGTERM" >&2; exit 1; }
'
# A later session (a reboot): the same password opens the same keyring.
# shellcheck disable=SC2016
session_two='
set -euo pipefail
s=$DEPLOY_SCRATCH
CREDENTIALS_DIRECTORY=$s/creds "$DEPLOY_LIBEXEC/unlock-keyring" 2>"$s/unlock2.log" ||
	{ cat "$s/unlock2.log" >&2; exit 1; }
"$DEPLOY_BIN" check --config "$DEPLOY_CONFIG" >"$s/check2.log" 2>&1 || { cat "$s/check2.log" >&2; exit 1; }
'
# A wrong password: unlock-keyring says so; check fails fast instead of a dialog.
# shellcheck disable=SC2016
session_wrong='
set -uo pipefail
s=$DEPLOY_SCRATCH
if CREDENTIALS_DIRECTORY=$s/wrong "$DEPLOY_LIBEXEC/unlock-keyring" 2>"$s/unlock3.log"; then
	echo "unlock-keyring accepted a wrong password" >&2; exit 1
fi
start=$(date +%s%N)
"$DEPLOY_BIN" check --config "$DEPLOY_CONFIG" >"$s/check3.log" 2>&1 && { echo "check passed on a locked keyring" >&2; exit 1; }
echo $((($(date +%s%N) - start) / 1000000)) >"$s/check3.ms"
exit 0
'
run_session() { # NAME SCRIPT
	XDG_RUNTIME_DIR="$scratch/kr-runtime" XDG_DATA_HOME="$scratch/data" \
		dbus-run-session -- bash -c "$2" || fail "$1"
}

run_session "first session (unlock, provision, check, kiosk)" "$session_one"
rm -f "$scratch/app.pid"
grep -q '^credential ok' "$scratch/check1.log" || fail "check: $(cat "$scratch/check1.log")"
pass "unlock-keyring made the keyring; provision from stdin; check: $(grep -c ' ok ' "$scratch/check1.log") pieces ok"
grep -q 'out of service' "$scratch/app.log" && fail "the kiosk started out of service: $(grep 'out of service' "$scratch/app.log")"
ncolours="$(convert "$scratch/kiosk.png" -format '%k' info:)"
[[ $ncolours -gt 10 ]] || fail "the kiosk's screen looks blank ($ncolours colours)"
mkdir -p .ci/out && cp "$scratch/kiosk.png" .ci/out/deploy-kiosk.png
pass "desktop Exec \"$exec_line\" drew the kiosk in service on $DISPLAY ($ncolours colours, .ci/out/deploy-kiosk.png), exit 0 on SIGTERM"

run_session "second session (same password)" "$session_two"
pass "a new session with the same password opens the same keyring; check ok"

run_session "wrong password" "$session_wrong"
grep -q 'still locked' "$scratch/unlock3.log" || fail "unlock-keyring's message: $(cat "$scratch/unlock3.log")"
grep -q '^keyring    FAIL' "$scratch/check3.log" || fail "check on a locked keyring: $(cat "$scratch/check3.log")"
ms="$(cat "$scratch/check3.ms")"
((ms < 2500)) || fail "check took $ms ms on a locked keyring (a password prompt waited?)"
pass "wrong password: unlock-keyring refuses; check says 'keyring FAIL' in $ms ms (no prompt)"

# The check lines docs/deploy.md shows for these cases are the ones the binary prints.
documented() { # LOG PATTERN: the line of LOG matching PATTERN must be in docs/deploy.md
	local line
	line="$(grep -m1 -e "$2" "$scratch/$1")" || fail "no line matching '$2' in $1: $(cat "$scratch/$1")"
	grep -qF -- "$line" docs/deploy.md || fail "docs/deploy.md lacks check's line: $line"
}
documented check0.log '^keyring    FAIL'
documented check1.log '^keyring    ok'
documented check1.log '^staff-pin  ok'
documented check1.log '^credential ok'
documented check3.log '^keyring    FAIL'
pass "check's lines for nothing provisioned, all ok and a locked keyring are the ones docs/deploy.md shows"

# --- 5. the tarballs, when make package has made them
if [[ ${DEPLOY_TEST_PACKAGE:-} == 1 ]]; then
	"${make[@]}" package >"$scratch/package.log" || { cat "$scratch/package.log" >&2; fail "make package"; }
fi
version="$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)".*/\1/p' FyneApp.toml | head -n1)"
release="dist/lobbykiosk-$version-linux-$(go env GOARCH).tar.xz"
deploy="dist/lobbykiosk-deploy-$version.tar.gz"
made_from="$(cat dist/COMMIT 2>/dev/null || true)"
if [[ -f $release && -f $deploy && $made_from != "$(git rev-parse HEAD)" ]]; then
	echo "deploy-test: note: dist/ was made from ${made_from:-an unknown commit}, not HEAD; its tarballs were not checked (make package)"
elif [[ -f $release && -f $deploy ]]; then
	got="$(tar -tJf "$release" | grep -v '/$' | sort)"
	same_list "$release" "$(listed release-tarball)" "$got"
	got="$(tar -tzf "$deploy" | grep -v '/$' | sed "s/-$version\//-VERSION\//" | sort)"
	same_list "$deploy" "$(listed deploy-tarball)" "$got"
	(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "dist/SHA256SUMS"
	# The desktop file fyne package wrote is the one make install installs.
	tar -xJf "$release" -C "$scratch" --wildcards '*/applications/org.medfordwater.lobbykiosk.desktop'
	fyne_desktop="$(find "$scratch/lobbykiosk" -name org.medfordwater.lobbykiosk.desktop)"
	diff -u -B deploy/org.medfordwater.lobbykiosk.desktop "$fyne_desktop" ||
		fail "deploy/'s desktop file differs from the one fyne package wrote"
	mkdir "$scratch/unpack"
	tar -xzf "$deploy" -C "$scratch/unpack"
	DESTDIR="$scratch/from-tarball" "$scratch/unpack/lobbykiosk-deploy-$version/install.sh" "$release" >/dev/null
	got="$(cd "$scratch/from-tarball" && find . \( -type f -o -type l \) -printf '%P\n' | sort)"
	same_list "install.sh from the tarballs" "$(listed install-tree)" "$got"
	"$scratch/from-tarball/usr/local/bin/lobbykiosk" version | grep -q "^lobbykiosk $version (commit [0-9a-f]" ||
		fail "the release binary's version line: $("$scratch/from-tarball/usr/local/bin/lobbykiosk" version)"
	pass "$release and $deploy as documented; install.sh from them installs the same tree"
else
	echo "deploy-test: note: no tarballs in dist/ (make package), so their contents were not checked"
fi

# --- 6. the watchdog. socat is the systemd-less NOTIFY_SOCKET: it appends every
# datagram it gets to notify.log. WatchdogSec=2 here, so the kiosk pings every second.
notify="$scratch/notify"
socat -u "UNIX-RECV:$notify" "OPEN:$scratch/notify.log,creat,append" 2>"$scratch/socat.log" &
notify_pid=$!
for _ in $(seq 1 50); do
	[[ -S $notify ]] && break
	sleep 0.1
done
[[ -S $notify ]] || fail "socat did not listen on $notify: $(cat "$scratch/socat.log")"
pings() { grep -o 'WATCHDOG=1' "$scratch/notify.log" 2>/dev/null | wc -l; }
mkdir -m 700 "$scratch/watched-runtime"
# WATCHDOG_PID is the kiosk's own, as systemd sets it: bash execs the kiosk in its place.
# shellcheck disable=SC2016 # expanded by the inner bash
NOTIFY_SOCKET="$notify" WATCHDOG_USEC=2000000 XDG_RUNTIME_DIR="$scratch/watched-runtime" LANG=en_US.UTF-8 \
	bash -c 'export WATCHDOG_PID=$$; exec "$@"' kiosk "$bin" demo --config "$scratch/config.toml" \
	>"$scratch/watched.log" 2>&1 </dev/null &
watched_pid=$!
for _ in $(seq 1 150); do # 30 s
	grep -q 'READY=1' "$scratch/notify.log" 2>/dev/null && break
	kill -0 "$watched_pid" 2>/dev/null || fail "the kiosk exited before READY=1: $(tail -n 5 "$scratch/watched.log")"
	sleep 0.2
done
grep -q 'READY=1' "$scratch/notify.log" 2>/dev/null || fail "no READY=1 on NOTIFY_SOCKET within 30 s"
for _ in $(seq 1 50); do # 5 s
	(($(pings) >= 2)) && break
	sleep 0.1
done
(($(pings) >= 2)) || fail "READY=1 but no WATCHDOG=1 pings within 5 s (WATCHDOG_USEC=2000000)"
window="$(xdotool search --name '^Medford Water$' | head -n1)"
[[ -n $window ]] || fail "xdotool finds no window named Medford Water"
xdotool windowclose "$window"
sleep 0.5 # a ping the UI thread was already sending may still land
before="$(pings)"
sleep 3 # longer than WatchdogSec
after="$(pings)"
((after == before)) || fail "$((after - before)) watchdog pings after the window was destroyed"
kill -0 "$watched_pid" 2>/dev/null || fail "the kiosk exited when its window was destroyed (expected: alive, pings stopped)"
grep -q 'kiosk window lost' "$scratch/watched.log" || fail "the kiosk did not log the lost window"
kill -TERM "$watched_pid"
wait "$watched_pid" || true
watched_pid=""
pass "watchdog: READY=1, then WATCHDOG=1 every second; window destroyed by another X client: no ping for 3 s (> WatchdogSec), process alive, so systemd restarts it"

# --- 7. card recovery after a crash. The test holds the portal simulator and the
# practice terminal, which outlive the kiosk it kills; the keyring is this script's.
# shellcheck disable=SC2016 # expanded by the inner bash
session_crash='
set -euo pipefail
s=$DEPLOY_SCRATCH
CREDENTIALS_DIRECTORY=$s/creds "$DEPLOY_LIBEXEC/unlock-keyring" 2>"$s/unlock4.log" ||
	{ cat "$s/unlock4.log" >&2; exit 1; }
LOBBYKIOSK_BIN=$DEPLOY_BIN go test -tags "crashtest${BUILD_TAGS:+,$BUILD_TAGS}" -run "^TestKioskKilled" -count=1 -v . \
	>"$s/crash.log" 2>&1 || { tail -n 60 "$s/crash.log" >&2; exit 1; }
'
crash_start=$SECONDS
run_session "card recovery after a crash" "$session_crash"
# A wrong tag or -run pattern would "pass" with no test run: refuse that.
grep -q -- '--- PASS: TestKioskKilledAfterApprovalRecordsThePaymentOnce' "$scratch/crash.log" ||
	fail "the crash test did not run: $(tail -n 5 "$scratch/crash.log")"
pass "card recovery: run killed (SIGKILL) owing the portal two approved payments, restarted: each recorded once, journal empty ($((SECONDS - crash_start)) s)"

echo "deploy-test: PASS ($((SECONDS - start_s)) s)"
