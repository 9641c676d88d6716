package store_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// caseView is what users see of a case: its summary and snapshot, its
// record, the tasks in the inboxes of the people who could act on it and
// the deadlines on the supervisor's list.
type caseView struct {
	Summary   casefile.Summary
	Snapshot  json.RawMessage
	Events    []casefile.Event
	Inboxes   map[string][]store.InboxTask
	Deadlines []store.DeadlineView
}

func viewCase(t *testing.T, st *store.Store, caseID string) caseView {
	t.Helper()
	sum, snap, err := st.Case(t.Context(), caseID)
	require.NoError(t, err)
	events, err := st.Events(t.Context(), caseID)
	require.NoError(t, err)
	require.NoError(t, casefile.VerifyChain(events), "the record's hash chain is intact")
	v := caseView{Summary: sum, Snapshot: snap, Events: events, Inboxes: map[string][]store.InboxTask{}}
	for officer, roles := range qingshanStaff {
		v.Inboxes[officer] = inbox(t, st, officer, roles...)
	}
	v.Deadlines, _, err = st.Deadlines(t.Context(), store.DeadlineFilter{AgencyIDs: []string{sum.AgencyID}, State: "open",
		AsOf: beijing(t, "2026-10-01T12:00:00+08:00"), Limit: 100})
	require.NoError(t, err)
	return v
}

// qingshanStaff are the people of 青山县 and the roles they hold there.
var qingshanStaff = map[string][]casefile.Role{
	"qs-officer1": {casefile.RoleOfficer},
	"qs-officer2": {casefile.RoleOfficer},
	"qs-officer3": {casefile.RoleOfficer},
	"qs-reviewer": {casefile.RoleReviewer},
	"qs-head":     {casefile.RoleHead},
}

// inbox returns the open tasks officer sees holding roles at 青山县.
func inbox(t *testing.T, st *store.Store, officer string, roles ...casefile.Role) []store.InboxTask {
	t.Helper()
	var ra []store.RoleAssignment
	for _, r := range roles {
		ra = append(ra, store.RoleAssignment{OfficerID: officer, AgencyID: qingshan, Role: r})
	}
	items, err := st.Inbox(t.Context(), officer, ra)
	require.NoError(t, err)
	return items
}

func taskKeys(items []store.InboxTask) []string {
	keys := []string{}
	for _, it := range items {
		keys = append(keys, it.CaseID+"/"+it.Key)
	}
	return keys
}

func TestRecordTwiceWritesOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		retries int
	}{
		{"retried once", 1},
		{"retried three times", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st, db := openWithSQL(t)
			c := newCase("c1", "青山县市监立〔2026〕1号", qingshan)
			opened := beijing(t, "2026-09-28T09:30:00+08:00")
			rec := c.act(t, "OpenCase", opened, "filing",
				[]casefile.Task{roleTask("filing", "approval", "head", "ApproveFiling", "RejectFiling")},
				[]casefile.Deadline{deadline(t, "filing", "2026-10-20", "2026-10-19")})

			require.NoError(t, st.Record(t.Context(), rec))
			want := viewCase(t, st, "c1")
			for range tt.retries {
				// The activity's write landed but its reply was lost; Temporal runs it again.
				require.NoError(t, st.Record(t.Context(), rec))
			}
			require.Equal(t, want, viewCase(t, st, "c1"))

			require.Len(t, want.Events, 1)
			require.Equal(t, "filing", want.Summary.Stage)
			require.Equal(t, []string{"c1/filing"}, taskKeys(want.Inboxes["qs-head"]))
			require.Equal(t, []string{"ApproveFiling", "RejectFiling"}, want.Inboxes["qs-head"][0].Acts)
			require.Len(t, want.Deadlines, 1)
			require.Equal(t, "2026-10-20", want.Deadlines[0].DueDate)
			for table, n := range map[string]int{"case_events": 1, "cases": 1, "tasks": 1, "deadlines": 1} {
				require.Equal(t, n, rows(t, db, table, ""), "rows in %s", table)
			}
		})
	}
}

