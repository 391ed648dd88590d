package speech

import (
	"bufio"
	"fmt"
	"strings"
)

// The wire format of SSIP, the Speech Synthesis Interface Protocol
// (speech-dispatcher's doc/ssip.texi). There is no maintained SSIP client for
// Go, and the protocol is a few line rules, so the kiosk speaks it itself
// rather than going through cgo to libspeechd:
//   - a command is one UTF-8 line ending in CRLF;
//   - SPEAK is answered 230, then takes a body of lines ended by CRLF "." CRLF,
//     a body line starting with "." getting one more "." in front;
//   - a reply is one or more lines "NNN-text" ended by a line "NNN text";
//     1xx and 2xx are success, 3xx a server error, 4xx and 5xx a client error,
//     7xx asynchronous event notifications (the kiosk turns none on).

// ReplyError is a reply other than success. It names the command but never
// the text that was to be spoken, which may be private.
type ReplyError struct {
	Command string // the command's verb and arguments, never a SPEAK body
	Code    int
	Text    string // the server's words after the code
}

func (e *ReplyError) Error() string {
	return fmt.Sprintf("speech-dispatcher answered %q with %d %s", e.Command, e.Code, e.Text)
}

// reply is a complete answer: its final code and the data lines before it
// (e.g. a message id, a list).
type reply struct {
	code int
	text string
	data []string
}

func (r reply) ok() bool { return r.code >= 100 && r.code < 300 }

// readReply reads one reply, skipping event notifications (7xx), which the
// server may send between replies.
func readReply(r *bufio.Reader) (reply, error) {
	var got reply
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return reply{}, err
		}
		line = strings.TrimRight(line, "\r\n")
		code, last, text, err := parseReplyLine(line)
		if err != nil {
			return reply{}, err
		}
		if code >= 700 && code < 800 {
			continue
		}
		if !last {
			got.data = append(got.data, text)
			continue
		}
		got.code, got.text = code, text
		return got, nil
	}
}

// parseReplyLine splits "NNN-text" (more follows) or "NNN text" (the last line).
func parseReplyLine(line string) (code int, last bool, text string, err error) {
	if len(line) < 4 || (line[3] != '-' && line[3] != ' ') {
		return 0, false, "", fmt.Errorf("speech-dispatcher sent a malformed reply line %q", truncate(line))
	}
	for _, c := range line[:3] {
		if c < '0' || c > '9' {
			return 0, false, "", fmt.Errorf("speech-dispatcher sent a malformed reply code %q", truncate(line))
		}
		code = code*10 + int(c-'0')
	}
	return code, line[3] == ' ', line[4:], nil
}

func truncate(s string) string {
	const max = 40
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}

// speakBody is text as a SPEAK body: every line break as CRLF, a line starting
// with "." escaped with another ".", and the closing "." line. Other control
// characters become spaces: they mean nothing to a voice and some would reach
// the output module's shell-like protocols verbatim.
func speakBody(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 8)
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if i > 0 {
			b.WriteString("\r\n")
		}
		if strings.HasPrefix(line, ".") {
			b.WriteByte('.')
		}
		for _, r := range line {
			if r < 0x20 && r != '\t' || r == 0x7f {
				r = ' '
			}
			b.WriteRune(r)
		}
	}
	b.WriteString("\r\n.\r\n")
	return b.String()
}
