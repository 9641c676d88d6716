package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

func TestDeadlines(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)

	late := deadline(t, "decision-late", "2026-10-11", "2026-10-09") // passes 2026-10-12T00:00+08
	soon := deadline(t, "review#1", "2026-10-13", "2026-10-12")      // passes 2026-10-14T00:00+08, warned from 10-12
	later := deadline(t, "publish", "2026-10-30", "2026-10-29")
	met := deadline(t, "filing", "2026-09-30", "2026-09-29")
	metAt := beijing(t, "2026-09-29T15:00:00+08:00")
	met.State, met.MetAt = casefile.DeadlineMet, &metAt
	marked := deadline(t, "service", "2026-10-09", "2026-10-08") // passed 2026-10-10T00:00+08, the workflow marked it
	markedAt := beijing(t, "2026-10-10T00:00:00+08:00")
	marked.State, marked.OverdueAt = casefile.DeadlineOverdue, &markedAt
	window := deadline(t, "statement", "2026-10-09", "2026-10-08") // the party's window ran out: nobody is late
	window.Window = true

	qs := newCase("qs-1", "青山县市监立〔2026〕1号", qingshan)
	require.NoError(t, st.Record(t.Context(), qs.act(t, "Act", beijing(t, "2026-09-20T10:00:00+08:00"), "review", nil,
		[]casefile.Deadline{late, soon, later, met, marked, window})))
	bs := newCase("bs-1", "白水县市监立〔2026〕1号", baishui)
	require.NoError(t, st.Record(t.Context(), bs.act(t, "Act", beijing(t, "2026-09-21T10:00:00+08:00"), "execution", nil,
		[]casefile.Deadline{deadline(t, "payment", "2026-10-10", "2026-10-09")}))) // passes 2026-10-11T00:00+08

	type row struct {
		Key         string
		State       string
		DaysOverdue int
	}
	midday := "2026-10-13T10:00:00+08:00"
	tests := []struct {
		name      string
		agencies  []string
		state     string
		asOf      string
		limit     int
		offset    int
		want      []row
		wantTotal int64
	}{
		{
			name: "open: past due shows as overdue", agencies: []string{qingshan}, state: "open", asOf: midday,
			want:      []row{{"decision-late", "overdue", 2}, {"review#1", "open", 0}, {"publish", "open", 0}},
			wantTotal: 3,
		},
		{
			name: "due soon: warned and not yet due", agencies: []string{qingshan}, state: "due-soon", asOf: midday,
			want: []row{{"review#1", "open", 0}}, wantTotal: 1,
		},
		{
			name: "overdue: marked, or open and past due", agencies: []string{qingshan}, state: "overdue", asOf: midday,
			want: []row{{"service", "overdue", 4}, {"decision-late", "overdue", 2}}, wantTotal: 2,
		},
		{
			name: "overdue in both counties, oldest first", agencies: []string{qingshan, baishui}, state: "overdue", asOf: midday,
			want:      []row{{"service", "overdue", 4}, {"payment", "overdue", 3}, {"decision-late", "overdue", 2}},
			wantTotal: 3,
		},
		{
			name: "other county only", agencies: []string{baishui}, state: "overdue", asOf: midday,
			want: []row{{"payment", "overdue", 3}}, wantTotal: 1,
		},
		{
			name: "an agency with no cases", agencies: []string{linjiang}, state: "open", asOf: midday,
			want: []row{}, wantTotal: 0,
		},
		{
			name: "second page", agencies: []string{qingshan, baishui}, state: "overdue", asOf: midday, limit: 2, offset: 2,
			want: []row{{"decision-late", "overdue", 2}}, wantTotal: 3,
		},
		{
			// At 24:00 of its last day a deadline has passed: that is its first overdue day.
			name: "at the instant it passes a deadline is overdue", agencies: []string{qingshan}, state: "overdue", asOf: "2026-10-12T00:00:00+08:00",
			want: []row{{"service", "overdue", 3}, {"decision-late", "overdue", 1}}, wantTotal: 2,
		},
		{
			// 1 day 10 hours after 24:00 of 2026-10-11 is 2026-10-13: the second overdue day.
			name: "days overdue are whole Beijing days", agencies: []string{qingshan}, state: "overdue", asOf: "2026-10-13T10:00:00+08:00",
			want: []row{{"service", "overdue", 4}, {"decision-late", "overdue", 2}}, wantTotal: 2,
		},
		{
			name: "late on the first overdue day is still 1 day", agencies: []string{qingshan}, state: "overdue", asOf: "2026-10-12T23:59:59+08:00",
			want: []row{{"service", "overdue", 3}, {"decision-late", "overdue", 1}}, wantTotal: 2,
		},
		{
			name: "at the instant it passes a deadline is no longer due soon", agencies: []string{qingshan}, state: "due-soon", asOf: "2026-10-12T00:00:00+08:00",
			want: []row{{"review#1", "open", 0}}, wantTotal: 1,
		},
		{
			name: "one second before it passes a deadline is due soon", agencies: []string{qingshan}, state: "due-soon", asOf: "2026-10-11T23:59:59+08:00",
			want: []row{{"decision-late", "open", 0}}, wantTotal: 1,
		},
		{
			name: "due soon, whatever zone the time is written in", agencies: []string{qingshan}, state: "due-soon", asOf: "2026-10-11T15:59:59Z",
			want: []row{{"decision-late", "open", 0}}, wantTotal: 1,
		},
		{
			name: "before any warning nothing is due soon", agencies: []string{qingshan}, state: "due-soon", asOf: "2026-10-08T23:59:59+08:00",
			want: []row{}, wantTotal: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			limit := tt.limit
			if limit == 0 {
				limit = 20
			}
			items, total, err := st.Deadlines(t.Context(), store.DeadlineFilter{AgencyIDs: tt.agencies, State: tt.state,
				AsOf: beijing(t, tt.asOf), Limit: limit, Offset: tt.offset})
			require.NoError(t, err)
			got := []row{}
			for _, it := range items {
				got = append(got, row{it.Key, it.State, it.DaysOverdue})
			}
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.wantTotal, total)
		})
	}

	t.Run("a listed deadline says what and when", func(t *testing.T) {
		t.Parallel()
		items, _, err := st.Deadlines(t.Context(), store.DeadlineFilter{AgencyIDs: []string{baishui}, State: "overdue",
			AsOf: beijing(t, midday), Limit: 20})
		require.NoError(t, err)
		require.Len(t, items, 1)
		got := items[0]
		require.Equal(t, "bs-1", got.CaseID)
		require.Equal(t, "白水县市监立〔2026〕1号", got.CaseNumber)
		require.Equal(t, "SAMR 55", got.Basis)
		require.Equal(t, "2026-10-10", got.DueDate)
		require.True(t, got.DueAt.Equal(beijing(t, "2026-10-11T00:00:00+08:00")), "due at %s", got.DueAt)
	})
}

