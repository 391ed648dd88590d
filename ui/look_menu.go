package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// The chrome has no room for two wide toggles beside its buttons: one small "Aa"
// opens a pop-up with both, large, each saying whether it is on in words and with
// a tick, not by colour alone. A tap there changes the theme in place: the screen
// under it is not rebuilt. Fyne takes the focus from a field at the press of any
// button, so "Aa" notes at its press what had the focus and holds the on-screen
// keyboard docked (as a key does); Close gives the focus back. The visitor's
// field, what they typed, the keys and the page's scroll are as they left them.

// lookMenu is the "Aa" pop-up: the two toggles and Close.
type lookMenu struct {
	popup                   *widget.PopUp
	larger, contrast, close *kwidget.Button
}

// heldFocus is the field that had the focus when a control that opens a pop-up
// over the screen ("Aa", Start over) was pressed, on its screen.
type heldFocus struct {
	field   fyne.Focusable
	content fyne.CanvasObject // the screen it was on: a screen built since has other fields
}

// holdFocusOn notes the field with the focus on c, if any, at the press of a
// control that opens a pop-up: its keys stay docked and its check waits, as for
// a key, since the visitor has not left it (kb: the screen's keyboard, or nil).
func holdFocusOn(c fyne.Canvas, kb *keyboard.Keyboard) *heldFocus {
	f := c.Focused()
	if f == nil {
		return nil
	}
	if kb != nil && kb.Target() != nil && any(kb.Target()) == any(f) {
		kb.Hold()
	}
	if e, ok := f.(*kwidget.Entry); ok {
		e.CheckHeld = true // the next focus clears it
	}
	return &heldFocus{field: f, content: c.Content()}
}

// giveBack focuses the held field again, if its screen is still on show, and
// keeps it in view above its keys (a look may have moved it).
func (h *heldFocus) giveBack(c fyne.Canvas, kb *keyboard.Keyboard) {
	if h == nil || h.content != c.Content() {
		return
	}
	c.Focus(h.field)
	if f, ok := h.field.(keyboard.Field); ok {
		kb.KeepInView(f)
	}
}

// newButton is the chrome's "Aa", which opens the look pop-up. Speech mode says
// what it is for, not only its two letters.
func (c *lookControl) newButton(p noter) *kwidget.HoldButton {
	c.bar = nil // a screen with the chrome has no toggles of its own
	b := kwidget.NewHoldButton(c.host.T("look.menu"), c.openMenu, c.holdFocus)
	p.note(b, speechmode.Note{Label: c.host.T("look.menu_spoken")})
	return b
}

// holdFocus notes the field with the focus and keeps its keys docked.
func (c *lookControl) holdFocus() { c.held = holdFocusOn(c.canvas, c.keys()) }

// openMenu shows the look pop-up over the screen.
func (c *lookControl) openMenu() {
	m := &lookMenu{}
	m.larger = kwidget.NewButton("", func() {
		c.choose(look{larger: !c.current.larger, highContrast: c.current.highContrast})
	})
	m.contrast = kwidget.NewButton("", func() {
		c.choose(look{larger: c.current.larger, highContrast: !c.current.highContrast})
	})
	m.close = kwidget.NewButtonWithIcon(c.host.T("look.close"), theme.CancelIcon(), c.closeMenu)
	m.close.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(c.host.T("look.menu_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	target := fyne.NewSize(520, 90)
	content := container.NewVBox(title,
		container.NewGridWrap(target, m.larger),
		container.NewGridWrap(target, m.contrast),
		container.NewGridWrap(target, m.close))
	m.popup = widget.NewModalPopUp(container.NewPadded(content), c.canvas)
	c.menu = m
	c.showState()
	c.host.showOverlay(m.popup, c.closeMenu)
}

// choose applies the visitor's choice from the pop-up: the theme changes, the
// toggles say their new state, the screen under them stays as it is.
func (c *lookControl) choose(l look) {
	c.apply(l)
	c.showState()
}

// showState puts the look's state on the pop-up's toggles: a tick and "On", or an
// empty box and "Off".
func (c *lookControl) showState() {
	m := c.menu
	if m == nil {
		return
	}
	set := func(b *kwidget.Button, on bool, onID, offID string) {
		b.Text, b.Icon = c.host.T(offID), theme.CheckButtonIcon()
		if on {
			b.Text, b.Icon = c.host.T(onID), theme.CheckButtonCheckedIcon()
		}
		b.Refresh()
	}
	set(m.larger, c.current.larger, "look.larger_on", "look.larger_off")
	set(m.contrast, c.current.highContrast, "look.contrast_on", "look.contrast_off")
}

// closeMenu takes the pop-up away and gives the focus back to the field that had
// it, if its screen is still on show.
func (c *lookControl) closeMenu() {
	if c.menu != nil {
		c.menu.popup.Hide()
		c.menu = nil
	}
	// Larger text moved the field; the visitor is still typing in it.
	c.held.giveBack(c.canvas, c.keys())
	c.held = nil
}
