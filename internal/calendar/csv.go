package calendar

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"cloud.google.com/go/civil"
)

// holidaysCSV is the seed table: every holiday and make-up working day of the
// years it covers. A string, so that nothing can change it.
//
//go:embed data/holidays.csv
var holidaysCSV string

// csvHeader is the first line of the table format read by ParseCSV.
var csvHeader = []string{"date", "kind", "name", "source"}

// Default builds the Calendar of the embedded table data/holidays.csv, loading
// every year that appears in it (2025, 2026 and 2027).
func Default() (*Calendar, error) {
	entries, years, err := ParseCSV(strings.NewReader(holidaysCSV))
	if err != nil {
		return nil, fmt.Errorf("embedded data/holidays.csv: %w", err)
	}
	return New(entries, years)
}

// ParseCSV reads a holiday table: a header line "date,kind,name,source", then
// one line per special day with its date as YYYY-MM-DD, its kind ("holiday" or
// "makeup-workday"), its festival and its source document. It returns the
// entries in file order and, as the loaded years, the distinct years present,
// ascending. A year with no special days cannot be written in this format;
// pass it to New directly. Errors name the line.
func ParseCSV(r io.Reader) ([]Entry, []int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(csvHeader)
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("calendar: csv: empty, want header %q", strings.Join(csvHeader, ","))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("calendar: csv: %w", err)
	}
	if !slices.Equal(header, csvHeader) {
		return nil, nil, fmt.Errorf("calendar: csv line 1: header %q, want %q", strings.Join(header, ","), strings.Join(csvHeader, ","))
	}
	var entries []Entry
	lines := map[civil.Date]int{} // date → line, to name both lines of a duplicate
	years := map[int]bool{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("calendar: csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		d, err := parseDate(rec[0])
		if err != nil {
			return nil, nil, fmt.Errorf("calendar: csv line %d: %w", line, err)
		}
		e := Entry{Date: d, Kind: Kind(rec[1]), Name: rec[2], Source: rec[3]}
		if err := e.validate(); err != nil {
			return nil, nil, fmt.Errorf("calendar: csv line %d: %s: %w", line, rec[0], err)
		}
		if prev, dup := lines[d]; dup {
			return nil, nil, fmt.Errorf("calendar: csv line %d: %s is already on line %d", line, rec[0], prev)
		}
		lines[d] = line
		years[d.Year] = true
		entries = append(entries, e)
	}
	return entries, slices.Sorted(maps.Keys(years)), nil
}

// WriteCSV writes entries in the format ParseCSV reads, sorted by date.
func WriteCSV(w io.Writer, entries []Entry) error {
	sorted := slices.SortedStableFunc(slices.Values(entries), compareEntries)
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("calendar: write csv: %w", err)
	}
	for _, e := range sorted {
		if err := cw.Write([]string{e.Date.String(), string(e.Kind), e.Name, e.Source}); err != nil {
			return fmt.Errorf("calendar: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("calendar: write csv: %w", err)
	}
	return nil
}
