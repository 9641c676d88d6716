package calendar_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/civil"
	"github.com/6tail/lunar-go/HolidayUtil"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/calendar"
)

// date parses a YYYY-MM-DD test literal.
func date(t *testing.T, s string) civil.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	require.NoError(t, err)
	return d
}

// defaultCalendar is the calendar of the embedded table.
func defaultCalendar(t *testing.T) *calendar.Calendar {
	t.Helper()
	c, err := calendar.Default()
	require.NoError(t, err)
	return c
}

func TestKind(t *testing.T) {
	t.Parallel()
	c := defaultCalendar(t)
	tests := []struct {
		name string
		day  string
		want calendar.Kind
	}{
		{"make-up Saturday after National Day 2026", "2026-10-10", calendar.MakeupWorkday},
		{"make-up Sunday before National Day 2026", "2026-09-20", calendar.MakeupWorkday},
		{"make-up Sunday after New Year 2026", "2026-01-04", calendar.MakeupWorkday},
		{"National Day 2026", "2026-10-01", calendar.Holiday},
		{"Saturday inside the National Day block", "2026-10-03", calendar.Holiday},
		{"weekday inside the Spring Festival block 2026", "2026-02-23", calendar.Holiday},
		{"New Year 2025, no swap", "2025-01-01", calendar.Holiday},
		{"ordinary Saturday", "2026-03-07", calendar.Weekend},
		{"ordinary Sunday", "2025-12-28", calendar.Weekend},
		{"ordinary Monday", "2026-03-09", calendar.Workday},
		{"Thursday after National Day 2026", "2026-10-08", calendar.Workday},
		{"Dragon Boat 2027 is one Wednesday", "2027-06-09", calendar.Holiday},
		{"Thursday after Dragon Boat 2027", "2027-06-10", calendar.Workday},
		{"last day of 2027", "2027-12-31", calendar.Workday},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.Kind(date(t, tt.day))
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestKindRefusesUnloadedYear(t *testing.T) {
	t.Parallel()
	c := defaultCalendar(t)
	tests := []struct {
		name string
		day  string
		year int
	}{
		{"year after the table", "2028-01-01", 2028},
		{"year before the table", "2024-12-31", 2024},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Kind(date(t, tt.day))
			require.ErrorIs(t, err, calendar.ErrYearNotLoaded)
			var missing *calendar.YearNotLoadedError
			require.ErrorAs(t, err, &missing)
			require.Equal(t, tt.year, missing.Year)

			_, err = c.IsWorkday(date(t, tt.day))
			require.ErrorIs(t, err, calendar.ErrYearNotLoaded)
		})
	}
	t.Run("message names the year", func(t *testing.T) {
		t.Parallel()
		_, err := c.Kind(date(t, "2028-03-01"))
		require.EqualError(t, err, "calendar: holiday arrangement for 2028 is not loaded")
	})
	t.Run("impossible date", func(t *testing.T) {
		t.Parallel()
		_, err := c.Kind(civil.Date{Year: 2026, Month: 2, Day: 30})
		require.ErrorIs(t, err, calendar.ErrInvalidDate)
	})
}

func TestAddWorkdays(t *testing.T) {
	t.Parallel()
	c := defaultCalendar(t)
	tests := []struct {
		name  string
		from  string
		n     int
		want  string
		about string
	}{
		{"7 WD across National Day 2026", "2026-09-28", 7, "2026-10-13", "Sat 10 Oct is a make-up day and counts"},
		{"5 WD across National Day 2025", "2025-09-26", 5, "2025-10-10", "Sun 28 Sep counts as WD 1, Sat 11 Oct counts"},
		{"20 WD across Spring Festival 2026", "2026-02-10", 20, "2026-03-16", "Sat 14 Feb and Sat 28 Feb count"},
		{"1 WD across the 2025/2026 boundary", "2025-12-31", 1, "2026-01-04", "1–3 Jan are holidays, Sun 4 Jan is a make-up day"},
		{"2 WD across the 2025/2026 boundary", "2025-12-31", 2, "2026-01-05", ""},
		{"1 WD across the 2026/2027 boundary", "2026-12-31", 1, "2027-01-04", "1–3 Jan 2027 are holidays, no make-up day"},
		{"Friday plus 1 WD skips the weekend", "2026-03-06", 1, "2026-03-09", ""},
		{"start day on a holiday is not counted", "2026-10-03", 1, "2026-10-08", ""},
		{"start in an unloaded year is fine, it is not counted", "2024-12-31", 1, "2025-01-02", "1 Jan 2025 is a holiday"},
		{"zero returns the day itself", "2026-10-03", 0, "2026-10-03", ""},
		{"7 WD back from 13 Oct 2026", "2026-10-13", -7, "2026-09-28", "hearing notice counted back (PL 64)"},
		{"1 WD back from a make-up Saturday", "2026-10-10", -1, "2026-10-09", ""},
		{"1 WD back across the National Day block", "2026-10-08", -1, "2026-09-30", ""},
		{"1 WD back across the 2025/2026 boundary", "2026-01-05", -1, "2026-01-04", ""},
		{"2 WD back across the 2025/2026 boundary", "2026-01-05", -2, "2025-12-31", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.AddWorkdays(date(t, tt.from), tt.n)
			require.NoError(t, err)
			require.Equal(t, date(t, tt.want), got, tt.about)
		})
	}
}

