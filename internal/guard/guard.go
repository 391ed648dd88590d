// Package guard runs the kiosk's background work so that a panic in it never
// takes the kiosk down: it is recovered, logged by its type and stack (code
// locations), never its message, which could quote what a visitor typed, and
// reported as an error the work's owner handles like any other failure.
package guard

import (
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
)

// ErrPanicked is what Run reports for work that panicked.
var ErrPanicked = errors.New("the work panicked")

// Run runs work on the calling goroutine. A panic in it is recovered and logged
// as what ("the receipt's printing"); Run then reports ErrPanicked.
func Run(log *slog.Logger, what string, work func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			LogPanic(log, "recovered from a panic in "+what, r)
			err = ErrPanicked
		}
	}()
	work()
	return nil
}

// Call runs work as Run does and reports work's own error, or ErrPanicked if it
// panicked: the one shape every guarded call of the kiosk has.
func Call(log *slog.Logger, what string, work func() error) error {
	var err error
	if Run(log, what, func() { err = work() }) != nil {
		return ErrPanicked
	}
	return err
}

// Go runs work on a new goroutine, as Run does, then then with Run's answer
// (nil, or ErrPanicked) on that goroutine; then may be nil.
func Go(log *slog.Logger, what string, work func(), then func(err error)) {
	go func() {
		err := Run(log, what, work)
		if then != nil {
			then(err)
		}
	}()
}

// LogPanic logs a recovered panic r by its type and the stack, never its value.
func LogPanic(log *slog.Logger, msg string, r any) {
	log.Error(msg, "panic_type", fmt.Sprintf("%T", r), "stack", string(debug.Stack()))
}
