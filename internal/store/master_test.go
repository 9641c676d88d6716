package store_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"cloud.google.com/go/civil"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// defaultCalendar is the calendar of the embedded holiday table.
func defaultCalendar(t *testing.T) *calendar.Calendar {
	t.Helper()
	def, err := calendar.Default()
	require.NoError(t, err)
	return def
}

// entriesOf returns the entries of one year.
func entriesOf(c *calendar.Calendar, year int) []calendar.Entry {
	var out []calendar.Entry
	for _, e := range c.Entries() {
		if e.Date.Year == year {
			out = append(out, e)
		}
	}
	return out
}

func kindOf(t *testing.T, c *calendar.Calendar, day string) calendar.Kind {
	t.Helper()
	d, err := calendar.ParseDate(day)
	require.NoError(t, err)
	k, err := c.Kind(d)
	require.NoError(t, err)
	return k
}

const notice2026 = "国务院办公厅关于2026年部分节假日安排的通知（更正）"

// revised2026 is a made-up corrected 2026 arrangement: National Day is
// 1–3 October only, with no make-up Saturday.
func revised2026(t *testing.T) []calendar.Entry {
	t.Helper()
	var out []calendar.Entry
	for _, day := range []string{"2026-10-01", "2026-10-02", "2026-10-03"} {
		d, err := calendar.ParseDate(day)
		require.NoError(t, err)
		out = append(out, calendar.Entry{Date: d, Kind: calendar.Holiday, Name: "国庆节", Source: notice2026})
	}
	return out
}

func TestCalendarRoundTrip(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	def := defaultCalendar(t)
	require.NoError(t, st.ImportCalendar(t.Context(), def.Entries(), def.Years()))

	got, err := st.Calendar(t.Context())
	require.NoError(t, err)
	require.Equal(t, def.Years(), got.Years())
	require.Equal(t, def.Entries(), got.Entries())
	// What the officer notices: the make-up Saturday after National Day 2026 is a working day.
	require.Equal(t, calendar.MakeupWorkday, kindOf(t, got, "2026-10-10"))
}

func TestCalendarEmpty(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	got, err := st.Calendar(t.Context())
	require.NoError(t, err)
	require.Empty(t, got.Years())
	_, err = got.Kind(civil.Date{Year: 2026, Month: time.October, Day: 1})
	require.ErrorIs(t, err, calendar.ErrYearNotLoaded, "an empty database refuses to guess")
}

func TestImportCalendarReplacesAYear(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	def := defaultCalendar(t)
	require.NoError(t, st.ImportCalendar(t.Context(), def.Entries(), def.Years()))

	require.NoError(t, st.ImportCalendar(t.Context(), revised2026(t), []int{2026}))

	got, err := st.Calendar(t.Context())
	require.NoError(t, err)
	require.Equal(t, []int{2025, 2026, 2027}, got.Years())
	require.Equal(t, revised2026(t), entriesOf(got, 2026), "2026 is wholly the new arrangement")
	require.Equal(t, entriesOf(def, 2025), entriesOf(got, 2025), "other years are untouched")
	require.Equal(t, entriesOf(def, 2027), entriesOf(got, 2027), "other years are untouched")
	require.Equal(t, calendar.Workday, kindOf(t, got, "2026-10-05"), "a day off of the old arrangement is a working day again")
	require.Equal(t, calendar.Weekend, kindOf(t, got, "2026-10-10"), "the old make-up Saturday is gone")
	require.Equal(t, calendar.Workday, kindOf(t, got, "2026-02-17"), "the whole year is replaced, not merged: Spring Festival is not in the new table")
}

// TestACalendarImportedElsewhereCountsAtOnce: the calendar a process has
// read (and keeps) gives way to an arrangement another process imports,
// at the next deadline computed.
func TestACalendarImportedElsewhereCountsAtOnce(t *testing.T) {
	t.Parallel()
	ps := processes(t, 2)
	worker, admin := ps[0], ps[1]
	def := defaultCalendar(t)
	require.NoError(t, admin.ImportCalendar(t.Context(), def.Entries(), def.Years()))
	before, err := worker.Calendar(t.Context())
	require.NoError(t, err)
	require.Equal(t, calendar.Holiday, kindOf(t, before, "2026-10-05"))
	again, err := worker.Calendar(t.Context())
	require.NoError(t, err)
	require.Same(t, before, again, "nothing imported: the calendar read before")

	require.NoError(t, admin.ImportCalendar(t.Context(), revised2026(t), []int{2026}))
	after, err := worker.Calendar(t.Context())
	require.NoError(t, err)
	require.Equal(t, calendar.Workday, kindOf(t, after, "2026-10-05"), "the revised arrangement")
	require.Equal(t, calendar.Holiday, kindOf(t, before, "2026-10-05"), "a calendar handed out before does not change under its user")
}

