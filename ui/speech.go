package ui

import (
	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
)

// speechHost is what speech mode sees of the kiosk (speechmode.Host).
type speechHost struct{ k *Kiosk }

func (h speechHost) T(id string, data ...map[string]any) string { return h.k.T(id, data...) }
func (h speechHost) Tr(lang, id string, data ...map[string]any) string {
	return h.k.tr(lang, id, data...)
}
func (h speechHost) Language() string          { return h.k.lang }
func (h speechHost) Screen() speechmode.Screen { return &h.k.page }
func (h speechHost) Refresh()                  { h.k.refresh() }
func (h speechHost) Back()                     { h.k.back() }
func (h speechHost) NoteActivity()             { h.k.limits.noteActivity() }
func (h speechHost) Busy() bool                { return h.k.visit.busy }

// IntroLangs are the languages offered, the default first: every one on the
// screens before the visitor chose (welcome, out of service), theirs after.
func (h speechHost) IntroLangs() []string {
	if h.k.page.chrome != nil {
		return []string{h.k.lang}
	}
	return languagesOffered(h.k.settings)
}

// languagesOffered are the languages the kiosk offers, the default first.
func languagesOffered(c config.Valid) []string {
	langs := []string{c.DefaultLanguage}
	for _, lang := range c.Languages {
		if lang != c.DefaultLanguage {
			langs = append(langs, lang)
		}
	}
	return langs
}

// DismissPopup is Esc over a pop-up: the pop-up on top goes its own way out,
// and the screen under it stays as it was. It reports whether a pop-up was up.
func (h speechHost) DismissPopup() bool {
	popups := h.k.popups
	for i := len(popups) - 1; i >= 0; i-- {
		if s := popups[i]; s.popup.Visible() {
			if s.dismiss != nil {
				s.dismiss()
			}
			return true
		}
	}
	return false
}

// AudioPrivate tells the kiosk whether its sound is private now: the audio
// server's output is headphones it knows are plugged in (internal/audio). The
// kiosk's runner calls it on the UI thread at every change; it counts only with
// speech_output = "auto". A listener hears the change, and what was being said stops: typed
// values are not read back from the moment the headphones come out.
func (k *Kiosk) AudioPrivate(private bool) {
	if k.settings.SpeechOutput == config.SpeechOutputAuto {
		k.speech.SetPrivate(private)
	}
}

// The page is the screen speech mode reads (speechmode.Screen).

func (p *page) ID() string {
	if p.part != "" {
		return string(p.id) + "/" + p.part
	}
	return string(p.id)
}
func (p *page) Title() string { return p.title }
func (p *page) First() bool   { return p.id == screenWelcome }

func (p *page) Roots() []fyne.CanvasObject {
	if p.footer != nil {
		return []fyne.CanvasObject{p.top, p.body, p.footer}
	}
	return []fyne.CanvasObject{p.top, p.body}
}

func (p *page) Chrome() []fyne.CanvasObject {
	if c := p.chrome; c != nil {
		return []fyne.CanvasObject{c.back, c.language, c.help, c.startOver, c.look}
	}
	return nil
}

func (p *page) Note(o fyne.CanvasObject) speechmode.Note { return p.notes[o] }
