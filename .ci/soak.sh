#!/usr/bin/env bash
# `make soak`: whole visits through the UI against the portal simulator, every
# journey in both languages and every way a visit ends (ui/soak_test.go), without
# -race; `make test` runs a short one (40 visits) under -race (make soak-short).
# Prints the checkpoint table (live heap, heap in use, goroutines, ms per visit
# every 100 visits) and fails if the heap or the goroutines grew from visit 100 to
# the end. FYNE_CACHE=1ms lets Fyne clean its renderer and font caches before each
# checkpoint, as its paint loop does on the kiosk (see TestSoak).
# SOAK_SESSIONS=N runs N visits instead of 1000 (a multiple of 100, at least 200).
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${SOAK_SESSIONS:-1000}
mkdir -p .ci/out
echo "soak: $sessions visits (log: .ci/out/soak.log)"
start=$SECONDS
FYNE_CACHE=1ms go test ./ui -run '^TestSoak$' -count=1 -v -timeout 60m \
	-soak.sessions="$sessions" 2>&1 | tee .ci/out/soak.log
echo "soak: passed in $((SECONDS - start)) s"
