package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The chrome's title shares its row with five buttons. On one line, at the size of
// a subheading, it is never taller than they are; when that line would not fit
// (a long Spanish title at 1024 px) it takes the body's size on up to two lines,
// drawn without the padding a label keeps above and below, so two lines are about
// as high as a button (60 px to its 58) and the chrome stays one row. Its words
// are never cut.

// newChromeTitle is the title's label, and what to put in the chrome's row for it.
func newChromeTitle(text string) (*widget.Label, fyne.CanvasObject) {
	label := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	label.SizeName = theme.SizeNameSubHeadingText
	label.Wrapping = fyne.TextWrapWord
	fit := container.New(&titleLayout{label: label}, label)
	return label, container.NewThemeOverride(fit, titleTheme{})
}

// titleLayout picks the title's size for the width it has and centres it in the
// row's height.
type titleLayout struct{ label *widget.Label }

func (l *titleLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	want := theme.SizeNameSubHeadingText
	style := l.label.TextStyle
	if fyne.MeasureText(l.label.Text, theme.Size(want), style).Width > size.Width {
		want = theme.SizeNameText
	}
	if l.label.SizeName != want {
		l.label.SizeName = want
		l.label.Refresh()
	}
	l.label.Resize(fyne.NewSize(size.Width, size.Height))
	need := l.label.MinSize()
	l.label.Resize(fyne.NewSize(size.Width, need.Height))
	l.label.Move(fyne.NewPos(0, (size.Height-need.Height)/2))
}

func (l *titleLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.label.MinSize() }

// titleTheme is the kiosk's theme of the moment (the visitor's look), with no
// padding inside the title's label.
type titleTheme struct{}

func (titleTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t titleTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(n, v)
}

func (t titleTheme) Font(s fyne.TextStyle) fyne.Resource { return t.current().Font(s) }

func (t titleTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.current().Icon(n) }

func (t titleTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding {
		return 0
	}
	return t.current().Size(n)
}
