package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/calendar"
)

// powerItemChangeRow is one line of a power item's status history. Lines are
// only ever added; the same change twice is one line.
type powerItemChangeRow struct {
	ID             int64  `gorm:"primaryKey;autoIncrement"`
	Code           string `gorm:"size:64;not null;uniqueIndex:power_item_change_key,priority:1"`
	Status         string `gorm:"size:16;not null;uniqueIndex:power_item_change_key,priority:2"`
	EffectiveOn    string `gorm:"size:10;not null;uniqueIndex:power_item_change_key,priority:3"`
	ToLevel        string `gorm:"size:16;not null;default:'';uniqueIndex:power_item_change_key,priority:4"`
	MergedInto     string `gorm:"size:64;not null;default:'';uniqueIndex:power_item_change_key,priority:5"`
	DelegatedTo    string `gorm:"size:64;not null;default:'';uniqueIndex:power_item_change_key,priority:6"`
	Levels         string `gorm:"size:100;not null;default:'';uniqueIndex:power_item_change_key,priority:7"`
	DecisionNumber string `gorm:"size:200"`
	DecisionBy     string `gorm:"size:200"`
	PublishedOn    string `gorm:"size:10"`
	Note           string `gorm:"size:1000"`
	RecordedBy     string `gorm:"size:64"`
	RecordedByName string `gorm:"size:100"`
	RecordedAt     time.Time
}

func (powerItemChangeRow) TableName() string { return "power_item_history" }

func powerChangeToRow(c PowerItemChange) *powerItemChangeRow {
	return &powerItemChangeRow{Code: c.Code, Status: c.Status, EffectiveOn: c.EffectiveOn, ToLevel: c.ToLevel,
		MergedInto: c.MergedInto, DelegatedTo: c.DelegatedTo, Levels: joinList(c.Levels), DecisionNumber: c.DecisionNumber,
		DecisionBy: c.DecisionBy, PublishedOn: c.PublishedOn, Note: c.Note, RecordedBy: c.RecordedBy,
		RecordedByName: c.RecordedByName, RecordedAt: c.RecordedAt.UTC()}
}

func powerChangeFromRow(r powerItemChangeRow) PowerItemChange {
	return PowerItemChange{Code: r.Code, Status: r.Status, EffectiveOn: r.EffectiveOn, Levels: splitList(r.Levels),
		ToLevel: r.ToLevel, MergedInto: r.MergedInto, DelegatedTo: r.DelegatedTo, DecisionNumber: r.DecisionNumber,
		DecisionBy: r.DecisionBy, PublishedOn: r.PublishedOn, Note: r.Note, RecordedBy: r.RecordedBy,
		RecordedByName: r.RecordedByName, RecordedAt: r.RecordedAt}
}

func joinList(l []string) string { return strings.Join(l, ",") }

// powerItemChanges returns the history of one item, or of all items when
// code is "", in the order the changes take effect.
func powerItemChanges(q *gorm.DB, code string) ([]PowerItemChange, error) {
	if code != "" {
		q = q.Where("code = ?", code)
	}
	var rows []powerItemChangeRow
	if err := q.Order("code, effective_on, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("power item history %s: %w", code, err)
	}
	out := make([]PowerItemChange, len(rows))
	for i, r := range rows {
		out[i] = powerChangeFromRow(r)
	}
	return out, nil
}

// PowerItemHistory returns an item's status history in the order the
// changes take effect.
func (s *Store) PowerItemHistory(ctx context.Context, code string) ([]PowerItemChange, error) {
	return powerItemChanges(s.db.WithContext(ctx), code)
}

// CreatePowerItem adds an item to the power list with its first change,
// which must put it in force (levels default to the item's).
func (s *Store) CreatePowerItem(ctx context.Context, p PowerItem, first PowerItemChange, by Actor) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		agencies, err := agencyMap(tx)
		if err != nil {
			return err
		}
		return createPowerItem(tx, p, first, by, agencies, func(code string) bool { return itemExists(tx, code) })
	})
}

func itemExists(tx *gorm.DB, code string) bool {
	var n int64
	tx.Model(&powerItemRow{}).Where("code = ?", code).Count(&n)
	return n > 0
}

