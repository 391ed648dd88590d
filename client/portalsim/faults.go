package portalsim

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// Fault makes a route misbehave, as a failing portal, network or proxy does.
// Latency applies first; then at most one of Drop, Redirect, Status (or HTML),
// Malformed and Huge (in that order) replaces the real answer; failing those,
// the portal acts and Cut or WrongType spoils its real answer on the way out.
type Fault struct {
	Latency   time.Duration // delay before answering (honours request context cancellation)
	Drop      bool          // hijack the connection and close it without answering: the portal never acts
	Redirect  string        // answer 307 to this origin (e.g. "https://elsewhere.example"), same path
	Status    int           // answer this status with a proper error body (e.g. 503 code unavailable, 500 internal, 429 rate_limited with Retry-After: 1)
	HTML      bool          // answer an HTML error page, as a proxy does: Status, or 502 without one
	Malformed bool          // 200 with a truncated / invalid JSON body
	Huge      bool          // 200 with a JSON body of HugeBodyBytes, past any sane client's cap
	Cut       bool          // the portal acts, then its answer is cut off halfway and the connection closed
	WrongType bool          // the portal's real answer, labelled text/plain
	Times     int           // apply to the next N matching requests only; 0 = until cleared
}

// HugeBodyBytes is the size of a Huge fault's body: 4 MiB.
const HugeBodyBytes = 4 << 20

// acts reports whether the fault leaves the portal to act and spoils only its answer.
func (f Fault) acts() bool {
	return !f.Drop && f.Redirect == "" && f.Status == 0 && !f.HTML && !f.Malformed && !f.Huge
}

// malformedBody is what a Malformed fault answers: JSON cut short.
const malformedBody = `{"status":"ok","terms_vers`

// proxyErrorPage is what an HTML fault answers, like a proxy in front of the portal.
const proxyErrorPage = "<html><head><title>%d</title></head><body><h1>%d %s</h1><hr><center>nginx</center></body></html>\n"

// SetFault makes route misbehave as f says, replacing any fault it had. route
// is "METHOD /path-without-base", e.g. "POST /accounts/lookup" or
// "GET /demo/verify/{token}". Faults act before routing and authentication,
// like a failing network or proxy in front of the portal.
func (s *Sim) SetFault(route string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[normalizeRoute(route)] = &f
}

// ClearFaults removes every fault.
func (s *Sim) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.faults)
}

// normalizeRoute upper-cases the method, collapses spaces and drops a base
// path written by mistake.
func normalizeRoute(route string) string {
	method, path, _ := strings.Cut(strings.TrimSpace(route), " ")
	path = strings.TrimSpace(path)
	if rest, ok := strings.CutPrefix(path, client.BasePath+"/"); ok {
		path = "/" + rest
	}
	return strings.ToUpper(method) + " " + path
}

// takeFault returns the fault of key, counting one use of it.
func (s *Sim) takeFault(key string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.faults[key]
	if !ok {
		return Fault{}, false
	}
	taken := *f
	if f.Times > 0 {
		f.Times--
		if f.Times == 0 {
			delete(s.faults, key)
		}
	}
	return taken, true
}

// applyFault carries out the part of key's fault, if any, that comes before the
// portal acts. It reports whether the request has been dealt with (answered,
// dropped, or abandoned by the client), and otherwise the fault, if any, that
// spoils the real answer (see sendSpoiled).
func (s *Sim) applyFault(w http.ResponseWriter, r *http.Request, key string) (handled bool, spoil *Fault) {
	f, ok := s.takeFault(key)
	if !ok {
		return false, nil
	}
	if f.Latency > 0 {
		readBodyFirst(r)
		if !sleepContext(r, f.Latency) {
			return true, nil
		}
	}
	switch {
	case f.acts():
		return false, &f
	case f.Drop:
		dropConnection(w)
	case f.Redirect != "":
		http.Redirect(w, r, strings.TrimRight(f.Redirect, "/")+r.URL.RequestURI(), http.StatusTemporaryRedirect)
	case f.HTML:
		status := cmp.Or(f.Status, http.StatusBadGateway)
		page := fmt.Sprintf(proxyErrorPage, status, status, http.StatusText(status))
		htmlReply(status, page).write(w)
	case f.Status != 0:
		faultReply(f.Status).write(w)
	case f.Malformed:
		jsonBody(http.StatusOK, []byte(malformedBody)).write(w)
	case f.Huge:
		jsonBody(http.StatusOK, hugeBody()).write(w)
	}
	return true, nil
}

// sendSpoiled writes rep as f spoils it: cut off halfway, or mislabelled.
func sendSpoiled(w http.ResponseWriter, rep reply, f *Fault) {
	switch {
	case f != nil && f.Cut:
		cutReply(w, rep)
	case f != nil && f.WrongType:
		rep.header = rep.header.Clone() // the idempotency store keeps the real one for replays
		rep.header.Set("Content-Type", "text/plain; charset=utf-8")
		rep.write(w)
	default:
		rep.write(w)
	}
}

// cutReply announces rep's full length, sends half of it and closes the
// connection: the client has a status and headers but never the whole body.
func cutReply(w http.ResponseWriter, rep reply) {
	for name, values := range rep.header {
		w.Header()[name] = values
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(rep.body)+1)) // never complete, even when empty
	w.WriteHeader(rep.status)
	_, _ = w.Write(rep.body[:len(rep.body)/2])
	dropConnection(w)
}

// jsonBody is an answer of status with body labelled JSON.
func jsonBody(status int, body []byte) reply {
	return reply{status: status, header: http.Header{"Content-Type": {"application/json"}}, body: body}
}

// hugeBody is valid JSON of HugeBodyBytes: an object with one long string.
func hugeBody() []byte {
	const head, tail = `{"status":"ok","padding":"`, `"}`
	return []byte(head + strings.Repeat("x", HugeBodyBytes-len(head)-len(tail)) + tail)
}

// readBodyFirst reads the request's body and puts it back. net/http notices a
// client that hangs up (and cancels the request's context) only once the body
// has been read, so a slow answer reads it before waiting.
func readBodyFirst(r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		body = nil
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
}

// sleepContext waits d, or less if the request is cancelled; it reports
// whether the whole delay passed.
func sleepContext(r *http.Request, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// dropConnection closes the connection, flushing whatever was written before. If
// the connection cannot be hijacked (HTTP/2), it aborts the handler, which
// resets the stream.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// faultReply is the error answer of an injected status.
func faultReply(status int) reply {
	switch {
	case status == http.StatusTooManyRequests:
		return rateLimitedReply(time.Second)
	case status == http.StatusServiceUnavailable:
		return errorReply(status, client.CodeUnavailable, "the portal is unavailable (simulated)")
	case status == http.StatusUnauthorized:
		return errorReply(status, client.CodeUnauthorized, "unauthorized (simulated)")
	case status == http.StatusNotFound:
		return errorReply(status, client.CodeNotFound, "not found (simulated)")
	case status < 500:
		return errorReply(status, client.CodeValidationFailed, "request refused (simulated)")
	default:
		return errorReply(status, client.CodeInternal, "internal error (simulated)")
	}
}
