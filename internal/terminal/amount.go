package terminal

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Amount is a nexo amount, a JSON decimal number such as 10.99, held in cents
// so that no float ever rounds money.
type Amount int64

// MarshalJSON writes the amount as a decimal number with two places.
func (a Amount) MarshalJSON() ([]byte, error) {
	if a < 0 {
		return nil, errors.New("terminal: negative amount")
	}
	return fmt.Appendf(nil, "%d.%02d", a/100, a%100), nil
}

// UnmarshalJSON reads a decimal number with at most two significant places
// after the point (1, 1.0, 1.00 and 10.99 are fine; 1.005 is not).
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	if len(frac) > 2 || whole == "" || strings.ContainsAny(whole, "+-eE") || strings.ContainsAny(frac, "+-eE") {
		return fmt.Errorf("terminal: amount %q is not a number of cents", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > maxAmountCents {
		return fmt.Errorf("terminal: amount %q is out of range", s)
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return fmt.Errorf("terminal: amount %q is not a number of cents", s)
	}
	*a = Amount(w*100 + f)
	return nil
}

// Flag is a nexo boolean. Terminals send true; Adyen's mock terminal sends
// "true": both decode.
type Flag bool

// UnmarshalJSON reads true, false, "true" or "false".
func (f *Flag) UnmarshalJSON(b []byte) error {
	switch string(bytes.TrimSpace(b)) {
	case "true", `"true"`:
		*f = true
	case "false", `"false"`, "null":
		*f = false
	default:
		return fmt.Errorf("terminal: %q is not a boolean", b)
	}
	return nil
}