func TestRecordOlderActDoesNotRollBack(t *testing.T) {
	t.Parallel()
	st, db := openWithSQL(t)
	c := newCase("c1", "青山县市监立〔2026〕1号", qingshan)
	opened := beijing(t, "2026-09-28T09:30:00+08:00")
	filing := deadline(t, "filing", "2026-10-20", "2026-10-19")
	open := c.act(t, "OpenCase", opened, "filing",
		[]casefile.Task{roleTask("filing", "approval", "head", "ApproveFiling", "RejectFiling")},
		[]casefile.Deadline{filing})

	approvedAt := opened.Add(26 * time.Hour)
	met := filing
	met.State, met.MetAt = casefile.DeadlineMet, &approvedAt
	approve := c.act(t, "ApproveFiling", approvedAt, "investigation",
		[]casefile.Task{assignedTask("investigation", "qs-officer1", "RecordEvidence", "SubmitReport"),
			assignedTask("investigation", "qs-officer2", "RecordEvidence", "SubmitReport")},
		[]casefile.Deadline{met, deadline(t, "decision", "2026-12-27", "2026-12-25")})

	require.NoError(t, st.Record(t.Context(), open))
	require.NoError(t, st.Record(t.Context(), approve))
	want := viewCase(t, st, "c1")
	// A stale attempt of the first act's activity finishes after the second act.
	require.NoError(t, st.Record(t.Context(), open))
	require.Equal(t, want, viewCase(t, st, "c1"))

	require.Equal(t, "investigation", want.Summary.Stage)
	require.JSONEq(t, c.snapshot(t), string(want.Snapshot))
	require.True(t, want.Summary.UpdatedAt.Equal(approvedAt), "updated at the second act, got %s", want.Summary.UpdatedAt)
	require.Len(t, want.Events, 2)
	require.Empty(t, want.Inboxes["qs-head"], "the approved filing task does not come back")
	require.Equal(t, []string{"c1/investigation"}, taskKeys(want.Inboxes["qs-officer1"]))
	require.Equal(t, []string{"c1/investigation"}, taskKeys(want.Inboxes["qs-officer2"]))
	require.Len(t, want.Deadlines, 1)
	require.Equal(t, "decision", want.Deadlines[0].Key, "the met filing deadline is not reopened")
	require.Equal(t, 1, rows(t, db, "deadlines", "deadline_key = ? AND state = ?", "filing", "met"))
}

func TestRecordClosesTasksLeftOut(t *testing.T) {
	t.Parallel()
	review := roleTask("review#1", "review", "reviewer", "ApproveReview", "ReturnReview")
	approval := roleTask("penalty-approval", "approval", "head", "ApprovePenalty")
	tests := []struct {
		name  string
		steps [][]casefile.Task // the open tasks after each act
		want  map[string][]string
		// closed is how many task rows are closed, with the time they closed.
		closed int
	}{
		{
			name:   "review approved: the reviewers' task goes, the head's comes",
			steps:  [][]casefile.Task{{review}, {approval}},
			want:   map[string][]string{"qs-reviewer": {}, "qs-head": {"c1/penalty-approval"}},
			closed: 1,
		},
		{
			name: "officer replaced: only the new pair sees the step",
			steps: [][]casefile.Task{
				{assignedTask("investigation", "qs-officer1"), assignedTask("investigation", "qs-officer2")},
				{assignedTask("investigation", "qs-officer1"), assignedTask("investigation", "qs-officer3")},
			},
			want:   map[string][]string{"qs-officer1": {"c1/investigation"}, "qs-officer2": {}, "qs-officer3": {"c1/investigation"}},
			closed: 1,
		},
		{
			name:   "case closed: no task is left",
			steps:  [][]casefile.Task{{assignedTask("payment", "qs-officer1"), assignedTask("payment", "qs-officer2")}, nil},
			want:   map[string][]string{"qs-officer1": {}, "qs-officer2": {}},
			closed: 2,
		},
		{
			name:   "a task that comes back is open again",
			steps:  [][]casefile.Task{{review}, {approval}, {review}},
			want:   map[string][]string{"qs-reviewer": {"c1/review#1"}, "qs-head": {}},
			closed: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st, db := openWithSQL(t)
			c := newCase("c1", "青山县市监立〔2026〕1号", qingshan)
			at := beijing(t, "2026-09-28T09:30:00+08:00")
			for i, tasks := range tt.steps {
				stage := "investigation"
				if tasks == nil {
					stage = "closed"
				}
				require.NoError(t, st.Record(t.Context(), c.act(t, "Act", at.Add(time.Duration(i)*time.Hour), stage, tasks, nil)))
			}
			for officer, want := range tt.want {
				require.Equal(t, want, taskKeys(inbox(t, st, officer, qingshanStaff[officer]...)), "inbox of %s", officer)
			}
			require.Equal(t, tt.closed, rows(t, db, "tasks", "open = ? AND done_at IS NOT NULL", false))
		})
	}
}

