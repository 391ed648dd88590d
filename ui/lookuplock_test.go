package ui

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

// Five account numbers that match nothing lock Find My Account and one-time
// payments for the whole kiosk (the portal's rule, per kiosk key). The lock
// stays; what a visitor and staff are told about it is tested here.

// pausedText is what the visitor reads while the lock lasts minutes more.
func pausedText(h *harness, lang string, minutes int) string {
	return h.msg(lang, "lookup.paused") + " " + h.kiosk.tr(lang, "lookup.paused_wait", map[string]any{"Minutes": minutes})
}

func TestALockedLookupSaysHowLongAndThatStaffCanHelp(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h, _ := newStaffHarness(t)
		h.startIn(lang)
		if m := h.openStaffMenu(t); m.LookupPause.Visible() {
			t.Errorf("%s: the staff status shows a pause nobody met: %q", lang, m.LookupPause.Text)
		}
		test.Tap(h.kiosk.staff.Menu().Close)
		for range 5 {
			h.findAgain(plainAccount, "97501")
			if got := viewOf[*findScreen](h.kiosk).problem.Text; got != h.msg(lang, "error.account_not_found") {
				t.Fatalf("%s: a wrong ZIP shown as %q", lang, got)
			}
		}
		h.findAgain(plainAccount, "97504")
		s := viewOf[*findScreen](h.kiosk)
		if s.problem.Text != pausedText(h, lang, 15) || !s.problem.Visible() {
			t.Errorf("%s: the locked lookup says %q, want %q", lang, s.problem.Text, pausedText(h, lang, 15))
		}
		if !strings.Contains(s.problem.Text, "15") || h.kiosk.page.id != screenFind {
			t.Errorf("%s: no wait on the find screen: %s %q", lang, h.kiosk.page.id, s.problem.Text)
		}

		// The next visitor, ten minutes later, is told the five minutes left.
		h.advance(10 * time.Minute) // the visit ends for want of a tap meanwhile
		if h.kiosk.page.id != screenWelcome {
			t.Fatalf("%s: still on %s after ten idle minutes", lang, h.kiosk.page.id)
		}
		h.startIn(lang)
		h.findAccount(legacyAccount, "97501")
		if got := viewOf[*findScreen](h.kiosk).problem.Text; got != pausedText(h, lang, 5) {
			t.Errorf("%s: the next visitor reads %q, want %q", lang, got, pausedText(h, lang, 5))
		}
		m := h.openStaffMenu(t)
		want := h.kiosk.tr(lang, "staff.lookup_paused", map[string]any{"Minutes": 5})
		if m.LookupPause.Text != want || !m.LookupPause.Visible() || !showing(h, want) {
			t.Errorf("%s: the staff status says %q (shown: %v), want %q", lang, m.LookupPause.Text, m.LookupPause.Visible(), want)
		}
		test.Tap(m.Close)
		h.advance(5 * time.Minute)
		if m := h.openStaffMenu(t); m.LookupPause.Visible() {
			t.Errorf("%s: the staff status still shows the pause once it is over: %q", lang, m.LookupPause.Text)
		}
	}
}

// findAgain clears the find screen's fields, as a visitor erasing them does, and
// looks up number and ZIP.
func (h *harness) findAgain(number, zip string) {
	s := viewOf[*findScreen](h.kiosk)
	s.accountNumber.entry.SetText("")
	s.postalCode.entry.SetText("")
	h.findAccount(number, zip)
}

// lockLookupsElsewhere makes the wrong lookups of another visitor of this kiosk
// (the lock is the kiosk key's), straight to the simulator.
func lockLookupsElsewhere(t *testing.T, h *harness) {
	t.Helper()
	for range 5 {
		req := httptest.NewRequest(http.MethodPost, client.BasePath+"/accounts/lookup",
			strings.NewReader(`{"account_number":"`+plainAccount+`","postal_code":"97501"}`))
		req.Header.Set("Authorization", "Bearer "+portalsim.DemoKioskKey)
		rec := httptest.NewRecorder()
		h.sim.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound {
			t.Fatalf("a wrong lookup answered %d", rec.Code)
		}
	}
}

func TestAPaymentRefusedDuringTheLockPaysOnceItEnds(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		// A visit long enough to wait the lock out at the review.
		h := newHarnessWith(t, harnessOptions{settings: testConfig{IdleSeconds: 3600, MaxSessionMinutes: 60}})
		h.goToPay(t, lang)
		h.fillEmails("maria@example.com", "maria@example.com")
		h.fillBank(goodRouting)
		lockLookupsElsewhere(t, h)
		h.reviewAndPay(t)
		s := viewOf[*payScreen](h.kiosk)
		if s.payButton == nil || s.problem.Text != pausedText(h, lang, 15) {
			t.Fatalf("%s: a payment during the lock shows %q (review on show: %v), want %q",
				lang, s.problem.Text, s.payButton != nil, pausedText(h, lang, 15))
		}
		h.clock.Advance(15 * time.Minute)
		test.Tap(viewOf[*payScreen](h.kiosk).payButton)
		h.settle()
		if viewOf[*payScreen](h.kiosk).confirmation == nil || h.sim.Stats().Payments != 1 {
			t.Errorf("%s: the same payment after the lock: %d payments, problems %v", lang, h.sim.Stats().Payments, h.kiosk.visit.problems)
		}
	}
}
