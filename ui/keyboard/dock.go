package keyboard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// dockLayout stacks a screen as a Border would, its top above, the keys' dock
// at the foot and the page between, with one difference: on a panel taller than
// the page needs (a 32-inch portrait panel, a short form), the keys come up to
// just under the page's content instead of the foot of the screen, so a field
// and the keys that type into it are one glance and one reach apart rather than
// a thousand pixels.
type dockLayout struct {
	top, view, dock fyne.CanvasObject
	scroll          *container.Scroll // inside view: its content is what the page needs
}

func (l dockLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	size := l.view.MinSize()
	for _, o := range []fyne.CanvasObject{l.top, l.dock} {
		if o.Visible() {
			m := o.MinSize()
			size = fyne.NewSize(max(size.Width, m.Width), size.Height+m.Height+theme.Padding())
		}
	}
	return size
}

func (l dockLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	y := float32(0)
	if l.top.Visible() {
		h := l.top.MinSize().Height
		l.top.Move(fyne.NewPos(0, 0))
		l.top.Resize(fyne.NewSize(size.Width, h))
		y = h + pad
	}
	viewHeight := size.Height - y
	if l.dock.Visible() {
		dockHeight := l.dock.MinSize().Height
		viewHeight -= dockHeight + pad
		if need := l.pageNeeds(); need < viewHeight {
			viewHeight = need // the keys come up under the page
		}
		l.dock.Move(fyne.NewPos(0, y+viewHeight+pad))
		l.dock.Resize(fyne.NewSize(size.Width, dockHeight))
	}
	l.view.Move(fyne.NewPos(0, y))
	l.view.Resize(fyne.NewSize(size.Width, viewHeight))
}

// pageNeeds is the height the page's content takes at the view's width, with
// whatever the view holds besides its scroll.
func (l dockLayout) pageNeeds() float32 {
	content := l.scroll.Content
	if content == nil {
		return 0
	}
	return l.view.MinSize().Height - l.scroll.MinSize().Height + content.MinSize().Height
}
