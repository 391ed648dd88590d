package metrics

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/exporter-toolkit/web"
	"go.yaml.in/yaml/v2"

	"github.com/medfordwater/lobbykiosk/client"
)

// Server serves /metrics on a listener it holds open.
type Server struct {
	listener  net.Listener
	server    *http.Server
	webConfig string
	log       *slog.Logger
}

// Listen checks the access rule (CheckAccess), opens listen and returns the
// server, ready to Serve: a bad web config or a taken port is an error here,
// before the kiosk goes on.
func Listen(listen, webConfig string, m *Metrics, log *slog.Logger) (*Server, error) {
	if err := CheckAccess(listen, webConfig); err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", listen)
	if err != nil {
		return nil, fmt.Errorf("metrics_listen %q: %w", listen, err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.Registry(), promhttp.HandlerOpts{
		EnableOpenMetrics: true,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		Timeout:           10 * time.Second,
	}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	return &Server{listener: l, server: srv, webConfig: webConfig, log: log}, nil
}

// Addr is the address the server listens on (the port chosen for ":0").
func (s *Server) Addr() net.Addr { return s.listener.Addr() }

// Serve answers scrapes until ctx ends, then closes the listener and waits up
// to five seconds for scrapes under way. Its error is nil after ctx ended.
func (s *Server) Serve(ctx context.Context) error {
	served := make(chan error, 1)
	go func() {
		served <- web.Serve(s.listener, s.server, &web.FlagConfig{WebConfigFile: &s.webConfig}, s.log)
	}()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.server.Shutdown(shutdown)
	if served := <-served; !errors.Is(served, http.ErrServerClosed) {
		err = errors.Join(err, served)
	}
	return err
}

// CheckAccess is the rule a metrics address and its web config must meet:
// listen is host:port; a host other than loopback ("localhost", 127.0.0.0/8,
// ::1; "" or 0.0.0.0 is every address) needs a web config that turns on TLS and
// asks who is scraping (basic auth users, or client certificates it verifies).
// The web config, when given, must be one the exporter toolkit accepts.
func CheckAccess(listen, webConfig string) error {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("metrics_listen %q must be host:port, e.g. 127.0.0.1:9464: %w", listen, err)
	}
	if webConfig != "" {
		if err := web.Validate(webConfig); err != nil {
			return fmt.Errorf("metrics_web_config %s: %w", webConfig, err)
		}
	}
	if client.IsLoopbackHost(host) {
		return nil
	}
	tls, authenticated, err := guarded(webConfig)
	if err != nil {
		return fmt.Errorf("metrics_web_config %s: %w", webConfig, err)
	}
	if !tls || !authenticated {
		return fmt.Errorf("metrics_listen %q is not a loopback address: metrics_web_config must name an exporter-toolkit "+
			"web config with TLS (tls_server_config) and basic_auth_users or verified client certificates "+
			"(client_auth_type: RequireAndVerifyClientCert)", listen)
	}
	return nil
}

// guarded reports whether the web config at path turns on TLS and whether it
// asks scrapers who they are. No path is neither.
func guarded(path string) (tls, authenticated bool, err error) {
	if path == "" {
		return false, false, nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return false, false, err
	}
	var c web.Config
	if err := yaml.UnmarshalStrict(raw, &c); err != nil {
		return false, false, err
	}
	c.TLSConfig.SetDirectory(filepath.Dir(path))
	_, tlsErr := web.ConfigToTLSConfig(&c.TLSConfig)
	clientCerts := c.TLSConfig.ClientAuth == "RequireAndVerifyClientCert"
	return tlsErr == nil, len(c.Users) > 0 || clientCerts, nil
}
