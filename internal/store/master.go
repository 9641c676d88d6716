package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"cloud.google.com/go/civil"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
)

// Officer is a person who logs in: officer, reviewer, head, manager or admin.
type Officer struct {
	ID           string `json:"id"`
	Login        string `json:"login"`
	Name         string `json:"name"`
	AgencyID     string `json:"agency_id"`
	PasswordHash string `json:"-"`
	// Disabled is true while an administrator has disabled the officer
	// (since DisabledAt, for DisabledReason): they cannot log in or act.
	Disabled       bool       `json:"disabled"`
	DisabledAt     *time.Time `json:"disabled_at,omitempty"`
	DisabledReason string     `json:"disabled_reason,omitempty"`
	// MustChangePassword is true after an administrator set a one-time
	// password: the officer may only change it.
	MustChangePassword bool `json:"must_change_password"`
}

// RoleAssignment says an officer holds a role at an agency.
type RoleAssignment struct {
	OfficerID string        `json:"officer_id"`
	AgencyID  string        `json:"agency_id"`
	Role      casefile.Role `json:"role"`
}

// Agency, Certificate and PowerItem are authority's (see admin.go).

// PutAgency inserts or updates an agency.
func (s *Store) PutAgency(ctx context.Context, a Agency) error {
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(agencyToRow(a)).Error
}

// Agencies returns every agency.
func (s *Store) Agencies(ctx context.Context) ([]Agency, error) {
	var rows []agencyRow
	if err := s.db.WithContext(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list agencies: %w", err)
	}
	out := make([]Agency, len(rows))
	for i, r := range rows {
		out[i] = agencyFromRow(r)
	}
	return out, nil
}

// Agency returns one agency.
func (s *Store) Agency(ctx context.Context, id string) (Agency, error) {
	var r agencyRow
	if err := first(s.db.WithContext(ctx).Where("id = ?", id), &r); err != nil {
		return Agency{}, fmt.Errorf("agency %s: %w", id, err)
	}
	return agencyFromRow(r), nil
}

// PutOfficer inserts or updates an officer.
func (s *Store) PutOfficer(ctx context.Context, o Officer) error {
	row := officerRow{ID: o.ID, Login: o.Login, Name: o.Name, PasswordHash: o.PasswordHash, AgencyID: o.AgencyID,
		DisabledAt: o.DisabledAt, DisabledReason: o.DisabledReason, MustChangePassword: o.MustChangePassword}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error
}

// Officer returns one officer by ID.
func (s *Store) Officer(ctx context.Context, id string) (Officer, error) {
	var r officerRow
	if err := first(s.db.WithContext(ctx).Where("id = ?", id), &r); err != nil {
		return Officer{}, fmt.Errorf("officer %s: %w", id, err)
	}
	return officerFromRow(r), nil
}

// OfficerByLogin returns one officer by login name.
func (s *Store) OfficerByLogin(ctx context.Context, login string) (Officer, error) {
	var r officerRow
	if err := first(s.db.WithContext(ctx).Where("login = ?", login), &r); err != nil {
		return Officer{}, fmt.Errorf("officer %s: %w", login, err)
	}
	return officerFromRow(r), nil
}

// Officers returns the officers with the given IDs.
func (s *Store) Officers(ctx context.Context, ids []string) ([]Officer, error) {
	var rows []officerRow
	if err := s.db.WithContext(ctx).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list officers: %w", err)
	}
	out := make([]Officer, len(rows))
	for i, r := range rows {
		out[i] = officerFromRow(r)
	}
	return out, nil
}

func officerFromRow(r officerRow) Officer {
	return Officer{ID: r.ID, Login: r.Login, Name: r.Name, AgencyID: r.AgencyID, PasswordHash: r.PasswordHash,
		Disabled: r.DisabledAt != nil, DisabledAt: r.DisabledAt, DisabledReason: r.DisabledReason, MustChangePassword: r.MustChangePassword}
}

// PutRole assigns a role; assigning it twice is harmless.
func (s *Store) PutRole(ctx context.Context, a RoleAssignment) error {
	row := roleRow{OfficerID: a.OfficerID, AgencyID: a.AgencyID, Role: string(a.Role)}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error
}

// Roles returns role assignments: of one officer, or of everyone if officerID is empty.
func (s *Store) Roles(ctx context.Context, officerID string) ([]RoleAssignment, error) {
	q := s.db.WithContext(ctx).Order("officer_id, agency_id, role")
	if officerID != "" {
		q = q.Where("officer_id = ?", officerID)
	}
	var rows []roleRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	out := make([]RoleAssignment, len(rows))
	for i, r := range rows {
		out[i] = RoleAssignment{OfficerID: r.OfficerID, AgencyID: r.AgencyID, Role: casefile.Role(r.Role)}
	}
	return out, nil
}

// PutCertificate inserts or updates a certificate.
func (s *Store) PutCertificate(ctx context.Context, c Certificate) error {
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(certificateToRow(c)).Error
}

// CertificateOf returns the officer's certificate that ends last, or
// ErrNotFound if the officer holds none.
func (s *Store) CertificateOf(ctx context.Context, officerID string) (Certificate, error) {
	var r certificateRow
	if err := first(s.db.WithContext(ctx).Where("officer_id = ?", officerID).Order("valid_until DESC"), &r); err != nil {
		return Certificate{}, fmt.Errorf("certificate of %s: %w", officerID, err)
	}
	return certificateFromRow(r), nil
}

// PutPowerItem inserts or updates a power item.
func (s *Store) PutPowerItem(ctx context.Context, p PowerItem) error {
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(powerItemToRow(p)).Error
}

