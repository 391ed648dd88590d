package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
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
// visitor's language, the screen rebuilt in the new look, and the pop-up of the
// chrome's "Aa" shown over the screen (watched, and read by speech mode).
type lookHost interface {
	T(id string, data ...map[string]any) string
	tr(lang, id string, data ...map[string]any) string
	refresh()
	showOverlay(p *widget.PopUp, dismiss func()) // dismiss: what Esc does there
}

// lookControl is the visitor's look, the toggles on show for it, and the theme
// that draws it.
type lookControl struct {
	host    lookHost
	canvas  fyne.Canvas
	keys    func() *keyboard.Keyboard // the keyboard of the screen on show (nil: none)
	current look
	bar     *lookBar   // the toggles of the screen on show (welcome, out of service)
	menu    *lookMenu  // the chrome's "Aa" pop-up, while it is up (look_menu.go)
	held    *heldFocus // what had the focus when "Aa" was pressed, given back at Close
}

// lookBar is the pair of toggles on the screens without the chrome (welcome, out
// of service): larger text, high contrast.
type lookBar struct {
	larger, contrast *kwidget.Button
}

func newLookControl(host lookHost, c fyne.Canvas, keys func() *keyboard.Keyboard) *lookControl {
	return &lookControl{host: host, canvas: c, keys: keys}
}

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
	c.menu, c.held = nil, nil // the reset took every pop-up away
	if c.current != (look{}) {
		c.apply(look{}) // a theme change repaints every window: only when needed
	}
}

// newBar builds the toggles for a screen where no language is chosen yet
// (welcome, out of service); each says what a tap will do, in each of langs side
// by side, and note gives speech each label's language.
func (c *lookControl) newBar(langs []string, note func(o fyne.CanvasObject, lang string)) fyne.CanvasObject {
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
	toggle := func(id string, icon fyne.Resource, tapped func()) (*kwidget.Button, fyne.CanvasObject) {
		words := container.NewHBox(container.NewCenter(widget.NewIcon(icon)))
		for i, lang := range langs {
			if i > 0 {
				words.Add(widget.NewSeparator())
			}
			l := widget.NewLabel(c.host.tr(lang, id))
			note(l, lang)
			words.Add(l)
		}
		return labelledButton(tapped, words)
	}
	larger, contrast := fyne.CanvasObject(nil), fyne.CanvasObject(nil)
	b.larger, larger = toggle(largerID, largerIcon, func() {
		c.change(look{larger: !c.current.larger, highContrast: c.current.highContrast})
	})
	b.contrast, contrast = toggle(contrastID, theme.ColorAchromaticIcon(), func() {
		c.change(look{larger: c.current.larger, highContrast: !c.current.highContrast})
	})
	return container.NewHBox(larger, contrast)
}

// change applies the visitor's choice and rebuilds the screen in it.
func (c *lookControl) change(l look) {
	c.apply(l)
	c.host.refresh()
}
