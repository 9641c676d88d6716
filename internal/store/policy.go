package store

import (
	"context"
	"fmt"
	"time"

	gormadapter "github.com/casbin/gorm-adapter/v3"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/policies"
)

// The permission lines (role → what it may do) live in the casbin_rule table
// of github.com/casbin/gorm-adapter, read and written through the adapter;
// policies/policy.csv fills it when it is empty. Role assignments and the
// agency tree are not there: they stay in role_assignments and agencies.
//
// policy_version holds one number that every change to anything a decision
// depends on increments (a permission line, and, through
// BumpPolicyVersion, role assignments and the agency tree): each API process
// polls it and rebuilds its enforcer when it moves. Every change to the
// permission lines is audited in the administration audit log (auditRow,
// admin_audit.go), beside every other administrative change; nothing
// updates or deletes its rows.

// policyTables are migrated by Migrate.
var policyTables = []any{&casbinRuleRow{}, &policyVersionRow{}, &auditRow{}}

// casbinRuleRow is gormadapter.CasbinRule with the unique index the adapter
// would add when it migrates the table itself; we migrate it with the other
// tables, so that PostgreSQL and SQLite get the same schema from Migrate and
// the adapter never alters a table at run time.
type casbinRuleRow struct {
	ID    uint   `gorm:"primaryKey;autoIncrement"`
	Ptype string `gorm:"size:100;uniqueIndex:idx_casbin_rule,priority:1"`
	V0    string `gorm:"size:100;uniqueIndex:idx_casbin_rule,priority:2"`
	V1    string `gorm:"size:100;uniqueIndex:idx_casbin_rule,priority:3"`
	V2    string `gorm:"size:100;uniqueIndex:idx_casbin_rule,priority:4"`
	V3    string `gorm:"size:100;uniqueIndex:idx_casbin_rule,priority:5"`
	V4    string `gorm:"size:100;uniqueIndex:idx_casbin_rule,priority:6"`
	V5    string `gorm:"size:100;uniqueIndex:idx_casbin_rule,priority:7"`
}

func (casbinRuleRow) TableName() string { return gormadapter.CasbinRule{}.TableName() }

// policyVersionRow is the single row (ID 1) holding the policy version.
type policyVersionRow struct {
	ID        int   `gorm:"primaryKey;autoIncrement:false"`
	Version   int64 `gorm:"not null"`
	UpdatedAt time.Time
}

func (policyVersionRow) TableName() string { return "policy_version" }

// Kinds of PolicyChange.
const (
	PolicySeeded  = "seeded"  // filled from policy.csv into an empty table
	PolicyAdded   = "added"   // added by an administrator
	PolicyRemoved = "removed" // removed by an administrator
)

// policyChanges are the audit log's kinds of change to a permission line.
var policyChanges = []string{PolicySeeded, PolicyAdded, PolicyRemoved}

// SeededBy is the OfficerID of the changes that filled an empty table from
// policy.csv.
const SeededBy = "policy.csv"

// PolicyChange is one entry of the audit of permission lines.
type PolicyChange struct {
	Seq       int64         `json:"seq"`
	At        time.Time     `json:"at"`
	OfficerID string        `json:"officer_id"`
	Change    string        `json:"change"` // seeded, added, removed
	Line      policies.Rule `json:"line"`
	Version   int64         `json:"version"` // the policy version the change made
}

// ErrPolicyLineExists is returned when adding a permission line that is
// already there; it is the policies package's sentinel, so that the policy
// lifecycle recognises it without knowing the store.
var ErrPolicyLineExists = policies.ErrRuleExists

const ptypeP = "p"

// policyAdapter is the casbin GORM adapter over db (the store's handle or a
// transaction). The table comes from Migrate, so the adapter's own
// migration is turned off.
func policyAdapter(ctx context.Context, db *gorm.DB) (*gormadapter.Adapter, error) {
	db = db.WithContext(ctx) // a session of our own: TurnOffAutoMigrate changes it in place
	gormadapter.TurnOffAutoMigrate(db)
	a, err := gormadapter.NewAdapterByDB(db)
	if err != nil {
		return nil, fmt.Errorf("casbin adapter: %w", err)
	}
	return a, nil
}

