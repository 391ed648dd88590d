package ui

import (
	"strconv"
	"strings"

	"github.com/medfordwater/lobbykiosk/client"
	"time"
)

// formatMoney writes cents as $1,234.56 (the same in English and US Spanish).
func formatMoney(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	dollars := strconv.FormatInt(cents/100, 10)
	var grouped strings.Builder
	for i, digit := range dollars {
		if i > 0 && (len(dollars)-i)%3 == 0 {
			grouped.WriteByte(',')
		}
		grouped.WriteRune(digit)
	}
	return sign + "$" + grouped.String() + "." + strconv.FormatInt(cents%100+100, 10)[1:]
}

// formatDate writes a date the visitor's way: "June 15, 2026" / "15 de junio de 2026".
// Month names and the pattern come from the catalog.
func (k *Kiosk) formatDate(d client.Date) string {
	months := strings.Split(k.T("date.months"), ",")
	month := d.Month().String()
	if int(d.Month()) <= len(months) {
		month = strings.TrimSpace(months[d.Month()-1])
	}
	return k.T("date.long", map[string]any{"Month": month, "Day": d.Day(), "Year": d.Year()})
}

// wholeMinutes rounds a wait up to whole minutes, at least one: a visitor told
// "0 min" would try at once and be refused again.
func wholeMinutes(wait time.Duration) int {
	return max(1, int((wait+time.Minute-1)/time.Minute))
}
