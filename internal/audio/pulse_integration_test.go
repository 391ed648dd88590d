package audio

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/audio/pulsetest"
)

// Asked over the audio server's own protocol, a real PulseAudio's outputs are
// read as pactl reads them, and judged; the watch follows the default output
// from the loudspeaker to the headset and back (a headset pulled out) at once.
func TestARealAudioServerIsWatched(t *testing.T) {
	pulse := pulsetest.Start(t)
	server := pulse.Address
	v, err := Ask(server)
	if err != nil || v.Private {
		t.Fatalf("the loudspeaker: %+v, %v", v, err)
	}
	dir := t.TempDir()
	answer := `{"info":` + string(pulse.Pactl(t, "-f", "json", "info")) + `,"sinks":` + string(pulse.Pactl(t, "-f", "json", "list", "sinks")) + `}`
	os.WriteFile(filepath.Join(dir, "live.json"), []byte(answer), 0o600)
	c, closeConn, err := connect(server)
	if err != nil {
		t.Fatal(err)
	}
	asked, err := snapshot(c)
	closeConn()
	if err != nil || Judge(asked) != Judge(readPactl(t, filepath.Join(dir, "live.json"))) {
		t.Errorf("the protocol's answer %+v differs from pactl's (%v)", asked, err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	verdicts := make(chan Verdict, 10)
	Watch(ctx, server, slog.New(slog.NewTextHandler(io.Discard, nil)), func(v Verdict) { verdicts <- v })
	next := func(want bool) {
		t.Helper()
		select {
		case v := <-verdicts:
			if v.Private != want {
				t.Fatalf("verdict %+v, want private %v", v, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no verdict within 5 s, want private %v", want)
		}
	}
	next(false)
	pulse.SetDefault(t, pulsetest.Headset)
	next(true)
	pulse.SetDefault(t, pulsetest.Speaker)
	next(false)
}
