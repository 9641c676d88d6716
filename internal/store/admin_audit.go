package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/policies"
)

// auditRow is one entry of the administration audit log: who changed what,
// when (the server's clock), why, and the target before and after, as JSON.
// Every administrative change writes one in the transaction that makes the
// change: role assignments, officers (created, renamed, disabled, enabled),
// sessions ended and passwords set, certificates, and the permission lines.
//
// The table is the one that held the permission lines' audit alone, and
// keeps its name and columns so that existing entries stay where they are:
// officer_id is the actor, and role, scope, object, act, cert and version
// describe a permission-line change ("" and 0 for the others).
type auditRow struct {
	Seq             int64     `gorm:"primaryKey;autoIncrement"`
	At              time.Time `gorm:"not null;index"`
	ActorID         string    `gorm:"column:officer_id;size:64;not null"`
	ActorName       string    `gorm:"size:100;not null;default:''"`
	Change          string    `gorm:"size:32;not null"`
	Target          string    `gorm:"size:200;not null;default:''"` // an officer ID, a certificate number or a permission line
	TargetOfficerID string    `gorm:"size:64;not null;default:'';index"`
	AgencyID        string    `gorm:"size:64;not null;default:'';index"` // the target officer's home agency, or the agency of a rule pack
	RoleAgencyID    string    `gorm:"size:64;not null;default:''"`       // for a role change, the agency of the role
	Reason          string    `gorm:"size:500;not null;default:''"`
	Before          string    `gorm:"type:text"`
	After           string    `gorm:"type:text"`
	Role            string    `gorm:"size:100;not null"`
	Scope           string    `gorm:"size:100;not null"`
	Object          string    `gorm:"size:100;not null"`
	Act             string    `gorm:"size:100;not null"`
	Cert            string    `gorm:"size:100;not null"`
	Version         int64     `gorm:"not null"`
}

func (auditRow) TableName() string { return "policy_audit" }

func (r auditRow) line() policies.Rule {
	return policies.Rule{Role: casefile.Role(r.Role), Scope: policies.Scope(r.Scope), Object: policies.Object(r.Object),
		Act: casefile.Act(r.Act), Cert: policies.Requirement(r.Cert)}
}

// Kinds of administrative change in the audit log, besides the
// permission-line changes (PolicySeeded, PolicyAdded, PolicyRemoved, shown
// in AuditEntry.Action with a "policy-" prefix).
const (
	AuditRoleAssigned          = "role-assigned"
	AuditRoleRemoved           = "role-removed"
	AuditOfficerCreated        = "officer-created"
	AuditOfficerUpdated        = "officer-updated"
	AuditOfficerDisabled       = "officer-disabled"
	AuditOfficerEnabled        = "officer-enabled"
	AuditSessionsEnded         = "sessions-ended"
	AuditPasswordReset         = "password-reset"
	AuditPasswordChanged       = "password-changed"
	AuditCertificateCreated    = "certificate-created"
	AuditCertificateImported   = "certificate-imported"
	AuditCertificateUpdated    = "certificate-updated"
	AuditCertificateSuspended  = "certificate-suspended"
	AuditCertificateRevoked    = "certificate-revoked"
	AuditCertificateReinstated = "certificate-reinstated"
	AuditRulesSaved            = "rules-saved"
	AuditQualificationSet      = "legal-qualification-set"
	AuditQualificationCleared  = "legal-qualification-cleared"
)

// AuditEntry is one administrative change, as the audit log shows it.
type AuditEntry struct {
	Seq       int64     `json:"seq"`
	At        time.Time `json:"at"`
	ActorID   string    `json:"actor_id"`
	ActorName string    `json:"actor_name,omitempty"`
	Action    string    `json:"action"`
	// Target is what changed: an officer ID, a certificate number, or a
	// permission line as policy.csv spells it.
	Target    string `json:"target"`
	OfficerID string `json:"officer_id,omitempty"` // the officer concerned
	AgencyID  string `json:"agency_id,omitempty"`  // that officer's home agency, or the agency of a rule pack
	// RoleAgencyID is, for a role change, the agency where the role is held.
	RoleAgencyID string          `json:"role_agency_id,omitempty"`
	Reason       string          `json:"reason,omitempty"`
	Before       json.RawMessage `json:"before,omitempty"`
	After        json.RawMessage `json:"after,omitempty"`
}

