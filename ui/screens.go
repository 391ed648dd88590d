package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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

// screen is one entry of the registry: how to build it for the current visitor.
type screen struct {
	build func(k *Kiosk) fyne.CanvasObject
	bare  bool   // no visitor chrome (welcome, out of service)
	title string // message ID of the screen's title in the chrome
	// enter, when set, runs each time the visitor arrives (not on a rebuild such as
	// a language switch): the place to start loading what the screen shows.
	enter func(k *Kiosk)
}

// screens is the registry that drives navigation: Kiosk.show looks a screen up here
// instead of a chain of ifs. Each screen's file adds itself in its init, next to its
// builder.
var screens = map[screenID]screen{}

func addScreen(id screenID, s screen) { screens[id] = s }

// chrome is the bar on every visitor screen: Back, the screen's title, the other
// language, Questions?, Start over.
type chrome struct {
	back, language, help, startOver *widget.Button
	title                           *widget.Label
}

// frame puts the mode banner (demo, training) and the visitor chrome around a
// screen's content.
func (k *Kiosk) frame(id screenID, content fyne.CanvasObject) fyne.CanvasObject {
	var top []fyne.CanvasObject
	if banner := k.modeBanner(); banner != nil {
		top = append(top, banner)
	}
	k.chrome = nil
	if !screens[id].bare {
		top = append(top, k.chromeBar(screens[id]))
		content = container.NewPadded(content)
	}
	// Every screen scrolls, bare ones too: a 1280×720 panel, or larger text, is
	// shorter than the welcome screen's languages and buttons, never to be cut off.
	return k.withKeyboard(container.NewVBox(top...), container.NewVScroll(content), !screens[id].bare)
}

func (k *Kiosk) chromeBar(s screen) fyne.CanvasObject {
	c := &chrome{}
	k.chrome = c
	c.back = widget.NewButtonWithIcon(k.T("nav.back"), theme.NavigateBackIcon(), k.back)
	if k.visit.busy {
		// Leaving mid-call would strand its answer (a login on a screen that no longer
		// offers it); Start over stays, since a reset cancels the call.
		c.back.Disable()
	}
	c.title = widget.NewLabelWithStyle(k.T(s.title), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.title.SizeName = theme.SizeNameSubHeadingText
	other := k.otherLanguage()
	c.language = widget.NewButton(k.tr(other, "language.name"), func() { k.setLanguage(other) })
	c.help = widget.NewButtonWithIcon(k.T("nav.help"), theme.QuestionIcon(), func() { k.navigate(evHelp) })
	if k.visit.busy {
		c.help.Disable()
	}
	c.startOver = widget.NewButtonWithIcon(k.T("nav.start_over"), theme.HomeIcon(), k.startOver)
	right := container.NewHBox(c.language, c.help, c.startOver)
	bar := container.NewBorder(nil, nil, c.back, right, newTapTarget(c.title, k.staff.tap))
	looks := container.NewHBox(layout.NewSpacer(), k.newLookBar())
	return container.NewPadded(container.NewVBox(bar, looks, widget.NewSeparator()))
}

// otherLanguage is the language the chrome's toggle switches to.
func (k *Kiosk) otherLanguage() string {
	for _, lang := range k.settings.Languages {
		if lang != k.lang {
			return lang
		}
	}
	return k.lang
}

// modeBanner is a strip that no one can miss, or nil for a live kiosk.
func (k *Kiosk) modeBanner() fyne.CanvasObject {
	var id string
	switch k.mode {
	case ModeDemo:
		id = "banner.demo"
	case ModeTraining:
		id = "banner.training"
	default:
		return nil
	}
	label := canvas.NewText(k.T(id), color.Black)
	label.TextStyle = fyne.TextStyle{Bold: true}
	label.Alignment = fyne.TextAlignCenter
	background := canvas.NewRectangle(demoAmber)
	return container.NewStack(background, container.NewPadded(container.New(layout.NewCenterLayout(), label)))
}
