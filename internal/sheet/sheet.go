// Package sheet reads the tables administrators upload: a CSV file or the
// first worksheet of an XLSX workbook (how provinces publish officer lists
// and power lists), as a header row and data rows that keep their line
// numbers, so that every error can name the row a person sees in Excel.
package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cloud.google.com/go/civil"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zhifa/zhifa/internal/calendar"
)

// Limits on what an upload may hold.
const (
	MaxBytes = 10 << 20 // 10 MiB
	MaxRows  = 20000
	// MaxColumns and maxLines bound what a few bytes of XLSX can claim: a
	// cell far to the right or a row numbered in the billions would
	// otherwise be padded with millions of empty cells or rows.
	MaxColumns = 256
	maxLines   = 1 << 20 // Excel's last row
)

// ErrFormat is wrapped by every error about a file that is not a readable
// table: unknown extension, broken CSV or XLSX, no header, too large.
var ErrFormat = errors.New("unreadable table")

// Table is a header and the data rows under it.
type Table struct {
	Header []string
	Rows   []Row
}

// Row is one data row and its line number in the file (the header is line 1
// when it is the first line).
type Row struct {
	Line  int
	Cells []string
}

// Cell returns the trimmed value of column i, or "" past the row's end.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return strings.TrimSpace(r.Cells[i])
}

// Read reads a table from r; name's extension (.csv or .xlsx) says which kind.
func Read(name string, r io.Reader) (Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return Table{}, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxBytes {
		return Table{}, fmt.Errorf("%s: %w: larger than %d MiB", name, ErrFormat, MaxBytes>>20)
	}
	var records []Row
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		records, err = readCSV(data)
	case ".xlsx":
		records, err = readXLSX(data)
	default:
		return Table{}, fmt.Errorf("%s: %w: want a .csv or .xlsx file", name, ErrFormat)
	}
	if err != nil {
		return Table{}, fmt.Errorf("%s: %w: %w", name, ErrFormat, err)
	}
	return table(records)
}

// table finds the header (the first non-empty line) and the data rows.
func table(records []Row) (Table, error) {
	var t Table
	for _, rec := range records {
		if blank(rec.Cells) {
			continue
		}
		for _, c := range rec.Cells {
			// No database keeps such text alike: PostgreSQL refuses NUL,
			// SQLite stores it.
			if !utf8.ValidString(c) || strings.IndexByte(c, 0) >= 0 {
				return Table{}, fmt.Errorf("%w: line %d holds a NUL character or invalid UTF-8", ErrFormat, rec.Line)
			}
		}
		if t.Header == nil {
			t.Header = make([]string, len(rec.Cells))
			for j, h := range rec.Cells {
				t.Header[j] = strings.TrimSpace(h)
			}
			continue
		}
		t.Rows = append(t.Rows, rec)
	}
	if t.Header == nil {
		return Table{}, fmt.Errorf("%w: the file is empty", ErrFormat)
	}
	if len(t.Rows) > MaxRows {
		return Table{}, fmt.Errorf("%w: more than %d rows", ErrFormat, MaxRows)
	}
	return t, nil
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readCSV reads UTF-8 (with or without a byte-order mark) or, failing that,
// GB18030, which is what Excel writes when a Chinese Windows saves as CSV.
func readCSV(data []byte) ([]Row, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, errors.New("the CSV file is neither UTF-8 nor GB18030 text")
		}
		data = decoded
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows []Row
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0) // the line the record starts on; the reader skips blank lines
		rows = append(rows, Row{Line: line, Cells: rec})
	}
}

// readXLSX reads the first worksheet. Cells come raw (a date is its serial
// number), so that a date never depends on the cell's display format; Date
// understands serial numbers.
func readXLSX(data []byte) ([]Row, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("the workbook has no worksheet")
	}
	it, err := f.Rows(sheets[0])
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var rows []Row
	for line := 1; it.Next(); line++ { // Next steps through empty rows too
		if line > maxLines {
			return nil, fmt.Errorf("rows beyond row %d", maxLines)
		}
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if len(cells) > MaxColumns {
			return nil, fmt.Errorf("line %d: more than %d columns", line, MaxColumns)
		}
		if blank(cells) {
			continue
		}
		if len(rows) > MaxRows { // the header and MaxRows data rows
			return nil, fmt.Errorf("more than %d rows", MaxRows)
		}
		rows = append(rows, Row{Line: line, Cells: cells})
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	return rows, nil
}

// excelEpoch is day 0 of Excel's 1900 date system (serial 1 is 1900-01-01,
// counting Excel's phantom 29 February 1900, so serials from 61 on are
// right with this epoch).
var excelEpoch = civil.Date{Year: 1899, Month: time.December, Day: 30}

// Date reads a date as people type it in a sheet: 2026-01-01, 2026/1/1,
// 2026年1月1日, 20260101, or an Excel date serial number.
func Date(s string) (civil.Date, error) {
	s = strings.TrimSpace(s)
	if d, err := calendar.ParseDate(s); err == nil {
		return d, nil
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && len(s) != 8 && n >= 61 && n < 2958466 {
		return excelEpoch.AddDays(int(n)), nil
	}
	norm := strings.NewReplacer("年", "-", "月", "-", "日", "", "/", "-", ".", "-").Replace(s)
	if len(s) == 8 && !strings.ContainsAny(s, "-/.年") {
		norm = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	parts := strings.Split(norm, "-")
	if len(parts) == 3 {
		y, e1 := strconv.Atoi(parts[0])
		m, e2 := strconv.Atoi(parts[1])
		d, e3 := strconv.Atoi(parts[2])
		if e1 == nil && e2 == nil && e3 == nil && len(parts[0]) == 4 {
			if date, err := calendar.ParseDate(fmt.Sprintf("%04d-%02d-%02d", y, m, d)); err == nil {
				return date, nil
			}
		}
	}
	return civil.Date{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD)", s)
}

// List splits a cell holding several values: 食品安全、广告监管 or
// city,county. Empty items are dropped.
func List(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', '，', '、', ';', '；', '|', '\n':
			return true
		}
		return false
	})
	out := make([]string, 0, len(f))
	for _, v := range f {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
