package ui

import (
	"fmt"
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
)

// portalFault is one way the portal, or the network to it, misbehaves.
type portalFault struct {
	name   string // as the table in docs/reliability.md names it
	how    string // how the test injects it, for the same table
	once   bool   // it hits one request, then the portal is fine again
	slow   bool   // it runs into the deadline: the cell shortens the kiosk's timeouts
	label  bool   // it spoils only the label of an answer
	inject func(c *faultCell)
	clear  func(c *faultCell) // nil: ClearFaults
}

// faultDeadline is the kiosk's deadline in the cells of a portal that is too slow,
// or never answers: short so that the matrix stays quick.
const faultDeadline = 300 * time.Millisecond

// simFault injects f on the cell's call's route.
func simFault(f portalsim.Fault) func(c *faultCell) {
	return func(c *faultCell) { c.h.sim.SetFault(c.call.route, f) }
}

// portalFaults are the faults of issue 6, each on one call at a time.
func portalFaults() []portalFault {
	return []portalFault{
		{name: "refused", how: "nothing listens on the portal's address",
			inject: func(c *faultCell) { c.front.refuse() }, clear: func(c *faultCell) { c.front.listen() }},
		{name: "dropped", how: "connection closed before any answer (`drop`)", inject: simFault(portalsim.Fault{Drop: true})},
		{name: "cut once", how: "the portal acts, its answer is cut off halfway, once (`cut,times:1`)", once: true,
			inject: simFault(portalsim.Fault{Cut: true, Times: 1})},
		{name: "no answer", how: "the answer never comes (`latency:1h`)", slow: true,
			inject: simFault(portalsim.Fault{Latency: time.Hour})},
		{name: "too slow", how: "answers 0.3 s after the deadline", slow: true,
			inject: simFault(portalsim.Fault{Latency: faultDeadline + 300*time.Millisecond})},
		{name: "500", how: "`status:500` until it recovers", inject: simFault(portalsim.Fault{Status: 500})},
		{name: "502 then up", how: "`status:502` until it recovers", inject: simFault(portalsim.Fault{Status: 502})},
		{name: "503 once", how: "`status:503,times:1`", once: true, inject: simFault(portalsim.Fault{Status: 503, Times: 1})},
		{name: "429", how: "`status:429,times:1` with `Retry-After: 1`", once: true,
			inject: simFault(portalsim.Fault{Status: 429, Times: 1})},
		{name: "bad JSON", how: "200 with JSON cut short (`malformed`)", inject: simFault(portalsim.Fault{Malformed: true})},
		{name: "HTML page", how: "a proxy's 502 page (`html`)", inject: simFault(portalsim.Fault{HTML: true})},
		{name: "wrong type", how: "the real answer labelled text/plain (`wrongtype`)", label: true, inject: simFault(portalsim.Fault{WrongType: true})},
		{name: "huge body", how: "200 with 4 MiB of JSON (`huge`; the client's cap is 1 MiB)", inject: simFault(portalsim.Fault{Huge: true})},
		{name: "untrusted cert", how: "TLS with a certificate the kiosk does not trust",
			inject: func(c *faultCell) { c.front.presentUntrusted(true) }, clear: func(c *faultCell) { c.front.presentUntrusted(false) }},
		{name: "redirect", how: "307 to another origin (`redirect:https://elsewhere.example`)",
			inject: simFault(portalsim.Fault{Redirect: "https://elsewhere.example"})},
	}
}

// faultOutcome is what a visitor meets when a call fails, as docs/reliability.md codes it.
type faultOutcome string

const (
	outcomeMessage     faultOutcome = "M" // the portal-down message with the phone number
	outcomeRateLimited faultOutcome = "L" // the call's "too many tries" message
	outcomeAbsorbed    faultOutcome = "A" // nothing: the client's own retry succeeded
	outcomeOutOfOrder  faultOutcome = "O" // the out-of-service screen after two failed checks
	outcomeUnseen      faultOutcome = "U" // nothing: a background call; the portal's session expiry covers it
)

// expected is the faultOutcome the kiosk must give for fault f on call c.
func expected(c faultCall, f portalFault) faultOutcome {
	switch {
	case f.once && c.retried, f.label && c.noBody:
		return outcomeAbsorbed
	case c.kind == backgroundCall:
		return outcomeUnseen
	case c.kind == healthCall:
		return outcomeOutOfOrder
	case f.name == "429":
		return outcomeRateLimited
	}
	return outcomeMessage
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
		t.Skip("the fault matrix walks 195 visits: make fault-matrix runs it")
	}
	calls, faults := faultCalls(), portalFaults()
	table := map[string]map[string]faultOutcome{}
	for i, call := range calls {
		table[call.name] = map[string]faultOutcome{}
		for j, fault := range faults {
			lang := []string{"en", "es"}[(i+j)%2]
			t.Run(call.name+"/"+fault.name, func(t *testing.T) {
				table[call.name][fault.name] = runFaultCell(t, call, fault, lang)
			})
		}
	}
	if !t.Failed() {
		checkFaultTable(t, renderFaultTable(calls, faults, table))
	}
}