func TestAddWorkdaysRefusesUnloadedYear(t *testing.T) {
	t.Parallel()
	c := defaultCalendar(t)
	tests := []struct {
		name string
		from string
		n    int
		year int
	}{
		{"forward into 2028", "2027-12-30", 5, 2028},
		{"backward into 2024", "2025-01-03", -3, 2024},
		{"start in an unloaded year, count into another", "2030-06-01", 1, 2030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.AddWorkdays(date(t, tt.from), tt.n)
			require.ErrorIs(t, err, calendar.ErrYearNotLoaded)
			var missing *calendar.YearNotLoadedError
			require.ErrorAs(t, err, &missing)
			require.Equal(t, tt.year, missing.Year)
		})
	}
	t.Run("message says what was being counted", func(t *testing.T) {
		t.Parallel()
		_, err := c.AddWorkdays(date(t, "2027-12-30"), 5)
		require.EqualError(t, err, "calendar: 5 working days after 2027-12-30: holiday arrangement for 2028 is not loaded")
	})
	t.Run("last counted day still in the loaded year", func(t *testing.T) {
		t.Parallel()
		got, err := c.AddWorkdays(date(t, "2027-12-30"), 1)
		require.NoError(t, err)
		require.Equal(t, date(t, "2027-12-31"), got)
	})
}

func TestAddDays(t *testing.T) {
	t.Parallel()
	c := defaultCalendar(t)
	tests := []struct {
		name  string
		from  string
		n     int
		want  string
		about string
	}{
		{"last day on National Day rolls past the block", "2026-09-20", 11, "2026-10-08", "1–7 Oct 2026 are holidays"},
		{"last day on a make-up Saturday stays", "2026-10-01", 9, "2026-10-10", "a make-up day is a working day"},
		{"last day on an ordinary Saturday rolls to Monday", "2026-03-01", 6, "2026-03-09", ""},
		{"last day on a working day stays", "2026-03-01", 15, "2026-03-16", ""},
		{"30 days across the Spring Festival 2026", "2026-01-22", 30, "2026-02-24", "21 Feb is in the block; 22–23 Feb too"},
		{"90 days from filing", "2026-07-03", 90, "2026-10-08", "1 Oct lands in the block"},
		{"last day on New Year 2027 rolls to Monday", "2026-12-02", 30, "2027-01-04", ""},
		{"zero days on a working day", "2026-03-09", 0, "2026-03-09", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.AddDays(date(t, tt.from), tt.n)
			require.NoError(t, err)
			require.Equal(t, date(t, tt.want), got, tt.about)
		})
	}
}

func TestAddDaysRefuses(t *testing.T) {
	t.Parallel()
	// 2027-12-31 made a holiday so that the roll-forward must enter 2028.
	rolling, err := calendar.New([]calendar.Entry{{Date: date(t, "2027-12-31"), Kind: calendar.Holiday, Name: "test"}}, []int{2027})
	require.NoError(t, err)
	tests := []struct {
		name string
		c    *calendar.Calendar
		from string
		n    int
	}{
		{"last day in an unloaded year", defaultCalendar(t), "2027-12-01", 31},
		{"roll forward into an unloaded year", rolling, "2027-12-30", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tt.c.AddDays(date(t, tt.from), tt.n)
			require.ErrorIs(t, err, calendar.ErrYearNotLoaded)
		})
	}
	t.Run("negative period", func(t *testing.T) {
		t.Parallel()
		_, err := defaultCalendar(t).AddDays(date(t, "2026-10-10"), -1)
		require.ErrorContains(t, err, "cannot be negative")
	})
}

