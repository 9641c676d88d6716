package calendar

import (
	"fmt"
	"time"

	"cloud.google.com/go/civil"
)

// beijing is set once at start-up and never changed.
var beijing = loadZone("Asia/Shanghai")

// loadZone loads the named zone, or falls back to UTC+8 where the system has
// no time zone database. China has kept UTC+8 without daylight saving since
// 1992, so the fallback gives the same instants for every date we handle.
func loadZone(name string) *time.Location {
	if loc, err := time.LoadLocation(name); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*60*60)
}

// Location returns Beijing time (Asia/Shanghai), the zone of every date in
// this package.
func Location() *time.Location { return beijing }

// ParseDate parses a date written strictly as YYYY-MM-DD, e.g. "2026-10-01".
// It rejects any other layout and days that do not exist, such as 2026-02-30;
// its errors wrap ErrInvalidDate.
func ParseDate(s string) (civil.Date, error) {
	d, err := parseDate(s)
	if err != nil {
		return civil.Date{}, fmt.Errorf("calendar: %w", err)
	}
	return d, nil
}

// parseDate is ParseDate without the package prefix on its errors.
func parseDate(s string) (civil.Date, error) {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return civil.Date{}, fmt.Errorf("%w %q: want YYYY-MM-DD", ErrInvalidDate, s)
	}
	y, okY := atoi(s[0:4])
	m, okM := atoi(s[5:7])
	day, okD := atoi(s[8:10])
	if !okY || !okM || !okD {
		return civil.Date{}, fmt.Errorf("%w %q: want YYYY-MM-DD", ErrInvalidDate, s)
	}
	d := civil.Date{Year: y, Month: time.Month(m), Day: day}
	if y < minYear || !d.IsValid() {
		return civil.Date{}, fmt.Errorf("%w %q: no such day", ErrInvalidDate, s)
	}
	return d, nil
}

// atoi parses ASCII digits only: no sign, no spaces.
func atoi(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// StartOfDay returns 00:00 Beijing time on d.
func StartOfDay(d civil.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, beijing)
}

// EndOfDay returns the instant a deadline falling on d passes: 24:00 Beijing
// time on d, which is 00:00 on the next day (Civil Code art 203 ¶2). An act is
// in time if it happens before this instant.
func EndOfDay(d civil.Date) time.Time {
	return StartOfDay(d.AddDays(1))
}

// DateOf returns the Beijing date of the instant t, whatever t's location.
func DateOf(t time.Time) civil.Date {
	return civil.DateOf(t.In(beijing))
}
