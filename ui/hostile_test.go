package ui

import (
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/certtest"
)

// hostileFront serves the simulator over TLS at a fixed loopback address and
// misbehaves where the simulator cannot, below HTTP: it can refuse connections
// (nothing listens) or present a certificate the kiosk does not trust, as a
// captive portal or an intercepting proxy on a lobby network does.
type hostileFront struct {
	t         testing.TB
	handler   http.Handler
	addr      string
	trusted   tls.Certificate
	untrusted tls.Certificate
	distrust  atomic.Bool // present the untrusted certificate

	mu  sync.Mutex
	srv *http.Server // nil while refusing
	wg  sync.WaitGroup
}

// newHostileFront returns a front option for harnessOptions that records the
// front it makes in *made.
func newHostileFront(made **hostileFront) func(t testing.TB, sim http.Handler) (string, string) {
	return func(t testing.TB, sim http.Handler) (string, string) {
		f := &hostileFront{t: t, handler: sim}
		trusted := certtest.SelfSigned(t, "trusted test portal")
		f.trusted, f.untrusted = trusted.TLS, certtest.SelfSigned(t, "untrusted interceptor").TLS
		ca := filepath.Join(t.TempDir(), "portal-ca.pem")
		if err := os.WriteFile(ca, trusted.CertPEM, 0o600); err != nil {
			t.Fatal(err)
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		f.addr = l.Addr().String()
		f.serveOn(l)
		t.Cleanup(f.refuse)
		*made = f
		return "https://" + f.addr, ca
	}
}

// serveOn answers on l until the next refuse.
func (f *hostileFront) serveOn(l net.Listener) {
	conf := &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: f.certificate}
	srv := &http.Server{Handler: f.handler, ReadHeaderTimeout: 5 * time.Second,
		ErrorLog: quietServerLog()} // refused handshakes are the point, not news
	f.mu.Lock()
	f.srv = srv
	f.mu.Unlock()
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		if err := srv.Serve(tls.NewListener(l, conf)); !errors.Is(err, http.ErrServerClosed) {
			f.t.Errorf("hostile front: %v", err)
		}
	}()
}

func (f *hostileFront) certificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	if f.distrust.Load() {
		return &f.untrusted, nil
	}
	return &f.trusted, nil
}

// refuse closes every connection and stops listening: connections are refused.
func (f *hostileFront) refuse() {
	f.mu.Lock()
	srv := f.srv
	f.srv = nil
	f.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
		f.wg.Wait()
	}
}

// listen answers again, on the same address.
func (f *hostileFront) listen() {
	f.t.Helper()
	l, err := net.Listen("tcp", f.addr)
	if err != nil {
		f.t.Fatalf("listening again on %s: %v", f.addr, err)
	}
	f.serveOn(l)
}

// presentUntrusted switches the certificate and drops every open connection, so
// that the kiosk's next request makes a new TLS handshake.
func (f *hostileFront) presentUntrusted(on bool) {
	f.t.Helper()
	f.refuse()
	f.distrust.Store(on)
	f.listen()
}
