package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/config"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// helpScreenText is everything drawn on the window, one text a line.
func helpScreenText(h *harness) string { return strings.Join(visibleTexts(h.win.Canvas()), "\n") }

// assertHelpShows fails for each of wants the window does not show.
func assertHelpShows(t *testing.T, h *harness, wants ...string) {
	t.Helper()
	text := helpScreenText(h)
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("screen %s (%s) lacks %q:\n%s", h.kiosk.page.id, h.kiosk.lang, want, text)
		}
	}
}

func TestWelcomeQuestionsShowsTheFAQInEnglishThenSpanish(t *testing.T) {
	h := newHarness(t, ModeLive)
	test.Tap(viewOf[*welcomeScreen](h.kiosk).help["en"])
	if h.kiosk.page.id != screenHelp || h.kiosk.lang != "en" {
		t.Fatalf("Questions? led to %s in %s", h.kiosk.page.id, h.kiosk.lang)
	}
	assertHelpShows(t, h, "How do I register?", "Do I have to register?", "I don't have an email address. How do I register?",
		"541-774-2430", "Press 0", "24 hours a day, 7 days a week", "customerservice@medfordwater.org",
		"200 S. Ivy St, Room 177", "Monday–Friday", "Cash is accepted in person only.")
	if strings.Contains(helpScreenText(h), "Touch Find My Account") {
		t.Error("answers show before their question is tapped")
	}
	s := viewOf[*helpScreen](h.kiosk)
	test.Tap(s.questions[2]) // How do I register?
	assertHelpShows(t, h, "Touch Find My Account", "Take Me to My Account", "Use this computer")
	assertTextsFromCatalog(t, h)

	h.switchLanguage()
	assertHelpShows(t, h, "¿Cómo me registro?", "¿Tengo que registrarme?", "Toque Buscar mi cuenta", "Llevarme a mi cuenta",
		"Presione 0", "los 7 días de la semana", "El efectivo solo se acepta en persona.")
	if strings.Contains(helpScreenText(h), "How do I register?") {
		t.Error("English left on the Spanish FAQ")
	}
	assertTextsFromCatalog(t, h)

	test.Tap(viewOf[*helpScreen](h.kiosk).questions[2])
	if strings.Contains(helpScreenText(h), "Toque Buscar mi cuenta") {
		t.Error("a second tap does not close the answer")
	}
	test.Tap(viewOf[*helpScreen](h.kiosk).back)
	if h.kiosk.page.id != screenWelcome {
		t.Errorf("Back from help went to %s, not the welcome screen", h.kiosk.page.id)
	}
}

func TestEveryFAQAnswerOpensInBothLanguages(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.startIn(lang)
		test.Tap(h.kiosk.page.chrome.help)
		s := viewOf[*helpScreen](h.kiosk)
		if len(s.questions) != len(faq) || len(faq) != 12 {
			t.Fatalf("%s: %d questions on screen, %d in the FAQ", lang, len(s.questions), len(faq))
		}
		for _, q := range s.questions {
			test.Tap(q)
		}
		for i, a := range viewOf[*helpScreen](h.kiosk).answers {
			if !a.Visible() || a.Text == faq[i].answer {
				t.Errorf("%s: answer %d is hidden or untranslated: %q", lang, i, a.Text)
			}
		}
		assertTextsFromCatalog(t, h)
	}
}

func TestHelpFromAVisitorScreenKeepsTheLanguageAndTheInput(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("es")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, plainAccount)
	h.typeInto(viewOf[*findScreen](h.kiosk).postalCode.entry, "975")
	test.Tap(h.kiosk.page.chrome.help)
	if h.kiosk.page.id != screenHelp {
		t.Fatalf("chrome Questions? led to %s", h.kiosk.page.id)
	}
	assertHelpShows(t, h, "¿Preguntas?", "¿Cómo activo el pago automático?", "No tengo dirección de correo electrónico. ¿Cómo me registro?")
	test.Tap(viewOf[*helpScreen](h.kiosk).questions[10])
	assertHelpShows(t, h, "Servicio al Cliente al 541-774-2430")
	assertTextsFromCatalog(t, h)

	test.Tap(h.kiosk.page.chrome.back)
	f := viewOf[*findScreen](h.kiosk)
	if h.kiosk.page.id != screenFind || h.kiosk.lang != "es" {
		t.Fatalf("Back from help: screen %s, language %s", h.kiosk.page.id, h.kiosk.lang)
	}
	if f.accountNumber.entry.Text != plainAccount || f.postalCode.entry.Text != "975" {
		t.Errorf("typed input lost on the way to help and back: %q %q", f.accountNumber.entry.Text, f.postalCode.entry.Text)
	}
}

func TestNoEmailFromWelcomeGivesThePhoneInBothLanguages(t *testing.T) {
	h := newHarness(t, ModeLive)
	test.Tap(viewOf[*welcomeScreen](h.kiosk).noEmail["en"])
	if h.kiosk.page.id != screenNoEmail {
		t.Fatalf("I don't have an email led to %s", h.kiosk.page.id)
	}
	s := viewOf[*noEmailScreen](h.kiosk)
	for _, want := range []string{"541-774-2430", "press 0", "24 hours a day"} {
		if !strings.Contains(s.phone.Text, want) {
			t.Errorf("phone way lacks %q: %q", want, s.phone.Text)
		}
	}
	assertHelpShows(t, h, "An email address is required to register or to pay online.", "200 S. Ivy St, Room 177", "Cash is accepted in person only.")
	assertTextsFromCatalog(t, h)

	h.switchLanguage()
	assertHelpShows(t, h, "¿No tiene correo electrónico?", "Llame al 541-774-2430", "presione 0", "El efectivo solo se acepta en persona.")
	assertTextsFromCatalog(t, h)

	test.Tap(viewOf[*noEmailScreen](h.kiosk).startOver)
	if h.kiosk.page.id != screenWelcome || h.kiosk.lang != "en" {
		t.Errorf("Start over: screen %s, language %s", h.kiosk.page.id, h.kiosk.lang)
	}
}

