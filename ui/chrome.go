package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// chrome is the bar on every visitor screen, one row even at 1024 px: Back, the
// screen's title, the other language, Questions?, Start over, and "Aa" for the
// look.
type chrome struct {
	back, language, help *kwidget.Button
	startOver            *kwidget.HoldButton // notes the focus at the press, for Keep going (startover.go)
	look                 *kwidget.HoldButton // "Aa": larger text and high contrast (look_menu.go)
	title                *widget.Label
}

// frame puts the mode banner (demo, training) and the visitor chrome around a
// screen's content.
func (k *Kiosk) frame(s screen, content fyne.CanvasObject) fyne.CanvasObject {
	var top []fyne.CanvasObject
	if banner := k.modeBanner(); banner != nil {
		top = append(top, banner)
	}
	bare := s.title == ""
	if !bare {
		k.page.title = k.T(s.title)
		top = append(top, k.chromeBar(s.title))
		content = container.NewPadded(content)
	}
	// Every screen scrolls, bare ones too: a 1280×720 panel, or larger text, is
	// shorter than the welcome screen's languages and buttons, never to be cut off.
	k.page.top, k.page.body = container.NewVBox(top...), content
	scroll := container.NewVScroll(content)
	return k.speech.Decorate(k.withKeyboard(k.page.top, scroll, !bare), scroll)
}

func (k *Kiosk) chromeBar(titleID string) fyne.CanvasObject {
	c := &chrome{}
	k.page.chrome = c
	title := fyne.CanvasObject(nil)
	c.title, title = kwidget.NewChromeTitle(k.T(titleID))
	other := k.otherLanguage()
	c.language = kwidget.NewButton(k.tr(other, "language.name"), func() { k.setLanguage(other) })
	k.page.note(c.language, speechmode.Note{Lang: other}) // its name, in its own voice
	c.look = k.look.newButton(&k.page)
	k.chromeButtons(c, true)
	// Larger text on a narrow panel (a 15-inch 1024×768) leaves the title less
	// room than its longest word: the buttons give up their icons, and keep their
	// words, before a word of the title is cut. The room is what the window's
	// padding, the chrome's and the row's gaps either side of the title leave.
	room := func() float32 {
		return k.win.Canvas().Size().Width - 6*theme.Padding() - c.back.MinSize().Width -
			kwidget.SnugRow{}.MinSize([]fyne.CanvasObject{c.language, c.help, c.startOver, c.look}).Width
	}
	if room() < kwidget.WidestWord(c.title, theme.SizeNameCaptionText)+2*theme.InnerPadding() {
		k.chromeButtons(c, false) // new buttons: a button keeps the room of an icon it loses
	}
	right := container.New(kwidget.SnugRow{}, c.language, c.help, c.startOver, c.look)
	back := container.New(kwidget.SnugRow{}, c.back)
	title = kwidget.NewTapTarget(title, k.staff.Tap)
	if room() < kwidget.WidestWord(c.title, theme.SizeNameCaptionText)+2*theme.InnerPadding() {
		// Larger text on the narrowest panel: even then a word would be cut, so the
		// title takes a row of its own above the buttons.
		return container.NewPadded(container.NewVBox(title, container.NewBorder(nil, nil, back, right), widget.NewSeparator()))
	}
	bar := container.NewBorder(nil, nil, back, right, title)
	return container.NewPadded(container.NewVBox(bar, widget.NewSeparator()))
}

// chromeButtons makes the chrome's Back, Questions? and Start over, with their
// icons or without.
func (k *Kiosk) chromeButtons(c *chrome, icons bool) {
	icon := func(r fyne.Resource) fyne.Resource {
		if icons {
			return r
		}
		return nil
	}
	// Leaving mid-call would strand its answer (a login on a screen that no longer
	// offers it); Start over stays, since a reset cancels the call.
	c.back = k.untilAnswered(kwidget.NewButtonWithIcon(k.T("nav.back"), icon(theme.NavigateBackIcon()), k.back))
	c.help = k.untilAnswered(kwidget.NewButtonWithIcon(k.T("nav.help"), icon(theme.QuestionIcon()), func() { k.navigate(evHelp) }))
	c.startOver = kwidget.NewHoldButton(k.T("nav.start_over"), k.startOver, func() {
		k.page.held = holdFocusOn(k.win.Canvas(), k.keyboard)
	})
	c.startOver.Icon = icon(theme.HomeIcon())
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
	switch k.portal.mode {
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
	k.page.note(label, speechmode.Note{Once: true}) // a listener hears it once, not on every screen
	background := canvas.NewRectangle(kiosktheme.DemoAmber)
	return container.NewStack(background, container.NewPadded(container.New(layout.NewCenterLayout(), label)))
}
