# Sourced by .ci/deps.sh and bench/run.sh (deploy/setup-kiosk keeps its own copy: it
# ships alone to the lobby PC).
#
# apt_install_missing WHO PACKAGE... installs, with apt, those of the Debian packages
# that are not installed, and runs no apt command at all when none is missing; WHO
# prefixes its messages. Uses sudo when not root, and fails plainly without it.
apt_install_missing() {
	local who=$1 pkg status
	shift
	local -a missing=() sudo=()
	for pkg in "$@"; do
		status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
		[[ $status == ii* ]] || missing+=("$pkg")
	done
	((${#missing[@]})) || return 0
	echo "$who: installing ${missing[*]}"
	if [[ $(id -u) -ne 0 ]]; then
		command -v sudo >/dev/null || { echo "$who: not root and no sudo; install: ${missing[*]}" >&2; return 1; }
		sudo=(sudo)
	fi
	# --no-install-recommends keeps the install small; everything needed is a hard
	# dependency of the packages asked for.
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}
