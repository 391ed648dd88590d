package terminal

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/clock"
)

// Defaults of Options.
const (
	DefaultPaymentTimeout  = 3 * time.Minute // a visitor finding a card in a bag
	DefaultRequestTimeout  = 15 * time.Second
	DefaultRecoveryTimeout = time.Minute
	DefaultStatusInterval  = 2 * time.Second
	maxAnswerBytes         = 1 << 20
)

// Options configure a Client.
type Options struct {
	URL             string           // the terminal's endpoint, https://HOST:8443/nexo
	CAFile          string           // PEM: the CA (or the certificate) the terminal's TLS certificate must chain to
	ServerName      string           // the name its certificate is checked against; default the URL's host
	POIID           string           // the terminal, e.g. "V400m-123456789"
	SaleID          string           // this kiosk, as the terminal knows it
	Key             Key              // identifier and version from the config, passphrase from the keyring
	Currency        string           // ISO 4217; default "USD"
	Journal         *Journal         // required by Pay
	Now             func() time.Time // stamps the messages; default clock.Wall
	Logger          *slog.Logger     // default slog.Default(); nothing logged names a card, an account or the key
	PaymentTimeout  time.Duration    // Pay's and Tokenise's wait when ctx has no deadline
	RequestTimeout  time.Duration    // other calls' wait when ctx has no deadline
	RecoveryTimeout time.Duration    // how long Pay asks for the status after a lost answer
	StatusInterval  time.Duration    // between two status requests of a recovery
}

// Client is the nexo adapter of Terminal: one terminal over local HTTPS.
// It is safe for concurrent use.
//
// It uses net/http, not resty as the portal client does: resty earns its place
// there with retries, and a payment must never be retried (nexo's rule is to
// ask for the status instead); and the client needs httptrace to know whether
// a request left, which decides between "nothing happened" and "ask".
type Client struct {
	opts   Options
	url    string
	http   *http.Client
	sealer *Sealer

	mu       sync.Mutex
	category map[string]string // transaction ID → category of the request in flight, for Abort
}

var _ Terminal = (*Client)(nil)

// New checks opts, loads the trusted CA and derives the key.
func New(opts Options) (*Client, error) {
	opts = withDefaults(opts)
	u, err := url.Parse(opts.URL)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.RawQuery != "" {
		return nil, errors.New("terminal: URL must be https://HOST:PORT/PATH without credentials or a query")
	}
	if opts.POIID == "" || opts.SaleID == "" {
		return nil, errors.New("terminal: POIID and SaleID are required")
	}
	tlsConf, err := trustOnly(opts.CAFile, opts.ServerName)
	if err != nil {
		return nil, err
	}
	sealer, err := NewSealer(opts.Key)
	if err != nil {
		return nil, err
	}
	// No proxy: the terminal is on the lobby's own network, and a payment
	// must not wander through whatever HTTPS_PROXY says. No retries either:
	// net/http replays a POST only when nothing of it was written.
	tr := &http.Transport{TLSClientConfig: tlsConf, ForceAttemptHTTP2: false, MaxIdleConns: 2,
		IdleConnTimeout: 30 * time.Second, TLSHandshakeTimeout: 10 * time.Second, MaxResponseHeaderBytes: 16 << 10}
	return &Client{opts: opts, url: u.String(), sealer: sealer, category: map[string]string{},
		http: &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}, nil
}

