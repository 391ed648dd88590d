package terminalsim

import (
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/terminal"
)

// serveNexo answers one sealed nexo request.
func (s *Sim) serveNexo(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return
	}
	env, err := terminal.OpenEnvelope(s.sealer, body)
	if err != nil || env.SaleToPOIRequest == nil {
		s.opts.Logger.Info("terminalsim: rejected a message", "error", err)
		s.reject(w, "message=Invalid%20message%20security%20or%20format")
		return
	}
	req := env.SaleToPOIRequest
	var answer *terminal.SaleToPOIResponse
	switch {
	case req.PaymentRequest != nil || req.CardAcquisitionRequest != nil:
		t, busy := s.start(req)
		if answer = busy; t != nil {
			answer = wait(r.Context(), t)
		}
		if answer == nil {
			return // the kiosk stopped waiting; the transaction goes on without it
		}
	case req.AbortRequest != nil:
		s.abort(req.AbortRequest.MessageReference)
		w.WriteHeader(http.StatusOK) // as Adyen's terminals: an abort's answer is empty
		return
	case req.TransactionStatusRequest != nil:
		answer = s.status(req)
	case req.DiagnosisRequest != nil:
		answer = s.diagnosis(req)
	default:
		s.reject(w, "message=Unsupported%20request")
		return
	}
	s.deliver(w, r, answer)
}

// deliver seals and writes answer, through whatever faults strike.
func (s *Sim) deliver(w http.ResponseWriter, r *http.Request, answer *terminal.SaleToPOIResponse) {
	a := *answer
	a.MessageHeader.POIID = s.opts.POIID
	if s.strike(FaultNoEcho) {
		a.MessageHeader.ServiceID = "0000000000"
	}
	plain, err := json.Marshal(terminal.Envelope{SaleToPOIResponse: &a})
	if err != nil {
		http.Error(w, "encoding", http.StatusInternalServerError)
		return
	}
	sealed, err := s.sealer.Seal(a.MessageHeader, plain)
	if err != nil {
		http.Error(w, "sealing", http.StatusInternalServerError)
		return
	}
	if s.strike(FaultBadMAC) {
		sealed.SecurityTrailer.Hmac[0] ^= 0x01
	}
	body, _ := json.Marshal(map[string]terminal.SecuredMessage{"SaleToPOIResponse": sealed})
	if s.strike(FaultSlow) {
		select {
		case <-time.After(s.opts.SlowDelay):
		case <-r.Context().Done():
			return
		}
	}
	if s.strike(FaultLost) {
		s.dropConnection(w)
		return
	}
	if s.strike(FaultMalformed) {
		body = body[:len(body)/2]
	}
	if s.strike(FaultDuplicate) {
		body = append(body, body...)
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

// dropConnection closes the connection without a word: the answer is lost.
func (s *Sim) dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler) // net/http then closes the connection unanswered
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}

// reject answers a message the terminal will not take as Adyen's terminals
// do: a Reject event notification, in the clear.
func (s *Sim) reject(w http.ResponseWriter, details string) {
	n := terminal.Envelope{SaleToPOIRequest: &terminal.SaleToPOIRequest{
		MessageHeader: terminal.MessageHeader{ProtocolVersion: terminal.ProtocolVersion, MessageClass: "Event",
			MessageCategory: terminal.CategoryEvent, MessageType: "Notification", SaleID: "N/A", POIID: s.opts.POIID},
		EventNotification: &terminal.EventNotification{EventToNotify: "Reject", EventDetails: details,
			TimeStamp: s.opts.Now().UTC().Format(time.RFC3339)},
	}}
	body, _ := json.Marshal(n)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}
