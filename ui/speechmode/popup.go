package speechmode

import (
	"fyne.io/fyne/v2/widget"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Pop-ups by ear: read whole as they appear, the cursor on their safe answer;
// Esc closes them their own way (Kiosk.dismissPopup), and closing says where the
// visitor is again.

// PopupShown speaks a pop-up that just came over the screen (the time-out
// warning, the PIN pad) and puts the cursor on its safe answer (popupStart).
func (m *Mode) PopupShown(p *widget.PopUp) {
	m.popup = p
	if !m.on {
		return
	}
	if !m.inOverlay { // a pop-up after a pop-up (the PIN pad, then the staff menu) returns to the screen
		m.saved, m.inOverlay = m.cursor, true
	}
	m.items = m.screenItems()
	m.cursor = popupStart(m.items)
	if m.cursor >= 0 {
		m.focusCursor()
	}
	m.say(m.popupWords()...)
}

// popupStart is the item a pop-up's cursor starts on: its primary button (I
// need more time, Keep going, Close), so that one Enter answers it the safe
// way; else its first button that can be pressed; -1 if none.
func popupStart(items []accessItem) int {
	first := -1
	for i, item := range items {
		if b, ok := item.obj.(*kwidget.Button); ok && !b.Disabled() {
			if b.Importance == widget.HighImportance {
				return i
			}
			if first < 0 {
				first = i
			}
		}
	}
	return first
}

// popupWords are all of a pop-up's items: a pop-up is short, and read whole.
func (m *Mode) popupWords() []spoken {
	var texts []spoken
	for _, item := range m.items {
		texts = append(texts, m.utterance(item)...)
	}
	return texts
}

// backFromOverlay puts the cursor back where it was once the pop-up is gone.
func (m *Mode) backFromOverlay() {
	if m.inOverlay && !m.popupUp() {
		m.cursor, m.inOverlay = m.saved, false
	}
}

// popupUp reports whether a pop-up is over the screen, its items what speech reads.
func (m *Mode) popupUp() bool {
	return m.popup != nil && m.popup.Visible() && m.canvas.Overlays().Top() != nil
}

// sayWhere says, after before, where the visitor is once a pop-up is gone: the
// screen's title and the item under the cursor. With a pop-up still up (one Esc
// cannot close) it says the pop-up again.
func (m *Mode) sayWhere(before ...spoken) {
	if m.popupUp() {
		m.PopupShown(m.popup)
		return
	}
	m.backFromOverlay()
	m.items = m.screenItems()
	texts := before
	if m.page().Title() != "" {
		texts = append(texts, spoken{text: m.page().Title()})
	}
	if m.cursor >= 0 && m.cursor < len(m.items) {
		m.focusCursor()
		texts = append(texts, m.utterance(m.items[m.cursor])...)
	}
	m.say(texts...)
}
