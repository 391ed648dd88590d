// Package staffpin says what a staff PIN is: its form, which the kiosk's PIN
// pad stops typing at and the keyring store checks before hashing, and the
// rule for a new one, which provisioning and the store enforce.
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

// ErrTooEasy is a PIN of the form Validate wants that a guesser would try first.
var ErrTooEasy = errors.New("staff PIN is too easy to guess: no repeated or sequential digits " +
	"(000000, 123456, 987654, 135791), patterns (121212, 123123) or PINs of one or two different digits; choose another")

// CheckNew is the rule for a new staff PIN: Validate's form, and not one of the
// PINs a guesser tries first. An existing PIN is only ever checked against its
// hash, so a PIN stored before this rule keeps working until it is replaced.
func CheckNew(pin string) error {
	if err := Validate(pin); err != nil {
		return err
	}
	if fewDigits(pin) || evenSteps(pin) || repeatsABlock(pin) {
		return ErrTooEasy
	}
	return nil
}

// minDistinctDigits: a PIN of one or two different digits (100000, 110011) is
// among the first few thousand of the million six-digit PINs to try.
const minDistinctDigits = 3

func fewDigits(pin string) bool {
	var seen [10]bool
	n := 0
	for i := 0; i < len(pin); i++ {
		if d := pin[i] - '0'; !seen[d] {
			seen[d] = true
			n++
		}
	}
	return n < minDistinctDigits
}

// evenSteps reports whether every digit is the one before plus the same step,
// counting round from 9 to 0: 000000, 123456, 890123, 987654, 135791.
func evenSteps(pin string) bool {
	step := func(i int) int { return (int(pin[i]) - int(pin[i-1]) + 10) % 10 }
	for i := 2; i < len(pin); i++ {
		if step(i) != step(1) {
			return false
		}
	}
	return true
}

// repeatsABlock reports whether pin is a shorter block of digits over and over
// (121212, 123123, 1231231).
func repeatsABlock(pin string) bool {
	for period := 1; period <= len(pin)/2; period++ {
		repeats := true
		for i := period; i < len(pin) && repeats; i++ {
			repeats = pin[i] == pin[i-period]
		}
		if repeats {
			return true
		}
	}
	return false
}
