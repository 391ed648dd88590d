package ui

import (
	"encoding/json"
	"fyne.io/fyne/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/internal/stafflock"
	"github.com/medfordwater/lobbykiosk/ui/staff"
)

// slowPIN is a staff.PINVerifier as slow as argon2 on a busy machine: each check waits
// until the test lets it answer. It counts the checks and the most at once.
type slowPIN struct {
	pin string

	mu            sync.Mutex
	gate          chan struct{} // closed: checks answer at once
	calls         int
	running, most int
}

func newSlowPIN(t *testing.T, pin string) *slowPIN {
	p := &slowPIN{pin: pin, gate: make(chan struct{})}
	t.Cleanup(p.answer) // no check outlives the test
	return p
}

func (p *slowPIN) VerifyStaffPIN(pin string) (bool, error) {
	p.mu.Lock()
	p.calls++
	p.running++
	p.most = max(p.most, p.running)
	gate := p.gate
	p.mu.Unlock()
	<-gate
	p.mu.Lock()
	p.running--
	p.mu.Unlock()
	return pin == p.pin, nil
}

// answer lets every check waiting, and every later one, answer.
func (p *slowPIN) answer() {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.gate:
	default:
		close(p.gate)
	}
}

// hold makes the next checks wait again.
func (p *slowPIN) hold() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gate = make(chan struct{})
}

func (p *slowPIN) counts() (calls, most int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls, p.most
}

// openPadNow does the gesture without waiting for anything (the harness's own
// gesture waits for the kiosk's background work, which the slow verifier holds).
func (h *harness) openPadNow(t *testing.T) *staff.Pad {
	t.Helper()
	target := staffTarget(t, h.win.Canvas())
	for range staff.GestureTaps {
		h.clock.Advance(100 * time.Millisecond)
		test.Tap(target)
	}
	p := h.kiosk.staff.Pad()
	if p == nil {
		t.Fatal("the gesture opened no PIN pad")
	}
	return p
}

// typeAndOK types pin on the pad and taps OK, without waiting for the check.
func typeAndOK(p *staff.Pad, pin string) {
	for _, r := range pin {
		test.Tap(p.Digits[r-'0'])
	}
	test.Tap(p.OK)
}

// Cancel and the gesture bring a fresh pad while argon2 is still on the last PIN;
// the kiosk still checks one PIN at a time, and counts each before checking it,
// so neither a fresh pad nor a restart mid-check buys a guesser a try.
func TestStaffPINIsCheckedOneAtATimeAndCountedFirst(t *testing.T) {
	h := newHarness(t, ModeLive)
	verifier := newSlowPIN(t, testStaffPIN)
	store := &memLockout{}
	staffDeps(h.kiosk, verifier, store)

	first := h.openPadNow(t)
	typeAndOK(first, "111111")
	if r, _ := store.Load(); r.Failures != 1 {
		t.Errorf("while the PIN is checked the store counts %d tries, want 1: a restart now forgets it", r.Failures)
	}
	for _, guess := range []string{"222222", "333333", "444444", "555555"} {
		test.Tap(h.kiosk.staff.Pad().Cancel)
		p := h.openPadNow(t)
		if p == first {
			t.Fatal("Cancel did not close the pad")
		}
		if !p.OK.Disabled() || !showing(h, "Checking") {
			t.Errorf("a fresh pad takes a PIN while another is being checked: %q", visibleTexts(h.win.Canvas()))
		}
		typeAndOK(p, guess)
	}
	verifier.answer()
	h.settle()
	if calls, most := verifier.counts(); calls != 1 || most != 1 {
		t.Errorf("%d checks, %d at once, from five pads; want the one PIN typed before the others", calls, most)
	}
	if p := h.kiosk.staff.Pad(); p == nil || p.OK.Disabled() {
		t.Error("the pad on show does not take a PIN once the check is over")
	}
	test.Tap(h.kiosk.staff.Pad().Cancel)

	// The right PIN, answered after its pad was closed: nobody signed in, so the
	// count stands.
	verifier.hold()
	p := h.openPadNow(t)
	typeAndOK(p, testStaffPIN)
	test.Tap(p.Cancel)
	verifier.answer()
	h.settle()
	if h.kiosk.staff.Menu() != nil {
		t.Fatal("the staff menu opened over a closed pad")
	}
	if r, _ := store.Load(); r.Failures != 2 {
		t.Errorf("the right PIN on a closed pad left %d tries counted, want 2", r.Failures)
	}
	h.openStaffMenu(t) // typed on an open pad, it signs in and clears the count
	if r, _ := store.Load(); r != (stafflock.Record{}) {
		t.Errorf("signed in with %+v still counted", r)
	}
}

// jump moves the clock on by d at once and waits for what its timers started.
func (h *harness) jump(d time.Duration) {
	h.clock.Advance(d)
	h.settle()
}

