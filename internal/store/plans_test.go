package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
)

// TestACaseOwnTasksAndDeadlinesAreFoundByItsKey: what the store reads or
// changes of one case's tasks and deadlines (recording an act, marking the
// case ended) it finds by the case's key, and an inbox reads only the
// officer's open tasks — not every open task of every case, which made
// each record slower with every case open (SQLite chose an index on open
// alone). PostgreSQL chooses by its statistics; the plans are SQLite's.
func TestACaseOwnTasksAndDeadlinesAreFoundByItsKey(t *testing.T) {
	t.Parallel()
	st, err := store.Open("", t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	require.NoError(t, st.Migrate(t.Context()))
	statements := st.CaptureStatements()

	c := newCase("c1", "青山县市监立〔2026〕1号", qingshan)
	at := beijing(t, "2026-09-28T09:30:00+08:00")
	deadline := casefile.Deadline{Key: "filing", Step: "filing", Title: "立案", Unit: casefile.Workdays, Amount: 7,
		StartAt: at, DueDate: "2026-10-13", DueAt: beijing(t, "2026-10-14T00:00:00+08:00"), WarnAt: beijing(t, "2026-10-12T00:00:00+08:00"), State: casefile.DeadlineOpen}
	require.NoError(t, st.Record(t.Context(), c.act(t, "OpenCase", at, "filing", []casefile.Task{roleTask("filing", "approval", "head", "ApproveFiling")}, []casefile.Deadline{deadline})))
	rec := c.act(t, "ApproveFiling", at.Add(time.Hour), "investigation", []casefile.Task{assignedTask("investigation", "qs-officer1", "SubmitReport")}, nil)
	require.NoError(t, st.Record(t.Context(), rec))
	require.NotEmpty(t, taskKeys(inbox(t, st, "qs-officer1", casefile.RoleOfficer)))
	ended, err := st.MarkCaseEnded(t.Context(), "c1", "terminated")
	require.NoError(t, err)
	require.True(t, ended)

	seen := map[string]bool{}
	for _, s := range statements() {
		if s.Table != "tasks" && s.Table != "deadlines" {
			continue
		}
		plan, err := st.QueryPlan(s)
		require.NoError(t, err, s.SQL)
		require.NotContains(t, plan, "SCAN", "%s\n%s", s.SQL, plan)
		switch {
		case strings.Contains(s.SQL, "case_id = "):
			seen["by case"] = true
			require.Regexp(t, `USING (INDEX sqlite_autoindex_\w+|PRIMARY KEY) \(case_id=\?`, plan, "%s\n%s", s.SQL, plan)
		case strings.Contains(s.SQL, "assignee = "):
			seen["inbox"] = true
			require.Contains(t, plan, "USING INDEX idx_tasks_inbox (assignee=? AND open=?)", "%s\n%s", s.SQL, plan)
		}
	}
	require.Equal(t, map[string]bool{"by case": true, "inbox": true}, seen)
}
