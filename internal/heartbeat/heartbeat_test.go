package heartbeat

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

func TestTalliesStayBounded(t *testing.T) {
	var m map[string]int
	for i := range 10_000 {
		tally(&m, fmt.Sprint("code_", i), 1)
	}
	if len(m) > maxTallyKeys || m["other"] != 10_000-(maxTallyKeys-1) {
		t.Errorf("%d keys, %d under other", len(m), m["other"])
	}
}

// stepClock runs the timer set last when told to, and moves time on by its delay.
type stepClock struct {
	now  time.Time
	next func()
	wait time.Duration
}

func (c *stepClock) Now() time.Time { return c.now }

func (c *stepClock) AfterFunc(d time.Duration, f func()) { c.next, c.wait = f, d }

func (c *stepClock) fire() {
	c.now = c.now.Add(c.wait)
	c.next()
}

// portal takes beats, or refuses them while down.
type portal struct {
	down  bool
	beats []client.Heartbeat
}

func (p *portal) SendHeartbeat(_ context.Context, beat client.Heartbeat) error {
	if p.down {
		return errors.New("unreachable")
	}
	p.beats = append(p.beats, beat)
	return nil
}

func TestABeatThatFailsGivesItsCountsToTheNext(t *testing.T) {
	clock := &stepClock{now: time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)}
	var inflight sync.WaitGroup
	h := New(Options{KioskID: "k", Version: "v", Every: time.Minute, Clock: clock, Inflight: &inflight,
		Timeout: func() time.Duration { return time.Second }})
	to := &portal{down: true}
	h.Start(to)
	beat := func() {
		clock.fire()
		inflight.Wait()
	}

	h.VisitStarted()
	h.VisitEnded(Visit{EndedBy: "finish", Finished: true, Language: "es", Journeys: []string{"paid"}})
	h.CountError("timeout")
	h.CountStaffLockout()
	beat()
	h.VisitStarted()
	h.CountStaffLockout()
	h.VisitEnded(Visit{EndedBy: "idle", TimedOut: true, Language: "en"})
	if len(to.beats) != 0 || h.Pending().VisitsStarted != 2 {
		t.Fatalf("after a failed beat: %d delivered, %+v pending", len(to.beats), h.Pending())
	}
	to.down = false
	h.NotePortal(nil)
	beat()
	if len(to.beats) != 1 {
		t.Fatalf("%d beats delivered, want 1", len(to.beats))
	}
	got := to.beats[0]
	if got.BeatsMissed != 1 || got.PeriodSeconds != 120 || got.UptimeSeconds != 120 || !got.PortalOK ||
		got.Counts.VisitsStarted != 2 || got.Counts.VisitsFinished != 1 || got.Counts.VisitsTimedOut != 1 ||
		got.Counts.EndedBy["finish"] != 1 || got.Counts.EndedBy["idle"] != 1 || got.Counts.Journeys["paid"] != 1 ||
		got.Counts.Languages["es"] != 1 || got.Counts.Errors["timeout"] != 1 || got.Counts.StaffLockouts != 2 {
		t.Errorf("the beat after a failed one: %+v", got)
	}
	if p := h.Pending(); p.VisitsStarted != 0 || len(p.EndedBy) != 0 {
		t.Errorf("counts left after a delivered beat: %+v", p)
	}
	beat()
	if got := to.beats[1]; got.BeatsMissed != 0 || got.PeriodSeconds != 60 || got.UptimeSeconds != 180 {
		t.Errorf("the next beat: %+v", got)
	}
}

func TestErrorCodes(t *testing.T) {
	for err, want := range map[error]string{
		&client.APIError{Code: client.CodeEmailTaken}:      client.CodeEmailTaken,
		fmt.Errorf("lookup: %w", context.DeadlineExceeded): "timeout",
		errors.New("connection refused"):                   "unavailable",
	} {
		if got := ErrorCode(err); got != want {
			t.Errorf("ErrorCode(%v) = %q, want %q", err, got, want)
		}
	}
}

// A panic while a beat is made (the printer's state, here) is recovered: the
// beat counts as missed, its counts go with the next, and the next is sent.
func TestAPanicInABeatIsAMissedBeat(t *testing.T) {
	clock := &stepClock{now: time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)}
	var inflight sync.WaitGroup
	panics := true
	h := New(Options{KioskID: "k", Version: "v", Every: time.Minute, Clock: clock, Inflight: &inflight,
		Timeout: func() time.Duration { return time.Second },
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Printer: func(context.Context) *client.PrinterStatus {
			if panics {
				panic("the printer's driver")
			}
			return nil
		}})
	to := &portal{}
	h.Start(to)
	h.VisitStarted()
	clock.fire()
	inflight.Wait()
	if len(to.beats) != 0 || h.Pending().VisitsStarted != 1 {
		t.Fatalf("after a panic: %d beats sent, %+v pending", len(to.beats), h.Pending())
	}
	panics = false
	clock.fire()
	inflight.Wait()
	if len(to.beats) != 1 || to.beats[0].BeatsMissed != 1 || to.beats[0].Counts.VisitsStarted != 1 {
		t.Errorf("the beat after the panic: %+v", to.beats)
	}
}

// A portal that answers, but not as the contract allows, is counted as such, not
// as down: through the real client, against a portal answering 200 with nothing
// a lookup needs, and one whose port is closed.
func TestAnUnexpectedAnswerIsNotUnavailable(t *testing.T) {
	answers := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
	defer answers.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	for url, want := range map[string]string{answers.URL: "unexpected_answer", closed.URL: "unavailable"} {
		c, err := client.New(client.Options{BaseURL: url, KioskKey: "kiosk-key", MaxAttempts: 1,
			Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Lookup(context.Background(), client.LookupRequest{AccountNumber: "1", PostalCode: "97501"})
		if got := ErrorCode(err); got != want {
			t.Errorf("%s: ErrorCode(%v) = %q, want %q", url, err, got, want)
		}
	}
}

// The card terminal as last seen goes with every beat: a swapped device and
// the payments still to settle reach the fleet's monitor.
func TestTheBeatCarriesTheTerminal(t *testing.T) {
	clock := &stepClock{now: time.Date(2026, time.June, 1, 10, 0, 0, 0, time.UTC)}
	var inflight sync.WaitGroup
	seen := &client.TerminalStatus{POIID: "V400m-000000042", Serial: "000000042", State: "OK"}
	h := New(Options{KioskID: "k", Version: "v", Every: time.Minute, Clock: clock, Inflight: &inflight,
		Timeout: func() time.Duration { return time.Second }, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Terminal: func() *client.TerminalStatus { s := *seen; return &s }})
	to := &portal{}
	h.Start(to)
	clock.fire()
	inflight.Wait()
	seen = &client.TerminalStatus{POIID: "V400m-999999999", Serial: "999999999", State: "OK", SerialChanges: 1,
		PreviousPOIID: "V400m-000000042", PendingPayments: 1}
	clock.fire()
	inflight.Wait()
	if len(to.beats) != 2 || to.beats[0].Terminal == nil || to.beats[0].Terminal.Serial != "000000042" ||
		*to.beats[1].Terminal != *seen {
		t.Fatalf("beats %+v, want the terminal as seen at each", to.beats)
	}
}
