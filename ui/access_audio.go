package ui

import "github.com/medfordwater/lobbykiosk/internal/config"

// AudioPrivate tells the kiosk whether its sound is private now: the audio
// server's output is headphones it knows are plugged in (internal/audio). The
// kiosk's runner calls it on the UI thread at every change; it counts only with
// speech_output = "auto". A listener hears the change, and what was being said stops: typed
// values are not read back from the moment the headphones come out.
func (k *Kiosk) AudioPrivate(private bool) {
	if k.settings.SpeechOutput == config.SpeechOutputAuto {
		k.access.setPrivate(private)
	}
}

func (m *accessMode) setPrivate(private bool) {
	if m.sayValues == private {
		return
	}
	m.sayValues = private
	if !m.on {
		return
	}
	id := "speech.audio_shared"
	if private {
		id = "speech.audio_private"
	}
	m.sayText(m.host.T(id))
}
