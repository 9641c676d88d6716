package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
)

// certificateChangeRow is one line of a certificate's history: who changed
// what, when and why. Rows are only ever added.
type certificateChangeRow struct {
	ID         int64     `gorm:"primaryKey;autoIncrement"`
	Number     string    `gorm:"size:64;index;not null"`
	At         time.Time `gorm:"not null"`
	ActorID    string    `gorm:"size:64;not null"`
	ActorName  string    `gorm:"size:100"`
	Action     string    `gorm:"size:16;not null"`
	FromStatus string    `gorm:"size:16"`
	ToStatus   string    `gorm:"size:16;not null"`
	Reason     string    `gorm:"size:500"`
	Changes    string    `gorm:"type:text"` // JSON list of FieldChange
}

func (certificateChangeRow) TableName() string { return "certificate_history" }

// CertificateChange is one line of a certificate's history.
type CertificateChange struct {
	Number     string        `json:"number"`
	At         time.Time     `json:"at"`
	ActorID    string        `json:"actor_id"`
	ActorName  string        `json:"actor_name"`
	Action     string        `json:"action"` // created, imported, updated, suspended, revoked, reinstated
	FromStatus string        `json:"from_status,omitempty"`
	ToStatus   string        `json:"to_status"`
	Reason     string        `json:"reason,omitempty"`
	Changes    []FieldChange `json:"changes,omitempty"`
}

// CreateCertificate records a new certificate, valid, for an existing
// officer, with a "created" history line.
func (s *Store) CreateCertificate(ctx context.Context, c Certificate, by Actor, reason string) error {
	c.Status = CertificateValid
	if r := authority.CheckCertificate(c); r != nil {
		return r
	}
	if r := authority.CheckReason(reason, false); r != nil {
		return r
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := first(tx.Where("id = ?", c.OfficerID), &officerRow{}); err != nil {
			if errNotFound(err) {
				return refuse("invalid_input", "持证人不存在：%s", "no such officer: %s", c.OfficerID, c.OfficerID).On("officer_id")
			}
			return err
		}
		return createCertificate(tx, c, by, CertCreated, reason)
	})
}

func createCertificate(tx *gorm.DB, c Certificate, by Actor, action, reason string) error {
	var n int64
	if err := tx.Model(&certificateRow{}).Where("number = ?", c.Number).Count(&n).Error; err != nil {
		return fmt.Errorf("check certificate %s: %w", c.Number, err)
	}
	if n > 0 {
		return conflict("certificate_exists", "执法证号 %s 已存在", "certificate %s already exists", c.Number, c.Number)
	}
	if err := tx.Create(certificateToRow(c)).Error; err != nil {
		return taken(fmt.Errorf("create certificate %s: %w", c.Number, err),
			conflict("certificate_exists", "执法证号 %s 已存在", "certificate %s already exists", c.Number, c.Number))
	}
	return addCertificateHistory(tx, c, by, action, "", c.Status, reason, nil)
}

// addCertificateHistory records a change of certificate c (as it is after
// the change) in its history and in the audit log.
func addCertificateHistory(tx *gorm.DB, c Certificate, by Actor, action, from, to, reason string, changes []FieldChange) error {
	row := certificateChangeRow{Number: c.Number, At: now(), ActorID: by.ID, ActorName: by.Name, Action: action,
		FromStatus: from, ToStatus: to, Reason: reason}
	if len(changes) > 0 {
		b, err := json.Marshal(changes)
		if err != nil {
			return err
		}
		row.Changes = string(b)
	}
	if err := tx.Create(&row).Error; err != nil {
		return fmt.Errorf("certificate %s history: %w", c.Number, err)
	}
	holder, err := officerRowOf(tx, c.OfficerID)
	if err != nil {
		return err
	}
	ch := change{action: "certificate-" + action, target: c.Number, officer: holder, reason: reason}
	switch {
	case from == "":
		ch.after = certificateAudit{Number: c.Number, OfficerID: c.OfficerID, IssuedBy: c.IssuedBy, Fields: c.Fields, Region: c.Region,
			ValidFrom: authority.ShowDay(c.ValidFrom, false), ValidUntil: authority.ShowDay(c.ValidUntil, true), Status: c.Status}
	case len(changes) > 0:
		before, after := map[string]string{}, map[string]string{}
		for _, f := range changes {
			before[f.Field], after[f.Field] = f.From, f.To
		}
		ch.before, ch.after = before, after
	default:
		ch.before, ch.after = map[string]string{"status": from}, map[string]string{"status": to}
	}
	return writeAudit(tx, by, ch)
}

