package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Keys that leave or rearrange a window in other programs. The kiosk claims them as
// canvas shortcuts that do nothing, so no default handling can ever act on them;
// the window manager's own keys (Alt+F4, Alt+Tab) are the OS's to disable (see
// docs/lockdown.md).
var swallowedShortcuts = []*desktop.CustomShortcut{
	{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl},
	{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
	{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift},
	{KeyName: fyne.KeyF4, Modifier: fyne.KeyModifierAlt},
	{KeyName: fyne.KeyF4, Modifier: fyne.KeyModifierControl},
}

// lockDown keeps a visitor inside the kiosk: the window's close request is
// refused (only staff can exit), leaving shortcuts do nothing, and a key typed
// with no field focused still counts as activity.
func (k *Kiosk) lockDown() {
	k.win.SetCloseIntercept(func() {
		k.log.Info("close request refused: only staff can exit the kiosk")
	})
	c := k.win.Canvas()
	for _, s := range swallowedShortcuts {
		c.AddShortcut(s, func(fyne.Shortcut) { k.limits.noteActivity() })
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { // Escape, F11 … do nothing else
		covered := c.Overlays().Top() != nil // before the key waves an idle warning off
		if k.staff.KeyTyped(ev) {
			return
		}
		if k.speech.Handle(ev, false) {
			return // speech mode notes the activity itself, and answers an idle warning
		}
		k.limits.noteActivity()
		// Enter with nothing focused presses the primary action, but not while a
		// pop-up (a warning, the PIN pad, the staff menu) is over the screen: the
		// screen behind must not act.
		if !covered && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) {
			k.page.pressPrimary()
		}
	})
	c.SetOnTypedRune(func(r rune) {
		if !k.staff.RuneTyped(r) {
			k.limits.noteActivity()
		}
	})
}

// Keyboard use without a mouse: Tab and Shift+Tab move the focus (Fyne's own focus
// order, which is the screens' reading order), Space presses the focused button or
// ticks the focused box (Fyne's own), and Enter moves on: in a field it goes to the
// next field, and from the last field, or with nothing focused, it presses the
// screen's primary action.

// submitField is Enter in field e of the page on canvas c.
func (p *page) submitField(c fyne.Canvas, e *kwidget.Entry) {
	if next := keyboard.FieldAfter(c.Content(), e); next != nil {
		c.Focus(next)
		return
	}
	p.pressPrimary()
}

// pressPrimary presses the screen's first primary action a visitor can see and use.
func (p *page) pressPrimary() {
	for _, b := range p.primaries {
		if b.Visible() && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
			return
		}
	}
}
