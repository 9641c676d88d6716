package store

import (
	"context"
	"fmt"
	"time"

	"github.com/zhifa/zhifa/internal/calendar"
)

// ReviewActs are the acts of the record that complete a legal review
// (法制审核): passed or returned with an opinion (the procedures'
// ActApproveReview and ActReturnReview; the store does not link them).
var ReviewActs = []string{"approve-review", "return-review"}

// ReviewerStanding is what PL 58 ¶2 asks of an officer about to review a
// penalty decision: since when they hold the legal professional
// qualification (the start of the Beijing day it was obtained, or when it
// was recorded if that day is not known; nil without one), and how many
// legal reviews they have completed before (events of ReviewActs they
// acted). Reviews count wherever they were done, since the law asks
// whether the person has reviewed before, so agencyID, the agency of the
// review at hand, does not narrow the count. ErrNotFound if the officer
// does not exist.
func (s *Store) ReviewerStanding(ctx context.Context, officerID string, agencyID string) (qualifiedSince *time.Time, priorReviews int, err error) {
	db := s.db.WithContext(ctx)
	if _, err := officerRowOf(db, officerID); err != nil {
		return nil, 0, err
	}
	q, err := qualificationOf(db, officerID)
	if err != nil {
		return nil, 0, err
	}
	if q != nil {
		since := q.RecordedAt.In(calendar.Location())
		if d, err := calendar.ParseDate(q.ObtainedOn); err == nil {
			since = calendar.StartOfDay(d)
		}
		qualifiedSince = &since
	}
	var n int64
	if err := db.Model(&eventRow{}).Where("actor_id = ? AND act IN ?", officerID, ReviewActs).Count(&n).Error; err != nil {
		return nil, 0, fmt.Errorf("reviews by %s at %s: %w", officerID, agencyID, err)
	}
	return qualifiedSince, int(n), nil
}
