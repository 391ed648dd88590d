package terminal

import (
	"fmt"
	"net/url"
	"strings"
)

// Failed is the outcome of a payment the terminal could not complete for a
// reason of its own (its host unreachable, a message it could not read):
// nothing was taken, and the card was not refused.
const Failed Outcome = "failed"

// outcomeOf maps a nexo Response onto the closed set of outcomes.
func outcomeOf(r Response) (Outcome, error) {
	switch r.Result {
	case ResultSuccess, ResultPartial:
		return Approved, nil
	case ResultFailure:
	default:
		return "", fmt.Errorf("%w: result %q", ErrMalformed, r.Result)
	}
	message := additional(r, "message")
	switch r.ErrorCondition {
	case "Refusal":
		if message == "NOT_ENOUGH_BALANCE" {
			return InsufficientFunds, nil
		}
		return Declined, nil
	case "WrongPIN", "InvalidCard", "PaymentRestriction", "NotAllowed":
		return Declined, nil
	case "Aborted", "Cancel":
		if message == "CARD_REMOVED" {
			return CardRemoved, nil
		}
		return Cancelled, nil
	case "Busy":
		return Busy, nil
	case "NotFound":
		return NotFound, nil
	case "InProgress":
		return InProgress, nil
	}
	return Failed, nil
}

// additional reads one field of AdditionalResponse, a URL-encoded form.
func additional(r Response, name string) string {
	v, err := url.ParseQuery(r.AdditionalResponse)
	if err != nil {
		return ""
	}
	return v.Get(name)
}

// resultOf turns the terminal's answer about payment txID into a Result.
func resultOf(txID string, pr *PaymentResponse) (Result, error) {
	if got := pr.SaleData.SaleTransactionID.TransactionID; got != txID {
		return Result{}, fmt.Errorf("%w: the answer is about another transaction", ErrMismatch)
	}
	outcome, err := outcomeOf(pr.Response)
	if err != nil {
		return Result{}, err
	}
	res := Result{TransactionID: txID, Outcome: outcome, Reference: pr.POIData.POITransactionID.TransactionID}
	if pr.PaymentResult != nil {
		if card := pr.PaymentResult.PaymentInstrumentData.CardData; card != nil {
			res.Brand, res.LastFour = card.PaymentBrand, lastFour(card.MaskedPan)
		}
		if outcome == Approved && pr.PaymentResult.AmountsResp != nil {
			res.AmountCents = int64(pr.PaymentResult.AmountsResp.AuthorizedAmount)
		}
	}
	if res.LastFour == "" {
		res.LastFour = lastFour("****" + additional(pr.Response, "cardSummary"))
	}
	if outcome == Approved && res.AmountCents <= 0 {
		return Result{}, fmt.Errorf("%w: an approval without the amount authorised", ErrMalformed)
	}
	res.Receipt = receiptLines(pr.PaymentReceipt, "CustomerReceipt")
	return res, nil
}

// lastFour returns the last four digits of a masked card number. A number
// that is not masked (no mask character, or more than the six plus four digits
// PCI DSS allows to show) is not used at all: the kiosk keeps no more of a card
// than its last four, even if a terminal sends more.
func lastFour(masked string) string {
	digits := 0
	for _, r := range masked {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits > 10 || !strings.ContainsAny(masked, "*Xx") {
		return ""
	}
	tail := masked[strings.LastIndexFunc(masked, func(r rune) bool { return r < '0' || r > '9' })+1:]
	if len(tail) < 4 {
		return ""
	}
	return tail[len(tail)-4:]
}
