package staff

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/printer"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Menu is what staff can do once the PIN is right. It closes itself after
// MenuIdle without a tap, so a menu left open is not there for a visitor.
type Menu struct {
	Popup                                    *widget.PopUp
	portal, Speech, kioskID, version, visits *widget.Label
	lastErr                                  *widget.Label
	LookupPause                              *widget.Label // the portal's lookup lock and its time left, shown while it lasts
	message                                  *widget.Label
	ResetNow, Training, Exit, Close          *kwidget.Button
	Printer                                  *widget.Label              // the printer's state; hidden without one
	TestPage                                 *kwidget.Button            // prints the staff test page; nil without a printer
	Languages                                map[string]*kwidget.Button // the default language, by code
}

// openMenu shows the staff menu and checks, in the background, whether the portal
// answers.
func (d *Desk) openMenu() {
	m := &Menu{Languages: map[string]*kwidget.Button{}}
	title := widget.NewLabelWithStyle(d.host.T("staff.menu_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	m.message = widget.NewLabel("")
	m.message.Wrapping = fyne.TextWrapWord
	// The status scrolls and the actions stay put: on a panel scaled up for its
	// size the whole menu is taller than the screen, and Close must stay in reach.
	status := container.NewVBox(d.status(m), widget.NewSeparator(), d.languageChoice(m))
	bottom := container.NewVBox(widget.NewSeparator(), d.actions(m), m.message)
	content := container.NewBorder(title, bottom, nil, nil, container.NewVScroll(status))
	m.Popup = widget.NewModalPopUp(container.NewPadded(content), d.Canvas)
	full := title.MinSize().Height + status.MinSize().Height + bottom.MinSize().Height + 6*theme.Padding()
	m.Popup.Resize(fyne.NewSize(640, min(full, d.Canvas.Size().Height-2*theme.Padding())))
	d.menu = m
	d.host.ShowOverlay(m.Popup, d.closeMenu)
	d.armMenu()
	d.checkStatus(m)
}

// status is the menu's status block: portal, kiosk ID, version, visits today,
// last error (a code, never personal data).
func (d *Desk) status(m *Menu) fyne.CanvasObject {
	lastErr := d.Facts.LastProblem()
	if lastErr == "" {
		lastErr = d.host.T("staff.none")
	}
	m.portal = widget.NewLabel(d.host.T("staff.portal_checking"))
	m.Speech = widget.NewLabel(d.host.T("staff.speech_checking"))
	m.kioskID = widget.NewLabel(d.host.T("staff.kiosk_id", map[string]any{"ID": d.KioskID}))
	m.version = widget.NewLabel(d.host.T("staff.version", map[string]any{"Version": d.Version}))
	m.visits = widget.NewLabel(d.host.T("staff.visits_today", map[string]any{"Count": strconv.Itoa(d.Facts.VisitsToday())}))
	m.lastErr = widget.NewLabel(d.host.T("staff.last_error", map[string]any{"Error": lastErr}))
	m.LookupPause = widget.NewLabel("")
	m.LookupPause.Wrapping = fyne.TextWrapWord
	if left := d.Facts.LookupPausedMinutes(); left > 0 {
		m.LookupPause.SetText(d.host.T("staff.lookup_paused", map[string]any{"Minutes": left}))
	} else {
		m.LookupPause.Hide()
	}
	m.Printer = widget.NewLabel(d.host.T("staff.printer_checking"))
	if d.Printer == nil {
		m.Printer.Hide()
	}
	box := container.NewVBox(m.portal, m.Speech, m.Printer, m.kioskID, m.version, m.visits, m.lastErr, m.LookupPause)
	for _, line := range d.terminalLines() {
		box.Add(line)
	}
	return box
}

// terminalLines are the card terminal's lines of the status: which device in
// what state, a device swapped since it was last seen (PCI DSS 4.0 §9.5.1: staff
// inspect it before anyone pays on it), and card payments still to settle.
func (d *Desk) terminalLines() []fyne.CanvasObject {
	if d.Terminal == nil {
		return nil
	}
	st := d.Terminal()
	if st == nil {
		return nil
	}
	line := func(id string, data map[string]any) fyne.CanvasObject {
		l := widget.NewLabel(d.host.T(id, data))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	lines := []fyne.CanvasObject{line("staff.terminal", map[string]any{"POIID": st.POIID, "State": st.State})}
	if st.SerialChanges > 0 {
		lines = append(lines, line("staff.terminal_swapped", map[string]any{"Previous": st.PreviousPOIID, "POIID": st.POIID}))
	}
	if st.PendingPayments > 0 {
		lines = append(lines, line("staff.terminal_pending", map[string]any{"Count": st.PendingPayments}))
	}
	if st.RecoveredPayments > 0 {
		lines = append(lines, line("staff.terminal_recovered", map[string]any{"Count": st.RecoveredPayments}))
	}
	return lines
}

// languageChoice sets the language every visit starts in, for the life of the
// process (the config file is the deployment's to change).
func (d *Desk) languageChoice(m *Menu) fyne.CanvasObject {
	row := container.NewHBox(widget.NewLabel(d.host.T("staff.default_language")))
	for _, lang := range d.Languages {
		b := kwidget.NewButton(d.host.Tr(lang, "language.name"), d.action(func() { d.setDefaultLanguage(m, lang) }))
		m.Languages[lang] = b
		row.Add(b)
	}
	markDefaultLanguage(m, d.host.DefaultLanguage())
	return row
}

func markDefaultLanguage(m *Menu, lang string) {
	for code, b := range m.Languages {
		b.Importance = widget.MediumImportance
		if code == lang {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

func (d *Desk) setDefaultLanguage(m *Menu, lang string) {
	d.host.SetDefaultLanguage(lang)
	d.Log.Info("staff set the default language", "language", lang)
	markDefaultLanguage(m, lang)
}

func (d *Desk) actions(m *Menu) fyne.CanvasObject {
	m.ResetNow = kwidget.NewButton(d.host.T("staff.reset_now"), d.action(d.resetNow))
	if d.training != nil {
		m.Training = kwidget.NewButton(d.host.T("staff.leave_training"), d.action(d.leaveTraining))
	} else {
		m.Training = kwidget.NewButton(d.host.T("staff.start_training"), d.action(d.startTraining))
	}
	m.Exit = kwidget.NewButton(d.host.T("staff.exit"), d.action(d.exit))
	m.Exit.Importance = widget.DangerImportance
	m.Close = kwidget.NewButton(d.host.T("staff.close"), d.closeMenu)
	m.Close.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{m.ResetNow, m.Training}
	if d.Printer != nil {
		m.TestPage = kwidget.NewButton(d.host.T("staff.test_page"), d.action(func() { d.printTestPage(m) }))
		buttons = append(buttons, m.TestPage)
	}
	return container.NewGridWithColumns(2, append(buttons, m.Exit, m.Close)...)
}

// printTestPage prints the staff test page and says how it went.
func (d *Desk) printTestPage(m *Menu) {
	pdf, err := d.TestPage()
	if err != nil {
		m.message.SetText(d.host.T("staff.test_page_failed", map[string]any{"State": "layout"}))
		return
	}
	m.TestPage.Disable()
	m.message.SetText(d.host.T("receipt.printing"))
	d.offUI(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), testPageWait)
		defer cancel()
		_, err := d.Printer.PrintAndWait(ctx, pdf)
		return err
	}, func(err error) {
		if d.menu != m {
			return
		}
		m.TestPage.Enable()
		if err != nil {
			m.message.SetText(d.host.T("staff.test_page_failed", map[string]any{"State": printer.Problem(err)}))
			return
		}
		m.message.SetText(d.host.T("staff.test_page_printed"))
	})
}

// action wraps a menu action: a tap in the menu restarts its idle clock.
func (d *Desk) action(f func()) func() {
	return func() {
		d.armMenu()
		f()
	}
}

// armMenu (re)starts the clock that closes the menu after MenuIdle.
func (d *Desk) armMenu() {
	clock.Stop(d.menuTimer)
	d.menuTimer = d.Clock.AfterFunc(MenuIdle, d.closeMenu)
}

// closeMenu takes the menu away and stops its clock.
func (d *Desk) closeMenu() {
	clock.Stop(d.menuTimer)
	d.menuTimer = nil
	if m := d.menu; m != nil {
		m.Popup.Hide()
		d.menu = nil
	}
}

// checkStatus asks, in the background, whether the portal answers and whether the
// kiosk can speak, and puts the verdicts on the menu unless it closed meanwhile.
// One background task for both: in the test driver each task's answer lands on
// its own goroutine, and two would write the menu at once.
func (d *Desk) checkStatus(m *Menu) {
	portal := d.host.Portal()
	var portalErr, speechErr error
	var printerState printer.State
	d.offUI(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), healthWait)
		defer cancel()
		if portal != nil {
			_, portalErr = portal.Health(ctx)
		}
		if d.SpeechCheck != nil {
			speechErr = d.SpeechCheck(ctx)
		}
		if d.Printer != nil {
			printerState = d.Printer.State(ctx)
		}
		return nil
	}, func(err error) {
		if d.menu != m {
			return // closed meanwhile
		}
		if err != nil { // the checks panicked: nothing is known to work
			portalErr, speechErr, printerState = err, err, printer.State{}
		}
		m.portal.SetText(d.host.T(verdict(portal != nil && portalErr == nil, "staff.portal_up", "staff.portal_down")))
		if d.Printer != nil {
			m.Printer.SetText(d.host.T("staff.printer", map[string]any{"State": printerWords(printerState)}))
		}
		switch {
		case d.SpeechCheck == nil:
			m.Speech.SetText(d.host.T("staff.speech_off"))
		default:
			m.Speech.SetText(d.host.T(verdict(speechErr == nil, "staff.speech_ready", "staff.speech_down")))
		}
	})
}

func verdict(ok bool, yes, no string) string {
	if ok {
		return yes
	}
	return no
}

// resetNow ends whatever visit is under way, as a visitor's reset does.
func (d *Desk) resetNow() {
	d.Log.Info("staff asked for a reset")
	d.closeMenu()
	d.host.Reset()
}

// exit ends the program; the service manager decides what happens next.
func (d *Desk) exit() {
	d.Log.Info("staff exited the kiosk")
	d.closeMenu()
	if d.Quit != nil {
		d.Quit()
	}
}

// printerWords is the printer's state for staff: CUPS's own words (ready,
// paper-out, offline…) and its reasons.
func printerWords(s printer.State) string {
	words := s.Summary()
	if len(s.Reasons) > 0 {
		words += " (" + strings.Join(s.Reasons, ", ") + ")"
	}
	return words
}
