package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
	"github.com/medfordwater/lobbykiosk/internal/config"
)

// goldenNow is the fixed clock of the golden renderings and the speech
// transcripts: the simulator's due dates and the kiosk's guidance follow it, so
// the masters hold the same dates whatever day the suite runs and wherever
// KIOSK_TEST_NOW moves the rest of it.
var goldenNow = clocktest.Default

func newGoldenHarness(t *testing.T) *harness {
	return newHarnessWith(t, harnessOptions{start: goldenNow})
}

// TestScreensRenderAsTheirMasters renders every screen in both languages.
func TestScreensRenderAsTheirMasters(t *testing.T) {
	h := newGoldenHarness(t)
	h.assertGolden(t, "welcome")
	test.Tap(viewOf[*welcomeScreen](h.kiosk).noEmail["en"])
	h.assertGolden(t, "no_email_en")
	test.Tap(h.kiosk.page.chrome.help)
	h.assertGolden(t, "help_en")

	for _, lang := range []string{"en", "es"} {
		h := newGoldenHarness(t)
		h.startIn(lang)
		h.assertGolden(t, "find_"+lang)
		h.findAccount(legacyAccount, "97501")
		h.assertGolden(t, "found_"+lang)
		test.Tap(viewOf[*foundScreen](h.kiosk).payNow)
		h.assertGolden(t, "pay_"+lang)
		test.Tap(h.kiosk.page.chrome.back)
		test.Tap(viewOf[*foundScreen](h.kiosk).register)
		h.settle()
		h.assertGolden(t, "register_"+lang)

		h = newGoldenHarness(t)
		h.openSignIn(t, lang)
		h.assertGolden(t, "sign_in_"+lang)
		h = newGoldenHarness(t)
		h.signInDirectly(t, lang)
		h.assertGolden(t, "my_account_"+lang)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
		h.assertGolden(t, "autopay_"+lang)
		test.Tap(h.kiosk.page.chrome.back)
		h.settle()
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setEBilling)
		h.assertGolden(t, "ebilling_"+lang)
		test.Tap(h.kiosk.page.chrome.back)
		h.settle()
		test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
		h.assertGolden(t, "done_"+lang)
	}
	h = newGoldenHarness(t)
	h.startIn("es")
	test.Tap(h.kiosk.page.chrome.help)
	h.assertGolden(t, "help_es")
	test.Tap(h.kiosk.page.chrome.back)
	h.kiosk.navigate(evNoEmail)
	h.assertGolden(t, "no_email_es")

	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	win.Resize(h.win.Canvas().Size())
	if _, err := New(win, Deps{Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	test.AssertRendersToMarkup(t, "screens/out_of_service.xml", win.Canvas())
}
