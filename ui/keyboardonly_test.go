package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// The visitor at a physical keyboard with no mouse: only key events, sent to
// whatever has the focus (or to the canvas when nothing has), as the driver does.

func TestAWholeJourneyWithTheKeyboardOnly(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newGatedHarness(t)
		h.tabTo(t, viewOf[*welcomeScreen](h.kiosk).languages[lang])
		h.space()
		h.typeKeys("102345671234567") // the account number field has the focus on arrival
		// The Space that chose the language types nothing into it, and the hyphen comes.
		if got := viewOf[*findScreen](h.kiosk).accountNumber.entry.Text; got != "10234567-1234567" {
			t.Errorf("%s: the account number reads %q", lang, got)
		}
		h.key(fyne.KeyReturn) // on to the ZIP
		h.typeKeys("97504")
		h.key(fyne.KeyReturn) // the last field: Find My Account
		h.settle()
		if h.kiosk.page.id != screenFound {
			t.Fatalf("%s: Enter did not find the account: %s %v", lang, h.kiosk.page.id, h.kiosk.visit.problems)
		}
		h.key(fyne.KeyReturn) // nothing focused: the primary action, Register
		h.settle()
		if h.kiosk.page.id != screenRegister {
			t.Fatalf("%s: Enter on Account found led to %s", lang, h.kiosk.page.id)
		}
		h.typeKeys(newEmail)
		h.key(fyne.KeyReturn)
		h.typeKeys(newEmail)
		h.key(fyne.KeyReturn)
		h.typeKeys(strongPassword)
		h.tabTo(t, viewOf[*registerScreen](h.kiosk).accept)
		h.space()
		h.tabTo(t, viewOf[*registerScreen](h.kiosk).submit)
		h.space()
		h.settle()
		h.assertSignedIn(t, lang)

		h.tabTo(t, viewOf[*myAccountScreen](h.kiosk).setEBilling)
		h.space()
		h.tabTo(t, viewOf[*eBillingScreen](h.kiosk).send)
		h.space()
		h.settle()
		if !viewOf[*eBillingScreen](h.kiosk).sent.Visible() || h.sim.Stats().BillDeliveryChanges != 1 {
			t.Fatalf("%s: e-billing not sent from the keyboard", lang)
		}
		h.tabTo(t, viewOf[*eBillingScreen](h.kiosk).done)
		h.space()
		h.settle()
		h.tabTo(t, viewOf[*myAccountScreen](h.kiosk).finish)
		h.space()
		h.tabTo(t, viewOf[*doneScreen](h.kiosk).finish)
		h.space()
		if h.kiosk.page.id != screenWelcome || h.sim.Stats().Registrations != 1 {
			t.Errorf("%s: the journey ended on %s", lang, h.kiosk.page.id)
		}
	}
}

func TestTabReachesEveryControlOfAScreen(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "es")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	for _, c := range controlsOn(h.win.Canvas()) {
		f, ok := c.(fyne.Focusable)
		if !ok || !c.Visible() {
			continue
		}
		if b, isButton := c.(*kwidget.Button); isButton && b.Disabled() {
			continue
		}
		h.tabTo(t, f)
	}
}
