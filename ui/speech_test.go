package ui

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/medfordwater/lobbykiosk/internal/config"

	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

func TestHelpStartsSpeechOnTheWelcomeScreenInEveryLanguage(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	said := heard(r.take())
	for _, want := range []string{
		"[en] Speech is on.", "[es] La voz está activada.",
		"[en] Welcome to Medford Water", "[en] Press your language to begin", "[es] Oprima su idioma para comenzar",
		"[en] English, button", "[es] Español, botón",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("F1 on the welcome screen does not say %q; it said:\n%s", want, said)
		}
	}
	if !h.kiosk.speech.On() {
		t.Error("speech mode is not on after F1")
	}
}

func TestKeypadMovesThroughEveryItemAndEnterChooses(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	r.take()
	// Down until the cursor is on Español, as a visitor listening would.
	for range 20 {
		h.press(fyne.KeyDown)
		if strings.HasPrefix(heard(r.take()), "[es] Español, botón") {
			break
		}
	}
	h.press(fyne.KeyReturn)
	h.settle()
	if h.kiosk.page.id != screenFind || h.kiosk.lang != "es" {
		t.Fatalf("Enter on Español led to %s in %s", h.kiosk.page.id, h.kiosk.lang)
	}
	said := heard(r.take())
	for _, want := range []string{"[es] Buscar mi cuenta", "[es] Número de Cliente–Número de Cuenta, campo de texto, vacío",
		"8 dígitos, un guion, 7 dígitos"} {
		if !strings.Contains(said, want) {
			t.Errorf("arriving on Find My Account does not say %q; it said:\n%s", want, said)
		}
	}
	if _, typing := h.win.Canvas().Focused().(*kwidget.Entry); !typing {
		t.Errorf("the account number field does not have the focus: %T", h.win.Canvas().Focused())
	}
}

func TestTypedCharactersAreEchoedAndPasswordsNeverAre(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.startIn("en")
	h.press(keyHelp)
	r.take()
	h.typeKeys("97")
	if got := heard(r.take()); got != "[en] 9\n[en] 7\n" {
		t.Errorf("typing 97 echoed %q", got)
	}
	h, r = newSpeechHarness(t)
	h.startIn("en")
	h.findAccount(registeredAccount, "97501")
	test.Tap(viewOf[*foundScreen](h.kiosk).signIn)
	h.press(keyHelp)
	h.win.Canvas().Focus(viewOf[*signInScreen](h.kiosk).password.entry)
	r.take()
	h.typeKeys("Secret1")
	said := heard(r.take())
	if said != strings.Repeat("[en] star\n", 7) {
		t.Errorf("a password was echoed as %q", said)
	}
}

func TestResetStopsSpeechAndTheNextVisitorStartsWithItOff(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.press(keyHelp)
	stops := r.stops
	h.kiosk.reset(triggerIdle)
	if r.stops <= stops {
		t.Error("the reset did not stop speech")
	}
	if h.kiosk.speech.On() {
		t.Error("speech mode survived the reset")
	}
	r.take()
	h.press(fyne.KeyDown)
	if said := r.take(); len(said) != 0 {
		t.Errorf("after the reset a key still speaks: %v", said)
	}
}

func TestSpeechModeDoublesTheIdleTimeSpeaksTheWarningAndOneKeyAnswersIt(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.startIn("es")
	h.press(keyHelp)
	r.take()
	h.clock.Advance(h.kiosk.limits.idleLimit + time.Second)
	if h.kiosk.limits.overlay != nil {
		t.Fatal("the idle warning came at the usual time in speech mode")
	}
	h.clock.Advance(h.kiosk.limits.idleLimit)
	if h.kiosk.limits.overlay == nil {
		t.Fatal("no idle warning after twice the idle time")
	}
	said := heard(r.take())
	if !strings.Contains(said, "[es] ¿Sigue ahí?") || !strings.Contains(said, "[es] Necesito más tiempo, botón") {
		t.Errorf("the warning was not spoken:\n%s", said)
	}
	h.press(fyne.KeyReturn)
	if h.kiosk.limits.overlay != nil || h.kiosk.page.id != screenFind {
		t.Errorf("Enter did not answer the warning: overlay %v, screen %s", h.kiosk.limits.overlay, h.kiosk.page.id)
	}
}

func TestChoosingAnOptionSaysItsNewStateAndKeepsThePlace(t *testing.T) {
	h, r := newSpeechHarness(t)
	h.signInDirectly(t, "en")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.press(keyHelp)
	for range 40 {
		r.take()
		h.press(fyne.KeyDown)
		if strings.HasPrefix(heard(r.take()), "[en] Checking, option, not selected") {
			break
		}
	}
	h.press(fyne.KeyReturn)
	if got := heard(r.take()); got != "[en] Checking, option, selected\n" {
		t.Errorf("choosing Checking said %q", got)
	}
	h.press(fyne.KeyDown)
	if got := heard(r.take()); !strings.HasPrefix(got, "[en] Savings, option, not selected") {
		t.Errorf("the cursor lost its place: Down after Checking said %q", got)
	}
}

// On a loudspeaker, speech never says the visitor's data: every journey walked in
// speech mode, and none of what the visitor typed or was given, in any form, in
// anything said.
func TestOnALoudspeakerNoJourneySpeaksTheVisitorsData(t *testing.T) {
	for _, j := range privacyJourneys {
		t.Run(j.name, func(t *testing.T) {
			settings := testConfig{OnScreenKeyboard: true, SpeechOutput: config.SpeechOutputSpeaker}
			if j.card {
				settings.CardEntry = "terminal"
			}
			r := &recordingSpeaker{}
			h := newHarnessWith(t, harnessOptions{settings: settings, speech: r})
			h.press(keyHelp)
			secrets := j.walk(t, h)
			said := heard(r.take())
			if !strings.Contains(said, "[") {
				t.Fatal("nothing was said, so this proves nothing")
			}
			// A blank field's format example (ZIP 97501) is the utility's, not the
			// visitor's, though a practice visitor may type the same.
			said = formatExample.ReplaceAllString(said, "")
			for _, s := range secrets {
				for _, form := range privacyForms(s) {
					if strings.Contains(said, form) || strings.Contains(said, speechmode.Speakable("en", form)) ||
						strings.Contains(said, speechmode.Speakable("es", form)) {
						t.Errorf("%q (of %q) was said aloud", form, s)
					}
				}
			}
		})
	}
}

var formatExample = regexp.MustCompile(`(for example|por ejemplo) [0-9 ,]+`)

func TestTheStaffStatusSaysWhetherTheKioskCanSpeak(t *testing.T) {
	for _, c := range []struct {
		name  string
		check func(context.Context) error
		want  string
	}{
		{"ready", func(context.Context) error { return nil }, "Speech: ready"},
		{"down", func(context.Context) error { return errors.New("no daemon") }, "Speech: not available"},
		{"off", nil, "Speech: off in the config"},
	} {
		h, _ := newStaffHarness(t)
		h.kiosk.staff.SpeechCheck = c.check
		m := h.openStaffMenu(t)
		h.settle()
		if !strings.HasPrefix(m.Speech.Text, c.want) {
			t.Errorf("%s: the staff status says %q", c.name, m.Speech.Text)
		}
	}
}
