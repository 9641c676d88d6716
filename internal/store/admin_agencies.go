package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/authority"
)

// CreateAgency adds an agency under an existing parent.
func (s *Store) CreateAgency(ctx context.Context, a Agency) error {
	if a.Kind == "" {
		a.Kind = AgencyRegular
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		all, err := agencyMap(tx)
		if err != nil {
			return err
		}
		if r := authority.CheckNewAgency(a, all); r != nil {
			return r
		}
		if err := tx.Create(agencyToRow(a)).Error; err != nil {
			return taken(fmt.Errorf("create agency %s: %w", a.ID, err),
				conflict("agency_exists", "机关编号 %s 已存在", "agency %s already exists", a.ID, a.ID))
		}
		return nil
	})
}

// UpdateAgency replaces an agency's name, code, level, kind and parent,
// keeping the tree's rules for the agency and those under it.
func (s *Store) UpdateAgency(ctx context.Context, a Agency) error {
	if a.Kind == "" {
		a.Kind = AgencyRegular
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		all, err := agencyMap(tx)
		if err != nil {
			return err
		}
		if _, ok := all[a.ID]; !ok {
			return fmt.Errorf("agency %s: %w", a.ID, ErrNotFound)
		}
		if r := authority.CheckAgencyUpdate(a, all); r != nil {
			return r
		}
		res := tx.Model(&agencyRow{}).Where("id = ?", a.ID).Updates(map[string]any{
			"parent_id": a.ParentID, "name": a.Name, "level": string(a.Level), "code": a.Code, "kind": string(a.Kind)})
		if res.Error != nil {
			return fmt.Errorf("update agency %s: %w", a.ID, res.Error)
		}
		return nil
	})
}

func agencyMap(tx *gorm.DB) (authority.Agencies, error) {
	var rows []agencyRow
	if err := tx.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list agencies: %w", err)
	}
	out := make(authority.Agencies, len(rows))
	for _, r := range rows {
		out[r.ID] = agencyFromRow(r)
	}
	return out, nil
}

// errNotFound reports whether err is ErrNotFound.
func errNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
