package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

func TestPayByBankAccountAfterFind(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newPayHarness(t, "off")
		h.goToPay(t, lang)
		s := viewOf[*payScreen](h.kiosk)
		due := formatMoney(h.kiosk.visit.account.AmountDueCents)
		if s.accountNumber.entry.Text != legacyAccount || s.postalCode.entry.Text != "97501" || s.amount.entry.Text != due {
			t.Fatalf("%s: not prefilled: %q %q %q", lang, s.accountNumber.entry.Text, s.postalCode.entry.Text, s.amount.entry.Text)
		}
		if want := map[string]string{"en": "By touching Continue to payment", "es": "Al tocar Continuar con el pago"}[lang]; !strings.Contains(h.screenText(), want) {
			t.Errorf("%s: the terms line is missing", lang)
		}
		assertTextsFromCatalog(t, h, legacyAccount, "97501", due)
		h.fillEmails("maria@example.com", "maria@example.com")
		h.fillBank(goodRouting)
		test.Tap(viewOf[*payScreen](h.kiosk).submit)
		review := h.screenText()
		if strings.Contains(review, bankNumber) || strings.Contains(review, goodRouting) || !strings.Contains(review, "6789") {
			t.Errorf("%s: review not masked to the last 4 digits:\n%s", lang, review)
		}
		if !strings.Contains(viewOf[*payScreen](h.kiosk).payButton.Text, due) || !strings.Contains(review, "maria@example.com") {
			t.Errorf("%s: review lacks the amount or email: %q\n%s", lang, viewOf[*payScreen](h.kiosk).payButton.Text, review)
		}
		assertTextsFromCatalog(t, h)
		h.readReview()
		test.Tap(viewOf[*payScreen](h.kiosk).payButton)
		h.settle()
		if got := h.sim.Stats().Payments; got != 1 {
			t.Fatalf("%s: %d payments, want 1; problems %v", lang, got, h.kiosk.visit.problems)
		}
		assertPaid(t, h, lang, due)
		if !viewOf[*payScreen](h.kiosk).register.Visible() {
			t.Errorf("%s: no offer to register an unregistered account", lang)
		}
		assertTextsFromCatalog(t, h)
		test.Tap(viewOf[*payScreen](h.kiosk).register)
		h.settle() // the register screen may call the portal on arrival
		if h.kiosk.page.id != screenRegister {
			t.Errorf("%s: Register now led to %s", lang, h.kiosk.page.id)
		}

	}
}

// assertPaid checks the receipt is on show and the payment numbers are forgotten.
func assertPaid(t *testing.T, h *harness, lang, amount string) {
	t.Helper()
	v := h.kiosk.visit
	if len(v.outcomes) != 1 || v.outcomes[0].kind != outcomePaid {
		t.Fatalf("%s: outcomes %v", lang, v.outcomes)
	}
	if number, _ := v.outcomes[0].data["Number"].(string); number == "" || !strings.Contains(viewOf[*payScreen](h.kiosk).confirmation.Text, number) {
		t.Errorf("%s: confirmation %q, recorded number %q", lang, viewOf[*payScreen](h.kiosk).confirmation.Text, number)
	}
	if text := h.screenText(); !strings.Contains(text, amount) || !strings.Contains(text, "maria@example.com") {
		t.Errorf("%s: receipt lacks the amount or email:\n%s", lang, text)
	}
	for _, id := range paymentFields {
		if _, kept := v.fields[id]; kept {
			t.Errorf("%s: %s still in the visit after paying", lang, id)
		}
	}
}

