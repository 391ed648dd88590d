package terminal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// wireDocument is a nexo document as it travels: sealed, or (a terminal's
// rejection) a notification in the clear.
type wireDocument struct {
	SaleToPOIRequest  *wireMessage `json:"SaleToPOIRequest,omitempty"`
	SaleToPOIResponse *wireMessage `json:"SaleToPOIResponse,omitempty"`
}

type wireMessage struct {
	MessageHeader     MessageHeader      `json:"MessageHeader"`
	NexoBlob          string             `json:"NexoBlob,omitempty"`
	SecurityTrailer   *SecurityTrailer   `json:"SecurityTrailer,omitempty"`
	EventNotification *EventNotification `json:"EventNotification,omitempty"`
}

// SealEnvelope encodes env (a request or a response) and seals it under its
// own header: the document to send.
func SealEnvelope(s *Sealer, env Envelope) ([]byte, error) {
	plain, err := json.Marshal(env)
	if err != nil {
		return nil, fmt.Errorf("terminal: encoding a message: %w", err)
	}
	var doc wireDocument
	var header MessageHeader
	switch {
	case env.SaleToPOIRequest != nil && env.SaleToPOIResponse == nil:
		header = env.SaleToPOIRequest.MessageHeader
		doc.SaleToPOIRequest = &wireMessage{}
	case env.SaleToPOIResponse != nil && env.SaleToPOIRequest == nil:
		header = env.SaleToPOIResponse.MessageHeader
		doc.SaleToPOIResponse = &wireMessage{}
	default:
		return nil, errors.New("terminal: an envelope holds exactly one request or one response")
	}
	sealed, err := s.Seal(header, plain)
	if err != nil {
		return nil, err
	}
	msg := wireMessage{MessageHeader: sealed.MessageHeader, NexoBlob: sealed.NexoBlob, SecurityTrailer: &sealed.SecurityTrailer}
	if doc.SaleToPOIRequest != nil {
		doc.SaleToPOIRequest = &msg
	} else {
		doc.SaleToPOIResponse = &msg
	}
	return json.Marshal(doc)
}

// OpenEnvelope reads one sealed document: exactly one JSON value (two answers
// in one body are refused: which one would be true?), opened and MAC-checked,
// whose clear header is the sealed one. A terminal's rejection, sent in the
// clear, is ErrRejected.
func OpenEnvelope(s *Sealer, body []byte) (Envelope, error) {
	var doc wireDocument
	if err := decodeOne(body, &doc); err != nil {
		return Envelope{}, err
	}
	msg, wantResponse := doc.SaleToPOIResponse, true
	if msg == nil {
		msg, wantResponse = doc.SaleToPOIRequest, false
	}
	if msg == nil || (doc.SaleToPOIRequest != nil && doc.SaleToPOIResponse != nil) {
		return Envelope{}, fmt.Errorf("%w: neither one request nor one response", ErrMalformed)
	}
	if msg.NexoBlob == "" {
		if n := msg.EventNotification; n != nil && n.EventToNotify == "Reject" {
			return Envelope{}, fmt.Errorf("%w by the terminal: %.120s", ErrRejected, n.EventDetails)
		}
		return Envelope{}, fmt.Errorf("%w: message not sealed", ErrSecurity)
	}
	if msg.SecurityTrailer == nil {
		return Envelope{}, fmt.Errorf("%w: no security trailer", ErrSecurity)
	}
	plain, err := s.Open(SecuredMessage{MessageHeader: msg.MessageHeader, NexoBlob: msg.NexoBlob, SecurityTrailer: *msg.SecurityTrailer})
	if err != nil {
		return Envelope{}, err
	}
	var env Envelope
	if err := decodeOne(plain, &env); err != nil {
		return Envelope{}, err
	}
	var inner MessageHeader
	switch {
	case wantResponse && env.SaleToPOIResponse != nil && env.SaleToPOIRequest == nil:
		inner = env.SaleToPOIResponse.MessageHeader
	case !wantResponse && env.SaleToPOIRequest != nil && env.SaleToPOIResponse == nil:
		inner = env.SaleToPOIRequest.MessageHeader
	default:
		return Envelope{}, fmt.Errorf("%w: the sealed message is not the kind its wrapper says", ErrSecurity)
	}
	if inner != msg.MessageHeader {
		return Envelope{}, fmt.Errorf("%w: the clear header differs from the sealed one", ErrSecurity)
	}
	return env, nil
}

// decodeOne decodes exactly one JSON value from b into v.
func decodeOne(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformed, jsonProblem(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%w: more than one JSON value", ErrMalformed)
	}
	return nil
}

// jsonProblem keeps what a JSON error says of the shape, not the text it quotes.
func jsonProblem(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return fmt.Errorf("field %s has the wrong type", typeErr.Field)
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return fmt.Errorf("not JSON at byte %d", syntaxErr.Offset)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("JSON cut short")
	}
	return errors.New("invalid value")
}
