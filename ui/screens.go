package ui

import (
	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// screenID names a screen of the kiosk.
type screenID string

// The kiosk's screens.
const (
	screenWelcome      screenID = "welcome"
	screenOutOfService screenID = "out_of_service"
	screenFind         screenID = "find"
	screenFound        screenID = "found"
	screenRegister     screenID = "register"
	screenSignIn       screenID = "sign_in"
	screenMyAccount    screenID = "my_account"
	screenAutoPay      screenID = "autopay"
	screenEBilling     screenID = "ebilling"
	screenPay          screenID = "pay"
	screenDone         screenID = "done"
	screenHelp         screenID = "help"
	screenNoEmail      screenID = "no_email"
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

// page is the screen on show: rebuilt from scratch by every show, dropped by reset.
type page struct {
	id         screenID
	title      string         // the screen's title, as Help says where the visitor is; "" on a bare screen
	view       any            // the screen's own widgets (*findScreen, *payScreen, …)
	chrome     *chrome        // nil on a bare screen
	firstEntry fyne.Focusable // the first field: focused on show
	// problemEntry is the field the screen's own problem (a portal's answer) sits
	// under: a screen rebuilt with that problem arrives there (arrivalField).
	problemEntry fyne.Focusable
	touch        *kwidget.TouchScroll // the page's scroll, which a finger's swipe moves
	question     *startOverQuestion   // "Erase what you typed?", once asked (startover.go)
	held         *heldFocus           // the field that had the focus when Start over was pressed
	primaries    []*kwidget.Button    // the primary actions, in build order (enter.go)

	// What speech mode reads, in order: the banner and chrome, then the content,
	// and what the screen tells it of controls their type does not say.
	top, body fyne.CanvasObject
	// footer, when a screen sets one, stays under the page's scroll, always in
	// view: Done's Print a receipt and Finish, however long the summary.
	footer fyne.CanvasObject
	notes  map[fyne.CanvasObject]speechmode.Note
}

// noter is where a control tells speech mode what its type does not say: the
// page it is on.
type noter interface {
	note(o fyne.CanvasObject, n speechmode.Note)
}

// note tells speech mode something about o (access_items.go).
func (p *page) note(o fyne.CanvasObject, n speechmode.Note) {
	if p.notes == nil {
		p.notes = map[fyne.CanvasObject]speechmode.Note{}
	}
	p.notes[o] = n
}

// noteLanguage tells speech mode that o's words are in lang, to say in its voice.
func (p *page) noteLanguage(o fyne.CanvasObject, lang string) { p.note(o, speechmode.Note{Lang: lang}) }
