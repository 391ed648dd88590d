// Package portalsim is an in-memory simulator of the billing portal's kiosk API
// (docs/portal-api.yaml). Like net/http/httptest, it is a real HTTP server that
// stands beside the client: tests, demos and the kiosk's offline mode talk to it
// over HTTP exactly as they would talk to the portal.
//
// A Sim enforces the portal's rules (kiosk key, customer sessions, lookup and
// sign-in lockouts, validation with the shared client/validate package,
// idempotency keys) and can be told to misbehave with faults (latency, error
// statuses, dropped connections, malformed bodies).
//
// The simulator never logs request bodies or any other personal data.
package portalsim

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/config"
)

// DemoKioskKey is the kiosk key a Sim accepts unless Options.KioskKey says otherwise.
const DemoKioskKey = "demo-kiosk-key"

// TermsVersion is the version of the current Terms and Conditions.
const TermsVersion = "2024-05-06"

// Defaults and limits of the simulated portal.
const (
	defaultSessionTTL = 15 * time.Minute
	failureWindow     = 15 * time.Minute // lookup and sign-in lockout window
	failureLimit      = 5                // failures within the window before 429
	maxBodyBytes      = 64 << 10         // largest request body read
	maxHeartbeats     = 1000             // heartbeats kept in memory
	maxOutbox         = 1000             // emails kept in the outbox, the latest
	// verificationLinkTTL is how long a bill delivery verification link works,
	// as long as its email is still among the outbox's latest.
	verificationLinkTTL = 24 * time.Hour
	// maxFailureKeys bounds the emails whose failed sign-ins are counted at once.
	maxFailureKeys = 10000
	// maxPaymentMethods is the most payment methods an account keeps: plenty for a
	// household, and GET /account stays a few kilobytes.
	maxPaymentMethods = 20
	// maxIdempotencyKeyChars is the longest Idempotency-Key, in characters.
	maxIdempotencyKeyChars = 255
)

// Options configure a Sim. The zero value is usable.
type Options struct {
	KioskKey string           // default DemoKioskKey
	Now      func() time.Time // default clock.Wall (tests inject the suite's clock)
	// Zone is where the portal's dates fall (client.DateIn): the utility's,
	// America/Los_Angeles by default, whatever the machine's zone.
	Zone       *time.Location
	SessionTTL time.Duration // default 15m
	// ExtraAccounts adds that many unregistered accounts beside the demo ones, for
	// tests that register many logins (numbers: ExtraAccountNumber).
	ExtraAccounts int
}

// Stats counts the actions a Sim actually performed. Idempotent replays and
// rejected requests do not count.
type Stats struct {
	Registrations, PaymentMethods, AutoPayEnrollments, BillDeliveryChanges, Payments, Heartbeats int
}

// Sim is the simulated portal: an http.Handler, safe for concurrent use.
type Sim struct {
	kioskKey   string
	now        func() time.Time
	zone       *time.Location
	sessionTTL time.Duration
	idem       *idempotencyStore

	mu             sync.Mutex // guards everything below
	accounts       []*account
	sessions       map[string]*session
	verifications  map[string]*verification
	verifyOrder    []string // the tokens of verifications, oldest first
	outbox         []client.OutboxMessage
	heartbeats     []client.Heartbeat
	stats          Stats
	lookupFailures *failureLog // keyed by kiosk key
	signInFailures *failureLog // keyed by emailKey
	faults         map[string]*Fault
}

// New returns a Sim seeded with the demo accounts (see DemoAccounts). Due
// dates are counted from the date opts.Now() falls on in opts.Zone.
func New(opts Options) *Sim {
	s := &Sim{
		kioskKey:       opts.KioskKey,
		now:            opts.Now,
		zone:           opts.Zone,
		sessionTTL:     opts.SessionTTL,
		sessions:       make(map[string]*session),
		verifications:  make(map[string]*verification),
		lookupFailures: newFailureLog(failureWindow, failureLimit, 1),
		signInFailures: newFailureLog(failureWindow, failureLimit, maxFailureKeys),
		faults:         make(map[string]*Fault),
	}
	if s.kioskKey == "" {
		s.kioskKey = DemoKioskKey
	}
	if s.now == nil {
		s.now = clock.Wall
	}
	if s.zone == nil {
		s.zone = utilityZone()
	}
	s.idem = newIdempotencyStore(s.now)
	if s.sessionTTL <= 0 {
		s.sessionTTL = defaultSessionTTL
	}
	s.accounts = seedAccounts(client.DateIn(s.now(), s.zone), append(slices.Clone(demoSeeds), extraSeeds(opts.ExtraAccounts)...))
	return s
}

// utilityName is the utility the simulator stands for, as passwords must not
// contain it.
const utilityName = "Medford Water"

// utilityZone is Medford Water's zone, where the portal keeps its dates. The
// config package names it and embeds the zone database, so it always loads.
func utilityZone() *time.Location {
	zone, err := config.MedfordWater().Location()
	if err != nil {
		panic(err)
	}
	return zone
}

// ExtraAccountNumber is the number of the i-th of Options.ExtraAccounts (from 0).
func ExtraAccountNumber(i int) string { return fmt.Sprintf("9%07d-%07d", i, i) }

// extraSeeds are n accounts like the plain demo one: not registered, nothing from
// the old portal, ZIP 97501, $50.00 due in 15 days.
func extraSeeds(n int) []demoSeed {
	seeds := make([]demoSeed, n)
	for i := range seeds {
		seeds[i] = demoSeed{
			DemoAccount: DemoAccount{Number: ExtraAccountNumber(i), PostalCode: "97501", Situation: "Not registered (extra account)."},
			address:     "•••• N Riverside Ave", amountDueCents: 5000, dueInDays: 15,
		}
	}
	return seeds
}

// Stats returns the counts of actions performed so far.
func (s *Sim) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// SessionActive reports whether token is a session that is neither expired nor revoked.
func (s *Sim) SessionActive(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.activeSession(token) != nil
}

// forgetEndedSessions drops the sessions that expired or were revoked: no
// request can use them again (an unknown token is answered as an ended one), and
// kept they would pile up for the life of the portal. Called with s.mu held.
func (s *Sim) forgetEndedSessions(now time.Time) {
	for token, sess := range s.sessions {
		if sess.revoked || !now.Before(sess.expiresAt) {
			delete(s.sessions, token)
		}
	}
}

// Outbox returns the emails "sent" so far (the latest 1000), oldest first.
func (s *Sim) Outbox() []client.OutboxMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.outbox)
}

// Heartbeats returns the heartbeats received so far (the latest 1000), oldest first.
func (s *Sim) Heartbeats() []client.Heartbeat {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.heartbeats)
	for i := range out {
		out[i].Counts = out[i].Counts.Clone()
	}
	return out
}

// Server is a Sim listening on a real TCP address.
type Server struct {
	URL string // e.g. http://127.0.0.1:41234 (no base path)

	httpServer *http.Server
	served     chan struct{}
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves the Sim in a goroutine
// until Close.
func (s *Sim) Start(addr string) (*Server, error) {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &Server{
		URL:        "http://" + listener.Addr().String(),
		httpServer: &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second},
		served:     make(chan struct{}),
	}
	go func() {
		defer close(srv.served)
		_ = srv.httpServer.Serve(listener)
	}()
	return srv, nil
}

// Close stops the server at once, closing its connections, and waits until it
// has stopped serving.
func (srv *Server) Close() error {
	err := srv.httpServer.Close()
	<-srv.served
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
