package speech_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/internal/speech"
	"github.com/medfordwater/lobbykiosk/internal/speech/speechdtest"
)

// These tests talk to a real speech-dispatcher (speechdtest), whose recording
// output module writes down what it was asked to say.

func newClient(t *testing.T, d *speechdtest.Daemon) *speech.Client {
	t.Helper()
	c, err := speech.New(speech.Options{Address: d.Address, Component: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func TestSpeaksTheTextInTheVoiceOfEachLanguage(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	ctx := context.Background()
	if err := c.Speak(ctx, "Welcome to Medford Water", "en"); err != nil {
		t.Fatal(err)
	}
	if err := c.Speak(ctx, "Bienvenido, ¿en qué le ayudamos? Año: 84 dólares", "es"); err != nil {
		t.Fatal(err)
	}
	heard := d.WaitHeard(t, 2, 5*time.Second)
	want := []speechdtest.Heard{
		{Lang: "en-us", Rate: "0", Volume: "100", Text: "Welcome to Medford Water"},
		{Lang: "es-419", Rate: "0", Volume: "100", Text: "Bienvenido, ¿en qué le ayudamos? Año: 84 dólares"},
	}
	assertHeard(t, heard, want)
}

func TestRateAndVolumeReachTheSynthesizer(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	if err := c.SetRate(-40); err != nil {
		t.Fatal(err)
	}
	if err := c.SetVolume(-75); err != nil {
		t.Fatal(err)
	}
	if err := c.Speak(context.Background(), "slower and softer", "en"); err != nil {
		t.Fatal(err)
	}
	assertHeard(t, d.WaitHeard(t, 1, 5*time.Second), []speechdtest.Heard{
		{Lang: "en-us", Rate: "-40", Volume: "-75", Text: "slower and softer"},
	})
	for _, bad := range []int{-101, 101} {
		if err := c.SetRate(bad); err == nil {
			t.Errorf("SetRate(%d) accepted", bad)
		}
		if err := c.SetVolume(bad); err == nil {
			t.Errorf("SetVolume(%d) accepted", bad)
		}
	}
}

func TestLinesStartingWithADotAreSaidAsWritten(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	// A line holding only "." would end the message early if not escaped;
	// "..." at a line start would lose a dot.
	text := ".5 percent\n.\n...and more\r\nlast line"
	if err := c.Speak(context.Background(), text, "en"); err != nil {
		t.Fatal(err)
	}
	// The module receives the message in pieces (it splits at dots): wait
	// for the last one.
	var got strings.Builder
	for deadline := time.Now().Add(5 * time.Second); ; {
		got.Reset()
		for _, h := range d.Heard() {
			got.WriteString(h.Text)
		}
		if strings.HasSuffix(got.String(), "last line") || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	// SSIP lines end in CRLF, and the daemon passes them on as they came.
	said := strings.ReplaceAll(got.String(), "\r\n", "\n")
	if want := ".5 percent\n.\n...and more\nlast line"; said != want {
		t.Errorf("said %q, want %q", said, want)
	}
}

func TestCancelStopsALongUtteranceAndDropsTheQueue(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	ctx := context.Background()
	long := "First sentence. A " + speechdtest.Linger + " sentence. Third sentence."
	for _, p := range []speech.Priority{speech.PriorityMessage, speech.PriorityImportant} {
		before := len(d.Heard())
		if err := c.SpeakAs(ctx, p, long, "en"); err != nil {
			t.Fatal(err)
		}
		if err := c.Speak(ctx, "queued behind it", "en"); err != nil {
			t.Fatal(err)
		}
		d.WaitHeard(t, before+2, 5*time.Second) // into the lingering sentence
		start := time.Now()
		if err := c.Cancel(); err != nil {
			t.Fatal(err)
		}
		if err := c.Speak(ctx, "after cancel", "en"); err != nil {
			t.Fatal(err)
		}
		heard := d.WaitHeard(t, before+3, 3*time.Second)
		if took := time.Since(start); took > speechdtest.LingerFor/2 {
			t.Errorf("priority %s: the next message came %v after Cancel: the long one was not stopped", p, took)
		}
		assertHeard(t, heard[before:], []speechdtest.Heard{
			{Lang: "en-us", Rate: "0", Volume: "100", Text: "First sentence."},
			{Lang: "en-us", Rate: "0", Volume: "100", Text: " A " + speechdtest.Linger + " sentence."},
			{Lang: "en-us", Rate: "0", Volume: "100", Text: "after cancel"},
		})
	}
}

func TestPauseHoldsSpeechUntilResume(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	if err := c.Pause(); err != nil {
		t.Fatal(err)
	}
	if err := c.Speak(context.Background(), "held", "es"); err != nil {
		t.Fatal(err)
	}
	// Another client's message, sent after it, is said first: the held one waits.
	if err := newClient(t, d).Speak(context.Background(), "another client", "en"); err != nil {
		t.Fatal(err)
	}
	assertHeard(t, d.WaitHeard(t, 1, 5*time.Second), []speechdtest.Heard{
		{Lang: "en-us", Rate: "0", Volume: "100", Text: "another client"},
	})
	if err := c.Resume(); err != nil {
		t.Fatal(err)
	}
	assertHeard(t, d.WaitHeard(t, 2, 5*time.Second)[1:], []speechdtest.Heard{
		{Lang: "es-419", Rate: "0", Volume: "100", Text: "held"},
	})
}

func TestReconnectsOnceAfterTheDaemonRestarts(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	ctx := context.Background()
	if err := c.SetRate(25); err != nil {
		t.Fatal(err)
	}
	if err := c.Speak(ctx, "before", "es"); err != nil {
		t.Fatal(err)
	}
	d.WaitHeard(t, 1, 5*time.Second)
	d.Restart(t)
	if err := c.Speak(ctx, "after", "es"); err != nil {
		t.Fatalf("first call after a restart: %v", err)
	}
	heard := d.WaitHeard(t, 2, 5*time.Second)
	// The new daemon knows nothing of the old connection: the client told it
	// the language and rate again.
	assertHeard(t, heard[1:], []speechdtest.Heard{{Lang: "es-419", Rate: "25", Volume: "100", Text: "after"}})
}

func TestConcurrentCallersEachGetTheirWholeMessage(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	const callers, each = 6, 8
	var wg sync.WaitGroup
	errs := make(chan error, callers*each)
	for i := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lang := []string{"en", "es"}[i%2]
			for j := range each {
				errs <- c.Speak(context.Background(), fmt.Sprintf("caller %d message %d", i, j), lang)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	heard := d.WaitHeard(t, callers*each, 10*time.Second)
	seen := map[string]bool{}
	for _, h := range heard {
		var i, j int
		if _, err := fmt.Sscanf(h.Text, "caller %d message %d", &i, &j); err != nil {
			t.Fatalf("garbled message %+v", h)
		}
		if wantLang := []string{"en-us", "es-419"}[i%2]; h.Lang != wantLang {
			t.Errorf("%q said in %s, want %s", h.Text, h.Lang, wantLang)
		}
		seen[h.Text] = true
	}
	if len(seen) != callers*each {
		t.Errorf("heard %d distinct messages, want %d", len(seen), callers*each)
	}
}

func TestALanguageWithoutAVoiceIsRefusedBeforeSending(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	if err := c.Speak(context.Background(), "bonjour", "fr"); err == nil {
		t.Fatal("a language without a voice was accepted")
	}
	if err := c.SpeakAs(context.Background(), "notification", "hello", "en"); err == nil {
		t.Fatal("a priority the kiosk does not use was accepted")
	}
	// What the client sends next is heard next: nothing of the refused went before it.
	if err := c.Speak(context.Background(), "after", "en"); err != nil {
		t.Fatal(err)
	}
	assertHeard(t, d.WaitHeard(t, 1, 5*time.Second), []speechdtest.Heard{{Lang: "en-us", Rate: "0", Volume: "100", Text: "after"}})
}

func TestCheckNamesTheOutputModule(t *testing.T) {
	d := speechdtest.Start(t)
	c := newClient(t, d)
	st, err := c.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.OutputModule != "record" || st.Address != d.Address {
		t.Errorf("Check = %+v, want module record at %s", st, d.Address)
	}
}

func TestNoDaemonIsAClearErrorNotAHang(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "none.sock")
	c, err := speech.New(speech.Options{Address: "unix_socket:" + sock, Timeout: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = c.Speak(context.Background(), "hello", "en")
	if err == nil || !strings.Contains(err.Error(), "cannot reach speech-dispatcher") {
		t.Errorf("Speak without a daemon = %v", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("took %v", took)
	}
}

// A daemon that accepts and then never answers must not hold a caller past
// the timeout, nor past its context.
func TestHungDaemonTimesOut(t *testing.T) {
	dir, err := os.MkdirTemp("", "hung")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	sock := filepath.Join(dir, "sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
		}
	}()
	c, err := speech.New(speech.Options{Address: "unix_socket:" + sock, Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := c.Cancel(); err == nil {
		t.Fatal("Cancel against a silent daemon succeeded")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("timeout 300ms took %v", took)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start = time.Now()
	err = c.Speak(ctx, "hello", "en")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Speak with a cancelled context = %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 250*time.Millisecond {
		t.Errorf("cancel after 50ms returned after %v", took)
	}
}

func assertHeard(t *testing.T, got, want []speechdtest.Heard) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("heard %d messages, want %d:\n got %+v\nwant %+v", len(got), len(want), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("message %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestAutospawnStartsTheUsersDaemonOnTheDefaultSocket(t *testing.T) {
	d := speechdtest.ForAutospawn(t)
	c, err := speech.New(speech.Options{Autospawn: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	want := "unix_socket:" + filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), "speech-dispatcher", "speechd.sock")
	if c.Address() != want {
		t.Errorf("address %s, want %s", c.Address(), want)
	}
	if err := c.Speak(context.Background(), "spawned", "en"); err != nil {
		t.Fatal(err)
	}
	assertHeard(t, d.WaitHeard(t, 1, 5*time.Second), []speechdtest.Heard{
		{Lang: "en-us", Rate: "0", Volume: "100", Text: "spawned"},
	})
}

func TestNoAutospawnForAnExplicitAddress(t *testing.T) {
	speechdtest.ForAutospawn(t)
	sock := filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), "elsewhere.sock")
	c, err := speech.New(speech.Options{Address: "unix_socket:" + sock, Autospawn: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Speak(context.Background(), "hello", "en"); err == nil {
		t.Fatal("spoke without a daemon at the explicit address")
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), "speech-dispatcher", "speechd.sock")); err == nil {
		t.Error("a daemon was spawned on the default socket for an explicit address")
	}
}

// BenchmarkSpeak measures one Speak (priority, language and SPEAK with its
// body, answered "queued") and a Cancel, against a real daemon: the part of
// the key-to-speech latency the client owns.
func BenchmarkSpeakAndCancel(b *testing.B) {
	d := speechdtest.Start(b)
	c, err := speech.New(speech.Options{Address: d.Address})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	langs := []string{"en", "es"}
	for i := 0; b.Loop(); i++ {
		if err := c.Cancel(); err != nil {
			b.Fatal(err)
		}
		if err := c.Speak(ctx, "Account number, edit text, blank", langs[i%2]); err != nil {
			b.Fatal(err)
		}
	}
}

// A daemon that cannot start is not started again on every call: a kiosk
// speaking on each key press would otherwise wait for a failing start each time.
func TestAFailedAutospawnIsNotRetriedAtOnce(t *testing.T) {
	speechdtest.ForAutospawn(t)
	conf := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "speech-dispatcher", "speechd.conf")
	if err := os.WriteFile(conf, []byte("AddModule \"broken\" \"sd_no_such_module\" \"\"\nDefaultModule broken\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := speech.New(speech.Options{Autospawn: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = c.Speak(context.Background(), "hello", "en")
	if err == nil || !strings.Contains(err.Error(), "starting speech-dispatcher failed") {
		t.Fatalf("first call: %v, want the failed start reported", err)
	}
	start := time.Now()
	err = c.Speak(context.Background(), "hello", "en")
	if err == nil || strings.Contains(err.Error(), "starting speech-dispatcher") {
		t.Errorf("second call: %v, want a plain connection error", err)
	}
	if took := time.Since(start); took > 100*time.Millisecond {
		t.Errorf("second call took %v", took)
	}
}
