package terminal

import (
	"net/url"
	"strings"
)

// receiptLines renders the receipt of the given kind (nexo DocumentQualifier,
// e.g. "CustomerReceipt") as text lines. Adyen's terminals send each line as a
// URL-encoded form, name=…&value=…&key=…; "key=filler" is a blank line. Text
// that is not such a form is kept as it is.
func receiptLines(receipts []PaymentReceipt, kind string) []string {
	var lines []string
	for _, r := range receipts {
		if r.DocumentQualifier != kind {
			continue
		}
		for _, t := range r.OutputContent.OutputText {
			lines = append(lines, receiptLine(t.Text))
		}
	}
	return lines
}

func receiptLine(text string) string {
	v, err := url.ParseQuery(text)
	if err != nil || !v.Has("key") {
		return text
	}
	name, value := v.Get("name"), v.Get("value")
	switch {
	case name != "" && value != "":
		return name + ": " + value
	case name != "":
		return name
	}
	return strings.TrimSpace(value)
}
