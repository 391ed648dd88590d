package speech

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os/user"
	"regexp"
	"strings"
	"sync"
	"time"
)

// DefaultTimeout bounds each call when Options.Timeout is zero: long enough for
// a loaded machine's round trip over a local socket (well under a millisecond
// normally), short enough that a hung daemon never freezes a screen.
const DefaultTimeout = 2 * time.Second

// spawnBackoff is how long a failed start of the daemon keeps the client
// from trying again.
const spawnBackoff = 30 * time.Second

// ErrClosed is returned by calls after Close.
var ErrClosed = errors.New("speech: client closed")

// Options configure a Client. The zero value talks to the user's own
// speech-dispatcher ($SPEECHD_ADDRESS, else the default socket).
type Options struct {
	// Address is "unix_socket:PATH" or "inet_socket:HOST:PORT"; empty means
	// $SPEECHD_ADDRESS, else $XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock
	// (else ~/.cache/speech-dispatcher/speechd.sock).
	Address string
	// Component is the last part of the SSIP client name
	// (user:lobbykiosk:component); empty means "main".
	Component string
	// Timeout bounds every call, connecting included; zero means DefaultTimeout.
	Timeout time.Duration
	// Autospawn starts speech-dispatcher (as libspeechd clients do) when the
	// default socket does not answer. Never for an explicit address: that one
	// belongs to whoever configured it.
	Autospawn bool
}

// Client is a Speaker talking SSIP to speech-dispatcher over one connection.
// It is safe for concurrent use: calls are serialised, as SSIP requires (one
// command, then its whole reply). The connection is made on first use; if the
// daemon restarted, the next call reconnects once, restores the client's
// rate and volume, and retries.
type Client struct {
	addr      address
	name      string
	timeout   time.Duration
	autospawn bool

	mu     sync.Mutex
	conn   net.Conn
	r      *bufio.Reader
	closed bool
	// spawnFailed is when starting the daemon last failed: a daemon that
	// cannot start (no sound server, a broken config) is not tried again for
	// spawnBackoff, so a kiosk speaking on every key press is not slowed by
	// a failing start each time.
	spawnFailed time.Time
	// What this connection was last told; empty means "not yet", so a new
	// connection gets them again before the next message.
	sentLang     string
	sentPriority Priority
	// What the caller asked for, re-sent to a new connection.
	rate, volume       int
	rateSet, volumeSet bool
}

var _ Speaker = (*Client)(nil)

// New returns a client for the configured address. It does not connect: the
// first call does, so a kiosk starts even while speech is unavailable. Use
// Check to find out whether speech works.
func New(opts Options) (*Client, error) {
	addr, err := resolveAddress(opts.Address)
	if err != nil {
		return nil, err
	}
	component := opts.Component
	if component == "" {
		component = "main"
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Client{
		addr:      addr,
		name:      clientName(component),
		timeout:   timeout,
		autospawn: opts.Autospawn && addr.fromDefault,
	}, nil
}

// nameUnsafe matches what SSIP forbids in a part of a client name.
var nameUnsafe = regexp.MustCompile(`[^A-Za-z0-9_-]`)

// clientName is "user:lobbykiosk:component", the form speech-dispatcher's
// per-client configuration and its logs key on.
func clientName(component string) string {
	who := "unknown"
	if u, err := user.Current(); err == nil && u.Username != "" {
		who = u.Username
	}
	clean := func(s string) string { return nameUnsafe.ReplaceAllString(s, "_") }
	return clean(who) + ":lobbykiosk:" + clean(component)
}

// Address is where the client connects, in SPEECHD_ADDRESS form.
func (c *Client) Address() string { return c.addr.String() }

// Speak queues text in lang at PriorityMessage.
func (c *Client) Speak(ctx context.Context, text, lang string) error {
	return c.SpeakAs(ctx, PriorityMessage, text, lang)
}

// SpeakAs queues text in lang at priority p. Blank text is not sent.
func (c *Client) SpeakAs(ctx context.Context, p Priority, text, lang string) error {
	if !p.valid() {
		return fmt.Errorf("speech: unknown priority %q", p)
	}
	tag, err := VoiceLanguage(lang)
	if err != nil {
		return err
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	return c.do(ctx, func() error {
		if c.sentPriority != p {
			if _, err := c.command("SET self PRIORITY " + string(p)); err != nil {
				return err
			}
			c.sentPriority = p
		}
		if c.sentLang != tag {
			if _, err := c.command("SET self LANGUAGE " + tag); err != nil {
				return err
			}
			c.sentLang = tag
		}
		if _, err := c.command("SPEAK"); err != nil {
			return err
		}
		return c.send("SPEAK", speakBody(text))
	})
}

// Cancel stops the message being said and drops the queued ones (CANCEL self).
func (c *Client) Cancel() error { return c.simple("CANCEL self") }

// Stop stops only the message being said; queued ones follow (STOP self).
func (c *Client) Stop() error { return c.simple("STOP self") }

// Pause holds speech, queued messages included (PAUSE self).
func (c *Client) Pause() error { return c.simple("PAUSE self") }

// Resume continues after Pause (RESUME self).
func (c *Client) Resume() error { return c.simple("RESUME self") }

// SetRate sets the speech rate, MinLevel..MaxLevel; it stays set across reconnects.
func (c *Client) SetRate(rate int) error {
	return c.setLevel("RATE", rate, &c.rate, &c.rateSet)
}

// SetVolume sets the volume, MinLevel..MaxLevel; it stays set across reconnects.
func (c *Client) SetVolume(volume int) error {
	return c.setLevel("VOLUME", volume, &c.volume, &c.volumeSet)
}

func (c *Client) setLevel(param string, v int, want *int, wantSet *bool) error {
	if v < MinLevel || v > MaxLevel {
		return fmt.Errorf("speech: %s %d is outside %d..%d", strings.ToLower(param), v, MinLevel, MaxLevel)
	}
	return c.do(context.Background(), func() error {
		if _, err := c.command(fmt.Sprintf("SET self %s %d", param, v)); err != nil {
			return err
		}
		*want, *wantSet = v, true
		return nil
	})
}

// Status is what Check found.
type Status struct {
	Address      string // where the daemon answered
	OutputModule string // the synthesizer it uses by default, e.g. "espeak-ng"
}

// Check connects if needed and asks the daemon for its output module: the
// answer for `lobbykiosk check` and the staff status.
func (c *Client) Check(ctx context.Context) (Status, error) {
	var module string
	err := c.do(ctx, func() error {
		r, err := c.command("GET OUTPUT_MODULE")
		if err == nil && len(r.data) > 0 {
			module = r.data[0]
		}
		return err
	})
	return Status{Address: c.addr.String(), OutputModule: module}, err
}

// Close says goodbye (QUIT) and closes the connection; later calls return ErrClosed.
func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	if c.conn == nil {
		return nil
	}
	_ = c.conn.SetDeadline(time.Now().Add(c.timeout))
	_, _ = c.command("QUIT")
	err := c.conn.Close()
	c.conn = nil
	return err
}

func (c *Client) simple(line string) error {
	return c.do(context.Background(), func() error {
		_, err := c.command(line)
		return err
	})
}

// do runs one exchange under the lock, connecting first if needed, within
// ctx and the client's timeout. A connection an exchange failed on is closed,
// since its replies may be out of step. If a connection that was already open
// turns out dead (the daemon restarted), it reconnects and retries once.
func (c *Client) do(ctx context.Context, exchange func() error) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return ErrClosed
	}
	reused := c.conn != nil
	err := c.attempt(ctx, exchange)
	if err != nil && reused && connectionLost(err) && ctx.Err() == nil {
		err = c.attempt(ctx, exchange)
	}
	return err
}

