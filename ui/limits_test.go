package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The idle and visit-length limits, on the test's own clock: nothing sleeps.

const idle = 90 * time.Second // the default idle_seconds

func TestTheWelcomeScreenNeverTimesOut(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.clock.Advance(24 * time.Hour)
	if h.kiosk.limits.overlay != nil || h.kiosk.page.id != screenWelcome || h.clock.pending() != 1 { // the health check
		t.Errorf("untouched welcome: warning %v, screen %s, %d timers", h.kiosk.limits.overlay, h.kiosk.page.id, h.clock.pending())
	}
}

func TestIdleWarningAppearsOnTimeThenResets(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("es")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, legacyAccount)
	h.clock.Advance(idle - time.Second)
	if h.kiosk.limits.overlay != nil {
		t.Fatal("warning before idle_seconds")
	}
	h.clock.Advance(time.Second)
	w := h.kiosk.limits.overlay
	if w == nil || w.title.Text != "¿Sigue ahí?" || w.countdown.Text != "Se volverá a empezar en 30 segundos" {
		t.Fatalf("no Spanish warning at idle_seconds: %+v", w)
	}
	if h.win.Canvas().Overlays().Top() == nil || !w.popup.Visible() {
		t.Error("the warning is not over the screen")
	}
	h.clock.Advance(10 * time.Second)
	if got := h.kiosk.limits.overlay.countdown.Text; got != "Se volverá a empezar en 20 segundos" {
		t.Errorf("countdown after 10 s: %q", got)
	}
	h.clock.Advance(20 * time.Second)
	if h.kiosk.page.id != screenWelcome || h.kiosk.lang != "en" || h.win.Canvas().Overlays().Top() != nil {
		t.Errorf("after the countdown: screen %s, language %s, overlay %v", h.kiosk.page.id, h.kiosk.lang, h.win.Canvas().Overlays().Top())
	}
}

func TestINeedMoreTimeWorksAtLeastTenTimes(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{settings: testConfig{MaxSessionMinutes: 120}})
	h.startIn("en")
	for i := range 12 {
		h.clock.Advance(idle + 25*time.Second)
		if h.kiosk.limits.overlay == nil || !h.kiosk.limits.overlay.more.Visible() {
			t.Fatalf("extension %d: no warning with its button", i+1)
		}
		test.Tap(h.kiosk.limits.overlay.more)
		if h.kiosk.limits.overlay != nil || h.kiosk.page.id != screenFind {
			t.Fatalf("extension %d did not keep the visit", i+1)
		}
	}
}

func TestTypingIntoAFocusedEntryPostponesTheReset(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	entry := viewOf[*findScreen](h.kiosk).accountNumber.entry
	if h.win.Canvas().Focused() != entry {
		t.Fatal("the account number is not focused on arrival")
	}
	for range 5 {
		h.clock.Advance(idle - 10*time.Second)
		test.Type(entry, "1") // into the focused entry, as a keyboard does
	}
	h.clock.Advance(idle - time.Second)
	if h.kiosk.limits.overlay != nil {
		t.Fatal("typing did not postpone the warning")
	}
	h.clock.Advance(time.Second)
	if h.kiosk.limits.overlay == nil {
		t.Error("no warning idle_seconds after the last key")
	}
}

func TestTappingAButtonPostponesTheReset(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.clock.Advance(idle - time.Second)
	test.Tap(h.kiosk.page.chrome.language) // any control counts, this one only switches language
	h.clock.Advance(idle - time.Second)
	if h.kiosk.limits.overlay != nil {
		t.Fatal("a tap did not postpone the warning")
	}
}

