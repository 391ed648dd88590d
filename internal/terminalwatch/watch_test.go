package terminalwatch_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/terminal"
	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
	"github.com/medfordwater/lobbykiosk/internal/terminalwatch"
)

// practiceTerminal starts a practice terminal that names itself poiID, and a
// client configured for configuredPOIID.
func practiceTerminal(t *testing.T, poiID, configuredPOIID string) *terminal.Client {
	t.Helper()
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	sim, err := terminalsim.Start("127.0.0.1:0", terminalsim.Options{POIID: poiID, CAFile: filepath.Join(dir, "ca.pem"), Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	c, err := terminal.New(terminal.Options{URL: sim.URL(), CAFile: filepath.Join(dir, "ca.pem"), POIID: configuredPOIID,
		SaleID: "lobby-1", Key: terminalsim.DemoKey(), Logger: quiet, RequestTimeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func open(t *testing.T, path string) (*terminalwatch.Watch, *bytes.Buffer) {
	t.Helper()
	var log bytes.Buffer
	w, err := terminalwatch.Open(path, slog.New(slog.NewJSONHandler(&log, nil)))
	if err != nil {
		t.Fatal(err)
	}
	return w, &log
}

// The first terminal seen is expected from then on; after a restart, a
// terminal with another serial is warned of, counted for the heartbeat, and
// becomes the one expected.
func TestASwappedTerminalIsWarnedOfAndCounted(t *testing.T) {
	seenFile := filepath.Join(t.TempDir(), "terminal-seen.json")
	first, log := open(t, seenFile)
	if _, err := first.Look(context.Background(), practiceTerminal(t, "V400m-000000042", "V400m-000000042")); err != nil {
		t.Fatal(err)
	}
	if s := first.Status(); s.POIID != "V400m-000000042" || s.Serial != "000000042" || s.State != "OK" || s.SerialChanges != 0 {
		t.Fatalf("first terminal: %+v", s)
	}
	if strings.Contains(log.String(), "WARN") {
		t.Errorf("the first terminal seen is no swap: %s", log)
	}

	restarted, log := open(t, seenFile)
	swapped := practiceTerminal(t, "V400m-999999999", "V400m-999999999")
	if _, err := restarted.Look(context.Background(), swapped); err != nil {
		t.Fatal(err)
	}
	s := restarted.Status()
	if s.SerialChanges != 1 || s.PreviousPOIID != "V400m-000000042" || s.POIID != "V400m-999999999" {
		t.Fatalf("after a swap: %+v", s)
	}
	if !strings.Contains(log.String(), `"level":"WARN"`) || !strings.Contains(log.String(), `"previous_poi_id":"V400m-000000042"`) {
		t.Errorf("the swap is not warned of: %s", log)
	}
	if _, err := restarted.Look(context.Background(), swapped); err != nil || restarted.Status().SerialChanges != 1 {
		t.Errorf("the same device again counted as another swap: %+v, %v", restarted.Status(), err)
	}
	again, _ := open(t, seenFile)
	if _, err := again.Look(context.Background(), swapped); err != nil || again.Status().SerialChanges != 0 {
		t.Errorf("the new device was not remembered: %+v, %v", again.Status(), err)
	}
}

// A device that is not the configured one, or none at all, is a state the
// heartbeat carries.
func TestATerminalThatDoesNotAnswerAsConfiguredIsAState(t *testing.T) {
	w, log := open(t, filepath.Join(t.TempDir(), "terminal-seen.json"))
	if s := w.Status(); s.State != terminalwatch.StateUnknown {
		t.Errorf("before the first look: %+v", s)
	}
	another := practiceTerminal(t, "V400m-999999999", "V400m-000000042")
	for range 2 {
		if _, err := w.Look(context.Background(), another); err == nil {
			t.Fatal("a device with another POIID was taken")
		}
	}
	if s := w.Status(); s.State != terminalwatch.StateWrongDevice || strings.Count(log.String(), "swapped") != 1 {
		t.Errorf("another device, looked at twice: %+v, want one warning in the log: %s", s, log)
	}
	w.SetPending(2)
	w.AddRecovered(1)
	w.AddRecovered(2)
	dead := practiceTerminal(t, "V400m-000000042", "V400m-000000042")
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	if _, err := w.Look(ctx, dead); err == nil {
		t.Fatal("a Describe past its deadline succeeded")
	}
	if s := w.Status(); s.State != terminalwatch.StateUnreachable || s.PendingPayments != 2 || s.RecoveredPayments != 3 {
		t.Errorf("unreachable: %+v", s)
	}
}