func TestWorkdaysPerYear(t *testing.T) {
	t.Parallel()
	c := defaultCalendar(t)
	tests := []struct {
		year int
		want int
	}{
		// 261 weekdays − 18 weekday holidays + 5 make-up days.
		{2025, 248},
		// 261 weekdays − 19 weekday holidays + 6 make-up days.
		{2026, 248},
		// 261 weekdays − 18 weekday holidays + 5 make-up days (lunar-go data).
		{2027, 248},
	}
	for _, tt := range tests {
		t.Run(time.Date(tt.year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			t.Parallel()
			n := 0
			for d := (civil.Date{Year: tt.year, Month: 1, Day: 1}); d.Year == tt.year; d = d.AddDays(1) {
				ok, err := c.IsWorkday(d)
				require.NoError(t, err)
				if ok {
					n++
				}
			}
			require.Equal(t, tt.want, n)
		})
	}
}

// TestEmbeddedTableAgreesWithLunarGo checks the embedded table day by day
// against github.com/6tail/lunar-go's HolidayUtil: 2025 and 2026 were typed in
// from the State Council notices, so agreement is an independent check; 2027
// was taken from lunar-go, so agreement checks the transcription.
func TestEmbeddedTableAgreesWithLunarGo(t *testing.T) {
	t.Parallel()
	c := defaultCalendar(t)
	entries := c.Entries()
	for _, year := range []int{2025, 2026, 2027} {
		t.Run(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			t.Parallel()
			for d := (civil.Date{Year: year, Month: 1, Day: 1}); d.Year == year; d = d.AddDays(1) {
				got, err := c.Kind(d)
				require.NoError(t, err)
				want := calendar.Workday
				if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
					want = calendar.Weekend
				}
				if h := HolidayUtil.GetHoliday(d.String()); h != nil {
					want = calendar.Holiday
					if h.IsWork() {
						want = calendar.MakeupWorkday
					}
				}
				require.Equal(t, want, got, "day %s", d)
			}
			n := 0
			for _, e := range entries {
				if e.Date.Year == year {
					n++
				}
			}
			require.Equal(t, HolidayUtil.GetHolidaysByYear(year).Len(), n)
		})
	}
}

func TestDefault(t *testing.T) {
	t.Parallel()
	c := defaultCalendar(t)
	t.Run("loads 2025 to 2027", func(t *testing.T) {
		t.Parallel()
		require.Equal(t, []int{2025, 2026, 2027}, c.Years())
	})
	t.Run("every entry names its festival and source", func(t *testing.T) {
		t.Parallel()
		for _, e := range c.Entries() {
			require.NotEmpty(t, e.Name, "entry %s", e.Date)
			require.NotEmpty(t, e.Source, "entry %s", e.Date)
		}
	})
	t.Run("2027 is marked as not checked against the notice", func(t *testing.T) {
		t.Parallel()
		for _, e := range c.Entries() {
			if e.Date.Year == 2027 {
				require.Contains(t, e.Source, "未与国务院通知核对", "entry %s", e.Date)
			}
		}
	})
	t.Run("entries are sorted", func(t *testing.T) {
		t.Parallel()
		es := c.Entries()
		require.Len(t, es, 33+39+34)
		for i := 1; i < len(es); i++ {
			require.True(t, es[i-1].Date.Before(es[i].Date))
		}
	})
	t.Run("embedded file is in the form WriteCSV writes", func(t *testing.T) {
		t.Parallel()
		// Keeps the file sorted and free of needless quoting, so diffs of
		// the table stay readable.
		file, err := os.ReadFile("data/holidays.csv")
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, calendar.WriteCSV(&buf, c.Entries()))
		require.Equal(t, string(file), buf.String())
	})
}

