package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
)

// Theme is the kiosk's theme as every visitor first finds it. The app should start in
// it: a theme set once the window is up makes Fyne drop every font parsed so far.
func Theme() fyne.Theme { return kiosktheme.New(look{}.themeLook()) }

// WarmUp parses the fonts the welcome screen draws with. Fyne parses a text style's
// fonts (and its emoji and symbol fallbacks) the first time it measures text in it,
// tens of milliseconds a style on a lobby PC; a caller can have that done on another
// goroutine while the window and its OpenGL context are being made. It only measures
// text, which is safe from any goroutine, and needs the app's theme already set.
func WarmUp() {
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("Medford Water", theme.TextSize(), style)
	}
}
