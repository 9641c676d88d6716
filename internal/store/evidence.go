package store

// Evidence files (证据文件) attached to cases: photos, audio and video
// recordings, scans. A row per file and case names the blob that holds the
// bytes (internal/blob, by SHA-256) and records what the rules ask of an
// audio-visual record (HB (八); SAMR 43–44): when and where it was taken,
// by whom, what it proves, the kind of evidence (PL 46), and who attached
// it when, by the server's clock. A case holds the same bytes once:
// attaching them again is the row already there, its record unchanged.
// Another case attaching the same bytes has a row of its own over the same
// blob.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// evidenceTables are migrated by Migrate.
var evidenceTables = []any{&evidenceFileRow{}}

type evidenceFileRow struct {
	CaseID       string    `gorm:"primaryKey;size:64"`
	SHA256       string    `gorm:"primaryKey;size:64;column:sha256"`
	Size         int64     `gorm:"not null"`
	ContentType  string    `gorm:"size:100;not null"`
	Name         string    `gorm:"size:255;not null"`
	Kind         string    `gorm:"size:16;not null"`
	CapturedAt   time.Time `gorm:"not null"`
	Place        string    `gorm:"size:500;not null"`
	Proves       string    `gorm:"size:2000;not null"`
	Description  string    `gorm:"type:text;not null"`
	Device       string    `gorm:"size:200;not null"`
	CollectedBy  string    `gorm:"type:text;not null"` // JSON: [{"id": …, "name": …}]
	UploadedBy   string    `gorm:"size:64;not null"`
	UploaderName string    `gorm:"size:100;not null"`
	UploadedAt   time.Time `gorm:"not null"`
	ActSeq       int       `gorm:"not null;default:0"` // 0: for no act in particular
}

func (evidenceFileRow) TableName() string { return "evidence_files" }

// OfficerRef names an officer as a record keeps them: ID and name at the
// time.
type OfficerRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// EvidenceFile is a file attached to a case with its record.
type EvidenceFile struct {
	CaseID      string `json:"case_id"`
	SHA256      string `json:"sha256"` // of the bytes, lowercase hex: the file's name in the blob store
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"` // as detected from the bytes, never as the uploader said
	Name        string `json:"name"`         // the name it was uploaded under
	// Kind is the kind of evidence (证据种类, PL 46): 书证, 物证, 视听资料,
	// 电子数据, 证人证言, 当事人陈述, 鉴定意见, 勘验笔录 or 现场笔录.
	Kind        string       `json:"kind"`
	CapturedAt  time.Time    `json:"captured_at"`  // 采集时间
	Place       string       `json:"place"`        // 采集地点
	CollectedBy []OfficerRef `json:"collected_by"` // 采集人: handling officers of the case
	Proves      string       `json:"proves"`       // 证明对象
	Description string       `json:"description,omitempty"`
	Device      string       `json:"device,omitempty"` // what took it, e.g. a body camera's number
	UploadedBy  OfficerRef   `json:"uploaded_by"`
	UploadedAt  time.Time    `json:"uploaded_at"` // the server's clock
	// ActSeq is the sequence number, in the case's record, of the act the
	// file records (e.g. the video of a seizure, HB (八)); 0 for none.
	ActSeq int `json:"act_seq,omitempty"`
}

// AttachEvidence records f on its case, uploaded now. When the case holds
// the same bytes already, nothing changes: it returns the record there and
// false.
func (s *Store) AttachEvidence(ctx context.Context, f EvidenceFile) (EvidenceFile, bool, error) {
	f.UploadedAt = time.Now()
	row, err := evidenceToRow(f)
	if err != nil {
		return EvidenceFile{}, false, err
	}
	res := s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil {
		return EvidenceFile{}, false, fmt.Errorf("attach evidence %s to %s: %w", f.SHA256, f.CaseID, res.Error)
	}
	if res.RowsAffected == 0 {
		kept, err := s.EvidenceFile(ctx, f.CaseID, f.SHA256)
		return kept, false, err
	}
	f, err = evidenceFromRow(row)
	return f, true, err
}

// EvidenceFiles lists a case's files in the order they were attached.
func (s *Store) EvidenceFiles(ctx context.Context, caseID string) ([]EvidenceFile, error) {
	var rows []evidenceFileRow
	if err := s.db.WithContext(ctx).Where("case_id = ?", caseID).Order("uploaded_at, sha256").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("evidence of %s: %w", caseID, err)
	}
	out := make([]EvidenceFile, len(rows))
	for i, r := range rows {
		f, err := evidenceFromRow(r)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// EvidenceFile is the case's file with the SHA-256 sum; ErrNotFound when
// the case holds no such file, whoever else does.
func (s *Store) EvidenceFile(ctx context.Context, caseID, sum string) (EvidenceFile, error) {
	var row evidenceFileRow
	err := s.db.WithContext(ctx).Where("case_id = ? AND sha256 = ?", caseID, sum).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return EvidenceFile{}, ErrNotFound
	} else if err != nil {
		return EvidenceFile{}, fmt.Errorf("evidence %s of %s: %w", sum, caseID, err)
	}
	return evidenceFromRow(row)
}

func evidenceToRow(f EvidenceFile) (evidenceFileRow, error) {
	collectors, err := json.Marshal(f.CollectedBy)
	if err != nil {
		return evidenceFileRow{}, fmt.Errorf("evidence %s: collectors: %w", f.SHA256, err)
	}
	return evidenceFileRow{CaseID: f.CaseID, SHA256: f.SHA256, Size: f.Size, ContentType: f.ContentType, Name: f.Name,
		Kind: f.Kind, CapturedAt: evidenceTime(f.CapturedAt), Place: f.Place, Proves: f.Proves, Description: f.Description,
		Device: f.Device, CollectedBy: string(collectors), UploadedBy: f.UploadedBy.ID, UploaderName: f.UploadedBy.Name,
		UploadedAt: evidenceTime(f.UploadedAt), ActSeq: f.ActSeq}, nil
}

// evidenceTime is t as the database keeps it, to the microsecond: what is
// returned on writing is what is read back.
func evidenceTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func evidenceFromRow(r evidenceFileRow) (EvidenceFile, error) {
	f := EvidenceFile{CaseID: r.CaseID, SHA256: r.SHA256, Size: r.Size, ContentType: r.ContentType, Name: r.Name,
		Kind: r.Kind, CapturedAt: r.CapturedAt.UTC(), Place: r.Place, Proves: r.Proves, Description: r.Description,
		Device: r.Device, UploadedBy: OfficerRef{ID: r.UploadedBy, Name: r.UploaderName}, UploadedAt: r.UploadedAt.UTC(), ActSeq: r.ActSeq}
	if err := json.Unmarshal([]byte(r.CollectedBy), &f.CollectedBy); err != nil {
		return EvidenceFile{}, fmt.Errorf("evidence %s of %s: collectors: %w", r.SHA256, r.CaseID, err)
	}
	return f, nil
}
