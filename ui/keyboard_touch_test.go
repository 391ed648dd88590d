package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// touchAt touches the window at pos the way Fyne's window driver delivers a touch
// (processMouseClicked): the press goes to what is under the finger, the focus
// leaves a field that is not under it, the release goes to what is under the
// finger then, and the tap only when that is still what was pressed. A page that
// moves between press and release loses the tap, as it does on the panel.
func (h *harness) touchAt(pos fyne.Position) {
	ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
	pressed := h.objectAt(pos)
	if m, ok := pressed.(desktop.Mouseable); ok {
		m.MouseDown(ev)
	}
	h.unfocusOffFinger(pressed, pos)
	h.layOut() // the frame drawn while the finger is down
	released := h.objectAt(pos)
	if m, ok := released.(desktop.Mouseable); ok {
		m.MouseUp(ev)
	}
	if tappable, ok := released.(fyne.Tappable); ok && released == pressed {
		tappable.Tapped(&fyne.PointEvent{AbsolutePosition: pos})
	}
}

// unfocusOffFinger does with the focus what the driver does at a press or a
// release on co at pos: it stays when co has it or the focused object is under
// the finger, and is taken away otherwise.
func (h *harness) unfocusOffFinger(co fyne.CanvasObject, pos fyne.Position) {
	focused := h.win.Canvas().Focused()
	if f, ok := co.(fyne.Focusable); ok && f == focused {
		return
	}
	if o, ok := focused.(fyne.CanvasObject); ok {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if pos.X >= at.X && pos.Y >= at.Y && pos.X < at.X+o.Size().Width && pos.Y < at.Y+o.Size().Height {
			return
		}
	}
	h.win.Canvas().Unfocus()
}

// touchCentre touches the middle of o where it is on the window now.
func (h *harness) touchCentre(o fyne.CanvasObject) {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	h.touchAt(at.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2)))
}

// objectAt is the front-most visible object at pos that takes a touch, as the
// window driver finds it: a scroll area's content only inside the area.
func (h *harness) objectAt(pos fyne.Position) fyne.CanvasObject {
	d := fyne.CurrentApp().Driver()
	contains := func(o fyne.CanvasObject) bool {
		at := d.AbsolutePositionForObject(o)
		return pos.X >= at.X && pos.Y >= at.Y && pos.X < at.X+o.Size().Width && pos.Y < at.Y+o.Size().Height
	}
	var found fyne.CanvasObject
	walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		if _, ok := o.(*container.Scroll); ok && !contains(o) {
			return false
		}
		switch o.(type) {
		case fyne.Tappable, fyne.Focusable, desktop.Mouseable:
			if contains(o) {
				found = o
			}
		}
		return true
	})
	return found
}

// A tap on a button while the keys are up lands on that button: the keys stay
// through the press, so the page does not move under the finger. The ZIP code is
// Find's last field, scrolled down above the keys; putting the keys away at the
// press moved the page back down, and the release found the field, not the button.
func TestATapWithTheKeysUpLandsWhereTheFingerIs(t *testing.T) {
	for _, size := range append(landscapePanels, fyne.NewSize(1080, 1920)) {
		h := newKeyboardHarness(t)
		h.win.Resize(size)
		h.startIn("es")
		find := viewOf[*findScreen](h.kiosk)
		test.Type(find.accountNumber.entry, plainAccount)
		h.focusWithKeys(find.postalCode.entry)
		h.tapKeys(t, "97504")
		top, bottom := h.roomAboveKeys()
		h.assertWithin(t, "the button", find.submit, top, bottom)
		h.touchCentre(find.submit)
		h.settle()
		if h.kiosk.page.id != screenFound {
			t.Errorf("%vx%v: the tap on %q led to %s", size.Width, size.Height, find.submit.Text, h.kiosk.page.id)
		}
	}
}

// Next field and Hide check the field they leave, as moving on by a touch does: a
// key's press took the focus, so the field's own check waited for it. Next field
// stays on a field with a problem, its problem in view above the keys.
func TestNextFieldAndHideCheckTheFieldLeft(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newKeyboardHarness(t)
		h.openRegister(t, lang)
		r := viewOf[*registerScreen](h.kiosk)
		h.focusWithKeys(r.email.entry)
		h.tapKeys(t, "ana.example.com")
		h.tapKey(t, "keyboard.next")
		if !r.email.problem.Visible() || r.email.problem.Text != h.msg(lang, h.kiosk.visit.problems[fieldEmail]) {
			t.Errorf("%s: Next field left %q in the email with no problem shown", lang, r.email.entry.Text)
		}
		h.assertKeyboardFor(t, r.email.entry, r.email.spec.keyboard)
		h.layOut()
		h.clock.Advance(time.Second) // the keyboard's second look, once laid out
		top, bottom := h.roomAboveKeys()
		h.assertWithin(t, lang+" the email's problem", r.email.problem, top, bottom)
		h.assertWithin(t, lang+" the email", r.email.entry, top, bottom)

		h.win.Canvas().Focus(r.emailAgain.entry) // a touch on the next field
		h.clock.Advance(time.Second)
		h.tapKeys(t, "other@example.com")
		h.tapKey(t, "keyboard.hide")
		if !r.emailAgain.problem.Visible() {
			t.Errorf("%s: Hide left a different email again with no problem shown", lang)
		}
		if r.email.entry.Text != "ana.example.com" || r.emailAgain.entry.Text != "other@example.com" {
			t.Errorf("%s: the check lost what was typed", lang)
		}
	}
}