func TestNoEmailFromHelpComesBackAlongTheWay(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, legacyAccount)
	test.Tap(h.kiosk.page.chrome.help)
	test.Tap(viewOf[*helpScreen](h.kiosk).noEmail)
	if h.kiosk.page.id != screenNoEmail {
		t.Fatalf("help's I don't have an email led to %s", h.kiosk.page.id)
	}
	test.Tap(viewOf[*noEmailScreen](h.kiosk).back)
	if h.kiosk.page.id != screenHelp {
		t.Fatalf("Back from no email: %s", h.kiosk.page.id)
	}
	test.Tap(viewOf[*helpScreen](h.kiosk).back)
	if h.kiosk.page.id != screenFind || viewOf[*findScreen](h.kiosk).accountNumber.entry.Text != legacyAccount {
		t.Errorf("Back from help: screen %s, number %q", h.kiosk.page.id, viewOf[*findScreen](h.kiosk).accountNumber.entry.Text)
	}
}

func TestWelcomeOffersQuestionsAndNoEmailInEveryLanguage(t *testing.T) {
	h := newHarness(t, ModeLive)
	texts := visibleTexts(h.win.Canvas())
	for _, want := range []string{"Questions?", "¿Preguntas?", "I don't have an email", "No tengo correo electrónico"} {
		if !slices.Contains(texts, want) {
			t.Errorf("welcome screen lacks %q; shows %q", want, texts)
		}
	}
	w := viewOf[*welcomeScreen](h.kiosk)
	for _, b := range []string{"help", "noEmail"} {
		small := map[string]float32{"help": w.help["es"].Size().Height, "noEmail": w.noEmail["es"].Size().Height}[b]
		if small == 0 || small >= w.languages["en"].Size().Height {
			t.Errorf("%s button is %v high: not smaller than the language buttons", b, small)
		}
	}
}

// On the welcome screen, where no language is chosen yet, each way in is a
// button in one language that also chooses it: a Spanish reader who touches
// "¿Preguntas?" reads the FAQ in Spanish, and "No tengo correo electrónico"
// answers in Spanish. Larger text and high contrast say what they do in both.
func TestWelcomeWaysInChooseTheirLanguage(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		for _, way := range []struct {
			buttons func(*welcomeScreen) map[string]*kwidget.Button
			screen  screenID
		}{
			{func(w *welcomeScreen) map[string]*kwidget.Button { return w.help }, screenHelp},
			{func(w *welcomeScreen) map[string]*kwidget.Button { return w.noEmail }, screenNoEmail},
		} {
			h := newHarness(t, ModeLive)
			test.Tap(way.buttons(viewOf[*welcomeScreen](h.kiosk))[lang])
			if h.kiosk.page.id != way.screen || h.kiosk.lang != lang {
				t.Errorf("the %s button led to %s in %s", lang, h.kiosk.page.id, h.kiosk.lang)
			}
		}
	}
	h := newHarness(t, ModeLive)
	texts := visibleTexts(h.win.Canvas())
	for _, want := range []string{"Larger text", "Texto más grande", "High contrast", "Alto contraste"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the welcome screen's look toggles lack %q: %q", want, texts)
		}
	}
}

// The FAQ was printed for the portal's launch: "On May 6 or later". Before the
// day in the utility's config it says so; from that day on it speaks of the
// portal as open, in both languages.
func TestTheFAQSpeaksOfTheOpeningDayInTheRightTense(t *testing.T) {
	opened := config.MedfordWater().PortalOpened // 2024-05-06
	for _, tc := range []struct {
		start time.Time
		want  map[string][]string
	}{
		{time.Date(opened.Year(), opened.Month(), opened.Day()-1, 23, 59, 0, 0, pacific(t)), map[string][]string{
			"en": {"On May 6, 2024 or later.", "The billing portal is open for re-registering from May 6, 2024.", "What if my AutoPay is scheduled for May 6, 2024 or later?"},
			"es": {"El 6 de mayo de 2024 o después.", "estará disponible a partir del 6 de mayo de 2024", "¿Qué pasa si mi pago automático está programado para el 6 de mayo de 2024 o después?"},
		}},
		{time.Date(opened.Year(), opened.Month(), opened.Day(), 0, 0, 0, 0, pacific(t)), map[string][]string{
			"en": {"Now: the new site has been open since May 6, 2024.", "has been open for re-registering since May 6, 2024.", "What if my AutoPay was scheduled for May 6, 2024 or later?"},
			"es": {"Ya: el sitio nuevo está abierto desde el 6 de mayo de 2024.", "está disponible desde el 6 de mayo de 2024", "¿Qué pasa si mi pago automático estaba programado para el 6 de mayo de 2024 o después?"},
		}},
	} {
		h := newHarnessWith(t, harnessOptions{start: tc.start})
		for _, lang := range []string{"en", "es"} {
			test.Tap(viewOf[*welcomeScreen](h.kiosk).help[lang])
			s := viewOf[*helpScreen](h.kiosk)
			for i, item := range faq {
				if sinceOpening[item.answer] && !s.open[i] {
					test.Tap(s.questions[i])
				}
			}
			assertHelpShows(t, h, tc.want[lang]...)
			test.Tap(viewOf[*helpScreen](h.kiosk).back)
		}
	}
}

func pacific(t *testing.T) *time.Location {
	t.Helper()
	zone, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	return zone
}
