package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// faqItem is one question of the utility's FAQ and its answer, as message IDs.
type faqItem struct{ question, answer string }

// faq is the utility's own FAQ about its portal (docs/utility-facts.md), in
// its order, so what a visitor reads here matches the printed sheet.
var faq = []faqItem{
	{"help.q_access", "help.a_access"},
	{"help.q_when", "help.a_when"},
	{"help.q_how", "help.a_how"},
	{"help.q_autopay", "help.a_autopay"},
	{"help.q_ebilling", "help.a_ebilling"},
	{"help.q_autopay_date", "help.a_autopay_date"},
	{"help.q_ebilling_old", "help.a_ebilling_old"},
	{"help.q_must", "help.a_must"},
	{"help.q_phone", "help.a_phone"},
	{"help.q_computer", "help.a_computer"},
	{"help.q_no_email", "help.a_no_email"},
	{"help.q_safe", "help.a_safe"},
}

// helpScreen is "Questions?": the FAQ, one tappable question at a time, and how to
// reach a person. Which answers are open is kept in the visit, so switching language
// does not fold up what the visitor was reading.
type helpScreen struct {
	k         *Kiosk
	open      map[int]bool      // FAQ index → answer shown: the visit's faqOpen
	questions []*kwidget.Button // the tap target of each question
	answers   []*widget.Label
	contact   []*widget.Label
	noEmail   *kwidget.Button
	back      *kwidget.Button
}

func buildHelp(k *Kiosk) (any, fyne.CanvasObject) {
	if k.visit.faqOpen == nil {
		k.visit.faqOpen = map[int]bool{}
	}
	s := &helpScreen{k: k, open: k.visit.faqOpen}

	intro := wrappedLabel(k.T("help.intro"))
	objects := []fyne.CanvasObject{intro}
	for i, item := range faq {
		objects = append(objects, s.faqEntry(i, item))
	}
	s.noEmail = kwidget.NewButtonWithIcon(k.T("noemail.button"), theme.MailComposeIcon(), func() { k.navigate(evNoEmail) })
	s.back = k.primaryButton("nav.back", k.back) // back to what the visitor was doing
	s.back.SetIcon(theme.NavigateBackIcon())
	objects = append(objects, widget.NewSeparator(), s.contactBlock(), s.noEmail, s.back)
	return s, formColumn(objects...)
}

// faqArrowSize makes the open/closed arrow of a question easy to see.
var faqArrowSize = fyne.NewSize(36, 36)

// faqEntry is one question (a wrapped, tappable line with an open/closed arrow)
// and its answer, shown only while the question is open.
func (s *helpScreen) faqEntry(i int, item faqItem) fyne.CanvasObject {
	k := s.k
	question := widget.NewLabelWithStyle(s.faqText(item.question), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	question.Wrapping = fyne.TextWrapWord
	answer := wrappedLabel(s.faqText(item.answer))
	icon := widget.NewIcon(theme.MenuExpandIcon())
	show := func() {
		if s.open[i] {
			icon.SetResource(theme.MenuDropDownIcon())
			answer.Show()
		} else {
			icon.SetResource(theme.MenuExpandIcon())
			answer.Hide()
		}
	}
	show()
	button, target := panelButton(func() {
		s.open[i] = !s.open[i]
		show()
		// The column grew or shrank: lay the whole screen out again (keeping the
		// scroll position, which rebuilding the screen would lose).
		k.win.Content().Refresh()
	}, container.NewBorder(nil, nil, container.NewCenter(container.NewGridWrap(faqArrowSize, icon)), nil, question))
	k.page.note(target, speechmode.Note{State: func() string {
		if s.open[i] {
			return "speech.state.expanded"
		}
		return "speech.state.collapsed"
	}})
	s.questions = append(s.questions, button)
	s.answers = append(s.answers, answer)
	return container.NewVBox(target, answer)
}

// sinceOpening are the FAQ's words about the portal's opening day that read as
// still to come on the printed sheet: once that day (utility.portal_opened) has
// passed in the utility's zone, the kiosk says them in the past, as "…_since".
var sinceOpening = map[string]bool{"help.a_access": true, "help.a_when": true, "help.q_autopay_date": true}

// faqText is one of the FAQ's questions or answers, with the portal's opening
// day filled in, worded for before or after it.
func (s *helpScreen) faqText(id string) string {
	k := s.k
	y, m, d := k.settings.Utility.PortalOpened.Date()
	opened := client.NewDate(y, m, d)
	if sinceOpening[id] && !client.DateIn(k.clock.Now(), k.settings.Zone).Before(opened.Time) {
		id += "_since"
	}
	return k.T(id, map[string]any{"Date": k.formatDate(opened)})
}

// contactBlock is the FAQ's closing block: how to reach Customer Service.
func (s *helpScreen) contactBlock() fyne.CanvasObject {
	k := s.k
	u := k.settings.Utility
	data := map[string]any{"Email": u.Email, "Office": u.OfficeAddress.In(k.lang), "Hours": u.OfficeHours.In(k.lang)}
	box := container.NewVBox(subHeading(k.T("help.contact_title")))
	for _, id := range []string{"help.contact_phone", "help.contact_automated", "help.contact_email", "help.contact_office", "help.contact_cash"} {
		label := wrappedLabel(k.T(id, data))
		s.contact = append(s.contact, label)
		box.Add(label)
	}
	return box
}

// labelledButton is a button whose words are ordinary labels laid over it: a
// Button's own text cannot wrap (a long Spanish question would run off the screen)
// nor hold two languages side by side. Labels take no taps, so a tap anywhere on
// the words reaches the button underneath.
func labelledButton(tapped func(), content fyne.CanvasObject) (*kwidget.Button, fyne.CanvasObject) {
	b := kwidget.NewButton("", tapped)
	return b, container.NewStack(b, container.NewPadded(content))
}

// panelButton is labelledButton with the button's fill drawn by a kwidget.Panel
// under a button that has none of its own (low importance): the same look, hover,
// focus and tap, but the FAQ's dozen big questions cost a third as much to paint
// at every frame of a swipe on a software renderer (kwidget.Panel).
func panelButton(tapped func(), content fyne.CanvasObject) (*kwidget.Button, fyne.CanvasObject) {
	b := kwidget.NewButton("", tapped)
	b.Importance = widget.LowImportance
	return b, container.NewStack(kwidget.NewPanel(theme.ColorNameButton), b, container.NewPadded(content))
}