func TestNewRejects(t *testing.T) {
	t.Parallel()
	holiday := calendar.Entry{Date: civil.Date{Year: 2026, Month: 10, Day: 1}, Kind: calendar.Holiday, Name: "国庆节"}
	tests := []struct {
		name    string
		entries []calendar.Entry
		years   []int
		want    string
	}{
		{"duplicate date", []calendar.Entry{holiday, holiday}, []int{2026}, "two entries"},
		{"year not loaded", []calendar.Entry{holiday}, []int{2025, 2027}, "not among the loaded years"},
		{"make-up day on a Monday", []calendar.Entry{{Date: civil.Date{Year: 2026, Month: 10, Day: 12}, Kind: calendar.MakeupWorkday}}, []int{2026}, "Monday"},
		{"kind workday", []calendar.Entry{{Date: holiday.Date, Kind: calendar.Workday}}, []int{2026}, `kind "workday"`},
		{"kind weekend", []calendar.Entry{{Date: civil.Date{Year: 2026, Month: 10, Day: 17}, Kind: calendar.Weekend}}, []int{2026}, `kind "weekend"`},
		{"empty kind", []calendar.Entry{{Date: holiday.Date}}, []int{2026}, `kind ""`},
		{"impossible date", []calendar.Entry{{Date: civil.Date{Year: 2026, Month: 2, Day: 30}, Kind: calendar.Holiday}}, []int{2026}, "invalid date"},
		{"zero date", []calendar.Entry{{Kind: calendar.Holiday}}, []int{2026}, "invalid date"},
		{"year zero", nil, []int{0}, "outside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := calendar.New(tt.entries, tt.years)
			require.ErrorContains(t, err, tt.want)
			require.Nil(t, c)
		})
	}
}

