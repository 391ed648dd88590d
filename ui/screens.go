package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// screenID names a screen of the kiosk.
type screenID string

// The kiosk's screens.
const (
	screenWelcome      screenID = "welcome"
	screenOutOfService screenID = "out_of_service"
)

// screen is one entry of the registry: how to build it for the current visitor.
type screen struct {
	build func(k *Kiosk) fyne.CanvasObject
}

// screens is the registry that drives navigation: Kiosk.show looks a screen up here
// instead of a chain of ifs. It is filled in init because the builders themselves
// navigate (through Kiosk.show), which a package-level initializer may not refer to.
var screens map[screenID]screen

func init() {
	screens = map[screenID]screen{
		screenWelcome:      {build: buildWelcome},
		screenOutOfService: {build: buildOutOfService},
	}
}

// frame puts the mode banner (demo, training) above a screen's content.
func (k *Kiosk) frame(content fyne.CanvasObject) fyne.CanvasObject {
	banner := k.modeBanner()
	if banner == nil {
		return content
	}
	return container.NewBorder(banner, nil, nil, nil, content)
}

// modeBanner is a strip that no one can miss, or nil for a live kiosk.
func (k *Kiosk) modeBanner() fyne.CanvasObject {
	var id string
	switch k.deps.Mode {
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
