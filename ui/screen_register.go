package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// fieldShowPassword is "true" while the visitor has chosen to see the password.
const fieldShowPassword fieldID = "show_password"

// loginState is what the register and sign-in screens keep in the visit besides
// the typed fields. It goes with the visit at reset.
type loginState struct {
	terms     map[string]client.Terms    // Terms and Conditions fetched this visit, by language
	regKey    string                     // idempotency key of regFor
	regFor    client.RegistrationRequest // the registration regKey was made for
	resetSent bool                       // sign-in: the reset-link message is on show
}

// termsVersion is the version of the terms the visitor read: in lang when fetched,
// otherwise in the language they read them in before switching (the portal versions
// both translations together).
func (l *loginState) termsVersion(lang string) string {
	if t, ok := l.terms[lang]; ok {
		return t.Version
	}
	for _, t := range l.terms {
		return t.Version
	}
	return ""
}

// registrationKey is the idempotency key for req: the same while the visitor
// retries the same registration (so a dropped answer never registers twice), a new
// one once anything in it changed (the portal refuses a key reused for another body).
func (l *loginState) registrationKey(req client.RegistrationRequest) string {
	if l.regKey == "" || l.regFor != req {
		l.regKey = client.NewIdempotencyKey()
		l.regFor = req
	}
	return l.regKey
}

// registerScreen is the portal's "create a login" step, after Find My Account.
type registerScreen struct {
	k                           *Kiosk
	email, emailAgain, password *field
	reveal                      *kwidget.HoldButton
	strength                    *widget.Label
	strengthBar                 *widget.ProgressBar
	strengthRow                 fyne.CanvasObject // the words, then the bar
	readTerms                   *kwidget.Button
	termsTitle, termsText       *widget.Label
	accept                      *kwidget.Check
	acceptProblem               *widget.Label
	acceptRow                   fyne.CanvasObject // the problem's icon and words
	problem                     *widget.Label
	submit, signIn              *kwidget.Button
}

// enterRegister fetches the Terms and Conditions in the visitor's language the first
// time the visitor arrives this visit. After a language switch the box offers to
// read them in the new language instead (a rebuild starts no portal call).
func enterRegister(k *Kiosk) bool {
	if _, ok := k.visit.login.terms[k.lang]; ok {
		return false
	}
	return fetchTerms(k)
}

func buildRegister(k *Kiosk) (any, fyne.CanvasObject) {
	s := &registerScreen{k: k}
	s.email = k.newField(fieldSpec{id: fieldEmail, labelID: "register.email", check: checkEmail, blankID: emailBlankID, keyboard: keyboard.Email})
	s.emailAgain = k.newField(fieldSpec{id: fieldEmailAgain, labelID: "register.email_again", check: checkEmailAgain, blankID: emailBlankID, keyboard: keyboard.Email})
	s.password = k.newField(fieldSpec{
		id: fieldPassword, labelID: "register.password", hintID: "register.password_hint", password: true,
		check: func(v *visit, text string) (string, validate.Code) {
			return text, validate.Password(text, passwordInputs(k, v)...)
		},
	})
	s.reveal = k.revealToggle(s.password)
	s.strength, s.strengthBar = widget.NewLabel(""), widget.NewProgressBar()
	s.strengthRow = container.NewBorder(nil, nil, s.strength, nil, container.New(thinBarLayout{}, s.strengthBar))
	s.password.entry.OnChanged = func(text string) {
		k.visit.fields[fieldPassword] = text
		s.showStrength()
	}
	s.showStrength()
	intro := widget.NewLabel(k.T("register.intro"))
	intro.Wrapping = fyne.TextWrapWord
	problem, problemLabel := k.screenProblem()
	s.problem = problemLabel
	s.submit = k.primaryButton("register.submit", s.submitRegistration)
	s.signIn = kwidget.NewButton(k.T("register.sign_in"), s.toSignIn)
	if msg := k.visit.problems[fieldNone]; msg != "error.email_taken" && msg != "error.already_registered" {
		s.signIn.Hide()
	}
	return s, formColumn(
		intro,
		k.fieldObject(s.email),
		k.fieldObject(s.emailAgain),
		k.fieldObject(s.password, fieldExtras{entryEnd: s.reveal,
			below: []fyne.CanvasObject{s.strengthRow}}),
		s.termsBox(),
		problem,
		s.submit,
		s.signIn,
	)
}