// Each lock lasts longer than the one before (5 min, 15 min, then an hour each),
// across a restart, until staff sign in with the right PIN: a patient guesser
// gets 5 PINs an hour, not 60, and a visitor typing wrong PINs on purpose costs
// staff an hour at most.
func TestStaffLockoutGrowsWithEachLockAndSurvivesARestart(t *testing.T) {
	h, verifier := newStaffHarness(t)
	store := &memLockout{}
	h.kiosk.staff.Lockout = store
	fiveWrong := func(h *harness, wantLock string) {
		t.Helper()
		h.tapStaffTarget(t, 5, 100*time.Millisecond)
		for range 5 {
			h.enterPIN(t, "111111")
		}
		if want := "Try again in " + wantLock + "."; !showing(h, want) {
			t.Fatalf("after five more wrong PINs, want %q: %q", want, visibleTexts(h.win.Canvas()))
		}
		test.Tap(h.kiosk.staff.Pad().Cancel)
	}
	fiveWrong(h, "5 min")
	h.jump(5 * time.Minute)
	fiveWrong(h, "15 min")

	// The kiosk restarts: a new Kiosk with the same store.
	win := test.NewTempWindow(t, nil)
	k2, err := New(win, Deps{Portal: h.kiosk.portal.client, Clock: h.clock, Config: h.kiosk.settings.Config})
	if err != nil {
		t.Fatal(err)
	}
	staffDeps(k2, verifier, store)
	h2 := &harness{kiosk: k2, win: win, sim: h.sim, clock: h.clock}
	h2.tapStaffTarget(t, 5, 100*time.Millisecond)
	if !showing(h2, "Try again in 15 min.") {
		t.Fatalf("after a restart the pad shows %q", visibleTexts(win.Canvas()))
	}
	test.Tap(k2.staff.Pad().Cancel)
	h2.jump(15 * time.Minute)
	fiveWrong(h2, "1 h")
	h2.jump(time.Hour)
	fiveWrong(h2, "1 h") // the longest lock: a visitor typing wrong PINs costs staff an hour at most
	h2.jump(time.Hour)
	h2.openStaffMenu(t)
	test.Tap(k2.staff.Menu().Close)
	fiveWrong(h2, "5 min") // staff signed in: the next lock is the first again
}

// A lock of staff mode reaches the fleet monitor in the next heartbeat, as a
// count: someone may be guessing at this kiosk. Neither PIN goes with it.
func TestStaffLockoutsAreCountedInTheHeartbeat(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{heartbeat: beatEvery})
	staffDeps(h.kiosk, &fixedPIN{pin: testStaffPIN}, &memLockout{})
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	const wrong = "975318"
	for range 4 {
		h.enterPIN(t, wrong)
	}
	h.enterPIN(t, testStaffPIN) // the fifth try is right: no lock
	test.Tap(h.kiosk.staff.Menu().Close)
	h.tapStaffTarget(t, 5, 100*time.Millisecond)
	for range 5 {
		h.enterPIN(t, wrong)
	}
	test.Tap(h.kiosk.staff.Pad().Cancel)
	h.nextBeat()
	beats := h.beats()
	if len(beats) != 1 || beats[0].Counts.StaffLockouts != 1 {
		t.Fatalf("beats %+v, want one counting one staff lockout", beats)
	}
	checkAgainstAPIDocument(t, "Heartbeat", beats[0])
	payload := string(must(json.Marshal(beats[0])))
	for _, pin := range []string{wrong, testStaffPIN} {
		if strings.Contains(payload, pin) {
			t.Errorf("the heartbeat carries a PIN: %s", payload)
		}
	}
	h.nextBeat()
	if beats := h.beats(); len(beats) != 2 || beats[1].Counts.StaffLockouts != 0 {
		t.Errorf("the next period counts the same lock again: %+v", beats)
	}
}

// A lock the kiosk's admin lifts (lobbykiosk admin unlock-staff clears the
// lockout file) is lifted on the running kiosk the next time its PIN pad opens.
func TestALockTheAdminLiftsIsLiftedOnTheRunningKiosk(t *testing.T) {
	h := newHarness(t, ModeLive)
	store := &memLockout{}
	staffDeps(h.kiosk, &fixedPIN{pin: testStaffPIN}, store)
	h.openPadNow(t)
	for range stafflock.MaxFailures {
		h.enterPIN(t, "111111")
	}
	if !showing(h, "Try again in 5 min.") {
		t.Fatalf("five wrong PINs did not lock: %q", visibleTexts(h.win.Canvas()))
	}
	test.Tap(h.kiosk.staff.Pad().Cancel)
	store.Save(stafflock.Record{}) // what the admin's unlock-staff writes
	h.openStaffMenu(t)
}

// Staff with a keyboard type the PIN: its digits, Backspace and Enter work the
// pad as its own keys do.
func TestThePINPadTakesAKeyboard(t *testing.T) {
	h, _ := newStaffHarness(t)
	h.openPadNow(t)
	c := h.win.Canvas()
	for _, r := range testStaffPIN + "9" {
		c.OnTypedRune()(r)
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if got := h.kiosk.staff.Pad().Dots.Text; got != strings.Repeat(staff.PINDot, len(testStaffPIN)) {
		t.Fatalf("the keyboard typed %q, want a dot for each of the PIN's %d digits", got, len(testStaffPIN))
	}
	h.keyEvent(func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	h.settle()
	if h.kiosk.staff.Menu() == nil {
		t.Error("Enter did not submit the typed PIN")
	}
}
