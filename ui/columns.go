package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// formColumn puts a form in a column a visitor can read without turning their head.
func formColumn(objects ...fyne.CanvasObject) fyne.CanvasObject {
	return kwidget.AtTop(container.New(kwidget.Column{Width: 760, Most: 1000}, container.NewVBox(objects...)))
}
