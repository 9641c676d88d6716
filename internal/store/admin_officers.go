package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/internal/authority"
)

// CreateOfficer adds a person who logs in (their ID is their login) with
// the roles given, in one transaction, audited as made by by. PasswordHash
// must already be a hash.
func (s *Store) CreateOfficer(ctx context.Context, o Officer, roles []RoleAssignment, by Actor) error {
	o.ID = o.Login
	if r := authority.CheckOfficer(o.Login, o.Name); r != nil {
		return r
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		all, err := agencyMap(tx)
		if err != nil {
			return err
		}
		if _, ok := all[o.AgencyID]; !ok {
			return refuse("invalid_input", "机关不存在：%s", "no such agency: %s", o.AgencyID, o.AgencyID)
		}
		var n int64
		if err := tx.Model(&officerRow{}).Where("id = ? OR login = ?", o.ID, o.Login).Count(&n).Error; err != nil {
			return fmt.Errorf("check login %s: %w", o.Login, err)
		}
		if n > 0 {
			return conflict("login_taken", "登录名 %s 已被使用", "login %s is taken", o.Login, o.Login)
		}
		row := officerRow{ID: o.ID, Login: o.Login, Name: o.Name, PasswordHash: o.PasswordHash, AgencyID: o.AgencyID}
		if err := tx.Create(&row).Error; err != nil {
			return taken(fmt.Errorf("create officer %s: %w", o.Login, err),
				conflict("login_taken", "登录名 %s 已被使用", "login %s is taken", o.Login, o.Login))
		}
		var held []roleView
		for _, r := range roles {
			r.OfficerID = o.ID
			if ref := authority.CheckRole(r.Role, r.AgencyID, all); ref != nil {
				return ref
			}
			if _, err := putRole(tx, r); err != nil {
				return err
			}
			held = append(held, roleView{r.AgencyID, string(r.Role)})
		}
		return writeAudit(tx, by, change{action: AuditOfficerCreated, target: o.ID, officer: row,
			after: officerView{Login: o.Login, Name: o.Name, AgencyID: o.AgencyID, Roles: held}})
	})
}

// officerView and roleView are what the audit log shows of an officer and
// a role.
type officerView struct {
	Login    string     `json:"login,omitempty"`
	Name     string     `json:"name,omitempty"`
	AgencyID string     `json:"agency_id,omitempty"`
	Roles    []roleView `json:"roles,omitempty"`
}

type roleView struct {
	AgencyID string `json:"agency_id"`
	Role     string `json:"role"`
}

// putRole assigns a role and reports whether the officer did not hold it.
func putRole(tx *gorm.DB, a RoleAssignment) (bool, error) {
	row := roleRow{OfficerID: a.OfficerID, AgencyID: a.AgencyID, Role: string(a.Role)}
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil {
		return false, fmt.Errorf("assign %s to %s at %s: %w", a.Role, a.OfficerID, a.AgencyID, res.Error)
	}
	return res.RowsAffected > 0, nil
}

// AssignRole gives an existing officer a role at an existing agency,
// audited as made by by; assigning it twice is harmless (and audited once).
func (s *Store) AssignRole(ctx context.Context, a RoleAssignment, by Actor) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		all, err := agencyMap(tx)
		if err != nil {
			return err
		}
		if r := authority.CheckRole(a.Role, a.AgencyID, all); r != nil {
			return r
		}
		o, err := officerRowOf(tx, a.OfficerID)
		if err != nil {
			return err
		}
		added, err := putRole(tx, a)
		if err != nil || !added {
			return err
		}
		return writeAudit(tx, by, change{action: AuditRoleAssigned, target: o.ID, officer: o, roleAgencyID: a.AgencyID,
			after: roleView{a.AgencyID, string(a.Role)}})
	})
}

// RemoveRole takes a role away, audited as made by by; ErrNotFound if the
// officer does not hold it.
func (s *Store) RemoveRole(ctx context.Context, a RoleAssignment, by Actor) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Where("officer_id = ? AND agency_id = ? AND role = ?", a.OfficerID, a.AgencyID, string(a.Role)).Delete(&roleRow{})
		if res.Error != nil {
			return fmt.Errorf("remove %s of %s at %s: %w", a.Role, a.OfficerID, a.AgencyID, res.Error)
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("role %s of %s at %s: %w", a.Role, a.OfficerID, a.AgencyID, ErrNotFound)
		}
		o, err := officerRowOf(tx, a.OfficerID)
		if err != nil {
			return err
		}
		return writeAudit(tx, by, change{action: AuditRoleRemoved, target: o.ID, officer: o, roleAgencyID: a.AgencyID,
			before: roleView{a.AgencyID, string(a.Role)}})
	})
}

// RenameOfficer changes an officer's name, audited as made by by.
func (s *Store) RenameOfficer(ctx context.Context, id, name string, by Actor) (Officer, error) {
	if r := authority.CheckText("name", name, true, 100); r != nil {
		return Officer{}, r
	}
	var out Officer
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := officerRowOf(tx, id)
		if err != nil {
			return err
		}
		if o.Name == name {
			return refuse("invalid_input", "没有要修改的内容", "nothing to change")
		}
		if err := tx.Model(&officerRow{}).Where("id = ?", id).Update("name", name).Error; err != nil {
			return fmt.Errorf("rename officer %s: %w", id, err)
		}
		before := o.Name
		o.Name = name
		out = officerFromRow(o)
		return writeAudit(tx, by, change{action: AuditOfficerUpdated, target: id, officer: o,
			before: officerView{Name: before}, after: officerView{Name: name}})
	})
	return out, err
}

