package ui

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

// transitions is the kiosk's state machine: from a screen, on an event, to a screen.
// Back and Start over are not events here: Back returns along the visit's history,
// Start over resets the whole visit.
var transitions = map[screenID]map[event]screenID{
	screenWelcome: {evLanguageChosen: screenFind, evHelp: screenHelp, evNoEmail: screenNoEmail},
	screenFind:    {evAccountFound: screenFound, evNoEmail: screenNoEmail},
	screenFound:   {evRegister: screenRegister, evSignIn: screenSignIn, evPayNow: screenPay},
	screenRegister: {
		evSignedIn: screenMyAccount, evSignIn: screenSignIn,
	},
	screenSignIn:    {evSignedIn: screenMyAccount},
	screenMyAccount: {evAutoPay: screenAutoPay, evEBilling: screenEBilling, evPayNow: screenPay, evFinish: screenDone},
	screenAutoPay:   {evFinish: screenMyAccount},
	screenEBilling:  {evFinish: screenMyAccount},
	screenPay:       {evPaid: screenDone, evRegister: screenRegister, evSignIn: screenSignIn, evMyAccount: screenMyAccount},
	screenDone:      {evRegister: screenRegister},
}

// anywhere lists the events every screen accepts.
var anywhere = map[event]screenID{evHelp: screenHelp, evNoEmail: screenNoEmail}

// nextScreen is where event ev leads from screen from; ok is false when the event
// makes no sense there (a bug, which the kiosk logs and ignores).
func nextScreen(from screenID, ev event) (to screenID, ok bool) {
	if to, ok := transitions[from][ev]; ok {
		return to, true
	}
	to, ok = anywhere[ev]
	return to, ok
}