// PolicyRules returns the permission lines, in the order they were added,
// as the casbin adapter loads them into the access model.
func (s *Store) PolicyRules(ctx context.Context) ([]policies.Rule, error) {
	a, err := policyAdapter(ctx, s.db)
	if err != nil {
		return nil, err
	}
	m, err := policies.NewModel()
	if err != nil {
		return nil, err
	}
	if err := a.LoadPolicyCtx(ctx, m); err != nil {
		return nil, fmt.Errorf("load permission lines: %w", err)
	}
	lines, err := m.GetPolicy("p", ptypeP)
	if err != nil {
		return nil, fmt.Errorf("load permission lines: %w", err)
	}
	out := make([]policies.Rule, 0, len(lines))
	for _, l := range lines {
		r, err := policies.RuleFromLine(l)
		if err != nil {
			return nil, fmt.Errorf("load permission lines: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// PolicyVersion returns the current policy version (0 before any change).
func (s *Store) PolicyVersion(ctx context.Context) (int64, error) {
	var rows []policyVersionRow
	if err := s.db.WithContext(ctx).Where("id = 1").Limit(1).Find(&rows).Error; err != nil {
		return 0, fmt.Errorf("read policy version: %w", err)
	}
	if len(rows) == 0 {
		return 0, nil
	}
	return rows[0].Version, nil
}

// PolicySnapshot returns everything a decision depends on: the permission
// lines, the agency tree and the role assignments, at the policy version
// read before them, so that a change committed while it reads moves the
// version again and is picked up by the next poll.
func (s *Store) PolicySnapshot(ctx context.Context) (policies.Snapshot, error) {
	var snap policies.Snapshot
	var err error
	if snap.Version, err = s.PolicyVersion(ctx); err != nil {
		return snap, err
	}
	if snap.Rules, err = s.PolicyRules(ctx); err != nil {
		return snap, err
	}
	agencies, err := s.Agencies(ctx)
	if err != nil {
		return snap, err
	}
	for _, a := range agencies {
		if a.ParentID != "" {
			snap.Tree = append(snap.Tree, policies.AgencyLink{Child: a.ID, Parent: a.ParentID})
		}
	}
	roles, err := s.Roles(ctx, "")
	if err != nil {
		return snap, err
	}
	for _, r := range roles {
		snap.Assignments = append(snap.Assignments, policies.Assignment{Officer: r.OfficerID, Role: r.Role, Agency: r.AgencyID})
	}
	return snap, nil
}

// The store is where the policy lifecycle keeps the permission lines.
var _ policies.Store = (*Store)(nil)

// BumpPolicyVersion increments the policy version, so that every API
// process rebuilds its enforcer; call it after changing role assignments or
// the agency tree. It returns the new version.
func (s *Store) BumpPolicyVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		v, err = bumpPolicyVersion(tx)
		return err
	})
	return v, err
}

// lockPolicyVersion makes sure the version row exists and takes its row
// lock (on PostgreSQL; SQLite has one writer anyway) until tx ends, so that
// changes to the permission lines happen one at a time.
func lockPolicyVersion(tx *gorm.DB) error {
	row := policyVersionRow{ID: 1, UpdatedAt: time.Now().UTC()}
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
		return fmt.Errorf("create policy version: %w", err)
	}
	if err := tx.Exec("UPDATE policy_version SET version = version WHERE id = 1").Error; err != nil {
		return fmt.Errorf("lock policy version: %w", err)
	}
	return nil
}

func bumpPolicyVersion(tx *gorm.DB) (int64, error) {
	if err := lockPolicyVersion(tx); err != nil {
		return 0, err
	}
	if err := tx.Model(&policyVersionRow{}).Where("id = 1").
		Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": time.Now().UTC()}).Error; err != nil {
		return 0, fmt.Errorf("bump policy version: %w", err)
	}
	var row policyVersionRow
	if err := tx.Where("id = 1").First(&row).Error; err != nil {
		return 0, fmt.Errorf("read policy version: %w", err)
	}
	return row.Version, nil
}

func hasPolicyLine(tx *gorm.DB, r policies.Rule) (bool, error) {
	var n int64
	err := tx.Model(&casbinRuleRow{}).
		Where("ptype = ? AND v0 = ? AND v1 = ? AND v2 = ? AND v3 = ? AND v4 = ? AND v5 = ''",
			ptypeP, r.Role, r.Scope, r.Object, r.Act, r.Cert).
		Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("look up permission line: %w", err)
	}
	return n > 0, nil
}

