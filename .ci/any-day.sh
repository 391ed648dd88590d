#!/usr/bin/env bash
# `make any-day`: the whole of `make test` once at each instant of
# internal/clock/clocktest/edges.txt (KIOSK_TEST_NOW), on a machine in UTC+14
# (TZ=Pacific/Kiritimati), then once more as CI runs it. Long (about as many
# `make test` runs as there are instants); CI runs `make test` alone, whose date
# tests already walk every instant in three machine zones.
# ANY_DAY_CHECKS="unit-test fault-matrix" runs only those checks at each instant.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

make=("${MAKE:-make}" --no-print-directory)
read -r -a checks <<<"${ANY_DAY_CHECKS:-test}"
mapfile -t instants < <(grep -v '^#' internal/clock/clocktest/edges.txt | awk 'NF { print $1 }')
instants+=("") # and unset, as CI has it

passed=0
failed=()
for at in "${instants[@]}"; do
	label=${at:-unset}
	echo "==> any-day: KIOSK_TEST_NOW=$label TZ=Pacific/Kiritimati"
	if KIOSK_TEST_NOW="$at" TZ=Pacific/Kiritimati "${make[@]}" "${checks[@]}"; then
		passed=$((passed + 1))
	else
		failed+=("$label")
	fi
done
((${#failed[@]})) && echo "failed at: ${failed[*]}"
echo "any-day: $passed passed, ${#failed[@]} failed"
((${#failed[@]} == 0))
