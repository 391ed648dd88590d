package portalsim

import (
	"crypto/subtle"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/medfordwater/lobbykiosk/client"
)

// authLevel is what a route requires of the caller.
type authLevel int

const (
	authNone    authLevel = iota // anyone (the customer's verification link)
	authKiosk                    // the kiosk key
	authSession                  // the kiosk key and a customer session
)

// idempotencyMode says whether a route honours or requires an Idempotency-Key.
type idempotencyMode int

const (
	idempotencyNone idempotencyMode = iota
	idempotencyOptional
	idempotencyRequired
)

// paramSuffix marks a route whose last path segment is a parameter.
const paramSuffix = "{token}"

// route is one operation of the API.
type route struct {
	method      string
	pattern     string // path without the base path, e.g. "/accounts/lookup"
	auth        authLevel
	idempotency idempotencyMode
	handle      func(s *Sim, q *request) reply // called with s.mu held
}

// request is what a handler needs to know about the call.
type request struct {
	http    *http.Request
	body    []byte
	param   string   // the {token} of the path, if any
	session *session // for authSession routes
	now     time.Time
}

// routes is the API, as in docs/portal-api.yaml.
var routes = []route{
	{http.MethodGet, "/health", authKiosk, idempotencyNone, (*Sim).handleHealth},
	{http.MethodGet, "/terms", authKiosk, idempotencyNone, (*Sim).handleTerms},
	{http.MethodPost, "/accounts/lookup", authKiosk, idempotencyNone, (*Sim).handleLookup},
	{http.MethodPost, "/registrations", authKiosk, idempotencyOptional, (*Sim).handleRegistration},
	{http.MethodPost, "/sessions", authKiosk, idempotencyNone, (*Sim).handleSignIn},
	{http.MethodDelete, "/sessions/current", authKiosk, idempotencyNone, (*Sim).handleSignOut},
	{http.MethodPost, "/password-resets", authKiosk, idempotencyNone, (*Sim).handlePasswordReset},
	{http.MethodGet, "/account", authSession, idempotencyNone, (*Sim).handleAccount},
	{http.MethodPost, "/payment-methods", authSession, idempotencyOptional, (*Sim).handleAddPaymentMethod},
	{http.MethodPost, "/autopay", authSession, idempotencyRequired, (*Sim).handleAutoPay},
	{http.MethodPut, "/bill-delivery", authSession, idempotencyNone, (*Sim).handleBillDelivery},
	{http.MethodPost, "/bill-delivery/verification-email", authSession, idempotencyNone, (*Sim).handleResendVerification},
	{http.MethodPost, "/one-time-payments", authKiosk, idempotencyRequired, (*Sim).handleOneTimePayment},
	{http.MethodPost, "/card-payments", authKiosk, idempotencyRequired, (*Sim).handleCardPayment},
	{http.MethodPost, "/kiosk/heartbeat", authKiosk, idempotencyNone, (*Sim).handleHeartbeat},
	{http.MethodGet, "/demo/outbox", authKiosk, idempotencyNone, (*Sim).handleOutbox},
	{http.MethodGet, "/demo/heartbeats", authKiosk, idempotencyNone, (*Sim).handleHeartbeats},
	{http.MethodGet, "/demo/verify/" + paramSuffix, authNone, idempotencyNone, (*Sim).handleVerify},
}

// matchPath reports whether path fits the route's pattern, and its parameter.
func (rt *route) matchPath(path string) (param string, ok bool) {
	prefix, hasParam := strings.CutSuffix(rt.pattern, paramSuffix)
	if !hasParam {
		return "", path == rt.pattern
	}
	param, ok = strings.CutPrefix(path, prefix)
	return param, ok && param != "" && !strings.Contains(param, "/")
}

// findRoute returns the route of method and path (path without the base path),
// or nil and the methods the path allows (none for an unknown path).
func findRoute(method, path string) (rt *route, param string, allowed []string) {
	for i := range routes {
		p, ok := routes[i].matchPath(path)
		if !ok {
			continue
		}
		if routes[i].method == method {
			return &routes[i], p, nil
		}
		allowed = append(allowed, routes[i].method)
	}
	return nil, "", allowed
}

// ServeHTTP answers one API call.
func (s *Sim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path, underBase := strings.CutPrefix(r.URL.Path, client.BasePath)
	var rt *route
	var param string
	var allowed []string
	if underBase {
		rt, param, allowed = findRoute(r.Method, path)
	} else {
		path = r.URL.Path
	}
	faultKey := r.Method + " " + path
	if rt != nil {
		faultKey = rt.method + " " + rt.pattern
	}
	handled, spoil := s.applyFault(w, r, faultKey)
	if handled {
		return
	}
	switch {
	case rt != nil:
		sendSpoiled(w, s.serveRoute(rt, param, r), spoil)
	case len(allowed) > 0:
		rep := errorReply(http.StatusMethodNotAllowed, codeMethodNotAllowed, "method not allowed on this route")
		rep.header.Set("Allow", strings.Join(allowed, ", "))
		rep.write(w)
	default:
		errorReply(http.StatusNotFound, client.CodeNotFound, "no such route").write(w)
	}
}

// serveRoute checks the caller, reads the body and runs the route's handler,
// through the idempotency store when the route honours Idempotency-Key.
func (s *Sim) serveRoute(rt *route, param string, r *http.Request) reply {
	if rt.auth != authNone && !s.kioskAuthorized(r) {
		rep := errorReply(http.StatusUnauthorized, client.CodeUnauthorized, "missing or wrong kiosk key")
		rep.header.Set("WWW-Authenticate", "Bearer")
		return rep
	}
	token := r.Header.Get(client.HeaderCustomerSession)
	if rt.auth == authSession && !s.SessionActive(token) {
		return errorReply(http.StatusUnauthorized, client.CodeSessionInvalid, "the customer session is missing, expired or revoked")
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBodyBytes))
	if err != nil {
		return invalidBodyReply()
	}
	run := func() reply { return s.runHandler(rt, &request{http: r, body: body, param: param}, token) }
	if rt.idempotency == idempotencyNone {
		return run()
	}
	key := r.Header.Get(client.HeaderIdempotencyKey)
	if utf8.RuneCountInString(key) > maxIdempotencyKeyChars {
		return errorReply(http.StatusBadRequest, codeInvalidIdempotencyKey, "the Idempotency-Key is longer than 255 characters")
	}
	if key == "" {
		if rt.idempotency == idempotencyRequired {
			return fieldErrors{client.HeaderIdempotencyKey: "required"}.reply()
		}
		return run()
	}
	fingerprint := requestFingerprint(rt, token, body)
	return s.idem.do(r.Context(), s.kioskKey+"\x00"+key, fingerprint, run)
}

// runHandler runs the handler with the state locked.
func (s *Sim) runHandler(rt *route, q *request, token string) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	q.now = s.now()
	if rt.auth == authSession {
		if q.session = s.activeSession(token); q.session == nil {
			return errorReply(http.StatusUnauthorized, client.CodeSessionInvalid, "the customer session is missing, expired or revoked")
		}
	}
	return rt.handle(s, q)
}

// kioskAuthorized checks the Authorization: Bearer header in constant time.
func (s *Sim) kioskAuthorized(r *http.Request) bool {
	scheme, key, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(key)), []byte(s.kioskKey)) == 1
}
