package kiosktheme

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Fyne colours a theme icon's SVG anew, an XML decode and encode, every time an
// image of it is refreshed, and building a screen refreshes each icon several
// times: that was half of what a tap to the register screen allocated, and the
// garbage collections it caused were the slow taps (docs/PERFORMANCE.md). The
// kiosk's theme hands out its icons wrapped so that each keeps its coloured SVG
// for each colour it has been drawn in.

// icons holds the wrapper of each of Fyne's themed icons, by the icon it wraps.
var icons sync.Map // fyne.ThemedResource → *colouredIcon

// colouredIcon is a themed icon that colours its SVG once per colour.
type colouredIcon struct {
	fyne.ThemedResource
	mu      sync.Mutex
	content map[color.NRGBA][]byte
}

// cachedIcon wraps res, when it is a themed icon, in its colouredIcon.
func cachedIcon(res fyne.Resource) fyne.Resource {
	themed, ok := res.(fyne.ThemedResource)
	if !ok {
		return res
	}
	if c, ok := icons.Load(themed); ok {
		return c.(*colouredIcon)
	}
	c, _ := icons.LoadOrStore(themed, &colouredIcon{ThemedResource: themed, content: map[color.NRGBA][]byte{}})
	return c.(*colouredIcon)
}

// Content is the SVG coloured in the theme's current colour for the icon.
func (c *colouredIcon) Content() []byte {
	key := color.NRGBAModel.Convert(theme.Color(c.ThemeColorName())).(color.NRGBA)
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.content[key]; ok {
		return b
	}
	b := c.ThemedResource.Content() // in the same colour: themes change on the UI thread only
	c.content[key] = b
	return b
}
