package ui

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/printer"
)

const beatEvery = time.Hour // longer than any journey below: one beat covers them all

func TestHeartbeatCountsUseAndNothingPersonal(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{heartbeat: beatEvery})
	h.registerNew(t, "es") // a visit that registers, then leaves with Finish
	test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
	test.Tap(viewOf[*doneScreen](h.kiosk).finish)
	h.settle()
	reachPayReview(t, h, "en") // a payment, then the visitor walks away
	test.Tap(viewOf[*payScreen](h.kiosk).payButton)
	h.settle()
	h.clock.Advance(time.Duration(h.kiosk.settings.IdleSeconds+h.kiosk.settings.WarningSeconds) * time.Second)
	h.settle()
	h.sim.SetFault("POST /accounts/lookup", portalsim.Fault{Status: 503}) // a visit the portal fails
	h.startIn("en")
	h.findAccount(plainAccount, "97504")
	h.switchLanguage()
	h.startOver()
	h.sim.ClearFaults()
	h.nextBeat()

	beats := h.beats()
	if len(beats) != 1 {
		t.Fatalf("%d beats after one period, want 1", len(beats))
	}
	b := beats[0]
	want := client.HeartbeatCounts{VisitsStarted: 3, VisitsFinished: 1, VisitsTimedOut: 1,
		EndedBy:   map[string]int{"finish": 1, "idle": 1, "start_over": 1},
		Journeys:  map[string]int{"account_found": 2, "registered": 1, "paid": 1},
		Languages: map[string]int{"es": 2, "en": 1},
		Errors:    map[string]int{"unavailable": 1},
	}
	if got, _ := json.Marshal(b.Counts); string(got) != string(must(json.Marshal(want))) {
		t.Errorf("counts %s\nwant   %s", got, must(json.Marshal(want)))
	}
	if b.KioskID != "lobby-test" || b.Version != "test" || b.PeriodSeconds < int64(beatEvery.Seconds()) ||
		b.UptimeSeconds < b.PeriodSeconds || !b.PortalOK || b.BeatsMissed != 0 {
		t.Errorf("beat %+v", b)
	}
	checkAgainstAPIDocument(t, "Heartbeat", b)
	payload := string(must(json.Marshal(b)))
	for _, personal := range []string{newEmail, strongPassword, plainAccount, "102345671234567", "97504",
		"maria@example.com", bankNumber, goodRouting, "00065821", "0672430"} {
		if strings.Contains(payload, personal) {
			t.Errorf("the heartbeat carries %q: %s", personal, payload)
		}
	}
}

func TestHeartbeatsWhileThePortalIsDownAreFoldedIntoTheNext(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{heartbeat: beatEvery})
	h.sim.SetFault("POST /kiosk/heartbeat", portalsim.Fault{Status: 503})
	for range 3 {
		h.startIn("es")
		h.startOver()
		h.nextBeat()
	}
	if n := len(h.beats()); n != 0 {
		t.Fatalf("%d beats arrived through a fault", n)
	}
	if n := len(h.kiosk.heartbeat.Pending().EndedBy); n != 1 {
		t.Errorf("the counts kept %d end reasons, want 1 (folded, not queued)", n)
	}
	h.sim.ClearFaults()
	h.nextBeat()
	beats := h.beats()
	if len(beats) != 1 {
		t.Fatalf("%d beats once the portal is back, want 1", len(beats))
	}
	b := beats[0]
	if b.BeatsMissed != 3 || b.Counts.VisitsStarted != 3 || b.Counts.EndedBy["start_over"] != 3 ||
		b.PeriodSeconds != int64(4*beatEvery.Seconds()) {
		t.Errorf("the beat after three failures: %+v", b)
	}
	h.nextBeat()
	if b := h.beats()[1]; b.BeatsMissed != 0 || b.Counts.VisitsStarted != 0 || b.PeriodSeconds != int64(beatEvery.Seconds()) {
		t.Errorf("the beat after that starts afresh: %+v", b)
	}
}

// The first beat hangs until the test drops its connection unanswered: the test
// decides when, not the machine's speed, so the tick while it is out is sure to
// find it out whatever the load.
func TestABeatThePortalNeverAnswersDoesNotHoldTheKiosk(t *testing.T) {
	drop := make(chan struct{})
	var first atomic.Bool
	hangFirstBeat := func(t testing.TB, sim http.Handler) (string, string) {
		return plainFront(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/kiosk/heartbeat") && first.CompareAndSwap(false, true) {
				<-drop
				panic(http.ErrAbortHandler) // the connection closes with no answer
			}
			sim.ServeHTTP(w, r)
		}))
	}
	h := newHarnessWith(t, harnessOptions{heartbeat: beatEvery, front: hangFirstBeat})
	h.clock.Advance(beatEvery) // the beat goes out and hangs
	h.startIn("en")
	if h.kiosk.page.id != screenFind {
		t.Fatalf("the kiosk did not answer a tap while a beat hung: %s", h.kiosk.page.id)
	}
	h.clock.Advance(beatEvery) // a tick while the beat is out sends nothing more
	close(drop)
	h.settle()
	h.nextBeat()
	if beats := h.beats(); len(beats) != 1 || beats[0].BeatsMissed != 1 || beats[0].Counts.VisitsStarted != 1 {
		t.Errorf("beats after a hung one: %+v", beats)
	}
}

// checkAgainstAPIDocument validates v's JSON against a schema of docs/portal-api.yaml.
func checkAgainstAPIDocument(t *testing.T, schema string, v any) {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("../docs/portal-api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var value any
	if err := json.Unmarshal(must(json.Marshal(v)), &value); err != nil {
		t.Fatal(err)
	}
	if err := doc.Components.Schemas[schema].Value.VisitJSON(value, openapi3.EnableJSONSchema2020()); err != nil {
		t.Errorf("not a %s of the API document: %v", schema, err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestTheHeartbeatSaysWhatThePrinterLacks(t *testing.T) {
	out := &printer.Error{Kind: printer.PaperOut, Reasons: []string{"media-empty-error"}}
	p := &recordingPrinter{state: printer.State{Printer: "stopped", Reasons: []string{"media-empty-error"}, Problem: out}}
	h := newHarnessWith(t, harnessOptions{heartbeat: beatEvery, printer: p})
	h.nextBeat()
	beats := h.beats()
	if len(beats) != 1 || beats[0].Printer == nil {
		t.Fatalf("beats %+v, want one with the printer's state", beats)
	}
	got := *beats[0].Printer
	if got.Summary != "paper-out" || got.State != "stopped" || len(got.Reasons) != 1 || got.Reasons[0] != "media-empty-error" {
		t.Errorf("the beat says the printer is %+v", got)
	}
	checkAgainstAPIDocument(t, "Heartbeat", beats[0])
}

func TestAKioskWithoutAPrinterSaysNothingOfOne(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{heartbeat: beatEvery})
	h.nextBeat()
	if beats := h.beats(); len(beats) != 1 || beats[0].Printer != nil {
		t.Errorf("beats %+v, want one without a printer", beats)
	}
}