// passwordInputs are what the visitor typed, and the utility's name, in every
// form a password must not be built from: the strength check counts a password
// made of them as easy to guess.
func passwordInputs(k *Kiosk, v *visit) []string {
	return validate.PasswordContext{
		AccountNumber: v.fields[fieldAccountNumber], PostalCode: v.fields[fieldPostalCode],
		Email: v.fields[fieldEmail], Utility: k.settings.Utility.Name,
	}.Inputs()
}

// strengthLevels names the meter's levels, by zxcvbn score 0..4.
var strengthLevels = [...]string{
	"register.strength_0", "register.strength_1", "register.strength_2", "register.strength_3", "register.strength_4",
}

// showStrength updates the live meter: words and a bar, never colour alone. It is
// hidden until something is typed, so an empty field does not read "very weak".
func (s *registerScreen) showStrength() {
	k := s.k
	pw := k.visit.fields[fieldPassword]
	if pw == "" {
		s.strengthRow.Hide()
		return
	}
	score := min(max(validate.PasswordStrength(pw, passwordInputs(k, k.visit)...), 0), len(strengthLevels)-1)
	level := k.T(strengthLevels[score])
	s.strength.SetText(k.T("register.strength", map[string]any{"Level": level}))
	s.strengthBar.Max = 4
	s.strengthBar.TextFormatter = func() string { return "" } // the words above say it
	s.strengthBar.SetValue(float64(score))
	s.strengthRow.Show()
}

// thinBarLayout draws the strength bar as a thin bar level with its words: at
// its own size a progress bar is as tall as a button, and a block that size under
// the field read as one.
type thinBarLayout struct{}

const thinBarHeight = 12

func (thinBarLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, thinBarHeight) }

func (thinBarLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(fyne.NewSize(size.Width, thinBarHeight))
		o.Move(fyne.NewPos(0, (size.Height-thinBarHeight)/2))
	}
}

// termsBox shows the portal's Terms and Conditions in the visitor's language, and
// the tick box accepting them. Until the terms are on screen the box cannot be
// ticked: the visitor accepts what they can read.
func (s *registerScreen) termsBox() fyne.CanvasObject {
	k := s.k
	v := k.visit
	heading := widget.NewLabelWithStyle(k.T("register.terms_heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.accept = kwidget.NewCheck(k.T("register.accept_terms"), nil)
	s.accept.Checked = v.fields[fieldTermsAccepted] == "true"
	s.accept.OnChanged = s.acceptTerms
	s.acceptProblem = widget.NewLabel("")
	s.acceptProblem.Wrapping = fyne.TextWrapWord
	s.acceptProblem.Importance = widget.DangerImportance
	s.acceptRow = container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, s.acceptProblem)
	s.showTermsProblem()
	var terms fyne.CanvasObject
	s.readTerms, s.termsTitle, s.termsText, terms = termsOnPage(k)
	if s.readTerms != nil {
		s.accept.Disable()
	}
	return container.NewVBox(heading, terms, s.accept, s.acceptRow)
}

// termsOnPage is the portal's Terms and Conditions in the visitor's language as
// a page shows them, or, until they are fetched, the button that fetches them
// (read; then title and text are nil). The terms flow in the page: a box that
// scrolled on its own inside the scrolling page caught the finger (or the wheel)
// halfway down the form.
func termsOnPage(k *Kiosk) (read *kwidget.Button, title, text *widget.Label, object fyne.CanvasObject) {
	terms, ok := k.visit.login.terms[k.lang]
	if !ok {
		read = k.untilAnswered(kwidget.NewButton(k.T("register.read_terms"), func() {
			k.visit.keepPlace = true // the terms appear where the button was
			if !fetchTerms(k) {
				k.visit.keepPlace = false
			}
		}))
		return read, nil, nil, read
	}
	title = widget.NewLabelWithStyle(terms.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	text = widget.NewLabel(terms.Text)
	text.Wrapping = fyne.TextWrapWord
	return nil, title, text, widget.NewCard("", "", container.NewVBox(title, text))
}

// acceptTerms records the tick and clears its problem as soon as it is ticked.
func (s *registerScreen) acceptTerms(on bool) {
	k := s.k
	if !on {
		delete(k.visit.fields, fieldTermsAccepted)
		return
	}
	k.visit.fields[fieldTermsAccepted] = "true"
	delete(k.visit.problems, fieldTermsAccepted)
	s.showTermsProblem()
}

// showTermsProblem shows the tick box's problem beside it, or hides the row.
func (s *registerScreen) showTermsProblem() {
	msg, ok := s.k.visit.problems[fieldTermsAccepted]
	if !ok {
		s.acceptProblem.SetText("")
		s.acceptRow.Hide()
		return
	}
	s.acceptProblem.SetText(s.k.T(msg))
	s.acceptRow.Show()
}

// fetchTerms gets the Terms and Conditions in the visitor's language from the
// portal (the kiosk never keeps its own copy: the portal's version is the one
// accepted). They are kept in the visit, so a language switch back needs no call.
// It starts on arrival or from a tap, never from building the screen: a call started
// mid-build could finish while the kiosk is still putting the screen in the window.
func fetchTerms(k *Kiosk) bool {
	lang := k.lang
	var terms client.Terms
	return k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		terms, err = portal.Terms(ctx, lang)
		return err
	}, func(err error) {
		if err != nil {
			k.applyPortalProblem(err)
		} else {
			if k.visit.login.terms == nil {
				k.visit.login.terms = map[string]client.Terms{}
			}
			k.visit.login.terms[lang] = terms
			if _, marked := k.visit.problems[fieldTermsAccepted]; !marked {
				delete(k.visit.problems, fieldNone) // an earlier failure to fetch them is over
			}
		}
		k.refresh()
		k.visit.keepPlace = false
	})
}

