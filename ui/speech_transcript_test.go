package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
)

// Every screen's speech, in both languages, is kept as a reviewed transcript under
// testdata/speech/, like the golden renderings: what is said on arrival, then on
// each press of Down through every item. A changed transcript is written under
// testdata/failed/speech/ for review; copying it over the master accepts it.
func TestEveryScreenSpeaksAsItsTranscript(t *testing.T) {
	eachSpokenScreen(t, func(h *harness, r *recordingSpeaker, id screenID, lang string, arrival []spoken) {
		var moves []spoken
		for range h.kiosk.speech.Len() {
			h.press(fyne.KeyDown)
			moves = append(moves, r.take()...)
		}
		got := "# arrival\n" + heard(arrival) + "# Down through every item\n" + heard(moves)
		assertTranscript(t, string(id)+"_"+lang, got)
	})
}

// A screen shows nothing a visitor who cannot see it would not hear, on arrival
// or pressing Down through it (a long text: Enter on its offer reads it).
func TestSpeechSaysEveryTextOnTheScreen(t *testing.T) {
	eachSpokenScreen(t, func(h *harness, r *recordingSpeaker, id screenID, lang string, arrival []spoken) {
		said := heard(arrival)
		for range h.kiosk.speech.Len() {
			h.press(fyne.KeyDown)
			if h.kiosk.speech.UnderIsOffer() {
				h.press(fyne.KeyReturn)
			}
			said += heard(r.take())
		}
		for _, text := range visibleTexts(h.win.Canvas()) {
			if strings.Trim(text, "•") == "" {
				continue // a masked field: its length is said, never its characters
			}
			// Bare screens speak each language's words in its own voice.
			if !strings.Contains(said, speechmode.Speakable("en", text)) && !strings.Contains(said, speechmode.Speakable("es", text)) {
				t.Errorf("%s in %s shows %q, which speech never says", id, lang, text)
			}
		}
	})
}

// eachSpokenScreen shows every screen in speech mode, signed in, in each language,
// and hands check what was said on arrival.
func eachSpokenScreen(t *testing.T, check func(h *harness, r *recordingSpeaker, id screenID, lang string, arrival []spoken)) {
	for _, lang := range []string{"en", "es"} {
		h, r := newSpeechHarnessAt(t, goldenNow) // the transcripts say due dates
		h.signInDirectly(t, lang)
		h.press(keyHelp)
		for _, id := range sortedScreens(h) {
			r.take()
			h.kiosk.show(id)
			check(h, r, id, lang, r.take())
		}
	}
}

func sortedScreens(h *harness) []screenID {
	var ids []screenID
	for id := range h.kiosk.screens {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func assertTranscript(t *testing.T, name, got string) {
	t.Helper()
	master := filepath.Join("testdata", "speech", name+".txt")
	want, err := os.ReadFile(master)
	if err == nil && string(want) == got {
		return
	}
	failed := filepath.Join("testdata", "failed", "speech", name+".txt")
	if err := os.MkdirAll(filepath.Dir(failed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(failed, []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Errorf("%s: the speech differs from %s (or it is missing); review %s", name, master, failed)
}
