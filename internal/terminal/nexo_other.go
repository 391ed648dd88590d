package terminal

// AbortRequest asks the terminal to stop the transaction MessageReference names.
type AbortRequest struct {
	MessageReference MessageReference `json:"MessageReference"`
	AbortReason      string           `json:"AbortReason"`
}

// MessageReference names an earlier message by its header fields.
type MessageReference struct {
	MessageCategory string `json:"MessageCategory,omitempty"`
	ServiceID       string `json:"ServiceID,omitempty"`
	SaleID          string `json:"SaleID,omitempty"`
	POIID           string `json:"POIID,omitempty"`
}

// TransactionStatusRequest asks what became of the transaction MessageReference
// names: nexo's recovery when an answer did not come.
type TransactionStatusRequest struct {
	MessageReference   *MessageReference `json:"MessageReference,omitempty"`
	ReceiptReprintFlag bool              `json:"ReceiptReprintFlag,omitempty"`
	DocumentQualifier  []string          `json:"DocumentQualifier,omitempty"`
}

// TransactionStatusResponse carries, on success, the answer the terminal gave
// (or would have given) to the referenced request.
type TransactionStatusResponse struct {
	Response                Response                 `json:"Response"`
	MessageReference        *MessageReference        `json:"MessageReference,omitempty"`
	RepeatedMessageResponse *RepeatedMessageResponse `json:"RepeatedMessageResponse,omitempty"`
}

// RepeatedMessageResponse is an earlier answer, repeated with its own header.
type RepeatedMessageResponse struct {
	MessageHeader               MessageHeader               `json:"MessageHeader"`
	RepeatedResponseMessageBody RepeatedResponseMessageBody `json:"RepeatedResponseMessageBody"`
}

// RepeatedResponseMessageBody holds the repeated answer's body.
type RepeatedResponseMessageBody struct {
	PaymentResponse *PaymentResponse `json:"PaymentResponse,omitempty"`
}

// CardAcquisitionRequest asks the terminal to read a card without paying: the
// kiosk uses it to get a token for AutoPay.
type CardAcquisitionRequest struct {
	SaleData                   SaleData                   `json:"SaleData"`
	CardAcquisitionTransaction CardAcquisitionTransaction `json:"CardAcquisitionTransaction"`
}

// CardAcquisitionTransaction qualifies a card acquisition.
type CardAcquisitionTransaction struct {
	PaymentType string `json:"PaymentType,omitempty"`
}

// CardAcquisitionResponse is the card read: brand, masked number and token.
type CardAcquisitionResponse struct {
	Response              Response               `json:"Response"`
	SaleData              SaleData               `json:"SaleData"`
	POIData               POIData                `json:"POIData"`
	PaymentInstrumentData *PaymentInstrumentData `json:"PaymentInstrumentData,omitempty"`
}

// DiagnosisRequest asks the terminal for its state.
type DiagnosisRequest struct {
	HostDiagnosisFlag bool `json:"HostDiagnosisFlag"`
}

// DiagnosisResponse is the terminal's state.
type DiagnosisResponse struct {
	Response  Response   `json:"Response"`
	POIStatus *POIStatus `json:"POIStatus,omitempty"`
}

// POIStatus is the terminal's global state, e.g. "OK", "Busy", "Maintenance".
type POIStatus struct {
	GlobalStatus string `json:"GlobalStatus"`
}

// EventNotification is what a terminal sends instead of an answer when it
// rejects a message (EventToNotify "Reject"), in the clear.
type EventNotification struct {
	EventToNotify   string `json:"EventToNotify"`
	EventDetails    string `json:"EventDetails,omitempty"`
	RejectedMessage string `json:"RejectedMessage,omitempty"`
	TimeStamp       string `json:"TimeStamp,omitempty"`
}
