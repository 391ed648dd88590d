package terminal

// nexo's Result values.
const (
	ResultSuccess = "Success"
	ResultFailure = "Failure"
	ResultPartial = "Partial"
)

// PaymentRequest asks for one payment.
type PaymentRequest struct {
	SaleData           SaleData           `json:"SaleData"`
	PaymentTransaction PaymentTransaction `json:"PaymentTransaction"`
}

// SaleData names the sale system's side of a transaction.
type SaleData struct {
	SaleTransactionID  TransactionIdentification `json:"SaleTransactionID"`
	SaleReferenceID    string                    `json:"SaleReferenceID,omitempty"`
	SaleToAcquirerData string                    `json:"SaleToAcquirerData,omitempty"`
	TokenRequestedType string                    `json:"TokenRequestedType,omitempty"`
}

// TransactionIdentification is a transaction ID and when it was made. The time
// stays text: the kiosk only echoes and shows it, and terminals vary its form.
type TransactionIdentification struct {
	TransactionID string `json:"TransactionID"`
	TimeStamp     string `json:"TimeStamp"`
}

// PaymentTransaction holds the amount asked for.
type PaymentTransaction struct {
	AmountsReq AmountsReq `json:"AmountsReq"`
}

// AmountsReq is the amount asked for.
type AmountsReq struct {
	Currency        string `json:"Currency"`
	RequestedAmount Amount `json:"RequestedAmount"`
}

// PaymentResponse is the terminal's answer to a PaymentRequest. Fields the
// kiosk has no use for (SensitiveCardData, say) are not modelled, so decoding
// drops them before they reach any of the kiosk's memory.
type PaymentResponse struct {
	Response       Response         `json:"Response"`
	SaleData       SaleData         `json:"SaleData"`
	POIData        POIData          `json:"POIData"`
	PaymentResult  *PaymentResult   `json:"PaymentResult,omitempty"`
	PaymentReceipt []PaymentReceipt `json:"PaymentReceipt,omitempty"`
}

// Response is the outcome part of every nexo answer.
type Response struct {
	Result             string `json:"Result"`
	ErrorCondition     string `json:"ErrorCondition,omitempty"`
	AdditionalResponse string `json:"AdditionalResponse,omitempty"`
}

// POIData names the terminal's side of a transaction.
type POIData struct {
	POITransactionID    TransactionIdentification `json:"POITransactionID"`
	POIReconciliationID string                    `json:"POIReconciliationID,omitempty"`
}

// PaymentResult is what the card and the acquirer said.
type PaymentResult struct {
	PaymentInstrumentData PaymentInstrumentData `json:"PaymentInstrumentData"`
	AmountsResp           *AmountsResp          `json:"AmountsResp,omitempty"`
	OnlineFlag            Flag                  `json:"OnlineFlag,omitempty"`
	AuthenticationMethod  []string              `json:"AuthenticationMethod,omitempty"`
	PaymentAcquirerData   *PaymentAcquirerData  `json:"PaymentAcquirerData,omitempty"`
}

// PaymentAcquirerData is the acquirer's reference of the transaction.
type PaymentAcquirerData struct {
	MerchantID            string                     `json:"MerchantID,omitempty"`
	AcquirerPOIID         string                     `json:"AcquirerPOIID,omitempty"`
	ApprovalCode          string                     `json:"ApprovalCode,omitempty"`
	AcquirerTransactionID *TransactionIdentification `json:"AcquirerTransactionID,omitempty"`
}

// PaymentInstrumentData describes the card as far as the kiosk may know it.
type PaymentInstrumentData struct {
	PaymentInstrumentType string    `json:"PaymentInstrumentType,omitempty"`
	CardData              *CardData `json:"CardData,omitempty"`
}

// CardData is the card's brand, masked number and, on a card acquisition, a
// token. MaskedPan is read only for its last four (see lastFour).
type CardData struct {
	PaymentBrand    string        `json:"PaymentBrand,omitempty"`
	MaskedPan       string        `json:"MaskedPan,omitempty"`
	EntryMode       []string      `json:"EntryMode,omitempty"`
	CardCountryCode string        `json:"CardCountryCode,omitempty"`
	PaymentToken    *PaymentToken `json:"PaymentToken,omitempty"`
}

// PaymentToken is a card's token for later payments.
type PaymentToken struct {
	TokenRequestedType string `json:"TokenRequestedType,omitempty"`
	TokenValue         string `json:"TokenValue"`
}

// AmountsResp is the amount authorised.
type AmountsResp struct {
	Currency         string `json:"Currency"`
	AuthorizedAmount Amount `json:"AuthorizedAmount"`
}

// PaymentReceipt is one receipt (the cashier's or the customer's).
type PaymentReceipt struct {
	DocumentQualifier     string        `json:"DocumentQualifier"`
	RequiredSignatureFlag Flag          `json:"RequiredSignatureFlag,omitempty"`
	OutputContent         OutputContent `json:"OutputContent"`
}

// OutputContent is a receipt's text.
type OutputContent struct {
	OutputFormat string       `json:"OutputFormat"`
	OutputText   []OutputText `json:"OutputText"`
}

// OutputText is one line of a receipt.
type OutputText struct {
	Text           string `json:"Text"`
	CharacterStyle string `json:"CharacterStyle,omitempty"`
	EndOfLineFlag  Flag   `json:"EndOfLineFlag,omitempty"`
}
