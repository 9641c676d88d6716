package store_test

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// Agencies of the demo tree the tests file cases under.
const (
	qingshan = "jn-lj-qs"
	baishui  = "jn-lj-bs"
	linjiang = "jn-lj"
)

// beijing parses a test instant written as RFC 3339, e.g. "2026-10-13T10:00:00+08:00".
func beijing(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return at.In(calendar.Location())
}

// processes opens n stores on one fresh, migrated database of the test's
// own, as n processes sharing it would.
func processes(t *testing.T, n int) []*store.Store {
	t.Helper()
	url, dir := storetest.URL(t), t.TempDir()
	out := make([]*store.Store, n)
	for i := range out {
		st, err := store.Open(url, dir)
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close() })
		out[i] = st
	}
	require.NoError(t, out[0].Migrate(t.Context()))
	return out
}

// rawDB is a plain connection to a test's database, beside the store.
type rawDB struct {
	*sql.DB
	postgres bool
}

// openWithSQL returns a migrated store of the test's own, like
// storetest.Open, and a plain connection to the same database for counting
// rows and for planting failures the store's API cannot cause.
func openWithSQL(t *testing.T) (*store.Store, rawDB) {
	t.Helper()
	url := storetest.URL(t)
	dir := t.TempDir()
	st, err := store.Open(url, dir)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	require.NoError(t, st.Migrate(t.Context()))
	var db *sql.DB
	if url == "" {
		db, err = sql.Open("sqlite", "file:"+filepath.Join(dir, "zhifa.db")+"?_pragma=busy_timeout(10000)")
	} else {
		db, err = sql.Open("pgx", url)
	}
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return st, rawDB{DB: db, postgres: url != ""}
}

// rows counts the rows of table that match where.
func rows(t *testing.T, db rawDB, table, where string, args ...any) int {
	t.Helper()
	q := "SELECT count(*) FROM " + table
	if where != "" {
		q += " WHERE " + where
	}
	if db.postgres {
		q = dollarPlaceholders(q)
	}
	var n int
	require.NoError(t, db.QueryRowContext(t.Context(), q, args...).Scan(&n))
	return n
}

// dollarPlaceholders rewrites ? placeholders as PostgreSQL's $1, $2, ….
func dollarPlaceholders(q string) string {
	out, n := make([]byte, 0, len(q)+8), 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			out = append(out, fmt.Sprintf("$%d", n)...)
			continue
		}
		out = append(out, q[i])
	}
	return string(out)
}

// caseLog writes a case act by act the way the workflow does: each act's
// event has the next sequence number and chains to the previous hash.
type caseLog struct {
	summary  casefile.Summary
	seq      int
	lastHash string
	fields   map[string]json.RawMessage // the snapshot after the last act
	wholes   map[int]json.RawMessage    // the whole snapshot after each act, by seq
}

func newCase(id, number, agencyID string) *caseLog {
	return &caseLog{summary: casefile.Summary{ID: id, Number: number, Procedure: "general-penalty", AgencyID: agencyID,
		PowerItemCode: "JN-SC-CF-0001", PartyName: "临江市好味道餐饮有限公司"}}
}

// act returns the record of the case's next act, which leaves the case in
// stage with exactly these open tasks and these deadlines.
func (c *caseLog) act(t *testing.T, act string, at time.Time, stage string, tasks []casefile.Task, deadlines []casefile.Deadline) casefile.Record {
	t.Helper()
	c.seq++
	data, err := json.Marshal(map[string]string{"act": act})
	require.NoError(t, err)
	ev := casefile.Event{CaseID: c.summary.ID, Seq: c.seq, Act: act, ActorID: "qs-officer1", ActorName: "张伟",
		Certificate: "JN-QS-2024-001", At: at, Summary: act, Data: data, PrevHash: c.lastHash}
	ev.Hash = ev.ComputeHash()
	c.lastHash = ev.Hash
	sum := c.summary
	sum.Stage, sum.Closed = stage, stage == "closed"
	snapshot, err := json.Marshal(map[string]any{"id": sum.ID, "stage": stage, "seq": c.seq})
	require.NoError(t, err)
	fields, err := casefile.Fields(snapshot)
	require.NoError(t, err)
	changes := casefile.Diff(c.fields, fields)
	c.fields = fields
	if c.wholes == nil {
		c.wholes = map[int]json.RawMessage{}
	}
	c.wholes[c.seq] = snapshot
	return casefile.Record{Case: sum, Changes: changes, Event: ev, Tasks: tasks, Deadlines: deadlines}
}

// whole makes rec, the record of act seq, carry the whole case after that
// act, as a record run as a local activity does.
func (c *caseLog) whole(t *testing.T, rec *casefile.Record, seq int) *casefile.Record {
	t.Helper()
	require.Equal(t, seq, rec.Event.Seq)
	rec.Snapshot = c.wholes[seq]
	return rec
}

// snapshot is the case's snapshot after its last act.
func (c *caseLog) snapshot(t *testing.T) string {
	t.Helper()
	raw, err := json.Marshal(c.fields)
	require.NoError(t, err)
	return string(raw)
}

// roleTask is a task for anyone holding role at the case's agency.
func roleTask(key, kind, role string, acts ...string) casefile.Task {
	return casefile.Task{Key: key, Kind: kind, Role: role, Acts: acts, Title: key}
}

// assignedTask is a task for one officer.
func assignedTask(key, assignee string, acts ...string) casefile.Task {
	return casefile.Task{Key: key, Kind: "step", Role: "officer", Assignee: assignee, Acts: acts, Title: key}
}

// deadline is an open agency deadline whose last day is dueDate (Beijing),
// warned from warnDate.
func deadline(t *testing.T, key, dueDate, warnDate string) casefile.Deadline {
	t.Helper()
	due, err := calendar.ParseDate(dueDate)
	require.NoError(t, err)
	warn, err := calendar.ParseDate(warnDate)
	require.NoError(t, err)
	return casefile.Deadline{Key: key, Step: key, Title: key, Basis: "SAMR 55", Unit: casefile.Workdays, Amount: 10,
		StartAt: calendar.StartOfDay(due.AddDays(-14)), DueDate: dueDate, DueAt: calendar.EndOfDay(due),
		WarnAt: calendar.StartOfDay(warn), State: casefile.DeadlineOpen}
}
