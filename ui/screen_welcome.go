package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/assets"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// languageButtonSize makes "English" and "Español" the biggest targets on screen;
// on a portrait panel they stand one above the other, wider and taller
// (tallLanguageButtonSize), and the logo grows, so the screen uses its height
// (languageButtonsLayout, logoLayout).
var (
	languageButtonSize     = fyne.NewSize(400, 120)
	tallLanguageButtonSize = fyne.NewSize(640, 180)
)

// languageNameStyle is a language's name on its button: the words of a primary
// button (bold, in the colour on primary), at kiosktheme.SizeNameLanguage.
//
// Not a container.ThemeOverride with a larger text size: Fyne keys its cache of
// parsed fonts by theme scope, and every ThemeOverride it builds or refreshes is a
// new scope whose fonts are parsed again and never freed. The welcome screen is
// built anew at every reset, so every visit would leave its fonts parsed once more
// for the life of the process.
var languageNameStyle = widget.RichTextStyle{
	Alignment: fyne.TextAlignCenter,
	ColorName: theme.ColorNameForegroundOnPrimary,
	SizeName:  kiosktheme.SizeNameLanguage,
	TextStyle: fyne.TextStyle{Bold: true},
}

// welcomeScreen is the first thing every visitor sees: who we are and a choice of
// language. Its prompt is written in every offered language, since the visitor has
// not chosen yet.
type welcomeScreen struct {
	title     *widget.Label
	languages map[string]*kwidget.Button // by language code
	// Each language's name, in its own words, laid over its button.
	languageNames map[string]*widget.RichText
	// Smaller ways out for visitors who are not here to find their account yet:
	// one button in each language, by language code, which also chooses it.
	help, noEmail map[string]*kwidget.Button
}

