package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// documentTemplateRow is one version of an agency's template for a kind of
// document; the highest version is in force.
type documentTemplateRow struct {
	AgencyID  string `gorm:"primaryKey;size:64"`
	DocType   string `gorm:"primaryKey;size:32"`
	Version   int    `gorm:"primaryKey;autoIncrement:false"`
	Body      string `gorm:"type:text;not null"`
	SavedByID string `gorm:"size:64;not null"`
	SavedBy   string `gorm:"size:200;not null"`
	SavedAt   time.Time
}

func (documentTemplateRow) TableName() string { return "document_templates" }

// DocumentTemplate is a version of an agency's HTML template for a kind of
// document (执法文书), which provinces and agencies may adapt (SAMR-DOC).
type DocumentTemplate struct {
	AgencyID string `json:"agency_id"`
	DocType  string `json:"doc_type"`
	Version  int    `json:"version"`
	Template string `json:"template"`
	// SavedByID and SavedBy are the officer who saved it.
	SavedByID string    `json:"saved_by_id"`
	SavedBy   string    `json:"saved_by"`
	SavedAt   time.Time `json:"saved_at"`
}

func (r documentTemplateRow) template() DocumentTemplate {
	return DocumentTemplate{AgencyID: r.AgencyID, DocType: r.DocType, Version: r.Version, Template: r.Body,
		SavedByID: r.SavedByID, SavedBy: r.SavedBy, SavedAt: r.SavedAt.UTC()}
}

// SaveDocumentTemplate saves body as the next version of agency's template
// for docType; earlier versions are kept. Two saves at the same moment
// both stand, as consecutive versions: the one that finds its version
// taken saves again as the next.
func (s *Store) SaveDocumentTemplate(ctx context.Context, agencyID, docType, body string, by Actor, at time.Time) (DocumentTemplate, error) {
	var (
		row documentTemplateRow
		err error
	)
	for range maxSaveAttempts {
		row, err = s.saveDocumentTemplate(ctx, agencyID, docType, body, by, at)
		if !errors.Is(err, gorm.ErrDuplicatedKey) {
			break
		}
	}
	if err != nil {
		return DocumentTemplate{}, fmt.Errorf("save %s template of %s: %w", docType, agencyID, err)
	}
	return row.template(), nil
}

// maxSaveAttempts bounds the saves of a template that meet others.
const maxSaveAttempts = 20

func (s *Store) saveDocumentTemplate(ctx context.Context, agencyID, docType, body string, by Actor, at time.Time) (documentTemplateRow, error) {
	var row documentTemplateRow
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var last int
		if err := tx.Model(&documentTemplateRow{}).Where("agency_id = ? AND doc_type = ?", agencyID, docType).
			Select("COALESCE(MAX(version), 0)").Scan(&last).Error; err != nil {
			return err
		}
		row = documentTemplateRow{AgencyID: agencyID, DocType: docType, Version: last + 1, Body: body,
			SavedByID: by.ID, SavedBy: by.Name, SavedAt: at.UTC()}
		return tx.Create(&row).Error
	})
	return row, err
}

// DocumentTemplate is the version of agency's template for docType in
// force: its highest; ErrNotFound when the agency has none.
func (s *Store) DocumentTemplate(ctx context.Context, agencyID, docType string) (DocumentTemplate, error) {
	var row documentTemplateRow
	err := first(s.db.WithContext(ctx).Where("agency_id = ? AND doc_type = ?", agencyID, docType).Order("version DESC"), &row)
	if err != nil {
		return DocumentTemplate{}, fmt.Errorf("%s template of %s: %w", docType, agencyID, err)
	}
	return row.template(), nil
}
