package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A column is its width on a page wide enough, narrows to its least on a narrow
// page and no further, and widens towards its most on a wide one.
func TestAColumnFitsThePage(t *testing.T) {
	test.NewTempApp(t)
	box := canvas.NewRectangle(nil)
	box.SetMinSize(fyne.NewSize(10, 50))
	for _, c := range []struct {
		column      Column
		page, width float32
	}{
		{Column{Width: 760, Most: 1000}, 1264, 783},  // a 1280×800 page: 62 % of it
		{Column{Width: 760, Most: 1000}, 1904, 1000}, // a 1920×1080 page: no wider than most
		{Column{Width: 760}, 1904, 760},              // a column without a most keeps its width
		{Column{Width: 1000, Least: 860}, 914, 914},  // a 1024×768 page: the room there is
		{Column{Width: 1000, Least: 860}, 700, 860},  // never narrower than least
	} {
		col := container.New(c.column, box)
		page := AtTop(col)
		page.Resize(fyne.NewSize(c.page, 600))
		if got := col.Size().Width; got < c.width-1 || got > c.width+1 {
			t.Errorf("%+v on a %v page is %v wide, want %v", c.column, c.page, got, c.width)
		}
		if col.Position().Y != 0 {
			t.Errorf("%+v starts %v below the top", c.column, col.Position().Y)
		}
	}
}

// A snug row gives each button its width less SnugTrim, never below a finger's
// MinTargetSize, one theme padding apart.
func TestASnugRowTrimsItsButtons(t *testing.T) {
	test.NewTempApp(t)
	wide, narrow := widget.NewButton("Questions?", nil), widget.NewButton("", nil)
	row := container.New(SnugRow{}, wide, narrow)
	row.Resize(row.MinSize())
	if got, want := wide.Size().Width, wide.MinSize().Width-SnugTrim; got != want {
		t.Errorf("a wide button is %v wide in a snug row, want %v", got, want)
	}
	if got := narrow.Size().Width; got != MinTargetSize {
		t.Errorf("a narrow button is %v wide, want the floor %v", got, MinTargetSize)
	}
	if gap := narrow.Position().X - wide.Size().Width; gap != theme.Padding() {
		t.Errorf("the buttons are %v apart, want %v", gap, theme.Padding())
	}
}

// A tight stack lets a trimmed label's padding overhang its neighbours, so two
// labels stack closer than in a VBox, and keeps After under the stack.
func TestATightStackOverlapsItsLabelsPadding(t *testing.T) {
	test.NewTempApp(t)
	a, b := widget.NewLabel("Email"), widget.NewLabel("Type it twice")
	loose := container.NewVBox(widget.NewLabel("Email"), widget.NewLabel("Type it twice")).MinSize().Height
	s := NewTightStack()
	s.Trimmed[a], s.Trimmed[b] = true, true
	tight := container.New(s, a, b)
	if got := tight.MinSize().Height - s.After; got >= loose {
		t.Errorf("two trimmed labels stack %v tall, no tighter than a VBox's %v", got, loose)
	}
	tight.Resize(tight.MinSize())
	if b.Position().Y >= a.MinSize().Height {
		t.Errorf("the second label starts at %v, under the first's padding %v", b.Position().Y, a.MinSize().Height)
	}
}
