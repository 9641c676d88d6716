// Package store is Zhifa's database: master data (agencies, officers, their
// roles and certificates, power items, the holiday calendar) and the durable
// record of every case (case rows, the append-only event record, tasks,
// deadlines). It runs on PostgreSQL in production and on SQLite when Zhifa is
// embedded; migrations are the same on both.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/glebarez/sqlite"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// ErrNotFound is returned when a requested row does not exist.
var ErrNotFound = errors.New("not found")

// ErrRecordRefused is returned when the database refuses what a write
// carries, not for want of a connection: retrying the same write cannot help.
var ErrRecordRefused = errors.New("record refused")

// Refused tells whether err is the database refusing the data itself (a
// value too long or malformed, a broken constraint) rather than failing
// for the time being (connection lost, timeout, lock): the first is
// permanent, the second worth retrying.
func Refused(err error) bool {
	if errors.Is(err, ErrRecordRefused) {
		return true
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		// Class 22: data exception; class 23: integrity constraint violation.
		return strings.HasPrefix(pg.Code, "22") || strings.HasPrefix(pg.Code, "23")
	}
	var lite *msqlite.Error
	if errors.As(err, &lite) {
		switch lite.Code() & 0xff {
		case sqlite3.SQLITE_TOOBIG, sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_MISMATCH:
			return true
		}
	}
	return false
}

// Store wraps the GORM handle.
type Store struct {
	db       *gorm.DB
	recent   *recentCases   // recent.go
	calendar *calendarCache // master.go
}

// Open connects to the database. A postgres:// or postgresql:// URL opens
// PostgreSQL; an empty URL opens (or creates) SQLite at <dataDir>/zhifa.db.
func Open(url, dataDir string) (*Store, error) {
	cfg := &gorm.Config{
		Logger:         logger.Default.LogMode(logger.Silent),
		TranslateError: true,
		NowFunc:        func() time.Time { return time.Now().UTC() },
	}
	var dialector gorm.Dialector
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		dialector = postgres.Open(url)
	case url == "":
		if err := os.MkdirAll(dataDir, 0o700); err != nil {
			return nil, fmt.Errorf("create data dir %s: %w", dataDir, err)
		}
		path := filepath.Join(dataDir, "zhifa.db")
		// Statements kept prepared (sqlite_statements.go); PostgreSQL's
		// driver keeps its own.
		dialector = sqlite.Dialector{Conn: openSQLite("file:" + path + "?_pragma=journal_mode(wal)&_pragma=synchronous(normal)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)")}
	default:
		return nil, fmt.Errorf("unsupported database URL %q: want postgres://… or empty for SQLite", redact(url))
	}
	db, err := gorm.Open(dialector, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := db.Use(&watch{}); err != nil { // watch.go
		return nil, fmt.Errorf("open database: %w", err)
	}
	st := &Store{db: db, recent: newRecentCases(), calendar: &calendarCache{}}
	if db.Dialector.Name() == "sqlite" {
		// SQLite allows one writer; one connection avoids "database is locked".
		return st, st.SetMaxConns(1)
	}
	return st, st.SetMaxConns(DefaultMaxConns)
}

// DefaultMaxConns is a PostgreSQL pool's size unless set otherwise.
const DefaultMaxConns = 20

// SetMaxConns sizes the connection pool: at most n connections, all of
// them kept open while idle, for up to five minutes. Keeping only the
// default two idle made a burst of requests open and close a PostgreSQL
// connection (a server process) for almost every statement. SQLite keeps
// its one connection whatever n is.
func (s *Store) SetMaxConns(n int) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	if s.Dialect() == "sqlite" {
		n = 1
	}
	sqlDB.SetMaxOpenConns(n)
	sqlDB.SetMaxIdleConns(n)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return nil
}

// Pool is the connection pool, for its statistics (sql.DB.Stats).
func (s *Store) Pool() (*sql.DB, error) { return s.db.DB() }

// Close releases the connection pool.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Dialect names the database in use ("postgres" or "sqlite").
func (s *Store) Dialect() string { return s.db.Dialector.Name() }

