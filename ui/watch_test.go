package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// controlsOn lists every control a visitor can touch on the canvas, overlays too.
func controlsOn(c fyne.Canvas) []fyne.CanvasObject {
	var found []fyne.CanvasObject
	walkCanvas(c, func(o fyne.CanvasObject) bool {
		switch o.(type) {
		case *kwidget.Button, *kwidget.HoldButton, *kwidget.Check, *kwidget.Entry, *kwidget.TapTarget, *keyboard.Key:
			found = append(found, o)
			return false
		}
		return true
	})
	return found
}

// TestEveryControlOnEveryScreenIsWatched: no screen can escape activity tracking
// and panic recovery, whatever containers it is built from.
func TestEveryControlOnEveryScreenIsWatched(t *testing.T) {
	h := newHarness(t, ModeDemo)
	check := func() {
		t.Helper()
		controls := controlsOn(h.win.Canvas())
		if len(controls) == 0 {
			t.Fatalf("screen %s: no controls found", h.kiosk.page.id)
		}
		for _, c := range controls {
			if _, key := c.(*keyboard.Key); key {
				continue // keys are guarded as they are built (TestAKeyPressCountsAsActivity)
			}
			if !h.kiosk.activity.watched[c] {
				t.Errorf("screen %s: a %T is not watched", h.kiosk.page.id, c)
			}
		}
	}
	check()
	h.signInDirectly(t, "es")
	for id := range h.kiosk.screens {
		if id == screenOutOfService {
			continue
		}
		h.kiosk.show(id)
		check()
	}
	h.clock.Advance(idle)
	check() // the idle warning's own button
}

func TestAPanicInACallbackResetsTheKiosk(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, legacyAccount)
	boom := kwidget.NewButton("", func() { panic("secret " + legacyAccount) })
	h.kiosk.activity.watch(boom)
	test.Tap(boom)
	if h.kiosk.page.id != screenWelcome || h.kiosk.status.last != "panic" {
		t.Errorf("after a panic: screen %s, last error %q", h.kiosk.page.id, h.kiosk.status.last)
	}
}

func TestAPanicInAPortalAnswerOrATimerResetsTheKiosk(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.kiosk.portalCall(func(context.Context, *client.Client) error { return nil }, func(error) { panic("answer") })
	h.settle()
	if h.kiosk.page.id != screenWelcome || h.kiosk.status.last != "panic" {
		t.Fatalf("after a panic in a portal answer: screen %s", h.kiosk.page.id)
	}
	h.startIn("es")
	h.kiosk.clock.AfterFunc(time.Second, func() { panic("timer") })
	h.clock.Advance(time.Second)
	if h.kiosk.page.id != screenWelcome || h.kiosk.lang != "en" {
		t.Errorf("after a panic in a timer: screen %s", h.kiosk.page.id)
	}
}
