package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// Back on the welcome screen, where there is nothing before, keeps speech on
// and says so, in both languages; so does Back from Find and then Back again.
func TestBackOnTheFirstScreenKeepsSpeechOn(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	r.take()
	h.press(fyne.KeyEscape)
	if !h.kiosk.speech.On() || h.kiosk.page.id != screenWelcome {
		t.Fatalf("Back on the welcome screen: speech on %v, screen %s", h.kiosk.speech.On(), h.kiosk.page.id)
	}
	if said := heard(r.take()); !strings.Contains(said, h.msg("en", "speech.first_screen")) {
		t.Errorf("Back on the welcome screen said:\n%s", said)
	}
	h.startIn("es")
	h.press(fyne.KeyEscape) // Find → the welcome screen
	h.press(fyne.KeyEscape) // and again
	if !h.kiosk.speech.On() || h.kiosk.page.id != screenWelcome {
		t.Errorf("Back twice from Find: speech on %v, screen %s", h.kiosk.speech.On(), h.kiosk.page.id)
	}
}

// Enter in a field whose text is not done (a short account number) speaks its
// problem at once, before the field Enter moves on to: not only when the
// visitor comes back to it.
func TestEnterInAFieldWithAProblemSpeaksIt(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h, r := newSpeechHarness(t)
		h.press(keyHelp)
		h.startIn(lang)
		e := viewOf[*findScreen](h.kiosk).accountNumber.entry
		h.win.Canvas().Focus(e)
		h.typeKeys("123")
		r.take()
		h.press(fyne.KeyReturn)
		if !e.HasProblem() {
			t.Fatalf("%s: Enter on a short account number showed no problem", lang)
		}
		if said := heard(r.take()); !strings.Contains(said, e.Access.Problem.Text) {
			t.Errorf("%s: the problem %q was not said:\n%s", lang, e.Access.Problem.Text, said)
		}
	}
}

// Help in speech mode says where the visitor is: the screen's title first (not
// the demo's banner above it), then the item under the cursor, then the count
// and the keys. Down past the last item says so before it wraps to the top.
func TestHelpSaysWhereTheVisitorIsAndTheEndIsAnnounced(t *testing.T) {
	r := &recordingSpeaker{}
	h := newHarnessWith(t, harnessOptions{mode: ModeDemo, speech: r})
	h.press(keyHelp)
	h.startIn("en")
	h.press(fyne.KeyDown)
	r.take()
	h.press(keyHelp)
	said := r.take()
	if len(said) < 3 || said[0].text != h.msg("en", "find.title") || !strings.HasPrefix(said[2].text, "This screen has") ||
		!strings.HasPrefix(said[len(said)-1].text, "At the top: Back; Español; Questions?") {
		t.Errorf("Help on Find said:\n%s", heard(said))
	}
	if strings.Contains(heard(said), "DEMO") {
		t.Errorf("Help began with the banner:\n%s", heard(said))
	}
	for range h.kiosk.speech.Len() {
		h.press(fyne.KeyDown)
	}
	if !strings.Contains(heard(r.take()), h.msg("en", "speech.wrap_to_top")) {
		t.Error("Down past the last item wrapped to the top without a word")
	}
}

// The idle warning by ear: spoken as it comes, its countdown said again at 10
// seconds, and any key (here Down) answers it and says so.
func TestTheIdleWarningWorksByEar(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.startIn("es")
	h.press(keyHelp)
	l := h.kiosk.limits
	h.clock.Advance(2*l.idleLimit + time.Second)
	if l.overlay == nil {
		t.Fatal("no idle warning")
	}
	r.take()
	h.clock.Advance(l.warningTime - 11*time.Second)
	if said := heard(r.take()); !strings.Contains(said, h.kiosk.tr("es", "limits.countdown", map[string]any{"Seconds": 10})) {
		t.Errorf("the countdown was not said again at 10 seconds:\n%s", said)
	}
	h.press(fyne.KeyDown)
	if l.overlay != nil || h.kiosk.page.id != screenFind {
		t.Fatalf("Down did not answer the warning: overlay %v, screen %s", l.overlay, h.kiosk.page.id)
	}
	if said := heard(r.take()); !strings.Contains(said, h.msg("es", "limits.more_time_given")) {
		t.Errorf("the answer was not said:\n%s", said)
	}
}

// A visitor listening from the welcome screen on has twice the visit's length:
// still on their screen past the usual length, the visit ended by twice it.
func TestAListenerHasALongerVisit(t *testing.T) {
	h, _ := newSpeechHarness(t)
	h.press(keyHelp)
	h.startIn("en")
	l := h.kiosk.limits
	keepAt := func(d time.Duration) {
		for end := h.clock.Now().Add(d); h.clock.Now().Before(end); {
			h.clock.Advance(time.Minute)
			h.kiosk.limits.noteActivity() // the visitor keeps at it
		}
	}
	keepAt(l.maxVisit + time.Minute)
	if h.kiosk.page.id != screenFind {
		t.Fatalf("the visit ended at the usual length in speech mode: on %s", h.kiosk.page.id)
	}
	keepAt(l.maxVisit)
	if h.kiosk.page.id != screenWelcome {
		t.Errorf("the visit went on past twice its length: on %s", h.kiosk.page.id)
	}
}

// The demo's banner is heard once a visit, on the first screen, not again on
// every screen after it; Up and Down still reach it.
func TestTheDemoBannerIsHeardOnce(t *testing.T) {
	r := &recordingSpeaker{}
	h := newHarnessWith(t, harnessOptions{mode: ModeDemo, speech: r})
	banner := h.msg("en", "banner.demo")
	h.press(keyHelp)
	if !strings.Contains(heard(r.take()), banner) {
		t.Fatal("the banner was not heard on the first screen")
	}
	h.startIn("en")
	if said := heard(r.take()); strings.Contains(said, banner) {
		t.Errorf("the banner was heard again on Find:\n%s", said)
	}
	reachable := false
	for _, label := range h.kiosk.speech.Labels() {
		reachable = reachable || label == banner
	}
	if !reachable {
		t.Error("the banner is no longer an item Up and Down reach")
	}
}