// Migrate creates or updates every table.
func (s *Store) Migrate(ctx context.Context) error {
	var tables []any
	tables = append(tables, masterTables...)
	tables = append(tables, caseTables...)
	tables = append(tables, identityTables...)
	tables = append(tables, adminTables...)
	tables = append(tables, policyTables...)
	tables = append(tables, notificationTables...)
	tables = append(tables, evidenceTables...)
	db := s.db.WithContext(ctx)
	introduced := db.Migrator().HasTable(&deadlineRow{}) && !db.Migrator().HasColumn(&deadlineRow{}, "escalated_at")
	if err := db.AutoMigrate(tables...); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := migrateNotices(db, introduced); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	// Indexes of earlier versions: idx_tasks_open and idx_deadlines_state
	// made SQLite read every open task or deadline of every case where a
	// case's own were asked for (rows.go).
	dropped := []string{"DROP INDEX IF EXISTS idx_deadlines_live", "DROP INDEX IF EXISTS idx_tasks_open", "DROP INDEX IF EXISTS idx_deadlines_state"}
	for _, stmt := range append([]string{liveDeadlinesIndex, warnedDeadlinesIndex}, dropped...) {
		if err := db.Exec(stmt).Error; err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	if s.Dialect() == "sqlite" {
		// The planner needs statistics to prefer the partial indexes;
		// SQLite gathers them only when asked (PostgreSQL's autovacuum
		// does it by itself).
		if err := db.Exec("PRAGMA optimize=0x10002").Error; err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	slog.Debug("database migrated", "dialect", s.Dialect())
	return nil
}

// liveDeadlinesIndex serves the managers' lists of deadlines (open, due
// soon, overdue): only the deadlines still running, without the met and
// ended ones that make up most of the table, in the lists' order (due time,
// then case and key: a page starts at its cursor and stops after its rows)
// and with the columns their filters read (agency, state, warning time), so
// neither page nor capped count reads the table. The lists' query repeats
// its condition word for word, as SQLite requires to use it. It replaces
// idx_deadlines_live, led by state, which made every page sort all the
// running deadlines.
const liveDeadlinesIndex = `CREATE INDEX IF NOT EXISTS idx_deadlines_live_due ON deadlines (due_at, case_id, deadline_key, agency_id, state, warn_at) WHERE ` + liveDeadlines

// warnedDeadlinesIndex serves the due-soon list: the open deadlines by
// warning time, so that the list reads only those whose warning time has
// come (few: a deadline past due is marked overdue) instead of every open
// deadline due later, about 40,000 index entries at 1,000,000 rows.
const warnedDeadlinesIndex = `CREATE INDEX IF NOT EXISTS idx_deadlines_warned ON deadlines (warn_at, due_at, case_id, deadline_key, agency_id) WHERE ` + openDeadlines

// openDeadlines is the condition of the open deadlines of an agency.
const openDeadlines = `state = 'open' AND party_window = false`

// liveDeadlinesTable is the table the lists of deadlines read from. SQLite
// is told to use idx_deadlines_live_due: with agency_id IN (…) it would
// rather read the agencies' whole index ranges and sort them.
func (s *Store) liveDeadlinesTable(state string) string {
	switch {
	case s.Dialect() != "sqlite":
		return "deadlines"
	case state == "due-soon":
		return "deadlines INDEXED BY idx_deadlines_warned"
	}
	return "deadlines INDEXED BY idx_deadlines_live_due"
}

// liveDeadlinesWhere is the condition that puts a list of deadlines on
// idx_deadlines_live_due. SQLite uses a partial index only for a query that
// repeats its condition. PostgreSQL proves it from the lists' own state
// conditions (each names only open or overdue), and repeating it would make
// its planner count the state's selectivity twice — a twentieth of the live
// deadlines instead of all of them — and prefer a bitmap scan and a sort.
func (s *Store) liveDeadlinesWhere() string {
	if s.Dialect() == "sqlite" {
		return liveDeadlines
	}
	return "party_window = false"
}

// liveDeadlines is the condition of the running deadlines of an agency.
const liveDeadlines = `state IN ('open', 'overdue') AND party_window = false`

// pageOf counts the rows q matches and reads one page of them in order,
// converting each row; what names them in errors.
func pageOf[R, T any](q *gorm.DB, order string, limit, offset int, what string, conv func(R) T) ([]T, int64, error) {
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count %s: %w", what, err)
	}
	var rows []R
	if err := q.Order(order).Limit(limit).Offset(offset).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list %s: %w", what, err)
	}
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = conv(r)
	}
	return out, total, nil
}

func redact(url string) string {
	if i := strings.Index(url, "@"); i > 0 {
		if j := strings.Index(url, "://"); j > 0 && j < i {
			return url[:j+3] + "…" + url[i:]
		}
	}
	return url
}
