package client

import "time"

// The kiosk's one rule for dates, which the simulated portal follows too: a due
// date is a calendar date in the utility's zone (the config's utility.time_zone,
// America/Los_Angeles for Medford). Every "today", "tomorrow", "due within 24
// hours" and first draft is judged there, never in the machine's zone or in UTC,
// so a kiosk whose PC runs on UTC and a portal in Oregon agree at any hour
// (docs/utility-facts.md, "Dates").

// NewDate is the calendar date y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateIn is the calendar date that instant t falls on in zone.
func DateIn(t time.Time, zone *time.Location) Date {
	y, m, d := t.In(zone).Date()
	return NewDate(y, m, d)
}

// AddDate is d moved by whole years, months and days, as time.Time.AddDate
// normalises them (January 31 plus one month is March 3, or 2 in a leap year).
func (d Date) AddDate(years, months, days int) Date {
	return Date{d.Time.AddDate(years, months, days)}
}

// InTimeFor reports whether a preference set at now (a login, AutoPay, paperless)
// reaches the bill due on due. The FAQ asks for 24 hours before the due date;
// the kiosk reads that as whole days in the utility's zone: in time while the
// due date is after tomorrow. A bill due today or tomorrow, or past due, is "due
// within 24 hours" and must be paid another way. On the night clocks fall back,
// the one half hour that is 24 hours and more before a bill due the day after
// still counts as too late: the visitor is told to pay, never left to miss it.
func InTimeFor(due Date, now time.Time, zone *time.Location) bool {
	return due.After(DateIn(now, zone).AddDate(0, 0, 1).Time)
}

// FirstDraftDate is the date AutoPay set up at now first draws for a bill due on
// due with owed cents still to pay: that date when something is owed and it is
// still in time (InTimeFor), else the next bill's, taken as one month later. A
// bill already paid (in this visit or before) is never drawn again: AutoPay
// starts with the next one.
func FirstDraftDate(due Date, owed int64, now time.Time, zone *time.Location) Date {
	if owed > 0 && InTimeFor(due, now, zone) {
		return due
	}
	return due.AddDate(0, 1, 0)
}
