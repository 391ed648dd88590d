package ui

import (
	"errors"

	"github.com/medfordwater/lobbykiosk/client"
)

// Training mode runs the kiosk on a practice portal with practice accounts (main
// starts the built-in simulator), under a TRAINING banner, so new staff can walk
// every journey without touching a real account. Leaving it puts the live portal
// back.

// TrainingPortal is a practice portal that training mode talks to instead of the
// live one.
type TrainingPortal struct {
	Portal *client.Client
	Close  func() error // stops the practice portal when training ends; nil: nothing to stop
}

func (t TrainingPortal) close() error {
	if t.Close == nil {
		return nil
	}
	return t.Close()
}

// errNoTrainingPortal: the kiosk was given no way to start a practice portal.
var errNoTrainingPortal = errors.New("no practice portal for training mode")

// trainingRun is training mode under way: its practice portal, and the portal and
// mode it replaced, to put back when training ends.
type trainingRun struct {
	practice TrainingPortal
	live     *client.Client
	liveMode Mode
}

// startTraining swaps the portal for a fresh practice portal and starts over.
func (d *staffDesk) startTraining() {
	if d.training != nil {
		return
	}
	if d.startPractice == nil {
		d.trainingFailed(errNoTrainingPortal)
		return
	}
	practice, err := d.startPractice()
	if err != nil {
		d.trainingFailed(err)
		return
	}
	d.closeMenu()
	// Reset before the swap, so a live visitor's session is revoked on the live portal.
	d.host.reset(triggerStaff)
	live, liveMode := d.host.portalInUse()
	d.training = &trainingRun{practice: practice, live: live, liveMode: liveMode}
	d.log.Info("training mode started")
	d.host.usePortal(practice.Portal, ModeTraining)
}

// leaveTraining closes the practice portal and puts the live portal and mode back.
func (d *staffDesk) leaveTraining() {
	t := d.training
	if t == nil {
		return
	}
	d.closeMenu()
	// Reset before the swap, so a practice session is revoked on the practice portal.
	d.host.reset(triggerStaff)
	d.training = nil
	if err := t.practice.close(); err != nil {
		d.log.Warn("the training simulator did not close cleanly", "err", err.Error())
	}
	d.log.Info("training mode ended")
	d.host.usePortal(t.live, t.liveMode)
}

func (d *staffDesk) trainingFailed(err error) {
	d.log.Error("cannot start training mode", "err", err.Error())
	d.noteProblem("training_start")
	if d.menu != nil {
		d.menu.message.SetText(d.host.T("staff.training_failed"))
	}
}
