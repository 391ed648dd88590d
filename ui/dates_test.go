package ui

import (
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

// machineZoneEnv tells a run of the test binary started by inMachineZones which
// zone the machine is meant to be in.
const machineZoneEnv = "LOBBYKIOSK_TEST_MACHINE_ZONE"

// inMachineZones runs the calling test again in a test binary of its own for each
// zone, with TZ set to it, and fails if one fails. It returns the zone for the
// run that should do the work, "" for the run that only started the others.
func inMachineZones(t *testing.T, zones ...string) string {
	t.Helper()
	if zone := os.Getenv(machineZoneEnv); zone != "" {
		if time.Local.String() != zone {
			t.Fatalf("TZ=%s did not set the machine's zone: %s", zone, time.Local)
		}
		return zone
	}
	// The runs share nothing, so they run side by side.
	var wg sync.WaitGroup
	for _, zone := range zones {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
			cmd.Env = append(os.Environ(), "TZ="+zone, machineZoneEnv+"="+zone)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "--- PASS") {
				t.Errorf("with TZ=%s: %v\n%s", zone, err, out)
			}
		})
	}
	wg.Wait()
	return ""
}

// The kiosk and the portal agree on "today" at every edge instant, on a machine
// in UTC, in Medford's zone and in UTC+14: a bill due tomorrow is due within 24
// hours, and AutoPay set up for it starts with the next bill; a bill due in two
// days is not, and AutoPay starts with it. The kiosk says so before the portal
// answers, and the portal's answer says the same.
func TestTheKioskAndThePortalAgreeOnTodayAtAnyHour(t *testing.T) {
	if inMachineZones(t, "UTC", "America/Los_Angeles", "Pacific/Kiritimati") == "" {
		return
	}
	for _, edge := range clocktest.Edges() {
		today, err := time.Parse(time.DateOnly, edge.Written[:10]) // Medford's date
		if err != nil {
			t.Fatal(err)
		}
		tomorrow := client.NewDate(today.Year(), today.Month(), today.Day()+1)
		checkTheBillDueIn(t, edge, 1, tomorrow)
		checkTheBillDueIn(t, edge, 2, tomorrow)
	}
}

// checkTheBillDueIn walks a visitor registering the account whose bill the portal
// makes due tomorrow (due, by edge's date) and setting up AutoPay: at edge for a
// bill due in one day, or a day before it for a bill due in two.
func checkTheBillDueIn(t *testing.T, edge clocktest.Edge, inDays int, due client.Date) {
	t.Helper()
	at := edge.Written + " (" + edge.What + "), a bill due in " + map[int]string{1: "one day", 2: "two days"}[inDays]
	h := newHarnessWith(t, harnessOptions{start: edge.At.In(time.Local)}) // the machine's clock reads its own zone
	if inDays == 2 {
		// The portal has set its due dates: move the clock back one calendar
		// day in Medford, and the bill due tomorrow is due in two days.
		dayBefore := edge.At.In(h.kiosk.settings.Zone).AddDate(0, 0, -1)
		h.clock.Advance(dayBefore.Sub(edge.At))
	}
	h.startIn("en")
	h.findAccount(dueSoonAccount, "97502")
	if got := h.kiosk.visit.account.DueDate; got != due {
		t.Fatalf("%s: the portal says the bill is due %s, want %s", at, got, due)
	}
	if warned := showing(h, h.msg("en", "found.due_soon")); warned != (inDays == 1) {
		t.Errorf("%s: Found warns the bill is due within 24 hours: %v", at, warned)
	}
	h.registerFoundAndReviewAutoPay(t)
	firstDraft := due
	review := h.kiosk.T("autopay.review_first_draft", map[string]any{"Date": h.kiosk.formatDate(due)})
	if inDays == 1 {
		firstDraft = due.AddDate(0, 1, 0)
		review = h.kiosk.T("autopay.review_first_draft_next")
	}
	if !showing(h, review) {
		t.Errorf("%s: the AutoPay review does not say %q", at, review)
	}
	h.readReview()
	test.Tap(viewOf[*autoPayScreen](h.kiosk).create)
	h.settle()
	if c := viewOf[*autoPayScreen](h.kiosk).confirmation; c == nil || !strings.Contains(c.Text, h.kiosk.formatDate(firstDraft)) {
		t.Errorf("%s: AutoPay on does not name the first draft, %s", at, firstDraft)
	}
}
