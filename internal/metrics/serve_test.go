package metrics

import (
	"crypto/tls"
	"crypto/x509"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/certtest"
)

const scrapePassword = "scrape-test-password"

// webConfig copies testdata/name into a directory of its own, beside a new
// certificate for 127.0.0.1 and its key, and returns the copy's path and a
// pool that trusts the certificate.
func webConfig(t *testing.T, name string) (string, *x509.CertPool) {
	t.Helper()
	dir := t.TempDir()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	cert := certtest.SelfSigned(t, "lobby-1")
	cert.Write(t, filepath.Join(dir, "kiosk.crt"), filepath.Join(dir, "kiosk.key"))
	return path, cert.Pool()
}

// With the web config, /metrics is served over TLS to a scraper with the
// password, and to no one else.
func TestTLSAndBasicAuthGuardTheScrape(t *testing.T) {
	m, _ := newTestMetrics()
	path, pool := webConfig(t, "web-config.yml")
	addr := serve(t, m, path)
	https := &http.Client{Timeout: 10 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}

	req, _ := http.NewRequest(http.MethodGet, "https://"+addr+"/metrics", nil)
	req.SetBasicAuth("prometheus", scrapePassword)
	if text := scrapeText(t, https, req); !strings.Contains(text, "lobbykiosk_printer_ready 0") {
		t.Errorf("the authenticated scrape lacks lobbykiosk_printer_ready 0:\n%s", text)
	}

	for what, req := range map[string]*http.Request{
		"no password":    mustRequest(t, "https://"+addr+"/metrics", ""),
		"wrong password": mustRequest(t, "https://"+addr+"/metrics", "guess"),
	} {
		resp, err := https.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s: %s, want 401", what, resp.Status)
		}
	}
	resp, err := http.DefaultClient.Do(mustRequest(t, "http://"+addr+"/metrics", scrapePassword))
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Error("plain http was answered with the metrics")
		}
	}
}

func mustRequest(t *testing.T, url, password string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if password != "" {
		req.SetBasicAuth("prometheus", password)
	}
	return req
}

// An address beyond loopback is refused unless the web config has TLS and
// asks who scrapes; the error names both keys. Loopback needs neither.
func TestANonLoopbackAddressNeedsTLSAndAuth(t *testing.T) {
	full, _ := webConfig(t, "web-config.yml")
	authOnly, _ := webConfig(t, "web-config-auth-only.yml")
	tlsOnly, _ := webConfig(t, "web-config-tls-only.yml")
	for _, tc := range []struct {
		listen, webConfig string
		ok                bool
	}{
		{"127.0.0.1:9464", "", true},
		{"localhost:9464", "", true},
		{"[::1]:9464", "", true},
		{"127.0.0.1:9464", authOnly, true},
		{"192.0.2.10:9464", full, true},
		{":9464", full, true},
		{"0.0.0.0:9464", "", false},
		{":9464", "", false},
		{"192.0.2.10:9464", authOnly, false},
		{"192.0.2.10:9464", tlsOnly, false},
		{"kiosk.lobby.example:9464", "", false},
	} {
		err := CheckAccess(tc.listen, tc.webConfig)
		if tc.ok != (err == nil) {
			t.Errorf("CheckAccess(%q, %s): %v, want accepted %v", tc.listen, filepath.Base(tc.webConfig), err, tc.ok)
		}
		if err != nil && !(strings.Contains(err.Error(), "metrics_listen") && strings.Contains(err.Error(), "metrics_web_config")) {
			t.Errorf("the refusal does not name both keys: %v", err)
		}
	}
	m, _ := newTestMetrics()
	if s, err := Listen("0.0.0.0:0", "", m, slog.New(slog.DiscardHandler)); err == nil {
		s.listener.Close()
		t.Error("Listen opened every address without TLS")
	}
}

// A web config the exporter toolkit would refuse is refused at Listen, naming it.
func TestABrokenWebConfigIsRefusedAtListen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "web.yml")
	if err := os.WriteFile(path, []byte("tls_server_config:\n  cert_file: missing.crt\n  key_file: missing.key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m, _ := newTestMetrics()
	_, err := Listen("127.0.0.1:0", path, m, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "metrics_web_config") {
		t.Errorf("a web config naming missing files: %v", err)
	}
}
