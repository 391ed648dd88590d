package staffpin

import (
	"errors"
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

func TestCheckNew(t *testing.T) {
	for _, pin := range []string{"246810", "482913", "975310", "8642097531", "130792", "112358"} {
		if err := CheckNew(pin); err != nil {
			t.Errorf("CheckNew(%s) = %v, want nil", pin, err)
		}
	}
	for _, pin := range []string{"000000", "777777777777", "123456", "012345", "654321", "789012", "210987",
		"135791", "024680", "963074", "121212", "123123", "1231231", "112112", "100000", "110011", "909090"} {
		if err := CheckNew(pin); !errors.Is(err, ErrTooEasy) {
			t.Errorf("CheckNew(%s) = %v, want ErrTooEasy", pin, err)
		}
	}
	if err := CheckNew("12345"); err == nil || errors.Is(err, ErrTooEasy) {
		t.Errorf("CheckNew of a short PIN = %v, want the form's message", err)
	}
}
