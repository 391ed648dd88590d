package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// fieldSpec describes one text field of a form.
type fieldSpec struct {
	id      fieldID
	labelID string // message ID of the field's label
	// hintID is the optional message ID of a help line under the label, which
	// says the field's format. A field never shows an example in grey: it passes
	// for a value typed in.
	hintID   string
	password bool
	check    func(v *visit, text string) (value string, code validate.Code) // value: normalised, kept in visit.values
	blankID  string                                                         // message ID for a blank field, when it has words of its own

	keyboard keyboard.Layout // which on-screen keyboard the field asks for (keyboard.go)
}

// field is a labelled entry bound to one of the visit's fields, with its problem
// (icon and words, never colour alone) shown beside it.
type field struct {
	spec    fieldSpec
	visit   *visit // the visit the field's screen was built for: what is typed goes there
	words   func(id string, data ...map[string]any) string
	entry   *kwidget.Entry
	problem *widget.Label
	icon    *widget.Icon
}

// newField builds spec's widgets from the visit: the typed text and any problem.
func (k *Kiosk) newField(spec fieldSpec) *field {
	f := &field{spec: spec, visit: k.visit, words: k.T, entry: kwidget.NewEntry(spec.password)}
	f.entry.SetText(k.visit.fields[spec.id])
	// The cursor is at the end of what is in the field, so that Backspace deletes
	// and typing adds to it; a screen rebuilt while the visitor is in the field
	// puts it back where it was (show).
	f.entry.ID, f.entry.CursorColumn = string(spec.id), len([]rune(f.entry.Text))
	f.entry.Hyphen = spec.keyboard == keyboard.Account
	f.entry.Page = func() *kwidget.TouchScroll { return k.page.touch }
	f.entry.OnChanged = func(text string) {
		f.visit.fields[spec.id] = text
		delete(f.visit.values, spec.id) // checked again before it is used
		f.clearFixedProblem()
	}
	f.entry.OnSubmitted = func(string) { k.page.submitField(k.win.Canvas(), f.entry) } // a screen may set its own
	f.entry.OnLeave = func() bool {
		// A press on an on-screen key, or on Show password, takes the focus for a
		// moment: the visitor is still typing in this field, so it is not checked yet.
		if k.keyboard.Holding() || f.entry.CheckHeld {
			return true
		}
		// A blank field is the visitor's to come back to; the submit names it.
		return f.visit.fields[spec.id] == "" || f.check()
	}
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.icon = widget.NewIcon(theme.ErrorIcon())
	f.showProblem()
	k.offerKeyboard(f) // the on-screen keyboard follows this field's focus
	// The entry speaks its label, hint and problem itself (ui/speechmode).
	f.entry.Access = kwidget.EntryAccess{Label: k.T(spec.labelID), Problem: f.problem}
	if spec.hintID != "" {
		f.entry.Access.Hint = k.T(spec.hintID)
	}
	f.entry.Keys = k.speech.EntryKeys()
	k.page.note(f.problem, speechmode.Note{Skip: true})
	if k.page.firstEntry == nil {
		k.page.firstEntry = f.entry
	}
	return f
}

// fieldExtras are controls that belong to a field, laid out with it so that they
// stay in view above the on-screen keys while the visitor types in it: one at the
// entry's end (Show password), and lines under its problem (the password's live
// strength, which is read while typing or not at all).
type fieldExtras struct {
	entryEnd fyne.CanvasObject
	below    []fyne.CanvasObject
	// screenProblem is the screen's problem (screenProblem) when it is this
	// field's to fix: it sits under the field, stays in view with it above the
	// keys, and a screen rebuilt with it arrives at the field.
	screenProblem fyne.CanvasObject
}

