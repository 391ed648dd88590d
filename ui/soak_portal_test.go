package ui

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

// The soak's portal simulator runs in a process of its own, as the utility's
// portal does for a real kiosk: the soak measures the kiosk's memory, and the
// portal's customer data (every login registered, card saved, email verified)
// rightly grows with its customers. In the kiosk's process each of those few
// long-lived bytes, allocated among a visit's garbage, kept an 8 KiB span in use
// (+19 % heap in use over 900 visits, for +0.5 % of live heap). The simulator's
// own state is bounded by its tests (client/portalsim/bounds_test.go); the soak
// reports its heap beside the kiosk's.

// Environment of the simulator's process.
const (
	soakPortalEnv      = "LOBBYKIOSK_SOAK_PORTAL" // "1": be the soak's portal simulator
	soakPortalStartEnv = "LOBBYKIOSK_SOAK_PORTAL_START"
	soakPortalExtraEnv = "LOBBYKIOSK_SOAK_PORTAL_EXTRA"
)

// TestSoakPortalProcess is no test on its own: in a process started by
// startSoakPortal it serves a simulator on a loopback port, prints its URL, then
// answers commands on stdin, one a line: "advance DURATION" moves its clock on,
// "heap" prints its live heap and heap in use; at the end of stdin it exits.
func TestSoakPortalProcess(t *testing.T) {
	if os.Getenv(soakPortalEnv) != "1" {
		return
	}
	start, err := time.Parse(time.RFC3339Nano, os.Getenv(soakPortalStartEnv))
	if err != nil {
		t.Fatal(err)
	}
	extra, _ := strconv.Atoi(os.Getenv(soakPortalExtraEnv))
	clock := newFakeClock(start)
	srv, err := portalsim.New(portalsim.Options{Now: clock.Now, ExtraAccounts: extra}).Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(srv.URL)
	commands := bufio.NewScanner(os.Stdin)
	for commands.Scan() {
		switch command, arg, _ := strings.Cut(commands.Text(), " "); command {
		case "advance":
			d, err := time.ParseDuration(arg)
			if err != nil {
				t.Fatal(err)
			}
			clock.Advance(d)
			fmt.Println("ok")
		case "heap":
			alloc, inUse := heapNow()
			fmt.Println(alloc, inUse)
		}
	}
	_ = srv.Close()
	os.Exit(0)
}

// heapNow is the live heap and the heap in use after a collection.
func heapNow() (alloc, inUse uint64) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc, m.HeapInuse
}

// soakPortal is the simulator's process, seen from the soak.
type soakPortal struct {
	url     string
	in      io.WriteCloser
	out     *bufio.Scanner
	clockAt time.Time // where the simulator's clock stands
}

// startSoakPortal starts the simulator's process with its clock at start and
// extra accounts to register.
func startSoakPortal(t *testing.T, start time.Time, extra int) *soakPortal {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSoakPortalProcess$")
	cmd.Env = append(os.Environ(), soakPortalEnv+"=1", soakPortalStartEnv+"="+start.Format(time.RFC3339Nano),
		soakPortalExtraEnv+"="+strconv.Itoa(extra))
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		in.Close()
		_ = cmd.Wait()
	})
	p := &soakPortal{in: in, out: bufio.NewScanner(stdout), clockAt: start}
	p.url = p.read(t)
	return p
}

func (p *soakPortal) read(t *testing.T) string {
	t.Helper()
	if !p.out.Scan() {
		t.Fatalf("the portal simulator's process ended: %v", p.out.Err())
	}
	return p.out.Text()
}

// follow moves the simulator's clock on to the kiosk's.
func (p *soakPortal) follow(t *testing.T, now time.Time) {
	t.Helper()
	if d := now.Sub(p.clockAt); d > 0 {
		fmt.Fprintf(p.in, "advance %s\n", d)
		if got := p.read(t); got != "ok" {
			t.Fatalf("the portal simulator answered %q", got)
		}
		p.clockAt = now
	}
}

// heap is the simulator's live heap and heap in use.
func (p *soakPortal) heap(t *testing.T) (alloc, inUse uint64) {
	t.Helper()
	fmt.Fprintln(p.in, "heap")
	if _, err := fmt.Sscan(p.read(t), &alloc, &inUse); err != nil {
		t.Fatal(err)
	}
	return alloc, inUse
}
