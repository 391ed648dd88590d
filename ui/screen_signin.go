package ui

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// signInScreen signs in a customer who already has a login.
type signInScreen struct {
	k               *Kiosk
	email, password *field
	reveal          *kwidget.HoldButton
	problem         *widget.Label
	notice          *widget.Label     // the reset-link message
	noticeBox       fyne.CanvasObject // its card, shown once a link was asked for
	submit, forgot  *kwidget.Button
}

func buildSignIn(k *Kiosk) (any, fyne.CanvasObject) {
	s := &signInScreen{k: k}
	s.email = k.newField(fieldSpec{id: fieldEmail, labelID: "signin.email", check: checkEmail, blankID: emailBlankID, keyboard: keyboard.Email})
	s.password = k.newField(fieldSpec{
		id: fieldPassword, labelID: "signin.password", password: true,
		// Only "not blank": the rules for new passwords do not apply to old ones.
		check: func(_ *visit, text string) (string, validate.Code) {
			if text == "" {
				return "", validate.Required
			}
			return text, validate.OK
		},
	})
	s.reveal = k.revealToggle(s.password)
	s.email.entry.OnSubmitted = func(string) { k.win.Canvas().Focus(s.password.entry) }
	s.password.entry.OnSubmitted = func(string) { s.signIn() }
	problem, problemLabel := k.screenProblem()
	s.problem = problemLabel
	s.notice = widget.NewLabel(k.T("signin.reset_sent"))
	s.notice.Wrapping = fyne.TextWrapWord
	s.noticeBox = widget.NewCard("", "", container.NewBorder(nil, nil, widget.NewIcon(theme.MailSendIcon()), nil, s.notice))
	if !k.visit.login.resetSent {
		s.noticeBox.Hide()
	}
	s.submit = k.primaryButton("signin.submit", s.signIn)
	s.forgot = k.untilAnswered(kwidget.NewButton(k.T("signin.forgot"), s.forgotPassword))
	return s, formColumn(
		k.fieldObject(s.email),
		k.fieldObject(s.password, fieldExtras{entryEnd: s.reveal, screenProblem: problem}),
		s.noticeBox,
		s.submit,
		s.forgot,
	)
}

// signIn signs in. A wrong email or password keeps everything typed, so the
// visitor corrects the one mistake instead of typing both again.
func (s *signInScreen) signIn() {
	k := s.k
	v := k.visit
	if k.page.id != screenSignIn {
		return // a late tap on a screen no longer on show
	}
	if v.signedIn() {
		k.navigate(evSignedIn)
		return
	}
	if !k.checkFields(s.email, s.password) {
		return
	}
	v.login.resetSent = false
	email := v.values[fieldEmail]
	req := client.SignInRequest{Email: email, Password: v.values[fieldPassword]}
	var session client.Session
	k.portalCall(func(ctx context.Context, portal *client.Client) (err error) {
		session, err = portal.SignIn(ctx, req)
		return k.claimSession(v, portal, session, err)
	}, func(err error) {
		if err != nil {
			s.failed(err)
			return
		}
		k.signedIn(session, email)
	})
}

func (s *signInScreen) failed(err error) {
	k := s.k
	if errors.Is(err, client.ErrRateLimited) {
		// The portal pauses sign-in for this email after several wrong passwords.
		k.visit.problems[fieldNone] = "signin.rate_limited"
	} else {
		k.applyPortalProblem(err)
	}
	k.refresh()
}

// forgotPassword asks the portal to email a reset link. The answer on screen is the
// same whether or not the email has a login, so the kiosk never tells a stranger
// which emails are customers'.
func (s *signInScreen) forgotPassword() {
	k := s.k
	v := k.visit
	if !k.checkFields(s.email) {
		return
	}
	email := v.values[fieldEmail]
	k.portalCall(func(ctx context.Context, portal *client.Client) error {
		return portal.RequestPasswordReset(ctx, email)
	}, func(err error) {
		v.login.resetSent = err == nil
		if err != nil {
			k.applyPortalProblem(err)
		} else {
			delete(v.problems, fieldNone)
		}
		k.refresh()
	})
}

// claimSession, on the portal call's goroutine, records a session the portal just
// issued to visit v, or revokes it at once when v ended meanwhile (a sign-in that
// landed during a reset: no screen will ever show it). It passes err through.
func (k *Kiosk) claimSession(v *visit, portal *client.Client, s client.Session, err error) error {
	if err == nil && !v.adopt(s.Token) {
		k.portal.signOut(portal, s.Token)
	}
	return err
}

// signedIn keeps the customer session and the email, drops the password and goes
// to My account.
func (k *Kiosk) signedIn(session client.Session, email string) {
	v := k.visit
	v.session = session.Token
	v.fields[fieldEmail] = email
	for _, id := range []fieldID{fieldPassword, fieldEmailAgain, fieldShowPassword} {
		delete(v.fields, id)
	}
	for _, id := range []fieldID{fieldNone, fieldEmail, fieldEmailAgain, fieldPassword, fieldTermsAccepted} {
		delete(v.problems, id)
	}
	v.login.resetSent = false
	v.login.regKey, v.login.regFor = "", client.RegistrationRequest{}
	if v.account != nil {
		v.account.Registered = true // it has a login now, whichever way the visitor came
	}
	k.navigate(evSignedIn) // last: My account starts loading at once
	// The register and sign-in forms are spent: Back from My account returns to the
	// account found, not to a form for a login that now exists.
	v.history = slices.DeleteFunc(v.history, func(id screenID) bool {
		return id == screenRegister || id == screenSignIn
	})
}

// revealToggle is a "Show password" / "Hide password" button at a password field's
// end: on a touchscreen keyboard a hidden typo is easy to make and hard to find.
// The choice lasts the visit. It replaces the entry's own eye icon, which has no
// words. A visitor typing in the field who taps it goes on typing there: it notes
// at the press (before Fyne takes the focus away) that the field had the focus,
// holds the field's check as a key does, and gives the focus back after.
func (k *Kiosk) revealToggle(f *field) *kwidget.HoldButton {
	shown := k.visit.fields[fieldShowPassword] == "true"
	f.entry.Password = !shown
	b := kwidget.NewHoldButton("", nil, func() {
		typing := k.win.Canvas().Focused() == fyne.Focusable(f.entry)
		f.entry.CheckHeld = typing // cleared when the focus comes back
		if kb := k.keyboard; typing && kb != nil && kb.Target() == keyboard.Field(f.entry) {
			kb.Hold() // the keys and the page stay as they are when the focus comes back
		}
	})
	label := func() {
		if shown {
			b.SetText(k.T("register.hide_password"))
			b.SetIcon(theme.VisibilityOffIcon())
		} else {
			b.SetText(k.T("register.show_password"))
			b.SetIcon(theme.VisibilityIcon())
		}
	}
	b.OnTapped = func() {
		shown = !shown
		if shown {
			k.visit.fields[fieldShowPassword] = "true"
		} else {
			delete(k.visit.fields, fieldShowPassword)
		}
		f.entry.Password = !shown
		f.entry.Refresh()
		label()
		if f.entry.CheckHeld { // pressed while typing in the field
			k.win.Canvas().Focus(f.entry)
		}
	}
	label()
	return b
}
