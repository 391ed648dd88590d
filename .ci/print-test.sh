#!/usr/bin/env bash
# Prints every kind of receipt, in both languages, through a real CUPS: the
# cups_integration tests of internal/printer start a private cupsd (its own
# config, spool and socket in a temporary directory, so the machine's printing
# is neither used nor touched), with queues that write each job to a file or
# act like a printer out of paper, jammed, stopped or hung. Then measures how
# long a receipt takes from the call to the job done on the test queue.
#
# Needs root: cupsd runs the test backends as root (mode 0700 scripts).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $(id -u) -ne 0 ]]; then
	echo "print-test: needs root to run a private cupsd" >&2
	exit 1
fi
for tool in cupsd lpadmin lpstat ipptool pdftotext pdftoppm zbarimg; do
	command -v "$tool" >/dev/null || { echo "print-test: $tool missing (run make deps)" >&2; exit 1; }
done

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# -count=1: the result depends on the outside daemon, never cache it.
go test -tags "cups_integration${BUILD_TAGS:+,$BUILD_TAGS}" -count=1 -v \
	-run Integration -bench ReceiptToJobDone -benchtime 20x ./internal/printer/ | tee "$log"

# A wrong tag or -run pattern would "pass" with no test run: refuse that.
for test in EveryReceiptPrints StaffTestPagePrints PaperOutAndJam OfflineQueue DeadlineAndPurge; do
	grep -q "^--- PASS: TestIntegration$test" "$log" ||
		{ echo "print-test: FAIL: TestIntegration$test did not pass" >&2; exit 1; }
done
# The kiosk's own path: a receipt tapped on screen after a payment reaches the paper.
# And one still on its way when the visit ends never reaches it.
go test -tags "cups_integration${BUILD_TAGS:+,$BUILD_TAGS}" -count=1 -v \
	-run '^TestIntegrationAReceipt(TappedOnScreenReachesThePaper|OnItsWayAtTheResetNeverPrints)$' ./ui/ | tee -a "$log"
grep -q "^--- PASS: TestIntegrationAReceiptTappedOnScreenReachesThePaper" "$log" ||
	{ echo "print-test: FAIL: the receipt tapped on screen did not reach the paper" >&2; exit 1; }
grep -q "^--- PASS: TestIntegrationAReceiptOnItsWayAtTheResetNeverPrints" "$log" ||
	{ echo "print-test: FAIL: a receipt on its way at the reset was not stopped" >&2; exit 1; }
ns="$(awk '/^BenchmarkReceiptToJobDone/ { print $3 }' "$log")"
[[ -n $ns ]] || { echo "print-test: FAIL: the benchmark did not run" >&2; exit 1; }
echo "print-test: a receipt from the call to the job done and purged: $((ns / 1000000)) ms (mean of 20)"
