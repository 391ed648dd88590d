package ui

import (
	"image/color"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// screenKeyboard is the kiosk-drawn keyboard docked under the screen on show. A
// touchscreen kiosk has no keyboard of its own and Fyne on desktop brings none.
// It lives in screenWidgets, so every rebuild starts a fresh one and a reset
// leaves nothing of it behind.
type screenKeyboard struct {
	root   *fyne.Container   // the screen: chrome on top, keyboard at the bottom
	dock   *fyne.Container   // where the keys go; hidden while no field has focus
	scroll *container.Scroll // the screen's content, which shrinks above the keys

	target  *kioskEntry // the field the keys type into
	layout  keyboardLayout
	shift   bool // the next letter is a capital
	holding bool // a key is pressed: the focus it took away comes back on release

	keys map[string]*keyButton // by the text a key types, or its message ID (tests)
}

// withKeyboard lays the screen out with the keyboard's dock at the bottom of a
// Border, so the scroll area above it shrinks and the keys never cover a field.
// Bare screens (welcome, out of service) have no fields and get no keyboard.
func (k *Kiosk) withKeyboard(top fyne.CanvasObject, scroll *container.Scroll, dock bool) fyne.CanvasObject {
	content := fyne.CanvasObject(scroll)
	if !dock || !k.settings.OnScreenKeyboard {
		k.keyboard = nil
		return container.NewBorder(top, nil, nil, nil, content)
	}
	kb := &screenKeyboard{dock: container.NewVBox(), scroll: scroll}
	kb.dock.Hide()
	kb.root = container.NewBorder(top, kb.dock, nil, nil, content)
	k.keyboard = kb
	return kb.root
}

// offerKeyboard makes field f bring up its keyboard whenever it has the focus.
func (k *Kiosk) offerKeyboard(f *field) {
	e, layout := f.entry, f.spec.keyboard
	e.onFocus = func() { k.keyboardFocused(e, layout) }
	e.onBlur = func() { k.keyboardBlurred(e) }
}

// keyboardFocused docks the layout entry e asks for and scrolls e into view above it.
func (k *Kiosk) keyboardFocused(e *kioskEntry, layout keyboardLayout) {
	kb := k.keyboard
	if kb == nil {
		return
	}
	kb.holding = false
	if kb.target == e && kb.layout == layout && kb.dock.Visible() {
		return
	}
	if kb.target != e {
		// Keys add to the end of what is there, as on a phone, even when the text
		// came back from the visit (a rebuild leaves the cursor at its start).
		e.CursorRow, e.CursorColumn = 0, len([]rune(e.Text))
		kb.shift = false
	}
	kb.target, kb.layout = e, layout
	k.buildKeys(kb)
	kb.dock.Show()
	kb.root.Refresh()
	k.scrollIntoView(kb, e)
	// The window driver may lay a new screen out only at its next frame, after this
	// focus: scroll again once it has, so the field is never left under the keys.
	stopTimer(k.keyboardSettle)
	k.keyboardSettle = k.clock.AfterFunc(settleDelay, func() {
		if k.keyboard == kb && kb.target == e {
			k.scrollIntoView(kb, e)
		}
	})
}

// settleDelay is a few frames: time for the window driver to lay the screen out.
const settleDelay = 100 * time.Millisecond

// keyboardBlurred puts the keyboard away when its field loses the focus, unless a
// key took the focus: a press on a button unfocuses the entry in Fyne, and the
// key gives the focus back when it is released.
func (k *Kiosk) keyboardBlurred(e *kioskEntry) {
	kb := k.keyboard
	if kb == nil || kb.target != e || kb.holding {
		return
	}
	k.hideKeyboard(kb)
}

func (k *Kiosk) hideKeyboard(kb *screenKeyboard) {
	if !kb.dock.Visible() {
		return
	}
	kb.dock.Hide()
	kb.dock.RemoveAll()
	kb.keys = nil
	kb.root.Refresh()
}

// scrollIntoView scrolls the screen so that e sits inside the visible area.
func (k *Kiosk) scrollIntoView(kb *screenKeyboard, e fyne.CanvasObject) {
	s := kb.scroll
	if s.Content == nil {
		return
	}
	const margin = 16
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(e).Y - d.AbsolutePositionForObject(s.Content).Y
	bottom := top + e.Size().Height
	offset, view := s.Offset.Y, s.Size().Height
	switch {
	case top-margin < offset:
		offset = top - margin
	case bottom+margin > offset+view:
		offset = bottom + margin - view
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(0, max(offset, 0)))
}

// buildKeys fills the dock with the keys of the target's layout. Each key's
// callback is guarded here, as watch does for buttons, so a key press counts as
// activity and a panic in it resets the kiosk.
func (k *Kiosk) buildKeys(kb *screenKeyboard) {
	kb.keys = map[string]*keyButton{}
	var keys fyne.CanvasObject
	if isKeypad(kb.layout) {
		grid := container.NewGridWithColumns(4)
		for _, spec := range keypadCells(kb.layout) {
			grid.Add(k.keyFor(kb, spec, digitKeySize))
		}
		keys = grid
	} else {
		rows := container.NewVBox()
		for _, r := range keyboardRows(kb.layout) {
			line := container.NewHBox()
			for _, spec := range r {
				line.Add(k.keyFor(kb, spec, letterKeySize))
			}
			rows.Add(container.NewCenter(line))
		}
		keys = rows
	}
	kb.dock.RemoveAll()
	kb.dock.Add(widget.NewSeparator())
	kb.dock.Add(container.NewCenter(keys))
}

// keyFor builds the key of spec (an empty cell for the zero spec).
func (k *Kiosk) keyFor(kb *screenKeyboard, spec keySpec, size fyne.Size) fyne.CanvasObject {
	if spec.text == "" && spec.wordID == "" {
		return canvas.NewRectangle(color.Transparent)
	}
	label, id := spec.text, spec.text
	if spec.wordID != "" {
		label, id = k.T(spec.wordID), spec.wordID
	} else if kb.shift {
		label = strings.ToUpper(label)
	}
	b := newKeyButton(label, size, k.activity.guard(func() { k.pressKey(kb, spec) }), func(down bool) { kb.holding = down })
	if spec.action == keyShift && kb.shift {
		b.Importance = widget.HighImportance // the visitor sees Shift is on
	}
	kb.keys[id] = b
	return b
}

// pressKey does what key spec does to the keyboard's field, then gives the field
// its focus back.
func (k *Kiosk) pressKey(kb *screenKeyboard, spec keySpec) {
	kb.holding = false
	e := kb.target
	if kb != k.keyboard || e == nil {
		return // a key of a screen that is gone
	}
	c := k.win.Canvas()
	switch spec.action {
	case keyHide:
		kb.target = nil
		k.hideKeyboard(kb)
		c.Unfocus()
		return
	case keyNext:
		k.focusNextField(kb, e)
		return
	case keyShift:
		kb.shift = !kb.shift
		k.buildKeys(kb)
	case keyBackspace:
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	case keyDomain:
		k.typeText(kb, e, domainText(e.Text, spec.text))
	default:
		k.typeText(kb, e, spec.text)
	}
	c.Focus(e)
}

// domainText is what a domain key types: "@" first unless the address has one.
func domainText(typedSoFar, domain string) string {
	if strings.Contains(typedSoFar, "@") {
		return domain
	}
	return "@" + domain
}

// typeText types text into e as a visitor would, with Shift applied once and the
// account number's hyphen added after its 8th digit.
func (k *Kiosk) typeText(kb *screenKeyboard, e *kioskEntry, text string) {
	if kb.shift && strings.IndexFunc(text, unicode.IsLetter) >= 0 {
		text = capitalizeFirstLetter(text)
		kb.shift = false
		k.buildKeys(kb) // lower-case labels again
	}
	for _, r := range text {
		if kb.layout == keyboardAccount && needsHyphen(e) {
			e.TypedRune('-')
		}
		e.TypedRune(r)
		if kb.layout == keyboardAccount && needsHyphen(e) {
			e.TypedRune('-')
		}
	}
}

// capitalizeFirstLetter upper-cases the first letter of s (Shift works once).
func capitalizeFirstLetter(s string) string {
	i := strings.IndexFunc(s, unicode.IsLetter)
	r := []rune(s[i:])
	return s[:i] + string(unicode.ToUpper(r[0])) + string(r[1:])
}

// needsHyphen reports whether e holds exactly the 8 digits of the customer number,
// with the cursor after them: the account number's hyphen goes next.
func needsHyphen(e *kioskEntry) bool {
	runes := []rune(e.Text)
	if len(runes) != 8 || e.CursorColumn != 8 {
		return false
	}
	for _, r := range runes {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// focusNextField moves the focus to the field after e in reading order, or puts
// the keyboard away after the last one so the screen's button shows.
func (k *Kiosk) focusNextField(kb *screenKeyboard, e *kioskEntry) {
	fields := visibleEntries(kb.root)
	for i, f := range fields {
		if f == e && i+1 < len(fields) {
			k.win.Canvas().Focus(fields[i+1])
			return
		}
	}
	kb.target = nil
	k.hideKeyboard(kb)
	k.win.Canvas().Unfocus()
}