func TestRecordKeepsTaskCreationTime(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	c := newCase("c1", "青山县市监立〔2026〕1号", qingshan)
	assigned := beijing(t, "2026-09-28T09:30:00+08:00")
	step := assignedTask("investigation", "qs-officer1", "RecordEvidence", "SubmitReport")
	require.NoError(t, st.Record(t.Context(), c.act(t, "ApproveFiling", assigned, "investigation", []casefile.Task{step}, nil)))
	require.NoError(t, st.Record(t.Context(), c.act(t, "RecordEvidence", assigned.Add(48*time.Hour), "investigation", []casefile.Task{step}, nil)))

	items := inbox(t, st, "qs-officer1", casefile.RoleOfficer)
	require.Len(t, items, 1)
	require.True(t, items[0].CreatedAt.Equal(assigned), "the task has waited since it was assigned, got %s", items[0].CreatedAt)
}

func TestInbox(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	at := beijing(t, "2026-09-28T09:00:00+08:00")
	due := beijing(t, "2026-10-14T00:00:00+08:00")
	review := roleTask("review#1", "review", "reviewer", "ApproveReview", "ReturnReview")
	review.DueAt = &due

	qs := newCase("qs-1", "青山县市监立〔2026〕1号", qingshan)
	require.NoError(t, st.Record(t.Context(), qs.act(t, "Act", at, "review", []casefile.Task{
		review,
		roleTask("filing", "approval", "head", "ApproveFiling"),
		roleTask("evidence", "step", "officer", "RecordEvidence"),
		assignedTask("investigation", "qs-officer1", "SubmitReport"),
		assignedTask("notice", "qs-officer2", "ServeNotice"),
	}, nil)))
	bs := newCase("bs-1", "白水县市监立〔2026〕1号", baishui)
	require.NoError(t, st.Record(t.Context(), bs.act(t, "Act", at.Add(time.Hour), "review", []casefile.Task{
		review,
		assignedTask("investigation", "bs-officer1", "SubmitReport"),
	}, nil)))
	// A case whose approval was given: its task is closed and in nobody's inbox.
	done := newCase("qs-0", "青山县市监立〔2026〕0号", qingshan)
	require.NoError(t, st.Record(t.Context(), done.act(t, "Act", at.Add(-time.Hour), "filing",
		[]casefile.Task{roleTask("filing", "approval", "head", "ApproveFiling")}, nil)))
	require.NoError(t, st.Record(t.Context(), done.act(t, "Act", at.Add(-time.Minute), "investigation", nil, nil)))

	role := func(r casefile.Role, agency string) store.RoleAssignment {
		return store.RoleAssignment{AgencyID: agency, Role: r}
	}
	tests := []struct {
		name    string
		officer string
		roles   []store.RoleAssignment
		want    []string
	}{
		{"reviewer sees the review of her agency", "qs-reviewer", []store.RoleAssignment{role(casefile.RoleReviewer, qingshan)}, []string{"qs-1/review#1"}},
		{"reviewer of the other county sees its review", "bs-reviewer", []store.RoleAssignment{role(casefile.RoleReviewer, baishui)}, []string{"bs-1/review#1"}},
		{"reviewer at the city sees no county's review", "lj-reviewer", []store.RoleAssignment{role(casefile.RoleReviewer, linjiang)}, []string{}},
		{"head sees the open approval, not the closed one", "qs-head", []store.RoleAssignment{role(casefile.RoleHead, qingshan)}, []string{"qs-1/filing"}},
		{"officer sees his step and the officers' task", "qs-officer1", []store.RoleAssignment{role(casefile.RoleOfficer, qingshan)}, []string{"qs-1/evidence", "qs-1/investigation"}},
		{"colleague does not see the other's step", "qs-officer2", []store.RoleAssignment{role(casefile.RoleOfficer, qingshan)}, []string{"qs-1/evidence", "qs-1/notice"}},
		{"officer of the other county", "bs-officer1", []store.RoleAssignment{role(casefile.RoleOfficer, baishui)}, []string{"bs-1/investigation"}},
		{"officer without roles still sees what is assigned to him", "qs-officer1", nil, []string{"qs-1/investigation"}},
		{"roles at two agencies", "acting", []store.RoleAssignment{role(casefile.RoleReviewer, baishui), role(casefile.RoleHead, qingshan)}, []string{"qs-1/filing", "bs-1/review#1"}},
		{"a role held elsewhere does not open tasks here", "qs-head", []store.RoleAssignment{role(casefile.RoleHead, baishui)}, []string{}},
		{"manager has no tasks", "lj-manager", []store.RoleAssignment{role(casefile.RoleManager, linjiang)}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for i := range tt.roles {
				tt.roles[i].OfficerID = tt.officer
			}
			items, err := st.Inbox(t.Context(), tt.officer, tt.roles)
			require.NoError(t, err)
			require.Equal(t, tt.want, taskKeys(items))
		})
	}

	t.Run("a task shows its case, acts and due time", func(t *testing.T) {
		t.Parallel()
		items, err := st.Inbox(t.Context(), "qs-reviewer", []store.RoleAssignment{{OfficerID: "qs-reviewer", AgencyID: qingshan, Role: casefile.RoleReviewer}})
		require.NoError(t, err)
		require.Len(t, items, 1)
		got := items[0]
		require.Equal(t, "青山县市监立〔2026〕1号", got.CaseNumber)
		require.Equal(t, qingshan, got.AgencyID)
		require.Equal(t, []string{"ApproveReview", "ReturnReview"}, got.Acts)
		require.NotNil(t, got.DueAt)
		require.True(t, got.DueAt.Equal(due), "due %s", got.DueAt)
	})
}

