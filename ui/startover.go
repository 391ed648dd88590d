package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// startOverQuestion is "Erase what you typed?", up over a form that holds typing.
type startOverQuestion struct {
	popup       *widget.PopUp
	erase, keep *kwidget.Button
}

// startOver is the visitor's "Start over". Over a form with something typed in
// it, it asks first: a finger meant for Back or Help must not wipe a form out.
// An empty screen starts over at once, as the idle reset always does.
func (k *Kiosk) startOver() {
	if !k.typedOnScreen() {
		k.reset(triggerStartOver)
		return
	}
	q := &startOverQuestion{}
	held := k.page.held
	q.keep = kwidget.NewButton(k.T("startover.keep"), func() {
		q.popup.Hide()
		held.giveBack(k.win.Canvas(), k.keyboard) // typing on where the visitor was
	})
	q.keep.Importance = widget.HighImportance
	q.erase = kwidget.NewButton(k.T("startover.erase"), func() {
		q.popup.Hide()
		k.reset(triggerStartOver)
	})
	title := widget.NewLabelWithStyle(k.T("startover.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	q.popup = modalCard(k.win.Canvas(), title, popupButtons(q.erase, q.keep))
	k.page.question = q
	k.showOverlay(q.popup, q.keep.OnTapped)
}

// typedOnScreen reports whether a field on show holds something typed.
func (k *Kiosk) typedOnScreen() bool {
	typed := false
	keyboard.Walk(k.win.Canvas().Content(), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*kwidget.Entry); ok && o.Visible() && e.Text != "" {
			typed = true
		}
		return !typed && o.Visible()
	})
	return typed
}

// modalCard is a pop-up over the whole screen holding lines one under another,
// framed by a line in the text's colour so that it stands out from the screen
// under it in every look, high contrast's black on black included.
func modalCard(c fyne.Canvas, lines ...fyne.CanvasObject) *widget.PopUp {
	frame := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	frame.StrokeColor = theme.Color(theme.ColorNameForeground)
	frame.StrokeWidth = 3
	frame.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	p := widget.NewModalPopUp(container.NewStack(frame, container.NewPadded(container.NewVBox(lines...))), c)
	p.Resize(fyne.NewSize(640, 0))
	return p
}

// popupButtons lays a pop-up's buttons side by side, the same size, across it:
// each a big target, centred under the words.
func popupButtons(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWithColumns(len(buttons), buttons...)
}
