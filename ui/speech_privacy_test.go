package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
)

// passwordsLike are strong passwords of words and digits whose digit runs are the
// lobby's public numbers: the phone number's pieces, the ZIP codes, the years,
// "24 hours". A fixed seed: the same every run.
func passwordsLike(n int) []string {
	words := []string{"Walnut", "Harbor", "Violet", "Cedar", "Rogue", "Pilot", "Quartz", "Meadow"}
	runs := []string{"77", "541", "774", "2430", "24", "97501", "2026", "7", "0"}
	rng := rand.New(rand.NewPCG(22, 23))
	out := []string{"Walnut-Harbor-Violet-77"}
	for len(out) < n {
		pick := func(s []string) string { return s[rng.IntN(len(s))] }
		out = append(out, fmt.Sprintf("%s-%s%s-%s", pick(words), pick(words), pick(runs), pick(runs)))
	}
	return out
}

// On a loudspeaker a password is never said, and never looked for in what is
// said: its "77" or "2430" hides nothing of the utility's phone number, which the
// lobby hears whole.
func TestOnALoudspeakerAPasswordHidesNothingPublic(t *testing.T) {
	phone := "Call Customer Service at 541-774-2430. Press 0 during normal business hours."
	for _, password := range passwordsLike(8) {
		r := &recordingSpeaker{}
		h := newHarnessWith(t, harnessOptions{settings: testConfig{SpeechOutput: config.SpeechOutputSpeaker}, speech: r})
		h.press(keyHelp)
		h.openRegister(t, "en")
		h.fillRegistration(privacyEmail, privacyEmail, password, true)
		test.Tap(viewOf[*registerScreen](h.kiosk).reveal) // the eyes may see it; the lobby may not hear it
		// While the password is typed (the Terms on the same screen give the phone
		// number), and after.
		if got := h.kiosk.speech.Overheard(phone); got != phone {
			t.Errorf("password %q: the phone number is said as %q", password, got)
		}
		h.speechMoveTo(t, viewOf[*registerScreen](h.kiosk).password.entry) // arriving on it, shown
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		h.assertSignedIn(t, "en")
		said := heard(r.take())
		for _, form := range []string{password, speechmode.Speakable("en", password), strings.ToLower(password)} {
			if strings.Contains(said, form) {
				t.Errorf("password %q was said aloud", password)
			}
		}
	}
}

// With headphones too, a password is never said, shown or not: Show password is
// for the eyes.
func TestAShownPasswordIsNeverSaid(t *testing.T) {
	password := passwordsLike(1)[0]
	r := &recordingSpeaker{}
	h := newHarnessWith(t, harnessOptions{speech: r})
	h.press(keyHelp)
	h.openRegister(t, "en")
	h.fillRegistration(privacyEmail, privacyEmail, password, true)
	test.Tap(viewOf[*registerScreen](h.kiosk).reveal)
	r.take() // what came before: the account number and ZIP code, echoed digit by digit
	e := viewOf[*registerScreen](h.kiosk).password.entry
	h.speechMoveTo(t, e)
	h.win.Canvas().Focus(e)
	test.Type(e, "9")
	said := heard(r.take())
	if strings.Contains(said, password) || strings.Contains(said, speechmode.Speakable("en", password)) || strings.Contains(said, "] 9\n") {
		t.Errorf("a shown password was said:\n%s", said)
	}
}

// A receipt spoken on a loudspeaker says nothing of the visitor's: not the
// method's last four digits, nor the account's, the confirmation number or the
// email.
func TestOnALoudspeakerAReceiptIsSpokenWithoutTheVisitorsData(t *testing.T) {
	r := &recordingSpeaker{}
	p := &recordingPrinter{}
	h := newHarnessWith(t, harnessOptions{settings: testConfig{SpeechOutput: config.SpeechOutputSpeaker}, speech: r, printer: p})
	h.press(keyHelp)
	h.goToPay(t, "en")
	h.fillEmails("maria@example.com", "maria@example.com")
	h.fillBank(goodRouting)
	h.reviewAndPay(t)
	mustBePaid(t, h)
	confirmation := h.kiosk.visit.pay.receipt.ConfirmationNumber
	r.take()
	test.Tap(viewOf[*payScreen](h.kiosk).print)
	h.settle()
	said := heard(r.take())
	if !strings.Contains(said, "ending in") {
		t.Fatalf("the receipt was not spoken:\n%s", said)
	}
	for _, private := range []string{"6789", "2430", confirmation, "maria@example.com", speechmode.Speakable("en", "6789"), speechmode.Speakable("en", "2430")} {
		if strings.Contains(said, private) {
			t.Errorf("the spoken receipt says %q:\n%s", private, said)
		}
	}
	if !strings.Contains(said, speechmode.Speakable("en", "541-774-2430")) {
		t.Errorf("the spoken receipt lost the utility's phone number:\n%s", said)
	}
}
