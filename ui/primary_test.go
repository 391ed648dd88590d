package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Every screen, in every state a visitor meets it, has exactly one primary action
// (the welcome screen's is the choice of language, one button a language; the
// out-of-service screen has none). On the 15.6-inch 1280×800 panel, in Spanish,
// it shows on arrival without scrolling, except at the foot of the screens that
// are a form or a text to read through (formScreensToScroll).
func TestEveryScreenHasExactlyOnePrimaryAction(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.win.Resize(landscapeLobbyPanel.logicalSize(t))
	h.signInDirectly(t, "es")
	check := func(state string, want int) {
		t.Helper()
		h.layOut()
		var primaries []string
		walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
			if !o.Visible() {
				return false
			}
			if b, ok := o.(*kwidget.Button); ok && b.Importance == widget.HighImportance {
				primaries = append(primaries, b.Text)
				if !formScreensToScroll[h.kiosk.page.id] {
					top, bottom := h.roomAboveKeys()
					h.assertWithin(t, state+" "+b.Text, b, top, bottom)
				}
			}
			return true
		})
		if len(primaries) != want {
			t.Errorf("%s: %d primary actions %q, want %d", state, len(primaries), primaries, want)
		}
	}
	for _, id := range sortedScreens(h) {
		h.kiosk.show(id)
		switch id {
		case screenWelcome:
			check(string(id), len(h.kiosk.settings.Languages))
		case screenOutOfService:
			check(string(id), 0)
		default:
			check(string(id), 1)
		}
	}
	d := h.kiosk.visit.details
	for _, state := range []struct {
		name    string
		autoPay string
		method  string
		status  string
	}{
		{"my account, AutoPay on", client.AutoPayActive, client.DeliveryPaper, ""},
		{"my account, e-billing requested", client.AutoPayActive, client.DeliveryEmail, client.DeliveryPendingVerification},
		{"my account, both on", client.AutoPayActive, client.DeliveryEmail, client.DeliveryActive},
		{"my account, e-billing requested, AutoPay off", "", client.DeliveryEmail, client.DeliveryPendingVerification},
	} {
		d.AutoPay.Status, d.BillDelivery.Method, d.BillDelivery.Status = state.autoPay, state.method, state.status
		h.kiosk.show(screenMyAccount)
		check(state.name, 1)
	}
	d.BillDelivery.Method, d.BillDelivery.Status = client.DeliveryEmail, client.DeliveryPendingVerification
	h.kiosk.show(screenEBilling)
	check("e-billing, email sent", 1)
	h.kiosk.visit.details = nil
	h.kiosk.show(screenMyAccount)
	check("my account, not loaded", 1)
	h.kiosk.visit.account.AmountDueCents, h.kiosk.visit.account.DueDate = 5000, client.DateIn(h.clock.Now(), h.kiosk.settings.Zone)
	h.kiosk.show(screenFound)
	check("found, due tomorrow", 1)
}

// formScreensToScroll are the screens whose primary action is at the foot of a
// form or of a text to read through, below the fold on a short panel.
var formScreensToScroll = map[screenID]bool{
	screenAutoPay: true, screenPay: true, screenRegister: true, screenHelp: true, screenNoEmail: true,
}