// Why sessions were ended by an administrator's act.
const (
	RevokedOfficerDisabled = "officer-disabled"
	RevokedByAdmin         = "ended-by-admin"
	RevokedPasswordReset   = "password-reset"
)

// DisableOfficer disables an officer for reason, audited as made by by: in
// the same transaction every live session of theirs ends, so that their
// tokens are refused from the next request. Their roles, certificates and
// history stay. Disabling a disabled officer is a conflict.
func (s *Store) DisableOfficer(ctx context.Context, id, reason string, by Actor, at time.Time) (Officer, error) {
	if r := authority.CheckReason(reason, true); r != nil {
		return Officer{}, r
	}
	at = at.UTC()
	var out Officer
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := officerRowOf(tx, id)
		if err != nil {
			return err
		}
		res := tx.Model(&officerRow{}).Where("id = ? AND disabled_at IS NULL", id).
			Updates(map[string]any{"disabled_at": at, "disabled_reason": reason})
		if res.Error != nil {
			return fmt.Errorf("disable officer %s: %w", id, res.Error)
		}
		if res.RowsAffected == 0 {
			return conflict("officer_status", "%s 已停用", "%s is disabled already", o.Name, id)
		}
		ended, err := revokeSessions(tx, id, RevokedOfficerDisabled, at)
		if err != nil {
			return fmt.Errorf("end sessions of %s: %w", id, err)
		}
		o.DisabledAt, o.DisabledReason = &at, reason
		out = officerFromRow(o)
		return writeAudit(tx, by, change{action: AuditOfficerDisabled, target: id, officer: o, reason: reason,
			before: accountState{}, after: accountState{Disabled: true, SessionsEnded: &ended}})
	})
	return out, err
}

// EnableOfficer lets a disabled officer log in again, audited as made by
// by; reason may be empty. Enabling an officer who is not disabled is a
// conflict.
func (s *Store) EnableOfficer(ctx context.Context, id, reason string, by Actor) (Officer, error) {
	if r := authority.CheckReason(reason, false); r != nil {
		return Officer{}, r
	}
	var out Officer
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := officerRowOf(tx, id)
		if err != nil {
			return err
		}
		res := tx.Model(&officerRow{}).Where("id = ? AND disabled_at IS NOT NULL", id).
			Updates(map[string]any{"disabled_at": nil, "disabled_reason": ""})
		if res.Error != nil {
			return fmt.Errorf("enable officer %s: %w", id, res.Error)
		}
		if res.RowsAffected == 0 {
			return conflict("officer_status", "%s 未被停用", "%s is not disabled", o.Name, id)
		}
		before := accountState{Disabled: true, DisabledReason: o.DisabledReason}
		o.DisabledAt, o.DisabledReason = nil, ""
		out = officerFromRow(o)
		return writeAudit(tx, by, change{action: AuditOfficerEnabled, target: id, officer: o, reason: reason,
			before: before, after: accountState{}})
	})
	return out, err
}

// accountState is what the audit log shows of an officer's account.
type accountState struct {
	Disabled           bool   `json:"disabled"`
	DisabledReason     string `json:"disabled_reason,omitempty"`
	MustChangePassword bool   `json:"must_change_password,omitempty"`
	SessionsEnded      *int64 `json:"sessions_ended,omitempty"`
}

// EndSessions ends every live session of the officer, audited as made by
// by, and returns how many it ended.
func (s *Store) EndSessions(ctx context.Context, id string, by Actor, at time.Time) (int64, error) {
	var ended int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := officerRowOf(tx, id)
		if err != nil {
			return err
		}
		if ended, err = revokeSessions(tx, id, RevokedByAdmin, at); err != nil {
			return fmt.Errorf("end sessions of %s: %w", id, err)
		}
		return writeAudit(tx, by, change{action: AuditSessionsEnded, target: id, officer: o,
			after: accountState{Disabled: o.DisabledAt != nil, SessionsEnded: &ended}})
	})
	return ended, err
}

// ResetPassword sets a one-time password (hash must already be a hash) that
// the officer must change at their next login, ends every session of
// theirs and audits it as made by by (never the password). It returns how
// many sessions it ended.
func (s *Store) ResetPassword(ctx context.Context, id, hash string, by Actor, at time.Time) (int64, error) {
	var ended int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := officerRowOf(tx, id)
		if err != nil {
			return err
		}
		if err := tx.Model(&officerRow{}).Where("id = ?", id).
			Updates(map[string]any{"password_hash": hash, "must_change_password": true}).Error; err != nil {
			return fmt.Errorf("reset password of %s: %w", id, err)
		}
		if ended, err = revokeSessions(tx, id, RevokedPasswordReset, at); err != nil {
			return fmt.Errorf("end sessions of %s: %w", id, err)
		}
		return writeAudit(tx, by, change{action: AuditPasswordReset, target: id, officer: o,
			before: accountState{Disabled: o.DisabledAt != nil, MustChangePassword: o.MustChangePassword},
			after:  accountState{Disabled: o.DisabledAt != nil, MustChangePassword: true, SessionsEnded: &ended}})
	})
	return ended, err
}

// OfficerFilter narrows an officer listing.
type OfficerFilter struct {
	AgencyIDs []string // required: the home agencies listed
	Limit     int
	Offset    int
}

// OfficersAt lists the officers whose home agency is one of f.AgencyIDs,
// by login, and the total matching.
func (s *Store) OfficersAt(ctx context.Context, f OfficerFilter) ([]Officer, int64, error) {
	q := s.db.WithContext(ctx).Model(&officerRow{}).Where("agency_id IN ?", f.AgencyIDs)
	return pageOf(q, "login", f.Limit, f.Offset, "officers", officerFromRow)
}
