package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
	"time"
)

// A card is paid at the reader: the review names no card, the reader's
// instructions come up, a practice card is tapped, the terminal charges it
// once and the portal records it once against the account, and the receipt
// names the card by its last four digits only.
func TestPayByCardAtTheReader(t *testing.T) {
	for _, lang := range []string{"es", "en"} {
		h, ct := newCardHarness(t, "")
		h.reviewCardPayment(t, lang)
		if text := h.screenText(); !strings.Contains(text, h.msg(lang, "payment.card_reader_review")) {
			t.Fatalf("%s: review of a card payment:\n%s", lang, text)
		}
		amount := formatMoney(h.kiosk.visit.account.AmountDueCents)
		var shown string
		h.atTheReader(t, func() { test.Tap(viewOf[*payScreen](h.kiosk).payButton) }, func() {
			shown = h.screenText() // what the visitor sees while the terminal waits
			test.Tap(viewOf[*payScreen](h.kiosk).practiceCards[terminalsim.CardApproved])
		})
		for _, want := range []string{h.msg(lang, "reader.title"), h.kiosk.tr(lang, "reader.insert", map[string]any{"Amount": amount}),
			h.msg(lang, "reader.practice_title")} {
			if !strings.Contains(shown, want) {
				t.Fatalf("%s: the reader's instructions do not say %q:\n%s", lang, want, shown)
			}
		}
		if ct.sim.Charges() != 1 || h.sim.Stats().Payments != 1 {
			t.Fatalf("%s: %d charges, %d payments recorded; problems %v", lang, ct.sim.Charges(), h.sim.Stats().Payments, h.kiosk.visit.problems)
		}
		assertPaid(t, h, lang, amount)
		if pending, err := ct.journal.Pending(); err != nil || len(pending) != 0 {
			t.Errorf("%s: the recorded payment is still in the journal: %v, %v", lang, pending, err)
		}
		if r := receiptOf(h.kiosk.visit); !strings.Contains(fmt.Sprint(r), "1111") {
			t.Errorf("%s: the receipt does not name the card's last four: %+v", lang, r)
		}
	}
}

// A card the terminal does not charge says why, in words, with nothing
// charged, and the review stays for another card or a bank account.
func TestADeclinedCardSaysSoAndOffersAnotherWay(t *testing.T) {
	for _, tc := range []struct{ card, want string }{
		{terminalsim.CardDeclined, "reader.declined"},
		{terminalsim.CardInsufficient, "reader.insufficient_funds"},
		{terminalsim.CardRemoved, "reader.card_removed"},
		{terminalsim.CardWrongPIN, "reader.declined"},
	} {
		for _, lang := range []string{"en", "es"} {
			h, ct := newCardHarness(t, "")
			h.reviewCardPayment(t, lang)
			h.payAtTheReader(t, tc.card)
			s := viewOf[*payScreen](h.kiosk)
			if s.payButton == nil || s.problem.Text != h.msg(lang, tc.want) || ct.sim.Charges() != 0 || h.sim.Stats().Payments != 0 {
				t.Fatalf("%s %s: the review says %q (Pay on show: %v), %d charges, %d payments; want %q",
					lang, tc.card, s.problem.Text, s.payButton != nil, ct.sim.Charges(), h.sim.Stats().Payments, h.msg(lang, tc.want))
			}
			h.advance(time.Second)
			h.payAtTheReader(t, terminalsim.CardApproved) // another card, on the same review
			if ct.sim.Charges() != 1 || h.sim.Stats().Payments != 1 {
				t.Fatalf("%s %s: another card then: %d charges, %d payments", lang, tc.card, ct.sim.Charges(), h.sim.Stats().Payments)
			}
		}
	}
}

// Cancel at the reader stops the terminal: nothing is charged and the review
// says so.
func TestCancelAtTheReaderChargesNothing(t *testing.T) {
	h, ct := newCardHarness(t, "")
	h.reviewCardPayment(t, "en")
	h.atTheReader(t, func() { test.Tap(viewOf[*payScreen](h.kiosk).payButton) },
		func() { test.Tap(viewOf[*payScreen](h.kiosk).cancelCard) })
	if s := viewOf[*payScreen](h.kiosk); s.payButton == nil || s.problem.Text != h.msg("en", "reader.cancelled") || ct.sim.Charges() != 0 {
		t.Fatalf("after Cancel: %q, %d charges", s.problem.Text, ct.sim.Charges())
	}
}

// A reset while the reader waits aborts the payment: the next visitor's card
// is never taken for this one.
func TestAResetAbortsTheWaitingCard(t *testing.T) {
	h, ct := newCardHarness(t, "")
	h.reviewCardPayment(t, "en")
	if !h.atTheReader(t, func() { test.Tap(viewOf[*payScreen](h.kiosk).payButton) }, h.startOver) {
		t.Fatal("the terminal never asked for a card")
	}
	if ct.sim.Waiting() || ct.sim.Charges() != 0 || h.kiosk.page.id != screenWelcome {
		t.Fatalf("after the reset: terminal waiting %v, %d charges, screen %s", ct.sim.Waiting(), ct.sim.Charges(), h.kiosk.page.id)
	}
	if err := ct.sim.Present(terminalsim.CardApproved); err == nil && ct.sim.Charges() != 0 {
		t.Error("a card presented after the reset was charged")
	}
}

// A card is offered only where a terminal reads it: card_entry "terminal" with
// a terminal wired. With "off", a card is neither offered nor taken if asked for.
func TestCardChoiceOnlyWithATerminal(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		off := newPayHarness(t, "off")
		off.goToPay(t, lang)
		card := off.kiosk.tr(lang, "payment.card")
		if viewOf[*payScreen](off.kiosk).method.kind != nil || strings.Contains(off.screenText(), card) {
			t.Errorf("%s: a card can be chosen with card_entry off", lang)
		}
		off.kiosk.visit.fields[fieldPayKind] = client.KindCard // even if asked for, no card
		if viewOf[*payScreen](off.kiosk).method.kindChosen() != client.KindBank {
			t.Errorf("%s: card kind honoured with card_entry off", lang)
		}
		h, _ := newCardHarness(t, "")
		h.goToPay(t, lang)
		if !strings.Contains(h.screenText(), card) {
			t.Errorf("%s: no card choice with a terminal", lang)
		}
	}
}
