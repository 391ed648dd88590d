package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	rt "github.com/medfordwater/lobbykiosk/internal/receipt/receipttest"
)

// The AutoPay review says what a bank would want said before money moves: the
// account's ending, each bill's full amount on its due date, the first draft,
// that it goes on until cancelled, and how to cancel.
func TestAutoPayReviewSaysWhatTheBankWouldWantSaid(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"ending in 6789", "Each bill's full amount is drafted on its due date.", "your current bill's due date",
			"AutoPay continues until you cancel it. To cancel, sign in to the portal online or call 541-774-2430."},
		"es": {"que termina en 6789", "El monto total de cada factura se cobra en su fecha de vencimiento.", "la fecha de vencimiento de su factura actual",
			"El pago automático continúa hasta que usted lo cancele. Para cancelarlo, inicie sesión en el portal en línea o llame al 541-774-2430."},
	} {
		h := newHarness(t, ModeLive)
		reachAutoPayReview(t, h, lang) // the account was found first: its due date is known
		review := strings.Join(visibleTexts(h.win.Canvas()), "\n")
		for _, w := range want {
			if !strings.Contains(review, w) {
				t.Errorf("%s: the review lacks %q:\n%s", lang, w, review)
			}
		}
		due := h.kiosk.formatDate(h.kiosk.visit.account.DueDate)
		if !strings.Contains(review, due) {
			t.Errorf("%s: the review does not name the first draft, %s:\n%s", lang, due, review)
		}
		assertTextsFromCatalog(t, h)
		test.Tap(viewOf[*autoPayScreen](h.kiosk).create)
		h.settle()
		if c := viewOf[*autoPayScreen](h.kiosk).confirmation; c == nil || !strings.Contains(c.Text, due) {
			t.Errorf("%s: the portal's first draft is not the one the review promised (%s)", lang, due)
		}
	}
}

// A bill due tomorrow is too late for AutoPay (the utility applies preferences
// set 24 hours before a due date): the review promises the next bill's due date,
// and the portal's answer names it once AutoPay is on.
func TestAutoPayReviewOfABillDueTomorrowSaysTheNextDueDate(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.findAccount(dueSoonAccount, "97502")
	h.registerFoundAndReviewAutoPay(t)
	due := h.kiosk.visit.account.DueDate
	if !showing(h, "The first draft: your next bill's due date. You will see the date once AutoPay is on.") ||
		showing(h, h.kiosk.formatDate(due)) {
		t.Errorf("the review shows %q", visibleTexts(h.win.Canvas()))
	}
	h.readReview()
	test.Tap(viewOf[*autoPayScreen](h.kiosk).create)
	h.settle()
	next := h.kiosk.formatDate(due.AddDate(0, 1, 0))
	if c := viewOf[*autoPayScreen](h.kiosk).confirmation; c == nil || !strings.Contains(c.Text, next) {
		t.Errorf("AutoPay on does not name the next bill's due date, %s", next)
	}
}

func TestPaymentReviewSaysTheDateAndThatItIsFinal(t *testing.T) {
	for lang, want := range map[string]string{"en": "Once you pay, this payment cannot be undone at the kiosk.",
		"es": "Una vez que pague, este pago no se puede deshacer en el quiosco."} {
		h := newHarness(t, ModeLive)
		reachPayReview(t, h, lang)
		today := h.kiosk.formatDate(client.DateIn(h.clock.Now(), h.kiosk.settings.Zone))
		review := strings.Join(visibleTexts(h.win.Canvas()), "\n")
		for _, w := range []string{want, today} {
			if !strings.Contains(review, w) {
				t.Errorf("%s: the payment review lacks %q: %q", lang, w, visibleTexts(h.win.Canvas()))
			}
		}
	}
}

// A visitor who pays the bill and then turns AutoPay on is never told of two
// charges for one bill: the review, AutoPay's confirmation, Done and the receipt
// say the bill is paid and AutoPay starts with the next one, on the date the
// portal gives; and nothing already done is offered again.
func TestPayingThenAutoPayNeverReadsAsTwoCharges(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		p := &recordingPrinter{}
		h := paidOn(t, harnessOptions{printer: p}, lang)
		due := h.kiosk.visit.account.DueDate
		test.Tap(viewOf[*payScreen](h.kiosk).register) // the receipt's offer: register to set up AutoPay
		h.settle()
		h.fillRegistration("", "", strongPassword, true) // the payment's email is already in place
		test.Tap(viewOf[*registerScreen](h.kiosk).submit)
		h.settle()
		h.assertSignedIn(t, lang)
		my := viewOf[*myAccountScreen](h.kiosk)
		if my.payNow.Visible() {
			t.Errorf("%s: My account offers Pay now after the bill was paid", lang)
		}

		test.Tap(my.setAutoPay)
		h.fillBankInto(h.autoPayForm, goodRouting)
		test.Tap(viewOf[*autoPayScreen](h.kiosk).submit)
		if !showing(h, h.msg(lang, "autopay.review_first_draft_paid")) || showing(h, h.kiosk.formatDate(due)) {
			t.Errorf("%s: the review, after paying the bill due %s, shows %q", lang, due, visibleTexts(h.win.Canvas()))
		}
		h.readReview()
		test.Tap(viewOf[*autoPayScreen](h.kiosk).create)
		h.settle()
		next := due.AddDate(0, 1, 0)
		onNextBill := h.kiosk.tr(lang, "myaccount.autopay_on_next_bill", map[string]any{"Date": h.kiosk.formatDate(next)})
		if c := viewOf[*autoPayScreen](h.kiosk).confirmation; c == nil || c.Text != onNextBill {
			t.Errorf("%s: AutoPay on says %q, want %q", lang, c.Text, onNextBill)
		}
		test.Tap(viewOf[*autoPayScreen](h.kiosk).done)
		h.settle()
		if my := viewOf[*myAccountScreen](h.kiosk); my.setAutoPay.Visible() || my.payNow.Visible() {
			t.Errorf("%s: My account offers again what this visit did", lang)
		}
		test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
		mustBeOn(t, h, screenDone)
		done := h.kiosk.tr(lang, "done.autopay_next_bill", map[string]any{"Date": h.kiosk.formatDate(next)})
		if !showing(h, done) {
			t.Errorf("%s: Done lacks %q:\n%s", lang, done, h.screenText())
		}
		test.Tap(viewOf[*doneScreen](h.kiosk).print)
		h.settle()
		text := rt.Flat(rt.PDFText(t, p.printed[len(p.printed)-1]))
		for _, want := range map[string][]string{
			"en": {"You paid $84.37", "Your current bill is paid, so AutoPay starts with your next bill"},
			"es": {"Usted pagó $84.37", "Su factura actual está pagada, así que el pago automático empieza con su próxima factura"},
		}[lang] {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the receipt lacks %q:\n%s", lang, want, text)
			}
		}
	}
}

// Pay now is not offered on an account that owes nothing.
func TestNothingOwedOffersNoPayNow(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	h.findAccount(zeroAccount, "97504")
	if viewOf[*foundScreen](h.kiosk).payNow.Visible() || showing(h, h.msg("en", "found.pay_now")) {
		t.Errorf("the Found screen of a zero balance offers Pay now: %q", visibleTexts(h.win.Canvas()))
	}
}
