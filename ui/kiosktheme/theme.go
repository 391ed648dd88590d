// Package kiosktheme is the kiosk's Fyne theme: the utility's colours, large text
// and generous spacing, in a larger-text and a high-contrast variant, and the
// theme's icons coloured once per colour.
package kiosktheme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Look is a variant of the theme: larger text, high contrast, or both.
type Look struct {
	Larger       bool
	HighContrast bool
}

// Text sizes: the kiosk's default is already large for a standing reader at arm's
// length; "larger" is for visitors who need more.
const (
	NormalTextSize = 22
	LargerTextSize = 28
)

// palette is every colour the kiosk theme defines.
type palette map[fyne.ThemeColorName]color.Color

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// tint is c at alpha a (of 0xff): Fyne blends the focus colour over a focused
// button's fill, so an opaque one would hide the button's text.
func tint(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// brandBlue is the utility's blue.
var brandBlue = rgb(0x0b4f8a)

// DemoAmber is the demo and training banner's background, with black text on it.
var DemoAmber = rgb(0xffd54f)

// defaultPalette: dark text on white, the utility's blue for actions. Every text
// colour meets WCAG 1.4.3 (4.5:1) on the background it is drawn on (theme_test.go).
var defaultPalette = palette{
	theme.ColorNameBackground:          rgb(0xffffff),
	theme.ColorNameForeground:          rgb(0x1a1a1a),
	theme.ColorNameButton:              rgb(0xe3e8ef),
	theme.ColorNameDisabledButton:      rgb(0xeceff3),
	theme.ColorNameDisabled:            rgb(0x5c6470),
	theme.ColorNamePrimary:             brandBlue,
	theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
	theme.ColorNameError:               rgb(0xb00020),
	theme.ColorNameForegroundOnError:   rgb(0xffffff),
	theme.ColorNameSuccess:             rgb(0x1b5e20),
	theme.ColorNameForegroundOnSuccess: rgb(0xffffff),
	theme.ColorNameWarning:             rgb(0x8a4b00),
	theme.ColorNameForegroundOnWarning: rgb(0xffffff),
	theme.ColorNameHyperlink:           brandBlue,
	theme.ColorNamePlaceHolder:         rgb(0x59636f),
	theme.ColorNameInputBackground:     rgb(0xf3f5f8),
	theme.ColorNameInputBorder:         rgb(0x59636f),
	theme.ColorNameFocus:               tint(brandBlue, 0x5a), // blended over a focused control's fill: the text on it must stay legible
	theme.ColorNameSelection:           rgb(0xc9def5),
	theme.ColorNameHover:               rgb(0xd5dde8),
	theme.ColorNamePressed:             rgb(0xb9c6d6),
	theme.ColorNameSeparator:           rgb(0xc5cbd3),
	theme.ColorNameShadow:              color.NRGBA{A: 0x40},
	theme.ColorNameScrollBar:           rgb(0x59636f),
	theme.ColorNameScrollBarBackground: rgb(0xe3e8ef),
	theme.ColorNameOverlayBackground:   rgb(0xffffff),
	theme.ColorNameMenuBackground:      rgb(0xffffff),
	theme.ColorNameHeaderBackground:    rgb(0xe3e8ef),
}

// highContrastPalette: white and yellow on black. Every text colour meets WCAG
// 1.4.6 (7:1) on the background it is drawn on.
var highContrastPalette = palette{
	theme.ColorNameBackground:          rgb(0x000000),
	theme.ColorNameForeground:          rgb(0xffffff),
	theme.ColorNameButton:              rgb(0x1f1f1f),
	theme.ColorNameDisabledButton:      rgb(0x141414),
	theme.ColorNameDisabled:            rgb(0xb3b3b3),
	theme.ColorNamePrimary:             rgb(0xffd400),
	theme.ColorNameForegroundOnPrimary: rgb(0x000000),
	theme.ColorNameError:               rgb(0xff9e9e),
	theme.ColorNameForegroundOnError:   rgb(0x000000),
	theme.ColorNameSuccess:             rgb(0x8cf08c),
	theme.ColorNameForegroundOnSuccess: rgb(0x000000),
	theme.ColorNameWarning:             rgb(0xffd54f),
	theme.ColorNameForegroundOnWarning: rgb(0x000000),
	theme.ColorNameHyperlink:           rgb(0x9bdcff),
	theme.ColorNamePlaceHolder:         rgb(0xc8c8c8),
	theme.ColorNameInputBackground:     rgb(0x000000),
	theme.ColorNameInputBorder:         rgb(0xffffff),
	theme.ColorNameFocus:               tint(rgb(0xffd400), 0x4c),
	theme.ColorNameSelection:           rgb(0x4d4100),
	theme.ColorNameHover:               rgb(0x333333),
	theme.ColorNamePressed:             rgb(0x4d4d4d),
	theme.ColorNameSeparator:           rgb(0xffffff),
	theme.ColorNameShadow:              color.NRGBA{A: 0x00},
	theme.ColorNameScrollBar:           rgb(0xffffff),
	theme.ColorNameScrollBarBackground: rgb(0x1f1f1f),
	theme.ColorNameOverlayBackground:   rgb(0x000000),
	theme.ColorNameMenuBackground:      rgb(0x000000),
	theme.ColorNameHeaderBackground:    rgb(0x1f1f1f),
}

// Theme is the kiosk's own theme: large text, generous spacing, the utility's
// colours, the same on every lobby PC whatever the desktop's dark-mode setting.
type Theme struct {
	fyne.Theme
	look     Look
	colors   palette
	textSize float32
}

// New is the theme in look l.
func New(l Look) *Theme {
	t := &Theme{Theme: theme.DefaultTheme(), look: l, colors: defaultPalette, textSize: NormalTextSize}
	if l.HighContrast {
		t.colors = highContrastPalette
	}
	if l.Larger {
		t.textSize = LargerTextSize
	}
	return t
}

// Look is the variant t was made in.
func (t *Theme) Look() Look { return t.look }

// SizeNameLanguage is the size of the language names on the welcome screen's
// buttons, the biggest words on any screen, whatever the visitor's text size.
const SizeNameLanguage fyne.ThemeSizeName = "kioskLanguageText"

// Color is the look's palette colour, the same in the desktop's light and dark modes.
func (t *Theme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := t.colors[name]; ok {
		return c
	}
	return t.Theme.Color(name, theme.VariantLight)
}

// Icon is Fyne's icon, colouring its SVG once per colour (icons.go).
func (t *Theme) Icon(name fyne.ThemeIconName) fyne.Resource {
	return cachedIcon(t.Theme.Icon(name))
}

// Size is the look's text size and the kiosk's spacing.
func (t *Theme) Size(name fyne.ThemeSizeName) float32 {
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
	case theme.SizeNameInputBorder, theme.SizeNameInputRadius:
		return 2
	case theme.SizeNameInlineIcon:
		return t.textSize
	case SizeNameLanguage:
		return 44
	case theme.SizeNameScrollBarSmall:
		// A page that scrolls says so with a bar a visitor sees at arm's length:
		// the desktop's 3-unit line waits for a mouse to hover, and a panel has none.
		return 12
	case theme.SizeNameScrollBar:
		return 16
	}
	return t.Theme.Size(name)
}
