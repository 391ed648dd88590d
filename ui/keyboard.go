package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// withKeyboard lays the screen out with the on-screen keyboard docked under its
// scrolling content, so the keys never cover a field. A touchscreen kiosk has no
// keyboard of its own. Every screen built starts a fresh keyboard and a reset
// closes it, so nothing of it outlives its screen. Bare screens (welcome, out of
// service) have no fields and get no keyboard.
func (k *Kiosk) withKeyboard(top fyne.CanvasObject, scroll *container.Scroll, dock bool) fyne.CanvasObject {
	touch := kwidget.NewTouchScroll(scroll) // a finger's swipe scrolls the page
	k.page.touch = touch                    // and starting on a field too (kioskEntry.page)
	k.keyboard.Close()                      // the last screen's
	view := fyne.CanvasObject(touch)
	if k.page.footer != nil {
		view = container.NewBorder(nil, k.page.footer, nil, nil, touch)
	}
	// In speech mode the visitor types on a keypad or keyboard of their own: keys
	// drawn on the screen would only be more to hear.
	if !dock || !k.settings.OnScreenKeyboard || k.speech.On() {
		k.keyboard = nil
		return container.NewBorder(top, nil, nil, nil, view)
	}
	k.keyboard = keyboard.New(k.win.Canvas(), keyboardHost{k.T, k.activity.guard, k.clock}, top, view, scroll)
	return k.keyboard.Root()
}

// offerKeyboard makes field f bring up its keyboard whenever it has the focus. The
// keyboard is looked up then: the field is built before its screen's keyboard.
func (k *Kiosk) offerKeyboard(f *field) {
	e, layout := f.entry, f.spec.keyboard
	e.OnFocus = func() { k.keyboard.Focused(e, layout) }
}

// keyboardHost lends the on-screen keyboard the kiosk's words, its guard of every
// control (a key press is activity; a panic in it resets) and its clock.
type keyboardHost struct {
	words func(id string, data ...map[string]any) string
	guard func(func()) func()
	clock Clock
}

func (h keyboardHost) Label(id string) string      { return h.words(id) }
func (h keyboardHost) Guard(pressed func()) func() { return h.guard(pressed) }

func (h keyboardHost) AfterFunc(d time.Duration, f func()) keyboard.Timer {
	return h.clock.AfterFunc(d, f)
}
