package store

import (
	"context"
	"fmt"
	"time"
)

// DeadlineCount is how many of an agency's deadlines are running: Open
// not yet due, Overdue past due (marked overdue, or open and due by then).
// Party windows are not the agency's deadlines and are not counted.
type DeadlineCount struct {
	AgencyID string
	Open     int64
	Overdue  int64
}

// DeadlineCounts counts every agency's running deadlines as of asOf, in one
// grouped query over the deadlines table; agencies without any are absent.
func (s *Store) DeadlineCounts(ctx context.Context, asOf time.Time) ([]DeadlineCount, error) {
	var rows []struct {
		AgencyID string
		Live     int64
		Overdue  int64
	}
	err := s.db.WithContext(ctx).Model(&deadlineRow{}).
		Select("agency_id, COUNT(*) AS live, SUM(CASE WHEN state = ? OR due_at <= ? THEN 1 ELSE 0 END) AS overdue", "overdue", asOf.UTC()).
		Where(liveDeadlines).Group("agency_id").Order("agency_id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count deadlines: %w", err)
	}
	out := make([]DeadlineCount, len(rows))
	for i, r := range rows {
		out[i] = DeadlineCount{AgencyID: r.AgencyID, Open: r.Live - r.Overdue, Overdue: r.Overdue}
	}
	return out, nil
}
