package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// GenerateDeadlines writes n deadline rows for measuring the deadline lists
// (zhifa bench, the store's benchmark): 95 % met, the rest open — 15 % of
// those past due at now — spread over the agencies, with their notices
// marked given so that the deadline watcher leaves them alone. The rows are
// made by the database itself in one statement (generate_series, a
// recursive CTE); then the statistics are gathered, as a running SQLite's
// PRAGMA optimize and PostgreSQL's autovacuum do. Their case IDs start with "gen-", outside any real case.
func GenerateDeadlines(ctx context.Context, s *Store, n int, agencies []string, now time.Time) error {
	if n <= 0 || len(agencies) == 0 {
		return nil
	}
	now = now.UTC().Truncate(time.Second)
	quoted := make([]string, len(agencies))
	for i, a := range agencies {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", "''") + "'"
	}
	// due(i) is now + (i % 400 − 40) days, in whole seconds since now.
	var stmt string
	cols := "case_id, deadline_key, case_number, agency_id, step, title, basis, unit, amount, party_window, start_at, due_date, due_at, warn_at, state, warned_at, escalated_at"
	if s.Dialect() == "postgres" {
		at := func(shift string) string {
			return fmt.Sprintf("(TIMESTAMPTZ '%s' + ((i %% 400 - 40) * 86400 %s) * INTERVAL '1 second')", now.Format(time.RFC3339), shift)
		}
		due := at("")
		stmt = fmt.Sprintf(`INSERT INTO deadlines (%s)
SELECT 'gen-' || lpad((i / 4)::text, 8, '0'), 'k' || (i %% 4), 'N-' || lpad((i / 4)::text, 8, '0'),
	(ARRAY[%s])[i %% %d + 1], 'decision', '办案期限', 'PL 60', 'days', 90, false,
	%s, to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD'), %s, %s,
	CASE WHEN i %% 20 = 0 THEN 'open' ELSE 'met' END, %s, %s
FROM generate_series(0, %d) AS i`, cols, strings.Join(quoted, ","), len(agencies),
			at("- 90 * 86400"), due, due, at("- 48 * 3600"), at("- 48 * 3600"), due, n-1)
	} else {
		// SQLite keeps times as text the way the driver writes them
		// (time.Time.String of a UTC time: "2006-01-02 15:04:05 +0000 UTC"
		// for whole seconds), and compares them as text.
		at := func(shift string) string {
			return fmt.Sprintf("(strftime('%%Y-%%m-%%d %%H:%%M:%%S', %d + (i %% 400 - 40) * 86400 %s, 'unixepoch') || ' +0000 UTC')", now.Unix(), shift)
		}
		due := at("")
		agency := "CASE i % " + fmt.Sprint(len(agencies))
		for i, q := range quoted {
			agency += fmt.Sprintf(" WHEN %d THEN %s", i, q)
		}
		agency += " END"
		stmt = fmt.Sprintf(`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < %d)
INSERT INTO deadlines (%s)
SELECT 'gen-' || printf('%%08d', i / 4), 'k' || (i %% 4), 'N-' || printf('%%08d', i / 4),
	%s, 'decision', '办案期限', 'PL 60', 'days', 90, false,
	%s, strftime('%%Y-%%m-%%d', %d + (i %% 400 - 40) * 86400, 'unixepoch'), %s, %s,
	CASE WHEN i %% 20 = 0 THEN 'open' ELSE 'met' END, %s, %s
FROM seq`, n-1, cols, agency, at("- 90 * 86400"), now.Unix(), due, at("- 48 * 3600"), at("- 48 * 3600"), due)
	}
	db := s.db.WithContext(ctx)
	if s.Dialect() == "sqlite" {
		// The table's seven indexes are written in seven orders: with the
		// default 2 MB page cache each row costs several page reads.
		var pages int
		if err := db.Raw("PRAGMA cache_size").Scan(&pages).Error; err != nil {
			return fmt.Errorf("generate deadlines: %w", err)
		}
		if err := db.Exec("PRAGMA cache_size = -262144").Error; err != nil {
			return fmt.Errorf("generate deadlines: %w", err)
		}
		defer db.Exec(fmt.Sprintf("PRAGMA cache_size = %d", pages))
	}
	if err := db.Exec(stmt).Error; err != nil {
		return fmt.Errorf("generate deadlines: %w", err)
	}
	gather := "ANALYZE"
	if s.Dialect() == "postgres" {
		// Autovacuum also sets the visibility map after a bulk insert:
		// without it the capped count cannot be an index-only scan.
		gather = "VACUUM ANALYZE deadlines"
	}
	if err := db.Exec(gather).Error; err != nil {
		return fmt.Errorf("generate deadlines: analyze: %w", err)
	}
	return nil
}
