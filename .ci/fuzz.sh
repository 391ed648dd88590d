#!/usr/bin/env bash
# Runs every go-fuzz target of the project for FUZZTIME each (default 30s):
# `make fuzz` for a real session, `make fuzz-smoke` (300 inputs each) inside `make test`.
# Failing inputs are written to testdata/fuzz/ by go test; commit them as seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-30s}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# fuzz_once runs one target; a run that fails without a failing input (Go's fuzzer
# sometimes ends a timed run with a bare "context deadline exceeded" while a slow
# input is being scored) is run once more. A real failure writes its input to
# testdata/fuzz/ and fails at once.
fuzz_once() {
	local pkg=$1 target=$2 try
	for try in 1 2; do
		if go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" 2>&1 | tee "$log"; then
			return 0
		fi
		if grep -q 'Failing input written to' "$log" || ! grep -q 'context deadline exceeded' "$log"; then
			return 1
		fi
		echo "--- $target: the fuzzer's deadline, no failing input (try $try); again"
	done
	return 1
}

status=0
for pkg in ./client/validate ./client ./internal/config; do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "--- fuzz $pkg $target ($fuzztime)"
		fuzz_once "$pkg" "$target" || status=1
	done
done
exit $status
