package ui

import (
	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

// Training mode runs the kiosk on an in-process portal simulator with practice
// accounts, under a TRAINING banner, so new staff can walk every journey without
// touching a real account. Leaving it puts the live portal back.

// startTraining swaps the portal for a fresh simulator and starts over.
func (k *Kiosk) startTraining() {
	if k.staff.training != nil {
		return
	}
	sim := portalsim.New(portalsim.Options{Now: k.clock.Now})
	srv, err := sim.Start("127.0.0.1:0")
	if err != nil {
		k.trainingFailed(err)
		return
	}
	portal, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey, Logger: k.log})
	if err != nil {
		_ = srv.Close()
		k.trainingFailed(err)
		return
	}
	k.closeStaffMenu()
	// Reset before the swap, so a live visitor's session is revoked on the live portal.
	k.reset(triggerStaff)
	k.staff.training = &trainingPortal{sim: srv, simState: sim, live: k.portal, liveMode: k.mode}
	k.portal, k.mode = portal, ModeTraining
	k.log.Info("training mode started")
	k.showHome()
}

// leaveTraining closes the simulator and puts the live portal and mode back.
func (k *Kiosk) leaveTraining() {
	t := k.staff.training
	if t == nil {
		return
	}
	k.closeStaffMenu()
	// Reset before the swap, so a practice session is revoked on the simulator.
	k.reset(triggerStaff)
	k.staff.training = nil
	k.portal, k.mode = t.live, t.liveMode
	if err := t.sim.Close(); err != nil {
		k.log.Warn("the training simulator did not close cleanly", "err", err.Error())
	}
	k.log.Info("training mode ended")
	k.showHome()
}

func (k *Kiosk) trainingFailed(err error) {
	k.log.Error("cannot start training mode", "err", err.Error())
	k.lastError = "training_start"
	if k.staffMenu != nil {
		k.staffMenu.message.SetText(k.T("staff.training_failed"))
	}
}

// showHome shows the screen a visitor starts on with the portal now in use, and
// starts the welcome screen's portal checks over on that portal.
func (k *Kiosk) showHome() {
	if k.portal == nil {
		k.show(screenOutOfService)
	} else {
		k.show(screenWelcome)
	}
	k.health.watch()
}
