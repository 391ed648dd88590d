package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// event is something the visitor did that moves the kiosk to another screen.
type event string

// The visitor's events.
const (
	evLanguageChosen event = "language_chosen"
	evAccountFound   event = "account_found"
	evRegister       event = "register"
	evSignIn         event = "sign_in"
	evSignedIn       event = "signed_in" // registered or signed in
	evAutoPay        event = "autopay"
	evEBilling       event = "ebilling"
	evPayNow         event = "pay_now"
	evPaid           event = "paid"
	evFinish         event = "finish"
	evMyAccount      event = "my_account"
	evHelp           event = "help"
	evNoEmail        event = "no_email"
)

// screen is one row of the screen table.
type screen struct {
	// title is the message ID of the screen's title in the chrome; a screen without
	// one is bare: no chrome (welcome, out of service).
	title string
	// build makes the screen from the visit: its own widgets (the view, which its
	// actions and the tests use) and what to put in the window.
	build func(k *Kiosk) (view any, content fyne.CanvasObject)
	// enter, when set, runs each time the visitor arrives (not on a rebuild such as
	// a language switch): the place to start loading what the screen shows. It
	// reports whether it started a portal call, which showed the screen already.
	enter func(k *Kiosk) (shown bool)
	// next is where the visitor's events lead from this screen, besides those that
	// lead the same way from anywhere. Back and Start over are not events: Back
	// returns along the visit's history, Start over resets the whole visit.
	next map[event]screenID
}

// screenTable is the kiosk's screens and the transitions between them, read
// together. It is made by a function, once per kiosk, because builders lead back to
// navigation, which reads the table: a package variable would initialise itself.
func screenTable() map[screenID]screen {
	return map[screenID]screen{
		screenWelcome: {build: buildWelcome,
			next: map[event]screenID{evLanguageChosen: screenFind}},
		screenOutOfService: {build: buildOutOfService},
		screenFind: {title: "find.title", build: buildFind,
			next: map[event]screenID{evAccountFound: screenFound}},
		screenFound: {title: "found.title", build: buildFound,
			next: map[event]screenID{evRegister: screenRegister, evSignIn: screenSignIn, evPayNow: screenPay}},
		screenRegister: {title: "register.title", build: buildRegister, enter: enterRegister,
			next: map[event]screenID{evSignedIn: screenMyAccount, evSignIn: screenSignIn}},
		screenSignIn: {title: "signin.title", build: buildSignIn,
			next: map[event]screenID{evSignedIn: screenMyAccount}},
		screenMyAccount: {title: "myaccount.title", build: buildMyAccount, enter: loadAccountDetails,
			next: map[event]screenID{evAutoPay: screenAutoPay, evEBilling: screenEBilling, evPayNow: screenPay, evFinish: screenDone}},
		screenAutoPay: {title: "autopay.title", build: buildAutoPay,
			next: map[event]screenID{evFinish: screenMyAccount}},
		screenEBilling: {title: "ebilling.title", build: buildEBilling,
			next: map[event]screenID{evFinish: screenMyAccount}},
		screenPay: {title: "pay.title", build: buildPay,
			next: map[event]screenID{evPaid: screenDone, evRegister: screenRegister, evSignIn: screenSignIn, evMyAccount: screenMyAccount}},
		screenDone: {title: "done.title", build: buildDone,
			next: map[event]screenID{evRegister: screenRegister}},
		screenHelp:    {title: "help.title", build: buildHelp},
		screenNoEmail: {title: "noemail.title", build: buildNoEmail},
	}
}

// anywhere lists the events every screen accepts.
var anywhere = map[event]screenID{evHelp: screenHelp, evNoEmail: screenNoEmail}

// nextScreen is where event ev leads from screen from; ok is false when the event
// makes no sense there (a bug, which the kiosk logs and ignores).
func nextScreen(table map[screenID]screen, from screenID, ev event) (to screenID, ok bool) {
	if to, ok := table[from].next[ev]; ok {
		return to, true
	}
	to, ok = anywhere[ev]
	return to, ok
}

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
	k.fleet.screenShown(id)
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
	k.speech.Arrived(k.page.ID())
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
