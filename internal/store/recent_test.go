package store_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
)

// TestAnActIsAnsweredWithTheCaseItMade: the case an act is answered with
// (CaseAfter) is the case as stored after the act, whether this process
// recorded it, another process did, or the case was marked ended since.
func TestAnActIsAnsweredWithTheCaseItMade(t *testing.T) {
	t.Parallel()
	ps := processes(t, 3) // two recording acts, one answering the API only
	here, other, api := ps[0], ps[1], ps[2]

	c := newCase("c1", "青山县市监立〔2026〕1号", qingshan)
	at := beijing(t, "2026-09-28T09:30:00+08:00")
	steps := []string{"filing", "investigation", "review", "decision", "execution"}
	// Each step's task is done by the next: one task open at a time.
	tasks := [][]casefile.Task{
		{roleTask("filing", "approval", "head", "ApproveFiling")},
		{assignedTask("investigation", "qs-officer1", "SubmitReport")},
		{roleTask("review", "review", "reviewer", "CompleteReview")},
		{roleTask("decision", "approval", "head", "Decide")},
		nil,
	}
	recs := make([]casefile.Record, len(steps))
	for i, stage := range steps {
		recs[i] = c.act(t, "Act"+stage, at.Add(time.Duration(i)*time.Hour), stage, tasks[i], nil)
		c.whole(t, &recs[i], i+1)
	}
	openTasks := func() []string {
		t.Helper()
		var keys []string
		for officer, roles := range qingshanStaff {
			keys = append(keys, taskKeys(inbox(t, other, officer, roles...))...)
		}
		return keys
	}
	stored := func(seq int) (casefile.Summary, string, []casefile.Event) {
		t.Helper()
		sum, snap, err := other.Case(t.Context(), "c1")
		require.NoError(t, err)
		events, err := other.Events(t.Context(), "c1")
		require.NoError(t, err)
		require.Len(t, events, seq)
		return sum, string(snap), events
	}
	answered := func(seq int) {
		t.Helper()
		sum, snap, events, err := here.CaseAfter(t.Context(), "c1", seq)
		require.NoError(t, err)
		wantSum, wantSnap, wantEvents := stored(seq)
		require.Equal(t, wantSum, sum)
		require.JSONEq(t, wantSnap, string(snap))
		require.Equal(t, wantEvents, events)
		require.NoError(t, casefile.VerifyChain(events))
	}

	require.NoError(t, here.Record(t.Context(), recs[0])) // the opening
	answered(1)
	written := here.Statements("tasks")
	require.NoError(t, here.Record(t.Context(), recs[1]))
	require.Equal(t, written+2, here.Statements("tasks"), "one task opened, one closed, none read back")
	answered(2)
	require.NoError(t, other.Record(t.Context(), recs[2])) // the case's worker moved, and back
	require.NoError(t, here.Record(t.Context(), recs[3]))
	// The review task the other process opened is closed: the record did
	// not take the case's open tasks from what this process wrote last.
	require.ElementsMatch(t, []string{"c1/decision"}, openTasks())
	answered(4)
	require.NoError(t, here.Record(t.Context(), recs[4]))
	require.Empty(t, openTasks())
	reads := here.Statements("cases", "case_events")
	answered(5)
	require.Equal(t, reads, here.Statements("cases", "case_events"), "the act this process recorded is answered without reading it back")

	// A process that only answers the API keeps no cases: it never
	// records the next event that would make an entry of use.
	for range 2 {
		reads := api.Statements("cases", "case_events")
		_, _, events, err := api.CaseAfter(t.Context(), "c1", 5)
		require.NoError(t, err)
		require.Len(t, events, 5)
		require.Greater(t, api.Statements("cases", "case_events"), reads)
	}

	changed, err := here.MarkCaseEnded(t.Context(), "c1", "terminated")
	require.NoError(t, err)
	require.True(t, changed)
	sum, _, _, err := here.CaseAfter(t.Context(), "c1", 5)
	require.NoError(t, err)
	require.Equal(t, "terminated", sum.Ended)
}

// TestActsGoingRoundManyCasesAreAnsweredWithoutReadingThemBack: officers
// act on many cases in turn; the process that recorded an act still
// answers it from what it wrote when 200 other cases were acted on between
// two acts on the case.
func TestActsGoingRoundManyCasesAreAnsweredWithoutReadingThemBack(t *testing.T) {
	t.Parallel()
	st := processes(t, 1)[0]
	const n = 200
	at := beijing(t, "2026-09-28T09:30:00+08:00")
	cases := make([]*caseLog, n)
	for i := range cases {
		cases[i] = newCase(fmt.Sprintf("c%d", i), fmt.Sprintf("青山县市监立〔2026〕%d号", i+1), qingshan)
	}
	for round, stage := range []string{"filing", "investigation"} {
		for _, c := range cases {
			rec := c.act(t, "Act"+stage, at.Add(time.Duration(round)*time.Hour), stage, nil, nil)
			require.NoError(t, st.Record(t.Context(), *c.whole(t, &rec, round+1)))
		}
	}
	reads := st.Statements("cases", "case_events")
	for _, c := range cases {
		sum, _, events, err := st.CaseAfter(t.Context(), c.summary.ID, 2)
		require.NoError(t, err)
		require.Equal(t, "investigation", sum.Stage)
		require.Len(t, events, 2)
	}
	require.Equal(t, reads, st.Statements("cases", "case_events"), "no case read back")
}
