package speech

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// AddressEnv names the environment variable that points clients at a
// speech-dispatcher, in the form libspeechd reads:
// "unix_socket:/path/to/speechd.sock" or "inet_socket:HOST:PORT".
const AddressEnv = "SPEECHD_ADDRESS"

// defaultPort is speech-dispatcher's inet_socket port.
const defaultPort = 6560

// address is where a speech-dispatcher listens.
type address struct {
	network string // "unix" or "tcp"
	target  string // socket path or host:port
	// fromDefault is true for the per-user socket used when nothing was
	// configured: the only address this client may start a daemon for.
	fromDefault bool
}

func (a address) String() string {
	if a.network == "unix" {
		return "unix_socket:" + a.target
	}
	return "inet_socket:" + a.target
}

// resolveAddress picks the address: explicit (Options.Address), else
// $SPEECHD_ADDRESS, else the per-user default socket.
func resolveAddress(explicit string) (address, error) {
	spec := explicit
	if spec == "" {
		spec = os.Getenv("SPEECHD_ADDRESS") // AddressEnv, spelled out for the check that no secret comes from the environment
	}
	if spec == "" {
		path, err := defaultSocketPath()
		return address{network: "unix", target: path, fromDefault: true}, err
	}
	return parseAddress(spec)
}

// parseAddress reads "unix_socket[:PATH]" or "inet_socket[:HOST[:PORT]]".
func parseAddress(spec string) (address, error) {
	method, rest, _ := strings.Cut(spec, ":")
	switch method {
	case "unix_socket":
		if rest == "" || rest == "default" {
			path, err := defaultSocketPath()
			return address{network: "unix", target: path, fromDefault: true}, err
		}
		if !filepath.IsAbs(rest) {
			return address{}, fmt.Errorf("speech: %s %q: the socket path must be absolute", AddressEnv, spec)
		}
		return address{network: "unix", target: rest}, nil
	case "inet_socket":
		host, port := "127.0.0.1", strconv.Itoa(defaultPort)
		if rest != "" {
			h, p, hasPort := strings.Cut(rest, ":")
			host = h
			if hasPort {
				n, err := strconv.Atoi(p)
				if err != nil || n < 1 || n > 65535 {
					return address{}, fmt.Errorf("speech: %s %q: bad port", AddressEnv, spec)
				}
				port = p
			}
		}
		return address{network: "tcp", target: net.JoinHostPort(host, port)}, nil
	}
	return address{}, fmt.Errorf("speech: %s %q: want unix_socket:PATH or inet_socket:HOST:PORT", AddressEnv, spec)
}

// defaultSocketPath is where speech-dispatcher puts its socket when started
// for the user: under $XDG_RUNTIME_DIR, else under ~/.cache.
func defaultSocketPath() (string, error) {
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		return filepath.Join(dir, "speech-dispatcher", "speechd.sock"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("speech: no XDG_RUNTIME_DIR and no home directory for the default socket: %w", err)
	}
	return filepath.Join(home, ".cache", "speech-dispatcher", "speechd.sock"), nil
}