func TestPayEmailProblemsShowBesideTheFieldAndKeepInput(t *testing.T) {
	cases := []struct{ email, again, lang, emailWants, againWants string }{
		{"", "", "en", "Email address cannot be blank.", "Email address cannot be blank."},
		{"", "", "es", "La dirección de correo electrónico no puede quedar en blanco.", "La dirección de correo electrónico no puede quedar en blanco."},
		{"maria@", "maria@", "en", "Not a valid email address", ""},
		{"maria@example", "maria@example", "es", "No es una dirección de correo electrónico válida", ""},
		{"maria@example.com", "mario@example.com", "en", "", "The two emails are not the same."},
		{"maria@example.com", "mario@example.com", "es", "", "no son iguales"},
	}
	for _, c := range cases {
		h := newPayHarness(t, "off")
		h.goToPay(t, c.lang)
		h.fillEmails(c.email, c.again)
		h.fillBank(goodRouting)
		test.Tap(viewOf[*payScreen](h.kiosk).submit)
		s := viewOf[*payScreen](h.kiosk)
		if s.payButton != nil || s.submit == nil {
			t.Fatalf("%q/%q: went on to the review", c.email, c.again)
		}
		checkProblem(t, c.email, s.email, c.emailWants)
		checkProblem(t, c.again, s.emailAgain, c.againWants)
		if s.email.entry.Text != c.email || s.emailAgain.entry.Text != c.again || s.method.bankAccount.entry.Text != bankNumber {
			t.Errorf("%q/%q: typed input lost", c.email, c.again)
		}
		assertTextsFromCatalog(t, h, legacyAccount, "97501", s.amount.entry.Text, c.email, c.again, "Maria Lopez", goodRouting, bankNumber)
		if h.sim.Stats().Payments != 0 {
			t.Errorf("%q/%q: paid anyway", c.email, c.again)
		}
	}
}

// checkProblem checks the problem beside f: want, or none when want is "".
func checkProblem(t *testing.T, typed string, f *field, want string) {
	t.Helper()
	shown := f.problem.Visible() && f.icon.Visible()
	if want == "" && shown {
		t.Errorf("%q: unexpected problem %q", typed, f.problem.Text)
	}
	if want != "" && (!shown || !strings.Contains(f.problem.Text, want)) {
		t.Errorf("%q: problem %q (shown %v), want %q", typed, f.problem.Text, shown, want)
	}
}

func TestPayBadRoutingNumber(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newPayHarness(t, "off")
		h.goToPay(t, lang)
		h.fillEmails("maria@example.com", "maria@example.com")
		h.fillBank(badRouting)
		test.Tap(viewOf[*payScreen](h.kiosk).submit)
		want := map[string]string{"en": "routing number", "es": "número de ruta"}[lang]
		checkProblem(t, badRouting, viewOf[*payScreen](h.kiosk).method.routing, want)
		h.switchLanguage() // the problem and what was typed survive a rebuild
		m := viewOf[*payScreen](h.kiosk).method
		if m.routing.entry.Text != badRouting || !m.routing.problem.Visible() || viewOf[*payScreen](h.kiosk).payButton != nil {
			t.Errorf("%s: after a language switch: %q, problem shown %v", lang, m.routing.entry.Text, m.routing.problem.Visible())
		}
	}
}

func TestPayDoubleTapPaysOnce(t *testing.T) {
	gate := make(chan struct{})
	h := newHarnessWith(t, harnessOptions{settings: testConfig{CardEntry: "off"}, front: answerGate{"one-time-payments", gate}.front})
	h.goToPay(t, "es")
	h.fillEmails("maria@example.com", "maria@example.com")
	h.fillBank(goodRouting)
	test.Tap(viewOf[*payScreen](h.kiosk).submit)
	first := viewOf[*payScreen](h.kiosk).payButton
	h.readReview()
	test.Tap(first)
	test.Tap(first) // the widget the visitor tapped, tapped again while in flight
	busy := viewOf[*payScreen](h.kiosk).payButton
	test.Tap(busy) // and the button now on show
	if !busy.Disabled() || busy.Text != "Un momento…" || !viewOf[*payScreen](h.kiosk).change.Disabled() {
		t.Errorf("while paying: Pay %q disabled %v", busy.Text, busy.Disabled())
	}
	close(gate)
	h.settle()
	test.Tap(first) // and once more with the receipt on show
	h.settle()
	if got := h.sim.Stats().Payments; got != 1 || viewOf[*payScreen](h.kiosk).confirmation == nil {
		t.Errorf("%d payments after a double tap, want 1", got)
	}
}

