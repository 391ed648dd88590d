package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// outOfServiceScreen tells visitors, in every offered language at once, that the
// kiosk cannot help right now and how to pay or get help instead. Why it is out of
// service goes to the log for staff, never to the screen.
type outOfServiceScreen struct {
	messages []*widget.Label
}

func buildOutOfService(k *Kiosk) (any, fyne.CanvasObject) {
	s := &outOfServiceScreen{}
	box := container.NewVBox()
	for _, lang := range k.settings.Languages {
		title := widget.NewLabelWithStyle(k.tr(lang, "out_of_service.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		title.SizeName = "headingText"
		body := widget.NewLabelWithStyle(k.tr(lang, "out_of_service.body"), fyne.TextAlignCenter, fyne.TextStyle{})
		body.Wrapping = fyne.TextWrapWord
		k.page.note(title, speechmode.Note{Lang: lang})
		k.page.note(body, speechmode.Note{Lang: lang})
		s.messages = append(s.messages, title, body)
		box.Add(title)
		box.Add(body)
		box.Add(widget.NewSeparator())
	}
	// The staff gesture works here too: staff must reach Status and Exit when the
	// kiosk is out of service.
	box.Add(container.NewCenter(k.look.newBar(languagesOffered(k.settings), k.page.noteLanguage)))
	return s, container.New(layout.NewCenterLayout(), kwidget.NewTapTarget(container.New(kwidget.Column{Width: 900}, box), k.staff.Tap))
}
