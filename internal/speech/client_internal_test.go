package speech

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/speech/speechdtest"
)

// A refusal (4xx, 5xx) comes back as a *ReplyError with the code, and leaves
// the connection usable: the exchange stayed in step.
func TestRefusalIsAReplyErrorAndTheConnectionGoesOn(t *testing.T) {
	d := speechdtest.Start(t)
	c, err := New(Options{Address: d.Address})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	for _, line := range []string{"SET self PRIORITY bogus", "NO SUCH COMMAND"} {
		err := c.do(ctx, func() error { _, err := c.command(line); return err })
		var refused *ReplyError
		if !errors.As(err, &refused) {
			t.Fatalf("%q: got %v, want a *ReplyError", line, err)
		}
		if refused.Code < 400 || refused.Code > 599 || refused.Command != line {
			t.Errorf("%q: %+v", line, refused)
		}
	}
	if err := c.Speak(ctx, "still here", "en"); err != nil {
		t.Fatal(err)
	}
	if heard := d.WaitHeard(t, 1, 5*time.Second); heard[0].Text != "still here" {
		t.Errorf("heard %+v", heard)
	}
}

// The words of a message never appear in an error, whatever fails: they may
// be an account or card number, and errors end up in logs.
func TestErrorsNeverQuoteTheMessage(t *testing.T) {
	refuseBody := scriptedServer(t, "208 OK CLIENT NAME SET", "202 OK PRIORITY SET", "201 OK LANGUAGE SET",
		"230 OK RECEIVING DATA", "301 ERR MESSAGE TOO LONG")
	unreachable := "unix_socket:/nonexistent/sock"
	for _, addr := range []string{refuseBody, unreachable} {
		c, err := New(Options{Address: addr, Timeout: 500 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		err = c.Speak(context.Background(), "card 4111111111111111", "en")
		if err == nil || strings.Contains(err.Error(), "4111") {
			t.Errorf("%s: error %v", addr, err)
		}
	}
}
