package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Brand colours of the kiosk (the utility's blue and water tones).
var (
	brandBlue  = color.NRGBA{R: 0x0b, G: 0x4f, B: 0x8a, A: 0xff}
	brandWater = color.NRGBA{R: 0x2a, G: 0x9f, B: 0xd6, A: 0xff}
	demoAmber  = color.NRGBA{R: 0xff, G: 0xd5, B: 0x4f, A: 0xff}
)

// kioskTheme is the default theme with large text, generous spacing and the utility's
// colours, always in the light variant so every lobby PC looks the same whatever the
// desktop's dark-mode setting.
type kioskTheme struct {
	fyne.Theme
	textSize float32
}

func newKioskTheme() *kioskTheme {
	return &kioskTheme{Theme: theme.DefaultTheme(), textSize: 22}
}

// withTextSize returns the same theme with another body text size (used for the
// language buttons, the biggest targets on the welcome screen).
func (t *kioskTheme) withTextSize(size float32) *kioskTheme {
	return &kioskTheme{Theme: t.Theme, textSize: size}
}

func (t *kioskTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch name {
	case theme.ColorNamePrimary, theme.ColorNameFocus:
		return brandBlue
	case theme.ColorNameHyperlink:
		return brandBlue
	}
	return t.Theme.Color(name, theme.VariantLight)
}

func (t *kioskTheme) Size(name fyne.ThemeSizeName) float32 {
	switch name {
	case theme.SizeNameText:
		return t.textSize
	case theme.SizeNameHeadingText:
		return t.textSize * 1.6
	case theme.SizeNameSubHeadingText:
		return t.textSize * 1.25
	case theme.SizeNameCaptionText:
		return t.textSize * 0.8
	case theme.SizeNamePadding:
		return 8
	case theme.SizeNameInnerPadding:
		return 14
	case theme.SizeNameInputBorder:
		return 2
	}
	return t.Theme.Size(name)
}
