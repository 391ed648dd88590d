package ui

import "testing"

// The state machine is plain data: these tests need no window.

func TestFlowTransitions(t *testing.T) {
	cases := []struct {
		from screenID
		ev   event
		to   screenID
	}{
		{screenWelcome, evLanguageChosen, screenFind},
		{screenFind, evAccountFound, screenFound},
		{screenFound, evRegister, screenRegister},
		{screenFound, evSignIn, screenSignIn},
		{screenFound, evPayNow, screenPay},
		{screenRegister, evSignedIn, screenMyAccount},
		{screenRegister, evSignIn, screenSignIn},
		{screenSignIn, evSignedIn, screenMyAccount},
		{screenMyAccount, evAutoPay, screenAutoPay},
		{screenMyAccount, evEBilling, screenEBilling},
		{screenMyAccount, evFinish, screenDone},
		{screenAutoPay, evFinish, screenMyAccount},
		{screenPay, evPaid, screenDone},
		{screenPay, evMyAccount, screenMyAccount},
		{screenDone, evRegister, screenRegister},
		{screenAutoPay, evHelp, screenHelp}, // from anywhere
		{screenPay, evNoEmail, screenNoEmail},
	}
	table := screenTable()
	for _, c := range cases {
		if to, ok := nextScreen(table, c.from, c.ev); !ok || to != c.to {
			t.Errorf("%s --%s--> %s (ok %v), want %s", c.from, c.ev, to, ok, c.to)
		}
	}
	if to, ok := nextScreen(table, screenWelcome, evPaid); ok {
		t.Errorf("paying from the welcome screen leads to %s", to)
	}
}

func TestEveryTransitionLeadsToABuiltScreen(t *testing.T) {
	screens := screenTable()
	for from, s := range screens {
		for ev, to := range s.next {
			if _, ok := screens[to]; !ok {
				t.Errorf("%s --%s--> %s, which is not in the screen table", from, ev, to)
			}
		}
	}
	for ev, to := range anywhere {
		if _, ok := screens[to]; !ok {
			t.Errorf("anywhere --%s--> %s, which is not in the screen table", ev, to)
		}
	}
}

func TestEveryVisitorScreenIsReachableFromWelcome(t *testing.T) {
	screens := screenTable()
	seen := map[screenID]bool{screenWelcome: true}
	queue := []screenID{screenWelcome}
	for len(queue) > 0 {
		from := queue[0]
		queue = queue[1:]
		next := []screenID{}
		for _, to := range screens[from].next {
			next = append(next, to)
		}
		for _, to := range anywhere {
			next = append(next, to)
		}
		for _, to := range next {
			if !seen[to] {
				seen[to] = true
				queue = append(queue, to)
			}
		}
	}
	for id := range screens {
		if !seen[id] && id != screenOutOfService {
			t.Errorf("screen %s cannot be reached from the welcome screen", id)
		}
	}
}
