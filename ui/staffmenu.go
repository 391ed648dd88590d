package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// staffMenu is what staff can do once the PIN is right. It closes itself after
// staffMenuIdle without a tap, so a menu left open is not there for a visitor.
type staffMenu struct {
	popup                                     *widget.PopUp
	portal, kioskID, version, visits, lastErr *widget.Label
	message                                   *widget.Label
	resetNow, training, exit, close           *widget.Button
	languages                                 map[string]*widget.Button // the default language, by code
}

// openStaffMenu shows the staff menu and checks, in the background, whether the
// portal answers.
func (k *Kiosk) openStaffMenu() {
	m := &staffMenu{languages: map[string]*widget.Button{}}
	title := widget.NewLabelWithStyle(k.T("staff.menu_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	m.message = widget.NewLabel("")
	m.message.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(title, k.staffStatus(m), widget.NewSeparator(),
		k.staffLanguages(m), widget.NewSeparator(), k.staffActions(m), m.message)
	m.popup = widget.NewModalPopUp(container.NewPadded(content), k.win.Canvas())
	m.popup.Resize(fyne.NewSize(640, 0))
	k.staffMenu = m
	k.showOverlay(m.popup)
	k.armStaffMenu()
	k.checkPortalForStaff(m)
}

// staffStatus is the menu's status block: portal, kiosk ID, version, visits today,
// last error (a code, never personal data).
func (k *Kiosk) staffStatus(m *staffMenu) fyne.CanvasObject {
	lastErr := k.lastError
	if lastErr == "" {
		lastErr = k.T("staff.none")
	}
	m.portal = widget.NewLabel(k.T("staff.portal_checking"))
	m.kioskID = widget.NewLabel(k.T("staff.kiosk_id", map[string]any{"ID": k.deps.KioskID}))
	m.version = widget.NewLabel(k.T("staff.version", map[string]any{"Version": k.deps.Version}))
	m.visits = widget.NewLabel(k.T("staff.visits_today", map[string]any{"Count": strconv.Itoa(k.visitsToday())}))
	m.lastErr = widget.NewLabel(k.T("staff.last_error", map[string]any{"Error": lastErr}))
	return container.NewVBox(m.portal, m.kioskID, m.version, m.visits, m.lastErr)
}

// staffLanguages sets the language every visit starts in, for the life of the
// process (the config file is the deployment's to change).
func (k *Kiosk) staffLanguages(m *staffMenu) fyne.CanvasObject {
	row := container.NewHBox(widget.NewLabel(k.T("staff.default_language")))
	for _, lang := range k.settings.Languages {
		b := widget.NewButton(k.tr(lang, "language.name"), k.staffAction(func() { k.setDefaultLanguage(m, lang) }))
		m.languages[lang] = b
		row.Add(b)
	}
	markDefaultLanguage(m, k.settings.DefaultLanguage)
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

func (k *Kiosk) setDefaultLanguage(m *staffMenu, lang string) {
	k.settings.DefaultLanguage = lang
	k.log.Info("staff set the default language", "language", lang)
	markDefaultLanguage(m, lang)
}

func (k *Kiosk) staffActions(m *staffMenu) fyne.CanvasObject {
	m.resetNow = widget.NewButton(k.T("staff.reset_now"), k.staffAction(k.staffReset))
	if k.staff.training != nil {
		m.training = widget.NewButton(k.T("staff.leave_training"), k.staffAction(k.leaveTraining))
	} else {
		m.training = widget.NewButton(k.T("staff.start_training"), k.staffAction(k.startTraining))
	}
	m.exit = widget.NewButton(k.T("staff.exit"), k.staffAction(k.staffExit))
	m.exit.Importance = widget.DangerImportance
	m.close = widget.NewButton(k.T("staff.close"), k.closeStaffMenu)
	m.close.Importance = widget.HighImportance
	return container.NewGridWithColumns(2, m.resetNow, m.training, m.exit, m.close)
}

// staffAction wraps a menu action: a tap in the menu restarts its idle clock.
func (k *Kiosk) staffAction(f func()) func() {
	return func() {
		k.armStaffMenu()
		f()
	}
}

// armStaffMenu (re)starts the clock that closes the menu after staffMenuIdle.
func (k *Kiosk) armStaffMenu() {
	stopTimer(k.staff.menuTimer)
	k.staff.menuTimer = k.clock.AfterFunc(staffMenuIdle, k.closeStaffMenu)
}

// closeStaffMenu takes the menu away and stops its clock.
func (k *Kiosk) closeStaffMenu() {
	stopTimer(k.staff.menuTimer)
	k.staff.menuTimer = nil
	if m := k.staffMenu; m != nil {
		m.popup.Hide()
		k.staffMenu = nil
	}
}

// checkPortalForStaff asks the portal in use for its health, off the UI thread.
func (k *Kiosk) checkPortalForStaff(m *staffMenu) {
	portal := k.portal
	if portal == nil {
		m.portal.SetText(k.T("staff.portal_down"))
		return
	}
	k.inflight.Add(1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), staffHealthWait)
		_, err := portal.Health(ctx)
		cancel()
		fyne.Do(func() {
			defer k.inflight.Done()
			defer k.activity.recoverPanic()
			if k.staffMenu != m {
				return // closed meanwhile
			}
			id := "staff.portal_up"
			if err != nil {
				id = "staff.portal_down"
			}
			m.portal.SetText(k.T(id))
		})
	}()
}

// staffReset ends whatever visit is under way, as a visitor's reset does.
func (k *Kiosk) staffReset() {
	k.log.Info("staff asked for a reset")
	k.closeStaffMenu()
	k.reset(triggerStaff)
}

// staffExit ends the program; the service manager decides what happens next.
func (k *Kiosk) staffExit() {
	k.log.Info("staff exited the kiosk")
	k.closeStaffMenu()
	if k.deps.Quit != nil {
		k.deps.Quit()
	}
}
