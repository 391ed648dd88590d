// Package speech is the kiosk's voice: a client of speech-dispatcher, the
// Linux speech service that Orca also uses, which speaks through espeak-ng in
// the visitor's language. Fyne's screen-reader support covers macOS and Windows
// only, so on Linux the kiosk speaks for itself through this package.
//
// The UI depends only on Speaker; Client is the implementation that talks to a
// real speech-dispatcher over its socket (SSIP). Package words turns numbers,
// money and dates into the words a listener needs.
package speech

import (
	"context"
	"fmt"

	"github.com/medfordwater/lobbykiosk/translations"
)

// Speaker is what the UI speaks through. Every call is bounded by the client's
// timeout, so a hung speech service never stalls a screen.
type Speaker interface {
	// Speak queues text behind what is already queued and says it in lang
	// ("en" or "es"). It returns once the service has the text, not when it
	// has been said.
	Speak(ctx context.Context, text, lang string) error
	// SpeakAs is Speak at another priority (see Priority).
	SpeakAs(ctx context.Context, p Priority, text, lang string) error
	// Cancel stops what is being said and drops everything queued: the
	// "interrupt on any key" of a kiosk.
	Cancel() error
	// Pause holds speech where it is, queued text included, until Resume.
	Pause() error
	Resume() error
	// SetRate sets the speed from MinLevel (slowest) to MaxLevel (fastest), 0 normal.
	SetRate(rate int) error
	// SetVolume sets the loudness from MinLevel to MaxLevel (the default).
	SetVolume(volume int) error
}

// MinLevel and MaxLevel bound SetRate and SetVolume (SSIP's own range).
// Volume is not linear in dB with espeak-ng: measured against 100, 0 is
// −2.4 dB, −50 is −10.8 dB, −80 is −18.6 dB and −90 is −26.5 dB
// (docs/accessibility.md), so the 18 dB range EN 301 549 asks for lies
// between 100 and −80.
const (
	MinLevel = -100
	MaxLevel = 100
)

// Priority decides what speech-dispatcher does with a message when others are
// queued or being said. The kiosk uses three of SSIP's five, each on purpose:
type Priority string

const (
	// PriorityMessage (the default) is said in the order sent and never dropped
	// for another message of its kind: a screen's title and its content go out
	// as several messages and must all be heard, in order. The UI interrupts
	// with Cancel when a key is pressed, not by priority.
	PriorityMessage Priority = "message"
	// PriorityText waits behind messages and replaces an older text still
	// queued: the echo of typed characters, where a fast typist should hear
	// the latest key, not a backlog.
	PriorityText Priority = "text"
	// PriorityImportant cuts into whatever is being said and cannot be cut
	// off by later messages (only by Cancel): the idle warning, which a
	// visitor must hear whole before the kiosk resets. Keep such messages short.
	PriorityImportant Priority = "important"
)

func (p Priority) valid() bool {
	return p == PriorityMessage || p == PriorityText || p == PriorityImportant
}

// VoiceLanguage returns the SSIP language tag for a kiosk language code: its
// voice in the language registry (translations.Registry).
func VoiceLanguage(lang string) (string, error) {
	l, ok := translations.Lookup(lang)
	if !ok || l.Voice == "" {
		return "", fmt.Errorf("speech: no voice for language %q", lang)
	}
	return l.Voice, nil
}
