package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/assets"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
)

// languageButtonSize makes "English" and "Español" the biggest targets on screen.
var languageButtonSize = fyne.NewSize(400, 120)

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
	languages map[string]*widget.Button // by language code
	// Each language's name, in its own words, laid over its button.
	languageNames map[string]*widget.RichText
	// Smaller ways out for visitors who are not here to find their account yet:
	// one button in each language, by language code, which also chooses it.
	help, noEmail map[string]*widget.Button
}

func buildWelcome(k *Kiosk) (any, fyne.CanvasObject) {
	s := &welcomeScreen{languages: map[string]*widget.Button{}, languageNames: map[string]*widget.RichText{},
		help: map[string]*widget.Button{}, noEmail: map[string]*widget.Button{}}

	s.title = widget.NewLabelWithStyle(k.T("welcome.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	s.title.SizeName = "headingText"

	buttons := container.NewHBox()
	for _, lang := range k.settings.Languages {
		name := widget.NewRichText(&widget.TextSegment{Text: k.tr(lang, "language.name"), Style: languageNameStyle})
		k.page.note(name, accessNote{lang: lang})
		button, face := labelledButton(func() {
			k.lang = lang // the visit starts in the language chosen
			k.navigate(evLanguageChosen)
		}, container.NewCenter(name))
		button.Importance = widget.HighImportance
		s.languages[lang], s.languageNames[lang] = button, name
		buttons.Add(container.NewGridWrap(languageButtonSize, face))
	}
	var ways []fyne.CanvasObject
	for _, way := range []struct {
		id      string
		ev      event
		buttons map[string]*widget.Button
	}{{"nav.help", evHelp, s.help}, {"noemail.button", evNoEmail, s.noEmail}} {
		for _, lang := range k.introLangs() {
			b := widget.NewButton(k.tr(lang, way.id), func() {
				k.lang = lang // a visitor who reads these words reads on in them
				k.navigate(way.ev)
			})
			k.page.note(b, accessNote{lang: lang})
			way.buttons[lang] = b
			ways = append(ways, b)
		}
	}

	// Whole, without scrolling, on the shortest canvas the kiosk's scale leaves
	// (internal/display): a first-time visitor does not know the screen scrolls.
	// The labels' padding overhangs (tightStack) and the prompts share a row.
	prompts, audio := k.inEveryLanguage("welcome.choose_language"), k.inEveryLanguage("welcome.audio")
	stack := &tightStack{trimmed: map[fyne.CanvasObject]bool{s.title: true, prompts: true, audio: true}}
	return s, container.New(layout.NewCenterLayout(), container.New(stack,
		container.NewCenter(newTapTarget(k.welcomeLogo(), k.staff.tap)), // the staff gesture (staff.go)
		s.title,
		prompts,
		container.NewCenter(buttons),
		container.NewCenter(container.New(snugRow{}, ways...)),
		audio, // how a visitor who cannot see the screen starts speech
		container.NewCenter(k.look.newBar(k.introLangs(), k.page.noteLanguage)),
	))
}

// inEveryLanguage shows message id in each offered language side by side, the
// default language first, for screens where the visitor has not chosen one.
func (k *Kiosk) inEveryLanguage(id string) fyne.CanvasObject {
	box := container.NewHBox()
	for i, lang := range k.introLangs() {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		l := widget.NewLabel(k.tr(lang, id))
		k.page.note(l, accessNote{lang: lang})
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