func buildWelcome(k *Kiosk) (any, fyne.CanvasObject) {
	s := &welcomeScreen{languages: map[string]*kwidget.Button{}, languageNames: map[string]*widget.RichText{},
		help: map[string]*kwidget.Button{}, noEmail: map[string]*kwidget.Button{}}

	s.title = widget.NewLabelWithStyle(k.T("welcome.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	k.page.title = s.title.Text
	s.title.SizeName = "headingText"

	canvas := k.win.Canvas()
	buttons := container.New(languageButtonsLayout{canvas})
	for _, lang := range k.settings.Languages {
		name := widget.NewRichText(&widget.TextSegment{Text: k.tr(lang, "language.name"), Style: languageNameStyle})
		k.page.note(name, speechmode.Note{Lang: lang})
		button, face := labelledButton(func() {
			k.lang = lang // the visit starts in the language chosen
			k.navigate(evLanguageChosen)
		}, container.NewCenter(name))
		button.Importance = widget.HighImportance
		s.languages[lang], s.languageNames[lang] = button, name
		buttons.Add(face)
	}
	var rows [][]fyne.CanvasObject // one row a way in, each in every language
	for _, way := range []struct {
		id      string
		ev      event
		buttons map[string]*kwidget.Button
	}{{"nav.help", evHelp, s.help}, {"noemail.button", evNoEmail, s.noEmail}} {
		var row []fyne.CanvasObject
		for _, lang := range languagesOffered(k.settings) {
			b := kwidget.NewButton(k.tr(lang, way.id), func() {
				k.lang = lang // a visitor who reads these words reads on in them
				k.navigate(way.ev)
			})
			k.page.note(b, speechmode.Note{Lang: lang})
			way.buttons[lang] = b
			row = append(row, b)
		}
		rows = append(rows, row)
	}

	// Whole, without scrolling, on the shortest canvas the kiosk's scale leaves
	// (internal/display): a first-time visitor does not know the screen scrolls.
	// The labels' padding overhangs (kwidget.TightStack) and the prompts share a row.
	audioID := "welcome.audio" // headphones, the way to private speech
	if k.settings.SpeechOutput == config.SpeechOutputSpeaker {
		audioID = "welcome.audio_speaker" // none plugs in: speech is for the room
	}
	prompts, audio := k.inEveryLanguage("welcome.choose_language"), k.inEveryLanguage(audioID)
	stack := &kwidget.TightStack{Trimmed: map[fyne.CanvasObject]bool{s.title: true, prompts: true, audio: true}}
	return s, container.New(layout.NewCenterLayout(), container.New(stack,
		container.NewCenter(kwidget.NewTapTarget(container.New(logoLayout{canvas}, k.welcomeLogo()), k.staff.Tap)), // the staff gesture (staff.go)
		s.title,
		prompts,
		container.NewCenter(buttons),
		waysIn(canvas, rows),
		audio, // how a visitor who cannot see the screen starts speech
		container.NewCenter(k.look.newBar(languagesOffered(k.settings), k.page.noteLanguage)),
	))
}

// The welcome screen takes the shape of the canvas it is laid out in, whenever
// that is: the first one is built before the full-screen window has its size.

// portrait reports whether c is taller than it is wide.
func portrait(c fyne.Canvas) bool { return c.Size().Height > c.Size().Width }

// languageButtonsLayout puts the language buttons side by side, or on a
// portrait panel one above the other at tallLanguageButtonSize.
type languageButtonsLayout struct{ canvas fyne.Canvas }

func (l languageButtonsLayout) size() (button fyne.Size, stacked bool) {
	if portrait(l.canvas) {
		return tallLanguageButtonSize, true
	}
	return languageButtonSize, false
}

func (l languageButtonsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	button, stacked := l.size()
	n, gap := float32(len(objects)), theme.Padding()*float32(max(len(objects)-1, 0))
	if stacked {
		return fyne.NewSize(button.Width, n*button.Height+gap)
	}
	return fyne.NewSize(n*button.Width+gap, button.Height)
}

func (l languageButtonsLayout) Layout(objects []fyne.CanvasObject, _ fyne.Size) {
	button, stacked := l.size()
	at := fyne.NewPos(0, 0)
	for _, o := range objects {
		o.Move(at)
		o.Resize(button)
		if stacked {
			at.Y += button.Height + theme.Padding()
		} else {
			at.X += button.Width + theme.Padding()
		}
	}
}

// logoLayout draws the logo larger on a portrait panel.
type logoLayout struct{ canvas fyne.Canvas }

func (l logoLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	if portrait(l.canvas) {
		return fyne.NewSize(260, 260)
	}
	return fyne.NewSize(140, 140)
}

func (l logoLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
	}
}

// waysIn lays the smaller ways in out on one row when they fit across the
// canvas (less the page's margins), else a row each: larger text on the
// narrowest panel, or a portrait panel, where one row would run off the screen.
func waysIn(canvas fyne.Canvas, rows [][]fyne.CanvasObject) fyne.CanvasObject {
	var all []fyne.CanvasObject
	for _, row := range rows {
		all = append(all, row...)
	}
	return container.New(&waysLayout{canvas: canvas, rows: rows}, all...)
}

// waysLayout is waysIn's: the rows it may break into, centred.
type waysLayout struct {
	canvas fyne.Canvas
	rows   [][]fyne.CanvasObject
}

// lines is the rows to draw: all the buttons in one, or the rows as given.
func (l *waysLayout) lines(all []fyne.CanvasObject) [][]fyne.CanvasObject {
	if kwidget.SnugRow.MinSize(kwidget.SnugRow{}, all).Width <= l.canvas.Size().Width-4*theme.Padding() {
		return [][]fyne.CanvasObject{all}
	}
	return l.rows
}

func (l *waysLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for i, line := range l.lines(objects) {
		m := kwidget.SnugRow.MinSize(kwidget.SnugRow{}, line)
		size.Width = max(size.Width, m.Width)
		size.Height += m.Height
		if i > 0 {
			size.Height += theme.Padding()
		}
	}
	return size
}

func (l *waysLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, line := range l.lines(objects) {
		m := kwidget.SnugRow.MinSize(kwidget.SnugRow{}, line)
		x := (size.Width - m.Width) / 2
		for _, o := range line {
			w := kwidget.SnugWidth(o.MinSize())
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, m.Height))
			x += w + theme.Padding()
		}
		y += m.Height + theme.Padding()
	}
}

// inEveryLanguage shows message id in each offered language side by side, the
// default language first, for screens where the visitor has not chosen one.
func (k *Kiosk) inEveryLanguage(id string) fyne.CanvasObject {
	box := container.NewHBox()
	for i, lang := range languagesOffered(k.settings) {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		l := widget.NewLabel(k.tr(lang, id))
		k.page.note(l, speechmode.Note{Lang: lang})
		box.Add(l)
	}
	return container.NewCenter(box)
}

// welcomeLogo is the logo, one image for the kiosk's life: the welcome screen is
// rebuilt at every reset, and a new image would have Fyne rasterise the SVG twice
// each time, at double size while it is not yet on a canvas and again at its own
// size when painted, its SVG cache holding one size per file (docs/PERFORMANCE.md).
// The image holds nothing of a visitor.
func (k *Kiosk) welcomeLogo() *canvas.Image {
	return keptImage(&k.logo, assets.Logo, fyne.NewSize(140, 140))
}

// keptImage is the image in *slot, made from res at a fixed size the first time,
// so that screens rebuilt again and again show the same, already rasterised image.
func keptImage(slot **canvas.Image, res fyne.Resource, size fyne.Size) *canvas.Image {
	if *slot == nil {
		*slot = canvas.NewImageFromResource(res)
		(*slot).FillMode = canvas.ImageFillContain
		(*slot).SetMinSize(size)
	}
	return *slot
}