func auditFromRow(r auditRow) AuditEntry {
	e := AuditEntry{Seq: r.Seq, At: r.At, ActorID: r.ActorID, ActorName: r.ActorName, Action: r.Change, Target: r.Target,
		OfficerID: r.TargetOfficerID, AgencyID: r.AgencyID, RoleAgencyID: r.RoleAgencyID, Reason: r.Reason}
	if r.Before != "" {
		e.Before = json.RawMessage(r.Before)
	}
	if r.After != "" {
		e.After = json.RawMessage(r.After)
	}
	for _, c := range policyChanges {
		if r.Change != c {
			continue
		}
		e.Action = "policy-" + c
		line := r.line()
		if e.Target == "" {
			e.Target = line.String()
		}
		if b, err := json.Marshal(line); err == nil && c == PolicyRemoved {
			e.Before = b
		} else if err == nil {
			e.After = b
		}
	}
	return e
}

// change is an administrative change to record: its kind, the officer it
// concerns and the target before and after (marshalled to JSON; nil is
// left out).
type change struct {
	action       string
	target       string
	officer      officerRow // the officer concerned; zero for none
	agencyID     string     // the agency concerned when no officer is (a rule pack's)
	roleAgencyID string
	reason       string
	before       any
	after        any
}

// writeAudit appends c to the audit log, as made by by now, in tx.
func writeAudit(tx *gorm.DB, by Actor, c change) error {
	row := auditRow{At: now(), ActorID: by.ID, ActorName: by.Name, Change: c.action, Target: c.target,
		TargetOfficerID: c.officer.ID, AgencyID: cmp.Or(c.officer.AgencyID, c.agencyID), RoleAgencyID: c.roleAgencyID, Reason: c.reason}
	for _, v := range []struct {
		dst *string
		val any
	}{{&row.Before, c.before}, {&row.After, c.after}} {
		if v.val == nil {
			continue
		}
		b, err := json.Marshal(v.val)
		if err != nil {
			return fmt.Errorf("audit %s: %w", c.action, err)
		}
		*v.dst = string(b)
	}
	if err := tx.Create(&row).Error; err != nil {
		return fmt.Errorf("audit %s of %s: %w", c.action, c.target, err)
	}
	return nil
}

// officerRowOf reads the officer a change concerns, in tx; ErrNotFound if
// there is none.
func officerRowOf(tx *gorm.DB, id string) (officerRow, error) {
	var r officerRow
	if err := first(tx.Where("id = ?", id), &r); err != nil {
		return r, fmt.Errorf("officer %s: %w", id, err)
	}
	return r, nil
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	// AgencyIDs are the agencies whose entries are listed: those about an
	// officer of one of them, or about a role held at one of them.
	AgencyIDs []string
	// Policy lists the permission-line changes too.
	Policy    bool
	OfficerID string // only the entries about this officer
	Limit     int
	Offset    int
}

// AuditLog lists the administrative changes f selects, newest first, and
// how many there are in all.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, int64, error) {
	db := s.db.WithContext(ctx)
	scope := db.Where("1 = 0")
	if len(f.AgencyIDs) > 0 {
		scope = scope.Or("change NOT IN ? AND (agency_id IN ? OR role_agency_id IN ?)", policyChanges, f.AgencyIDs, f.AgencyIDs)
	}
	if f.Policy {
		scope = scope.Or("change IN ?", policyChanges)
	}
	q := db.Model(&auditRow{}).Where(scope)
	if f.OfficerID != "" {
		q = q.Where("target_officer_id = ?", f.OfficerID)
	}
	return pageOf(q, "seq DESC", f.Limit, f.Offset, "audit log", auditFromRow)
}
