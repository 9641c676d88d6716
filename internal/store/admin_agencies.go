package store

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"

	"github.com/zhifa/zhifa/internal/casefile"
	"gorm.io/gorm"
)

var agencyIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

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
		if _, ok := all[a.ID]; ok {
			return conflict("agency_exists", "机关编号 %s 已存在", "agency %s already exists", a.ID, a.ID)
		}
		if a.ParentID == "" {
			return refuse("invalid_input", "parent_id 不能为空：新机关须挂在已有机关之下", "parent_id is required: a new agency goes under an existing one")
		}
		if r := checkAgency(a, all); r != nil {
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
		old, ok := all[a.ID]
		if !ok {
			return fmt.Errorf("agency %s: %w", a.ID, ErrNotFound)
		}
		if a.ParentID == "" && old.ParentID != "" {
			return refuse("invalid_input", "parent_id 不能为空：只有根机关没有上级", "parent_id is required: only the root agency has none")
		}
		all[a.ID] = a
		if r := checkAgency(a, all); r != nil {
			return r
		}
		for _, c := range all {
			if c.ParentID == a.ID {
				if r := checkAgency(c, all); r != nil {
					return refuse(r.Code, "下级机关 %s 将不符合规则：%s", "agency %s below would break a rule: %s", c.Name, r.Zh, c.ID, r.En)
				}
			}
		}
		res := tx.Model(&agencyRow{}).Where("id = ?", a.ID).Updates(map[string]any{
			"parent_id": a.ParentID, "name": a.Name, "level": string(a.Level), "code": a.Code, "kind": string(a.Kind)})
		if res.Error != nil {
			return fmt.Errorf("update agency %s: %w", a.ID, res.Error)
		}
		return nil
	})
}

func agencyMap(tx *gorm.DB) (map[string]Agency, error) {
	var rows []agencyRow
	if err := tx.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list agencies: %w", err)
	}
	out := make(map[string]Agency, len(rows))
	for _, r := range rows {
		out[r.ID] = agencyFromRow(r)
	}
	return out, nil
}

// checkAgency checks one agency against its parent in all: fields well
// formed; only a regular agency has agencies under it (a delegated
// organization cannot sub-delegate, PL 20); a regular agency sits a level
// below its parent, a dispatched organ or delegated organization at its
// parent's level or below; no cycle.
func checkAgency(a Agency, all map[string]Agency) *Refusal {
	if !agencyIDPattern.MatchString(a.ID) {
		return refuse("invalid_input", "机关编号须为小写字母、数字和连字符（最多 64 个字符）：%q", "agency id must be lowercase letters, digits and hyphens (at most 64): %q", a.ID, a.ID)
	}
	if r := checkText("name", a.Name, true, 200); r != nil {
		return r
	}
	if r := checkText("code", a.Code, true, 32); r != nil {
		return r
	}
	if levelRank(a.Level) < 0 {
		return refuse("invalid_input", "未知的机关层级：%q（province、city、county、township）", "unknown level %q (province, city, county, township)", a.Level, a.Level)
	}
	if !slices.Contains(AgencyKinds, a.Kind) {
		return refuse("invalid_input", "未知的机关类别：%q（regular、dispatched、delegated）", "unknown kind %q (regular, dispatched, delegated)", a.Kind, a.Kind)
	}
	if a.ParentID == "" {
		return nil
	}
	parent, ok := all[a.ParentID]
	if !ok {
		return refuse("invalid_input", "上级机关不存在：%s", "no such parent agency: %s", a.ParentID, a.ParentID)
	}
	for p, seen := parent, 0; ; seen++ {
		if p.ID == a.ID || seen > len(all) {
			return refuse("invalid_input", "不能把机关挂到它自己的下级之下", "an agency cannot go under an agency below it")
		}
		next, ok := all[p.ParentID]
		if p.ParentID == "" || !ok {
			break
		}
		p = next
	}
	switch {
	case parent.Kind != AgencyRegular:
		return refuse("invalid_input", "%s 是派出机构或受委托组织，其下不能再设机构（受委托组织不得再委托，行政处罚法第二十条）",
			"%s is a dispatched organ or a delegated organization and can have no agency under it (PL 20)", parent.Name, parent.ID)
	case a.Kind == AgencyRegular && levelRank(a.Level) <= levelRank(parent.Level):
		return refuse("invalid_input", "%s级机关须低于上级机关（%s）的层级", "a %s agency must sit below its parent's level (%s)",
			levelName(string(a.Level)), levelName(string(parent.Level)), a.Level, parent.Level)
	case a.Kind != AgencyRegular && levelRank(a.Level) < levelRank(parent.Level):
		return refuse("invalid_input", "派出机构或受委托组织的层级不能高于其所属机关", "a dispatched organ or delegated organization cannot sit above its parent's level")
	}
	return nil
}

// agencyAndAncestors returns id and the agencies above it, nearest first.
func agencyAndAncestors(all map[string]Agency, id string) []string {
	var out []string
	for a, ok := all[id]; ok && !slices.Contains(out, a.ID); a, ok = all[a.ParentID] {
		out = append(out, a.ID)
	}
	return out
}

// IsAgencyLevel reports whether l names an agency level.
func IsAgencyLevel(l string) bool { return levelRank(casefile.Level(l)) >= 0 }

// errNotFound reports whether err is ErrNotFound.
func errNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