// submitRegistration is "Take Me to My Account": every problem is shown beside its
// field at once, and only a complete form reaches the portal.
func (s *registerScreen) submitRegistration() {
	k := s.k
	v := k.visit
	if k.page.id != screenRegister {
		return // a late tap on a screen no longer on show
	}
	if v.signedIn() {
		k.navigate(evSignedIn) // a late second tap after the login was created
		return
	}
	ok := k.checkFields(s.email, s.emailAgain, s.password)
	if v.fields[fieldTermsAccepted] != "true" {
		v.problems[fieldTermsAccepted] = "field.terms_not_accepted"
		s.showTermsProblem()
		ok = false
	}
	if !ok {
		return
	}
	if v.account == nil { // only Find My Account leads here; a login needs the account it found
		v.problems[fieldNone] = "error.account_not_found"
		k.refresh()
		return
	}
	email := v.values[fieldEmail]
	req := client.RegistrationRequest{
		AccountRef: v.account.AccountRef, Email: email,
		Password: v.fields[fieldPassword], TermsVersion: v.login.termsVersion(k.lang),
	}
	key := v.login.registrationKey(req)
	var session client.Session
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		session, err = portal.Register(ctx, req, key)
		return k.claimSession(v, portal, session, err)
	}, func(err error) {
		if err != nil {
			s.failed(err)
			return
		}
		k.visit.record(outcomeRegistered, map[string]any{"Email": email}, receipt.Registered{Email: email})
		k.signedIn(session, email)
	})
}

// failed shows the portal's answer. The fields it names are marked
// (weak password, invalid email); changed terms are fetched again and the tick
// cleared, since the visitor has not accepted the new ones.
func (s *registerScreen) failed(err error) {
	k := s.k
	v := k.visit
	k.applyPortalProblem(err)
	termsCode, outdated := v.problems[fieldID("terms_version")]
	delete(v.problems, fieldID("terms_version")) // not a field of this screen
	if !outdated {
		k.refresh()
		return
	}
	delete(v.fields, fieldTermsAccepted)
	v.login.terms = nil // every language's copy is the old version
	v.problems[fieldTermsAccepted] = termsCode
	k.refresh()
	fetchTerms(k)
}

// toSignIn follows "That email already has a login": the typed email goes
// along to the sign-in screen; the new password does not, as it is not the one of
// the existing login.
func (s *registerScreen) toSignIn() {
	k := s.k
	v := k.visit
	delete(v.problems, fieldNone)
	delete(v.problems, fieldPassword)
	delete(v.fields, fieldPassword)
	delete(v.fields, fieldEmailAgain)
	k.navigate(evSignIn)
}
