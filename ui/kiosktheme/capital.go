package kiosktheme

import (
	"bytes"
	"errors"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"
)

// CapitalIHeight is how many logical pixels tall a capital I of body text is at
// the default text size: the letter ADA 2010 §707.7.2 measures screen characters
// on. It reads the glyph's outline bounds from the theme's regular font with
// go-text, the shaper Fyne draws with, so it is what Fyne paints (the test
// renders an I through Fyne's test driver and compares).
func (t *Theme) CapitalIHeight() (float32, error) {
	face, err := font.ParseTTF(bytes.NewReader(t.Font(fyne.TextStyle{}).Content()))
	if err != nil {
		return 0, err
	}
	gid, ok := face.NominalGlyph('I')
	if !ok {
		return 0, errors.New("the theme's font has no capital I")
	}
	ext, ok := face.GlyphExtents(gid)
	if !ok || face.Upem() == 0 {
		return 0, errors.New("the theme's font has no outline for the capital I")
	}
	// Extents are in font units, y growing up: Height is negative.
	return -ext.Height / float32(face.Upem()) * NormalTextSize, nil
}
