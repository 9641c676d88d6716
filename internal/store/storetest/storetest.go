// Package storetest gives tests a fresh, migrated database: a new schema in
// the PostgreSQL named by ZHIFA_TEST_DATABASE_URL when it is set, a new
// SQLite file otherwise.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for creating the test schema

	"github.com/zhifa/zhifa/internal/store"
)

// EnvURL names the variable that points tests at PostgreSQL.
const EnvURL = "ZHIFA_TEST_DATABASE_URL"

// Open returns a migrated store of its own, dropped when the test ends.
func Open(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(URL(t), t.TempDir())
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate test database: %v", err)
	}
	return st
}

// Dialect is a database a test runs on: its name and a URL of the test's own.
type Dialect struct {
	Name string
	URL  string
}

// Dialects returns SQLite and, when ZHIFA_TEST_DATABASE_URL is set,
// PostgreSQL: for tests that show both databases accept and refuse exactly
// the same inputs.
func Dialects(t testing.TB) []Dialect {
	t.Helper()
	out := []Dialect{{Name: "sqlite", URL: ""}}
	if os.Getenv(EnvURL) != "" {
		out = append(out, Dialect{Name: "postgres", URL: URL(t)})
	}
	return out
}

// URL returns a database URL of the test's own: a fresh PostgreSQL schema
// (dropped at the end of the test) or "" for SQLite in a temporary folder.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		return ""
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("connect to %s: %v", EnvURL, err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec("DROP SCHEMA " + schema + " CASCADE")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", EnvURL, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Exec runs one statement, with ? placeholders, on the database a store
// opened at url and dataDir ("" = SQLite in dataDir): for tests that plant
// what the store never writes, such as a record changed by hand.
func Exec(t testing.TB, url, dataDir, query string, args ...any) {
	t.Helper()
	driver, dsn := "sqlite", "file:"+filepath.Join(dataDir, "zhifa.db")+"?_pragma=busy_timeout(10000)"
	if url != "" {
		driver, dsn = "pgx", url
		var b strings.Builder
		n := 0
		for _, r := range query {
			if r == '?' {
				n++
				fmt.Fprintf(&b, "$%d", n)
				continue
			}
			b.WriteRune(r)
		}
		query = b.String()
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
