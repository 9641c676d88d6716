package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/calendar"
)

// legalQualificationRow is an officer's legal professional qualification
// (法律职业资格). A certificate number belongs to one person.
type legalQualificationRow struct {
	OfficerID  string    `gorm:"primaryKey;size:64"`
	Number     string    `gorm:"size:64;not null;uniqueIndex"`
	ObtainedOn string    `gorm:"size:10;not null;default:''"` // YYYY-MM-DD, "" when not known
	RecordedAt time.Time `gorm:"not null"`
}

func (legalQualificationRow) TableName() string { return "legal_qualifications" }

// LegalQualification is an officer's legal professional qualification and
// when it was recorded.
type LegalQualification struct {
	authority.LegalQualification
	RecordedAt time.Time `json:"recorded_at"`
}

func qualificationFromRow(r legalQualificationRow) LegalQualification {
	return LegalQualification{LegalQualification: authority.LegalQualification{Number: r.Number, ObtainedOn: r.ObtainedOn}, RecordedAt: r.RecordedAt}
}

// qualificationTaken is the refusal of a number recorded for someone else.
func qualificationTaken(number string) *Refusal {
	return conflict("qualification_taken", "法律职业资格证书编号 %s 已登记在另一人名下", "legal qualification certificate %s is recorded for someone else",
		number, number).On("number")
}

// SetLegalQualification records (or replaces) an officer's legal
// professional qualification at at, audited as made by by.
func (s *Store) SetLegalQualification(ctx context.Context, officerID string, q authority.LegalQualification, by Actor, at time.Time) (LegalQualification, error) {
	if r := authority.CheckLegalQualification(q, calendar.DateOf(at)); r != nil {
		return LegalQualification{}, r
	}
	row := legalQualificationRow{OfficerID: officerID, Number: q.Number, ObtainedOn: q.ObtainedOn, RecordedAt: at.UTC()}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := officerRowOf(tx, officerID)
		if err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&legalQualificationRow{}).Where("number = ? AND officer_id <> ?", q.Number, officerID).Count(&n).Error; err != nil {
			return fmt.Errorf("check qualification %s: %w", q.Number, err)
		}
		if n > 0 {
			return qualificationTaken(q.Number)
		}
		before, err := qualificationOf(tx, officerID)
		if err != nil {
			return err
		}
		if before != nil && before.LegalQualification == q {
			return refuse("invalid_input", "没有要修改的内容", "nothing to change")
		}
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
			return taken(fmt.Errorf("set qualification of %s: %w", officerID, err), qualificationTaken(q.Number))
		}
		c := change{action: AuditQualificationSet, target: officerID, officer: o, after: q}
		if before != nil {
			c.before = before.LegalQualification
		}
		return writeAudit(tx, by, c)
	})
	if err != nil {
		return LegalQualification{}, err
	}
	return qualificationFromRow(row), nil
}

// ClearLegalQualification removes an officer's legal professional
// qualification for reason (which may be empty), audited as made by by;
// ErrNotFound if none is recorded.
func (s *Store) ClearLegalQualification(ctx context.Context, officerID, reason string, by Actor) error {
	if r := authority.CheckReason(reason, false); r != nil {
		return r
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := officerRowOf(tx, officerID)
		if err != nil {
			return err
		}
		before, err := qualificationOf(tx, officerID)
		if err != nil {
			return err
		}
		if before == nil {
			return fmt.Errorf("legal qualification of %s: %w", officerID, ErrNotFound)
		}
		if err := tx.Where("officer_id = ?", officerID).Delete(&legalQualificationRow{}).Error; err != nil {
			return fmt.Errorf("clear qualification of %s: %w", officerID, err)
		}
		return writeAudit(tx, by, change{action: AuditQualificationCleared, target: officerID, officer: o, reason: reason,
			before: before.LegalQualification})
	})
}

// LegalQualificationOf is an officer's legal professional qualification,
// nil if none is recorded.
func (s *Store) LegalQualificationOf(ctx context.Context, officerID string) (*LegalQualification, error) {
	return qualificationOf(s.db.WithContext(ctx), officerID)
}

func qualificationOf(tx *gorm.DB, officerID string) (*LegalQualification, error) {
	var r legalQualificationRow
	err := first(tx.Where("officer_id = ?", officerID), &r)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("legal qualification of %s: %w", officerID, err)
	}
	q := qualificationFromRow(r)
	return &q, nil
}

// PutLegalQualification records a qualification without audit, for seeding
// demonstration data; recording it twice is harmless.
func (s *Store) PutLegalQualification(ctx context.Context, officerID string, q authority.LegalQualification, at time.Time) error {
	row := legalQualificationRow{OfficerID: officerID, Number: q.Number, ObtainedOn: q.ObtainedOn, RecordedAt: at.UTC()}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error
}
