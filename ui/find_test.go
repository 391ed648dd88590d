package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

func TestFindAccountTypedWithoutTheHyphen(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.startIn(lang)
		h.findAccount(strings.ReplaceAll(plainAccount, "-", ""), "97504")
		if h.kiosk.page.id != screenFound {
			t.Fatalf("%s: screen %s after a good lookup; problems %v", lang, h.kiosk.page.id, h.kiosk.visit.problems)
		}
		if got := viewOf[*foundScreen](h.kiosk).address.Text; !strings.Contains(got, "••••") {
			t.Errorf("%s: address not masked: %q", lang, got)
		}
	}
}

func TestWrongZIPSaysSoAndKeepsTheInput(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.startIn(lang)
		h.findAccount(plainAccount, "97501")
		s := viewOf[*findScreen](h.kiosk)
		if h.kiosk.page.id != screenFind {
			t.Fatalf("%s: moved on to %s with a wrong ZIP", lang, h.kiosk.page.id)
		}
		if s.problem.Text != h.msg(lang, "error.account_not_found") || !s.problem.Visible() {
			t.Errorf("%s: problem shown: %q", lang, s.problem.Text)
		}
		if s.accountNumber.entry.Text != plainAccount || s.postalCode.entry.Text != "97501" {
			t.Errorf("%s: typed input lost: %q %q", lang, s.accountNumber.entry.Text, s.postalCode.entry.Text)
		}
		if s.submit.Disabled() {
			t.Errorf("%s: Find My Account stays disabled after the answer", lang)
		}
	}
}

func TestMalformedNumberIsCaughtBesideTheField(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	s := viewOf[*findScreen](h.kiosk)
	h.typeInto(s.accountNumber.entry, "12345")
	h.win.Canvas().Focus(s.postalCode.entry) // leaving the field checks it
	if !strings.Contains(s.accountNumber.problem.Text, "8 digits") || !s.accountNumber.icon.Visible() {
		t.Errorf("no problem beside the field on leaving it: %q", s.accountNumber.problem.Text)
	}
	test.Tap(s.submit)
	h.settle()
	if h.kiosk.page.id != screenFind || h.sim.Stats() != (portalsim.Stats{}) {
		t.Errorf("a malformed number reached the portal")
	}
	if s.postalCode.problem.Text != "This field cannot be blank." {
		t.Errorf("blank ZIP not flagged on submit: %q", s.postalCode.problem.Text)
	}
	h.switchLanguage()
	if got := viewOf[*findScreen](h.kiosk).accountNumber.problem.Text; !strings.Contains(got, "8 dígitos") {
		t.Errorf("problem not re-translated after a language switch: %q", got)
	}
	if got := viewOf[*findScreen](h.kiosk).accountNumber.entry.Text; got != "12345" {
		t.Errorf("language switch lost the typed number: %q", got)
	}
}

func TestPortalDownGivesThePhoneNumber(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarness(t, ModeLive)
		h.sim.SetFault("POST /accounts/lookup", portalsim.Fault{Status: 503})
		h.startIn(lang)
		h.findAccount(plainAccount, "97504")
		if got := viewOf[*findScreen](h.kiosk).problem.Text; got != h.kiosk.tr(lang, "error.unavailable") || !strings.Contains(got, "541-774-2430") {
			t.Errorf("%s: portal down message: %q", lang, got)
		}
		h.sim.ClearFaults()
		test.Tap(viewOf[*findScreen](h.kiosk).submit)
		h.settle()
		if h.kiosk.page.id != screenFound {
			t.Errorf("%s: a retry after the portal came back did not succeed: %s", lang, h.kiosk.page.id)
		}
	}
}

func TestFoundGuidanceComesFromTheAccount(t *testing.T) {
	cases := []struct {
		number, zip string
		wants       []string
		register    bool
	}{
		{legacyAccount, "97501", []string{"AutoPay and e-billing on the old portal", "paper bill"}, true},
		{registeredAccount, "97501", []string{"already registered"}, false},
		{dueSoonAccount, "97502", []string{"due within 24 hours"}, true},
		{zeroAccount, "97504", []string{"You owe nothing"}, true},
	}
	for _, c := range cases {
		h := newHarness(t, ModeLive)
		h.startIn("en")
		h.findAccount(c.number, c.zip)
		if h.kiosk.page.id != screenFound {
			t.Fatalf("%s: not found", c.number)
		}
		text := strings.Join(visibleTexts(h.win.Canvas()), "\n")
		for _, want := range c.wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s: screen lacks %q:\n%s", c.number, want, text)
			}
		}
		s := viewOf[*foundScreen](h.kiosk)
		if s.register.Visible() != c.register || s.signIn.Visible() == c.register {
			t.Errorf("%s: register shown %v, sign in shown %v", c.number, s.register.Visible(), s.signIn.Visible())
		}
	}
}

