package ui

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

// The soak: one kiosk and one portal simulator serve visitor after visitor
// through the UI, cycling every journey in both languages and every way a visit
// ends, with a quiet lobby between visitors. At checkpoints the test records the
// live heap, the heap in use, the goroutines and the time per visit; at the end
// they must be where they were once the kiosk had warmed up.
//
// Skipped under -short. `make soak-short`, a step of `make test`, walks 40 visits
// under -race; .ci/soak.sh (`make soak`) walks 1000:
//
//	FYNE_CACHE=1ms go test ./ui -run '^TestSoak$' -count=1 -v -soak.sessions=1000

var soakSessions = flag.Int("soak.sessions", envInt("SOAK_SESSIONS", 40), "visits TestSoak walks (env SOAK_SESSIONS)")

func envInt(name string, fallback int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return fallback
}

// lobbyGap is the quiet time between two visitors: about four an hour. Over 1000
// visits that is two weeks of simulated time, so whatever the portal keeps for a
// day has long reached its steady state by the end.
const lobbyGap = 12 * time.Minute

// Growth allowed from the warmed-up checkpoint to the end. The goroutine slack
// is the HTTP keep-alive connections: the client keeps up to two idle ones to the
// simulator (a reading and a writing goroutine each on the client's side, one on
// the server's), which come and go with the calls made just before a checkpoint.
const (
	maxHeapGrowth  = 0.05
	goroutineSlack = 2
	soakCycle      = 10 // visits per round of soakVisits
)

// Fyne keeps a renderer for every widget it lays out and the size of every text it
// measures, in caches that its driver's paint loop cleans of what it has not
// painted for FYNE_CACHE (a minute by default), at most every 10 s. On the kiosk a
// screen replaced is gone a minute later; a soak that walks a visit in 50 ms would
// see a minute of visits (1.3 MiB each) in those caches and measure Fyne, not the
// kiosk. So the soak runs with FYNE_CACHE=1ms and has Fyne clean its caches, by
// painting the window, before the checkpoints it compares.
const fyneCacheValidity = "1ms"

// soakCheckpoint is one row of the soak's table.
type soakCheckpoint struct {
	session            int
	heapAlloc, heapUse uint64 // bytes after a GC: live objects, spans in use
	goroutines         int
	perSession         time.Duration // mean wall time of the visits since the last row
	cleaned            bool          // measured right after Fyne cleaned its caches

	portalAlloc, portalUse uint64 // the simulator's process: live heap, heap in use
}

func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("the soak walks whole visits for at least 10 s: make soak-short runs a short one")
	}
	if os.Getenv("FYNE_CACHE") != fyneCacheValidity {
		soakInChild(t) // Fyne reads FYNE_CACHE when the process starts
		return
	}
	n := *soakSessions
	every, warm := 10, 2*soakCycle // short: a row every 10 visits, compared from visit 20
	if n >= 500 {
		every, warm = 100, 100
	}
	if n < warm+every || n%every != 0 {
		t.Fatalf("-soak.sessions=%d: a multiple of %d, at least %d", n, every, warm+every)
	}
	h, portal := newSoakHarness(t, 2*(n/soakCycle+1))
	var rows []soakCheckpoint
	var spent time.Duration
	for i := 1; i <= n; i++ {
		v := soakVisits[(i-1)%soakCycle]
		lang := []string{"en", "es"}[(i-1)/soakCycle%2]
		started := time.Now()
		walkSoakVisit(t, h, i, v, lang)
		spent += time.Since(started)
		quietLobby(t, h, portal)
		if i%every == 0 {
			// Every row is measured clean in the long run; in the short one only the
			// two compared (Fyne cleans at most every 10 s).
			clean := every == 100 || i == warm || i == n
			if clean {
				cleanFyneCaches(t, h)
			}
			row := measure(i, spent/time.Duration(every), clean)
			row.portalAlloc, row.portalUse = portal.heap(t)
			rows = append(rows, row)
			spent = 0
		}
	}
	logSoakTable(t, n, rows)
	assertSoakSteady(t, rows, warm)
}

// walkSoakVisit walks visit i and checks it left the kiosk as the next visitor
// must find it.
func walkSoakVisit(t *testing.T, h *harness, i int, v soakVisit, lang string) {
	t.Helper()
	defer func() {
		if t.Failed() {
			t.Logf("in visit %d: %s (%s)", i, v.name, lang)
		}
	}()
	v.walk(t, h, lang, (i-1)/soakCycle)
	h.settle()
	k, visit := h.kiosk, h.kiosk.visit
	if k.page.id != screenWelcome || k.lang != k.settings.DefaultLanguage || h.win.Canvas().Overlays().Top() != nil ||
		len(visit.fields) != 0 || len(visit.problems) != 0 || visit.session != "" || !visit.startedAt.IsZero() {
		t.Fatalf("the visit did not end cleanly: screen %s, language %s, fields %d, problems %v",
			k.page.id, k.lang, len(visit.fields), visit.problems)
	}
	if got := fyne.CurrentApp().Clipboard().Content(); got != "" {
		t.Fatalf("the visit left %q on the clipboard", got)
	}
}

