package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// firstSpeak records when the first utterance after a key or a tap is handed to
// the speech engine: the latency a listening visitor hears.
type firstSpeak struct {
	recordingSpeaker
	at time.Time
}

func (f *firstSpeak) Speak(lang, text string) {
	if f.at.IsZero() {
		f.at = time.Now()
	}
	f.recordingSpeaker.Speak(lang, text)
}

// BenchmarkSpeechKeyToSpeak times a keypad key (Down) in speech mode, from the key
// to its utterance handed to the engine (target: p95 ≤ 50 ms), on the AutoPay
// form, the screen with the most items.
func BenchmarkSpeechKeyToSpeak(b *testing.B) {
	s := &firstSpeak{}
	h := newHarnessWith(b, harnessOptions{speech: s, settings: testConfig{CardEntry: "terminal"}, card: practiceTerminal(b)})
	h.signedIn(b)
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.press(keyHelp)
	var l latencies
	b.ResetTimer()
	for range b.N {
		s.at = time.Time{}
		start := time.Now()
		h.press(fyne.KeyDown)
		l = append(l, s.at.Sub(start))
		s.take()
	}
	b.StopTimer()
	l.report(b)
}

// BenchmarkSpeechArrival times a tap to the next screen in speech mode, from the
// tap to the first utterance of the new screen handed to the engine (target: p95
// ≤ 100 ms): My account to AutoPay.
func BenchmarkSpeechArrival(b *testing.B) {
	s := &firstSpeak{}
	h := newHarnessWith(b, harnessOptions{speech: s, settings: testConfig{CardEntry: "terminal"}, card: practiceTerminal(b)})
	h.signedIn(b)
	h.press(keyHelp)
	var l latencies
	b.ResetTimer()
	for range b.N {
		button := viewOf[*myAccountScreen](h.kiosk).setAutoPay
		s.at = time.Time{}
		start := time.Now()
		test.Tap(button)
		l = append(l, s.at.Sub(start))
		b.StopTimer()
		goBack(h)
		s.take()
		b.StartTimer()
	}
	b.StopTimer()
	l.report(b)
}