// TestRecordOfARerunTaskReplacesWhatNeverHappened: a workflow task wrote the
// record of its act, then its worker died before the engine kept the task.
// The task runs again, at a later time: the same act, with the same number
// in the record and another hash. The engine's history is the case, so the
// record takes the rerun's event in place of the first run's, the chain
// stays whole, and the next act follows on from it. A different event at a
// number that does not follow the same record is refused.
func TestRecordOfARerunTaskReplacesWhatNeverHappened(t *testing.T) {
	t.Parallel()
	st, db := openWithSQL(t)
	c := newCase("c1", "青山县市监立〔2026〕1号", qingshan)
	opened := beijing(t, "2026-09-28T09:30:00+08:00")
	require.NoError(t, st.Record(t.Context(), c.act(t, "OpenCase", opened, "filing", nil, nil)))

	before := *c
	firstRun := c.act(t, "ApproveFiling", opened.Add(time.Hour), "investigation", nil, nil)
	require.NoError(t, st.Record(t.Context(), firstRun))
	*c = before
	rerun := c.act(t, "ApproveFiling", opened.Add(time.Hour+40*time.Second), "investigation", nil, nil)
	require.NotEqual(t, firstRun.Event.Hash, rerun.Event.Hash)
	require.NoError(t, st.Record(t.Context(), rerun))
	require.NoError(t, st.Record(t.Context(), c.act(t, "RecordEvidence", opened.Add(2*time.Hour), "investigation", nil, nil)))

	v := viewCase(t, st, "c1") // checks the chain
	require.Len(t, v.Events, 3)
	require.Equal(t, rerun.Event.Hash, v.Events[1].Hash, "the rerun's event stands")
	require.True(t, v.Events[1].At.Equal(rerun.Event.At))
	require.Equal(t, 3, rows(t, db, "case_events", ""))
	require.JSONEq(t, c.snapshot(t), string(v.Snapshot))

	// The first run's record arriving late changes nothing now.
	err := st.Record(t.Context(), firstRun)
	require.ErrorIs(t, err, store.ErrRecordRefused, "seq 2 is taken by the event that happened")
	forged := c.act(t, "Decide", opened.Add(3*time.Hour), "decision", nil, nil)
	forged.Event.Seq, forged.Event.PrevHash = 2, "0000"
	forged.Event.Hash = forged.Event.ComputeHash()
	require.ErrorIs(t, st.Record(t.Context(), forged), store.ErrRecordRefused)
	require.NoError(t, casefile.VerifyChain(viewCase(t, st, "c1").Events))
}