func TestAmountAndDateInTheVisitorsLanguage(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("es")
	h.findAccount(legacyAccount, "97501")
	got := viewOf[*foundScreen](h.kiosk).amountDue.Text
	if !strings.Contains(got, "$") || !strings.Contains(got, " de 20") {
		t.Errorf("Spanish amount line: %q", got)
	}
	if formatMoney(123456) != "$1,234.56" || formatMoney(5) != "$0.05" {
		t.Errorf("formatMoney: %s %s", formatMoney(123456), formatMoney(5))
	}
	h.kiosk.lang = "en"
	june := h.kiosk.formatDate(client.NewDate(2026, time.June, 15))
	h.kiosk.lang = "es"
	junio := h.kiosk.formatDate(client.NewDate(2026, time.June, 15))
	if june != "June 15, 2026" || junio != "15 de junio de 2026" {
		t.Errorf("dates: %q / %q", june, junio)
	}
}

func TestBackAndStartOver(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("es")
	h.findAccount(legacyAccount, "97501")
	test.Tap(h.kiosk.page.chrome.back)
	if h.kiosk.page.id != screenFind || viewOf[*findScreen](h.kiosk).accountNumber.entry.Text != legacyAccount {
		t.Fatalf("Back: screen %s, number %q", h.kiosk.page.id, viewOf[*findScreen](h.kiosk).accountNumber.entry.Text)
	}
	h.startOver()
	if h.kiosk.page.id != screenWelcome || h.kiosk.lang != "en" {
		t.Fatalf("Start over: screen %s, language %s", h.kiosk.page.id, h.kiosk.lang)
	}
	h.startIn("en")
	if got := viewOf[*findScreen](h.kiosk).accountNumber.entry.Text; got != "" {
		t.Errorf("the next visitor sees the last one's number: %q", got)
	}
}

// A field's problem goes as soon as the visitor types a fix: "cannot be blank"
// with the first character, a wrong number once it is whole. A new problem
// waits for the visitor to leave the field.
func TestAProblemClearsAsTheVisitorTypesAFix(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	s := viewOf[*findScreen](h.kiosk)
	test.Tap(s.submit)
	s = viewOf[*findScreen](h.kiosk)
	if !s.postalCode.problem.Visible() {
		t.Fatal("a blank ZIP code has no problem beside it after Find")
	}
	test.Type(s.postalCode.entry, "9")
	if s.postalCode.problem.Visible() {
		t.Errorf("the ZIP code still says %q once typed in", s.postalCode.problem.Text)
	}
	test.Type(s.accountNumber.entry, "0006582")
	s.accountNumber.entry.Left() // the visitor moves on from a short number
	if !s.accountNumber.problem.Visible() {
		t.Fatal("a short account number has no problem beside it")
	}
	test.Type(s.accountNumber.entry, "1067243")
	if !s.accountNumber.problem.Visible() {
		t.Errorf("the problem went before the number was whole")
	}
	test.Type(s.accountNumber.entry, "0")
	if s.accountNumber.problem.Visible() {
		t.Errorf("the account number still says %q once whole", s.accountNumber.problem.Text)
	}
}

// The account number gets its hyphen from a keyboard of the visitor's own as it
// does from the keypad: after the 8th digit, once, whether the visitor types the
// hyphen too or not.
func TestTheAccountNumberGetsItsHyphenFromAnyKeyboard(t *testing.T) {
	for typed, want := range map[string]string{
		"000658210672430":  "00065821-0672430",
		"00065821-0672430": "00065821-0672430",
	} {
		h := newHarness(t, ModeLive)
		h.startIn("en")
		e := viewOf[*findScreen](h.kiosk).accountNumber.entry
		test.Type(e, typed)
		if e.Text != want {
			t.Errorf("typed %q on a keyboard: the field holds %q, want %q", typed, e.Text, want)
		}
	}
}

// No field shows an example in grey, which passes for a value typed in (a grey
// "97501" looked filled in): a line under the label says the format.
func TestNoFieldShowsAnExampleValue(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.signInDirectly(t, "en")
	for _, id := range sortedScreens(h) {
		h.kiosk.show(id)
		walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
			if e, ok := o.(*kwidget.Entry); ok && e.PlaceHolder != "" {
				t.Errorf("%s: a field shows %q in grey", id, e.PlaceHolder)
			}
			return true
		})
	}
	h.kiosk.show(screenFind)
	if hint := h.msg("en", "find.postal_code_hint"); !showing(h, hint) {
		t.Errorf("the ZIP code's line %q is not on Find", hint)
	}
}
