package portalsim

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// Fault makes a route misbehave. Latency applies first; then at most one of
// Drop, Status and Malformed (in that order) replaces the real answer.
type Fault struct {
	Latency   time.Duration // delay before answering (honours request context cancellation)
	Status    int           // answer this status with a proper error body (e.g. 503 code unavailable, 500 internal, 429 rate_limited with Retry-After: 1)
	Drop      bool          // hijack the connection and close it without answering
	Malformed bool          // 200 with a truncated / invalid JSON body
	Times     int           // apply to the next N matching requests only; 0 = until cleared
}

// malformedBody is what a Malformed fault answers: JSON cut short.
const malformedBody = `{"status":"ok","terms_vers`

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

// applyFault carries out the fault of key, if any. It reports whether the
// request has been dealt with (answered, dropped, or abandoned by the client).
func (s *Sim) applyFault(w http.ResponseWriter, r *http.Request, key string) bool {
	f, ok := s.takeFault(key)
	if !ok {
		return false
	}
	if f.Latency > 0 && !sleepContext(r, f.Latency) {
		return true
	}
	switch {
	case f.Drop:
		dropConnection(w)
	case f.Status != 0:
		faultReply(f.Status).write(w)
	case f.Malformed:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(malformedBody))
	default:
		return false
	}
	return true
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

// dropConnection closes the connection without answering. If the connection
// cannot be hijacked (HTTP/2), it aborts the handler, which resets the stream.
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

// ParseFaults reads faults in flag syntax: "ROUTE=OPTION,OPTION;ROUTE=...",
// where ROUTE is "METHOD /path" and each OPTION is one of latency:DURATION,
// status:CODE (400-599), times:N, drop or malformed. For example
// "POST /accounts/lookup=status:503,times:2;GET /health=latency:2s;POST /one-time-payments=drop".
func ParseFaults(spec string) (map[string]Fault, error) {
	faults := make(map[string]Fault)
	for part := range strings.SplitSeq(spec, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		route, f, err := parseFault(part)
		if err != nil {
			return nil, err
		}
		if _, dup := faults[route]; dup {
			return nil, fmt.Errorf("fault %q: route %q is given twice", strings.TrimSpace(part), route)
		}
		faults[route] = f
	}
	return faults, nil
}

// parseFault reads one "ROUTE=OPTIONS" part.
func parseFault(part string) (string, Fault, error) {
	part = strings.TrimSpace(part)
	routeText, options, ok := strings.Cut(part, "=")
	if !ok {
		return "", Fault{}, fmt.Errorf("fault %q: want ROUTE=OPTIONS, e.g. \"GET /health=status:503\"", part)
	}
	route := normalizeRoute(routeText)
	if err := checkRoute(route); err != nil {
		return "", Fault{}, fmt.Errorf("fault %q: %w", part, err)
	}
	var f Fault
	for option := range strings.SplitSeq(options, ",") {
		if err := applyFaultOption(&f, strings.TrimSpace(option)); err != nil {
			return "", Fault{}, fmt.Errorf("fault %q: %w", part, err)
		}
	}
	if f.Latency == 0 && f.Status == 0 && !f.Drop && !f.Malformed {
		return "", Fault{}, fmt.Errorf("fault %q: no latency, status, drop or malformed: it would do nothing", part)
	}
	return route, f, nil
}

// checkRoute requires "METHOD /path".
func checkRoute(route string) error {
	method, path, _ := strings.Cut(route, " ")
	if method == "" || strings.Trim(method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return fmt.Errorf("route %q: want an HTTP method, e.g. \"POST /accounts/lookup\"", route)
	}
	if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \t") {
		return fmt.Errorf("route %q: the path must start with \"/\", e.g. \"POST /accounts/lookup\"", route)
	}
	return nil
}

// applyFaultOption sets one option ("status:503", "drop", ...) on f.
func applyFaultOption(f *Fault, option string) error {
	name, value, hasValue := strings.Cut(option, ":")
	switch name {
	case "drop", "malformed":
		if hasValue {
			return fmt.Errorf("option %q takes no value", option)
		}
		f.Drop = f.Drop || name == "drop"
		f.Malformed = f.Malformed || name == "malformed"
		return nil
	case "latency":
		d, err := time.ParseDuration(value)
		if err != nil || d < 0 {
			return fmt.Errorf("option %q: want a duration such as 2s or 300ms", option)
		}
		f.Latency = d
		return nil
	case "status":
		n, err := strconv.Atoi(value)
		if err != nil || n < 400 || n > 599 {
			return fmt.Errorf("option %q: want an HTTP error status from 400 to 599", option)
		}
		f.Status = n
		return nil
	case "times":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return fmt.Errorf("option %q: want a whole number of requests, 0 or more", option)
		}
		f.Times = n
		return nil
	}
	return fmt.Errorf("unknown option %q: want latency:D, status:N, times:N, drop or malformed", option)
}