func withDefaults(o Options) Options {
	if o.Currency == "" {
		o.Currency = "USD"
	}
	if o.Now == nil {
		o.Now = clock.Wall
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	o.PaymentTimeout = orDefault(o.PaymentTimeout, DefaultPaymentTimeout)
	o.RequestTimeout = orDefault(o.RequestTimeout, DefaultRequestTimeout)
	o.RecoveryTimeout = orDefault(o.RecoveryTimeout, DefaultRecoveryTimeout)
	o.StatusInterval = orDefault(o.StatusInterval, DefaultStatusInterval)
	return o
}

// orDefault is d, or def when d is not set.
func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// trustOnly trusts the certificates of caFile and nothing else: a terminal's
// certificate comes from its vendor's CA, never from a public one.
func trustOnly(caFile, serverName string) (*tls.Config, error) {
	if caFile == "" {
		return nil, errors.New("terminal: a CA file for the terminal's certificate is required")
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("terminal: reading the CA file: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("terminal: CA file %q holds no PEM certificate", caFile)
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: pool, ServerName: serverName}, nil
}

// header is a new request header of the given category.
func (c *Client) header(category, serviceID string) MessageHeader {
	return MessageHeader{ProtocolVersion: ProtocolVersion, MessageClass: "Service", MessageCategory: category,
		MessageType: "Request", ServiceID: serviceID, SaleID: c.opts.SaleID, POIID: c.opts.POIID}
}

// timestamp is the time stamp of a transaction the kiosk starts.
func (c *Client) timestamp() string { return c.opts.Now().UTC().Format(time.RFC3339Nano) }

// exchange sends req and returns the terminal's answer, checked: sealed with
// our key, one message, echoing req's header. A nil answer is an empty body.
// Errors: ErrUnreachable when nothing was sent, else ErrNoAnswer wrapping why.
func (c *Client) exchange(ctx context.Context, req SaleToPOIRequest) (*SaleToPOIResponse, error) {
	start := time.Now()
	resp, err := c.roundTrip(ctx, req)
	c.opts.Logger.Debug("terminal exchange", "category", req.MessageHeader.MessageCategory,
		"service_id", req.MessageHeader.ServiceID, "took", time.Since(start), "error", err)
	return resp, err
}

func (c *Client) roundTrip(ctx context.Context, req SaleToPOIRequest) (*SaleToPOIResponse, error) {
	body, err := SealEnvelope(c.sealer, Envelope{SaleToPOIRequest: &req})
	if err != nil {
		return nil, err
	}
	var wrote atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { wrote.Store(true) },
	})
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("terminal: %w", err)
	}
	hreq.Header.Set("Content-Type", "application/json")
	hresp, err := c.http.Do(hreq)
	if err != nil {
		if !wrote.Load() {
			return nil, fmt.Errorf("%w (%w)", ErrUnreachable, transportCause(err))
		}
		return nil, fmt.Errorf("%w: %w", ErrNoAnswer, transportCause(err))
	}
	defer hresp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(hresp.Body, maxAnswerBytes+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrNoAnswer, transportCause(err))
	case hresp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%w: HTTP status %d", ErrNoAnswer, hresp.StatusCode)
	case len(answer) > maxAnswerBytes:
		return nil, fmt.Errorf("%w: %w: answer over %d bytes", ErrNoAnswer, ErrMalformed, maxAnswerBytes)
	case len(bytes.TrimSpace(answer)) == 0:
		return nil, nil
	}
	return c.check(req.MessageHeader, answer)
}

// check opens an answer and holds it to the request's header.
func (c *Client) check(asked MessageHeader, answer []byte) (*SaleToPOIResponse, error) {
	env, err := OpenEnvelope(c.sealer, answer)
	if err == nil && env.SaleToPOIResponse == nil {
		err = fmt.Errorf("%w: a request where an answer was due", ErrMalformed)
	}
	if err == nil {
		err = CheckEcho(asked, env.SaleToPOIResponse.MessageHeader)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoAnswer, err)
	}
	return env.SaleToPOIResponse, nil
}

// transportCause drops the *url.Error layer, whose text holds the URL.
func transportCause(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// withDeadline gives ctx the timeout d when it has none.
func withDeadline(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}

// POIID is the terminal this client talks to, as configured.
func (c *Client) POIID() string { return c.opts.POIID }

// Recorded clears payment txID from the journal once the portal has recorded
// it: nothing is left for the next start to recover.
func (c *Client) Recorded(txID string) error {
	if c.opts.Journal == nil {
		return errors.New("terminal: no journal")
	}
	return c.opts.Journal.Done(txID)
}
