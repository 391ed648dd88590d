package terminalsim

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medfordwater/lobbykiosk/internal/terminal"
)

// The practice cards a visitor (or a test) can present.
const (
	CardApproved     = "approved"
	CardDeclined     = "declined"
	CardInsufficient = "insufficient" // Adyen's mock 124: not enough balance
	CardBlocked      = "blocked"      // Adyen's mock 125
	CardWrongPIN     = "wrongpin"     // Adyen's mock 134
	CardRemoved      = "removed"      // taken out of the reader too early
	CardTimeout      = "timeout"      // never read: the terminal answers nothing until aborted
)

var cardNames = []string{CardApproved, CardDeclined, CardInsufficient, CardBlocked, CardWrongPIN, CardRemoved, CardTimeout}

// Cards lists the practice cards.
func Cards() []string { return slices.Clone(cardNames) }

func checkCard(card string) error {
	if !slices.Contains(cardNames, card) {
		return fmt.Errorf("terminalsim: no practice card %q (known: %s)", card, strings.Join(cardNames, " "))
	}
	return nil
}

// practice card → the Response its payment gets, in the shapes of Adyen's mock terminal.
var cardResponses = map[string]terminal.Response{
	CardApproved: {Result: terminal.ResultSuccess, AdditionalResponse: "message=APPROVED&cardSummary=1111"},
	CardDeclined: {Result: terminal.ResultFailure, ErrorCondition: "Refusal",
		AdditionalResponse: "message=DECLINED&refusalReason=2%20Refused"},
	CardInsufficient: {Result: terminal.ResultFailure, ErrorCondition: "Refusal",
		AdditionalResponse: "message=NOT_ENOUGH_BALANCE&refusalReason=210%20Not%20enough%20balance"},
	CardBlocked: {Result: terminal.ResultFailure, ErrorCondition: "Refusal",
		AdditionalResponse: "message=BLOCK_CARD&refusalReason=199%20Card%20blocked"},
	CardWrongPIN: {Result: terminal.ResultFailure, ErrorCondition: "WrongPIN",
		AdditionalResponse: "message=INVALID_PIN&refusalReason=129%20Invalid%20online%20PIN"},
	CardRemoved: {Result: terminal.ResultFailure, ErrorCondition: "Aborted",
		AdditionalResponse: "message=CARD_REMOVED&refusalReason=108%20Card%20removed"},
}

var abortedResponse = terminal.Response{Result: terminal.ResultFailure, ErrorCondition: "Aborted",
	AdditionalResponse: "message=104%20Merchant%20cancelled"}

// practiceCard is what every practice card shows of itself: a masked number
// and a brand, as a terminal would.
var practiceCard = terminal.CardData{PaymentBrand: "visa", MaskedPan: "411111 **** 1111", EntryMode: []string{"Contactless"}}

// paymentResponse is the terminal's answer to payment t once read with response r.
func paymentResponse(t *transaction, r terminal.Response) *terminal.PaymentResponse {
	pr := &terminal.PaymentResponse{
		Response: r,
		SaleData: terminal.SaleData{SaleTransactionID: t.saleTxID},
		POIData:  terminal.POIData{POITransactionID: terminal.TransactionIdentification{TransactionID: t.poiTxID, TimeStamp: t.stamp}},
		PaymentResult: &terminal.PaymentResult{
			PaymentInstrumentData: terminal.PaymentInstrumentData{PaymentInstrumentType: "Card"},
			PaymentAcquirerData:   &terminal.PaymentAcquirerData{MerchantID: "DEMO_MERCHANT", AcquirerPOIID: t.poiid},
		},
	}
	if r.ErrorCondition != "Aborted" || t.card != "" {
		card := practiceCard
		pr.PaymentResult.PaymentInstrumentData.CardData = &card
	}
	if r.Result == terminal.ResultSuccess {
		pr.PaymentResult.AmountsResp = &terminal.AmountsResp{Currency: t.currency, AuthorizedAmount: t.amount}
		pr.PaymentReceipt = []terminal.PaymentReceipt{receipt(t)}
	}
	return pr
}

// receipt is the customer receipt of an approved practice payment, with
// lines in Adyen's name=…&value=…&key=… form.
func receipt(t *transaction) terminal.PaymentReceipt {
	amount, _ := t.amount.MarshalJSON()
	lines := []string{
		"name=PRACTICE%20CARD%20READER&key=header1",
		"key=filler",
		"name=Card&value=%2a%2a%2a%2a1111&key=pan",
		"name=Card%20type&value=visa&key=cardType",
		"name=Tender&value=" + t.poiTxID + "&key=txRef",
		"name=TOTAL&value=" + t.currency + "%20" + string(amount) + "&key=totalAmount",
		"name=APPROVED&key=approved",
	}
	out := terminal.PaymentReceipt{DocumentQualifier: "CustomerReceipt",
		OutputContent: terminal.OutputContent{OutputFormat: "Text"}}
	for _, l := range lines {
		out.OutputContent.OutputText = append(out.OutputContent.OutputText, terminal.OutputText{Text: l, EndOfLineFlag: true})
	}
	return out
}

// cardAcquisitionResponse answers a card acquisition read with response r.
func cardAcquisitionResponse(t *transaction, r terminal.Response) *terminal.CardAcquisitionResponse {
	ca := &terminal.CardAcquisitionResponse{
		Response: r,
		SaleData: terminal.SaleData{SaleTransactionID: t.saleTxID},
		POIData:  terminal.POIData{POITransactionID: terminal.TransactionIdentification{TransactionID: t.poiTxID, TimeStamp: t.stamp}},
	}
	if r.Result == terminal.ResultSuccess {
		card := practiceCard
		card.PaymentToken = &terminal.PaymentToken{TokenRequestedType: "Customer", TokenValue: "demo-token-" + t.poiTxID}
		ca.PaymentInstrumentData = &terminal.PaymentInstrumentData{PaymentInstrumentType: "Card", CardData: &card}
	}
	return ca
}
