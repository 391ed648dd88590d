package metrics

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
)

// promtool is the path of Prometheus's promtool; without it the test fails
// saying how to install it, since a check that cannot run has not passed.
func promtool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("promtool")
	if err != nil {
		t.Fatal("promtool is not installed: `make deps` installs it (Debian's prometheus package: apt-get install -y prometheus)")
	}
	return path
}

// A real scrape, fresh and after every kind of record, passes promtool's lint
// (names, suffixes, help, types) with nothing to say.
func TestPromtoolChecksARealScrape(t *testing.T) {
	tool := promtool(t)
	m, _ := newTestMetrics()
	fresh := scrape(t, m)
	m.VisitEnded(heartbeat.Visit{EndedBy: "finish", Language: "en", Journeys: []string{"registered"}, Took: time.Minute})
	m.PortalCall(client.CallLookup, nil, 300*time.Millisecond)
	m.SetPrinter(&client.PrinterStatus{Summary: "paper-out", Reasons: []string{"media-empty-error"}})
	m.SetTerminal(true, "V400m-324688179")
	for name, text := range map[string]string{"the first scrape": fresh, "a scrape after records": scrape(t, m)} {
		cmd := exec.Command(tool, "check", "metrics")
		cmd.Stdin = strings.NewReader(text)
		out, err := cmd.CombinedOutput()
		if err != nil || len(strings.TrimSpace(string(out))) > 0 {
			t.Errorf("promtool check metrics on %s: %v\n%s", name, err, out)
		}
	}
}