func TestNewLoadsYearWithoutSpecialDays(t *testing.T) {
	t.Parallel()
	c, err := calendar.New(nil, []int{2030, 2030})
	require.NoError(t, err)
	require.Equal(t, []int{2030}, c.Years())
	got, err := c.AddWorkdays(civil.Date{Year: 2030, Month: 1, Day: 1}, 5)
	require.NoError(t, err)
	require.Equal(t, civil.Date{Year: 2030, Month: 1, Day: 8}, got)
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	t.Run("valid", func(t *testing.T) {
		t.Parallel()
		got, err := calendar.ParseDate("2024-02-29")
		require.NoError(t, err)
		require.Equal(t, civil.Date{Year: 2024, Month: 2, Day: 29}, got)
	})
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"no such day", "2026-02-30", `calendar: invalid date "2026-02-30": no such day`},
		{"not a leap year", "2025-02-29", "no such day"},
		{"month 13", "2026-13-01", "no such day"},
		{"day zero", "2026-01-00", "no such day"},
		{"year zero", "0000-01-01", "no such day"},
		{"slashes", "2026/10/01", `calendar: invalid date "2026/10/01": want YYYY-MM-DD`},
		{"single-digit month", "2026-1-01", "want YYYY-MM-DD"},
		{"signed year", "+026-01-01", "want YYYY-MM-DD"},
		{"trailing space", "2026-10-01 ", "want YYYY-MM-DD"},
		{"with time", "2026-10-01T00:00:00", "want YYYY-MM-DD"},
		{"Chinese date", "2026年10月1日", "want YYYY-MM-DD"},
		{"empty", "", "want YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := calendar.ParseDate(tt.in)
			require.ErrorIs(t, err, calendar.ErrInvalidDate)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestParseCSV(t *testing.T) {
	t.Parallel()
	const header = "date,kind,name,source\n"
	t.Run("entries in file order and distinct years", func(t *testing.T) {
		t.Parallel()
		in := header +
			"2031-01-01,holiday,元旦,通知\n" +
			"2030-10-12,makeup-workday,国庆节,\"通知, 第二版\"\n"
		es, years, err := calendar.ParseCSV(strings.NewReader(in))
		require.NoError(t, err)
		require.Equal(t, []int{2030, 2031}, years)
		require.Equal(t, []calendar.Entry{
			{Date: civil.Date{Year: 2031, Month: 1, Day: 1}, Kind: calendar.Holiday, Name: "元旦", Source: "通知"},
			{Date: civil.Date{Year: 2030, Month: 10, Day: 12}, Kind: calendar.MakeupWorkday, Name: "国庆节", Source: "通知, 第二版"},
		}, es)
	})
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty input", "", "empty"},
		{"wrong header", "day,kind,name,source\n", "csv line 1: header"},
		{"bad date", header + "2026-10-01,holiday,国庆节,x\n2026-02-30,holiday,春节,x\n", `csv line 3: invalid date "2026-02-30"`},
		{"bad kind", header + "2026-10-01,day-off,国庆节,x\n", `csv line 2: 2026-10-01: kind "day-off"`},
		{"make-up day on a weekday", header + "2026-10-09,makeup-workday,国庆节,x\n", "csv line 2: 2026-10-09: make-up working day on a Friday"},
		{"duplicate date", header + "2026-10-01,holiday,国庆节,x\n2026-10-02,holiday,国庆节,x\n2026-10-01,holiday,国庆节,y\n", "csv line 4: 2026-10-01 is already on line 2"},
		{"missing field", header + "2026-10-01,holiday,国庆节\n", "line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := calendar.ParseCSV(strings.NewReader(tt.in))
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestWriteCSVRoundTrip(t *testing.T) {
	t.Parallel()
	in := []calendar.Entry{
		{Date: civil.Date{Year: 2030, Month: 10, Day: 12}, Kind: calendar.MakeupWorkday, Name: "国庆节", Source: `通知 "第二版", 2029`},
		{Date: civil.Date{Year: 2030, Month: 10, Day: 1}, Kind: calendar.Holiday, Name: "国庆节", Source: "通知"},
	}
	var buf bytes.Buffer
	require.NoError(t, calendar.WriteCSV(&buf, in))
	require.True(t, strings.HasPrefix(buf.String(), "date,kind,name,source\n2030-10-01,"), "sorted by date: %s", buf.String())
	out, years, err := calendar.ParseCSV(&buf)
	require.NoError(t, err)
	require.Equal(t, []int{2030}, years)
	require.Equal(t, []calendar.Entry{in[1], in[0]}, out)
}

func TestDayBoundaries(t *testing.T) {
	t.Parallel()
	cst := time.FixedZone("UTC+8", 8*60*60)
	d := civil.Date{Year: 2026, Month: 10, Day: 13}
	t.Run("EndOfDay is midnight Beijing time", func(t *testing.T) {
		t.Parallel()
		end := calendar.EndOfDay(d)
		require.True(t, end.Equal(time.Date(2026, 10, 14, 0, 0, 0, 0, cst)), "got %s", end)
		require.Equal(t, "2026-10-14T00:00:00+08:00", end.Format(time.RFC3339))
	})
	t.Run("StartOfDay is 00:00 Beijing time", func(t *testing.T) {
		t.Parallel()
		require.Equal(t, "2026-10-12T16:00:00Z", calendar.StartOfDay(d).UTC().Format(time.RFC3339))
	})
	tests := []struct {
		name string
		at   time.Time
		want civil.Date
	}{
		{"last nanosecond of the day", calendar.EndOfDay(d).Add(-time.Nanosecond), d},
		{"the deadline instant is the next day", calendar.EndOfDay(d), d.AddDays(1)},
		{"UTC afternoon is the next Beijing day", time.Date(2026, 10, 13, 16, 30, 0, 0, time.UTC), d.AddDays(1)},
		{"UTC morning is the same Beijing day", time.Date(2026, 10, 13, 15, 59, 59, 0, time.UTC), d},
		{"New York evening", time.Date(2026, 10, 12, 20, 0, 0, 0, time.FixedZone("EDT", -4*60*60)), d},
	}
	for _, tt := range tests {
		t.Run("DateOf "+tt.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tt.want, calendar.DateOf(tt.at))
		})
	}
}

func TestKindStringsAreStable(t *testing.T) {
	t.Parallel()
	// These strings are stored in the table and in the database.
	require.Equal(t, "workday", string(calendar.Workday))
	require.Equal(t, "weekend", string(calendar.Weekend))
	require.Equal(t, "holiday", string(calendar.Holiday))
	require.Equal(t, "makeup-workday", string(calendar.MakeupWorkday))
	require.False(t, errors.Is(calendar.ErrInvalidDate, calendar.ErrYearNotLoaded))
}
