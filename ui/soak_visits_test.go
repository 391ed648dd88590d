package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

// soakVisit is one visitor of the soak: a journey and the way the visit ends.
// round counts the rounds of soakVisits so far: each round registers two new
// accounts, A and B, since an account can have only one login.
type soakVisit struct {
	name string
	walk func(t *testing.T, h *harness, lang string, round int)
}

// soakLogin is round's account A or B and the email it registers with.
func soakLogin(round int, which string) (number, email string) {
	i := 2 * round
	if which == "b" {
		i++
	}
	return portalsim.ExtraAccountNumber(i), fmt.Sprintf("soak.%s%d@example.com", which, round)
}

// soakSignedIn checks the visitor holds a session and is on My account (the
// soak's simulator is in another process: the kiosk's word is taken for it).
func soakSignedIn(t *testing.T, h *harness) {
	t.Helper()
	mustBeOn(t, h, screenMyAccount)
	if h.kiosk.visit.session == "" {
		t.Fatal("on My account without a session")
	}
}

var soakVisits = [soakCycle]soakVisit{
	{"register, AutoPay by bank; Finish", func(t *testing.T, h *harness, lang string, round int) {
		number, email := soakLogin(round, "a")
		h.registerFromFound(t, lang, number, email)
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		soakSignedIn(t, h)
		h.autoPayByBankFromMyAccount(t)
		h.finishFromMyAccount(t)
	}},
	{"register after a language switch; Start over", func(t *testing.T, h *harness, lang string, round int) {
		number, email := soakLogin(round, "b")
		h.registerFromFound(t, lang, number, email)
		h.switchLanguage()
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		soakSignedIn(t, h)
		h.startOver()
	}},
	{"sign in after a wrong password, AutoPay by bank; Finish", func(t *testing.T, h *harness, lang string, round int) {
		number, email := soakLogin(round, "b")
		h.startIn(lang)
		h.findAccount(number, "97501")
		test.Tap(viewOf[*foundScreen](h.kiosk).signIn)
		h.signInAfterAWrongPassword(t, email, "Wrong-Horse-Battery-9", strongPassword)
		soakSignedIn(t, h)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
		h.fillBankInto(h.autoPayForm, goodRouting)
		h.createAutoPay(t)
		test.Tap(viewOf[*autoPayScreen](h.kiosk).done)
		h.settle()
		h.finishFromMyAccount(t)
	}},
	{"sign in, e-billing; Finish", func(t *testing.T, h *harness, lang string, round int) {
		number, email := soakLogin(round, "a")
		h.signInFromFound(t, lang, number, email)
		h.eBillingFromMyAccount()
		h.finishFromMyAccount(t)
	}},
	{"pay once by card; Finish", func(t *testing.T, h *harness, lang string, round int) {
		h.goToPay(t, lang)
		h.fillEmails(newEmail, newEmail)
		retype(h, viewOf[*payScreen](h.kiosk).amount.entry, "12.34")
		h.chooseCard() // at the practice terminal's reader
		h.reviewAndPay(t)
		mustBePaid(t, h)
		test.Tap(viewOf[*payScreen](h.kiosk).finish)
		mustBeOn(t, h, screenDone)
		test.Tap(viewOf[*doneScreen](h.kiosk).finish)
	}},
	{"pay by bank, language switch mid-form; idle", func(t *testing.T, h *harness, lang string, round int) {
		h.goToPay(t, lang)
		h.fillEmails(newEmail, newEmail)
		h.fillBank(goodRouting)
		h.switchLanguage()
		h.clock.Advance(h.kiosk.limits.idleLimit + h.kiosk.limits.warningTime)
	}},
	{"forgot password, language switch; Start over", func(t *testing.T, h *harness, lang string, round int) {
		h.startIn(lang)
		h.findAccount(registeredAccount, "97501")
		test.Tap(viewOf[*foundScreen](h.kiosk).signIn)
		h.typeInto(viewOf[*signInScreen](h.kiosk).email.entry, demoEmail)
		test.Tap(viewOf[*signInScreen](h.kiosk).forgot)
		h.settle()
		if !viewOf[*signInScreen](h.kiosk).noticeBox.Visible() {
			t.Fatalf("no reset-link notice; problems %v", h.kiosk.visit.problems)
		}
		h.switchLanguage()
		h.startOver()
	}},
	{"no-email page, active until the visit limit", func(t *testing.T, h *harness, lang string, round int) {
		test.Tap(viewOf[*welcomeScreen](h.kiosk).noEmail["en"])
		mustBeOn(t, h, screenNoEmail)
		if lang != h.kiosk.lang {
			h.switchLanguage()
		}
		for range h.kiosk.settings.MaxSessionMinutes + 1 {
			h.clock.Advance(time.Minute)
			if h.kiosk.page.id == screenWelcome {
				return
			}
			h.kiosk.limits.noteActivity() // what every watched control does first
		}
		t.Fatal("the visit outlived its limit")
	}},
	{"find after a wrong ZIP; staff Reset now", func(t *testing.T, h *harness, lang string, round int) {
		h.startIn(lang)
		h.findAccount(legacyAccount, "97502")
		mustBeOn(t, h, screenFind)
		retype(h, viewOf[*findScreen](h.kiosk).postalCode.entry, "97501")
		test.Tap(viewOf[*findScreen](h.kiosk).submit)
		h.settle()
		mustBeOn(t, h, screenFound)
		h.openStaffMenu(t)
		test.Tap(h.kiosk.staff.Menu().ResetNow)
	}},
	{"questions, back to Find; Start over", func(t *testing.T, h *harness, lang string, round int) {
		h.startIn(lang)
		test.Tap(h.kiosk.page.chrome.help)
		mustBeOn(t, h, screenHelp)
		test.Tap(viewOf[*helpScreen](h.kiosk).questions[0])
		test.Tap(viewOf[*helpScreen](h.kiosk).questions[1])
		test.Tap(viewOf[*helpScreen](h.kiosk).back)
		mustBeOn(t, h, screenFind)
		h.startOver()
	}},
}