func TestImportCalendarLoadsAYearWithoutSpecialDays(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	require.NoError(t, st.ImportCalendar(t.Context(), nil, []int{2028}))
	got, err := st.Calendar(t.Context())
	require.NoError(t, err)
	require.Equal(t, []int{2028}, got.Years())
	require.Equal(t, calendar.Workday, kindOf(t, got, "2028-01-03"))
}

func TestImportCalendarRefusesBadArrangement(t *testing.T) {
	t.Parallel()
	day := func(s string, k calendar.Kind) calendar.Entry {
		d, err := calendar.ParseDate(s)
		require.NoError(t, err)
		return calendar.Entry{Date: d, Kind: k, Name: "国庆节", Source: notice2026}
	}
	tests := []struct {
		name    string
		entries []calendar.Entry
		years   []int
	}{
		{"make-up working day on a Thursday", append(revised2026(t), day("2026-10-08", calendar.MakeupWorkday)), []int{2026}},
		{"a day outside the imported years", append(revised2026(t), day("2027-10-01", calendar.Holiday)), []int{2026}},
		{"the same day twice", append(revised2026(t), day("2026-10-01", calendar.Holiday)), []int{2026}},
		{"an unknown kind of day", append(revised2026(t), day("2026-10-05", "half-day")), []int{2026}},
		{"an impossible year", revised2026(t), []int{2026, 10000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := storetest.Open(t)
			def := defaultCalendar(t)
			require.NoError(t, st.ImportCalendar(t.Context(), def.Entries(), def.Years()))

			require.Error(t, st.ImportCalendar(t.Context(), tt.entries, tt.years))

			got, err := st.Calendar(t.Context())
			require.NoError(t, err)
			require.Equal(t, def.Years(), got.Years())
			require.Equal(t, def.Entries(), got.Entries(), "a refused import changes nothing")
		})
	}
}

// TestImportCalendarFailingHalfwayChangesNothing makes the database refuse
// the last day of an import, after the year's old days were deleted and the
// other new days written: the year must stay wholly the old arrangement.
func TestImportCalendarFailingHalfwayChangesNothing(t *testing.T) {
	t.Parallel()
	st, db := openWithSQL(t)
	def := defaultCalendar(t)
	require.NoError(t, st.ImportCalendar(t.Context(), def.Entries(), def.Years()))

	stmts := []string{`CREATE TRIGGER refuse_day BEFORE INSERT ON calendar_days
		WHEN NEW.date = '2026-12-25' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`}
	if db.postgres {
		stmts = []string{
			`CREATE FUNCTION refuse_day() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`,
			`CREATE TRIGGER refuse_day BEFORE INSERT ON calendar_days FOR EACH ROW
				WHEN (NEW.date = '2026-12-25') EXECUTE FUNCTION refuse_day()`,
		}
	}
	for _, s := range stmts {
		_, err := db.ExecContext(t.Context(), s)
		require.NoError(t, err)
	}
	christmas, err := calendar.ParseDate("2026-12-25")
	require.NoError(t, err)
	entries := append(revised2026(t), calendar.Entry{Date: christmas, Kind: calendar.Holiday, Name: "测试", Source: notice2026})

	require.Error(t, st.ImportCalendar(t.Context(), entries, []int{2026}))

	got, err := st.Calendar(t.Context())
	require.NoError(t, err)
	require.Equal(t, def.Years(), got.Years())
	require.Equal(t, def.Entries(), got.Entries())
}

