package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Language is the visitor's current language code.
func (k *Kiosk) Language() string { return k.lang }

// setLanguage switches the visitor's language and rebuilds the screen on show.
func (k *Kiosk) setLanguage(lang string) {
	k.lang = lang
	k.show(k.page.id)
}

// show builds screen id from scratch and puts it in the window.
func (k *Kiosk) show(id screenID) {
	// A rebuild that keeps the visitor's place (visit.keepPlace) shows the page
	// scrolled as it was and moves no focus.
	keep, offset := k.visit.keepPlace && k.page.id == id && k.page.touch != nil, fyne.Position{}
	if keep {
		offset = k.page.touch.Scroll.Offset
	}
	typing, _ := k.win.Canvas().Focused().(*kwidget.Entry)
	rebuilt := k.page.id == id
	k.page = page{id: id}
	k.activity.newScreen()
	s := k.screens[id]
	view, content := s.build(k)
	k.page.view = view
	content = k.frame(s, content)
	k.activity.watch(content)
	k.win.SetContent(content)
	_, answered := k.visit.problems[fieldNone]
	answered = answered && k.page.problemEntry != nil
	same := sameField(content, typing)
	switch {
	case rebuilt && same != nil && !answered:
		// Rebuilt under the visitor's fingers: they type on in the same field,
		// its cursor where they left it, not at the end of its text.
		same.CursorColumn = min(typing.CursorColumn, len([]rune(same.Text)))
		k.win.Canvas().Focus(same)
	case keep:
	case k.page.firstEntry != nil && !k.visit.busy:
		// The visitor can type at once, without first finding and touching a field.
		first := k.page.firstEntry
		if answered {
			first = k.page.problemEntry // the portal's answer, and the field it is about
		}
		k.win.Canvas().Focus(arrivalField(content, first))
	}
	if keep {
		k.page.touch.Scroll.ScrollToOffset(offset)
	}
	k.speech.Arrived(string(id))
}

// sameField is the field under content that types into the same field of the
// visit as e, or nil.
func sameField(content fyne.CanvasObject, e *kwidget.Entry) *kwidget.Entry {
	if e == nil {
		return nil // nobody was typing: no walk of the screen
	}
	var found *kwidget.Entry
	keyboard.Walk(content, func(o fyne.CanvasObject) bool {
		if f, ok := o.(*kwidget.Entry); ok && f.ID == e.ID && o.Visible() && !f.Disabled() {
			found = f
		}
		return found == nil && o.Visible()
	})
	return found
}

// arrivalField is the field a screen focuses on show: the first on show that is
// blank or has a problem, else first (the first field, or the one the screen's
// problem is about). Pay arrives with the account number and ZIP code from Find
// already in, and a screen rebuilt after an answer with what was typed: the keys
// come up where there is something to type, and a portal's refusal shows above
// them with the field it is about.
func arrivalField(content fyne.CanvasObject, first fyne.Focusable) fyne.Focusable {
	var found fyne.Focusable
	keyboard.Walk(content, func(o fyne.CanvasObject) bool {
		if found != nil || !o.Visible() {
			return false
		}
		if e, ok := o.(*kwidget.Entry); ok {
			if !e.Disabled() && (e.Text == "" || e.HasProblem()) {
				found = e
			}
			return false
		}
		return true
	})
	if found == nil {
		return first
	}
	return found
}

// showOverlay puts a pop-up on the canvas with its controls watched; dismiss is
// what Esc does there, the pop-up's own way out (Close, Keep going, I need more
// time), or nil when there is none.
func (k *Kiosk) showOverlay(p *widget.PopUp, dismiss func()) {
	k.popups = slices.DeleteFunc(k.popups, func(s shownPopup) bool { return !s.popup.Visible() })
	k.popups = append(k.popups, shownPopup{p, dismiss})
	k.activity.watch(p)
	p.Show()
	k.speech.PopupShown(p)
}

// shownPopup is a pop-up showOverlay put up, and what Esc does there.
type shownPopup struct {
	popup   *widget.PopUp
	dismiss func()
}

// refresh rebuilds the screen on show from the visit.
func (k *Kiosk) refresh() { k.show(k.page.id) }

// navigate moves to the screen event ev leads to, remembering where to come back.
func (k *Kiosk) navigate(ev event) {
	to, ok := nextScreen(k.screens, k.page.id, ev)
	if to == k.page.id {
		return // e.g. Questions? on the help screen itself
	}
	if _, built := k.screens[to]; !ok || !built {
		k.log.Error("no screen for event", "screen", string(k.page.id), "event", string(ev))
		return
	}
	k.startVisit()
	if i := slices.Index(k.visit.history, to); i >= 0 {
		k.visit.history = k.visit.history[:i] // coming back round: no loops in Back
	} else {
		k.visit.history = append(k.visit.history, k.page.id)
	}
	k.arrive(to)
}

// startVisit starts the visit at the visitor's first action: its time limits, its
// count. The welcome screen, untouched, never times out.
func (k *Kiosk) startVisit() {
	if !k.visit.startedAt.IsZero() {
		return
	}
	k.visit.startedAt = k.clock.Now()
	k.usage.visitStarted()
	k.health.stop() // the visitor's own calls will tell of any trouble
	k.limits.start()
}

// afterInVisit runs f after d, but only if the same visit is still on: a timer that
// fired just as a reset stopped it has its call already queued for the UI thread,
// and that call must not reach the next visitor.
func (k *Kiosk) afterInVisit(d time.Duration, f func()) Timer {
	v := k.visit
	return k.clock.AfterFunc(d, func() {
		if k.visit == v {
			f()
		}
	})
}

// arrive shows screen id, running its enter hook first: a portal call the hook
// starts builds the screen itself, already waiting for the answer, so a tap that
// arrives builds the screen once. A problem the portal reported belongs to the
// screen it happened on, so it is dropped on the way.
func (k *Kiosk) arrive(id screenID) {
	delete(k.visit.problems, fieldNone)
	k.page = page{id: id} // not built yet
	if enter := k.screens[id].enter; enter == nil || !enter(k) {
		k.show(id)
	}
}

// back returns to the previous screen of this visit.
func (k *Kiosk) back() {
	h := k.visit.history
	if len(h) == 0 {
		k.reset(triggerStartOver)
		return
	}
	k.visit.history = h[:len(h)-1]
	k.arrive(h[len(h)-1])
}
