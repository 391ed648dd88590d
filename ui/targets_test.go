package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// minTarget is WCAG 2.5.8's floor for a target, which the kiosk holds at scale 1.
const minTarget = 48

// assertTargetsBigEnough checks every control on the canvas is at least 48×48.
func assertTargetsBigEnough(t *testing.T, h *harness, label string) {
	t.Helper()
	for _, c := range controlsOn(h.win.Canvas()) {
		if _, gesture := c.(*kwidget.TapTarget); gesture || !c.Visible() {
			continue // the staff gesture is deliberately not a visible control
		}
		if s := c.Size(); s.Width < minTarget || s.Height < minTarget {
			t.Errorf("%s, screen %s: a %T is only %.0f×%.0f", label, h.kiosk.page.id, c, s.Width, s.Height)
		}
	}
}

// TestEveryTargetIsAtLeast48Pixels walks every screen in both languages, both
// text sizes and both contrasts.
func TestEveryTargetIsAtLeast48Pixels(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		for _, l := range []look{{}, {larger: true}, {highContrast: true}, {larger: true, highContrast: true}} {
			h := newHarnessWith(t, harnessOptions{settings: testConfig{OnScreenKeyboard: true}})
			h.kiosk.look.apply(l)
			label := lang
			if l.larger {
				label += " larger"
			}
			if l.highContrast {
				label += " high contrast"
			}
			h.kiosk.refresh()
			assertTargetsBigEnough(t, h, label)
			h.signInDirectly(t, lang)
			for id := range h.kiosk.screens {
				if id == screenWelcome {
					continue
				}
				h.kiosk.lang = lang
				h.kiosk.show(id)
				assertTargetsBigEnough(t, h, label)
			}
		}
	}
}

func TestLookTogglesOnEveryScreenAndResetToDefault(t *testing.T) {
	h := newHarness(t, ModeLive)
	test.Tap(h.kiosk.look.bar.contrast) // on the welcome screen
	if !h.kiosk.look.current.highContrast || h.kiosk.page.id != screenWelcome {
		t.Fatal("high contrast not on from the welcome screen")
	}
	h.startIn("es")
	test.Tap(h.kiosk.page.chrome.look) // "Aa"
	test.Tap(h.kiosk.look.menu.larger)
	if !h.kiosk.look.current.larger || h.kiosk.look.menu.larger.Text != "Texto más grande: activado" {
		t.Errorf("larger text: %v, toggle now says %q", h.kiosk.look.current, h.kiosk.look.menu.larger.Text)
	}
	size := fyne.CurrentApp().Settings().Theme().Size("text")
	if size != kiosktheme.LargerTextSize {
		t.Errorf("theme text size %v after Larger text", size)
	}
	h.startOver()
	if h.kiosk.look.current != (look{}) {
		t.Errorf("the next visitor inherits the look %+v", h.kiosk.look.current)
	}
}

func TestStaffGestureWorksWhileOutOfService(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.sim.SetFault("GET /health", portalsim.Fault{Status: 503})
	for i := 0; i < 4 && h.kiosk.page.id != screenOutOfService; i++ {
		h.advance(healthInterval)
	}
	if h.kiosk.page.id != screenOutOfService {
		t.Fatalf("portal down, screen %s", h.kiosk.page.id)
	}
	h.openStaffMenu(t)
}
