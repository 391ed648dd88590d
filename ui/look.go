package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
)

// look is how the visitor wants the kiosk to look: larger text, high contrast. It
// is the visitor's choice, so a reset returns it to the default.
type look struct {
	larger       bool
	highContrast bool
}

// themeLook is the variant of the kiosk's theme that shows l.
func (l look) themeLook() kiosktheme.Look {
	return kiosktheme.Look{Larger: l.larger, HighContrast: l.highContrast}
}

// lookHost is what the look toggles need from the kiosk: their labels in the
// visitor's language, and the screen rebuilt in the new look.
type lookHost interface {
	T(id string, data ...map[string]any) string
	refresh()
}

// lookControl is the visitor's look, the toggles on show for it, and the theme
// that draws it.
type lookControl struct {
	host    lookHost
	current look
	bar     *lookBar // the toggles of the screen on show
}

// lookBar is the pair of toggles on every screen: larger text, high contrast.
type lookBar struct {
	larger, contrast *widget.Button
}

func newLookControl(host lookHost) *lookControl { return &lookControl{host: host} }

// apply makes l the kiosk's theme.
func (c *lookControl) apply(l look) {
	c.current = l
	if t, ok := fyne.CurrentApp().Settings().Theme().(*kiosktheme.Theme); ok && t.Look() == l.themeLook() {
		return // already on: setting it again makes Fyne drop and parse anew every font
	}
	fyne.CurrentApp().Settings().SetTheme(kiosktheme.New(l.themeLook()))
}

// backToDefault gives the next visitor the default look.
func (c *lookControl) backToDefault() {
	if c.current != (look{}) {
		c.apply(look{}) // a theme change repaints every window: only when needed
	}
}

// newBar builds the toggles for the screen on show; each says what a tap will do.
func (c *lookControl) newBar() fyne.CanvasObject {
	b := &lookBar{}
	c.bar = b
	largerID, largerIcon := "look.larger", theme.ZoomInIcon()
	if c.current.larger {
		largerID, largerIcon = "look.normal_size", theme.ZoomOutIcon()
	}
	contrastID := "look.high_contrast"
	if c.current.highContrast {
		contrastID = "look.normal_contrast"
	}
	b.larger = widget.NewButtonWithIcon(c.host.T(largerID), largerIcon, func() {
		c.change(look{larger: !c.current.larger, highContrast: c.current.highContrast})
	})
	b.contrast = widget.NewButtonWithIcon(c.host.T(contrastID), theme.ColorAchromaticIcon(), func() {
		c.change(look{larger: c.current.larger, highContrast: !c.current.highContrast})
	})
	return container.NewHBox(b.larger, b.contrast)
}

// change applies the visitor's choice and rebuilds the screen in it.
func (c *lookControl) change(l look) {
	c.apply(l)
	c.host.refresh()
}
