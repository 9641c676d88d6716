package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/store"
)

// recordActs records four acts of case id the way the workflow does and
// returns the stored events' hashes, by number.
func recordActs(t *testing.T, st *store.Store, id, number string) map[int]string {
	t.Helper()
	c := newCase(id, number, qingshan)
	at := beijing(t, "2026-09-28T09:30:00+08:00")
	for i, act := range []string{"OpenCase", "ApproveFiling", "RecordEvidence", "SubmitReport"} {
		require.NoError(t, st.Record(t.Context(), c.act(t, act, at.Add(time.Duration(i)*time.Hour), "investigation", nil, nil)))
	}
	events, err := st.Events(t.Context(), id)
	require.NoError(t, err)
	hashes := map[int]string{}
	for _, e := range events {
		hashes[e.Seq] = e.Hash
	}
	return hashes
}

// exec runs a statement on the test's database, ? placeholders on both.
func exec(t *testing.T, db rawDB, q string, args ...any) {
	t.Helper()
	if db.postgres {
		q = dollarPlaceholders(q)
	}
	_, err := db.ExecContext(t.Context(), q, args...)
	require.NoError(t, err)
}

// flipByte changes one byte of a text column of one event, as someone
// editing the table by hand would.
func flipByte(t *testing.T, db rawDB, column, caseID string, seq int) {
	t.Helper()
	q := "SELECT " + column + " FROM case_events WHERE case_id = ? AND seq = ?"
	if db.postgres {
		q = dollarPlaceholders(q)
	}
	var v string
	require.NoError(t, db.QueryRowContext(t.Context(), q, caseID, seq).Scan(&v))
	b := []byte(v)
	b[len(b)-3] ^= 1 // an ASCII letter stays one
	exec(t, db, "UPDATE case_events SET "+column+" = ? WHERE case_id = ? AND seq = ?", string(b), caseID, seq)
}

// swapContents swaps the summaries and data of two events, leaving their
// numbers and hashes where they were.
func swapContents(t *testing.T, db rawDB, caseID string, a, b int) {
	t.Helper()
	q := "SELECT summary, data FROM case_events WHERE case_id = ? AND seq = ?"
	if db.postgres {
		q = dollarPlaceholders(q)
	}
	var content [2][2]string
	for i, seq := range []int{a, b} {
		require.NoError(t, db.QueryRowContext(t.Context(), q, caseID, seq).Scan(&content[i][0], &content[i][1]))
	}
	for i, seq := range []int{b, a} {
		exec(t, db, "UPDATE case_events SET summary = ?, data = ? WHERE case_id = ? AND seq = ?", content[i][0], content[i][1], caseID, seq)
	}
}

func TestVerifyRecordFindsTheFirstBrokenLink(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		tamper  func(t *testing.T, db rawDB)
		seq     int
		problem store.Problem
	}{
		{"untouched", func(*testing.T, rawDB) {}, 0, ""},
		{"one byte of a summary changed", func(t *testing.T, db rawDB) { flipByte(t, db, "summary", "c1", 2) }, 2, store.ProblemHash},
		{"one byte of the data changed", func(t *testing.T, db rawDB) { flipByte(t, db, "data", "c1", 3) }, 3, store.ProblemHash},
		{"an event deleted", func(t *testing.T, db rawDB) {
			exec(t, db, "DELETE FROM case_events WHERE case_id = ? AND seq = ?", "c1", 2)
		}, 2, store.ProblemGap},
		{"two events deleted", func(t *testing.T, db rawDB) {
			exec(t, db, "DELETE FROM case_events WHERE case_id = ? AND seq IN (2, 3)", "c1")
		}, 2, store.ProblemGap},
		{"two events reordered", func(t *testing.T, db rawDB) {
			exec(t, db, "UPDATE case_events SET seq = -1 WHERE case_id = ? AND seq = 2", "c1")
			exec(t, db, "UPDATE case_events SET seq = 2 WHERE case_id = ? AND seq = 3", "c1")
			exec(t, db, "UPDATE case_events SET seq = 3 WHERE case_id = ? AND seq = -1", "c1")
		}, 2, store.ProblemLink},
		{"two events' contents swapped", func(t *testing.T, db rawDB) { swapContents(t, db, "c1", 2, 3) }, 2, store.ProblemHash},
		{"the last event deleted", func(t *testing.T, db rawDB) {
			exec(t, db, "DELETE FROM case_events WHERE case_id = ? AND seq = ?", "c1", 4)
		}, 4, store.ProblemCaseHead},
		{"the last event deleted and the case row moved back", func(t *testing.T, db rawDB) {
			exec(t, db, "DELETE FROM case_events WHERE case_id = ? AND seq = ?", "c1", 4)
			exec(t, db, "UPDATE cases SET last_seq = 3 WHERE id = ?", "c1")
		}, 4, store.ProblemCaseHead},
		{"the snapshot's last hash changed", func(t *testing.T, db rawDB) {
			exec(t, db, `UPDATE cases SET snapshot = '{"seq":4,"last_hash":"00"}' WHERE id = ?`, "c1")
		}, 4, store.ProblemCaseHead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st, db := openWithSQL(t)
			recordActs(t, st, "c1", "青山县市监立〔2026〕1号")
			recordActs(t, st, "c2", "青山县市监立〔2026〕2号")
			tt.tamper(t, db)

			rep, err := st.VerifyRecord(t.Context(), "c1", nil)
			require.NoError(t, err)
			require.Equal(t, "青山县市监立〔2026〕1号", rep.Number)
			require.False(t, rep.WorkflowHeadChecked)
			if tt.problem == "" {
				require.True(t, rep.Intact)
				require.Nil(t, rep.FirstBreak)
				require.Equal(t, 4, rep.Events)
			} else {
				require.False(t, rep.Intact)
				require.NotNil(t, rep.FirstBreak)
				require.Equal(t, tt.seq, rep.FirstBreak.Seq, rep.FirstBreak.Detail)
				require.Equal(t, tt.problem, rep.FirstBreak.Problem, rep.FirstBreak.Detail)
				require.NotEmpty(t, rep.FirstBreak.Detail)
			}

			other, err := st.VerifyRecord(t.Context(), "c2", nil)
			require.NoError(t, err)
			require.True(t, other.Intact, "another case's record is not touched")
		})
	}
}

