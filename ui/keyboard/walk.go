package keyboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Wrapper is a widget that only stands around one object (a scroll container
// that follows a finger): a walk goes on into it.
type Wrapper interface{ Wrapped() fyne.CanvasObject }

// Walk calls visit on o and, while visit returns true, on the objects a screen is
// built from inside it, in reading order: the children of a container, the content
// of a scroll, a theme override, a card or a pop-up, what a Wrapper wraps. Any
// other widget ends the walk down its branch: its insides are its renderer's own. An app that wraps its
// controls walks its screens with it, so a field Next field reaches is one the app
// found too.
func Walk(o fyne.CanvasObject, visit func(o fyne.CanvasObject) (descend bool)) {
	if o == nil || !visit(o) {
		return
	}
	switch w := o.(type) {
	case *fyne.Container:
		for _, child := range w.Objects {
			Walk(child, visit)
		}
	case *container.Scroll:
		Walk(w.Content, visit)
	case *container.ThemeOverride:
		Walk(w.Content, visit)
	case *widget.Card:
		Walk(w.Content, visit)
	case *widget.PopUp:
		Walk(w.Content, visit)
	case Wrapper:
		Walk(w.Wrapped(), visit)
	}
}

// FieldAfter is the field after f under o that a visitor can see and type into,
// in reading order; nil when f is the last one (or not under o).
func FieldAfter(o fyne.CanvasObject, f Field) Field {
	var fields []Field
	Walk(o, func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		if field, ok := o.(Field); ok && !field.TextEntry().Disabled() {
			fields = append(fields, field)
		}
		return true
	})
	for i, field := range fields {
		if field == f && i+1 < len(fields) {
			return fields[i+1]
		}
	}
	return nil
}
