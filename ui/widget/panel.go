package widget

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Panel is a flat, opaque fill of one theme colour with rounded corners: what a
// button's background looks like, at a fraction of its cost on a software
// renderer.
//
// Fyne paints the whole window at every frame, and on a kiosk without a GPU (Mesa
// llvmpipe) the fragment shader of canvas.Rectangle dominates that frame: it
// works out a shadow, a stroke and the corners for every pixel it covers, about
// 10 ns a pixel on the kiosk's two cores, so the dozen big question buttons of a
// scrolled FAQ cost ~6 ms of a 16.7 ms frame (docs/PERFORMANCE.md, Findings).
// On Fyne's OpenGL driver a Panel is a canvas.Shader whose fragment shader only
// fills and rounds the corners, about a third of that. Under any other driver (the
// test driver of the golden renderings) it is the canvas.Rectangle it stands for.
type Panel struct {
	widget.BaseWidget
	ColorName  fyne.ThemeColorName // the fill
	RadiusName fyne.ThemeSizeName  // the corners' radius
}

// NewPanel is a Panel of the theme's colour name, rounded as a button is.
func NewPanel(name fyne.ThemeColorName) *Panel {
	p := &Panel{ColorName: name, RadiusName: theme.SizeNameButtonRadius}
	p.ExtendBaseWidget(p)
	return p
}

// panelShader fills the object's bounds with (r, g, b), leaving out what lies
// beyond the rounded corners and smoothing their edge over one pixel. bounds
// and gl_FragCoord are pixels, bounds from the top, gl_FragCoord from the
// bottom; width is the object's width in canvas units, for the radius's scale.
const panelShader = `
uniform vec2 frame;
uniform vec4 bounds;
uniform float r;
uniform float g;
uniform float b;
uniform float radius;
uniform float width;

void main() {
	float rad = radius * (bounds.z - bounds.x) / width;
	vec2 p = vec2(gl_FragCoord.x, frame.y - gl_FragCoord.y);
	vec2 c = clamp(p, bounds.xy + rad, bounds.zw - rad);
	gl_FragColor = vec4(r, g, b, clamp(rad + 0.5 - distance(p, c), 0.0, 1.0));
}
`

var (
	panelSource   = []byte("#version 110\n" + panelShader)
	panelSourceES = []byte("#version 100\nprecision mediump float;\n" + panelShader)
)

// CreateRenderer draws the shader on the OpenGL driver, a rectangle elsewhere.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	r := &panelRenderer{p: p}
	if _, gl := fyne.CurrentApp().Driver().(desktop.Driver); gl {
		r.shader = canvas.NewShader("lobbykiosk.panel", panelSource, panelSourceES)
		r.shader.Uniforms = map[string]float32{}
		r.objects = []fyne.CanvasObject{r.shader}
	} else {
		r.rect = canvas.NewRectangle(color.Transparent)
		r.objects = []fyne.CanvasObject{r.rect}
	}
	r.Refresh()
	return r
}

type panelRenderer struct {
	p       *Panel
	shader  *canvas.Shader
	rect    *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *panelRenderer) Layout(size fyne.Size) {
	r.objects[0].Resize(size)
	if r.shader != nil {
		r.shader.Uniforms["width"] = max(size.Width, 1)
	}
}

func (r *panelRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (r *panelRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *panelRenderer) Destroy() {}

// Refresh takes the colour and radius from the theme again (a change of look).
func (r *panelRenderer) Refresh() {
	th := r.p.Theme()
	fill := th.Color(r.p.ColorName, fyne.CurrentApp().Settings().ThemeVariant())
	radius := th.Size(r.p.RadiusName)
	if r.shader != nil {
		c := color.NRGBAModel.Convert(fill).(color.NRGBA)
		r.shader.Uniforms["r"] = float32(c.R) / 255
		r.shader.Uniforms["g"] = float32(c.G) / 255
		r.shader.Uniforms["b"] = float32(c.B) / 255
		r.shader.Uniforms["radius"] = radius
		r.Layout(r.p.Size())
		r.shader.Refresh()
		return
	}
	r.rect.FillColor, r.rect.CornerRadius = fill, radius
	r.rect.Refresh()
}
