package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

func TestTwoFailedHealthChecksShowOutOfServiceUntilThePortalAnswers(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.sim.SetFault("GET /health", portalsim.Fault{Status: 503})
	h.checkHealthAfter(healthInterval)
	if h.kiosk.page.id != screenWelcome {
		t.Fatalf("one failed check already left the welcome screen for %s", h.kiosk.page.id)
	}
	for lang, b := range viewOf[*welcomeScreen](h.kiosk).languages {
		if b.Disabled() {
			t.Errorf("the health check disabled the %s button", lang)
		}
	}
	if strings.Contains(h.screenText(), h.msg("en", "busy.one_moment")) {
		t.Error("the health check shows \"One moment\" on the welcome screen")
	}
	h.checkHealthAfter(healthInterval)
	if h.kiosk.page.id != screenOutOfService {
		t.Fatalf("two failed checks: screen %s, want out of service", h.kiosk.page.id)
	}
	text := h.screenText()
	for _, lang := range []string{"en", "es"} {
		if !strings.Contains(text, h.msg(lang, "out_of_service.title")) {
			t.Errorf("out of service not said in %s:\n%s", lang, text)
		}
	}
	if !strings.Contains(text, h.kiosk.settings.Utility.Phone) {
		t.Errorf("no phone number on the out-of-service screen:\n%s", text)
	}
	h.checkHealthAfter(healthInterval) // still down: stays out of service
	if h.kiosk.page.id != screenOutOfService {
		t.Fatalf("still down, yet on %s", h.kiosk.page.id)
	}
	h.sim.ClearFaults()
	h.checkHealthAfter(healthInterval)
	if h.kiosk.page.id != screenWelcome || viewOf[*welcomeScreen](h.kiosk) == nil {
		t.Fatalf("portal back, yet on %s", h.kiosk.page.id)
	}
	h.startIn("es") // and the kiosk works again
	if h.kiosk.page.id != screenFind {
		t.Errorf("back in service, yet a language leads to %s", h.kiosk.page.id)
	}
}

func TestOneFailedHealthCheckBetweenGoodOnesIsNotAnOutage(t *testing.T) {
	h := newHarness(t, ModeLive)
	for range 3 {
		h.sim.SetFault("GET /health", portalsim.Fault{Status: 503})
		h.checkHealthAfter(healthInterval)
		h.sim.ClearFaults()
		h.checkHealthAfter(healthInterval)
	}
	if h.kiosk.page.id != screenWelcome {
		t.Errorf("failures that were not in a row led to %s", h.kiosk.page.id)
	}
}

func TestHealthChecksStopWhileAVisitIsUnderwayAndStartAgainAfterReset(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.sim.SetFault("GET /health", portalsim.Fault{Status: 503})
	h.startIn("en")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, plainAccount)
	for range 4 {
		h.checkHealthAfter(healthInterval / 2)
		test.Type(viewOf[*findScreen](h.kiosk).accountNumber.entry, "1") // stay active: no idle reset
	}
	if h.kiosk.page.id != screenFind || h.kiosk.health.timer != nil {
		t.Fatalf("during a visit: screen %s, health timer %v", h.kiosk.page.id, h.kiosk.health.timer)
	}
	h.startOver()
	if h.kiosk.health.timer == nil {
		t.Fatal("no health check after the reset to welcome")
	}
	h.checkHealthAfter(healthInterval)
	h.checkHealthAfter(healthInterval)
	if h.kiosk.page.id != screenOutOfService {
		t.Errorf("after the reset, two failed checks led to %s", h.kiosk.page.id)
	}
}

func TestAHealthAnswerArrivingAfterTheVisitStartedIsIgnored(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.sim.SetFault("GET /health", portalsim.Fault{Status: 503})
	h.checkHealthAfter(healthInterval)
	h.sim.SetFault("GET /health", portalsim.Fault{Status: 503, Latency: 20 * time.Millisecond})
	h.clock.Advance(healthInterval) // the second failing check is on its way…
	h.startIn("en")                 // …when a visitor starts
	h.settle()
	if h.kiosk.page.id != screenFind {
		t.Errorf("a late health answer took the visitor to %s", h.kiosk.page.id)
	}
}
