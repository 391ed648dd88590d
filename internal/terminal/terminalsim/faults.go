package terminalsim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The faults the simulator can inject, for tests and training.
const (
	FaultUnreachable = "unreachable" // connections are closed before TLS: nothing can be sent
	FaultWrongCert   = "wrongcert"   // TLS with a certificate from a CA the kiosk does not trust
	FaultSlow        = "slow"        // the answer comes SlowDelay late, past the kiosk's deadline
	FaultLost        = "lost"        // the operation is done (a payment charged), then the connection drops
	FaultDuplicate   = "duplicate"   // the answer is sent twice in one body
	FaultMalformed   = "malformed"   // the answer is cut short: not JSON
	FaultBadMAC      = "badmac"      // the answer's MAC does not verify
	FaultNoEcho      = "noecho"      // the answer's header names another service ID
)

var faultNames = []string{FaultUnreachable, FaultWrongCert, FaultSlow, FaultLost, FaultDuplicate, FaultMalformed, FaultBadMAC, FaultNoEcho}

// FaultHelp lists the fault names, for --help.
func FaultHelp() string { return strings.Join(faultNames, " ") }

// always is the count of a fault given without one.
const always = -1

// Faults is a set of faults, each with how many more times it strikes
// (connections for unreachable and wrongcert, answers for the others).
// Safe for concurrent use.
type Faults struct {
	mu     sync.Mutex
	counts map[string]int
}

// ParseFaults reads a comma-separated SPEC of NAME or NAME:N (strike N times,
// then stop), e.g. "lost:1,slow". "" is no fault.
func ParseFaults(spec string) (*Faults, error) {
	f := &Faults{counts: map[string]int{}}
	for item := range strings.SplitSeq(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, count, hasCount := strings.Cut(item, ":")
		if !slices.Contains(faultNames, name) {
			return nil, fmt.Errorf("terminalsim: unknown fault %q (known: %s)", name, FaultHelp())
		}
		n := always
		if hasCount {
			var err error
			if n, err = strconv.Atoi(count); err != nil || n < 1 {
				return nil, fmt.Errorf("terminalsim: fault %q: the count must be a number above 0", item)
			}
		}
		f.counts[name] = n
	}
	return f, nil
}

// strike reports whether fault name strikes now, and counts it down.
func (f *Faults) strike(name string) bool {
	if f == nil {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	n, ok := f.counts[name]
	switch {
	case !ok:
		return false
	case n == always:
		return true
	case n <= 1:
		delete(f.counts, name)
	default:
		f.counts[name] = n - 1
	}
	return true
}
