package audio

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each recorded answer of an audio server gets the verdict a lobby needs: the
// visitor's typed values are read back only into headphones known to be plugged
// in; a speaker, HDMI, an empty jack or a jack the server cannot see is not private.
func TestRecordedAnswersAreJudged(t *testing.T) {
	want := map[string]bool{
		"null_sink_speaker":                     false,
		"null_sink_usb_headset":                 true,
		"hda_headphones_plugged":                true,
		"hda_unplugged_switched_to_speaker":     false,
		"hda_headphones_pinned_nothing_plugged": false,
		"hda_headphones_jack_unknown":           false,
		"hdmi_monitor":                          false,
		"bluetooth_headphones":                  true,
		"pipewire_ucm_headphones":               true,
		"pipewire_ucm_speaker":                  false,
	}
	files, _ := filepath.Glob("testdata/*.json")
	if len(files) != len(want) {
		t.Fatalf("%d recorded answers, %d verdicts: give every answer its verdict", len(files), len(want))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		s := readPactl(t, file)
		if v := Judge(s); v.Private != want[name] {
			t.Errorf("%s: private %v (%s), want %v", name, v.Private, v.Where, want[name])
		}
	}
}

// A default output that is not among the outputs, or no outputs at all, is not
// private.
func TestNothingKnownIsNotPrivate(t *testing.T) {
	for _, s := range []Snapshot{{}, {DefaultSink: "gone", Sinks: []Sink{{Name: "other", FormFactor: "headset"}}},
		{DefaultSink: "a", Sinks: []Sink{{Name: "a", ActivePort: "x", Ports: []Port{{Name: "y", Available: Plugged}}}}}} {
		if v := Judge(s); v.Private {
			t.Errorf("%+v judged private: %s", s, v.Where)
		}
	}
}

// readPactl turns what pactl printed into a Snapshot.
func readPactl(t *testing.T, file string) Snapshot {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		Info struct {
			DefaultSink string `json:"default_sink_name"`
		} `json:"info"`
		Sinks []struct {
			Name       string            `json:"name"`
			Properties map[string]string `json:"properties"`
			ActivePort *string           `json:"active_port"`
			Ports      []struct {
				Name         string `json:"name"`
				Description  string `json:"description"`
				Availability string `json:"availability"`
			} `json:"ports"`
		} `json:"sinks"`
	}
	if err := json.Unmarshal(data, &answer); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	s := Snapshot{DefaultSink: answer.Info.DefaultSink}
	for _, a := range answer.Sinks {
		sink := Sink{Name: a.Name, FormFactor: a.Properties["device.form_factor"], Description: a.Properties["device.description"]}
		if a.ActivePort != nil {
			sink.ActivePort = *a.ActivePort
		}
		for _, p := range a.Ports {
			avail := map[string]Availability{"available": Plugged, "not available": Unplugged}[p.Availability]
			sink.Ports = append(sink.Ports, Port{Name: p.Name, Description: p.Description, Available: avail})
		}
		s.Sinks = append(s.Sinks, sink)
	}
	return s
}
