package client

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"
)

// Defaults of Options.
const (
	DefaultMaxBodyBytes   = 1 << 20
	DefaultActionTimeout  = 20 * time.Second
	DefaultMaxAttempts    = 3
	DefaultRetryBaseDelay = 200 * time.Millisecond
	DefaultRetryMaxDelay  = 2 * time.Second

	userAgent = "medfordwater-lobbykiosk"
)

// Options configure a Client. Zero values take the defaults above.
type Options struct {
	BaseURL        string        // portal origin, e.g. "https://services.example.org"; BasePath is appended
	KioskKey       string        // sent as "Authorization: Bearer <key>" on every request
	RootCAFile     string        // optional extra root CA (PEM), added to the system roots
	Logger         *slog.Logger  // default slog.Default(); everything logged is redacted
	MaxBodyBytes   int64         // cap on a response body; default 1 MiB
	ActionTimeout  time.Duration // deadline of one call when ctx has none; default 20s
	MaxAttempts    int           // attempts per call, first included; default 3
	RetryBaseDelay time.Duration // first backoff delay; default 200ms
	RetryMaxDelay  time.Duration // cap of a backoff delay; default 2s
	Observer       Observer      // told of every call once it is over; nil: no one
}

// Client calls the portal. It is safe for concurrent use.
type Client struct {
	rc   *resty.Client
	log  *slog.Logger
	opts Options
}

// New checks opts and returns a Client. The base URL must be https, except
// for a loopback host (127.0.0.0/8, ::1, "localhost"), which may use http.
func New(opts Options) (*Client, error) {
	opts = withDefaults(opts)
	base, err := checkBaseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	if err := CheckKioskKey(opts.KioskKey); err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	tlsConf, err := tlsConfig(opts.RootCAFile)
	if err != nil {
		return nil, err
	}
	c := &Client{log: opts.Logger, opts: opts}
	c.rc = c.newResty(base, tlsConf)
	return c, nil
}

// withDefaults fills the zero fields of opts.
func withDefaults(o Options) Options {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.ActionTimeout <= 0 {
		o.ActionTimeout = DefaultActionTimeout
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.RetryBaseDelay <= 0 {
		o.RetryBaseDelay = DefaultRetryBaseDelay
	}
	if o.RetryMaxDelay <= 0 {
		o.RetryMaxDelay = DefaultRetryMaxDelay
	}
	o.RetryMaxDelay = max(o.RetryMaxDelay, o.RetryBaseDelay)
	return o
}

// CheckBaseURL is the rule a portal origin must meet, which the config check
// applies to portal_url too: an absolute https URL (http only to a loopback
// host) without spaces round it, credentials, a query or a fragment.
func CheckBaseURL(raw string) error {
	_, err := checkBaseURL(raw)
	return err
}

// checkBaseURL parses the portal origin and returns it with BasePath appended.
func checkBaseURL(raw string) (string, error) {
	if raw != strings.TrimSpace(raw) {
		return "", errors.New("client: BaseURL must not have spaces round it")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "", errors.New("client: BaseURL must be an absolute URL such as https://portal.example.org")
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", errors.New("client: BaseURL must not contain credentials, a query or a fragment")
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !IsLoopbackHost(u.Hostname()) {
			return "", fmt.Errorf("client: BaseURL must use https for host %q (http is allowed only on loopback)", u.Hostname())
		}
	default:
		return "", fmt.Errorf("client: BaseURL scheme %q not supported: use https", u.Scheme)
	}
	return u.Scheme + "://" + u.Host + strings.TrimRight(u.Path, "/") + BasePath, nil
}

// IsLoopbackHost reports whether host is "localhost" or a loopback IP literal: the
// only hosts the portal may be reached on over plain http. A name that merely
// starts with "127." is not one.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// MaxKioskKeyLen caps a kiosk key: real keys are far shorter, and a bigger one
// is almost certainly a wrong file piped into provisioning.
const MaxKioskKeyLen = 4096

// CheckKioskKey is the one rule for a kiosk key, which provisioning applies
// before storing one: present, at most MaxKioskKeyLen bytes, printable ASCII
// without spaces (what a bearer token in a header can hold). Its messages never
// quote the key.
func CheckKioskKey(k string) error {
	switch {
	case k == "":
		return errors.New("the kiosk key is empty")
	case len(k) > MaxKioskKeyLen:
		return fmt.Errorf("the kiosk key is longer than %d bytes", MaxKioskKeyLen)
	case strings.ContainsFunc(k, func(r rune) bool { return r < 0x21 || r > 0x7e }):
		return errors.New("the kiosk key must be printable ASCII without spaces")
	}
	return nil
}

// tlsConfig requires TLS 1.2+ and adds the PEM roots of caFile, if any, to
// the system roots. resty's SetRootCertificate ignores bad PEM silently, so
// the pool is built and checked here.
func tlsConfig(caFile string) (*tls.Config, error) {
	conf := &tls.Config{MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return conf, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("client: reading RootCAFile: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("client: RootCAFile %q holds no valid PEM certificate", caFile)
	}
	conf.RootCAs = pool
	return conf, nil
}

// newResty builds the resty client: transport, auth, redirects, body limit,
// retries and the redacting logger. Debug mode is never enabled.
func (c *Client) newResty(base string, tlsConf *tls.Config) *resty.Client {
	tr := &http.Transport{Proxy: http.ProxyFromEnvironment, ForceAttemptHTTP2: true}
	if def, ok := http.DefaultTransport.(*http.Transport); ok {
		tr = def.Clone()
	}
	tr.TLSClientConfig = tlsConf
	rc := resty.New().
		SetLogger(restyLogger{c.log}).
		SetDebug(false).
		SetBaseURL(base).
		SetTransport(&loggingTransport{next: tr, log: c.log}).
		SetAuthToken(c.opts.KioskKey).
		SetHeader("User-Agent", userAgent).
		SetHeader("Accept", "application/json").
		SetRedirectPolicy(resty.RedirectPolicyFunc(refuseRedirects)).
		SetResponseBodyLimit(int(min(c.opts.MaxBodyBytes, 1<<30))).
		SetRetryCount(c.opts.MaxAttempts - 1).
		// resty clamps the delay of SetRetryAfter to [wait, maxWait]: open
		// the clamp so that c.retryDelay alone decides (it caps backoff at
		// RetryMaxDelay but may honour a longer Retry-After).
		SetRetryWaitTime(time.Nanosecond).
		SetRetryMaxWaitTime(24 * time.Hour).
		SetRetryAfter(c.retryDelay)
	return rc
}

// refuseRedirects refuses every redirect. The API has none, so one is a proxy or
// a hostile portal talking; following it would, for a 303, turn a payment into a
// GET whose answer looks like a receipt.
func refuseRedirects(*http.Request, []*http.Request) error { return errRedirect }

// NewIdempotencyKey returns a random key (128 bits from crypto/rand) for the
// Idempotency-Key header. Make one per visitor action and reuse it when the
// visitor retries that same action.
func NewIdempotencyKey() string {
	return rand.Text()
}

// withDeadline gives ctx the action timeout when it has no deadline.
func (c *Client) withDeadline(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx == nil {
		ctx = context.Background()
	}
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, c.opts.ActionTimeout)
}
