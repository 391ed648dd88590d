package kiosktheme

import (
	"image/color"

	"fyne.io/fyne/v2"
)

// Sizes is the app's theme of the moment (the visitor's look, larger text or
// high contrast) with some sizes replaced, for a container.NewThemeOverride: a
// tight title or the keyboard's closer keys keep the visitor's colours and text
// size, and follow a change of look without being rebuilt.
type Sizes map[fyne.ThemeSizeName]float32

func (Sizes) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (s Sizes) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return s.current().Color(n, v)
}

func (s Sizes) Font(style fyne.TextStyle) fyne.Resource { return s.current().Font(style) }

func (s Sizes) Icon(n fyne.ThemeIconName) fyne.Resource { return s.current().Icon(n) }

func (s Sizes) Size(n fyne.ThemeSizeName) float32 {
	if size, ok := s[n]; ok {
		return size
	}
	return s.current().Size(n)
}
