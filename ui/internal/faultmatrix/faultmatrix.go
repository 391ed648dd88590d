// Package faultmatrix is what the kiosk promises when the portal fails: every
// portal call the kiosk makes, every way the portal or the network to it can fail
// one, and what the visitor meets for each pair.
//
// It holds data and rules only, no UI, so that `go generate ./ui` can publish the
// table in docs/reliability.md (./writedoc) in a second, while ui's TestFaultMatrix
// makes every pair happen through the real widgets, requires the outcome given
// here, and fails when the published table is not the one it walked.
package faultmatrix

import (
	"fmt"
	"strings"
)

// Kind is how a failure of a call reaches the visitor.
type Kind int

const (
	VisitorCall    Kind = iota // a visitor's tap: a message on the screen
	HealthCall                 // the welcome screen's check: the out-of-service screen
	BackgroundCall             // the sign-out at the end of a visit: never shown
	// CardRecordCall is the record of a card payment the terminal took: the card
	// is charged already, so a failure says so and offers Try again, same key.
	CardRecordCall
)

// Call is one portal call the UI makes.
type Call struct {
	Name    string // the client's method
	Route   string // as the simulator's faults name it
	Retried bool   // the client repeats it by itself: an idempotent method or a keyed POST
	NoBody  bool   // its success is an empty 204: a wrong content type cannot spoil it
	Kind    Kind
}

// Calls are every portal call the kiosk makes, in the order of a visit.
func Calls() []Call {
	return []Call{
		{Name: "Health", Route: "GET /health", Retried: true, Kind: HealthCall},
		{Name: "Lookup", Route: "POST /accounts/lookup"},
		{Name: "Terms", Route: "GET /terms", Retried: true},
		{Name: "Register", Route: "POST /registrations", Retried: true},
		{Name: "SignIn", Route: "POST /sessions"},
		{Name: "RequestPasswordReset", Route: "POST /password-resets"},
		{Name: "Account", Route: "GET /account", Retried: true},
		{Name: "AddPaymentMethod", Route: "POST /payment-methods", Retried: true},
		{Name: "EnrollAutoPay", Route: "POST /autopay", Retried: true},
		{Name: "SetBillDelivery", Route: "PUT /bill-delivery", Retried: true},
		{Name: "ResendVerificationEmail", Route: "POST /bill-delivery/verification-email"},
		{Name: "PayOnce", Route: "POST /one-time-payments", Retried: true},
		{Name: "RecordCardPayment", Route: "POST /card-payments", Retried: true, Kind: CardRecordCall},
		{Name: "SignOut", Route: "DELETE /sessions/current", Retried: true, NoBody: true, Kind: BackgroundCall},
	}
}

// Fault is one way the portal, or the network to it, misbehaves.
type Fault struct {
	Name        string // as the table names it
	How         string // how the test injects it, for the same table
	Once        bool   // it hits one request, then the portal is fine again
	Slow        bool   // it runs into the kiosk's deadline
	Label       bool   // it spoils only the label of an answer
	RateLimited bool   // the portal asks the kiosk to slow down (429)
	Everywhere  bool   // it fails every call, not only the one injected into
}

// Faults are the faults, each injected into one call at a time.
func Faults() []Fault {
	return []Fault{
		{Name: "refused", How: "nothing listens on the portal's address", Everywhere: true},
		{Name: "dropped", How: "connection closed before any answer (`drop`)"},
		{Name: "cut once", How: "the portal acts, its answer is cut off halfway, once (`cut,times:1`)", Once: true},
		{Name: "no answer", How: "the answer never comes (`latency:1h`)", Slow: true},
		{Name: "too slow", How: "answers 0.3 s after the deadline", Slow: true},
		{Name: "500", How: "`status:500` until it recovers"},
		{Name: "502 then up", How: "`status:502` until it recovers"},
		{Name: "503 once", How: "`status:503,times:1`", Once: true},
		{Name: "429", How: "`status:429,times:1` with `Retry-After: 1`", Once: true, RateLimited: true},
		{Name: "bad JSON", How: "200 with JSON cut short (`malformed`)"},
		{Name: "HTML page", How: "a proxy's 502 page (`html`)"},
		{Name: "wrong type", How: "the real answer labelled text/plain (`wrongtype`)", Label: true},
		{Name: "huge body", How: "200 with 4 MiB of JSON (`huge`; the client's cap is 1 MiB)"},
		{Name: "untrusted cert", How: "TLS with a certificate the kiosk does not trust", Everywhere: true},
		{Name: "redirect", How: "307 to another origin (`redirect:https://elsewhere.example`)"},
	}
}

// Outcome is what a visitor meets when a call fails, as docs/reliability.md codes it.
type Outcome string

const (
	Message     Outcome = "M" // the portal-down message with the phone number
	RateLimited Outcome = "L" // the call's "too many tries" message
	Absorbed    Outcome = "A" // nothing: the client's own retry succeeded
	OutOfOrder  Outcome = "O" // the out-of-service screen after two failed checks
	Unseen      Outcome = "U" // nothing: a background call; the portal's session expiry covers it
	Charged     Outcome = "C" // the card was charged, the record not yet made: said so, and Try again
)

// Expected is the outcome the kiosk must give for fault f on call c.
func Expected(c Call, f Fault) Outcome {
	switch {
	case f.Once && c.Retried, f.Label && c.NoBody:
		return Absorbed
	case c.Kind == BackgroundCall:
		return Unseen
	case c.Kind == HealthCall:
		return OutOfOrder
	case c.Kind == CardRecordCall && !f.Everywhere:
		return Charged // a fault of every call stops the lookup before the card: Message
	case f.RateLimited:
		return RateLimited
	}
	return Message
}

// Table is the matrix as docs/reliability.md shows it, with outcome's answer in
// each cell.
func Table(calls []Call, faults []Fault, outcome func(Call, Fault) Outcome) string {
	var b strings.Builder
	b.WriteString("| call |")
	for _, f := range faults {
		fmt.Fprintf(&b, " %s |", f.Name)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(faults)) + "\n")
	for _, c := range calls {
		fmt.Fprintf(&b, "| `%s` |", c.Name)
		for _, f := range faults {
			fmt.Fprintf(&b, " %s |", outcome(c, f))
		}
		b.WriteString("\n")
	}
	b.WriteString("\nHow each fault is made:\n\n")
	for _, f := range faults {
		fmt.Fprintf(&b, "- **%s**: %s\n", f.Name, f.How)
	}
	return b.String()
}

// The published table sits between these markers in docs/reliability.md.
const (
	begin = "<!-- fault-matrix:begin -->\n"
	end   = "<!-- fault-matrix:end -->"
)

var errNoMarkers = fmt.Errorf("no %q and %q markers", strings.TrimSpace(begin), end)

// Published is the table doc shows between its markers.
func Published(doc []byte) (string, error) {
	_, table, _, err := split(doc)
	return table, err
}

// Publish returns doc with table between its markers, the rest unchanged.
func Publish(doc []byte, table string) ([]byte, error) {
	head, _, tail, err := split(doc)
	if err != nil {
		return nil, err
	}
	return []byte(head + begin + table + end + tail), nil
}

func split(doc []byte) (head, table, tail string, err error) {
	head, rest, ok := strings.Cut(string(doc), begin)
	if !ok {
		return "", "", "", errNoMarkers
	}
	table, tail, ok = strings.Cut(rest, end)
	if !ok {
		return "", "", "", errNoMarkers
	}
	return head, table, tail, nil
}
