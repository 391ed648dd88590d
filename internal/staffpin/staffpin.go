// Package staffpin says what a staff PIN is: the rule provisioning enforces, the
// keyring store checks before hashing, and the kiosk's PIN pad stops typing at.
package staffpin

import (
	"errors"
	"fmt"
)

// Six digits is the shortest length that is not trivially guessed at a walk-up
// screen; twelve keeps it typeable on the kiosk's number pad.
const (
	MinDigits = 6
	MaxDigits = 12
)

// Validate accepts MinDigits to MaxDigits ASCII digits. The messages never repeat
// the input, so they are safe to show and to log.
func Validate(pin string) error {
	if len(pin) < MinDigits || len(pin) > MaxDigits {
		return fmt.Errorf("staff PIN must be %d to %d digits long", MinDigits, MaxDigits)
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return errors.New("staff PIN must contain digits 0-9 only")
		}
	}
	return nil
}
