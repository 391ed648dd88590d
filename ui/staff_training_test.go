package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

func TestStaffTrainingRunsOnTheSimulatorAndLeavesCleanly(t *testing.T) {
	h, _ := newStaffHarness(t)
	live := h.kiosk.portal.client
	m := h.openStaffMenu(t)
	if m.Training.Text != "Training mode" {
		t.Fatalf("the menu offers %q", m.Training.Text)
	}
	test.Tap(m.Training)
	if h.kiosk.portal.client == live || h.kiosk.portal.mode != ModeTraining || !h.kiosk.staff.Training() {
		t.Fatal("training mode did not swap the portal")
	}
	if !showing(h, "TRAINING") {
		t.Errorf("no TRAINING banner on the welcome screen: %q", visibleTexts(h.win.Canvas()))
	}
	// The live portal now fails every lookup: only the training simulator can answer.
	h.sim.SetFault("POST /accounts/lookup", portalsim.Fault{Status: 503})
	h.startIn("en")
	if !showing(h, "TRAINING") {
		t.Error("no TRAINING banner on a visitor screen")
	}
	h.findAccount(plainAccount, "97504")
	if h.kiosk.page.id != screenFound || h.kiosk.visit.account == nil {
		t.Fatalf("a practice lookup in training ended on %s", h.kiosk.page.id)
	}

	m = h.openStaffMenu(t)
	if m.Training.Text != "Leave training" {
		t.Fatalf("in training the menu offers %q", m.Training.Text)
	}
	test.Tap(m.Training)
	h.settle()
	if h.kiosk.portal.client != live || h.kiosk.portal.mode != ModeLive || h.kiosk.staff.Training() {
		t.Fatal("leaving training did not restore the live portal and mode")
	}
	if h.kiosk.page.id != screenWelcome || showing(h, "TRAINING") {
		t.Errorf("after training: screen %s, texts %q", h.kiosk.page.id, visibleTexts(h.win.Canvas()))
	}
}

func TestStaffTrainingWithoutAPracticePortalSaysSo(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.kiosk.staff.StartPractice = nil // Deps without Training
	live := h.kiosk.portal.client
	m := h.openStaffMenu(t)
	test.Tap(m.Training)
	if h.kiosk.portal.client != live || h.kiosk.portal.mode != ModeLive || h.kiosk.staff.Training() {
		t.Fatal("training mode started without a practice portal")
	}
	if !showing(h, "Training mode could not start") || h.kiosk.status.last != "training_start" {
		t.Errorf("the menu shows %q, last error %q", visibleTexts(h.win.Canvas()), h.kiosk.status.last)
	}
}

// On a kiosk with a live card terminal (no practice reader), training pays
// cards on a practice terminal of its own, with its practice card reader:
// a practice payment never reaches the live terminal. Leaving training puts
// the live terminal back.
func TestTrainingPaysCardsOnAPracticeTerminal(t *testing.T) {
	var live, practice *cardTerminal
	var h *harness
	h = newHarnessWith(t, harnessOptions{settings: testConfig{CardEntry: "terminal"},
		card: func(clock Clock) (CardTerminal, PracticeReader) {
			live = startCardTerminal(t, clock, "")
			return live.client, nil // a real reader: no practice cards
		},
		trainingCards: func() (CardTerminal, PracticeReader, func() error, error) {
			practice = startCardTerminal(t, h.clock, "")
			return practice.client, practice.sim, func() error { return nil }, nil
		}})
	staffDeps(h.kiosk, &fixedPIN{pin: testStaffPIN}, &memLockout{})
	liveReader := h.kiosk.reader
	test.Tap(h.openStaffMenu(t).Training)
	h.reviewCardPayment(t, "en")
	h.payAtTheReader(t, "approved")
	if practice.sim.Charges() != 1 || live.sim.Charges() != 0 {
		t.Fatalf("in training: %d practice charges, %d live; problems %v", practice.sim.Charges(), live.sim.Charges(), h.kiosk.visit.problems)
	}
	test.Tap(h.openStaffMenu(t).Training)
	h.settle()
	if h.kiosk.reader != liveReader || h.kiosk.reader.practice != nil {
		t.Error("leaving training did not put the live terminal back")
	}
}
