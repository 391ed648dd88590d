package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/assets"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/display"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

func TestWelcomeOffersEveryLanguageInItsOwnWords(t *testing.T) {
	h := newHarness(t, ModeLive)
	w := viewOf[*welcomeScreen](h.kiosk)
	if w == nil {
		t.Fatal("welcome screen not shown first")
	}
	if got := w.languageNames["en"].String(); got != "English" {
		t.Errorf("English button says %q", got)
	}
	if got := w.languageNames["es"].String(); got != "Español" {
		t.Errorf("Spanish button says %q", got)
	}
	texts := visibleTexts(h.win.Canvas())
	for _, want := range []string{"Welcome to Medford Water", "Touch your language to begin", "Toque su idioma para comenzar"} {
		if !slices.Contains(texts, want) {
			t.Errorf("welcome screen lacks %q; shows %q", want, texts)
		}
	}
}

func TestLanguageButtonsAreTheBiggestTargets(t *testing.T) {
	h := newHarness(t, ModeLive)
	for lang, b := range viewOf[*welcomeScreen](h.kiosk).languages {
		if size := b.Size(); size.Width < 300 || size.Height < 120 {
			t.Errorf("%s button is only %v", lang, size)
		}
	}
}

func TestTappingEspañolStartsTheVisitInSpanish(t *testing.T) {
	h := newHarness(t, ModeLive)
	test.Tap(viewOf[*welcomeScreen](h.kiosk).languages["es"])
	if h.kiosk.Language() != "es" || h.kiosk.page.id != screenFind {
		t.Fatalf("after tapping Español: language %q, screen %s", h.kiosk.Language(), h.kiosk.page.id)
	}
	if got := h.kiosk.page.chrome.title.Text; got != "Buscar mi cuenta" {
		t.Errorf("title: %q", got)
	}
}

func TestDemoModeShowsABanner(t *testing.T) {
	h := newHarness(t, ModeDemo)
	texts := strings.Join(visibleTexts(h.win.Canvas()), "\n")
	if !strings.Contains(texts, "DEMO") {
		t.Errorf("no DEMO banner in %q", texts)
	}
	live := newHarness(t, ModeLive)
	if texts := strings.Join(visibleTexts(live.win.Canvas()), "\n"); strings.Contains(texts, "DEMO") {
		t.Errorf("a live kiosk shows a DEMO banner: %q", texts)
	}
}

func TestNoPortalMeansOutOfServiceInBothLanguages(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	k, err := New(win, Deps{Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if viewOf[*welcomeScreen](k) != nil || viewOf[*outOfServiceScreen](k) == nil {
		t.Fatal("without a portal the kiosk must show the out-of-service screen")
	}
	texts := strings.Join(visibleTexts(win.Canvas()), "\n")
	for _, want := range []string{"out of service", "fuera de servicio", "541-774-2430"} {
		if !strings.Contains(texts, want) {
			t.Errorf("out-of-service screen lacks %q:\n%s", want, texts)
		}
	}
}

// A 1280×720 panel is shorter than the welcome screen with larger text: every
// screen scrolls rather than cut off its lower buttons.
func TestEveryScreenFitsA720PixelPanel(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "es")
	test.Tap(h.kiosk.page.chrome.look) // "Aa"
	test.Tap(h.kiosk.look.menu.larger)
	test.Tap(h.kiosk.look.menu.close)
	for id := range screenTable() {
		h.kiosk.show(id)
		if height := h.win.Content().MinSize().Height; height > 720 {
			t.Errorf("%s needs %.0f px of height with larger text", id, height)
		}
	}
}

// The welcome screen is rebuilt at every reset; its logo must come back already
// rasterised (Fyne would otherwise rasterise the SVG twice a visit in the GL driver:
// docs/PERFORMANCE.md), so the image on screen after a visit is the same image, with
// the same pixels, as before it.
func TestTheLogoIsRasterisedOnceAcrossVisits(t *testing.T) {
	h := newHarness(t, ModeLive)
	before := shownLogo(t, h)
	pixels := before.Image
	if pixels == nil {
		t.Fatal("the logo has no pixels after the welcome screen was laid out")
	}
	for range 3 {
		h.startIn("es")
		h.startOver()
	}
	after := shownLogo(t, h)
	if after != before || after.Image != pixels {
		t.Errorf("after three visits the welcome screen shows a new logo (same image: %v, same pixels: %v)",
			after == before, after.Image == pixels)
	}
}

// shownLogo finds the utility's logo among the objects on screen.
func shownLogo(t *testing.T, h *harness) *canvas.Image {
	t.Helper()
	for _, o := range test.LaidOutObjects(h.win.Content()) {
		if img, ok := o.(*canvas.Image); ok && img.Resource == assets.Logo && img.Visible() {
			return img
		}
	}
	t.Fatalf("no logo on the %s screen", h.kiosk.page.id)
	return nil
}

// The welcome screen is whole on the shortest canvas the kiosk's scale leaves
// (internal/display's layout floor), under the demo banner: its ways in (the
// languages, Questions?, no email, audio, the look) all show without scrolling,
// since a first-time visitor does not know the screen scrolls.
func TestTheWelcomeScreenIsWholeOnTheShortestCanvas(t *testing.T) {
	for _, mode := range []Mode{ModeLive, ModeDemo} {
		h := newHarness(t, mode)
		h.win.Resize(fyne.NewSize(display.MinLayoutWidth, display.MinLayoutHeight))
		h.kiosk.show(screenWelcome)
		scroll := h.pageScroll()
		need, have := scroll.Content.MinSize().Height, scroll.Size().Height
		t.Logf("mode %v: the welcome screen needs %.0f px, has %.0f", mode, need, have)
		if need > have {
			t.Errorf("mode %v: the welcome screen needs %.0f px of the %.0f it has", mode, need, have)
		}
	}
}

// The welcome screen takes the panel's shape whenever it is laid out, the first
// one included (built before the full-screen window has its size): on a portrait
// panel the language buttons stand one above the other, larger, and the screen
// uses the height; with larger text on the narrowest canvas its smaller ways in
// break into rows rather than run off the screen.
func TestTheWelcomeScreenTakesThePanelsShape(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.win.Resize(portraitLobbyPanel.logicalSize(t)) // after the welcome screen was built
	h.layOut()
	s := viewOf[*welcomeScreen](h.kiosk)
	en, es := s.languages["en"], s.languages["es"]
	at := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	}
	if at(es).Y <= at(en).Y || en.Size().Width < tallLanguageButtonSize.Width {
		t.Errorf("portrait: English at %v %v, Español at %v: not one above the other, large", at(en), en.Size(), at(es))
	}
	used := at(s.languages["es"]).Y + es.Size().Height - at(h.kiosk.welcomeLogo()).Y
	if canvas := h.win.Canvas().Size().Height; used < canvas/3 {
		t.Errorf("portrait: the welcome screen uses %.0f px of %.0f", used, canvas)
	}

	h = newHarness(t, ModeLive)
	h.win.Resize(fyne.NewSize(display.MinLayoutWidth, 800))
	h.kiosk.look.change(look{larger: true})
	h.layOut()
	s = viewOf[*welcomeScreen](h.kiosk)
	for _, ways := range []map[string]*kwidget.Button{s.help, s.noEmail} {
		for _, b := range ways {
			if x := at(b).X; x < 0 || x+b.Size().Width > display.MinLayoutWidth {
				t.Errorf("larger text at %d px: %q runs off the screen (%.0f to %.0f)", display.MinLayoutWidth, b.Text, x, x+b.Size().Width)
			}
		}
	}
}
