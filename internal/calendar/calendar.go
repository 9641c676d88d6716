// Package calendar tells which days are working days (工作日) for Chinese
// administrative enforcement agencies and counts statutory periods with them.
//
// A working day is a Monday to Friday outside the public-holiday blocks, or a
// Saturday or Sunday that the State Council's yearly notice makes a make-up
// working day (调休上班). The blocks and make-up days cannot be derived by rule:
// they come only from the notice, usually published in November of the year
// before. A Calendar therefore answers only for the years whose arrangement has
// been loaded and refuses, with ErrYearNotLoaded, to guess about any other year.
//
// Short periods are counted in working days with AddWorkdays: 二日、三日、五日、
// 七日 in the Administrative Penalty Law (art 85) and periods of ten days or
// less in the Administrative Compulsion Law (art 69). Longer periods are
// calendar days, counted with AddDays, which moves a last day that is not a
// working day to the next working day (SAMR penalty procedure rules art 80;
// Civil Code art 203). All dates are Beijing dates; EndOfDay gives the instant
// a deadline passes.
//
// Default builds a Calendar from the embedded table data/holidays.csv.
package calendar

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"cloud.google.com/go/civil"
)

// Kind says what a day is for counting working days.
type Kind string

// The kinds of day. An Entry is only ever a Holiday or a MakeupWorkday;
// Workday and Weekend are what a day is when no entry names it.
const (
	// Workday is a Monday to Friday outside any holiday block.
	Workday Kind = "workday"
	// Weekend is an ordinary Saturday or Sunday.
	Weekend Kind = "weekend"
	// Holiday is a day off inside a holiday block (放假), whatever its weekday.
	Holiday Kind = "holiday"
	// MakeupWorkday is a Saturday or Sunday worked in exchange for a holiday
	// (调休上班); it counts as a working day.
	MakeupWorkday Kind = "makeup-workday"
)

// Entry is one day that the yearly holiday arrangement makes special.
type Entry struct {
	// Date is the Beijing date of the day.
	Date civil.Date
	// Kind is Holiday or MakeupWorkday.
	Kind Kind
	// Name is the festival the day belongs to, e.g. "国庆节".
	Name string
	// Source is the document the day comes from, e.g.
	// "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）".
	Source string
}

// validate checks what can be checked about an entry on its own. The error
// does not name the date: callers say where the entry came from.
func (e Entry) validate() error {
	if !e.Date.IsValid() {
		return fmt.Errorf("%w %s", ErrInvalidDate, e.Date)
	}
	switch e.Kind {
	case Holiday:
	case MakeupWorkday:
		if wd := e.Date.Weekday(); wd != time.Saturday && wd != time.Sunday {
			return fmt.Errorf("make-up working day on a %s: only a Saturday or Sunday can be one", wd)
		}
	default:
		return fmt.Errorf("kind %q: an entry is %q or %q", e.Kind, Holiday, MakeupWorkday)
	}
	return nil
}

// ErrYearNotLoaded is wrapped by every error about a year whose holiday
// arrangement is not loaded; errors.As with *YearNotLoadedError gives the year.
var ErrYearNotLoaded = errors.New("holiday arrangement not loaded")

// ErrInvalidDate is wrapped by every error about a malformed or impossible date.
var ErrInvalidDate = errors.New("invalid date")

// YearNotLoadedError reports that a computation needed a year whose holiday
// arrangement is not loaded. It unwraps to ErrYearNotLoaded.
type YearNotLoadedError struct {
	// Year is the first year that was needed and not loaded.
	Year int
}

// Error says which year is missing.
func (e *YearNotLoadedError) Error() string {
	return fmt.Sprintf("holiday arrangement for %d is not loaded", e.Year)
}

// Unwrap returns ErrYearNotLoaded.
func (e *YearNotLoadedError) Unwrap() error { return ErrYearNotLoaded }

// The years a Calendar accepts: the four-digit years of ParseDate.
const (
	minYear = 1
	maxYear = 9999
)

// Calendar knows the special days of the years it has loaded. It is not
// changed after New, so it is safe for concurrent use.
type Calendar struct {
	years   map[int]bool
	entries map[civil.Date]Entry
}

