// Package assets embeds the kiosk's images once, at build time, as Fyne resources.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed logo.svg
var logoSVG []byte

//go:embed icon.png
var iconPNG []byte

// Logo is the utility's mark, drawn on the welcome screen.
var Logo = fyne.NewStaticResource("logo.svg", logoSVG)

// Icon is the application icon (window and desktop file).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
