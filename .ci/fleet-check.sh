#!/usr/bin/env bash
# `make fleet-check`: what the utility runs for a fleet of kiosks
# (deploy/prometheus, docs/fleet.md) checked by the tools that will read it:
# the rules and their unit tests, the scrape config and the targets its
# inventory gives, and the Alertmanager routes. (The dashboard's and the
# rules' metric names are checked against the kiosk's families by
# internal/metrics's tests.)
set -euo pipefail
cd "$(dirname "$0")/../deploy/prometheus"

for tool in promtool amtool; do
	command -v "$tool" >/dev/null || {
		echo "fleet-check: $tool is missing: \`make deps\` installs it (Debian's prometheus and prometheus-alertmanager)" >&2
		exit 1
	}
done

promtool check rules lobbykiosk.rules.yml
promtool test rules lobbykiosk.rules.test.yml
promtool check config prometheus.yml
promtool check config --agent agent.yml

# The inventory's kiosks become targets named by their kiosk label.
targets="$(promtool check service-discovery prometheus.yml lobbykiosk 2>/dev/null)"
for kiosk in lobby-1 lobby-2 lobby-3; do
	grep -q "\"instance\": \"$kiosk\"" <<<"$targets" || {
		echo "fleet-check: the inventory's $kiosk is not a target named $kiosk" >&2
		exit 1
	}
done
echo "fleet-check: kiosks/example.json gives the 3 kiosks as targets"

amtool check-config alertmanager.yml
route() { # route RECEIVER LABEL=VALUE...: the alert reaches RECEIVER and no other
	local want=$1
	shift
	amtool config routes test --config.file=alertmanager.yml --verify.receivers="$want" "$@" 2>/dev/null >/dev/null || {
		echo "fleet-check: $* does not go to $want alone" >&2
		exit 1
	}
}
route security-pager alertname=LobbyKioskTerminalChanged severity=critical site=medford-main kiosk=lobby-1
route it-pager alertname=LobbyKioskDown severity=critical site=medford-main kiosk=lobby-1
route site-staff alertname=LobbyKioskPrinterOutOfPaper severity=warning site=medford-main kiosk=lobby-1
route it-email alertname=LobbyKioskSpeechUnavailable severity=warning site=medford-main kiosk=lobby-1
echo "fleet-check: alertmanager.yml routes each kind of alert where it says"
echo "fleet-check: ok"