func TestNumberOnce(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	const (
		qs2026 = "case-seq/jn-lj-qs/2026"
		bs2026 = "case-seq/jn-lj-bs/2026"
		qs2027 = "case-seq/jn-lj-qs/2027"
	)
	steps := []struct {
		name  string
		owner string
		seq   string
		want  int64
	}{
		{"first case", "case/a", qs2026, 1},
		{"first case asks again", "case/a", qs2026, 1},
		{"second case", "case/b", qs2026, 2},
		{"first case asks a third time", "case/a", qs2026, 1},
		{"the other county counts on its own", "case/c", bs2026, 1},
		{"third case", "case/d", qs2026, 3},
		{"a new year starts at 1", "case/e", qs2027, 1},
		{"second case asks again", "case/b", qs2026, 2},
		{"fourth case", "case/f", qs2026, 4},
	}
	// Steps run in order: each depends on the counters the earlier ones left.
	for _, s := range steps {
		got, err := st.NumberOnce(t.Context(), s.owner, s.seq)
		require.NoError(t, err, s.name)
		require.Equal(t, s.want, got, s.name)
	}
}

func TestNumberOnceConcurrent(t *testing.T) {
	t.Parallel()
	const seq = "case-seq/jn-lj-qs/2026"

	t.Run("different cases get different numbers, none skipped", func(t *testing.T) {
		t.Parallel()
		st := storetest.Open(t)
		const n = 12
		got := make([]int64, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { got[i], errs[i] = st.NumberOnce(t.Context(), fmt.Sprintf("case/%d", i), seq) })
		}
		wg.Wait()
		require.NoError(t, errors.Join(errs...))
		slices.Sort(got)
		want := make([]int64, n)
		for i := range want {
			want[i] = int64(i + 1)
		}
		require.Equal(t, want, got)
	})

	t.Run("one case asking at once gets one number", func(t *testing.T) {
		t.Parallel()
		st := storetest.Open(t)
		const n = 8
		got := make([]int64, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { got[i], errs[i] = st.NumberOnce(t.Context(), "case/a", seq) })
		}
		wg.Wait()
		// A racing attempt may fail (the activity is retried); none may
		// return a different number.
		var numbers []int64
		for i := range n {
			if errs[i] == nil {
				numbers = append(numbers, got[i])
			}
		}
		require.NotEmpty(t, numbers)
		for _, v := range numbers {
			require.Equal(t, int64(1), v)
		}
		again, err := st.NumberOnce(t.Context(), "case/a", seq)
		require.NoError(t, err)
		require.Equal(t, int64(1), again)
		next, err := st.NumberOnce(t.Context(), "case/b", seq)
		require.NoError(t, err)
		require.Equal(t, int64(2), next, "failed attempts used up no number")
	})
}

