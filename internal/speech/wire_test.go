package speech

import (
	"bufio"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpeakBodyEscapesDotLinesAndEndsTheMessage(t *testing.T) {
	cases := map[string]string{
		"hello":               "hello\r\n.\r\n",
		".":                   "..\r\n.\r\n",
		"a\n.\nb":             "a\r\n..\r\nb\r\n.\r\n",
		"a\r\n.b":             "a\r\n..b\r\n.\r\n",
		"tab\tok\x00bell\x07": "tab\tok bell \r\n.\r\n",
		"lone\rreturn":        "lone return\r\n.\r\n",
	}
	for in, want := range cases {
		if got := speakBody(in); got != want {
			t.Errorf("speakBody(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadReply(t *testing.T) {
	cases := []struct {
		wire string
		want reply
	}{
		{"208 OK CLIENT NAME SET\r\n", reply{code: 208, text: "OK CLIENT NAME SET"}},
		{"225-21\r\n225 OK MESSAGE QUEUED\r\n", reply{code: 225, text: "OK MESSAGE QUEUED", data: []string{"21"}}},
		// An event notification before the reply is skipped.
		{"702-7\r\n702-1\r\n702 END\r\n213 OK CANCELED\r\n", reply{code: 213, text: "OK CANCELED"}},
		{"408 ERR UNKNOWN PRIORITY\r\n", reply{code: 408, text: "ERR UNKNOWN PRIORITY"}},
	}
	for _, c := range cases {
		got, err := readReply(bufio.NewReader(strings.NewReader(c.wire)))
		if err != nil {
			t.Errorf("%q: %v", c.wire, err)
			continue
		}
		if got.code != c.want.code || got.text != c.want.text || strings.Join(got.data, ",") != strings.Join(c.want.data, ",") {
			t.Errorf("%q: got %+v, want %+v", c.wire, got, c.want)
		}
		if got.ok() != (c.want.code < 300) {
			t.Errorf("%q: ok() = %v", c.wire, got.ok())
		}
	}
	for _, bad := range []string{"OK\r\n", "20 OK\r\n", "2x8 OK\r\n", "208+OK\r\n", "225-21\r\n"} {
		if _, err := readReply(bufio.NewReader(strings.NewReader(bad))); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestParseAddress(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/1000")
	cases := map[string]address{
		"unix_socket:/tmp/s.sock":    {network: "unix", target: "/tmp/s.sock"},
		"unix_socket":                {network: "unix", target: "/run/user/1000/speech-dispatcher/speechd.sock", fromDefault: true},
		"inet_socket:192.0.2.7:7000": {network: "tcp", target: "192.0.2.7:7000"},
		"inet_socket:speech.lan":     {network: "tcp", target: "speech.lan:6560"},
		"inet_socket":                {network: "tcp", target: "127.0.0.1:6560"},
	}
	for spec, want := range cases {
		got, err := parseAddress(spec)
		if err != nil || got != want {
			t.Errorf("parseAddress(%q) = %+v, %v; want %+v", spec, got, err, want)
		}
	}
	for _, bad := range []string{"unix_socket:relative/sock", "inet_socket:h:0", "inet_socket:h:x", "pipe:/x", "/tmp/s.sock"} {
		if _, err := parseAddress(bad); err == nil {
			t.Errorf("parseAddress(%q) accepted", bad)
		}
	}
}

func TestAddressPrecedence(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/1000")
	t.Setenv(AddressEnv, "")
	if a, _ := resolveAddress(""); a.target != "/run/user/1000/speech-dispatcher/speechd.sock" || !a.fromDefault {
		t.Errorf("default: %+v", a)
	}
	t.Setenv(AddressEnv, "unix_socket:/env.sock")
	if a, _ := resolveAddress(""); a.target != "/env.sock" || a.fromDefault {
		t.Errorf("from %s: %+v", AddressEnv, a)
	}
	if a, _ := resolveAddress("unix_socket:/explicit.sock"); a.target != "/explicit.sock" {
		t.Errorf("explicit: %+v", a)
	}
	t.Setenv(AddressEnv, "")
	t.Setenv("XDG_RUNTIME_DIR", "")
	t.Setenv("HOME", "/home/kiosk")
	if a, _ := resolveAddress(""); a.target != "/home/kiosk/.cache/speech-dispatcher/speechd.sock" {
		t.Errorf("without XDG_RUNTIME_DIR: %+v", a)
	}
}

// scriptedServer answers each command line (and a SPEAK body as a whole) with
// the next reply line of its script, then goes silent: a stand-in for a
// misbehaving daemon. It returns its SPEECHD_ADDRESS.
func scriptedServer(t *testing.T, replies ...string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ssip")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	sock := filepath.Join(dir, "sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		r := bufio.NewReader(conn)
		inBody := false
		for _, rep := range replies {
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if !inBody || line == ".\r\n" {
					inBody = strings.HasPrefix(rep, "230")
					break
				}
			}
			if _, err := conn.Write([]byte(rep + "\r\n")); err != nil {
				return
			}
		}
		_, _ = r.ReadString(0)
	}()
	return "unix_socket:" + sock
}
