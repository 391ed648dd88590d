package kiosktheme

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// relativeLuminance is WCAG 2.2's relative luminance of an sRGB colour.
func relativeLuminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).(color.NRGBA).RGBA()
	channel := func(v uint32) float64 {
		s := float64(v>>8) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(r) + 0.7152*channel(g) + 0.0722*channel(b)
}

// contrastRatio is WCAG 2.2's (L1 + 0.05) / (L2 + 0.05), lighter over darker.
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// textPairs is every text colour the theme defines, with each background it is
// drawn on by the widgets the kiosk uses.
var textPairs = []struct{ text, background fyne.ThemeColorName }{
	{theme.ColorNameForeground, theme.ColorNameBackground},
	{theme.ColorNameForeground, theme.ColorNameButton},
	{theme.ColorNameForeground, theme.ColorNameInputBackground},
	{theme.ColorNameForeground, theme.ColorNameOverlayBackground},
	{theme.ColorNameForeground, theme.ColorNameHover},
	{theme.ColorNameForeground, theme.ColorNameSelection},
	{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
	{theme.ColorNameForegroundOnError, theme.ColorNameError},
	{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
	{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
	{theme.ColorNameError, theme.ColorNameBackground},
	{theme.ColorNameSuccess, theme.ColorNameBackground},
	{theme.ColorNameWarning, theme.ColorNameBackground},
	{theme.ColorNameHyperlink, theme.ColorNameBackground},
	{theme.ColorNamePrimary, theme.ColorNameBackground}, // high-importance label text
	{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground},
	{theme.ColorNameDisabled, theme.ColorNameBackground},
	{theme.ColorNameDisabled, theme.ColorNameDisabledButton},
}

func TestEveryTextColourHasEnoughContrast(t *testing.T) {
	for _, c := range []struct {
		look Look
		min  float64
	}{
		{Look{}, 4.5},                   // WCAG 1.4.3
		{Look{Larger: true}, 4.5},       //
		{Look{HighContrast: true}, 7.0}, // WCAG 1.4.6
		{Look{HighContrast: true, Larger: true}, 7.0},
	} {
		th := New(c.look)
		for _, p := range textPairs {
			ratio := contrastRatio(th.Color(p.text, theme.VariantLight), th.Color(p.background, theme.VariantLight))
			if ratio < c.min {
				t.Errorf("%+v: %s on %s is %.2f:1, want at least %.1f:1", c.look, p.text, p.background, ratio, c.min)
			}
		}
	}
}

// A focused button's fill is its own with the focus colour blended over it
// (Fyne's button): its text keeps the contrast every text has.
func TestAFocusedButtonsTextHasEnoughContrast(t *testing.T) {
	for _, c := range []struct {
		look Look
		min  float64
	}{{Look{}, 4.5}, {Look{HighContrast: true}, 7.0}} {
		th := New(c.look)
		col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantLight) }
		for _, p := range []struct{ text, fill fyne.ThemeColorName }{
			{theme.ColorNameForeground, theme.ColorNameButton},
			{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
		} {
			focused := over(col(p.fill), col(theme.ColorNameFocus))
			if ratio := contrastRatio(col(p.text), focused); ratio < c.min {
				t.Errorf("%+v: %s on a focused %s is %.2f:1, want at least %.1f:1", c.look, p.text, p.fill, ratio, c.min)
			}
		}
	}
}

// over is colour top alpha-blended over an opaque bottom.
func over(bottom, top color.Color) color.Color {
	b, t := color.NRGBAModel.Convert(bottom).(color.NRGBA), color.NRGBAModel.Convert(top).(color.NRGBA)
	a := float64(t.A) / 255
	mix := func(u, o uint8) uint8 { return uint8(math.Round(float64(o)*a + float64(u)*(1-a))) }
	return color.NRGBA{R: mix(b.R, t.R), G: mix(b.G, t.G), B: mix(b.B, t.B), A: 0xff}
}

func TestContrastFormulaMatchesWCAG(t *testing.T) {
	for _, c := range []struct {
		a, b color.Color
		want string
	}{
		{rgb(0x000000), rgb(0xffffff), "21.00"},
		{rgb(0x777777), rgb(0xffffff), "4.48"},
		{rgb(0x0b4f8a), rgb(0xffffff), "8.40"},
	} {
		if got := fmt.Sprintf("%.2f", contrastRatio(c.a, c.b)); got != c.want {
			t.Errorf("contrast %v/%v = %s, want %s", c.a, c.b, got, c.want)
		}
	}
}

func TestTheThemeDefinesEveryColour(t *testing.T) {
	for _, p := range []palette{defaultPalette, highContrastPalette} {
		for _, name := range []fyne.ThemeColorName{
			theme.ColorNameBackground, theme.ColorNameButton, theme.ColorNameDisabledButton, theme.ColorNameDisabled,
			theme.ColorNameError, theme.ColorNameFocus, theme.ColorNameForeground, theme.ColorNameForegroundOnError,
			theme.ColorNameForegroundOnPrimary, theme.ColorNameForegroundOnSuccess, theme.ColorNameForegroundOnWarning,
			theme.ColorNameHeaderBackground, theme.ColorNameHover, theme.ColorNameHyperlink, theme.ColorNameInputBackground,
			theme.ColorNameInputBorder, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground,
			theme.ColorNamePlaceHolder, theme.ColorNamePressed, theme.ColorNamePrimary, theme.ColorNameScrollBar,
			theme.ColorNameScrollBarBackground, theme.ColorNameSelection, theme.ColorNameSeparator, theme.ColorNameShadow,
			theme.ColorNameSuccess, theme.ColorNameWarning,
		} {
			if _, ok := p[name]; !ok {
				t.Errorf("a palette leaves %s to Fyne's default", name)
			}
		}
	}
}