// Larger text chosen while typing moves everything down; the field being typed in
// comes back into view above the keys when the look's pop-up closes.
func TestLargerTextKeepsTheFieldBeingTypedInInView(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newKeyboardHarness(t)
		h.win.Resize(landscapeLobbyPanel.logicalSize(t))
		r := h.openRegister(t, lang)
		h.focusWithKeys(r.password.entry)
		h.tapKeys(t, "river")
		h.touch(h.kiosk.page.chrome.look)
		test.Tap(h.kiosk.look.menu.larger)
		h.touch(h.kiosk.look.menu.close)
		h.layOut() // the next frame, in the larger text
		h.clock.Advance(time.Second)
		h.assertKeyboardFor(t, r.password.entry, r.password.spec.keyboard)
		top, bottom := h.roomAboveKeys()
		h.assertWithin(t, lang+" the password", r.password.entry, top, bottom)
	}
}

// A screen arrives with the focus, and the keys, on the first field there is
// something to type in: Pay carries the account number and ZIP code over from
// Find, so its keys come up for the email, not for a field already filled in.
func TestAScreenArrivesAtTheFirstFieldToFillIn(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newKeyboardHarness(t)
		h.startIn(lang)
		h.findAccount(plainAccount, "97504")
		test.Tap(viewOf[*foundScreen](h.kiosk).payNow)
		pay := viewOf[*payScreen](h.kiosk)
		if pay.accountNumber.entry.Text == "" {
			t.Fatalf("%s: Pay did not carry the account number over", lang)
		}
		h.clock.Advance(time.Second)
		h.assertKeyboardFor(t, pay.email.entry, pay.email.spec.keyboard)
	}
}

// A review shows its action without scrolling on the 15.6-inch 1280×800 panel, in
// both languages: the visitor reads what will happen and the button that does it
// together, under the demo banner too.
func TestAReviewShowsItsActionWithoutScrolling(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newHarnessWith(t, harnessOptions{mode: ModeDemo, settings: testConfig{OnScreenKeyboard: true}})
		h.win.Resize(landscapeLobbyPanel.logicalSize(t))
		h.goToPay(t, lang)
		h.fillEmails(newEmail, newEmail)
		h.fillBank("021000021")
		test.Tap(viewOf[*payScreen](h.kiosk).submit)
		pay := viewOf[*payScreen](h.kiosk)
		if pay.payButton == nil {
			t.Fatalf("%s: no review; problems %v", lang, h.kiosk.visit.problems)
		}
		h.layOut()
		top, bottom := h.roomAboveKeys()
		if h.kiosk.keyboard.Dock().Visible() || h.kiosk.keyboard.Scroll().Offset.Y != 0 {
			t.Errorf("%s: the review arrived with the keys up or scrolled", lang)
		}
		h.assertWithin(t, lang+" the pay button", pay.payButton, top, bottom)
	}
}

// Show password, tapped while typing the password, leaves the visitor typing
// there: the field keeps the focus, the keys stay for it, its check waits as for a
// key, and the page does not move.
func TestShowPasswordKeepsTheVisitorTyping(t *testing.T) {
	for _, keys := range []bool{true, false} {
		h := newHarnessWith(t, harnessOptions{settings: testConfig{OnScreenKeyboard: keys}})
		r := h.openRegister(t, "es")
		h.win.Canvas().Focus(r.password.entry)
		h.clock.Advance(time.Second)
		test.Type(r.password.entry, "rio")
		offset := h.pageScroll().Offset
		h.touch(r.reveal)
		if h.win.Canvas().Focused() != fyne.Focusable(r.password.entry) || r.password.entry.Password {
			t.Fatalf("keys %v: after Show password the focus is on %T, the password hidden %v", keys, h.win.Canvas().Focused(), r.password.entry.Password)
		}
		if r.password.problem.Visible() || h.pageScroll().Offset != offset {
			t.Errorf("keys %v: Show password checked the half-typed password (%v) or moved the page", keys, r.password.problem.Visible())
		}
		if keys {
			h.assertKeyboardFor(t, r.password.entry, r.password.spec.keyboard)
		}
		test.Type(r.password.entry, "-lamp")
		if r.password.entry.Text != "rio-lamp" {
			t.Errorf("keys %v: typing after Show password gave %q", keys, r.password.entry.Text)
		}
	}
}