// certificateAudit is what the audit log shows of a new certificate.
type certificateAudit struct {
	Number     string   `json:"number"`
	OfficerID  string   `json:"officer_id"`
	IssuedBy   string   `json:"issued_by"`
	Fields     []string `json:"fields"`
	Region     string   `json:"region,omitempty"`
	ValidFrom  string   `json:"valid_from"`
	ValidUntil string   `json:"valid_until"`
	Status     string   `json:"status"`
}

// UpdateCertificate changes a certificate's issuer, fields, region or
// validity (after a review, 审验) and records what changed and why.
func (s *Store) UpdateCertificate(ctx context.Context, number string, u CertificateUpdate, by Actor, reason string) (Certificate, error) {
	if r := authority.CheckReason(reason, true); r != nil {
		return Certificate{}, r
	}
	var out Certificate
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row certificateRow
		if err := first(tx.Where("number = ?", number), &row); err != nil {
			return fmt.Errorf("certificate %s: %w", number, err)
		}
		old := certificateFromRow(row)
		if r := authority.CheckCertificateChange(old); r != nil {
			return r
		}
		c, changes := authority.ApplyCertificateUpdate(old, u)
		if len(changes) == 0 {
			return refuse("invalid_input", "没有要修改的内容", "nothing to change")
		}
		if r := authority.CheckCertificate(c); r != nil {
			return r
		}
		if err := writeCertificate(tx, c); err != nil {
			return err
		}
		out = c
		return addCertificateHistory(tx, c, by, CertUpdated, c.Status, c.Status, reason, changes)
	})
	return out, err
}

func writeCertificate(tx *gorm.DB, c Certificate) error {
	r := certificateToRow(c)
	if err := tx.Model(&certificateRow{}).Where("number = ?", c.Number).Updates(map[string]any{
		"issued_by": r.IssuedBy, "fields": r.Fields, "region": r.Region, "valid_from": r.ValidFrom, "valid_until": r.ValidUntil,
	}).Error; err != nil {
		return fmt.Errorf("update certificate %s: %w", c.Number, err)
	}
	return nil
}

// ChangeCertificateStatus suspends (暂扣), revokes (吊销/注销) or reinstates
// a certificate, with a reason, and records it. A revoked certificate stays
// revoked; only a suspended one can be reinstated.
func (s *Store) ChangeCertificateStatus(ctx context.Context, number, action, reason string, by Actor) (Certificate, error) {
	if r := authority.CheckReason(reason, true); r != nil {
		return Certificate{}, r
	}
	if _, _, ok := authority.StatusTransition(number, CertificateValid, action); !ok {
		return Certificate{}, fmt.Errorf("certificate status action %q", action)
	}
	var out Certificate
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row certificateRow
		if err := first(tx.Where("number = ?", number), &row); err != nil {
			return fmt.Errorf("certificate %s: %w", number, err)
		}
		to, r, _ := authority.StatusTransition(number, row.Status, action)
		if r != nil {
			return r
		}
		// The status it had is part of the condition, so two admins acting at
		// once cannot both succeed from the same state.
		res := tx.Model(&certificateRow{}).Where("number = ? AND status = ?", number, row.Status).Update("status", to)
		if res.Error != nil {
			return fmt.Errorf("certificate %s status: %w", number, res.Error)
		}
		if res.RowsAffected != 1 {
			return conflict("certificate_status", "执法证 %s 的状态刚被他人修改，请刷新后重试", "certificate %s changed meanwhile; reload and retry", number, number)
		}
		from := row.Status
		row.Status = to
		out = certificateFromRow(row)
		return addCertificateHistory(tx, out, by, action, from, to, reason, nil)
	})
	return out, err
}

