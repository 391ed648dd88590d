package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// noEmailScreen tells a visitor without an email address why the kiosk cannot
// register them or take a payment (the portal requires an email for both) and how
// they can still pay: by phone or at the front counter.
type noEmailScreen struct {
	required, phone, counter *widget.Label
	back, startOver          *kwidget.Button
}

func buildNoEmail(k *Kiosk) (any, fyne.CanvasObject) {
	s := &noEmailScreen{}
	u := k.settings.Utility
	data := map[string]any{"Office": u.OfficeAddress.In(k.lang), "Hours": u.OfficeHours.In(k.lang)}

	s.required = widget.NewLabelWithStyle(k.T("noemail.required"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.required.Wrapping = fyne.TextWrapWord
	s.phone = wrappedLabel(k.T("noemail.phone", data))
	s.counter = wrappedLabel(k.T("noemail.counter", data))
	s.back = kwidget.NewButtonWithIcon(k.T("nav.back"), theme.NavigateBackIcon(), k.back)
	s.startOver = kwidget.NewButtonWithIcon(k.T("nav.start_over"), theme.HomeIcon(), k.startOver)
	s.startOver.Importance = widget.HighImportance

	return s, formColumn(
		s.required,
		wrappedLabel(k.T("noemail.still_pay")),
		widget.NewCard("", "", container.NewVBox(subHeading(k.T("noemail.phone_title")), s.phone)),
		widget.NewCard("", "", container.NewVBox(subHeading(k.T("noemail.counter_title")), s.counter)),
		s.back,
		s.startOver,
	)
}

// subHeading names a part of a screen, larger than the text under it.
func subHeading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}