func createPowerItem(tx *gorm.DB, p PowerItem, first PowerItemChange, by Actor, agencies authority.Agencies, exists func(string) bool) error {
	first.Code = p.Code
	if len(first.Levels) == 0 {
		first.Levels = p.Levels
	}
	if r := authority.CheckNewPowerItem(p, first, agencies, exists); r != nil {
		return r
	}
	p.Status = PowerInForce
	if err := tx.Create(powerItemToRow(p)).Error; err != nil {
		return taken(fmt.Errorf("create power item %s: %w", p.Code, err),
			conflict("power_item_exists", "事项编码 %s 已在清单中", "power item %s already exists", p.Code, p.Code))
	}
	return addPowerChange(tx, p, first, by)
}

// AddPowerItemChange records a status change of an existing item.
func (s *Store) AddPowerItemChange(ctx context.Context, c PowerItemChange, by Actor) (PowerItemChange, error) {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		agencies, err := agencyMap(tx)
		if err != nil {
			return err
		}
		var row powerItemRow
		if err := first(tx.Where("code = ?", c.Code), &row); err != nil {
			return fmt.Errorf("power item %s: %w", c.Code, err)
		}
		item := powerItemFromRow(row)
		if r := authority.CheckChange(item, c, agencies, func(code string) bool { return itemExists(tx, code) }); r != nil {
			return r
		}
		return addPowerChange(tx, item, c, by)
	})
	if err != nil {
		return PowerItemChange{}, err
	}
	c.RecordedBy, c.RecordedByName = by.ID, by.Name
	return c, nil
}

// addPowerChange writes a checked change, refusing one already recorded, and
// keeps the item's status column at today's status for readers of the row.
func addPowerChange(tx *gorm.DB, item PowerItem, c PowerItemChange, by Actor) error {
	c.RecordedBy, c.RecordedByName, c.RecordedAt = by.ID, by.Name, now()
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(powerChangeToRow(c))
	if res.Error != nil {
		return fmt.Errorf("power item %s change: %w", c.Code, res.Error)
	}
	if res.RowsAffected == 0 {
		return authority.ChangeRecorded(c)
	}
	changes, err := powerItemChanges(tx, item.Code)
	if err != nil {
		return err
	}
	st := authority.StandingOn(item, changes, calendar.DateOf(time.Now()))
	if err := tx.Model(&powerItemRow{}).Where("code = ?", item.Code).Update("status", st.Status).Error; err != nil {
		return fmt.Errorf("power item %s status: %w", item.Code, err)
	}
	return nil
}

// PutPowerItemChange records a change as the demo seed does: checked, and
// nothing happens if the same change is already there.
func (s *Store) PutPowerItemChange(ctx context.Context, c PowerItemChange, by Actor) error {
	_, err := s.AddPowerItemChange(ctx, c, by)
	if r := (*Refusal)(nil); errors.As(err, &r) && r.Code == "power_item_change_exists" {
		return nil
	}
	return err
}

// asOfToday gives an item with a history its status and levels of today.
func asOfToday(item PowerItem, changes []PowerItemChange) PowerItem {
	if len(changes) == 0 {
		return item
	}
	st := authority.StandingOn(item, changes, calendar.DateOf(time.Now()))
	item.Status, item.Levels = st.Status, st.Levels
	if item.Levels == nil {
		item.Levels = []string{}
	}
	return item
}

// CheckFiling says whether agency may file a case under item at instant at
// (authority.FilingRefusal: "不得在清单之外行使行政权力"), on the item as
// written, its history and the agency tree as stored. A refusal says why;
// nil means it may.
func (s *Store) CheckFiling(ctx context.Context, item PowerItem, agency Agency, at time.Time) error {
	var rows []powerItemRow
	if err := s.db.WithContext(ctx).Where("code = ?", item.Code).Find(&rows).Error; err != nil {
		return fmt.Errorf("power item %s: %w", item.Code, err)
	}
	if len(rows) == 1 {
		item = powerItemFromRow(rows[0]) // as written, not as of today
	}
	changes, err := powerItemChanges(s.db.WithContext(ctx), item.Code)
	if err != nil {
		return err
	}
	agencies, err := agencyMap(s.db.WithContext(ctx))
	if err != nil {
		return err
	}
	if r := authority.FilingRefusal(item, changes, agency, agencies, calendar.DateOf(at)); r != nil {
		return r
	}
	return nil
}