// soakInChild runs TestSoak again in a process of its own with FYNE_CACHE set,
// and logs what it printed.
func soakInChild(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestSoak$", "-test.count=1", "-test.v",
		"-soak.sessions="+strconv.Itoa(*soakSessions))
	cmd.Env = append(os.Environ(), "FYNE_CACHE="+fyneCacheValidity)
	out, err := cmd.CombinedOutput()
	t.Logf("FYNE_CACHE=%s %s:\n%s", fyneCacheValidity, strings.Join(cmd.Args[1:], " "), out)
	if err != nil {
		t.Fatalf("the soak failed: %v", err)
	}
}

// cleanFyneCaches paints the window until Fyne has cleaned its caches: a widget
// rendered once and then dropped is only collected once its renderer has left them.
func cleanFyneCaches(t *testing.T, h *harness) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		gone := renderedCanary()
		time.Sleep(2 * time.Millisecond) // past the 1 ms validity
		h.win.Canvas().Capture()
		runtime.GC()
		if gone.Value() == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("Fyne did not clean its caches: is FYNE_CACHE set before the process starts?")
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// renderedCanary is a widget that only Fyne's renderer cache holds.
func renderedCanary() weak.Pointer[widget.Label] {
	canary := widget.NewLabel("canary")
	test.WidgetRenderer(canary)
	return weak.Make(canary)
}

func measure(session int, perSession time.Duration, cleaned bool) soakCheckpoint {
	alloc, inUse := heapNow()
	return soakCheckpoint{session: session, heapAlloc: alloc, heapUse: inUse,
		goroutines: runtime.NumGoroutine(), perSession: perSession, cleaned: cleaned}
}

// assertSoakSteady compares the last row with the one at visit warm.
func assertSoakSteady(t *testing.T, rows []soakCheckpoint, warm int) {
	t.Helper()
	var base soakCheckpoint
	for _, r := range rows {
		if r.session == warm {
			base = r
		}
	}
	end := rows[len(rows)-1]
	for _, c := range []struct {
		what      string
		from, to  uint64
		allowance float64
	}{
		{"live heap", base.heapAlloc, end.heapAlloc, maxHeapGrowth},
		{"heap in use", base.heapUse, end.heapUse, maxHeapGrowth},
	} {
		if growth := float64(c.to)/float64(c.from) - 1; growth > c.allowance {
			t.Errorf("%s grew %.1f%% from visit %d to %d (%s → %s)", c.what, 100*growth, base.session, end.session, mib(c.from), mib(c.to))
		}
	}
	if end.goroutines > base.goroutines+goroutineSlack {
		t.Errorf("goroutines went from %d at visit %d to %d at visit %d", base.goroutines, base.session, end.goroutines, end.session)
	}
}

func mib(b uint64) string { return fmt.Sprintf("%.2f MiB", float64(b)/(1<<20)) }

func logSoakTable(t *testing.T, n int, rows []soakCheckpoint) {
	var b strings.Builder
	fmt.Fprintf(&b, "soak: %d visits\n| visit | live heap | heap in use | goroutines | ms per visit | Fyne caches cleaned | portal sim: live heap | portal sim: heap in use |\n|---:|---:|---:|---:|---:|:---:|---:|---:|\n", n)
	for _, r := range rows {
		cleaned := "no"
		if r.cleaned {
			cleaned = "yes"
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %d | %.1f | %s | %s | %s |\n", r.session, mib(r.heapAlloc), mib(r.heapUse), r.goroutines,
			float64(r.perSession.Microseconds())/1000, cleaned, mib(r.portalAlloc), mib(r.portalUse))
	}
	t.Log(b.String())
}

// newSoakHarness is a live kiosk as shipped (on-screen keyboard, keyed cards) with
// staff mode, on a simulator in a process of its own with extra accounts to
// register; logs are dropped. The harness has no sim: ask the process.
func newSoakHarness(t *testing.T, extraAccounts int) (*harness, *soakPortal) {
	t.Helper()
	test.NewTempApp(t)
	clock := newFakeClock(clocktest.Now())
	sim := startSoakPortal(t, clock.Now(), extraAccounts)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	portal, err := client.New(client.Options{BaseURL: sim.url, KioskKey: portalsim.DemoKioskKey, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1280, 800))
	card := startCardTerminal(t, clock, "")
	k, err := New(win, Deps{Portal: portal, Clock: clock, Logger: quiet, Terminal: card.client, Practice: card.sim,
		Config: testConfig{OnScreenKeyboard: true, CardEntry: "terminal"}.config(false)})
	if err != nil {
		t.Fatal(err)
	}
	staffDeps(k, &fixedPIN{pin: testStaffPIN}, &memLockout{})
	return &harness{kiosk: k, win: win, clock: clock}, sim
}

// quietLobby lets lobbyGap pass at the welcome screen, two minutes at a time (the
// welcome screen checks the portal every 30 s; a tick that comes while the last
// check is still on its way starts none), the portal's clock following the kiosk's.
func quietLobby(t *testing.T, h *harness, portal *soakPortal) {
	const step = 2 * time.Minute
	for d := time.Duration(0); d < lobbyGap; d += step {
		portal.follow(t, h.clock.Now())
		h.clock.Advance(step)
		h.settle()
	}
	portal.follow(t, h.clock.Now())
}
