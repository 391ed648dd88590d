package guard

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

// A panic in guarded work is an error, logged by its type without its value.
func TestAPanicIsAnErrorLoggedWithoutItsValue(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	err := Run(log, "a test", func() { panic("card 4111111111111111") })
	if !errors.Is(err, ErrPanicked) {
		t.Fatalf("Run after a panic: %v", err)
	}
	if strings.Contains(logs.String(), "4111") || !strings.Contains(logs.String(), "panic_type=string") {
		t.Errorf("the log: %s", logs.String())
	}
	if err := Run(log, "a test", func() {}); err != nil {
		t.Errorf("Run of work that returned: %v", err)
	}
	done := make(chan error)
	Go(log, "a test", func() { panic(errors.New("x")) }, func(err error) { done <- err })
	if err := <-done; !errors.Is(err, ErrPanicked) {
		t.Errorf("Go after a panic: %v", err)
	}
}

// Call reports the work's own error, or ErrPanicked when it panicked.
func TestCallReportsTheWorksErrorOrThePanic(t *testing.T) {
	log := slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))
	own := errors.New("own")
	if err := Call(log, "a test", func() error { return own }); err != own {
		t.Errorf("Call of work that failed: %v", err)
	}
	if err := Call(log, "a test", func() error { panic("x") }); !errors.Is(err, ErrPanicked) {
		t.Errorf("Call of work that panicked: %v", err)
	}
}
