#!/usr/bin/env bash
# `make test`: runs every check even after one fails, so one CI run shows
# all problems, then prints a closing "N passed, N failed" line (one per
# check) that CI reads, and exits non-zero if any check failed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

make=("${MAKE:-make}" --no-print-directory)
checks=(fmt-check vet unit-test contract-check fault-matrix soak-short fuzz-smoke keyring-test speech-audio print-test smoke deploy-test fleet-check)
passed=0
failed=()
for check in "${checks[@]}"; do
	echo "==> $check"
	start=$SECONDS
	if "${make[@]}" "$check"; then
		passed=$((passed + 1))
		echo "==> $check: ok ($((SECONDS - start)) s)"
	else
		failed+=("$check")
		echo "==> $check: FAILED ($((SECONDS - start)) s)"
	fi
done
((${#failed[@]})) && echo "failed checks: ${failed[*]}"
echo "make-test: $passed passed, ${#failed[@]} failed"
((${#failed[@]} == 0))
