package ui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
)

// arrivalBudget is the most words arriving on a screen may say once the
// chrome was heard, in each language (docs/accessibility.md, Words on arrival):
// about 25 seconds at the default rate, a number's digits read one by one.
const arrivalBudget = 70

// Arriving on each screen, in each language, says its title, prompt and first
// item within the budget (counted in each language a bare screen speaks); the register screen with its Terms on show offers them
// rather than reading 375 words. LOBBYKIOSK_ARRIVAL_FIGURES=file writes the
// figures for the docs.
func TestArrivalStaysWithinItsWordBudget(t *testing.T) {
	figures := map[string]map[string]int{}
	note := func(id screenID, lang string, arrival []spoken) {
		n := 0 // in the busiest language: a bare screen speaks each in turn
		words := map[string]int{}
		for _, s := range arrival {
			words[s.lang] += len(strings.Fields(s.text))
			n = max(n, words[s.lang])
		}
		if figures[string(id)] == nil {
			figures[string(id)] = map[string]int{}
		}
		figures[string(id)][lang] = n
		if n > arrivalBudget {
			t.Errorf("arriving on %s in %s says %d words, over the budget of %d:\n%s", id, lang, n, arrivalBudget, heard(arrival))
		}
	}
	eachSpokenScreen(t, func(_ *harness, _ *recordingSpeaker, id screenID, lang string, arrival []spoken) {
		note(id, lang, arrival)
	})
	for _, lang := range []string{"en", "es"} {
		h, r := newSpeechHarness(t)
		h.press(keyHelp)
		h.startIn(lang)
		h.findAccount(plainAccount, "97504")
		r.take()
		test.Tap(viewOf[*foundScreen](h.kiosk).register)
		h.settle() // the Terms are fetched on arrival
		terms := viewOf[*registerScreen](h.kiosk).termsText
		if terms == nil {
			t.Fatalf("%s: the Terms are not on show", lang)
		}
		note("register, Terms on show", lang, r.take())
		offer := h.kiosk.tr(lang, "speech.long_text", map[string]any{"Words": len(strings.Fields(terms.Text))})
		for range h.kiosk.speech.Len() {
			h.press(fyne.KeyDown)
			if h.kiosk.speech.Under() == terms {
				break
			}
		}
		if said := heard(r.take()); !strings.Contains(said, offer) || strings.Contains(said, terms.Text) {
			t.Errorf("%s: Down to the Terms said %q, want the offer %q", lang, said, offer)
		}
		h.press(fyne.KeyReturn)
		if said := r.take(); len(said) != 1 || said[0].text != speechmode.Speakable(lang, terms.Text) {
			t.Errorf("%s: Enter on the offer did not read the Terms: %q", lang, heard(said))
		}
	}
	if out := os.Getenv("LOBBYKIOSK_ARRIVAL_FIGURES"); out != "" {
		var b strings.Builder
		for id, langs := range figures {
			fmt.Fprintf(&b, "%s\t%d\t%d\n", id, langs["en"], langs["es"])
		}
		if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A portal call says "One moment" once, never its disabled buttons; the screen
// its answer leads to arrives with its title. Back to My account says its title
// too.
func TestAPortalCallSaysOneMomentOnceAndEveryArrivalItsTitle(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	h.startIn("en")
	s := viewOf[*findScreen](h.kiosk)
	h.typeInto(s.accountNumber.entry, registeredAccount)
	h.typeInto(s.postalCode.entry, "97501")
	for range h.kiosk.speech.Len() {
		h.press(fyne.KeyDown)
		if h.kiosk.speech.Under() == s.submit {
			break
		}
	}
	r.take()
	h.press(fyne.KeyReturn)
	said := heard(r.take())
	if n := strings.Count(said, h.msg("en", "busy.one_moment")); n != 1 || strings.Contains(said, h.msg("en", "speech.state.unavailable")) {
		t.Errorf("Find My Account said One moment %d times, or a disabled button:\n%s", n, said)
	}
	if h.kiosk.page.id != screenFound || !strings.Contains(said, "[en] "+h.msg("en", "found.title")) {
		t.Errorf("the answer's screen %s did not say its title:\n%s", h.kiosk.page.id, said)
	}

	h, r = newSpeechHarness(t)
	h.signInDirectly(t, "en")
	h.press(keyHelp)
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.settle()
	r.take()
	h.press(fyne.KeyEscape)
	if said := r.take(); h.kiosk.page.id != screenMyAccount || len(said) == 0 || said[0].text != h.msg("en", "myaccount.title") {
		t.Errorf("Back to My account (%s) said:\n%s", h.kiosk.page.id, heard(said))
	}
}
