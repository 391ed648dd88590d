package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/config"
)

// cmdPortalSim serves the portal simulator alone until SIGINT or SIGTERM. It listens
// only on a loopback address: it holds practice data and answers any kiosk key's
// demo outbox, so it is never meant to be reachable from another machine.
func cmdPortalSim(args []string) int {
	flags := flag.NewFlagSet("portal-sim", flag.ContinueOnError)
	addr := flags.String("addr", "127.0.0.1:8088", "loopback address to listen on")
	faults := flags.String("faults", "", `faults to inject, e.g. "POST /accounts/lookup=status:503,times:2" (options: latency:D status:N times:N redirect:ORIGIN drop cut html malformed huge wrongtype)`)
	if err := flags.Parse(args); err != nil {
		return exitConfig
	}
	if !loopbackAddr(*addr) {
		fmt.Fprintf(os.Stderr, "lobbykiosk portal-sim: --addr %q is not a loopback address\n", *addr)
		return exitConfig
	}
	sim, err := newSimulator(*faults, config.MedfordWater())
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk portal-sim:", err)
		return exitConfig
	}
	srv, err := sim.Start(*addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lobbykiosk portal-sim:", err)
		return 1
	}
	defer srv.Close()
	fmt.Printf("Portal simulator listening on %s%s\n", srv.URL, client.BasePath)
	fmt.Printf("Demo kiosk key: %s\n", portalsim.DemoKioskKey)
	printDemoAccounts(os.Stdout)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return 0
}

func loopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && client.IsLoopbackHost(host)
}