// A record run as a local activity carries the whole case instead of
// reading the stored one back to apply its changes: the same acts leave
// the same case either way, retries and stale attempts included.
func TestRecordWithTheWholeCaseLeavesWhatItsChangesWould(t *testing.T) {
	t.Parallel()
	opened := beijing(t, "2026-09-28T09:30:00+08:00")
	approvedAt := opened.Add(26 * time.Hour)
	filing := deadline(t, "filing", "2026-10-20", "2026-10-19")
	met := filing
	met.State, met.MetAt = casefile.DeadlineMet, &approvedAt
	run := func(whole bool) (caseView, rawDB) {
		st, db := openWithSQL(t)
		c := newCase("c1", "青山县市监立〔2026〕1号", qingshan)
		open := c.act(t, "OpenCase", opened, "filing",
			[]casefile.Task{roleTask("filing", "approval", "head", "ApproveFiling", "RejectFiling")},
			[]casefile.Deadline{filing})
		approve := c.act(t, "ApproveFiling", approvedAt, "investigation",
			[]casefile.Task{assignedTask("investigation", "qs-officer1", "RecordEvidence", "SubmitReport")},
			[]casefile.Deadline{met, deadline(t, "decision", "2026-12-27", "2026-12-25")})
		if whole {
			require.NotNil(t, c.whole(t, &open, 1))
			require.NotNil(t, c.whole(t, &approve, 2))
		}
		require.NoError(t, st.Record(t.Context(), open))
		require.NoError(t, st.Record(t.Context(), open)) // its reply was lost
		require.NoError(t, st.Record(t.Context(), approve))
		require.NoError(t, st.Record(t.Context(), approve))
		require.NoError(t, st.Record(t.Context(), open)) // a stale attempt, last
		return viewCase(t, st, "c1"), db
	}
	byChanges, _ := run(false)
	whole, db := run(true)
	require.JSONEq(t, string(byChanges.Snapshot), string(whole.Snapshot))
	byChanges.Snapshot, whole.Snapshot = nil, nil
	require.Equal(t, byChanges, whole)
	require.Equal(t, "investigation", whole.Summary.Stage)
	require.Equal(t, 2, rows(t, db, "case_events", ""))
	require.Equal(t, []string{"c1/investigation"}, taskKeys(whole.Inboxes["qs-officer1"]))
	require.Empty(t, whole.Inboxes["qs-head"])
}
