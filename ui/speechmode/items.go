package speechmode

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// A visitor who cannot see the screen hears it instead. What each control says of
// itself comes from Fyne's own accessibility interface (fyne.Accessible: a label
// and a role, which Button, Label and Hyperlink have), given here to the kiosk's own
// controls too (kwidget.Entry), so one walk of a screen's tree yields what is spoken
// for every screen, in reading order, with no text written twice per screen.

// The roles the kiosk's controls take besides Fyne's own.
const (
	roleEdit                       = kwidget.RoleEdit
	roleCheck  fyne.AccessibleRole = "check"
	RoleOption fyne.AccessibleRole = "option"
)

// accessItem is one thing on a screen a visitor can hear and move to: a line of
// text, a button, a field, a tick box, an option.
type accessItem struct {
	obj     fyne.CanvasObject // what activating the item taps, focuses or ticks
	label   string            // its words
	lang    string            // the language of its words when not the visitor's ("" otherwise)
	words   []spoken          // a button labelled in every language: its words in each
	role    fyne.AccessibleRole
	state   string // message ID of its state ("speech.state.blank"), or ""
	value   string // a field's text, as typed
	masked  bool   // a password, PIN or CVV: its text is never spoken
	hint    string // a field's help line
	problem string // the problem shown beside it, in words
	full    string // a long text offered, not read (longText): its words, which Enter reads
}

// roleWords are the message IDs that name each role aloud.
var roleWords = map[fyne.AccessibleRole]string{
	fyne.AccessibleRoleButton: "speech.role.button",
	fyne.AccessibleRoleLink:   "speech.role.link",
	roleEdit:                  "speech.role.edit",
	roleCheck:                 "speech.role.check",
	RoleOption:                "speech.role.option",
}

// Note is what a screen tells the walker about a control that its type alone
// does not say.
type Note struct {
	Skip  bool                // spoken with another control (a field's label) or decoration
	Role  fyne.AccessibleRole // a role its type does not say (an option of a choice)
	State func() string       // message ID of its state now (selected, expanded), or ""
	Lang  string              // words in a language other than the visitor's (screens before one is chosen)
	Label string              // its words when its text says too little ("Aa"), or ""
	Once  bool                // said on arriving only the first time in a visit (the demo's banner)
}

// spoken is one utterance and the language of its voice ("" for the visitor's).
type spoken struct{ lang, text string }

// screenItems walks the screen on show (the chrome first, then the content) or the
// pop-up over it, and returns its items in reading order.
func (m *Mode) screenItems() []accessItem {
	roots := m.page().Roots()
	if m.popupUp() {
		roots = []fyne.CanvasObject{m.popup}
	}
	var items []accessItem
	for _, root := range roots {
		items = m.collect(root, items)
	}
	return items
}

func (m *Mode) collect(root fyne.CanvasObject, items []accessItem) []accessItem {
	keyboard.Walk(root, func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() || m.page().Note(o).Skip {
			return false
		}
		if t, ok := o.(*kwidget.TapTarget); ok { // the staff gesture's area: only its content speaks
			items = m.collect(t.Content, items)
			return false
		}
		if words, button, ok := m.labelledButtonParts(o); ok {
			item := accessItem{obj: button, words: words, role: fyne.AccessibleRoleButton, state: disabledState(button)}
			m.applyNote(&item, o)
			items = append(items, item)
			return false
		}
		if item, ok := m.itemOf(o); ok {
			item.lang = m.page().Note(o).Lang
			if item.role == fyne.AccessibleRoleText {
				item = m.longText(item)
			}
			items = append(items, item)
		}
		return true
	})
	return items
}

// itemOf is the item a single control makes, if it speaks at all.
func (m *Mode) itemOf(o fyne.CanvasObject) (accessItem, bool) {
	switch w := o.(type) {
	case *kwidget.Entry:
		return entryItem(w), true
	case *kwidget.Check:
		state := "speech.state.not_checked"
		if w.Checked {
			state = "speech.state.checked"
		}
		if w.Disabled() {
			state = "speech.state.unavailable"
		}
		return accessItem{obj: w, label: w.Text, role: roleCheck, state: state}, true
	case *kwidget.Button:
		item := accessItem{obj: w, label: w.AccessibilityLabel(), role: fyne.AccessibleRoleButton, state: disabledState(w)}
		m.applyNote(&item, o)
		return item, item.label != ""
	case *kwidget.HoldButton:
		item := accessItem{obj: w, label: w.AccessibilityLabel(), role: fyne.AccessibleRoleButton, state: disabledState(&w.Button)}
		m.applyNote(&item, o)
		return item, item.label != ""
	case *widget.Label:
		return accessItem{obj: w, label: w.Text, role: fyne.AccessibleRoleText}, strings.TrimSpace(w.Text) != ""
	case *canvas.Text: // the demo and training banner
		return accessItem{obj: w, label: w.Text, role: fyne.AccessibleRoleText}, strings.TrimSpace(w.Text) != ""
	case fyne.Accessible:
		if w.AccessibilityRole() == fyne.AccessibleRoleContainer {
			return accessItem{}, false
		}
		return accessItem{obj: o, label: w.AccessibilityLabel(), role: w.AccessibilityRole()}, w.AccessibilityLabel() != ""
	}
	return accessItem{}, false
}

