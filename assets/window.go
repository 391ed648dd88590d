package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon-window.png
var windowIconPNG []byte

// WindowIcon is Icon at 128×128, for the window: a window manager shows it at
// most that big, and the 512×512 icon costs the start a decode and a megabyte to the
// X server before the first frame.
var WindowIcon = fyne.NewStaticResource("icon-window.png", windowIconPNG)
