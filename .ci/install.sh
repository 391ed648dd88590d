#!/usr/bin/env bash
# `make install`: installs the kiosk and its deployment files.
#   .ci/install.sh [BINARY | RELEASE_TARBALL]
# The binary defaults to bin/lobbykiosk (`make install` builds it first). In the
# deploy tarball this script is install.sh at the top, and it takes the release
# tarball that `make package` made (lobbykiosk-VERSION-linux-amd64.tar.xz), or finds
# it beside itself or one directory up, and installs the binary from it.
#
# PREFIX (default /usr/local) and DESTDIR (default empty) as usual; SYSCONFDIR
# (default /etc) is only written into the unit file (the keyring password's path).
# Nothing here changes how the machine behaves: the system unit is not enabled,
# and the X, logind and PAM files go to $PREFIX/share/lobbykiosk/ for
# setup-kiosk to put in place (docs/deploy.md).
#
# Installed (paths under $DESTDIR$PREFIX unless absolute):
#   bin/lobbykiosk
#   share/applications/org.medfordwater.lobbykiosk.desktop
#   share/icons/hicolor/512x512/apps/org.medfordwater.lobbykiosk.png
#   share/doc/lobbykiosk/{config.example.toml,deploy.md,lockdown.md}
#   lib/systemd/system/lobbykiosk-session.service
#   lib/systemd/user/lobbykiosk.service
#   libexec/lobbykiosk/{kiosk-session,unlock-keyring,setup-kiosk}
#   share/lobbykiosk/{pam.lobbykiosk,10-lobbykiosk.conf,logind-lobbykiosk.conf}
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# In the repository this script is .ci/install.sh; in the deploy tarball, ./install.sh.
src="$here"
[[ -d $src/deploy ]] || src="$(dirname "$here")"
[[ -d $src/deploy ]] || { echo "install: no deploy/ directory beside $0" >&2; exit 1; }

prefix="${PREFIX:-/usr/local}"
destdir="${DESTDIR:-}"
sysconfdir="${SYSCONFDIR:-/etc}"
app_id=org.medfordwater.lobbykiosk
[[ $prefix == /* ]] || { echo "install: PREFIX must be absolute, got $prefix" >&2; exit 1; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The binary: given, the one `make build` made, or out of a release tarball.
bin="${1:-}"
if [[ -z $bin ]]; then
	if [[ -x $src/bin/lobbykiosk ]]; then
		bin="$src/bin/lobbykiosk"
	else
		for candidate in "$src"/lobbykiosk-*-linux-*.tar.xz "$src"/../lobbykiosk-*-linux-*.tar.xz; do
			[[ -f $candidate ]] && { bin="$candidate"; break; }
		done
	fi
fi
[[ -n $bin && -f $bin ]] || { echo "install: no binary: run make build, or pass the release tarball (lobbykiosk-VERSION-linux-amd64.tar.xz)" >&2; exit 1; }
if [[ $bin == *.tar.xz ]]; then
	# fyne package puts it at lobbykiosk/usr/local/bin/ or lobbykiosk/usr/bin/.
	member="$(tar -tJf "$bin" | grep -E '^(\./)?lobbykiosk/usr/(local/)?bin/lobbykiosk$' | head -n1)"
	[[ -n $member ]] || { echo "install: $bin holds no lobbykiosk binary" >&2; exit 1; }
	tar -xJf "$bin" -C "$scratch" "$member"
	bin="$scratch/$member"
fi

fill() { # fill TEMPLATE DEST MODE: copy with the @dir@ placeholders replaced
	local tmp="$scratch/fill"
	sed -e "s|@bindir@|$prefix/bin|g" -e "s|@libexecdir@|$prefix/libexec|g" \
		-e "s|@sysconfdir@|$sysconfdir|g" -e "s|@docdir@|$prefix/share/doc/lobbykiosk|g" "$1" >"$tmp"
	if grep -q '@[a-z]*dir@' "$tmp"; then
		echo "install: unfilled placeholder in $1" >&2
		exit 1
	fi
	install -D -m "$3" "$tmp" "$2"
}

root="$destdir$prefix"
install -D -m 0755 "$bin" "$root/bin/lobbykiosk"
install -D -m 0644 "$src/deploy/$app_id.desktop" "$root/share/applications/$app_id.desktop"
install -D -m 0644 "$src/assets/icon.png" "$root/share/icons/hicolor/512x512/apps/$app_id.png"
install -D -m 0644 "$src/config.example.toml" "$root/share/doc/lobbykiosk/config.example.toml"
install -D -m 0644 "$src/docs/deploy.md" "$root/share/doc/lobbykiosk/deploy.md"
install -D -m 0644 "$src/docs/lockdown.md" "$root/share/doc/lobbykiosk/lockdown.md"
fill "$src/deploy/lobbykiosk-session.service" "$root/lib/systemd/system/lobbykiosk-session.service" 0644
fill "$src/deploy/lobbykiosk.service" "$root/lib/systemd/user/lobbykiosk.service" 0644
for script in kiosk-session unlock-keyring setup-kiosk; do
	fill "$src/deploy/$script" "$root/libexec/lobbykiosk/$script" 0755
done
for file in pam.lobbykiosk 10-lobbykiosk.conf logind-lobbykiosk.conf; do
	install -D -m 0644 "$src/deploy/$file" "$root/share/lobbykiosk/$file"
done

echo "install: lobbykiosk installed under ${destdir}${prefix} ($("$root/bin/lobbykiosk" version 2>/dev/null || echo 'version unknown'))"
if [[ -z $destdir ]]; then
	echo "install: next, as root: $prefix/libexec/lobbykiosk/setup-kiosk   (see $prefix/share/doc/lobbykiosk/deploy.md)"
fi
