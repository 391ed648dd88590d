package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The chrome's title is a subheading when it fits on a line, body text on up to
// two lines when it does not, and caption text when even that would cut a word;
// its words are never cut.
func TestTheChromeTitleFitsItsRoom(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		text  string
		width float32
		want  fyne.ThemeSizeName
	}{
		{"Find My Account", 600, theme.SizeNameSubHeadingText},
		{"Método de entrega de factura", 200, theme.SizeNameText},
		{"Facturación electrónica", 90, theme.SizeNameCaptionText},
	} {
		label, fit := NewChromeTitle(c.text)
		fit.Resize(fyne.NewSize(c.width, 60))
		if label.SizeName != c.want {
			t.Errorf("%q in %v px is %s, want %s", c.text, c.width, label.SizeName, c.want)
		}
		if fit.MinSize().Width < WidestWord(label, theme.SizeNameCaptionText) {
			t.Errorf("%q: the title may be narrower than its longest word", c.text)
		}
	}
}
