package widget

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fieldKeys takes the keys in take and notes what the entry reported.
type fieldKeys struct {
	take       map[fyne.KeyName]bool
	typed      []rune
	done, tabs int
}

func (k *fieldKeys) Key(_ *Entry, ev *fyne.KeyEvent) bool { return k.take[ev.Name] }
func (k *fieldKeys) KeyDone(*Entry, *fyne.KeyEvent)       { k.done++ }
func (k *fieldKeys) Typed(_ *Entry, r rune)               { k.typed = append(k.typed, r) }
func (k *fieldKeys) Focused(*Entry)                       {}
func (k *fieldKeys) TakesTab() bool                       { k.tabs++; return true }

// An entry offers its keys to Keys first, reports what it typed, types an
// account number's hyphen itself, and keeps no more of a paste than a field may.
func TestAnEntryOffersItsKeysAndTypesItsHyphen(t *testing.T) {
	test.NewTempApp(t)
	e := NewEntry(false)
	e.Hyphen = true
	keys := &fieldKeys{take: map[fyne.KeyName]bool{fyne.KeyF1: true}}
	e.Keys = keys
	test.NewTempWindow(t, e).Canvas().Focus(e)
	test.Type(e, "123456789")
	if e.Text != "12345678-9" || string(keys.typed) != "12345678-9" {
		t.Errorf("typed %q, reported %q; want the hyphen after 8 digits", e.Text, string(keys.typed))
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if e.Text != "12345678-" || keys.done != 1 || !e.AcceptsTab() {
		t.Errorf("after F1 (taken) and Backspace (the entry's): %q, %d keys done", e.Text, keys.done)
	}
	clip := test.NewClipboard()
	clip.SetContent(strings.Repeat("x", 3*MaxEntryRunes))
	e.SetText("")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if len(e.Text) != MaxEntryRunes {
		t.Errorf("a paste kept %d characters, want %d", len(e.Text), MaxEntryRunes)
	}
}
