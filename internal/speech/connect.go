package speech

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// dial connects, starting the daemon first if allowed and needed.
func (c *Client) dial(ctx context.Context) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, c.addr.network, c.addr.target)
	if err != nil && c.autospawn && ctx.Err() == nil && time.Since(c.spawnFailed) > spawnBackoff {
		if spawnErr := c.spawn(ctx); spawnErr != nil {
			c.spawnFailed = time.Now()
			return fmt.Errorf("speech: %s: %w (and starting speech-dispatcher failed: %v)", c.addr, err, spawnErr)
		}
		conn, err = d.DialContext(ctx, c.addr.network, c.addr.target)
	}
	if err != nil {
		return fmt.Errorf("speech: cannot reach speech-dispatcher at %s: %w", c.addr, err)
	}
	c.conn, c.r = conn, bufio.NewReader(conn)
	c.sentLang, c.sentPriority = "", ""
	return nil
}

// spawn starts the user's speech-dispatcher on the default socket, the way
// libspeechd's autospawn does; it returns once the daemon listens.
func (c *Client) spawn(ctx context.Context) error {
	cmd := exec.CommandContext(ctx, "speech-dispatcher", "--spawn",
		"--communication-method", "unix_socket", "--socket-path", c.addr.target)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%w: %s", err, lastLine(string(out)))
	}
	return nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return truncate(lines[len(lines)-1])
}

// connectionLost tells a daemon that went away (restarted, crashed) from a
// timeout or a refusal: only the former is worth one reconnection.
func connectionLost(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT) ||
		errors.Is(err, os.ErrNotExist) || errors.Is(err, net.ErrClosed)
}
