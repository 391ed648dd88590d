package terminal

import "fmt"

// The nexo Retailer protocol version Adyen's terminals speak as JSON.
const ProtocolVersion = "3.0"

// Message categories the kiosk uses (nexo MessageCategory).
const (
	CategoryPayment           = "Payment"
	CategoryAbort             = "Abort"
	CategoryTransactionStatus = "TransactionStatus"
	CategoryCardAcquisition   = "CardAcquisition"
	CategoryDiagnosis         = "Diagnosis"
	CategoryEvent             = "Event"
)

// MessageHeader heads every nexo message.
type MessageHeader struct {
	ProtocolVersion string `json:"ProtocolVersion,omitempty"`
	MessageClass    string `json:"MessageClass"`    // "Service" for the kiosk's requests
	MessageCategory string `json:"MessageCategory"` // Payment, Abort, TransactionStatus…
	MessageType     string `json:"MessageType"`     // "Request" or "Response"
	ServiceID       string `json:"ServiceID,omitempty"`
	DeviceID        string `json:"DeviceID,omitempty"`
	SaleID          string `json:"SaleID"`
	POIID           string `json:"POIID"`
}

// SaleToPOIRequest is a request from the sale system (the kiosk) to the
// terminal: a header and exactly one body.
type SaleToPOIRequest struct {
	MessageHeader            MessageHeader             `json:"MessageHeader"`
	PaymentRequest           *PaymentRequest           `json:"PaymentRequest,omitempty"`
	AbortRequest             *AbortRequest             `json:"AbortRequest,omitempty"`
	TransactionStatusRequest *TransactionStatusRequest `json:"TransactionStatusRequest,omitempty"`
	CardAcquisitionRequest   *CardAcquisitionRequest   `json:"CardAcquisitionRequest,omitempty"`
	DiagnosisRequest         *DiagnosisRequest         `json:"DiagnosisRequest,omitempty"`
	EventNotification        *EventNotification        `json:"EventNotification,omitempty"` // sent by a terminal that rejects a message
}

// SaleToPOIResponse is the terminal's answer: a header and one body.
type SaleToPOIResponse struct {
	MessageHeader             MessageHeader              `json:"MessageHeader"`
	PaymentResponse           *PaymentResponse           `json:"PaymentResponse,omitempty"`
	TransactionStatusResponse *TransactionStatusResponse `json:"TransactionStatusResponse,omitempty"`
	CardAcquisitionResponse   *CardAcquisitionResponse   `json:"CardAcquisitionResponse,omitempty"`
	DiagnosisResponse         *DiagnosisResponse         `json:"DiagnosisResponse,omitempty"`
}

// Envelope is one nexo JSON document: a request, or an answer. A terminal
// that rejects a message answers with a request carrying an EventNotification.
type Envelope struct {
	SaleToPOIRequest  *SaleToPOIRequest  `json:"SaleToPOIRequest,omitempty"`
	SaleToPOIResponse *SaleToPOIResponse `json:"SaleToPOIResponse,omitempty"`
}

// CheckEcho refuses an answer header that does not echo the request's:
// same category, service ID, sale ID and POI ID, and a response of class
// Service. An answer to another request (a late or duplicated one) or from
// another terminal fails here.
func CheckEcho(req, resp MessageHeader) error {
	switch {
	case resp.MessageType != "Response":
		return fmt.Errorf("%w: message type %q is not Response", ErrMismatch, resp.MessageType)
	case resp.MessageClass != req.MessageClass:
		return fmt.Errorf("%w: message class %q, asked %q", ErrMismatch, resp.MessageClass, req.MessageClass)
	case resp.MessageCategory != req.MessageCategory:
		return fmt.Errorf("%w: category %q, asked %q", ErrMismatch, resp.MessageCategory, req.MessageCategory)
	case resp.ServiceID != req.ServiceID:
		return fmt.Errorf("%w: service ID differs", ErrMismatch)
	case resp.SaleID != req.SaleID:
		return fmt.Errorf("%w: sale ID differs", ErrMismatch)
	case resp.POIID != req.POIID:
		return fmt.Errorf("%w: POIID %q, asked %q", ErrMismatch, resp.POIID, req.POIID)
	}
	return nil
}
