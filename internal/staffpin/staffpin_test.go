package staffpin

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	valid := []string{"000000", "123456", "999999999999"}
	invalid := []string{"", "12345", "1234567890123", "12345a", " 123456", "١٢٣٤٥٦", "12 3456"}
	for _, pin := range valid {
		if err := Validate(pin); err != nil {
			t.Errorf("Validate(%q) = %v, want nil", pin, err)
		}
	}
	for _, pin := range invalid {
		err := Validate(pin)
		if err == nil {
			t.Errorf("Validate(%q) accepted", pin)
			continue
		}
		if pin != "" && strings.Contains(err.Error(), pin) {
			t.Errorf("error message %q repeats the PIN", err)
		}
	}
}
