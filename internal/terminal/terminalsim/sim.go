// Package terminalsim is a card terminal simulator: it speaks nexo as Adyen's
// Terminal API local integration does (sealed JSON over HTTPS, POST /nexo),
// with a throw-away certificate, a demo key, practice cards and faults. It is
// what tests, the demo and training talk to instead of a real terminal.
package terminalsim

import (
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
)

// The demo key and terminal. Demo only: they are public, in this source, and
// a real terminal must never be given them.
const (
	DemoPassphrase    = "lobbykiosk-demo-only-terminal-passphrase"
	DemoKeyIdentifier = "LobbyKioskDemoKey"
	DemoKeyVersion    = 1
	DemoPOIID         = "V400m-000000042"
)

// DemoKey is the simulator's key: demo only.
func DemoKey() terminal.Key {
	return terminal.Key{Identifier: DemoKeyIdentifier, Version: DemoKeyVersion, Passphrase: DemoPassphrase}
}

// DefaultSlowDelay is how late the "slow" fault answers.
const DefaultSlowDelay = 5 * time.Second

// Options configure a Sim. Zero values take the defaults.
type Options struct {
	Faults    *Faults          // nil: none
	CAFile    string           // where to write the PEM of the CA the kiosk must trust; "": nowhere
	Key       terminal.Key     // default DemoKey()
	POIID     string           // default DemoPOIID
	Now       func() time.Time // time stamps of the answers; default clock.Wall
	SlowDelay time.Duration    // default DefaultSlowDelay
	Logger    *slog.Logger     // default slog.Default()
}

// Sim is a running simulator.
type Sim struct {
	opts   Options
	sealer *terminal.Sealer
	faults atomic.Pointer[Faults]
	good   authority // the certificate the kiosk is told to trust
	wrong  authority // the "wrongcert" fault's
	srv    *http.Server
	url    string

	reader  chan string // the card on the reader, if any
	closing chan struct{}

	mu      sync.Mutex
	current *transaction            // the one waiting for a card
	txns    map[string]*transaction // by reference key
	charges int
	seq     int
}

// Start listens on addr (e.g. "127.0.0.1:0") and serves until Close.
func Start(addr string, opts Options) (*Sim, error) {
	if opts.Key == (terminal.Key{}) {
		opts.Key = DemoKey()
	}
	if opts.POIID == "" {
		opts.POIID = DemoPOIID
	}
	if opts.Now == nil {
		opts.Now = clock.Wall
	}
	if opts.SlowDelay <= 0 {
		opts.SlowDelay = DefaultSlowDelay
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s := &Sim{opts: opts, reader: make(chan string, 1), closing: make(chan struct{}), txns: map[string]*transaction{}}
	s.faults.Store(opts.Faults)
	var err error
	if s.sealer, err = terminal.NewSealer(opts.Key); err != nil {
		return nil, err
	}
	if s.good, err = newAuthority("Lobby kiosk practice terminal CA"); err != nil {
		return nil, err
	}
	if s.wrong, err = newAuthority("Somebody else's CA"); err != nil {
		return nil, err
	}
	if opts.CAFile != "" {
		if err := os.WriteFile(opts.CAFile, s.good.caPEM, 0o644); err != nil {
			return nil, fmt.Errorf("terminalsim: writing the CA: %w", err)
		}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("terminalsim: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /nexo", s.serveNexo)
	s.controlRoutes(mux)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		// HTTP/1.1 only, as a terminal speaks it, and so that "lost" can drop a connection.
		TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){}}
	tlsConf := &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: s.certificate}
	s.url = "https://" + ln.Addr().String() + "/nexo"
	go func() { _ = s.srv.Serve(tls.NewListener(&faultyListener{Listener: ln, sim: s}, tlsConf)) }()
	return s, nil
}

// URL is the nexo endpoint, https://ADDR/nexo.
func (s *Sim) URL() string { return s.url }

// CAPEM is the PEM of the CA the kiosk must trust.
func (s *Sim) CAPEM() []byte { return s.good.caPEM }

// POIID is the simulated terminal's.
func (s *Sim) POIID() string { return s.opts.POIID }

// SetFaults replaces the faults.
func (s *Sim) SetFaults(f *Faults) { s.faults.Store(f) }

// Charges counts the payments approved: a test that a lost answer was not paid twice.
func (s *Sim) Charges() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.charges
}

// Waiting reports whether a payment or card read waits for a card.
func (s *Sim) Waiting() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current != nil
}

// Present puts a practice card on the reader: the waiting payment (or the next
// one) reads it.
func (s *Sim) Present(card string) error {
	if err := checkCard(card); err != nil {
		return err
	}
	select {
	case s.reader <- card:
		return nil
	default:
		return errors.New("terminalsim: a card is already on the reader")
	}
}

// Close stops the server and every waiting transaction.
func (s *Sim) Close() error {
	close(s.closing)
	return s.srv.Close()
}

func (s *Sim) strike(fault string) bool { return s.faults.Load().strike(fault) }

// certificate serves the trusted certificate, or the wrong one under "wrongcert".
func (s *Sim) certificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	if s.strike(FaultWrongCert) {
		return &s.wrong.leaf, nil
	}
	return &s.good.leaf, nil
}

// faultyListener closes connections at once under "unreachable".
type faultyListener struct {
	net.Listener
	sim *Sim
}

func (l *faultyListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil || !l.sim.strike(FaultUnreachable) {
			return c, err
		}
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetLinger(0) // a reset, as from a host that is not there
		}
		c.Close()
	}
}

// nextPOITxID numbers the terminal's transactions.
func (s *Sim) nextPOITxID() string {
	s.seq++
	return "SIM" + strconv.Itoa(s.seq)
}

// Cards lists the practice cards a visitor may present (the practice card
// reader's buttons).
func (s *Sim) Cards() []string { return Cards() }