func (c *Client) attempt(ctx context.Context, exchange func() error) error {
	fresh := c.conn == nil
	if fresh {
		if err := c.dial(ctx); err != nil {
			return err
		}
	}
	deadline, _ := ctx.Deadline()
	_ = c.conn.SetDeadline(deadline)
	// A cancelled ctx ends a blocked read or write at once. If the cancel
	// races the end of the exchange, wait for it so that its past deadline
	// cannot land on the next call.
	conn, expired := c.conn, make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		_ = conn.SetDeadline(time.Unix(1, 0))
		close(expired)
	})
	var err error
	introduced := true
	if fresh {
		err = c.introduce()
		introduced = err == nil
	}
	if err == nil {
		err = exchange()
	}
	if !stop() {
		<-expired
	}
	if err == nil {
		return nil
	}
	var replyErr *ReplyError
	if errors.As(err, &replyErr) && introduced {
		return err // a refusal; the connection is in step
	}
	c.drop()
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("speech: %s: %w", c.addr, ctxErr)
	}
	return fmt.Errorf("speech: %s: %w", c.addr, err)
}

// introduce names the client on a new connection and restores the rate and
// volume the caller set: a new daemon knows nothing of the old connection.
func (c *Client) introduce() error {
	setup := []string{"SET self CLIENT_NAME " + c.name}
	if c.rateSet {
		setup = append(setup, fmt.Sprintf("SET self RATE %d", c.rate))
	}
	if c.volumeSet {
		setup = append(setup, fmt.Sprintf("SET self VOLUME %d", c.volume))
	}
	for _, line := range setup {
		if _, err := c.command(line); err != nil {
			return err
		}
	}
	return nil
}

func (c *Client) drop() {
	if c.conn != nil {
		_ = c.conn.Close()
	}
	c.conn, c.r = nil, nil
}

// command sends one command line and reads its reply; a reply other than
// success is a *ReplyError.
func (c *Client) command(line string) (reply, error) {
	if _, err := io.WriteString(c.conn, line+"\r\n"); err != nil {
		return reply{}, err
	}
	return c.answer(line)
}

// send writes a SPEAK body and reads the reply that queues it.
func (c *Client) send(verb, body string) error {
	if _, err := io.WriteString(c.conn, body); err != nil {
		return err
	}
	_, err := c.answer(verb)
	return err
}

func (c *Client) answer(command string) (reply, error) {
	r, err := readReply(c.r)
	if err != nil {
		return r, err
	}
	if !r.ok() {
		return r, &ReplyError{Command: command, Code: r.code, Text: r.text}
	}
	return r, nil
}