// fieldObject lays the field out: label, optional hint, entry (with an extra at
// its end), problem, extra lines. At most one fieldExtras is given.
func (k *Kiosk) fieldObject(f *field, with ...fieldExtras) fyne.CanvasObject {
	var extras fieldExtras
	if len(with) > 0 {
		extras = with[0]
	}
	label := widget.NewLabelWithStyle(k.T(f.spec.labelID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	k.page.note(label, speechmode.Note{Skip: true}) // the entry says it
	stack := kwidget.NewTightStack()
	stack.Trimmed[label] = true
	box := container.New(stack, label)
	if f.spec.hintID != "" {
		hint := widget.NewLabel(k.T(f.spec.hintID))
		hint.Wrapping = fyne.TextWrapWord
		k.page.note(hint, speechmode.Note{Skip: true})
		box.Add(hint)
		stack.Trimmed[hint] = true
	}
	if extras.entryEnd != nil {
		box.Add(container.NewBorder(nil, nil, nil, extras.entryEnd, kwidget.CoverEntry(f.entry)))
	} else {
		box.Add(kwidget.CoverEntry(f.entry))
	}
	problem := container.NewBorder(nil, nil, f.icon, nil, f.problem)
	box.Add(problem)
	stack.Trimmed[problem] = true
	for _, o := range extras.below {
		box.Add(o)
		stack.Trimmed[o] = true // a line of words, as the problem is
	}
	if extras.screenProblem != nil {
		box.Add(extras.screenProblem)
		stack.Trimmed[extras.screenProblem] = true
		k.page.problemEntry = f.entry
	}
	f.entry.Around = box // what the keyboard keeps in view above its keys
	return box
}

// readTogether stacks lines of words that read as one list (a review, a
// confirmation): their labels' padding overhangs (kwidget.TightStack), so what follows
// them shows without scrolling on a short panel.
func readTogether(lines ...fyne.CanvasObject) *fyne.Container {
	list := kwidget.NewTightStack()
	for _, l := range lines {
		if _, ok := l.(*widget.Label); ok {
			list.Trimmed[l] = true
		}
	}
	return container.New(list, lines...)
}

// check validates the field now and shows or clears its problem.
func (f *field) check() bool {
	v := f.visit
	code, junk := v.check(f.spec)
	v.setProblem(f.spec.id, code)
	if code == validate.Required && f.spec.blankID != "" {
		v.problems[f.spec.id] = f.spec.blankID
	}
	if junk != "" {
		v.problems[f.spec.id] = junk
	}
	f.showProblem()
	return code == validate.OK && junk == ""
}

// clearFixedProblem takes a field's problem away as soon as the typing has fixed
// it, or has filled a field said to be blank; a new problem waits for the
// visitor to leave the field or to submit, never interrupts the typing.
func (f *field) clearFixedProblem() {
	v := f.visit
	msg, ok := v.problems[f.spec.id]
	if !ok {
		return
	}
	blank := msg == "field."+string(validate.Required) || (f.spec.blankID != "" && msg == f.spec.blankID)
	code, junk := v.check(f.spec)
	if (code == validate.OK && junk == "") || (blank && v.fields[f.spec.id] != "") {
		delete(v.problems, f.spec.id)
		f.showProblem()
	}
}

func (f *field) showProblem() {
	msg, ok := f.visit.problems[f.spec.id]
	if !ok {
		f.problem.SetText("")
		f.problem.Hide()
		f.icon.Hide()
		return
	}
	f.problem.SetText(f.words(msg))
	f.problem.Show()
	f.icon.Show()
}

// checkFields validates every field (a submit), focusing the first with a problem.
func (k *Kiosk) checkFields(fields ...*field) bool {
	var first *field
	for _, f := range fields {
		if !f.check() && first == nil {
			first = f
		}
	}
	if first != nil {
		k.win.Canvas().Focus(first.entry)
	}
	return first == nil
}

// fieldNone keys a problem that belongs to the whole screen (a portal answer).
const fieldNone fieldID = ""

// screenProblem shows the screen-level problem of the visit, if any: an error icon
// and words. It returns the object to lay out and the label (for tests).
func (k *Kiosk) screenProblem() (fyne.CanvasObject, *widget.Label) {
	label := widget.NewLabel("")
	label.Wrapping = fyne.TextWrapWord
	label.Importance = widget.DangerImportance
	box := container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, label)
	if msg, ok := k.visit.problems[fieldNone]; ok {
		label.SetText(k.T(msg))
	} else {
		box.Hide()
	}
	return box, label
}

// primaryButton is a screen's main action. While a portal call is in flight it says
// "One moment…" and cannot be tapped again.
func (k *Kiosk) primaryButton(labelID string, tapped func()) *kwidget.Button {
	b := kwidget.NewButton(k.T(labelID), tapped)
	b.Importance = widget.HighImportance
	k.page.primaries = append(k.page.primaries, b)
	if k.visit.busy {
		b.SetText(k.T("busy.one_moment"))
	}
	return k.untilAnswered(b)
}

// untilAnswered disables b while a portal call is in flight. Screens are rebuilt
// from the visit when the answer comes, with b enabled again.
func (k *Kiosk) untilAnswered(b *kwidget.Button) *kwidget.Button {
	if k.visit.busy {
		b.Disable()
	}
	return b
}

// wrappedLabel is a label that wraps at word boundaries: every sentence a visitor
// reads, in either language.
func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// formColumn puts a form in a column a visitor can read without turning their head.
func formColumn(objects ...fyne.CanvasObject) fyne.CanvasObject {
	return kwidget.AtTop(container.New(kwidget.Column{Width: 760, Most: 1000}, container.NewVBox(objects...)))
}
