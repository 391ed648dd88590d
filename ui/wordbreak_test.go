package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// With larger text, on the lobby panels' canvases and on a 1024×768 one, no screen
// breaks a word across two lines ("cliente–númer / o"): Fyne wraps at spaces and
// cuts a word only when it is wider than its line, so every wrapped text's lines
// must be whole words, in both languages.
func TestNoWordIsBrokenAcrossLinesWithLargerText(t *testing.T) {
	for _, size := range []fyne.Size{landscapeLobbyPanel.logicalSize(t), smallLobbyPanel.logicalSize(t), {Width: 1024, Height: 768}} {
		for _, lang := range []string{"en", "es"} {
			h := newHarness(t, ModeLive)
			h.win.Resize(size)
			h.signInDirectly(t, lang)
			h.kiosk.look.change(look{larger: true})
			for _, id := range sortedScreens(h) {
				h.kiosk.show(id)
				h.layOut()
				for _, broken := range brokenWords(h.win.Canvas()) {
					t.Errorf("%.0fx%.0f, %s, %s: a word is broken across lines: %q", size.Width, size.Height, lang, id, broken)
				}
			}
		}
	}
}

// brokenWords lists, for each wrapped text on c whose lines do not end at its
// spaces, the two lines where a word was cut.
func brokenWords(c fyne.Canvas) []string {
	var out []string
	walkCanvas(c, func(o fyne.CanvasObject) bool {
		rt, ok := o.(*widget.RichText)
		if !ok || !rt.Visible() || rt.Wrapping != fyne.TextWrapWord || len(rt.Segments) != 1 {
			return true
		}
		var lines []string
		for _, child := range test.WidgetRenderer(rt).Objects() {
			if text, ok := child.(*canvas.Text); ok && text.Visible() && text.Text != "" {
				lines = append(lines, text.Text)
			}
		}
		words := strings.Fields(rt.String())
		at := 0 // the next word the lines must start with
		for i, line := range lines {
			for _, word := range strings.Fields(line) {
				if at >= len(words) || word != words[at] {
					if i > 0 {
						out = append(out, fmt.Sprintf("%s / %s (in %q)", lines[i-1], line, rt.String()))
					}
					return false
				}
				at++
			}
		}
		return false
	})
	return out
}
