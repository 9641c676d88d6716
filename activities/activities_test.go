package activities_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"

	"github.com/zhifa/zhifa/activities"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

// instant parses a test instant written as RFC 3339.
func instant(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return at
}

// activityEnv runs the activities the way a workflow calls them: by name,
// through Temporal's payload and failure conversion.
func activityEnv(a *activities.Activities) *testsuite.TestActivityEnvironment {
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	env.RegisterActivityWithOptions(a.ComputeDeadline, activity.RegisterOptions{Name: workflows.ComputeDeadlineActivity})
	env.RegisterActivityWithOptions(a.AllocateCaseNumber, activity.RegisterOptions{Name: workflows.AllocateCaseNumberActivity})
	env.RegisterActivityWithOptions(a.Record, activity.RegisterOptions{Name: workflows.RecordActivity})
	return env
}

// requireCalendarMissing checks err is what makes the workflow tell the user
// to import a year's holiday arrangement: a non-retryable application error
// of type workflows.CodeCalendarMissing.
func requireCalendarMissing(t *testing.T, err error, year string) {
	t.Helper()
	var appErr *temporal.ApplicationError
	require.ErrorAs(t, err, &appErr)
	require.Equal(t, workflows.CodeCalendarMissing, appErr.Type())
	require.True(t, appErr.NonRetryable(), "retrying cannot load a year")
	require.Contains(t, appErr.Message(), year)
}

func TestCompute(t *testing.T) {
	t.Parallel()
	cal, err := calendar.Default()
	require.NoError(t, err)
	tests := []struct {
		name    string
		start   string
		amount  int
		unit    casefile.Unit
		dueDate string
		dueAt   string
		warnAt  string
	}{
		{
			name:  "24 hours run by the clock, holiday or not (CL 19)",
			start: "2026-09-30T22:00:00+08:00", amount: 24, unit: casefile.Hours,
			dueDate: "2026-10-01", dueAt: "2026-10-01T22:00:00+08:00", warnAt: "2026-10-01T16:00:00+08:00",
		},
		{
			name:  "a month from 31 January ends on the last day of February, a make-up working Saturday (Civil Code 202)",
			start: "2026-01-31T10:00:00+08:00", amount: 1, unit: casefile.Months,
			dueDate: "2026-02-28", dueAt: "2026-03-01T00:00:00+08:00", warnAt: "2026-02-27T00:00:00+08:00",
		},
		{
			name:  "a month from 1 April ends on 1 May, a holiday: moved to 6 May (Civil Code 203)",
			start: "2026-04-01T10:00:00+08:00", amount: 1, unit: casefile.Months,
			dueDate: "2026-05-06", dueAt: "2026-05-07T00:00:00+08:00", warnAt: "2026-04-30T00:00:00+08:00",
		},
		{
			name:  "7 working days over National Day 2026, the make-up Saturday counts",
			start: "2026-09-28T10:00:00+08:00", amount: 7, unit: casefile.Workdays,
			dueDate: "2026-10-13", dueAt: "2026-10-14T00:00:00+08:00", warnAt: "2026-10-12T00:00:00+08:00",
		},
		{
			name:  "20:00 UTC on 27 Sep is already 28 Sep in Beijing",
			start: "2026-09-27T20:00:00Z", amount: 7, unit: casefile.Workdays,
			dueDate: "2026-10-13", dueAt: "2026-10-14T00:00:00+08:00", warnAt: "2026-10-12T00:00:00+08:00",
		},
		{
			name:  "one second before midnight in Beijing counts from 27 Sep",
			start: "2026-09-27T15:59:59Z", amount: 7, unit: casefile.Workdays,
			dueDate: "2026-10-12", dueAt: "2026-10-13T00:00:00+08:00", warnAt: "2026-10-10T00:00:00+08:00",
		},
		{
			name:  "5-working-day window from Friday 26 Sep 2025, the make-up Sunday counts",
			start: "2025-09-26T15:00:00+08:00", amount: 5, unit: casefile.Workdays,
			dueDate: "2025-10-10", dueAt: "2025-10-11T00:00:00+08:00", warnAt: "2025-10-09T00:00:00+08:00",
		},
		{
			name:  "20 working days over Spring Festival 2026",
			start: "2026-02-10T09:00:00+08:00", amount: 20, unit: casefile.Workdays,
			dueDate: "2026-03-16", dueAt: "2026-03-17T00:00:00+08:00", warnAt: "2026-03-13T00:00:00+08:00",
		},
		{
			name:  "15 days ending on National Day roll to the first working day after the holiday",
			start: "2026-09-16T10:00:00+08:00", amount: 15, unit: casefile.Days,
			dueDate: "2026-10-08", dueAt: "2026-10-09T00:00:00+08:00", warnAt: "2026-09-30T00:00:00+08:00",
		},
		{
			name:  "15 days ending on an ordinary Saturday roll to Monday",
			start: "2026-03-06T10:00:00+08:00", amount: 15, unit: casefile.Days,
			dueDate: "2026-03-23", dueAt: "2026-03-24T00:00:00+08:00", warnAt: "2026-03-20T00:00:00+08:00",
		},
		{
			name:  "15 days ending on a make-up Saturday do not roll",
			start: "2026-09-25T10:00:00+08:00", amount: 15, unit: casefile.Days,
			dueDate: "2026-10-10", dueAt: "2026-10-11T00:00:00+08:00", warnAt: "2026-10-09T00:00:00+08:00",
		},
		{
			name:  "90 days landing in Spring Festival 2027 roll to its make-up Sunday",
			start: "2026-11-07T10:00:00+08:00", amount: 90, unit: casefile.Days,
			dueDate: "2027-02-14", dueAt: "2027-02-15T00:00:00+08:00", warnAt: "2027-02-04T00:00:00+08:00",
		},
		{
			name:  "1 working day: the warning starts with the period, not before",
			start: "2026-09-28T10:00:00+08:00", amount: 1, unit: casefile.Workdays,
			dueDate: "2026-09-29", dueAt: "2026-09-30T00:00:00+08:00", warnAt: "2026-09-28T10:00:00+08:00",
		},
		{
			name:  "1 working day from a Saturday: warned from the last day",
			start: "2026-03-07T10:00:00+08:00", amount: 1, unit: casefile.Workdays,
			dueDate: "2026-03-09", dueAt: "2026-03-10T00:00:00+08:00", warnAt: "2026-03-09T00:00:00+08:00",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			start := instant(t, tt.start)
			got, err := activities.Compute(cal, workflows.ComputeDeadlineInput{Start: start, Amount: tt.amount, Unit: string(tt.unit)})
			require.NoError(t, err)
			require.Equal(t, tt.dueDate, got.DueDate)
			require.Equal(t, tt.dueAt, got.DueAt.Format(time.RFC3339), "due at 24:00 of the last day, Beijing time")
			require.Equal(t, tt.warnAt, got.WarnAt.In(calendar.Location()).Format(time.RFC3339))
			require.True(t, got.WarnAt.Before(got.DueAt), "warned before it is due")
			require.False(t, got.WarnAt.Before(start), "not warned before the period starts")
		})
	}
}

