package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/display"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// goldenPanel is a lobby panel the kiosk is rendered on: its mode and diagonal.
type goldenPanel struct {
	widthPx, heightPx int
	inches            float64
}

// logicalSize is the canvas the kiosk lays its screens out in on p: the panel's
// pixels over the scale internal/display picks for it, as cmd_kiosk.go sets it.
func (p goldenPanel) logicalSize(t *testing.T) fyne.Size {
	t.Helper()
	capPx, err := kiosktheme.New(kiosktheme.Look{}).CapitalIHeight()
	if err != nil {
		t.Fatal(err)
	}
	d := display.Decide(display.FromDiagonal(p.widthPx, p.heightPx, p.inches), 0, float64(capPx))
	return fyne.NewSize(float32(float64(p.widthPx)/d.Scale), float32(float64(p.heightPx)/d.Scale))
}

func (p goldenPanel) String() string { return fmt.Sprintf("%dx%d", p.widthPx, p.heightPx) }

var (
	landscapeLobbyPanel = goldenPanel{1280, 800, 15.6}
	portraitLobbyPanel  = goldenPanel{1080, 1920, 32}
	wideLobbyPanel      = goldenPanel{1920, 1080, 21.5}
	smallLobbyPanel     = goldenPanel{1024, 768, 15} // 931×698 at the 1.1 its 4.8 mm text needs
)

// lobbyPanels are the panels docs/deploy.md lists, each at the scale the kiosk
// picks for it.
var lobbyPanels = []goldenPanel{landscapeLobbyPanel, portraitLobbyPanel, wideLobbyPanel, smallLobbyPanel}

// formScreens opens the screens a visitor types most into, in lang.
var formScreens = []struct {
	name  string
	open  func(t *testing.T, h *harness, lang string)
	first func(h *harness) *kwidget.Entry
}{
	{"find", func(_ *testing.T, h *harness, lang string) { h.startIn(lang) },
		func(h *harness) *kwidget.Entry { return viewOf[*findScreen](h.kiosk).accountNumber.entry }},
	{"register", func(t *testing.T, h *harness, lang string) { h.openRegister(t, lang) },
		func(h *harness) *kwidget.Entry { return viewOf[*registerScreen](h.kiosk).email.entry }},
	{"autopay", func(t *testing.T, h *harness, lang string) {
		h.signInDirectly(t, lang)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	}, func(h *harness) *kwidget.Entry { return h.autoPayForm().bankHolder.entry }},
}

// TestFormsOnTheLobbyPanelsRenderAsTheirMasters renders Find, Register and AutoPay
// as each lobby panel shows them with the keys up for the first field, and as the
// 15.6" 1280×800 panel shows them with the keys put away, in both languages.
func TestFormsOnTheLobbyPanelsRenderAsTheirMasters(t *testing.T) {
	for _, s := range formScreens {
		for _, lang := range []string{"en", "es"} {
			for _, p := range lobbyPanels {
				h := newHarnessWith(t, harnessOptions{start: goldenNow, settings: testConfig{OnScreenKeyboard: true}})
				h.win.Resize(p.logicalSize(t))
				s.open(t, h, lang)
				h.focusWithKeys(s.first(h))
				h.layOut()
				name := fmt.Sprintf("panels/%s_%s_keys_%s", s.name, p, lang)
				test.AssertRendersToMarkup(t, name+".xml", h.win.Canvas())
				if p != landscapeLobbyPanel {
					continue
				}
				h.tapKey(t, "keyboard.hide")
				h.layOut()
				test.AssertRendersToMarkup(t, fmt.Sprintf("panels/%s_%s_%s.xml", s.name, p, lang), h.win.Canvas())
			}
		}
	}
}

// TestAPortraitPanelStartsTheFormAtTheTop: on a tall panel the form starts under
// the chrome, where the visitor starts reading, not floated in the middle.
func TestAPortraitPanelStartsTheFormAtTheTop(t *testing.T) {
	for _, s := range formScreens {
		h := newKeyboardHarness(t)
		h.win.Resize(portraitLobbyPanel.logicalSize(t))
		s.open(t, h, "es")
		h.tapKey(t, "keyboard.hide")
		h.kiosk.keyboard.Scroll().ScrollToTop()
		top, _ := h.roomAboveKeys()
		first := float32(-1) // the top of the first words on the page
		walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
			y := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
			if text, ok := o.(*canvas.Text); ok && o.Visible() && text.Text != "" && y >= top && (first < 0 || y < first) {
				first = y
			}
			return o.Visible()
		})
		if first < 0 || first-top > 64 {
			t.Errorf("%s: the form starts %.0f px under the chrome", s.name, first-top)
		}
	}
}

// On a 21.5-inch 1920×1080 panel no page is a narrow strip down the middle: the
// column of every screen that has one spans more than 58% of the page
// (a 760 px column, as on the smaller panels, would be 51%).
func TestOnAWidePanelNoPageIsANarrowColumn(t *testing.T) {
	h := newHarness(t, ModeLive)
	size := wideLobbyPanel.logicalSize(t)
	h.win.Resize(size)
	h.signInDirectly(t, "es")
	for _, id := range sortedScreens(h) {
		if h.kiosk.screens[id].title == "" {
			continue // the welcome and out-of-service screens are centred, not columns
		}
		h.kiosk.show(id)
		h.layOut()
		widest := float32(0)
		walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
			if c, ok := o.(*fyne.Container); ok && o.Visible() {
				if _, column := c.Layout.(kwidget.Column); column {
					widest = max(widest, c.Size().Width)
				}
			}
			return o.Visible()
		})
		if widest < size.Width*0.58 {
			t.Errorf("%s at %.0f px: the page's column is %.0f px wide", id, size.Width, widest)
		}
	}
}

// TestScreensOnTheLobbyPanelsRenderAsTheirMasters renders, in Spanish, the
// screens a visitor reads rather than types into as each lobby panel shows them:
// the welcome screen, the account found, the payment form, My account, Done after
// switching to e-billing, and the FAQ.
func TestScreensOnTheLobbyPanelsRenderAsTheirMasters(t *testing.T) {
	for _, p := range lobbyPanels {
		golden := func(h *harness, name string) {
			t.Helper()
			h.layOut()
			test.AssertRendersToMarkup(t, fmt.Sprintf("panels/%s_%s_es.xml", name, p), h.win.Canvas())
		}
		h := newHarnessWith(t, harnessOptions{start: goldenNow, printer: &recordingPrinter{}})
		h.win.Resize(p.logicalSize(t))
		golden(h, "welcome")
		h.startIn("es")
		h.findAccount(legacyAccount, "97501")
		h.win.Canvas().Unfocus()
		golden(h, "found")
		test.Tap(viewOf[*foundScreen](h.kiosk).payNow)
		h.win.Canvas().Unfocus()
		golden(h, "pay")
		test.Tap(h.kiosk.page.chrome.help)
		golden(h, "help")

		h = newHarnessWith(t, harnessOptions{start: goldenNow, printer: &recordingPrinter{}})
		h.win.Resize(p.logicalSize(t))
		h.signInDirectly(t, "es")
		golden(h, "my_account")
		h.eBillingFromMyAccount() // an outcome without a confirmation number, which is random
		test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
		golden(h, "done")
	}
}