// New builds a Calendar from the special days of the given years. years lists
// every year whose arrangement is loaded, including years with no special
// days; a year listed twice counts once. New rejects an entry outside those
// years, two entries for one date, a make-up working day on a Monday to
// Friday, a kind other than Holiday or MakeupWorkday, and an impossible date.
func New(entries []Entry, years []int) (*Calendar, error) {
	c := &Calendar{
		years:   make(map[int]bool, len(years)),
		entries: make(map[civil.Date]Entry, len(entries)),
	}
	for _, y := range years {
		if y < minYear || y > maxYear {
			return nil, fmt.Errorf("calendar: year %d is outside %d–%d", y, minYear, maxYear)
		}
		c.years[y] = true
	}
	for _, e := range entries {
		if err := e.validate(); err != nil {
			return nil, fmt.Errorf("calendar: entry %s: %w", e.Date, err)
		}
		if !c.years[e.Date.Year] {
			return nil, fmt.Errorf("calendar: entry %s: year %d is not among the loaded years %v", e.Date, e.Date.Year, c.Years())
		}
		if _, dup := c.entries[e.Date]; dup {
			return nil, fmt.Errorf("calendar: entry %s: the date has two entries", e.Date)
		}
		c.entries[e.Date] = e
	}
	return c, nil
}

// Years returns the loaded years in ascending order.
func (c *Calendar) Years() []int {
	return slices.Sorted(maps.Keys(c.years))
}

// Entries returns the special days of all loaded years, sorted by date.
func (c *Calendar) Entries() []Entry {
	return slices.SortedFunc(maps.Values(c.entries), compareEntries)
}

// Kind says whether d is a workday, a weekend day, a holiday or a make-up
// working day. It fails with ErrYearNotLoaded if d's year is not loaded and
// with ErrInvalidDate if d does not exist.
func (c *Calendar) Kind(d civil.Date) (Kind, error) {
	k, err := c.kind(d)
	if err != nil {
		return "", fmt.Errorf("calendar: %w", err)
	}
	return k, nil
}

// IsWorkday reports whether d is a working day: a workday or a make-up working
// day. It fails like Kind.
func (c *Calendar) IsWorkday(d civil.Date) (bool, error) {
	ok, err := c.isWorkday(d)
	if err != nil {
		return false, fmt.Errorf("calendar: %w", err)
	}
	return ok, nil
}

// AddWorkdays returns the n-th working day after d, for periods the law counts
// in working days (PL art 85, CL art 69). d itself is not counted, weekends and
// holidays are skipped and make-up working days count. A negative n gives the
// n-th working day before d, for periods counted back from an event; 0 gives
// d. It fails with ErrYearNotLoaded if the count reaches a year that is not
// loaded; d's own year need not be loaded, as d is never counted.
func (c *Calendar) AddWorkdays(d civil.Date, n int) (civil.Date, error) {
	if !d.IsValid() {
		return civil.Date{}, fmt.Errorf("calendar: %w %s", ErrInvalidDate, d)
	}
	step, count, dir := 1, n, "after"
	if n < 0 {
		step, count, dir = -1, -n, "before"
	}
	day := d
	for left := count; left > 0; {
		day = day.AddDays(step)
		ok, err := c.isWorkday(day)
		if err != nil {
			return civil.Date{}, fmt.Errorf("calendar: %d working days %s %s: %w", count, dir, d, err)
		}
		if ok {
			left--
		}
	}
	return day, nil
}

// AddDays returns the last day of a period of n calendar days starting after
// d: d plus n days, moved forward to the next working day if it is a holiday
// or a weekend (SAMR penalty procedure rules art 80; Civil Code art 203). A
// make-up working day is a working day and is not moved. n must not be
// negative: moving a day forward is only right for periods that run forward.
// It fails with ErrYearNotLoaded if the last day, or a day it is moved over,
// is in a year that is not loaded.
func (c *Calendar) AddDays(d civil.Date, n int) (civil.Date, error) {
	if !d.IsValid() {
		return civil.Date{}, fmt.Errorf("calendar: %w %s", ErrInvalidDate, d)
	}
	if n < 0 {
		return civil.Date{}, fmt.Errorf("calendar: %d days after %s: a calendar-day period cannot be negative", n, d)
	}
	day := d.AddDays(n)
	for {
		ok, err := c.isWorkday(day)
		if err != nil {
			return civil.Date{}, fmt.Errorf("calendar: %d days after %s: %w", n, d, err)
		}
		if ok {
			return day, nil
		}
		day = day.AddDays(1)
	}
}

// kind is Kind without the package prefix on its errors.
func (c *Calendar) kind(d civil.Date) (Kind, error) {
	if !d.IsValid() {
		return "", fmt.Errorf("%w %s", ErrInvalidDate, d)
	}
	if !c.years[d.Year] {
		return "", &YearNotLoadedError{Year: d.Year}
	}
	if e, ok := c.entries[d]; ok {
		return e.Kind, nil
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return Weekend, nil
	}
	return Workday, nil
}

// isWorkday is IsWorkday without the package prefix on its errors.
func (c *Calendar) isWorkday(d civil.Date) (bool, error) {
	k, err := c.kind(d)
	if err != nil {
		return false, err
	}
	return k == Workday || k == MakeupWorkday, nil
}

// compareEntries orders entries by date.
func compareEntries(a, b Entry) int {
	return a.Date.Compare(b.Date)
}
