package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/printer"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// staffMenu is what staff can do once the PIN is right. It closes itself after
// staffMenuIdle without a tap, so a menu left open is not there for a visitor.
type staffMenu struct {
	popup                                    *widget.PopUp
	portal, speech, kioskID, version, visits *widget.Label
	lastErr                                  *widget.Label
	lookupPause                              *widget.Label // the portal's lookup lock and its time left, shown while it lasts
	message                                  *widget.Label
	resetNow, training, exit, close          *kwidget.Button
	printer                                  *widget.Label              // the printer's state; hidden without one
	testPage                                 *kwidget.Button            // prints the staff test page; nil without a printer
	languages                                map[string]*kwidget.Button // the default language, by code
}

// openMenu shows the staff menu and checks, in the background, whether the portal
// answers.
func (d *staffDesk) openMenu() {
	m := &staffMenu{languages: map[string]*kwidget.Button{}}
	title := widget.NewLabelWithStyle(d.host.T("staff.menu_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	m.message = widget.NewLabel("")
	m.message.Wrapping = fyne.TextWrapWord
	// The status scrolls and the actions stay put: on a panel scaled up for its
	// size the whole menu is taller than the screen, and Close must stay in reach.
	status := container.NewVBox(d.status(m), widget.NewSeparator(), d.languageChoice(m))
	bottom := container.NewVBox(widget.NewSeparator(), d.actions(m), m.message)
	content := container.NewBorder(title, bottom, nil, nil, container.NewVScroll(status))
	m.popup = widget.NewModalPopUp(container.NewPadded(content), d.canvas)
	full := title.MinSize().Height + status.MinSize().Height + bottom.MinSize().Height + 6*theme.Padding()
	m.popup.Resize(fyne.NewSize(640, min(full, d.canvas.Size().Height-2*theme.Padding())))
	d.menu = m
	d.host.showOverlay(m.popup, d.closeMenu)
	d.armMenu()
	d.checkStatus(m)
}

// status is the menu's status block: portal, kiosk ID, version, visits today,
// last error (a code, never personal data).
func (d *staffDesk) status(m *staffMenu) fyne.CanvasObject {
	lastErr := d.facts.lastProblem()
	if lastErr == "" {
		lastErr = d.host.T("staff.none")
	}
	m.portal = widget.NewLabel(d.host.T("staff.portal_checking"))
	m.speech = widget.NewLabel(d.host.T("staff.speech_checking"))
	m.kioskID = widget.NewLabel(d.host.T("staff.kiosk_id", map[string]any{"ID": d.kioskID}))
	m.version = widget.NewLabel(d.host.T("staff.version", map[string]any{"Version": d.version}))
	m.visits = widget.NewLabel(d.host.T("staff.visits_today", map[string]any{"Count": strconv.Itoa(d.facts.visitsToday())}))
	m.lastErr = widget.NewLabel(d.host.T("staff.last_error", map[string]any{"Error": lastErr}))
	m.lookupPause = widget.NewLabel("")
	m.lookupPause.Wrapping = fyne.TextWrapWord
	if left := d.facts.lookupPausedFor(); left > 0 {
		m.lookupPause.SetText(d.host.T("staff.lookup_paused", map[string]any{"Minutes": wholeMinutes(left)}))
	} else {
		m.lookupPause.Hide()
	}
	m.printer = widget.NewLabel(d.host.T("staff.printer_checking"))
	if d.printer == nil {
		m.printer.Hide()
	}
	return container.NewVBox(m.portal, m.speech, m.printer, m.kioskID, m.version, m.visits, m.lastErr, m.lookupPause)
}

// wholeMinutes rounds a wait up to whole minutes, at least one: a visitor told
// "0 min" would try at once and be refused again.
func wholeMinutes(wait time.Duration) int {
	return max(1, int((wait+time.Minute-1)/time.Minute))
}

// languageChoice sets the language every visit starts in, for the life of the
// process (the config file is the deployment's to change).
func (d *staffDesk) languageChoice(m *staffMenu) fyne.CanvasObject {
	row := container.NewHBox(widget.NewLabel(d.host.T("staff.default_language")))
	for _, lang := range d.languages {
		b := kwidget.NewButton(d.host.tr(lang, "language.name"), d.action(func() { d.setDefaultLanguage(m, lang) }))
		m.languages[lang] = b
		row.Add(b)
	}
	markDefaultLanguage(m, d.host.defaultLanguage())
	return row
}

func markDefaultLanguage(m *staffMenu, lang string) {
	for code, b := range m.languages {
		b.Importance = widget.MediumImportance
		if code == lang {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

func (d *staffDesk) setDefaultLanguage(m *staffMenu, lang string) {
	d.host.setDefaultLanguage(lang)
	d.log.Info("staff set the default language", "language", lang)
	markDefaultLanguage(m, lang)
}

func (d *staffDesk) actions(m *staffMenu) fyne.CanvasObject {
	m.resetNow = kwidget.NewButton(d.host.T("staff.reset_now"), d.action(d.resetNow))
	if d.training != nil {
		m.training = kwidget.NewButton(d.host.T("staff.leave_training"), d.action(d.leaveTraining))
	} else {
		m.training = kwidget.NewButton(d.host.T("staff.start_training"), d.action(d.startTraining))
	}
	m.exit = kwidget.NewButton(d.host.T("staff.exit"), d.action(d.exit))
	m.exit.Importance = widget.DangerImportance
	m.close = kwidget.NewButton(d.host.T("staff.close"), d.closeMenu)
	m.close.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{m.resetNow, m.training}
	if d.printer != nil {
		m.testPage = kwidget.NewButton(d.host.T("staff.test_page"), d.action(func() { d.printTestPage(m) }))
		buttons = append(buttons, m.testPage)
	}
	return container.NewGridWithColumns(2, append(buttons, m.exit, m.close)...)
}

// printTestPage prints the staff test page and says how it went.
func (d *staffDesk) printTestPage(m *staffMenu) {
	pdf, err := d.testPage()
	if err != nil {
		m.message.SetText(d.host.T("staff.test_page_failed", map[string]any{"State": "layout"}))
		return
	}
	m.testPage.Disable()
	m.message.SetText(d.host.T("receipt.printing"))
	d.offUI(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), receiptDeadline)
		defer cancel()
		_, err := d.printer.PrintAndWait(ctx, pdf)
		return err
	}, func(err error) {
		if d.menu != m {
			return
		}
		m.testPage.Enable()
		if err != nil {
			m.message.SetText(d.host.T("staff.test_page_failed", map[string]any{"State": printerProblem(err)}))
			return
		}
		m.message.SetText(d.host.T("staff.test_page_printed"))
	})
}

// action wraps a menu action: a tap in the menu restarts its idle clock.
func (d *staffDesk) action(f func()) func() {
	return func() {
		d.armMenu()
		f()
	}
}

// armMenu (re)starts the clock that closes the menu after staffMenuIdle.
func (d *staffDesk) armMenu() {
	stopTimer(d.menuTimer)
	d.menuTimer = d.clock.AfterFunc(staffMenuIdle, d.closeMenu)
}

// closeMenu takes the menu away and stops its clock.
func (d *staffDesk) closeMenu() {
	stopTimer(d.menuTimer)
	d.menuTimer = nil
	if m := d.menu; m != nil {
		m.popup.Hide()
		d.menu = nil
	}
}

// checkStatus asks, in the background, whether the portal answers and whether the
// kiosk can speak, and puts the verdicts on the menu unless it closed meanwhile.
// One background task for both: in the test driver each task's answer lands on
// its own goroutine, and two would write the menu at once.
func (d *staffDesk) checkStatus(m *staffMenu) {
	portal, _ := d.host.portalInUse()
	var portalErr, speechErr error
	var printerState printer.State
	d.offUI(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), staffHealthWait)
		defer cancel()
		if portal != nil {
			_, portalErr = portal.Health(ctx)
		}
		if d.speechCheck != nil {
			speechErr = d.speechCheck(ctx)
		}
		if d.printer != nil {
			printerState = d.printer.State(ctx)
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
		if d.printer != nil {
			m.printer.SetText(d.host.T("staff.printer", map[string]any{"State": printerWords(printerState)}))
		}
		switch {
		case d.speechCheck == nil:
			m.speech.SetText(d.host.T("staff.speech_off"))
		default:
			m.speech.SetText(d.host.T(verdict(speechErr == nil, "staff.speech_ready", "staff.speech_down")))
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
func (d *staffDesk) resetNow() {
	d.log.Info("staff asked for a reset")
	d.closeMenu()
	d.host.reset(triggerStaff)
}

// exit ends the program; the service manager decides what happens next.
func (d *staffDesk) exit() {
	d.log.Info("staff exited the kiosk")
	d.closeMenu()
	if d.quit != nil {
		d.quit()
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
