package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lookBar is the pair of toggles on every screen: larger text, high contrast.
type lookBar struct {
	larger, contrast *widget.Button
}

// newLookBar builds the toggles for the screen on show; each says what a tap will do.
func (k *Kiosk) newLookBar() fyne.CanvasObject {
	b := &lookBar{}
	k.look.bar = b
	largerID, largerIcon := "look.larger", theme.ZoomInIcon()
	if k.look.current.larger {
		largerID, largerIcon = "look.normal_size", theme.ZoomOutIcon()
	}
	contrastID := "look.high_contrast"
	if k.look.current.highContrast {
		contrastID = "look.normal_contrast"
	}
	b.larger = widget.NewButtonWithIcon(k.T(largerID), largerIcon, func() {
		k.changeLook(look{larger: !k.look.current.larger, highContrast: k.look.current.highContrast})
	})
	b.contrast = widget.NewButtonWithIcon(k.T(contrastID), theme.ColorAchromaticIcon(), func() {
		k.changeLook(look{larger: k.look.current.larger, highContrast: !k.look.current.highContrast})
	})
	return container.NewHBox(b.larger, b.contrast)
}

// changeLook applies the visitor's choice and rebuilds the screen in it.
func (k *Kiosk) changeLook(l look) {
	k.applyLook(l)
	k.refresh()
}
