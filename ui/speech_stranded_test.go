package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Back on the welcome screen, where there is nothing before, keeps speech on
// and says so, in both languages; so does Back from Find and then Back again.
func TestBackOnTheFirstScreenKeepsSpeechOn(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	r.take()
	h.press(fyne.KeyEscape)
	if !h.kiosk.access.on || h.kiosk.page.id != screenWelcome {
		t.Fatalf("Back on the welcome screen: speech on %v, screen %s", h.kiosk.access.on, h.kiosk.page.id)
	}
	if said := heard(r.take()); !strings.Contains(said, h.msg("en", "speech.first_screen")) {
		t.Errorf("Back on the welcome screen said:\n%s", said)
	}
	h.startIn("es")
	h.press(fyne.KeyEscape) // Find → the welcome screen
	h.press(fyne.KeyEscape) // and again
	if !h.kiosk.access.on || h.kiosk.page.id != screenWelcome {
		t.Errorf("Back twice from Find: speech on %v, screen %s", h.kiosk.access.on, h.kiosk.page.id)
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
		if !e.hasProblem() {
			t.Fatalf("%s: Enter on a short account number showed no problem", lang)
		}
		if said := heard(r.take()); !strings.Contains(said, e.access.problem.Text) {
			t.Errorf("%s: the problem %q was not said:\n%s", lang, e.access.problem.Text, said)
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
	if len(said) < 3 || said[0].text != h.msg("en", "find.title") || !strings.HasPrefix(said[len(said)-1].text, "This screen has") {
		t.Errorf("Help on Find said:\n%s", heard(said))
	}
	if strings.Contains(heard(said), "DEMO") {
		t.Errorf("Help began with the banner:\n%s", heard(said))
	}
	for range len(h.kiosk.access.items) {
		h.press(fyne.KeyDown)
	}
	if !strings.Contains(heard(r.take()), h.msg("en", "speech.wrap_to_top")) {
		t.Error("Down past the last item wrapped to the top without a word")
	}
}
