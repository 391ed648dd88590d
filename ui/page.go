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
	// part names a step of the screen that is a screen of its own to a listener
	// (the card reader's instructions): arriving on it is an arrival, not a rebuild.
	part      string
	primaries []*kwidget.Button // the primary actions, in build order (pressPrimary)

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

// note tells speech mode something about o (ui/speechmode).
func (p *page) note(o fyne.CanvasObject, n speechmode.Note) {
	if p.notes == nil {
		p.notes = map[fyne.CanvasObject]speechmode.Note{}
	}
	p.notes[o] = n
}

// noteLanguage tells speech mode that o's words are in lang, to say in its voice.
func (p *page) noteLanguage(o fyne.CanvasObject, lang string) { p.note(o, speechmode.Note{Lang: lang}) }
