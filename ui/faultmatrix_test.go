package ui

import (
	"io"
	"log"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"go.uber.org/goleak"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/ui/internal/faultmatrix"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

//go:generate go run ./internal/faultmatrix/writedoc ../docs/reliability.md

// portalFault is one fault of the matrix (faultmatrix.Faults) and how the test
// makes it happen.
type portalFault struct {
	faultmatrix.Fault
	inject func(c *faultCell)
	clear  func(c *faultCell) // nil: ClearFaults
}

// faultDeadline is the kiosk's deadline in the cells of a portal that is too slow,
// or never answers: short so that the matrix stays quick.
const faultDeadline = 300 * time.Millisecond

// simFault injects f on the cell's call's route.
func simFault(f portalsim.Fault) func(c *faultCell) {
	return func(c *faultCell) { c.h.sim.SetFault(c.call.Route, f) }
}

// portalFaults are faultmatrix.Faults, each with how the test makes it.
func portalFaults(t *testing.T) []portalFault {
	injections := faultInjections()
	var faults []portalFault
	for _, f := range faultmatrix.Faults() {
		fault := takeByName(t, injections, f.Name)
		fault.Fault = f
		faults = append(faults, fault)
	}
	noneLeft(t, injections)
	return faults
}

// faultInjections make each fault, by its name; faultmatrix.Faults says how in words.
func faultInjections() map[string]portalFault {
	return map[string]portalFault{
		"refused":     {inject: func(c *faultCell) { c.front.refuse() }, clear: func(c *faultCell) { c.front.listen() }},
		"dropped":     {inject: simFault(portalsim.Fault{Drop: true})},
		"cut once":    {inject: simFault(portalsim.Fault{Cut: true, Times: 1})},
		"no answer":   {inject: simFault(portalsim.Fault{Latency: time.Hour})},
		"too slow":    {inject: simFault(portalsim.Fault{Latency: faultDeadline + 300*time.Millisecond})},
		"500":         {inject: simFault(portalsim.Fault{Status: 500})},
		"502 then up": {inject: simFault(portalsim.Fault{Status: 502})},
		"503 once":    {inject: simFault(portalsim.Fault{Status: 503, Times: 1})},
		"429":         {inject: simFault(portalsim.Fault{Status: 429, Times: 1})},
		"bad JSON":    {inject: simFault(portalsim.Fault{Malformed: true})},
		"HTML page":   {inject: simFault(portalsim.Fault{HTML: true})},
		"wrong type":  {inject: simFault(portalsim.Fault{WrongType: true})},
		"huge body":   {inject: simFault(portalsim.Fault{Huge: true})},
		"untrusted cert": {inject: func(c *faultCell) { c.front.presentUntrusted(true) },
			clear: func(c *faultCell) { c.front.presentUntrusted(false) }},
		"redirect": {inject: simFault(portalsim.Fault{Redirect: "https://elsewhere.example"})},
	}
}

// takeByName removes the test's part of the matrix entry named name from parts.
func takeByName[T any](t *testing.T, parts map[string]T, name string) T {
	t.Helper()
	part, ok := parts[name]
	if !ok {
		t.Fatalf("the fault matrix has %q, the test has no steps for it", name)
	}
	delete(parts, name)
	return part
}

// noneLeft fails on test parts of entries the fault matrix does not have.
func noneLeft[T any](t *testing.T, parts map[string]T) {
	t.Helper()
	if len(parts) > 0 {
		t.Fatalf("the test has steps for %q, which the fault matrix does not have", slices.Sorted(maps.Keys(parts)))
	}
}

// faultCell is one call under one fault.
type faultCell struct {
	t     *testing.T
	h     *harness
	front *hostileFront
	call  faultCall
	fault portalFault
	lang  string
}

func TestFaultMatrix(t *testing.T) {
	if testing.Short() {
		// Not a check left out: `make test` runs the matrix in its own step,
		// fault-matrix, without -race, which would triple its 35 s.
		t.Skip("the fault matrix walks 210 visits: make fault-matrix runs it")
	}
	calls, faults := faultCalls(t), portalFaults(t)
	walked := map[string]map[string]faultmatrix.Outcome{}
	for i, call := range calls {
		walked[call.Name] = map[string]faultmatrix.Outcome{}
		for j, fault := range faults {
			lang := []string{"en", "es"}[(i+j)%2]
			t.Run(call.Name+"/"+fault.Name, func(t *testing.T) {
				walked[call.Name][fault.Name] = runFaultCell(t, call, fault, lang)
			})
		}
	}
	if !t.Failed() {
		checkFaultTable(t, faultmatrix.Table(faultmatrix.Calls(), faultmatrix.Faults(),
			func(c faultmatrix.Call, f faultmatrix.Fault) faultmatrix.Outcome { return walked[c.Name][f.Name] }))
	}
}

// runFaultCell walks a visit up to the call, injects the fault, makes the call,
// checks what the visitor meets, lets the portal recover and makes the call again.
func runFaultCell(t *testing.T, call faultCall, fault portalFault, lang string) faultmatrix.Outcome {
	goroutines := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, goroutines) }) // registered first: runs after every other cleanup
	c := &faultCell{t: t, call: call, fault: fault, lang: lang}
	o := harnessOptions{front: newHostileFront(&c.front),
		client: client.Options{RetryBaseDelay: 5 * time.Millisecond, RetryMaxDelay: 20 * time.Millisecond}}
	if call.Kind == faultmatrix.CardRecordCall {
		o.settings.CardEntry = "terminal" // on the practice terminal
	}
	c.h = newHarnessWith(t, o)
	if fault.Slow {
		c.h.kiosk.portal.timeouts = portalTimeouts{action: faultDeadline, health: faultDeadline, revoke: faultDeadline, beat: faultDeadline}
	}
	call.reach(t, c.h, lang)
	screen, typed, fields := c.h.kiosk.page.id, entryTexts(c.h), maps.Clone(c.h.kiosk.visit.fields)
	fault.inject(c)
	call.act(c.h)
	got := c.observe()
	if want := faultmatrix.Expected(call.Call, fault.Fault); got != want {
		t.Fatalf("faultOutcome %s, want %s; screen %s, problems %v, texts %q", got, want, c.h.kiosk.page.id,
			c.h.kiosk.visit.problems, visibleTexts(c.h.win.Canvas()))
	}
	defer c.checkNothingTwice()
	if got == faultmatrix.Absorbed {
		return got
	}
	if c.h.kiosk.page.id == screen { // (a call made on arrival is on a screen the visitor has not typed on yet)
		c.checkNothingLost(typed, fields)
	}
	c.recover()
	return got
}