func TestVerifyRecordsWalksEveryCase(t *testing.T) {
	t.Parallel()
	st, db := openWithSQL(t)
	recordActs(t, st, "c1", "青山县市监立〔2026〕1号")
	recordActs(t, st, "c2", "青山县市监立〔2026〕2号")
	recordActs(t, st, "c3", "青山县市监立〔2026〕3号")
	flipByte(t, db, "summary", "c2", 1)
	exec(t, db, "DELETE FROM cases WHERE id = ?", "c3")

	got := map[string]store.ChainReport{}
	require.NoError(t, st.VerifyRecords(t.Context(), nil, func(r store.ChainReport) error {
		got[r.CaseID] = r
		return nil
	}))
	require.Len(t, got, 3)
	require.True(t, got["c1"].Intact)
	require.Equal(t, store.Break{Seq: 1, Problem: store.ProblemHash, Detail: got["c2"].FirstBreak.Detail}, *got["c2"].FirstBreak)
	require.Equal(t, store.ProblemCaseHead, got["c3"].FirstBreak.Problem, "events whose case row is gone are found too")

	_, err := st.VerifyRecord(t.Context(), "no-such-case", nil)
	require.ErrorIs(t, err, store.ErrNotFound)
}

// heads is a workflow engine that answers with one head, or an error.
type heads struct {
	head    store.ChainHead
	running bool
	err     error
}

func (h heads) WorkflowHead(context.Context, string) (store.ChainHead, bool, error) {
	return h.head, h.running, h.err
}

func TestVerifyRecordComparesTheWorkflowHead(t *testing.T) {
	t.Parallel()
	st, db := openWithSQL(t)
	hashes := recordActs(t, st, "c1", "青山县市监立〔2026〕1号")

	tests := []struct {
		name    string
		heads   heads
		checked bool
		broken  *store.Break // seq and problem
	}{
		{"the workflow's head is the last event", heads{head: store.ChainHead{Seq: 4, Hash: hashes[4]}, running: true}, true, nil},
		{"an act was recorded after the workflow was asked", heads{head: store.ChainHead{Seq: 3, Hash: hashes[3]}, running: true}, true, nil},
		{"the stored event differs from the workflow's", heads{head: store.ChainHead{Seq: 4, Hash: hashes[3]}, running: true}, true,
			&store.Break{Seq: 4, Problem: store.ProblemWorkflowHead}},
		{"the workflow holds more events than the database", heads{head: store.ChainHead{Seq: 5, Hash: "ab"}, running: true}, true,
			&store.Break{Seq: 5, Problem: store.ProblemWorkflowHead}},
		{"the workflow no longer runs", heads{}, false, nil},
		{"the engine does not answer", heads{err: errors.New("connection refused")}, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := st.VerifyRecord(t.Context(), "c1", tt.heads)
			require.NoError(t, err)
			require.Equal(t, tt.checked, rep.WorkflowHeadChecked)
			require.Equal(t, tt.heads.err != nil, rep.HeadUnchecked != "")
			if tt.broken == nil {
				require.True(t, rep.Intact, "%+v", rep.FirstBreak)
				return
			}
			require.False(t, rep.Intact)
			require.Equal(t, tt.broken.Seq, rep.FirstBreak.Seq)
			require.Equal(t, tt.broken.Problem, rep.FirstBreak.Problem)
		})
	}

	// The last event deleted and the case row moved back with it: only the
	// running workflow still knows the record went further.
	exec(t, db, "DELETE FROM case_events WHERE case_id = ? AND seq = ?", "c1", 4)
	exec(t, db, "UPDATE cases SET last_seq = 3, snapshot = ? WHERE id = ?", `{"seq":3}`, "c1")
	rep, err := st.VerifyRecord(t.Context(), "c1", nil)
	require.NoError(t, err)
	require.True(t, rep.Intact, "the stored record alone looks whole")
	rep, err = st.VerifyRecord(t.Context(), "c1", heads{head: store.ChainHead{Seq: 4, Hash: hashes[4]}, running: true})
	require.NoError(t, err)
	require.Equal(t, store.Break{Seq: 4, Problem: store.ProblemWorkflowHead, Detail: rep.FirstBreak.Detail}, *rep.FirstBreak)
}
