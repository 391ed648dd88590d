package speech_test

import (
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/speech"
	"github.com/medfordwater/lobbykiosk/internal/speech/speechdtest"
)

func TestQueueSpeaksInOrderWithoutMakingTheCallerWait(t *testing.T) {
	d := speechdtest.Start(t)
	q := speech.NewQueue(newClient(t, d), slog.Default())
	t.Cleanup(q.Close)
	start := time.Now()
	q.Speak("en", "Find My Account")
	q.Speak("es", "Buscar mi cuenta")
	if waited := time.Since(start); waited > 5*time.Millisecond {
		t.Errorf("the caller waited %v for the speech service", waited)
	}
	heard := d.WaitHeard(t, 2, 5*time.Second)
	assertHeard(t, heard, []speechdtest.Heard{
		{Lang: "en-us", Rate: "0", Volume: "100", Text: "Find My Account"},
		{Lang: "es-419", Rate: "0", Volume: "100", Text: "Buscar mi cuenta"},
	})
}

func TestQueueStopDropsWhatWaits(t *testing.T) {
	d := speechdtest.Start(t)
	q := speech.NewQueue(newClient(t, d), slog.Default())
	t.Cleanup(q.Close)
	for range 30 {
		q.Speak("en", "an item the visitor moved past")
	}
	q.Stop()
	q.Speak("en", "the item under the cursor")
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		heard := d.Heard()
		if n := len(heard); n > 0 && heard[n-1].Text == "the item under the cursor" {
			if n > 29 {
				t.Errorf("Stop dropped nothing: %d utterances reached the service", n)
			}
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the utterance after Stop never came; heard %d", len(d.Heard()))
}

func TestQueueWithoutAServiceLogsOnceAndGoesOn(t *testing.T) {
	c, err := speech.New(speech.Options{Address: "unix_socket:" + t.TempDir() + "/none.sock", Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	logs := &lockedBuilder{}
	q := speech.NewQueue(c, slog.New(slog.NewTextHandler(logs, nil)))
	for range 3 {
		q.Speak("en", "nobody hears this")
	}
	q.Close() // returns once all three have failed
	if n := strings.Count(logs.String(), "speech is not available"); n != 1 {
		t.Errorf("logged %d times, want once:\n%s", n, logs.String())
	}
	if strings.Contains(logs.String(), "nobody hears this") {
		t.Error("the log holds what was to be said")
	}
}

// lockedBuilder is a log the queue's goroutine writes while the test reads it.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuilder) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuilder) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