// Certificate returns one certificate by number.
func (s *Store) Certificate(ctx context.Context, number string) (Certificate, error) {
	var r certificateRow
	if err := first(s.db.WithContext(ctx).Where("number = ?", number), &r); err != nil {
		return Certificate{}, fmt.Errorf("certificate %s: %w", number, err)
	}
	return certificateFromRow(r), nil
}

// CertificateHistory returns a certificate's history, oldest first.
func (s *Store) CertificateHistory(ctx context.Context, number string) ([]CertificateChange, error) {
	rows, err := certificateHistory(s.db.WithContext(ctx), []string{number})
	if err != nil {
		return nil, err
	}
	out := make([]CertificateChange, len(rows))
	for i, r := range rows {
		out[i] = CertificateChange{Number: r.Number, At: r.At, ActorID: r.ActorID, ActorName: r.ActorName, Action: r.Action,
			FromStatus: r.FromStatus, ToStatus: r.ToStatus, Reason: r.Reason}
		if r.Changes != "" {
			if err := json.Unmarshal([]byte(r.Changes), &out[i].Changes); err != nil {
				return nil, fmt.Errorf("certificate %s history %d: %w", number, r.ID, err)
			}
		}
	}
	return out, nil
}

func certificateHistory(q *gorm.DB, numbers []string) ([]certificateChangeRow, error) {
	var rows []certificateChangeRow
	if err := q.Where("number IN ?", numbers).Order("at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("certificate history: %w", err)
	}
	return rows, nil
}

// CertificateFilter narrows a certificate listing.
type CertificateFilter struct {
	AgencyIDs []string // required: the holders' home agencies listed
	OfficerID string
	Limit     int
	Offset    int
}

// Certificates lists the certificates of officers whose home agency is one
// of f.AgencyIDs, by number, and the total matching.
func (s *Store) Certificates(ctx context.Context, f CertificateFilter) ([]Certificate, int64, error) {
	q := s.db.WithContext(ctx).Model(&certificateRow{}).
		Where("officer_id IN (?)", s.db.Model(&officerRow{}).Select("id").Where("agency_id IN ?", f.AgencyIDs))
	if f.OfficerID != "" {
		q = q.Where("officer_id = ?", f.OfficerID)
	}
	return pageOf(q, "number", f.Limit, f.Offset, "certificates", certificateFromRow)
}

// CertificatesOf returns every certificate an officer holds, by number.
func (s *Store) CertificatesOf(ctx context.Context, officerID string) ([]Certificate, error) {
	var rows []certificateRow
	if err := s.db.WithContext(ctx).Where("officer_id = ?", officerID).Order("number").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("certificates of %s: %w", officerID, err)
	}
	out := make([]Certificate, len(rows))
	for i, r := range rows {
		out[i] = certificateFromRow(r)
	}
	return out, nil
}

// CertificateFor decides which of an officer's certificates lets them act in
// field at instant at (PL 42): each certificate with the status it had at
// that instant, by its history. It returns the state and the certificate
// that decided it (zero if the officer holds none).
func (s *Store) CertificateFor(ctx context.Context, officerID, field string, at time.Time) (casefile.Certificate, Certificate, error) {
	certs, err := s.CertificatesOf(ctx, officerID)
	if err != nil {
		return "", Certificate{}, err
	}
	if len(certs) == 0 {
		return casefile.CertNone, Certificate{}, nil
	}
	numbers := make([]string, len(certs))
	for i, c := range certs {
		numbers[i] = c.Number
	}
	hist, err := certificateHistory(s.db.WithContext(ctx), numbers)
	if err != nil {
		return "", Certificate{}, err
	}
	changes := make([]authority.StatusChange, len(hist))
	for i, h := range hist {
		changes[i] = authority.StatusChange{Number: h.Number, At: h.At, From: h.FromStatus, To: h.ToStatus}
	}
	for i := range certs {
		certs[i].Status = authority.StatusAt(certs[i], changes, at)
	}
	state, c := authority.ChooseCertificate(certs, field, at)
	return state, c, nil
}
