package store

import (
	"context"
	"fmt"
	"time"
)

// GenerateDeadlines writes n deadline rows for a benchmark: 95 % met, the
// rest open — a tenth of those past due at now — over the agencies; then
// the database's statistics are gathered, as a running SQLite's periodic
// PRAGMA optimize and PostgreSQL's autovacuum do.
func GenerateDeadlines(ctx context.Context, s *Store, n int, agencies []string, now time.Time) error {
	const batch = 2000
	for start := 0; start < n; start += batch {
		rows := make([]deadlineRow, 0, batch)
		for i := start; i < min(n, start+batch); i++ {
			due := now.Add(time.Duration(i%400-40) * 24 * time.Hour)
			state := "met"
			if i%20 == 0 {
				state = "open"
			}
			rows = append(rows, deadlineRow{CaseID: fmt.Sprintf("case-%07d", i/4), Key: fmt.Sprintf("k%d", i%4), CaseNumber: fmt.Sprintf("N-%07d", i/4),
				AgencyID: agencies[i%len(agencies)], Step: "decision", Title: "办案期限", Basis: "PL 60", Unit: "days", Amount: 90,
				StartAt: due.Add(-90 * 24 * time.Hour), DueDate: due.Format(time.DateOnly), DueAt: due, WarnAt: due.Add(-48 * time.Hour), State: state})
		}
		if err := s.db.WithContext(ctx).CreateInBatches(rows, 500).Error; err != nil {
			return err
		}
	}
	return s.db.WithContext(ctx).Exec("ANALYZE").Error
}
