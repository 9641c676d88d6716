package store

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSQLiteKeepsItsStatementsPrepared: a statement run again, inside a
// transaction or not, runs the statement prepared the first time; scripts,
// a changed schema and a failing statement still behave as SQLite does.
func TestSQLiteKeepsItsStatementsPrepared(t *testing.T) {
	db := openSQLite("file:" + filepath.Join(t.TempDir(), "kept.db") + "?_pragma=journal_mode(wal)")
	t.Cleanup(func() { _ = db.Close() })
	db.SetMaxOpenConns(1)
	ctx := t.Context()
	kept := func() int {
		t.Helper()
		conn, err := db.Conn(ctx)
		require.NoError(t, err)
		defer conn.Close()
		n := 0
		require.NoError(t, conn.Raw(func(dc any) error { n = dc.(*keepingConn).stmts.Len(); return nil }))
		return n
	}

	_, err := db.ExecContext(ctx, "CREATE TABLE acts (seq INTEGER PRIMARY KEY, name TEXT NOT NULL); CREATE INDEX acts_name ON acts (name)")
	require.NoError(t, err, "a script of two statements")
	insert, count := "INSERT INTO acts (seq, name) VALUES (?, ?)", "SELECT count(*), coalesce(max(seq), 0) FROM acts WHERE name = ?"
	for i := 1; i <= 20; i++ {
		tx, err := db.BeginTx(ctx, nil)
		require.NoError(t, err)
		_, err = tx.ExecContext(ctx, insert, i, "record-evidence")
		require.NoError(t, err)
		require.NoError(t, tx.Commit())
		var n, last int
		require.NoError(t, db.QueryRowContext(ctx, count, "record-evidence").Scan(&n, &last))
		require.Equal(t, i, n)
		require.Equal(t, i, last)
	}
	before := kept()
	require.LessOrEqual(t, before, 4, "the script, the insert, the count (and the transaction's own)")

	_, err = db.ExecContext(ctx, insert, 1, "again")
	require.Error(t, err, "a taken number is refused, as always")
	_, err = db.ExecContext(ctx, insert, 21, "after-the-error")
	require.NoError(t, err, "the kept statement runs again after its failure")

	_, err = db.ExecContext(ctx, "ALTER TABLE acts ADD COLUMN summary TEXT NOT NULL DEFAULT ''")
	require.NoError(t, err)
	rows, err := db.QueryContext(ctx, "SELECT * FROM acts WHERE seq = ?", 21)
	require.NoError(t, err)
	cols, err := rows.Columns()
	require.NoError(t, err)
	require.NoError(t, rows.Close())
	require.Equal(t, []string{"seq", "name", "summary"}, cols)
	var n int
	require.NoError(t, db.QueryRowContext(ctx, count, "after-the-error").Scan(&n, new(int)))
	require.Equal(t, 1, n, "a kept statement follows the changed schema")
	require.Equal(t, before+2, kept(), "the ALTER and the SELECT * are new; the rest ran prepared")

	var missing sql.NullString
	require.ErrorIs(t, db.QueryRowContext(ctx, "SELECT name FROM acts WHERE seq = ?", 999).Scan(&missing), sql.ErrNoRows)
}
