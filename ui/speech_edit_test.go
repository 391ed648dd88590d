package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/internal/speech/words"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Correcting a field by ear, after the portal found no account: the field the
// answer is about has its cursor at the end of what was typed, each Backspace
// says what it deleted, and what is typed next replaces it, not lands before it.
// Left and Right move the text cursor and say the character passed.
func TestAFieldIsCorrectedByEar(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h, r := newSpeechHarness(t)
		h.press(keyHelp)
		h.startIn(lang)
		h.findAccount(registeredAccount, "97502")
		e, ok := h.win.Canvas().Focused().(*kwidget.Entry)
		if !ok || e.Text == "" {
			t.Fatalf("%s: after not found, the focus is on %T", lang, h.win.Canvas().Focused())
		}
		typed := []rune(e.Text)
		r.take()
		for i := range typed {
			h.press(fyne.KeyBackspace)
			want := h.kiosk.tr(lang, "speech.deleted", map[string]any{"Char": h.kiosk.speech.SpokenChar(typed[len(typed)-1-i])})
			if said := heard(r.take()); !strings.Contains(said, want) {
				t.Fatalf("%s: Backspace %d said %q, want %q", lang, i+1, said, want)
			}
		}
		h.press(fyne.KeyBackspace)
		if said := heard(r.take()); !strings.Contains(said, h.msg(lang, "speech.text_start")) {
			t.Errorf("%s: Backspace in an empty field said %q", lang, said)
		}
		h.typeKeys("975")
		r.take()
		for _, step := range []struct {
			key  fyne.KeyName
			want string
		}{{fyne.KeyLeft, "5"}, {fyne.KeyLeft, "7"}, {fyne.KeyRight, "7"}, {fyne.KeyRight, "5"},
			{fyne.KeyRight, h.msg(lang, "speech.text_end")}} {
			h.press(step.key)
			if said := r.take(); len(said) != 1 || said[0].text != step.want {
				t.Errorf("%s: %s said %q, want %q", lang, step.key, heard(said), step.want)
			}
		}
		h.typeKeys("01")
		if e.Text != "97501" || h.kiosk.page.id != screenFind {
			t.Errorf("%s: the corrected field holds %q on %s", lang, e.Text, h.kiosk.page.id)
		}
	}
}

// A screen rebuilt while the visitor is in a field keeps the field's cursor where
// they left it; arriving in a field by speech puts it at the end.
func TestARebuildKeepsTheCursorInTheField(t *testing.T) {
	h, _ := newSpeechHarness(t)
	h.press(keyHelp)
	h.startIn("en")
	e := viewOf[*findScreen](h.kiosk).postalCode.entry
	h.win.Canvas().Focus(e)
	h.typeKeys("97501")
	h.press(fyne.KeyLeft)
	h.press(fyne.KeyLeft)
	h.kiosk.refresh()
	e = viewOf[*findScreen](h.kiosk).postalCode.entry
	if h.win.Canvas().Focused() != fyne.Focusable(e) || e.CursorColumn != 3 {
		t.Errorf("after a rebuild: focus on %T, cursor at %d; want the ZIP code at 3", h.win.Canvas().Focused(), e.CursorColumn)
	}
	h.press(fyne.KeyUp)
	h.press(fyne.KeyDown)
	if h.win.Canvas().Focused() != fyne.Focusable(e) || e.CursorColumn != 5 {
		t.Errorf("back in the field by speech: cursor at %d, want the end (5)", e.CursorColumn)
	}
}

// A password's characters are never said, deleted or passed: a neutral word
// stands for each.
func TestAPasswordIsCorrectedWithoutBeingSaid(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	s := h.openSignIn(t, "en")
	h.win.Canvas().Focus(s.password.entry)
	h.typeKeys("Qz7")
	r.take()
	for _, key := range []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyBackspace} {
		h.press(key)
		said := heard(r.take())
		if !strings.Contains(said, words.Masked("en")) || strings.ContainsAny(said, "Qz7") {
			t.Errorf("%s in the password said %q", key, said)
		}
	}
}
