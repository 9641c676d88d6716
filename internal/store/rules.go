package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
)

// rulePackRow is one version of an agency's rule pack. A version is never
// changed: a new one supersedes it from its own day, and the old one stays
// so that a case decided under it can be explained.
type rulePackRow struct {
	AgencyID      string    `gorm:"primaryKey;size:64"`
	Version       int       `gorm:"primaryKey;autoIncrement:false"`
	EffectiveFrom string    `gorm:"size:10;not null"` // YYYY-MM-DD, Beijing
	Pack          string    `gorm:"type:text;not null"`
	RecordedAt    time.Time `gorm:"not null"`
	RecordedBy    string    `gorm:"size:64;not null"`
}

func (rulePackRow) TableName() string { return "rule_packs" }

// RulePack is a stored version of an agency's rule pack, with who recorded
// it and when.
type RulePack struct {
	casefile.Rules
	RecordedAt time.Time `json:"recorded_at"`
	RecordedBy string    `json:"recorded_by"`
}

func rulePackFromRow(r rulePackRow) (RulePack, error) {
	var rules casefile.Rules
	if err := json.Unmarshal([]byte(r.Pack), &rules); err != nil {
		return RulePack{}, fmt.Errorf("read rule pack %s v%d: %w", r.AgencyID, r.Version, err)
	}
	rules.AgencyID, rules.Version, rules.EffectiveFrom = r.AgencyID, r.Version, r.EffectiveFrom
	return RulePack{Rules: rules, RecordedAt: r.RecordedAt, RecordedBy: r.RecordedBy}, nil
}

// SaveRules stores r as the next version of its agency's rule pack,
// recorded by by at at, and audits it. Its version is the agency's last
// plus one; it must satisfy authority.CheckRules, taking effect neither
// before the Beijing day of at nor before the agency's last version.
func (s *Store) SaveRules(ctx context.Context, r casefile.Rules, by Actor, at time.Time) (RulePack, error) {
	var out RulePack
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := first(tx.Where("id = ?", r.AgencyID), &agencyRow{}); err != nil {
			return fmt.Errorf("agency %s: %w", r.AgencyID, err)
		}
		var last []rulePackRow
		if err := tx.Where("agency_id = ?", r.AgencyID).Order("version DESC").Limit(1).Find(&last).Error; err != nil {
			return fmt.Errorf("last rule pack of %s: %w", r.AgencyID, err)
		}
		var prev *casefile.Rules
		r.Version = 1
		if len(last) == 1 {
			p, err := rulePackFromRow(last[0])
			if err != nil {
				return err
			}
			prev, r.Version = &p.Rules, p.Version+1
		}
		if ref := authority.CheckRules(r, prev, calendar.DateOf(at)); ref != nil {
			return ref
		}
		pack, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("rule pack of %s: %w", r.AgencyID, err)
		}
		row := rulePackRow{AgencyID: r.AgencyID, Version: r.Version, EffectiveFrom: r.EffectiveFrom, Pack: string(pack),
			RecordedAt: at.UTC(), RecordedBy: by.ID}
		if err := tx.Create(&row).Error; err != nil {
			return taken(fmt.Errorf("save rule pack %s v%d: %w", r.AgencyID, r.Version, err),
				conflict("rules_version_taken", "第 %d 版规则包刚由他人保存，请刷新后重试", "version %d was saved by someone else meanwhile; reload and retry",
					r.Version, r.Version))
		}
		out = RulePack{Rules: r, RecordedAt: row.RecordedAt, RecordedBy: by.ID}
		var before any
		if prev != nil {
			before = prev
		}
		return writeAudit(tx, by, change{action: AuditRulesSaved, target: fmt.Sprintf("%s/v%d", r.AgencyID, r.Version),
			agencyID: r.AgencyID, before: before, after: r})
	})
	return out, err
}

// RuleVersions lists an agency's rule packs, the latest version first.
func (s *Store) RuleVersions(ctx context.Context, agencyID string) ([]RulePack, error) {
	var rows []rulePackRow
	if err := s.db.WithContext(ctx).Where("agency_id = ?", agencyID).Order("version DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("rule packs of %s: %w", agencyID, err)
	}
	out := make([]RulePack, len(rows))
	for i, r := range rows {
		p, err := rulePackFromRow(r)
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

// RulesInForce is the rule pack that governs an act of the agency at at:
// the agency's own latest version in effect on the Beijing day of at, else
// the nearest agency above it that has one, else casefile.BuiltinRules().
// Its AgencyID and Version say which it is. ErrNotFound if the agency does
// not exist.
func (s *Store) RulesInForce(ctx context.Context, agencyID string, at time.Time) (casefile.Rules, error) {
	db := s.db.WithContext(ctx)
	all, err := agencyMap(db)
	if err != nil {
		return casefile.Rules{}, err
	}
	chain := all.AndAncestors(agencyID)
	if len(chain) == 0 {
		return casefile.Rules{}, fmt.Errorf("agency %s: %w", agencyID, ErrNotFound)
	}
	var rows []rulePackRow
	if err := db.Where("agency_id IN ? AND effective_from <= ?", chain, calendar.DateOf(at).String()).
		Order("version DESC").Find(&rows).Error; err != nil {
		return casefile.Rules{}, fmt.Errorf("rule packs of %s: %w", agencyID, err)
	}
	for _, id := range chain {
		i := slices.IndexFunc(rows, func(r rulePackRow) bool { return r.AgencyID == id })
		if i >= 0 {
			p, err := rulePackFromRow(rows[i])
			return p.Rules, err
		}
	}
	return casefile.BuiltinRules(), nil
}