// PowerItem returns one power item.
func (s *Store) PowerItem(ctx context.Context, code string) (PowerItem, error) {
	var r powerItemRow
	if err := first(s.db.WithContext(ctx).Where("code = ?", code), &r); err != nil {
		return PowerItem{}, fmt.Errorf("power item %s: %w", code, err)
	}
	changes, err := powerItemChanges(s.db.WithContext(ctx), code)
	if err != nil {
		return PowerItem{}, err
	}
	return asOfToday(powerItemFromRow(r), changes), nil
}

// PowerItems returns the whole power list.
func (s *Store) PowerItems(ctx context.Context) ([]PowerItem, error) {
	var rows []powerItemRow
	if err := s.db.WithContext(ctx).Order("code").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list power items: %w", err)
	}
	changes, err := powerItemChanges(s.db.WithContext(ctx), "")
	if err != nil {
		return nil, err
	}
	byCode := map[string][]PowerItemChange{}
	for _, c := range changes {
		byCode[c.Code] = append(byCode[c.Code], c)
	}
	out := make([]PowerItem, len(rows))
	for i, r := range rows {
		out[i] = asOfToday(powerItemFromRow(r), byCode[r.Code])
	}
	return out, nil
}

// ImportCalendar replaces the holiday arrangement of the given years with
// entries, in one transaction: a year is either wholly the old arrangement or
// wholly the new one.
func (s *Store) ImportCalendar(ctx context.Context, entries []calendar.Entry, years []int) error {
	if _, err := calendar.New(entries, years); err != nil {
		return fmt.Errorf("import calendar: %w", err)
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, y := range years {
			if err := tx.Where("date >= ? AND date <= ?", fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y)).
				Delete(&calendarDayRow{}).Error; err != nil {
				return fmt.Errorf("clear calendar %d: %w", y, err)
			}
			row := calendarYearRow{Year: y, LoadedAt: time.Now().UTC()}
			if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
				return fmt.Errorf("mark calendar year %d: %w", y, err)
			}
		}
		for _, e := range entries {
			row := calendarDayRow{Date: e.Date.String(), Kind: string(e.Kind), Name: e.Name, Source: e.Source}
			if err := tx.Create(&row).Error; err != nil {
				return fmt.Errorf("store calendar day %s: %w", row.Date, err)
			}
		}
		return nil
	})
}

// calendarCache is the calendar last built, with the load times of its
// years: every import marks the years it replaces with a new load time, in
// the same transaction as their days (ImportCalendar), so the same load
// times mean the same days, whichever process imported them.
type calendarCache struct {
	mu       sync.Mutex
	loadedAt string
	built    *calendar.Calendar
}

// Calendar is the working-day calendar in the database. Every deadline
// computed reads it: it is built again only when a year's arrangement was
// imported since (a calendar holds hundreds of days; the years are a few
// rows).
func (s *Store) Calendar(ctx context.Context) (*calendar.Calendar, error) {
	var years []calendarYearRow
	if err := s.db.WithContext(ctx).Order("year").Find(&years).Error; err != nil {
		return nil, fmt.Errorf("load calendar years: %w", err)
	}
	var key strings.Builder
	for _, y := range years {
		fmt.Fprintf(&key, "%d@%d;", y.Year, y.LoadedAt.UnixNano())
	}
	s.calendar.mu.Lock()
	defer s.calendar.mu.Unlock()
	if s.calendar.built != nil && s.calendar.loadedAt == key.String() {
		return s.calendar.built, nil
	}
	cal, err := s.buildCalendar(ctx, years)
	if err != nil {
		return nil, err
	}
	s.calendar.loadedAt, s.calendar.built = key.String(), cal
	return cal, nil
}

// buildCalendar reads the special days of the loaded years.
func (s *Store) buildCalendar(ctx context.Context, years []calendarYearRow) (*calendar.Calendar, error) {
	var days []calendarDayRow
	if err := s.db.WithContext(ctx).Order("date").Find(&days).Error; err != nil {
		return nil, fmt.Errorf("load calendar days: %w", err)
	}
	ys := make([]int, len(years))
	for i, y := range years {
		ys[i] = y.Year
	}
	entries := make([]calendar.Entry, 0, len(days))
	for _, d := range days {
		date, err := civil.ParseDate(d.Date)
		if err != nil {
			return nil, fmt.Errorf("calendar day %q: %w", d.Date, err)
		}
		entries = append(entries, calendar.Entry{Date: date, Kind: calendar.Kind(d.Kind), Name: d.Name, Source: d.Source})
	}
	return calendar.New(entries, ys)
}

// NumberOnce gives owner the next value of the counter seq, once: asked
// again for the same owner it returns the value already given.
func (s *Store) NumberOnce(ctx context.Context, owner, seq string) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		n, err = numberOnce(tx, owner, seq)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("number %s from %s: %w", owner, seq, err)
	}
	return n, nil
}

// numberOnce is NumberOnce inside the transaction tx.
func numberOnce(tx *gorm.DB, owner, seq string) (int64, error) {
	var given counterRow
	err := tx.Where("name = ?", owner).Take(&given).Error
	if err == nil {
		return given.Value, nil
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, err
	}
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&counterRow{Name: seq, Value: 0}).Error; err != nil {
		return 0, err
	}
	if err := tx.Model(&counterRow{}).Where("name = ?", seq).Update("value", gorm.Expr("value + 1")).Error; err != nil {
		return 0, err
	}
	var r counterRow
	if err := tx.Where("name = ?", seq).First(&r).Error; err != nil {
		return 0, err
	}
	return r.Value, tx.Create(&counterRow{Name: owner, Value: r.Value}).Error
}

func first(q *gorm.DB, dest any) error {
	err := q.First(dest).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}