func TestComputeRefuses(t *testing.T) {
	t.Parallel()
	cal, err := calendar.Default()
	require.NoError(t, err)
	tests := []struct {
		name     string
		in       workflows.ComputeDeadlineInput
		wantType string
		wantYear string
	}{
		{"working days reaching 2028", workflows.ComputeDeadlineInput{Start: instant(t, "2027-12-20T10:00:00+08:00"), Amount: 15, Unit: string(casefile.Workdays)}, workflows.CodeCalendarMissing, "2028"},
		{"calendar days ending in 2028", workflows.ComputeDeadlineInput{Start: instant(t, "2027-12-15T10:00:00+08:00"), Amount: 30, Unit: string(casefile.Days)}, workflows.CodeCalendarMissing, "2028"},
		{"calendar days ending in 2024, before the table", workflows.ComputeDeadlineInput{Start: instant(t, "2024-09-01T10:00:00+08:00"), Amount: 90, Unit: string(casefile.Days)}, workflows.CodeCalendarMissing, "2024"},
		{"an unknown unit", workflows.ComputeDeadlineInput{Start: instant(t, "2026-09-28T10:00:00+08:00"), Amount: 3, Unit: "weeks"}, "bad_unit", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := activities.Compute(cal, tt.in)
			require.Error(t, err)
			if tt.wantType == workflows.CodeCalendarMissing {
				requireCalendarMissing(t, err, tt.wantYear)
				require.ErrorIs(t, err, calendar.ErrYearNotLoaded)
				return
			}
			var appErr *temporal.ApplicationError
			require.ErrorAs(t, err, &appErr)
			require.Equal(t, tt.wantType, appErr.Type())
			require.True(t, appErr.NonRetryable())
		})
	}
}

