package main

import (
	"fmt"
	"net"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/config/configtest"
)

// A metrics address the kiosk cannot serve on stops run and demo before any
// window opens, in one line that names it: a kiosk the fleet cannot scrape
// must not look like one that is merely down.
func TestAMetricsAddressInUseRefusesToStart(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	path := configtest.Write(t, fmt.Sprintf("metrics_listen = %q\n", taken.Addr().String()))
	for _, command := range []string{"run", "demo"} {
		status, out := runCommand(t, "", command, "--config", path)
		if status != exitConfig {
			t.Errorf("%s: exit status %d, want %d; output %q", command, status, exitConfig, out)
		}
		assertOneClearLine(t, command, out, "cannot serve metrics", "metrics_listen", taken.Addr().String(), "address already in use")
	}
}