func TestScrollingAndKeysWithNothingFocusedPostponeTheReset(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	test.Tap(h.kiosk.page.chrome.help)
	h.win.Canvas().Unfocus()
	h.clock.Advance(idle - time.Second)
	test.Scroll(h.win.Canvas(), fyne.NewPos(640, 500), 0, -40)
	h.clock.Advance(idle - time.Second)
	h.win.Canvas().(fyne.Canvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.clock.Advance(idle - time.Second)
	if h.kiosk.limits.overlay != nil {
		t.Error("scrolling or a key with nothing focused did not postpone the warning")
	}
}

func TestTheVisitLengthLimitWarnsThenEnds(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	entry := viewOf[*findScreen](h.kiosk).accountNumber.entry
	keepBusy := func(d time.Duration) { // a visitor who never stops typing
		for step := time.Minute; d > 0; d -= step {
			h.clock.Advance(min(step, d))
			test.Type(entry, "1")
		}
	}
	keepBusy(20*time.Minute - 31*time.Second)
	if h.kiosk.limits.overlay != nil {
		t.Fatal("visit warning too early")
	}
	keepBusy(time.Second)
	if h.kiosk.limits.overlay == nil || h.kiosk.limits.overlay.title.Text != "Your visit is almost over" {
		t.Fatalf("no visit-length warning 30 s before max_session_minutes: %+v", h.kiosk.limits.overlay)
	}
	test.Type(entry, "1") // typing does not wave off this warning: it needs the button
	if h.kiosk.limits.overlay == nil {
		t.Fatal("typing dismissed the visit-length warning")
	}
	test.Tap(h.kiosk.limits.overlay.more)
	keepBusy(visitExtension - time.Second)
	if h.kiosk.limits.overlay != nil {
		t.Fatal("the extension did not hold")
	}
	h.clock.Advance(time.Second)
	if h.kiosk.limits.overlay == nil {
		t.Fatal("no warning at the end of the extension")
	}
	h.clock.Advance(30 * time.Second)
	if h.kiosk.page.id != screenWelcome {
		t.Errorf("visit not ended by the limit: %s", h.kiosk.page.id)
	}
}

func TestATimerThatFiresAfterAResetDoesNotReachTheNextVisitor(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	stale := h.kiosk.limits.idle.(*fakeTimer) // the idle timer of this visit
	h.kiosk.reset(triggerStartOver)
	stale.f() // as a real timer whose call was already queued when reset stopped it
	if h.kiosk.limits.overlay != nil || h.kiosk.page.id != screenWelcome {
		t.Errorf("a stale idle timer raised a warning on the next visitor's screen")
	}
}

// The idle warning offers Finish now beside I need more time, both the same
// size and centred in the warning; Finish now ends the visit at once. The idle
// reset itself never asks whether to erase what was typed.
func TestTheWarningOffersFinishNowBesideMoreTime(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, legacyAccount)
	h.clock.Advance(idle)
	w := h.kiosk.limits.overlay
	if w == nil || w.finish.Text != "Finish now" || !w.finish.Visible() || !w.more.Visible() {
		t.Fatalf("the warning: %+v", w)
	}
	d := fyne.CurrentApp().Driver()
	left, right := d.AbsolutePositionForObject(w.finish), d.AbsolutePositionForObject(w.more)
	box := d.AbsolutePositionForObject(w.popup.Content)
	gapLeft := left.X - box.X
	gapRight := box.X + w.popup.Content.Size().Width - (right.X + w.more.Size().Width)
	if w.finish.Size() != w.more.Size() || left.Y != right.Y || gapLeft < gapRight-1 || gapLeft > gapRight+1 {
		t.Errorf("buttons %v at %v and %v at %v in %v at %v: not a centred pair", w.finish.Size(), left, w.more.Size(), right,
			w.popup.Content.Size(), box)
	}
	test.Tap(w.finish)
	if h.kiosk.page.id != screenWelcome || h.kiosk.page.question != nil || h.win.Canvas().Overlays().Top() != nil {
		t.Errorf("after Finish now: screen %s, overlay %v", h.kiosk.page.id, h.win.Canvas().Overlays().Top())
	}
	h.startIn("en")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, legacyAccount)
	h.clock.Advance(idle + 30*time.Second)
	if h.kiosk.page.id != screenWelcome || h.win.Canvas().Overlays().Top() != nil {
		t.Errorf("the idle reset left the kiosk on %s with %T over it", h.kiosk.page.id, h.win.Canvas().Overlays().Top())
	}
}

// Finish now after a payment shows the visit's summary, its confirmation number
// with it, before anything is erased: the visitor finishes from Done.
func TestFinishNowAfterAPaymentShowsWhatWasDone(t *testing.T) {
	h := paidWithPrinter(t, nil, "en")
	h.clock.Advance(idle)
	w := h.kiosk.limits.overlay
	if w == nil {
		t.Fatal("no idle warning")
	}
	test.Tap(w.finish)
	if h.kiosk.page.id != screenDone || h.win.Canvas().Overlays().Top() != nil || !showing(h, h.kiosk.visit.pay.receipt.ConfirmationNumber) {
		t.Fatalf("after Finish now: screen %s, overlay %v", h.kiosk.page.id, h.win.Canvas().Overlays().Top())
	}
	test.Tap(viewOf[*doneScreen](h.kiosk).finish)
	if h.kiosk.page.id != screenWelcome {
		t.Errorf("Finish on Done led to %s", h.kiosk.page.id)
	}
}