func TestComputeDeadlineReadsTheDatabaseCalendar(t *testing.T) {
	t.Parallel()
	in := workflows.ComputeDeadlineInput{Start: instant(t, "2026-09-28T10:00:00+08:00"), Amount: 7, Unit: string(casefile.Workdays)}
	tests := []struct {
		name    string
		load    func(t *testing.T, st *store.Store)
		in      workflows.ComputeDeadlineInput
		dueDate string
		missing string // the year the error names, if the computation is refused
	}{
		{
			name:    "the seeded calendar knows National Day",
			load:    func(t *testing.T, st *store.Store) { require.NoError(t, demo.SeedCalendar(t.Context(), st)) },
			in:      in,
			dueDate: "2026-10-13",
		},
		{
			name: "an imported 2026 without holidays counts National Day as working days",
			load: func(t *testing.T, st *store.Store) {
				require.NoError(t, st.ImportCalendar(t.Context(), nil, []int{2026}))
			},
			in:      in,
			dueDate: "2026-10-07",
		},
		{
			name: "a year the database lacks is refused, though the embedded table has it",
			load: func(t *testing.T, st *store.Store) {
				require.NoError(t, st.ImportCalendar(t.Context(), nil, []int{2026}))
			},
			in:      workflows.ComputeDeadlineInput{Start: instant(t, "2026-12-24T10:00:00+08:00"), Amount: 10, Unit: string(casefile.Workdays)},
			missing: "2027",
		},
		{
			name:    "an empty database refuses",
			load:    func(*testing.T, *store.Store) {},
			in:      in,
			missing: "2026",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := storetest.Open(t)
			tt.load(t, st)
			env := activityEnv(&activities.Activities{Store: st})
			val, err := env.ExecuteActivity(workflows.ComputeDeadlineActivity, tt.in)
			if tt.missing != "" {
				requireCalendarMissing(t, err, tt.missing)
				return
			}
			require.NoError(t, err)
			var got workflows.ComputeDeadlineResult
			require.NoError(t, val.Get(&got))
			require.Equal(t, tt.dueDate, got.DueDate)
			due, err := calendar.ParseDate(tt.dueDate)
			require.NoError(t, err)
			require.True(t, got.DueAt.Equal(calendar.EndOfDay(due)), "due at %s", got.DueAt)
		})
	}
}

func TestAllocateCaseNumber(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	env := activityEnv(&activities.Activities{Store: st})
	steps := []struct {
		name   string
		caseID string
		agency string
		at     string
		want   string
	}{
		{"first case of 青山县 in 2026", "case-a", "jn-lj-qs", "2026-09-28T09:00:00+08:00", "青山县市监立〔2026〕1号"},
		{"the same case asks again", "case-a", "jn-lj-qs", "2026-09-28T09:00:00+08:00", "青山县市监立〔2026〕1号"},
		{"the next case", "case-b", "jn-lj-qs", "2026-09-28T11:00:00+08:00", "青山县市监立〔2026〕2号"},
		{"白水县 counts on its own", "case-c", "jn-lj-bs", "2026-09-29T09:00:00+08:00", "白水县市监立〔2026〕1号"},
		{"the first case asks a third time", "case-a", "jn-lj-qs", "2026-09-28T09:00:00+08:00", "青山县市监立〔2026〕1号"},
		{"the next case after that", "case-d", "jn-lj-qs", "2026-12-31T15:59:59Z", "青山县市监立〔2026〕3号"},
		{"the year is Beijing's: 16:30 UTC on 31 Dec is 2027", "case-e", "jn-lj-qs", "2026-12-31T16:30:00Z", "青山县市监立〔2027〕1号"},
	}
	// Steps run in order: each depends on the numbers given before it.
	for _, s := range steps {
		val, err := env.ExecuteActivity(workflows.AllocateCaseNumberActivity,
			workflows.AllocateCaseNumberInput{CaseID: s.caseID, AgencyID: s.agency, At: instant(t, s.at)})
		require.NoError(t, err, s.name)
		var got string
		require.NoError(t, val.Get(&got), s.name)
		require.Equal(t, s.want, got, s.name)
	}

	_, err := env.ExecuteActivity(workflows.AllocateCaseNumberActivity,
		workflows.AllocateCaseNumberInput{CaseID: "case-x", AgencyID: "no-such-agency", At: instant(t, "2026-09-28T09:00:00+08:00")})
	require.Error(t, err, "an unknown agency gets no number")
}

func TestRecordActivityTwiceWritesOnce(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	env := activityEnv(&activities.Activities{Store: st})
	ev := casefile.Event{CaseID: "case-a", Seq: 1, Act: "OpenCase", ActorID: "qs-officer1", ActorName: "张伟",
		At: instant(t, "2026-09-28T09:00:00+08:00"), Summary: "立案申请"}
	ev.Hash = ev.ComputeHash()
	rec := casefile.Record{
		Case: casefile.Summary{ID: "case-a", Number: "青山县市监立〔2026〕1号", Procedure: "general-penalty", AgencyID: "jn-lj-qs",
			PowerItemCode: "JN-SC-CF-0001", PartyName: "临江市好味道餐饮有限公司", Stage: "filing"},
		Changes: []casefile.Change{{Field: "stage", Value: []byte(`"filing"`)}},
		Event:   ev,
		Tasks:   []casefile.Task{{Key: "filing", Kind: "approval", Role: "head", Acts: []string{"ApproveFiling"}, Title: "审批立案"}},
	}
	for range 2 {
		_, err := env.ExecuteActivity(workflows.RecordActivity, rec)
		require.NoError(t, err)
	}
	events, err := st.Events(t.Context(), "case-a")
	require.NoError(t, err)
	require.Len(t, events, 1)
	require.NoError(t, casefile.VerifyChain(events), "the hash survives the trip through Temporal and the database")
	tasks, err := st.Inbox(t.Context(), "qs-head", []store.RoleAssignment{{OfficerID: "qs-head", AgencyID: "jn-lj-qs", Role: "head"}})
	require.NoError(t, err)
	require.Len(t, tasks, 1)
}
