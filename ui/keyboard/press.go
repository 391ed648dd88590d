package keyboard

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// buildKeys fills the dock with the keys of the target's layout, sized for the
// canvas as it is now (keySize). Each key's callback goes through the host's
// Guard, as the app's own controls do.
func (kb *Keyboard) buildKeys() {
	kb.keys = map[string]*Key{}
	var keys fyne.CanvasObject
	if isKeypad(kb.layout) {
		cells := keypadCells(kb.layout)
		size := keySize(kb.canvas.Size(), len(cells)/keypadColumns, true)
		grid := container.New(gapGrid{columns: keypadColumns})
		for _, spec := range cells {
			grid.Add(kb.keyFor(spec, size))
		}
		keys = grid
	} else {
		specs := keyboardRows(kb.layout)
		size := keySize(kb.canvas.Size(), len(specs), false)
		rows := container.New(gapBox{})
		for _, r := range specs {
			line := container.New(gapBox{horizontal: true})
			for _, spec := range r {
				line.Add(kb.keyFor(spec, size))
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
func (kb *Keyboard) keyFor(spec keySpec, size fyne.Size) fyne.CanvasObject {
	if spec.text == "" && spec.wordID == "" {
		return canvas.NewRectangle(color.Transparent)
	}
	label, id := spec.text, spec.text
	if spec.wordID != "" {
		label, id = kb.host.Label(spec.wordID), spec.wordID
	} else if kb.shift {
		label = strings.ToUpper(label)
	}
	if spec == spaceKey {
		size.Width *= 3 // a space bar: hit without looking, as on any keyboard
	}
	b := newKey(label, size, kb.host.Guard(func() { kb.press(spec) }), func(down bool) { kb.holding = down })
	if spec.action == keyShift && kb.shift {
		b.Importance = widget.HighImportance // the visitor sees Shift is on
	}
	kb.keys[id] = b
	return b
}

// press does what key spec does to the target field, then gives the field its
// focus back.
func (kb *Keyboard) press(spec keySpec) {
	kb.holding = false
	f := kb.target
	if kb.closed || f == nil {
		return // a key of a screen that is gone
	}
	switch spec.action {
	case keyHide:
		leave(f)
		kb.target = nil
		kb.hide()
		kb.canvas.Unfocus()
		return
	case keyNext:
		if leave(f) {
			kb.focusNextField(f)
			return
		}
		kb.bringIntoView(f) // with its problem, under it
	case keyShift:
		kb.shift = !kb.shift
		kb.buildKeys()
	case keyBackspace:
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	case keyDomain:
		kb.typeText(f, domainText(f.TextEntry().Text, spec.text))
	default:
		kb.typeText(f, spec.text)
	}
	kb.refocusing = true
	kb.canvas.Focus(f)
	kb.refocusing = false
}

// leave tells f the visitor has moved on from it, when it wants to know, and
// reports whether f is fine to leave.
func leave(f Field) bool {
	l, ok := f.(Leaver)
	return !ok || l.Left()
}

// domainText is what a domain key types: "@" first unless the address has one.
func domainText(typedSoFar, domain string) string {
	if strings.Contains(typedSoFar, "@") {
		return domain
	}
	return "@" + domain
}

// typeText types text into f as a visitor would, with Shift applied once and the
// account number's hyphen added after its 8th digit.
func (kb *Keyboard) typeText(f Field, text string) {
	if kb.shift && strings.IndexFunc(text, unicode.IsLetter) >= 0 {
		text = capitalizeFirstLetter(text)
		kb.shift = false
		kb.buildKeys() // lower-case labels again
	}
	e := f.TextEntry()
	for _, r := range text {
		if kb.layout == Account && NeedsHyphen(e) {
			f.TypedRune('-')
		}
		f.TypedRune(r)
		if kb.layout == Account && NeedsHyphen(e) {
			f.TypedRune('-')
		}
	}
}

// capitalizeFirstLetter upper-cases the first letter of s (Shift works once).
func capitalizeFirstLetter(s string) string {
	i := strings.IndexFunc(s, unicode.IsLetter)
	r := []rune(s[i:])
	return s[:i] + string(unicode.ToUpper(r[0])) + string(r[1:])
}

// NeedsHyphen reports whether e holds exactly the 8 digits of the customer number,
// with the cursor after them: the account number's hyphen goes next. The keypad
// types it, and so does a field that takes the account number from any keyboard.
func NeedsHyphen(e *widget.Entry) bool {
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

// focusNextField moves the focus to the field after f in reading order, or puts
// the keys away after the last one so the screen's own button shows.
func (kb *Keyboard) focusNextField(f Field) {
	if next := FieldAfter(kb.root, f); next != nil {
		kb.canvas.Focus(next)
		return
	}
	kb.target = nil
	kb.hide()
	kb.canvas.Unfocus()
}
