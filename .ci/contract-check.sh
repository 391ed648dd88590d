#!/usr/bin/env bash
# `make contract-check`: a second, independent reading of docs/portal-api.yaml.
# The simulator's answers on every route, for each documented status and error
# code, go through Stoplight Prism's validating proxy (a Node.js tool, the kind a
# portal vendor mocks or checks an API with); any violation fails the check
# (client/portalsim/prism_test.go). The Go tests check the same answers with
# kin-openapi: the contract must mean the same to both.
#
# Prism is installed once, when missing, into a cache outside the repository
# (PRISM_PREFIX, by default ~/.cache/lobbykiosk/prism-VERSION), so `make clean`
# and a fresh clone do not download it again. Node.js and npm come from Debian
# when the machine has none.
set -euo pipefail
cd "$(dirname "$0")/.."

PRISM_VERSION=5.16.0
NODE_MIN=18.20.1 # @stoplight/prism-cli 5.x's engines.node
prefix="${PRISM_PREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/lobbykiosk/prism-$PRISM_VERSION}"
prism="$prefix/node_modules/.bin/prism"

if [[ ! -x $prism ]] || [[ "$("$prism" --version 2>/dev/null)" != "$PRISM_VERSION" ]]; then
	# Node.js from another source (NodeSource, nvm) brings its own npm and conflicts
	# with Debian's npm package: ask apt only when there is no npm at all.
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		source .ci/apt.sh
		apt_install_missing contract-check nodejs npm
	fi
	have="$(node --version | sed 's/^v//')"
	if [[ "$(printf '%s\n%s\n' "$NODE_MIN" "$have" | sort -V | head -n1)" != "$NODE_MIN" ]]; then
		echo "contract-check: Prism $PRISM_VERSION needs Node.js $NODE_MIN or newer; $(command -v node) is $have" >&2
		exit 1
	fi
	echo "contract-check: installing @stoplight/prism-cli@$PRISM_VERSION into $prefix"
	mkdir -p "$prefix"
	# --ignore-scripts: Prism needs no install script; the only one in its tree
	# (@scarf/scarf) reports the install to a third party.
	npm install --prefix "$prefix" --no-audit --no-fund --ignore-scripts --loglevel=error \
		"@stoplight/prism-cli@$PRISM_VERSION"
fi

tags="${BUILD_TAGS:+$BUILD_TAGS,}contract"
go vet -tags "$tags" ./client/portalsim
go test -tags "$tags" ./client/portalsim -run '^TestContractThroughPrism$' -count=1 -timeout 5m -v -prism="$prism"
