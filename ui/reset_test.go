package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// The reset proof: every journey, walked with distinctive data, then
// ended by every trigger; afterwards nothing of the visitor may remain on the
// canvas, on the clipboard, in the logs or on the portal.

// proofTrigger ends a visit one way a real visit ends.
type proofTrigger struct {
	trigger resetTrigger
	fire    func(t *testing.T, h *harness, j proofJourney)
}

var proofTriggers = []proofTrigger{
	{triggerFinish, func(t *testing.T, h *harness, j proofJourney) {
		j.toDone(h)
		if h.kiosk.page.id != screenDone {
			t.Fatalf("on the way to Done: %s", h.kiosk.page.id)
		}
		test.Tap(viewOf[*doneScreen](h.kiosk).finish)
	}},
	{triggerStartOver, func(t *testing.T, h *harness, _ proofJourney) {
		h.startOver()
	}},
	{triggerIdle, func(t *testing.T, h *harness, _ proofJourney) {
		h.clock.Advance(2*h.kiosk.limits.idleLimit + h.kiosk.limits.warningTime) // twice: a listener's
	}},
	{triggerVisitLimit, func(t *testing.T, h *harness, _ proofJourney) {
		// The visitor stays active, so only the visit's length can end it: twice
		// the configured length from the moment a listener started speech.
		for range 2*h.kiosk.settings.MaxSessionMinutes + 1 {
			h.clock.Advance(time.Minute)
			if h.kiosk.page.id == screenWelcome {
				return
			}
			h.kiosk.limits.noteActivity()
		}
	}},
	{triggerStaff, func(t *testing.T, h *harness, _ proofJourney) {
		h.kiosk.reset(triggerStaff) // what the staff menu's "Reset now" calls
	}},
	{triggerPanic, func(t *testing.T, h *harness, _ proofJourney) {
		boom := kwidget.NewButton("", func() { panic("boom " + proofBank) })
		h.kiosk.activity.watch(boom)
		test.Tap(boom)
	}},
}

func TestResetLeavesNothingOfTheVisitorForEveryJourneyAndTrigger(t *testing.T) {
	for _, j := range proofJourneys {
		for _, tr := range proofTriggers {
			t.Run(j.name+"/"+string(tr.trigger), func(t *testing.T) {
				proveReset(t, j, tr)
			})
		}
	}
}

func proveReset(t *testing.T, j proofJourney, tr proofTrigger) {
	settings := testConfig{OnScreenKeyboard: true} // as shipped (config default)
	if j.card {
		settings.CardEntry = "terminal"
	}
	r := &recordingSpeaker{}
	h, logs := newLoggedHarness(t, settings, r)
	secrets := j.run(t, h)
	h.press(keyHelp) // the visitor was listening when the visit ended
	stops := r.stops
	token := h.kiosk.visit.session
	if token != "" {
		secrets = append(secrets, token)
	}
	// The visitor copied something: a reset must not hand it to the next one.
	fyne.CurrentApp().Clipboard().SetContent(proofEmail + " " + proofBank)
	before := h.kiosk.visit

	tr.fire(t, h, j)
	h.settle()

	if !strings.Contains(logs.String(), "trigger="+string(tr.trigger)) || !strings.Contains(logs.String(), "route=") {
		t.Fatalf("the logs lack the reset by %s or the portal client's requests", tr.trigger)
	}
	assertNothingLeft(t, h, logs, secrets)
	if token != "" && h.sim.SessionActive(token) {
		t.Error("the portal still honours the visitor's session")
	}
	assertFreshWelcome(t, h, before)
	if h.kiosk.speech.On() || r.stops <= stops {
		t.Errorf("speech survived the reset: mode on %v, stopped %d times", h.kiosk.speech.On(), r.stops-stops)
	}
}

// assertNothingLeft looks for every form of every secret on the canvas, on the
// clipboard and in the logs.
func assertNothingLeft(t *testing.T, h *harness, logs *lockedBuffer, secrets []string) {
	t.Helper()
	places := map[string]string{
		"canvas":    strings.Join(allTexts(h.win.Canvas()), "\n"),
		"clipboard": fyne.CurrentApp().Clipboard().Content(),
		"logs":      logs.String(),
	}
	for place, text := range places {
		for _, s := range secrets {
			for _, form := range leakForms(s) {
				if strings.Contains(text, form) {
					t.Errorf("%q (of %q) is still in the %s", form, s, place)
				}
			}
		}
	}
}

