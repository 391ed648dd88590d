// Package assets embeds the kiosk's images once, at build time, as Fyne resources.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed logo.svg
var logoSVG []byte

//go:embed bill.svg
var billSVG []byte

//go:embed card_reader.svg
var cardReaderSVG []byte

//go:embed icon.png
var iconPNG []byte

// Logo is the utility's mark, drawn on the welcome screen.
var Logo = fyne.NewStaticResource("logo.svg", logoSVG)

// Bill is a plain water bill of our own drawing (not the utility's artwork) with
// the customer number–account number marked at its top right, where real bills
// print it. It holds no words, so one drawing serves every language.
var Bill = fyne.NewStaticResource("bill.svg", billSVG)

// CardReader is the drawing of the card reader below the screen, with a card
// going in: the card payment's instructions show where to look.
var CardReader = fyne.NewStaticResource("card_reader.svg", cardReaderSVG)

// Icon is the application icon (window and desktop file).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
