package metrics

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// metricName is a kiosk family's name, or a recording rule's, in PromQL.
var metricName = regexp.MustCompile(`lobbykiosk[_:][a-z_:]+`)

// The alert rules and the dashboard query only families the kiosk serves (or
// the rules' own records): a renamed family cannot leave an alert that never
// fires.
func TestTheFleetsFilesNameOnlyRealFamilies(t *testing.T) {
	m, _ := newTestMetrics()
	served := map[string]bool{}
	for name, fam := range families(t, scrape(t, m)) {
		served[name] = true
		if fam.GetType().String() == "HISTOGRAM" {
			for _, suffix := range []string{"_bucket", "_count", "_sum"} {
				served[name+suffix] = true
			}
		}
	}
	deploy := filepath.Join("..", "..", "deploy", "prometheus")
	rules, err := os.ReadFile(filepath.Join(deploy, "lobbykiosk.rules.yml"))
	if err != nil {
		t.Fatal(err)
	}
	records := regexp.MustCompile(`record: (\S+)`).FindAllStringSubmatch(string(rules), -1)
	for _, record := range records {
		served[record[1]] = true
	}
	used := 0
	for _, file := range []string{"lobbykiosk.rules.yml", "grafana/lobbykiosk-dashboard.json"} {
		raw, err := os.ReadFile(filepath.Join(deploy, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range slices.Compact(slices.Sorted(slices.Values(metricName.FindAllString(string(raw), -1)))) {
			used++
			if !served[name] {
				t.Errorf("%s queries %s, which the kiosk does not serve", file, name)
			}
		}
	}
	if used < len(familyNames) {
		t.Errorf("only %d names found in the rules and the dashboard", used)
	}
}

// docs/fleet.md lists every family, every value of every closed set and every
// alert, so what it says is what a scrape and the rules hold.
func TestTheFleetDocListsEveryFamilyValueAndAlert(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "fleet.md"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := os.ReadFile(filepath.Join("..", "..", "deploy", "prometheus", "lobbykiosk.rules.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	names = append(names, familyNames...)
	for _, set := range []closedSet{journeys, languages(), outcomes, calls, results, problemKinds} {
		names = append(names, set...)
	}
	for _, alert := range regexp.MustCompile(`alert: (\S+)`).FindAllStringSubmatch(string(rules), -1) {
		names = append(names, alert[1])
	}
	quoted := regexp.MustCompile("`[^`]+`").FindAllString(string(doc), -1)
	for _, name := range names {
		if !slices.Contains(quoted, "`"+name+"`") {
			t.Errorf("docs/fleet.md does not list `%s`", name)
		}
	}
}