func TestSeedTwice(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	require.NoError(t, demo.SeedCalendar(t.Context(), st))

	// Life goes on: a case is opened, an officer changes her password, a
	// certificate is suspended, the 2026 arrangement is corrected.
	c := newCase("qs-1", "青山县市监立〔2026〕1号", qingshan)
	require.NoError(t, st.Record(t.Context(), c.act(t, "OpenCase", beijing(t, "2026-09-28T09:00:00+08:00"), "filing", nil, nil)))
	n, err := st.NumberOnce(t.Context(), "case/qs-1", "case-seq/jn-lj-qs/2026")
	require.NoError(t, err)
	require.Equal(t, int64(1), n)
	changed, err := bcrypt.GenerateFromPassword([]byte("changed-password"), bcrypt.MinCost)
	require.NoError(t, err)
	li, err := st.OfficerByLogin(t.Context(), "qs-officer2")
	require.NoError(t, err)
	li.PasswordHash = string(changed)
	require.NoError(t, st.PutOfficer(t.Context(), li))
	cert, err := st.CertificateOf(t.Context(), "qs-officer1")
	require.NoError(t, err)
	cert.Status = "suspended"
	require.NoError(t, st.PutCertificate(t.Context(), cert))
	require.NoError(t, st.ImportCalendar(t.Context(), revised2026(t), []int{2026}))

	agencies, err := st.Agencies(t.Context())
	require.NoError(t, err)
	roles, err := st.Roles(t.Context(), "")
	require.NoError(t, err)
	items, err := st.PowerItems(t.Context())
	require.NoError(t, err)

	require.NoError(t, demo.Seed(t.Context(), st))
	require.NoError(t, demo.SeedCalendar(t.Context(), st))

	againAgencies, err := st.Agencies(t.Context())
	require.NoError(t, err)
	require.Equal(t, agencies, againAgencies)
	require.Len(t, againAgencies, len(demo.Agencies))
	againRoles, err := st.Roles(t.Context(), "")
	require.NoError(t, err)
	require.Equal(t, roles, againRoles, "no role is assigned twice")
	againItems, err := st.PowerItems(t.Context())
	require.NoError(t, err)
	require.Equal(t, items, againItems)

	for _, l := range demo.Logins {
		o, err := st.OfficerByLogin(t.Context(), l.Login)
		require.NoError(t, err)
		require.Equal(t, l.Name, o.Name)
		require.NoError(t, bcrypt.CompareHashAndPassword([]byte(o.PasswordHash), []byte(demo.Password)), "%s logs in with the demo password", l.Login)
	}
	cert, err = st.CertificateOf(t.Context(), "qs-officer1")
	require.NoError(t, err)
	require.Equal(t, "valid", cert.Status, "seeding restores the demo certificate")

	sum, _, err := st.Case(t.Context(), "qs-1")
	require.NoError(t, err)
	require.Equal(t, "青山县市监立〔2026〕1号", sum.Number, "cases survive a second seed")
	next, err := st.NumberOnce(t.Context(), "case/qs-2", "case-seq/jn-lj-qs/2026")
	require.NoError(t, err)
	require.Equal(t, int64(2), next, "case numbering is not restarted")

	cal, err := st.Calendar(t.Context())
	require.NoError(t, err)
	require.Equal(t, revised2026(t), entriesOf(cal, 2026), "a calendar already loaded is not overwritten")
}

func TestCertificateStateAt(t *testing.T) {
	t.Parallel()
	from := beijing(t, "2024-01-01T00:00:00+08:00")
	until := beijing(t, "2027-01-01T00:00:00+08:00") // valid through 2026-12-31
	tests := []struct {
		name   string
		status string
		at     string
		want   casefile.Certificate
	}{
		{"valid", "valid", "2026-09-28T09:00:00+08:00", casefile.CertValid},
		{"valid on its first instant", "valid", "2024-01-01T00:00:00+08:00", casefile.CertValid},
		{"valid one second before it ends", "valid", "2026-12-31T23:59:59+08:00", casefile.CertValid},
		{"expired at 24:00 of its last day", "valid", "2027-01-01T00:00:00+08:00", casefile.CertExpired},
		{"expired, the instant written in UTC", "valid", "2026-12-31T16:00:00Z", casefile.CertExpired},
		{"not yet valid", "valid", "2023-12-31T23:59:59+08:00", casefile.CertExpired},
		{"suspended", "suspended", "2026-09-28T09:00:00+08:00", casefile.CertSuspended},
		{"revoked", "revoked", "2026-09-28T09:00:00+08:00", casefile.CertSuspended},
		{"suspended after it expired", "suspended", "2027-06-01T09:00:00+08:00", casefile.CertSuspended},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := store.Certificate{Number: "JN-QS-2024-001", OfficerID: "qs-officer1", ValidFrom: from, ValidUntil: until, Status: tt.status}
			require.Equal(t, tt.want, c.StateAt(beijing(t, tt.at)))
		})
	}
}

// TestCertificateFromDatabase checks the demo certificate that lapses in
// 2026 (王强, valid through 30 June) after a round trip through the database.
func TestCertificateFromDatabase(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	cert, err := st.CertificateOf(t.Context(), "qs-officer3")
	require.NoError(t, err)
	require.Equal(t, "JN-QS-2021-003", cert.Number)
	tests := []struct {
		at   string
		want casefile.Certificate
	}{
		{"2026-06-30T23:59:59+08:00", casefile.CertValid},
		{"2026-07-01T00:00:00+08:00", casefile.CertExpired},
		{"2026-09-28T09:00:00+08:00", casefile.CertExpired},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, cert.StateAt(beijing(t, tt.at)), tt.at)
	}
	_, err = st.CertificateOf(t.Context(), "qs-reviewer")
	require.ErrorIs(t, err, store.ErrNotFound, "a reviewer holds no certificate")
}