// runFaultCell walks a visit up to the call, injects the fault, makes the call,
// checks what the visitor meets, lets the portal recover and makes the call again.
func runFaultCell(t *testing.T, call faultCall, fault portalFault, lang string) faultOutcome {
	goroutines := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, goroutines) }) // registered first: runs after every other cleanup
	c := &faultCell{t: t, call: call, fault: fault, lang: lang}
	c.h = newHarnessWith(t, harnessOptions{front: newHostileFront(&c.front),
		client: client.Options{RetryBaseDelay: 5 * time.Millisecond, RetryMaxDelay: 20 * time.Millisecond}})
	if fault.slow {
		c.h.kiosk.timeouts = portalTimeouts{action: faultDeadline, health: faultDeadline, revoke: faultDeadline, beat: faultDeadline}
	}
	call.reach(t, c.h, lang)
	screen, typed, fields := c.h.kiosk.page.id, entryTexts(c.h), maps.Clone(c.h.kiosk.visit.fields)
	fault.inject(c)
	call.act(c.h)
	got := c.observe()
	if want := expected(call, fault); got != want {
		t.Fatalf("faultOutcome %s, want %s; screen %s, problems %v, texts %q", got, want, c.h.kiosk.page.id,
			c.h.kiosk.visit.problems, visibleTexts(c.h.win.Canvas()))
	}
	defer c.checkNothingTwice()
	if got == outcomeAbsorbed {
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
func (c *faultCell) observe() faultOutcome {
	h, texts := c.h, strings.Join(visibleTexts(c.h.win.Canvas()), "\n")
	if strings.Contains(texts, h.msg(c.lang, "busy.one_moment")) || h.kiosk.visit.busy {
		c.t.Errorf("still busy after the answer:\n%s", texts)
	}
	switch {
	case c.call.done(h):
		return outcomeAbsorbed
	case c.call.kind == healthCall && h.kiosk.page.id == screenOutOfService:
		return outcomeOutOfOrder
	case c.call.kind == backgroundCall && h.kiosk.page.id == screenWelcome && len(h.kiosk.visit.problems) == 0:
		return outcomeUnseen
	}
	if b := c.call.button; b != nil && (b(h) == nil || b(h).Disabled() || !b(h).Visible()) {
		c.t.Errorf("the button to try again is missing or disabled")
	}
	if strings.Contains(texts, h.msg(c.lang, "error.unavailable")) && strings.Contains(texts, "541-774-2430") {
		return outcomeMessage
	}
	if c.call.rateLimited != "" && strings.Contains(texts, h.msg(c.lang, c.call.rateLimited)) {
		return outcomeRateLimited
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
	c.h.kiosk.timeouts = defaultTimeouts
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
		if e, ok := o.(*kioskEntry); ok {
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

// renderFaultTable is the matrix as docs/reliability.md shows it.
func renderFaultTable(calls []faultCall, faults []portalFault, table map[string]map[string]faultOutcome) string {
	var b strings.Builder
	b.WriteString("| call |")
	for _, f := range faults {
		fmt.Fprintf(&b, " %s |", f.name)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(faults)) + "\n")
	for _, c := range calls {
		fmt.Fprintf(&b, "| `%s` |", c.name)
		for _, f := range faults {
			fmt.Fprintf(&b, " %s |", table[c.name][f.name])
		}
		b.WriteString("\n")
	}
	b.WriteString("\nHow each fault is made:\n\n")
	for _, f := range faults {
		fmt.Fprintf(&b, "- **%s**: %s\n", f.name, f.how)
	}
	return b.String()
}

// reliabilityDoc holds the published matrix between these markers.
const (
	reliabilityDoc   = "../docs/reliability.md"
	faultTableBegin  = "<!-- fault-matrix:begin -->\n"
	faultTableEnd    = "<!-- fault-matrix:end -->"
	updateDocsEnvVar = "UPDATE_RELIABILITY_DOC"
)

// checkFaultTable requires docs/reliability.md to show the matrix the test just
// walked; with UPDATE_RELIABILITY_DOC=1 it writes it there instead.
func checkFaultTable(t *testing.T, table string) {
	doc, err := os.ReadFile(reliabilityDoc)
	if err != nil {
		t.Fatal(err)
	}
	head, rest, ok1 := strings.Cut(string(doc), faultTableBegin)
	_, tail, ok2 := strings.Cut(rest, faultTableEnd)
	if !ok1 || !ok2 {
		t.Fatalf("%s lacks the %q and %q markers", reliabilityDoc, faultTableBegin, faultTableEnd)
	}
	published, _, _ := strings.Cut(rest, faultTableEnd)
	if published == table {
		return
	}
	if os.Getenv(updateDocsEnvVar) != "1" {
		t.Fatalf("%s does not show the fault matrix the test walked; run\n"+
			"  %s=1 go test ./ui -run TestFaultMatrix\nwant:\n%s", reliabilityDoc, updateDocsEnvVar, table)
	}
	if err := os.WriteFile(reliabilityDoc, []byte(head+faultTableBegin+table+faultTableEnd+tail), 0o644); err != nil {
		t.Fatal(err)
	}
}
