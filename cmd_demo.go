package main

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"io"
	"math/big"

	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/staffpin"
)

func printDemoIntro(w io.Writer, url, pin string) {
	fmt.Fprintf(w, "Demo portal simulator at %s (kiosk key %q)\n", url, portalsim.DemoKioskKey)
	fmt.Fprintf(w, "Staff PIN for this demo: %s\n", pin)
	printDemoAccounts(w)
}

func printDemoAccounts(w io.Writer) {
	fmt.Fprintln(w, "Practice accounts (account number, ZIP: situation):")
	for _, a := range portalsim.DemoAccounts() {
		fmt.Fprintf(w, "  %s  %s: %s", a.Number, a.PostalCode, a.Situation)
		if a.Email != "" {
			fmt.Fprintf(w, " (sign in: %s / %s)", a.Email, a.Password)
		}
		fmt.Fprintln(w)
	}
}

// randomPIN is the demo's staff PIN: six random digits, drawn again until
// staffpin.CheckNew takes them, so a demo on a lobby PC never has a PIN a
// passer-by guesses first (000000, 123456, 121212).
func randomPIN() string {
	for {
		n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
		if err != nil {
			panic(err) // crypto/rand never fails on Linux
		}
		if pin := fmt.Sprintf("%06d", n.Int64()); staffpin.CheckNew(pin) == nil {
			return pin
		}
	}
}

// demoStaffPIN checks a PIN against the demo's own, held in memory (no keyring in a demo).
type demoStaffPIN string

func (p demoStaffPIN) VerifyStaffPIN(pin string) (bool, error) {
	return subtle.ConstantTimeCompare([]byte(p), []byte(pin)) == 1, nil
}
