#!/usr/bin/env bash
# Runs every go-fuzz target of the project for FUZZTIME each (default 30s):
# `make fuzz` for a real session, `make fuzz-smoke` (300 inputs each) inside `make test`.
# Failing inputs are written to testdata/fuzz/ by go test; commit them as seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-30s}
status=0
for pkg in ./client/validate ./client .; do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "--- fuzz $pkg $target ($fuzztime)"
		if ! go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime"; then
			status=1
		fi
	done
done
exit $status