// applyNote gives item what the screen noted of o: a role, a state.
func (m *Mode) applyNote(item *accessItem, o fyne.CanvasObject) {
	n := m.page().Note(o)
	if n.Label != "" {
		item.label = n.Label
	}
	if n.Role != "" {
		item.role = n.Role
	}
	if n.State != nil && item.state == "" {
		item.state = n.State()
	}
}

func disabledState(b *kwidget.Button) string {
	if b.Disabled() {
		return "speech.state.unavailable"
	}
	return ""
}

// labelledButtonParts recognises a button whose words are labels laid over it
// (labelledButton): its words are the texts of those labels, in order, each in
// its own language.
func (m *Mode) labelledButtonParts(o fyne.CanvasObject) (words []spoken, button *kwidget.Button, ok bool) {
	c, isContainer := o.(*fyne.Container)
	if !isContainer {
		return nil, nil, false
	}
	parts := c.Objects
	if len(parts) == 3 { // panelButton: the button's fill under it
		if _, isPanel := parts[0].(*kwidget.Panel); isPanel {
			parts = parts[1:]
		}
	}
	if len(parts) != 2 {
		return nil, nil, false
	}
	b, isButton := parts[0].(*kwidget.Button)
	if !isButton || b.Text != "" || b.Icon != nil {
		return nil, nil, false
	}
	keyboard.Walk(parts[1], func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		lang := m.page().Note(o).Lang
		switch w := o.(type) {
		case *widget.Label:
			words = append(words, spoken{lang, w.Text})
		case *widget.RichText:
			words = append(words, spoken{lang, w.String()})
		}
		return true
	})
	return words, b, true
}

// entryItem is what an entry says of itself: its field's label, its text (or
// that it is blank), its help line and its problem.
func entryItem(e *kwidget.Entry) accessItem {
	item := accessItem{obj: e, label: e.AccessibilityLabel(), role: roleEdit, value: e.Text,
		masked: e.Password || e.Secret, hint: e.Access.Hint}
	if e.Text == "" {
		item.state = "speech.state.blank"
	}
	if e.Disabled() {
		item.state = "speech.state.unavailable"
	}
	if p := e.Access.Problem; p != nil && p.Visible() {
		item.problem = p.Text
	}
	return item
}

// utterance is what the item says when the visitor arrives on it, in the visitor's
// language (its words in theirs). When the speech could be overheard (a
// loudspeaker, !sayValues), what was typed is only said to be there.
func (m *Mode) utterance(item accessItem) []spoken {
	if item.role == fyne.AccessibleRoleText {
		return []spoken{{item.lang, item.label}}
	}
	if len(item.words) > 0 { // each language's words with that language's role word
		var out []spoken
		for _, w := range item.words {
			text := w.text + ", " + m.host.Tr(m.langOf(w.lang), roleWords[item.role])
			if item.state != "" {
				text += ", " + m.host.Tr(m.langOf(w.lang), item.state)
			}
			out = append(out, spoken{w.lang, text})
		}
		return out
	}
	lang := m.langOf(item.lang)
	tr := func(id string, data ...map[string]any) string { return m.host.Tr(lang, id, data...) }
	parts := []string{item.label, tr(roleWords[item.role])}
	switch {
	case item.value == "":
	case item.masked && m.sayValues:
		parts = append(parts, tr("speech.state.characters", map[string]any{"Count": len([]rune(item.value))}))
	case item.masked || !m.sayValues:
		parts = append(parts, tr("speech.state.entered"))
	default:
		parts = append(parts, item.value)
	}
	if item.state != "" {
		parts = append(parts, tr(item.state))
	}
	if item.hint != "" {
		parts = append(parts, item.hint)
	}
	if item.problem != "" {
		parts = append(parts, tr("speech.problem", map[string]any{"Problem": item.problem}))
	}
	return []spoken{{item.lang, strings.Join(parts, ", ")}}
}