// assertFreshWelcome checks the kiosk is as a new visitor finds it.
func assertFreshWelcome(t *testing.T, h *harness, before *visit) {
	t.Helper()
	k := h.kiosk
	c := h.win.Canvas()
	if k.page.id != screenWelcome || k.lang != k.settings.DefaultLanguage {
		t.Errorf("after reset: screen %s, language %s", k.page.id, k.lang)
	}
	if top := c.Overlays().Top(); top != nil || k.limits.overlay != nil {
		t.Errorf("an overlay survived the reset: %T", top)
	}
	if f := c.Focused(); f != nil {
		t.Errorf("focus survived the reset: %T", f)
	}
	v := k.visit
	if v == before || len(v.fields) != 0 || len(v.problems) != 0 || v.session != "" || v.account != nil ||
		v.details != nil || v.pay != nil || v.autoPay != nil || len(v.history) != 0 || len(v.outcomes) != 0 ||
		!v.startedAt.IsZero() || v.busy {
		t.Errorf("the visit is not fresh: %+v", v)
	}
	if before.ctx.Err() == nil {
		t.Error("the old visit's calls were not cancelled")
	}
	if _, welcome := k.page.view.(*welcomeScreen); !welcome {
		t.Errorf("after reset the screen on show is %T", k.page.view)
	}
	if k.page.chrome != nil || k.staff.Pad() != nil || k.staff.Menu() != nil || k.limits.overlay != nil || k.keyboard != nil {
		t.Error("an overlay's widgets survived the reset")
	}
	if k.limits.limitsState != (limitsState{}) {
		t.Errorf("visit limits survived the reset: %+v", k.limits.limitsState)
	}
	// The welcome screen's own portal check is the only timer left.
	if n := h.clock.pending(); n != 1 || k.health.timer == nil {
		t.Errorf("%d timers pending after reset, want only the health check", n)
	}
}

// Start over over a form with something typed asks first; Keep going leaves the
// form as it was, Yes, start over erases it. An empty form starts over at once.
func TestStartOverAsksBeforeErasingWhatWasTyped(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.startIn(lang)
		test.Tap(h.kiosk.page.chrome.startOver)
		if h.kiosk.page.id != screenWelcome || h.kiosk.page.question != nil {
			t.Fatalf("%s: Start over on an empty form: screen %s, asked %v", lang, h.kiosk.page.id, h.kiosk.page.question != nil)
		}
		h.startIn(lang)
		h.typeInto(viewOf[*findScreen](h.kiosk).postalCode.entry, "975")
		h.touchCentre(h.kiosk.page.chrome.startOver) // a finger: the press takes the focus away
		q := h.kiosk.page.question
		if q == nil || !overlayShown(h, q.popup) || h.kiosk.page.id != screenFind {
			t.Fatalf("%s: Start over with a ZIP code typed did not ask", lang)
		}
		if want := h.msg(lang, "startover.keep"); q.keep.Text != want {
			t.Errorf("%s: the question offers %q, want %q", lang, q.keep.Text, want)
		}
		test.Tap(q.keep)
		f := viewOf[*findScreen](h.kiosk)
		if h.win.Canvas().Overlays().Top() != nil || f.postalCode.entry.Text != "975" {
			t.Errorf("%s: Keep going lost the form or left the question up", lang)
		}
		if h.win.Canvas().Focused() != fyne.Focusable(f.postalCode.entry) || f.postalCode.problem.Visible() {
			t.Errorf("%s: Keep going did not give the ZIP code back as it was (focus %T, problem %q)", lang,
				h.win.Canvas().Focused(), f.postalCode.problem.Text)
		}
		test.Tap(h.kiosk.page.chrome.startOver)
		test.Tap(h.kiosk.page.question.erase)
		if h.kiosk.page.id != screenWelcome || h.kiosk.visit.fields[fieldPostalCode] != "" {
			t.Errorf("%s: Yes, start over left the kiosk on %s", lang, h.kiosk.page.id)
		}
	}
}
