package staff

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

// trainingRun is training mode under way: its practice portal, and what puts
// the portal and mode it replaced back when training ends.
type trainingRun struct {
	practice TrainingPortal
	restore  func()
}

// startTraining swaps the portal for a fresh practice portal and starts over.
func (d *Desk) startTraining() {
	if d.training != nil {
		return
	}
	if d.StartPractice == nil {
		d.trainingFailed(errNoTrainingPortal)
		return
	}
	practice, err := d.StartPractice()
	if err != nil {
		d.trainingFailed(err)
		return
	}
	d.closeMenu()
	// Reset before the swap, so a live visitor's session is revoked on the live portal.
	d.host.Reset()
	d.training = &trainingRun{practice: practice}
	d.Log.Info("training mode started")
	d.training.restore = d.host.Practise(practice.Portal)
}

// leaveTraining closes the practice portal and puts the live portal and mode back.
func (d *Desk) leaveTraining() {
	t := d.training
	if t == nil {
		return
	}
	d.closeMenu()
	// Reset before the swap, so a practice session is revoked on the practice portal.
	d.host.Reset()
	d.training = nil
	if err := t.practice.close(); err != nil {
		d.Log.Warn("the training simulator did not close cleanly", "err", err.Error())
	}
	d.Log.Info("training mode ended")
	t.restore()
}

func (d *Desk) trainingFailed(err error) {
	d.Log.Error("cannot start training mode", "err", err.Error())
	d.NoteProblem("training_start")
	if d.menu != nil {
		d.menu.message.SetText(d.host.T("staff.training_failed"))
	}
}
