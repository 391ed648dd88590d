package speechmode

import (
	"fyne.io/fyne/v2"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// On reports whether speech mode is on: the visitor pressed Help this visit.
func (m *Mode) On() bool { return m.on }

// Tell says text to a visitor in speech mode (a countdown, a receipt's answer);
// with speech mode off it does nothing.
func (m *Mode) Tell(text string) {
	if m.on {
		m.SayText(text)
	}
}

// Len is how many items the screen (or the pop-up over it) had when last read.
func (m *Mode) Len() int { return len(m.items) }

// Under is the control or text under the cursor; nil before the first move.
func (m *Mode) Under() fyne.CanvasObject {
	if m.cursor < 0 || m.cursor >= len(m.items) {
		return nil
	}
	return m.items[m.cursor].obj
}

// Cursor is the index of the item under the cursor; -1 before the first move.
func (m *Mode) Cursor() int { return m.cursor }

// UnderIsOffer reports whether the item under the cursor is a long text offered
// by its length, which Enter reads.
func (m *Mode) UnderIsOffer() bool {
	return m.cursor >= 0 && m.cursor < len(m.items) && m.items[m.cursor].full != ""
}

// Labels are the words of every item Up and Down reach on the screen on show.
func (m *Mode) Labels() []string {
	var labels []string
	for _, item := range m.screenItems() {
		labels = append(labels, item.label)
	}
	return labels
}

// EntryKeys are the keys typed in a field, which speech mode sees first.
func (m *Mode) EntryKeys() kwidget.EntryKeys { return accessEntryKeys{m} }

// ControlKeys are the keys typed on a focused button or tick box, which speech
// mode sees first.
func (m *Mode) ControlKeys() kwidget.Keys { return accessControlKeys{m} }
