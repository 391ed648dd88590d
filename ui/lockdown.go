package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
		if !covered {
			k.enterWithNothingFocused(ev)
		}
	})
	c.SetOnTypedRune(func(r rune) {
		if !k.staff.RuneTyped(r) {
			k.limits.noteActivity()
		}
	})
}