func audit(officerID, change string, r policies.Rule, version int64, at time.Time) auditRow {
	return auditRow{At: at, ActorID: officerID, Change: change, Role: string(r.Role), Scope: string(r.Scope),
		Object: string(r.Object), Act: string(r.Act), Cert: string(r.Cert), Version: version, Target: r.String()}
}

// SeedPolicyRules fills the permission lines with rules if there are none,
// audited as seeded by policy.csv, and reports whether it did. Several
// processes starting at once seed once.
func (s *Store) SeedPolicyRules(ctx context.Context, rules []policies.Rule) (bool, error) {
	seeded := false
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockPolicyVersion(tx); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&casbinRuleRow{}).Where("ptype = ?", ptypeP).Count(&n).Error; err != nil {
			return fmt.Errorf("count permission lines: %w", err)
		}
		if n > 0 || len(rules) == 0 {
			return nil
		}
		a, err := policyAdapter(ctx, tx)
		if err != nil {
			return err
		}
		lines := make([][]string, len(rules))
		for i, r := range rules {
			lines[i] = r.Line()
		}
		if err := a.AddPolicies(ptypeP, ptypeP, lines); err != nil {
			return fmt.Errorf("seed permission lines: %w", err)
		}
		v, err := bumpPolicyVersion(tx)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		rows := make([]auditRow, len(rules))
		for i, r := range rules {
			rows[i] = audit(SeededBy, PolicySeeded, r, v, now)
		}
		if err := tx.CreateInBatches(rows, 200).Error; err != nil {
			return fmt.Errorf("audit seeded permission lines: %w", err)
		}
		seeded = true
		return nil
	})
	return seeded, err
}

// AddPolicyRule adds a permission line on behalf of officerID, audits it and
// increments the policy version, all in one transaction; it returns the new
// version, or ErrPolicyLineExists.
func (s *Store) AddPolicyRule(ctx context.Context, officerID string, r policies.Rule) (int64, error) {
	return s.changePolicyRule(ctx, officerID, PolicyAdded, r)
}

// RemovePolicyRule removes a permission line on behalf of officerID, audits
// it and increments the policy version, all in one transaction; it returns
// the new version, or ErrNotFound.
func (s *Store) RemovePolicyRule(ctx context.Context, officerID string, r policies.Rule) (int64, error) {
	return s.changePolicyRule(ctx, officerID, PolicyRemoved, r)
}

func (s *Store) changePolicyRule(ctx context.Context, officerID, change string, r policies.Rule) (int64, error) {
	var version int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		// The version first: its row lock makes concurrent changes wait,
		// so the look-up below stays true until commit.
		v, err := bumpPolicyVersion(tx)
		if err != nil {
			return err
		}
		exists, err := hasPolicyLine(tx, r)
		if err != nil {
			return err
		}
		a, err := policyAdapter(ctx, tx)
		if err != nil {
			return err
		}
		switch {
		case change == PolicyAdded && exists:
			return ErrPolicyLineExists
		case change == PolicyAdded:
			err = a.AddPolicyCtx(ctx, ptypeP, ptypeP, r.Line())
		case !exists:
			return ErrNotFound
		default:
			err = a.RemovePolicyCtx(ctx, ptypeP, ptypeP, r.Line())
		}
		if err != nil {
			return fmt.Errorf("%s permission line: %w", change, err)
		}
		row := audit(officerID, change, r, v, time.Now().UTC())
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("audit permission line: %w", err)
		}
		version = v
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", change, r, err)
	}
	return version, nil
}

// PolicyAudit returns changes to the permission lines, newest first, and
// how many there are in all.
func (s *Store) PolicyAudit(ctx context.Context, limit, offset int) ([]PolicyChange, int64, error) {
	q := s.db.WithContext(ctx).Model(&auditRow{}).Where("change IN ?", policyChanges)
	return pageOf(q, "seq DESC", limit, offset, "policy audit", func(r auditRow) PolicyChange {
		return PolicyChange{Seq: r.Seq, At: r.At, OfficerID: r.ActorID, Change: r.Change, Version: r.Version, Line: r.line()}
	})
}
