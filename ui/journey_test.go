package ui

import (
	"net/http"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

// The journeys of the issue, walked end to end in both languages by tapping and
// typing into the real widgets, against the portal simulator over HTTP.

func TestJourneyRegisterAutoPayEBillingDone(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.registerNew(t, lang)

		h.autoPayByBankFromMyAccount(t)
		h.eBillingFromMyAccount()

		test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
		if h.kiosk.page.id != screenDone {
			t.Fatalf("%s: Finish led to %s", lang, h.kiosk.page.id)
		}
		summary := strings.Join(visibleTexts(h.win.Canvas()), "\n")
		var ids []string
		for _, o := range h.kiosk.visit.outcomes {
			ids = append(ids, outcomeKinds[o.kind].messageID)
		}
		if strings.Join(ids, " ") != "done.registered done.autopay_from done.ebilling_pending" {
			t.Errorf("%s: outcomes %v", lang, ids)
		}
		for _, label := range viewOf[*doneScreen](h.kiosk).summary {
			if !strings.Contains(summary, label.Text) || strings.Contains(label.Text, "<no value>") {
				t.Errorf("%s: summary line %q not shown whole", lang, label.Text)
			}
		}
		if !strings.Contains(summary, newEmail) {
			t.Errorf("%s: Done screen does not say which email needs the link:\n%s", lang, summary)
		}
		assertTextsFromCatalog(t, h, newEmail)
		stats := h.sim.Stats()
		if stats.Registrations != 1 || stats.AutoPayEnrollments != 1 || stats.BillDeliveryChanges != 1 {
			t.Errorf("%s: simulator counts %+v", lang, stats)
		}
		token := h.kiosk.visit.session
		test.Tap(viewOf[*doneScreen](h.kiosk).finish)
		h.settle()
		if h.kiosk.page.id != screenWelcome || h.sim.SessionActive(token) {
			t.Errorf("%s: Finish left screen %s, session active %v", lang, h.kiosk.page.id, h.sim.SessionActive(token))
		}
	}
}

func TestJourneyLegacyAccountGuidanceThenRegisterAndAutoPay(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.startIn(lang)
		h.findAccount(legacyAccount, "97501")
		visited := []screenID{h.kiosk.page.id}
		guidance := viewOf[*foundScreen](h.kiosk).guidance
		if len(guidance) == 0 || guidance[0].Text != h.msg(lang, "found.legacy_both") {
			t.Fatalf("%s: legacy guidance missing: %v", lang, guidance)
		}
		test.Tap(viewOf[*foundScreen](h.kiosk).register)
		h.settle()
		visited = append(visited, h.kiosk.page.id)
		h.fillRegistration(newEmail, newEmail, strongPassword, true)
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		h.assertSignedIn(t, lang)
		visited = append(visited, h.kiosk.page.id)
		reminders := viewOf[*myAccountScreen](h.kiosk).reminders
		if len(reminders) != 2 {
			t.Errorf("%s: My account should remind of both old-portal settings: %d reminders", lang, len(reminders))
		}
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
		visited = append(visited, h.kiosk.page.id)
		h.enrolAutoPayByBank(t)
		// Found → Register → My account → AutoPay (form, review, confirmation): 4 screens.
		if h.kiosk.page.id != screenAutoPay || len(visited) != 4 {
			t.Errorf("%s: screens from Account found to AutoPay confirmed: %v, want 4", lang, visited)
		}
		test.Tap(viewOf[*autoPayScreen](h.kiosk).done)
		h.settle()
		test.Tap(h.kiosk.page.chrome.back)
		if h.kiosk.page.id != screenFound || !viewOf[*foundScreen](h.kiosk).signIn.Visible() {
			t.Errorf("%s: Back from My account led to %s, not the account found (now with Sign in)", lang, h.kiosk.page.id)
		}
	}
}

func TestEBillingVerificationLinkCompletesIt(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "en")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setEBilling)
	test.Tap(viewOf[*eBillingScreen](h.kiosk).send)
	h.settle()
	outbox := h.sim.Outbox()
	resp, err := http.Get(outbox[len(outbox)-1].Link)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	test.Tap(viewOf[*eBillingScreen](h.kiosk).done)
	h.settle()
	if got := viewOf[*myAccountScreen](h.kiosk).eBilling.Text; got != h.msg("en", "myaccount.ebilling_on")[:len("Bill delivery: email to ")]+demoEmail+"." {
		t.Errorf("after the link: %q", got)
	}
}

// AutoPay by card: the terminal reads the card for a token (nothing charged),
// the portal stores that token, never a number, and AutoPay is on.
func TestJourneySignInThenAutoPayByCardAtTheReader(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h, ct := newCardHarness(t, "")
		h.signInDirectly(t, lang)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
		test.Tap(h.autoPayForm().kind.buttons[client.KindCard])
		test.Tap(viewOf[*autoPayScreen](h.kiosk).submit)
		h.readReview()
		var shown string
		h.atTheReader(t, func() { test.Tap(viewOf[*autoPayScreen](h.kiosk).create) }, func() {
			shown = h.screenText()
			test.Tap(viewOf[*autoPayScreen](h.kiosk).practiceCards[terminalsim.CardApproved])
		})
		if !strings.Contains(shown, h.msg(lang, "reader.insert_autopay")) {
			t.Fatalf("%s: the reader's instructions were not on show:\n%s", lang, shown)
		}
		if viewOf[*autoPayScreen](h.kiosk).confirmation == nil || h.sim.Stats().AutoPayEnrollments != 1 || ct.sim.Charges() != 0 {
			t.Fatalf("%s: card AutoPay: enrolments %d, charges %d; problems %v", lang, h.sim.Stats().AutoPayEnrollments,
				ct.sim.Charges(), h.kiosk.visit.problems)
		}
		assertTextsFromCatalog(t, h)
	}
}
