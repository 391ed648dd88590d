// Command hello is the floor of the performance benchmark (bench/run.sh, make bench):
// the smallest Fyne 2.8 program that fills the screen the way the kiosk does, with
// one line of text. Whatever the kiosk costs above it is the kiosk's own.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("org.medfordwater.lobbykiosk.benchhello")
	var win fyne.Window
	// Borderless and full screen, as `lobbykiosk demo --fullscreen` opens.
	if drv, ok := a.Driver().(desktop.Driver); ok {
		win = drv.CreateSplashWindow()
	} else {
		win = a.NewWindow("Hello")
	}
	win.SetFullScreen(true)
	win.SetContent(container.NewCenter(widget.NewLabel("Hello, world!")))
	win.ShowAndRun()
}