// observe classifies what the visitor now meets, checking along the way that the
// screen is usable: no "One moment" left, the action's button enabled.
func (c *faultCell) observe() faultmatrix.Outcome {
	h, texts := c.h, strings.Join(visibleTexts(c.h.win.Canvas()), "\n")
	if strings.Contains(texts, h.msg(c.lang, "busy.one_moment")) || h.kiosk.visit.busy {
		c.t.Errorf("still busy after the answer:\n%s", texts)
	}
	switch {
	case c.call.done(h):
		return faultmatrix.Absorbed
	case c.call.Kind == faultmatrix.HealthCall && h.kiosk.page.id == screenOutOfService:
		return faultmatrix.OutOfOrder
	case c.call.Kind == faultmatrix.BackgroundCall && h.kiosk.page.id == screenWelcome && len(h.kiosk.visit.problems) == 0:
		return faultmatrix.Unseen
	}
	if b := c.call.button; b != nil && (b(h) == nil || b(h).Disabled() || !b(h).Visible()) {
		c.t.Errorf("the button to try again is missing or disabled")
	}
	if strings.Contains(texts, h.msg(c.lang, "error.unavailable")) && strings.Contains(texts, "541-774-2430") {
		return faultmatrix.Message
	}
	if c.call.Kind == faultmatrix.CardRecordCall && strings.Contains(texts, h.msg(c.lang, "reader.charged_not_recorded")) {
		return faultmatrix.Charged
	}
	if c.call.rateLimited != "" && strings.Contains(texts, h.msg(c.lang, c.call.rateLimited)) {
		return faultmatrix.RateLimited
	}
	return "?"
}

// checkNothingLost compares what the visitor typed before the call with now.
func (c *faultCell) checkNothingLost(typed []string, fields map[fieldID]string) {
	if now := entryTexts(c.h); !slices.Equal(now, typed) {
		c.t.Errorf("fields on screen before %q, after %q", typed, now)
	}
	if now := c.h.kiosk.visit.fields; !maps.Equal(now, fields) {
		c.t.Errorf("the visit's fields changed: before %d, after %d", len(fields), len(now))
	}
}

// checkNothingTwice requires every registration, payment method, enrolment and
// payment the cell made to have happened once at most, whatever the fault did.
func (c *faultCell) checkNothingTwice() {
	st := c.h.sim.Stats()
	for what, n := range map[string]int{"registrations": st.Registrations, "payment methods": st.PaymentMethods,
		"AutoPay enrolments": st.AutoPayEnrollments, "payments": st.Payments} {
		if n > 1 {
			c.t.Errorf("%d %s, want one at most", n, what)
		}
	}
}

// recover clears the fault and tries again, as the visitor does once the portal is back.
func (c *faultCell) recover() {
	if c.fault.clear != nil {
		c.fault.clear(c)
	} else {
		c.h.sim.ClearFaults()
	}
	c.h.kiosk.portal.timeouts = defaultTimeouts
	again := c.call.retry
	if again == nil {
		again = c.call.act
	}
	again(c.h)
	if !c.call.done(c.h) {
		c.t.Errorf("trying again after the portal recovered failed: screen %s, problems %v", c.h.kiosk.page.id, c.h.kiosk.visit.problems)
	}
}

// entryTexts lists the text of every field on screen, in order.
func entryTexts(h *harness) []string {
	var texts []string
	walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*kwidget.Entry); ok {
			texts = append(texts, e.Text)
			return false
		}
		return true
	})
	return texts
}

// quietServerLog is the hostile front's error log: its refused handshakes and cut
// connections are the point of the test, not news.
func quietServerLog() *log.Logger { return log.New(io.Discard, "", 0) }

// reliabilityDoc publishes the fault matrix (go generate writes it there).
const reliabilityDoc = "../docs/reliability.md"

// checkFaultTable requires docs/reliability.md to show the matrix the test just walked.
func checkFaultTable(t *testing.T, walked string) {
	doc, err := os.ReadFile(reliabilityDoc)
	if err != nil {
		t.Fatal(err)
	}
	published, err := faultmatrix.Published(doc)
	if err != nil {
		t.Fatalf("%s: %v", reliabilityDoc, err)
	}
	if published != walked {
		t.Fatalf("%s does not show the fault matrix the test walked; run\n"+
			"  go generate ./ui\nwant:\n%s", reliabilityDoc, walked)
	}
}