func TestCases(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	day := func(d int) time.Time { return beijing(t, "2026-09-01T09:00:00+08:00").AddDate(0, 0, d) }
	file := func(id, number, agency string, opened time.Time, stage string) *caseLog {
		c := newCase(id, number, agency)
		require.NoError(t, st.Record(t.Context(), c.act(t, "OpenCase", opened, stage, nil, nil)))
		return c
	}
	qs1 := file("qs-1", "青山县市监立〔2026〕1号", qingshan, day(0), "filing")
	file("qs-2", "青山县市监立〔2026〕2号", qingshan, day(1), "investigation")
	file("qs-3", "青山县市监立〔2026〕3号", qingshan, day(2), "closed")
	file("qs-4", "青山县市监立〔2026〕4号", qingshan, day(3), "investigation")
	file("bs-1", "白水县市监立〔2026〕1号", baishui, day(4), "investigation")
	// The oldest case moves on last; the list stays in filing order.
	require.NoError(t, st.Record(t.Context(), qs1.act(t, "ApproveFiling", day(20), "investigation", nil, nil)))

	yes, no := true, false
	tests := []struct {
		name      string
		filter    store.CaseFilter
		want      []string
		wantTotal int64
	}{
		{"one county, newest first", store.CaseFilter{AgencyIDs: []string{qingshan}}, []string{"qs-4", "qs-3", "qs-2", "qs-1"}, 4},
		{"both counties", store.CaseFilter{AgencyIDs: []string{qingshan, baishui}}, []string{"bs-1", "qs-4", "qs-3", "qs-2", "qs-1"}, 5},
		{"by stage, as it is now", store.CaseFilter{AgencyIDs: []string{qingshan, baishui}, Stage: "investigation"}, []string{"bs-1", "qs-4", "qs-2", "qs-1"}, 4},
		{"closed", store.CaseFilter{AgencyIDs: []string{qingshan}, Closed: &yes}, []string{"qs-3"}, 1},
		{"still open", store.CaseFilter{AgencyIDs: []string{qingshan}, Closed: &no}, []string{"qs-4", "qs-2", "qs-1"}, 3},
		{"stage and closed together", store.CaseFilter{AgencyIDs: []string{qingshan}, Stage: "investigation", Closed: &no}, []string{"qs-4", "qs-2", "qs-1"}, 3},
		{"first page", store.CaseFilter{AgencyIDs: []string{qingshan, baishui}, Limit: 2}, []string{"bs-1", "qs-4"}, 5},
		{"second page", store.CaseFilter{AgencyIDs: []string{qingshan, baishui}, Limit: 2, Offset: 2}, []string{"qs-3", "qs-2"}, 5},
		{"last page", store.CaseFilter{AgencyIDs: []string{qingshan, baishui}, Limit: 2, Offset: 4}, []string{"qs-1"}, 5},
		{"past the end", store.CaseFilter{AgencyIDs: []string{qingshan}, Limit: 2, Offset: 10}, []string{}, 4},
		{"an agency without cases", store.CaseFilter{AgencyIDs: []string{linjiang}}, []string{}, 0},
		{"no readable agency", store.CaseFilter{AgencyIDs: []string{}}, []string{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := tt.filter
			if f.Limit == 0 {
				f.Limit = 20
			}
			items, total, err := st.Cases(t.Context(), f)
			require.NoError(t, err)
			got := []string{}
			for _, it := range items {
				got = append(got, it.ID)
			}
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.wantTotal, total)
		})
	}

	t.Run("a listed case shows its number, party and dates", func(t *testing.T) {
		t.Parallel()
		items, _, err := st.Cases(t.Context(), store.CaseFilter{AgencyIDs: []string{qingshan}, Limit: 20})
		require.NoError(t, err)
		require.NotEmpty(t, items)
		got := items[len(items)-1]
		require.Equal(t, "qs-1", got.ID)
		require.Equal(t, "青山县市监立〔2026〕1号", got.Number)
		require.Equal(t, "临江市好味道餐饮有限公司", got.PartyName)
		require.Equal(t, "investigation", got.Stage)
		require.True(t, got.CreatedAt.Equal(day(0)), "created %s", got.CreatedAt)
		require.True(t, got.UpdatedAt.Equal(day(20)), "updated %s", got.UpdatedAt)
	})
}