func TestPayRetryAfterTheAnswerWasLostPaysOnce(t *testing.T) {
	h := newPayHarness(t, "off")
	h.sim.SetFault("POST /one-time-payments", portalsim.Fault{Drop: true, Times: 1})
	h.goToPay(t, "en")
	h.fillEmails("maria@example.com", "maria@example.com")
	h.fillBank(goodRouting)
	h.reviewAndPay(t) // the client retries the dropped POST itself, with the same key
	if got := h.sim.Stats().Payments; got != 1 || viewOf[*payScreen](h.kiosk).confirmation == nil {
		t.Fatalf("%d payments after one dropped answer; problems %v", got, h.kiosk.visit.problems)
	}
}

func TestPayAgainAfterALostAnswerReusesTheKey(t *testing.T) {
	h := newPayHarness(t, "off")
	h.goToPay(t, "es")
	h.fillEmails("maria@example.com", "maria@example.com")
	h.fillBank(goodRouting)
	test.Tap(viewOf[*payScreen](h.kiosk).submit)
	st := h.kiosk.visit.pay
	key := st.key
	// The portal took the payment but the kiosk never heard: as if every answer was lost.
	taken, err := h.kiosk.portal.client.PayOnce(t.Context(), st.req, key)
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(viewOf[*payScreen](h.kiosk).change) // the visitor looks again, changes nothing
	test.Tap(viewOf[*payScreen](h.kiosk).submit)
	if h.kiosk.visit.pay.key != key {
		t.Fatal("the same payment reviewed again got a new idempotency key")
	}
	h.readReview()
	test.Tap(viewOf[*payScreen](h.kiosk).payButton)
	h.settle()
	if got := h.sim.Stats().Payments; got != 1 {
		t.Errorf("%d payments, want 1", got)
	}
	if !strings.Contains(viewOf[*payScreen](h.kiosk).confirmation.Text, taken.ConfirmationNumber) {
		t.Errorf("confirmation %q, want the one taken: %s", viewOf[*payScreen](h.kiosk).confirmation.Text, taken.ConfirmationNumber)
	}
}

func TestPayPortalDownGivesThePhoneNumber(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newPayHarness(t, "off")
		h.goToPay(t, lang)
		h.fillEmails("maria@example.com", "maria@example.com")
		h.fillBank(goodRouting)
		h.sim.SetFault("POST /one-time-payments", portalsim.Fault{Status: 503})
		h.reviewAndPay(t)
		if got := viewOf[*payScreen](h.kiosk).problem.Text; !strings.Contains(got, "541-774-2430") || viewOf[*payScreen](h.kiosk).payButton == nil {
			t.Fatalf("%s: portal down: %q", lang, got)
		}
		if viewOf[*payScreen](h.kiosk).payButton.Disabled() {
			t.Errorf("%s: Pay stays disabled after the answer", lang)
		}
		h.sim.ClearFaults()
		h.readReview()
		test.Tap(viewOf[*payScreen](h.kiosk).payButton)
		h.settle()
		if got := h.sim.Stats().Payments; got != 1 || viewOf[*payScreen](h.kiosk).confirmation == nil {
			t.Errorf("%s: %d payments after the portal came back", lang, got)
		}
	}
}

