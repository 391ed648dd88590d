package widget

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The chrome's title shares its row with five buttons. On one line, at the size of
// a subheading, it is never taller than they are; when that line would not fit
// (a long Spanish title in a narrow window) it takes the body's size on up to two
// lines (or the caption's, when even two would not do),
// drawn without the padding a label keeps above and below, so two lines are about
// as high as a button (60 px to its 58) and the chrome stays one row. Its words
// are never cut.

// NewChromeTitle is the title's label, and what to put in the chrome's row for it.
func NewChromeTitle(text string) (*widget.Label, fyne.CanvasObject) {
	label := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	label.SizeName = theme.SizeNameSubHeadingText
	label.Wrapping = fyne.TextWrapWord
	fit := container.New(&titleLayout{label: label}, label)
	return label, fit
}

// titleLayout picks the title's size for the width it has and centres it in the
// row's height: a subheading on one line, else body text on two lines at most,
// else (the narrowest window, in Spanish) caption text.
type titleLayout struct{ label *widget.Label }

func (l *titleLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	style := l.label.TextStyle
	want := theme.SizeNameSubHeadingText
	room := size.Width - 2*theme.InnerPadding() // a label insets its text
	if fyne.MeasureText(l.label.Text, theme.Size(want), style).Width > room {
		want = theme.SizeNameText
		l.setSize(want, size.Width)
		twoLines := 2 * fyne.MeasureText("Xy", theme.Size(want), style).Height
		if l.textHeight() > twoLines || l.widestWord(want) > room {
			want = theme.SizeNameCaptionText // a word would break, or a third line come
		}
	}
	l.setSize(want, size.Width)
	need := l.label.MinSize()
	l.label.Resize(fyne.NewSize(size.Width, need.Height))
	l.label.Move(fyne.NewPos(0, (size.Height-need.Height)/2))
}

// setSize draws the title at size name, wrapped to width.
func (l *titleLayout) setSize(name fyne.ThemeSizeName, width float32) {
	if l.label.SizeName != name {
		l.label.SizeName = name
		l.label.Refresh()
	}
	l.label.Resize(fyne.NewSize(width, l.label.Size().Height))
}

// MinSize is as narrow as the title's longest word in caption text (the row gives
// it what the buttons leave), and as high as it is at the width it has.
func (l *titleLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.widestWord(theme.SizeNameCaptionText), l.textHeight())
}

// textHeight is the label's height without the blank padding it keeps above and
// below its text: the title lets that padding overhang into the row's own (a theme
// override would drop it, but Fyne caches every object under one for good).
func (l *titleLayout) textHeight() float32 {
	return l.label.MinSize().Height - 2*theme.InnerPadding()
}

// widestWord is the width of the title's longest word at size name.
func (l *titleLayout) widestWord(name fyne.ThemeSizeName) float32 { return WidestWord(l.label, name) }

// WidestWord is the width of label's longest word at size name.
func WidestWord(label *widget.Label, name fyne.ThemeSizeName) float32 {
	var widest float32
	for _, word := range strings.Fields(label.Text) {
		widest = max(widest, fyne.MeasureText(word, theme.Size(name), label.TextStyle).Width)
	}
	return widest
}
