package speechmode

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// What arriving on a screen says is kept short (the words-on-arrival budget,
// docs/accessibility.md): a listener hears where they are and where to start,
// not the whole screen, which Down reads item by item. Arrival says
//   - what is heard once a visit, the first time: the demo's banner, the chrome's
//     buttons (Back, the language, Questions?, Start over, Aa);
//   - the screen's title;
//   - its first line of text (the prompt) and its first item to act on, in each
//     language a screen before the choice of language speaks (where a bare screen
//     has no title, its first line is its title: out of service says why and
//     what to do instead in every language);
//   - the lines a prompt ending in a colon introduces ("Here is what you did
//     today:");
//   - any problem on show, a portal's or a field's.
//
// A text longer than longTextWords is offered, not read: its item says how long
// it is, and Enter reads it.
const longTextWords = 60

// arrivalSpeech picks, from a screen's items in reading order, what arriving on
// it says.
func (m *Mode) arrivalSpeech(items []accessItem) []spoken {
	var out []spoken
	lines := 1 // the prompt
	if m.page().Title() == "" {
		lines = 2 // a title of its own, then the prompt
	}
	prompted, acted := map[string]int{}, map[string]bool{}
	introduced := false // the last line said ends in a colon: the lines after it go with it
	for _, item := range items {
		texts := m.utterance(item)
		if len(texts) == 0 {
			continue
		}
		wasIntroduced := introduced
		introduced = false
		switch {
		case wasIntroduced && item.role == fyne.AccessibleRoleText:
			introduced = true
		case m.page().Note(item.obj).Once || m.inChrome(item.obj):
			if m.heardOnce[texts[0].text] {
				continue // Up and Down still reach it; Help names the chrome
			}
			m.heardOnce[texts[0].text] = true
		case item.role == fyne.AccessibleRoleText && item.label == m.page().Title():
		case item.problem != "" || isProblem(item.obj):
		case item.role == fyne.AccessibleRoleText:
			if prompted[item.lang] >= lines {
				continue
			}
			prompted[item.lang]++
			introduced = strings.HasSuffix(strings.TrimSpace(item.label), ":")
		default:
			lang := item.lang
			if len(item.words) > 0 {
				lang = item.words[0].lang
			}
			if acted[lang] || item.state == "speech.state.unavailable" {
				continue
			}
			acted[lang] = true
		}
		out = append(out, texts...)
	}
	return out
}

// inChrome reports whether o is one of the chrome's buttons.
func (m *Mode) inChrome(o fyne.CanvasObject) bool {
	for _, b := range m.page().Chrome() {
		if b == o {
			return true
		}
	}
	return false
}

// chromeWords name the chrome's buttons for Help: heard on arrival once a visit,
// they are named again on request.
func (m *Mode) chromeWords() []spoken {
	if m.page().Chrome() == nil {
		return nil
	}
	var names []string
	for _, item := range m.items {
		switch {
		case !m.inChrome(item.obj):
		case item.label != "":
			names = append(names, item.label)
		case len(item.words) > 0:
			names = append(names, item.words[0].text)
		}
	}
	return []spoken{{text: m.host.T("speech.chrome", map[string]any{"Buttons": strings.Join(names, "; ")})}}
}

// isProblem reports whether o is a problem shown on its own (a portal's answer,
// a choice not made): said on arrival whatever else is cut.
func isProblem(o fyne.CanvasObject) bool {
	l, ok := o.(*widget.Label)
	return ok && l.Importance == widget.DangerImportance
}

// longText is the item a long text makes: its length, offered; Enter reads it.
func (m *Mode) longText(item accessItem) accessItem {
	if n := len(strings.Fields(item.label)); n > longTextWords {
		item.full = item.label
		item.label = m.host.Tr(m.langOf(item.lang), "speech.long_text", map[string]any{"Words": n})
	}
	return item
}
