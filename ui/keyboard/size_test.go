package keyboard

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestKeysAreAsBigAsThePanelAffords: never under a finger's 48 px, taller on a
// tall panel, and a row of letters with a word key inside the narrowest panel.
func TestKeysAreAsBigAsThePanelAffords(t *testing.T) {
	short, tall := fyne.NewSize(1024, 768), fyne.NewSize(1080, 1920)
	for _, rows := range []int{len(keyboardRows(Full)), len(keyboardRows(Email))} {
		s, l := keySize(short, rows, false), keySize(tall, rows, false)
		if s.Height < minKeyHeight || s.Width < minKeyHeight {
			t.Errorf("%d rows on %v: keys %v, under %d px", rows, short, s, minKeyHeight)
		}
		if l.Height <= s.Height {
			t.Errorf("%d rows: portrait keys %v no taller than landscape's %v", rows, l, s)
		}
		if across := 11 * l.Width; across > tall.Width {
			t.Errorf("eleven keys of %v are wider than a %v panel", l, tall)
		}
	}
	if k := keySize(short, len(keypadCells(Digits))/keypadColumns, true); k.Height < minKeyHeight {
		t.Errorf("keypad keys %v on %v", k, short)
	}
}
