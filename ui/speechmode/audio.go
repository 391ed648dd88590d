package speechmode

// SetPrivate says whether the kiosk's sound is private now (headphones plugged
// in): what was typed is read back only then. A listener hears the change.
func (m *Mode) SetPrivate(private bool) {
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
	m.SayText(m.host.T(id))
}
