package store

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/policies"
)

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// checkOfficer checks a new officer's login (which is also their ID) and name.
func checkOfficer(o Officer) *Refusal {
	if !loginPattern.MatchString(o.Login) {
		return refuse("invalid_input", "登录名须为 2–64 个小写字母、数字或 . _ -，并以字母或数字开头：%q",
			"login must be 2–64 lowercase letters, digits or . _ -, starting with a letter or digit: %q", o.Login, o.Login)
	}
	if slices.Contains(policies.Roles, policies.Role(o.Login)) {
		return refuse("invalid_input", "登录名不能与角色同名：%s", "login may not be a role name: %s", o.Login, o.Login)
	}
	return checkText("name", o.Name, true, 100)
}

// CheckPassword refuses an initial password that is too short, or longer than
// bcrypt can hash.
func CheckPassword(pw string) *Refusal {
	switch {
	case utf8.RuneCountInString(pw) < 8:
		return refuse("invalid_input", "密码至少 8 个字符", "the password must be at least 8 characters")
	case len(pw) > 72:
		return refuse("invalid_input", "密码不能超过 72 个字节", "the password must be at most 72 bytes")
	}
	return nil
}

// checkRole checks a role assignment's role and that its agency exists.
func checkRole(a RoleAssignment, all map[string]Agency) *Refusal {
	if !slices.Contains(policies.Roles, a.Role) {
		return refuse("invalid_input", "未知的角色：%q", "unknown role: %q", a.Role, a.Role)
	}
	if _, ok := all[a.AgencyID]; !ok {
		return refuse("invalid_input", "机关不存在：%s", "no such agency: %s", a.AgencyID, a.AgencyID)
	}
	return nil
}

// CreateOfficer adds a person who logs in (their ID is their login) with
// the roles given, in one transaction. PasswordHash must already be a hash.
func (s *Store) CreateOfficer(ctx context.Context, o Officer, roles []RoleAssignment) error {
	o.ID = o.Login
	if r := checkOfficer(o); r != nil {
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
		if err := tx.Create(&officerRow{ID: o.ID, Login: o.Login, Name: o.Name, PasswordHash: o.PasswordHash, AgencyID: o.AgencyID}).Error; err != nil {
			return taken(fmt.Errorf("create officer %s: %w", o.Login, err),
				conflict("login_taken", "登录名 %s 已被使用", "login %s is taken", o.Login, o.Login))
		}
		for _, r := range roles {
			r.OfficerID = o.ID
			if ref := checkRole(r, all); ref != nil {
				return ref
			}
			if err := putRole(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
}

func putRole(tx *gorm.DB, a RoleAssignment) error {
	row := roleRow{OfficerID: a.OfficerID, AgencyID: a.AgencyID, Role: string(a.Role)}
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		return fmt.Errorf("assign %s to %s at %s: %w", a.Role, a.OfficerID, a.AgencyID, err)
	}
	return nil
}

// AssignRole gives an existing officer a role at an existing agency;
// assigning it twice is harmless.
func (s *Store) AssignRole(ctx context.Context, a RoleAssignment) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		all, err := agencyMap(tx)
		if err != nil {
			return err
		}
		if r := checkRole(a, all); r != nil {
			return r
		}
		if err := first(tx.Where("id = ?", a.OfficerID), &officerRow{}); err != nil {
			return fmt.Errorf("officer %s: %w", a.OfficerID, err)
		}
		return putRole(tx, a)
	})
}

// RemoveRole takes a role away; ErrNotFound if the officer does not hold it.
func (s *Store) RemoveRole(ctx context.Context, a RoleAssignment) error {
	res := s.db.WithContext(ctx).Where("officer_id = ? AND agency_id = ? AND role = ?", a.OfficerID, a.AgencyID, string(a.Role)).
		Delete(&roleRow{})
	if res.Error != nil {
		return fmt.Errorf("remove %s of %s at %s: %w", a.Role, a.OfficerID, a.AgencyID, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("role %s of %s at %s: %w", a.Role, a.OfficerID, a.AgencyID, ErrNotFound)
	}
	return nil
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
