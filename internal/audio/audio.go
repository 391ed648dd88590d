// Package audio tells where the kiosk's sound goes: whether the audio server's
// default output is a pair of headphones, so that speech may read a visitor's
// typed values back, or a loudspeaker the whole lobby hears.
//
// The answer comes from the audio server itself (PulseAudio, or PipeWire's
// pipewire-pulse, over PulseAudio's native protocol), asked again whenever an
// output changes, so it follows a headphone plug pulled out mid-visit. Anything it
// cannot tell for sure counts as a loudspeaker.
package audio

import "strings"

// Availability is whether a port's jack has something plugged in, as the audio
// server's jack detection reports it (PulseAudio's pa_port_available_t).
type Availability uint32

const (
	Unknown   Availability = 0 // no jack detection on this port
	Unplugged Availability = 1
	Plugged   Availability = 2
)

// Port is one way out of a sound card (its speaker, its headphone jack).
type Port struct {
	Name, Description string
	Available         Availability
}

// Sink is one output of the audio server.
type Sink struct {
	Name, Description string
	// FormFactor is the device's own word for itself (device.form_factor:
	// "headset", "headphone", "speaker", …): a USB or Bluetooth headset has no
	// ports, and says what it is this way.
	FormFactor string
	ActivePort string
	Ports      []Port
}

// Snapshot is what the audio server said of its outputs at one moment.
type Snapshot struct {
	DefaultSink string
	Sinks       []Sink
}

// Verdict is where the sound goes, and whether that is private.
type Verdict struct {
	// Private: the default output is headphones with something plugged in, so
	// nobody but the listener hears it.
	Private bool
	// Where says what the verdict rests on, for the log and `lobbykiosk check`.
	Where string
}

// Judge decides from a snapshot whether the sound is private. Headphones count
// only when the server knows they are plugged in: a headphone port whose jack
// state is unknown may be playing through a speaker that nothing mutes.
func Judge(s Snapshot) Verdict {
	var sink *Sink
	for i := range s.Sinks {
		if s.Sinks[i].Name == s.DefaultSink {
			sink = &s.Sinks[i]
		}
	}
	if sink == nil {
		return Verdict{Where: "no default output"}
	}
	name := sink.Name
	if len(sink.Ports) == 0 {
		switch sink.FormFactor {
		case "headset", "headphone":
			return Verdict{Private: true, Where: name + ", a " + sink.FormFactor}
		}
		return Verdict{Where: name + ", not headphones"}
	}
	for _, p := range sink.Ports {
		if p.Name != sink.ActivePort {
			continue
		}
		where := name + ", port " + p.Name
		switch {
		case !forHeadphones(p):
			return Verdict{Where: where + ", not headphones"}
		case p.Available == Plugged:
			return Verdict{Private: true, Where: where + ", plugged in"}
		case p.Available == Unplugged:
			return Verdict{Where: where + ", nothing plugged in"}
		default:
			return Verdict{Where: where + ", jack state unknown"}
		}
	}
	return Verdict{Where: name + ", no active port"}
}

// forHeadphones reports whether a port is a headphone or headset jack, by the
// names ALSA's mixer paths and UCM give them ("analog-output-headphones",
// "[Out] Headphones", "Headset").
func forHeadphones(p Port) bool {
	for _, s := range []string{p.Name, p.Description} {
		s = strings.ToLower(s)
		if strings.Contains(s, "headphone") || strings.Contains(s, "headset") {
			return true
		}
	}
	return false
}
