package keyboard

import (
	"fyne.io/fyne/v2"
)

// The keys are sized from the panel, not fixed: fixed keys big enough for a tall
// portrait panel took 430 px of a 1280×800 one and left a single field in view,
// its label or hint cut off. A short panel gets the smallest keys a finger still
// hits reliably; a tall one spends its height on bigger keys.
const (
	// minKeyHeight is the smallest key: the kiosk's floor for every target, 48 px
	// logical at scale 1 (about 9–10 mm on a lobby panel), above the 44 px of
	// WCAG 2.5.5 (docs/accessibility.md).
	minKeyHeight = 48
	// maxKeyHeight keeps a portrait panel's keys within a finger's span.
	maxKeyHeight = 88
	// heightShare is the share of the panel's height the keys may take: what is
	// left above them holds a field's label, hint, entry and problem and the next
	// field, under the kiosk's chrome.
	heightShare = 0.3
	// keyGap is the space between keys, smaller than the screens' padding: the
	// keys are a block, and every pixel between rows is one less for the form.
	keyGap = 4
	// keyInset is the space between a key's edge and its words: enough to keep the
	// words off the edge of a 48 px key at the kiosk's text size.
	keyInset = 6
	// minKeysAcross keeps a row of letters and a word key inside a narrow panel.
	minKeysAcross = 15
	// digitKeyWidth keeps the keypad's keys wide: the keypad is narrow, and older
	// visitors use it most.
	digitKeyWidth = 120
)

// keySize is the size of a key on a canvas of size c for a block of rows rows:
// as high as the panel's share allows, between the smallest a finger hits and a
// finger's span; a letter key half again as wide as high, within the panel's width.
func keySize(c fyne.Size, rows int, keypad bool) fyne.Size {
	h := (c.Height*heightShare - float32(rows-1)*keyGap) / float32(rows)
	h = min(max(h, minKeyHeight), maxKeyHeight)
	if keypad {
		return fyne.NewSize(digitKeyWidth, h)
	}
	w := min(h*1.5, c.Width/minKeysAcross)
	return fyne.NewSize(max(w, minKeyHeight), h)
}