func TestPayAccountTypeAndAmountAreChecked(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newPayHarness(t, "off")
		h.goToPay(t, lang)
		h.fillEmails("maria@example.com", "maria@example.com")
		m := viewOf[*payScreen](h.kiosk).method
		h.typeInto(m.bankHolder.entry, "Maria Lopez")
		h.typeInto(m.routing.entry, goodRouting)
		h.typeInto(m.bankAccount.entry, bankNumber)
		amount := viewOf[*payScreen](h.kiosk).amount.entry
		amount.SetText("")
		h.typeInto(amount, "$20,000.00")
		test.Tap(viewOf[*payScreen](h.kiosk).submit) // no checking or savings chosen
		s := viewOf[*payScreen](h.kiosk)
		if want := h.kiosk.T("field.invalid_account_type"); s.method.accountType.problem.Text != want || !s.method.accountType.problem.Visible() {
			t.Errorf("%s: account type problem %q", lang, s.method.accountType.problem.Text)
		}
		checkProblem(t, "$20,000.00", s.amount, h.kiosk.T("field.amount_too_large"))
		test.Tap(s.method.accountType.buttons[client.BankSavings]) // choosing clears the problem
		if viewOf[*payScreen](h.kiosk).method.accountType.problem.Visible() || viewOf[*payScreen](h.kiosk).amount.entry.Text != "$20,000.00" || s.payButton != nil {
			t.Errorf("%s: after choosing savings: problem shown %v", lang, viewOf[*payScreen](h.kiosk).method.accountType.problem.Visible())
		}
	}
}

func TestPayAmountAboveTheConfiguredMaximum(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{settings: testConfig{MaxPaymentDollars: 50}})
	h.goToPay(t, "es")
	viewOf[*payScreen](h.kiosk).amount.entry.SetText("")
	h.typeInto(viewOf[*payScreen](h.kiosk).amount.entry, "50.01")
	test.Tap(viewOf[*payScreen](h.kiosk).submit)
	if got := viewOf[*payScreen](h.kiosk).amount.problem.Text; got != h.msg("es", "field.amount_too_large") {
		t.Errorf("$50.01 against a $50.00 maximum: %q", got)
	}
}

// A visitor paying once agrees to the Terms and Conditions by touching Continue:
// they can read them first, in their language, and lose nothing typed.
func TestAPayOnceVisitorCanReadTheTermsTheyAgreeTo(t *testing.T) {
	for lang, opening := range map[string]string{"en": "These terms apply when you use", "es": "Estos términos se aplican"} {
		h := newHarness(t, ModeLive)
		h.goToPay(t, lang)
		h.fillEmails("maria@example.com", "maria@example.com")
		s := viewOf[*payScreen](h.kiosk)
		if s.readTerms == nil || s.readTerms.Text != h.msg(lang, "register.read_terms") {
			t.Fatalf("%s: the payment form offers no way to read the terms", lang)
		}
		// Scrolled down to the button, as a visitor is: reading the terms keeps the
		// page where it is and brings no keys up on a field above.
		h.win.Canvas().Unfocus()
		h.kiosk.page.touch.Scroll.ScrollToBottom()
		h.layOut()
		before := h.kiosk.page.touch.Scroll.Offset
		test.Tap(s.readTerms)
		h.settle()
		h.layOut()
		if after := h.kiosk.page.touch.Scroll.Offset; after.Y < before.Y || before.Y == 0 {
			t.Errorf("%s: Read the Terms moved the page from %v to %v", lang, before, after)
		}
		if f := h.win.Canvas().Focused(); f != nil {
			t.Errorf("%s: Read the Terms put the focus on %T", lang, f)
		}
		s = viewOf[*payScreen](h.kiosk)
		if s.termsText == nil || !strings.HasPrefix(s.termsText.Text, opening) || !showing(h, opening) {
			t.Errorf("%s: the terms are not shown after Read: %q", lang, visibleTexts(h.win.Canvas()))
		}
		if got := s.emailAgain.entry.Text; got != "maria@example.com" {
			t.Errorf("%s: reading the terms lost what was typed: %q", lang, got)
		}
	}
}
