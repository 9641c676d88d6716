package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/internal/casefile"
)

// Notifications tell officers of their deadlines: a warning at a deadline's
// warn-at to the officers responsible for its step, and when it is overdue
// the same officers, the heads of the case's agency and the managers of the
// agency above it. A scanner (NotifyDeadlines) finds the deadlines whose
// moment has come; each deadline row carries the mark of the notices
// already given, so the scanner reads only what is still to be told, through
// partial indexes that hold nothing else.

// notificationTables are migrated by Migrate.
var notificationTables = []any{&notificationRow{}, &webhookRow{}, &deliveryRow{}}

// Kinds of notification.
const (
	NoticeWarning = "deadline-warning"
	NoticeOverdue = "deadline-overdue"
)

// Why an officer is told.
const (
	ReasonResponsible = "responsible" // an open task of the step is theirs
	ReasonHead        = "head"        // a head of the case's agency
	ReasonSupervisor  = "supervisor"  // a manager of the agency above the case's
)

// noticeKind is a kind of notice with the deadlines still to be told of it:
// pending is the condition of its partial index, at the column whose moment
// must have passed, mark the column set once told.
type noticeKind struct {
	kind, pending, at, mark string
}

// The pending conditions are written with literals, not parameters: SQLite
// and PostgreSQL use a partial index only for a query that repeats its
// condition.
var noticeKinds = []noticeKind{
	{NoticeWarning, "warned_at IS NULL AND state = 'open' AND party_window = false AND paused_at IS NULL", "warn_at", "warned_at"},
	{NoticeOverdue, "escalated_at IS NULL AND state IN ('open', 'overdue') AND party_window = false AND paused_at IS NULL", "due_at", "escalated_at"},
}

// noticeColumns are the scanner's marks on a deadline row: Record keeps them
// while the moment they mark stays, and clears one when it moves (an
// extension, a pause), so the new moment is told again.
var noticeColumns = []string{"warned_at", "escalated_at"}

// keepNotices is the upsert of a recorded deadline as to the marks.
var keepNotices = []clause.Assignment{
	{Column: clause.Column{Name: "warned_at"}, Value: gorm.Expr("CASE WHEN deadlines.warn_at = excluded.warn_at THEN deadlines.warned_at END")},
	{Column: clause.Column{Name: "escalated_at"}, Value: gorm.Expr("CASE WHEN deadlines.due_at = excluded.due_at THEN deadlines.escalated_at END")},
}

// pendingIndex is the partial index of the deadlines still to be told of k.
func (k noticeKind) pendingIndex() string { return "idx_deadlines_" + k.mark + "_pending" }

// pendingNotices is the table to read the deadlines still to be told of k
// from. SQLite without statistics (ANALYZE) would rather read every open
// deadline through the index on state, so it is told which index to use.
func (s *Store) pendingNotices(k noticeKind) string {
	if s.Dialect() == "sqlite" {
		return "deadlines INDEXED BY " + k.pendingIndex()
	}
	return "deadlines"
}

// partialIndexes are created by Migrate after the tables.
func partialIndexes() []string {
	out := []string{
		"CREATE INDEX IF NOT EXISTS idx_notifications_unread ON notifications (officer_id) WHERE read_at IS NULL",
		"CREATE INDEX IF NOT EXISTS idx_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending'",
	}
	for _, k := range noticeKinds {
		out = append(out, "CREATE INDEX IF NOT EXISTS "+k.pendingIndex()+" ON deadlines ("+k.at+", case_id, deadline_key) WHERE "+k.pending)
	}
	return out
}

// migrateNotices creates the partial indexes. When the marks are new to a
// database (introduced is true), a deadline that is no longer open is
// marked told: its case was dealt with, or is on the supervisors' overdue
// list already, and years of history must not reach the inboxes at once.
func migrateNotices(db *gorm.DB, introduced bool) error {
	for _, stmt := range partialIndexes() {
		if err := db.Exec(stmt).Error; err != nil {
			return fmt.Errorf("create index: %w", err)
		}
	}
	if !introduced {
		return nil
	}
	now := time.Now().UTC()
	return db.Model(&deadlineRow{}).Where("state <> ?", string(casefile.DeadlineOpen)).
		Updates(map[string]any{"warned_at": now, "escalated_at": now}).Error
}

type notificationRow struct {
	// An officer's notifications are listed newest first, by ID.
	ID int64 `gorm:"primaryKey;autoIncrement;index:idx_notifications_officer,priority:2"`
	// One notice of a kind per officer and deadline moment, whoever scans
	// and however often: the unique key makes inserting it again a no-op.
	OfficerID   string    `gorm:"size:64;not null;uniqueIndex:ux_notifications_once,priority:1;index:idx_notifications_officer,priority:1"`
	CaseID      string    `gorm:"size:64;not null;uniqueIndex:ux_notifications_once,priority:2"`
	DeadlineKey string    `gorm:"size:64;not null;uniqueIndex:ux_notifications_once,priority:3"`
	Kind        string    `gorm:"size:32;not null;uniqueIndex:ux_notifications_once,priority:4"`
	DueAt       time.Time `gorm:"not null;uniqueIndex:ux_notifications_once,priority:5"`
	OfficerName string    `gorm:"size:100;not null"`
	// OfficerAgencyID is the officer's home agency, whose webhook delivers it.
	OfficerAgencyID string `gorm:"size:64;not null"`
	Reason          string `gorm:"size:16;not null"`
	CaseNumber      string `gorm:"size:100"`
	AgencyID        string `gorm:"size:64;not null"` // the case's agency
	Step            string `gorm:"size:32;not null"`
	Title           string `gorm:"size:200"`
	Basis           string `gorm:"size:100"`
	DueDate         string `gorm:"size:10"`
	Message         string `gorm:"size:1000;not null"`
	CreatedAt       time.Time
	ReadAt          *time.Time
}

func (notificationRow) TableName() string { return "notifications" }

// Notification is what an officer is told of a deadline.
type Notification struct {
	ID          int64      `json:"id"`
	OfficerID   string     `json:"officer_id"`
	OfficerName string     `json:"officer_name"`
	Kind        string     `json:"kind"`
	Reason      string     `json:"reason"`
	CaseID      string     `json:"case_id"`
	CaseNumber  string     `json:"case_number"`
	AgencyID    string     `json:"agency_id"`
	DeadlineKey string     `json:"deadline_key"`
	Step        string     `json:"step"`
	Title       string     `json:"title"`
	Basis       string     `json:"basis"`
	DueDate     string     `json:"due_date"`
	DueAt       time.Time  `json:"due_at"`
	Message     string     `json:"message"`
	CreatedAt   time.Time  `json:"created_at"`
	ReadAt      *time.Time `json:"read_at,omitempty"`
}

func notificationFromRow(r notificationRow) Notification {
	return Notification{ID: r.ID, OfficerID: r.OfficerID, OfficerName: r.OfficerName, Kind: r.Kind, Reason: r.Reason,
		CaseID: r.CaseID, CaseNumber: r.CaseNumber, AgencyID: r.AgencyID, DeadlineKey: r.DeadlineKey, Step: r.Step,
		Title: r.Title, Basis: r.Basis, DueDate: r.DueDate, DueAt: r.DueAt, Message: r.Message, CreatedAt: r.CreatedAt, ReadAt: r.ReadAt}
}

// noticeMessage is a notice's text, in Chinese and English. A deadline's
// title is "中文 / English".
func noticeMessage(kind string, d deadlineRow) string {
	zh, en, found := strings.Cut(d.Title, " / ")
	if !found {
		en = zh
	}
	if kind == NoticeOverdue {
		return fmt.Sprintf("案件 %s「%s」期限已于 %s 届满，已逾期（%s） / case %s: %s was due on %s and is overdue (%s)",
			d.CaseNumber, zh, d.DueDate, d.Basis, d.CaseNumber, en, d.DueDate, d.Basis)
	}
	return fmt.Sprintf("案件 %s「%s」期限将于 %s 届满（%s） / case %s: %s is due on %s (%s)",
		d.CaseNumber, zh, d.DueDate, d.Basis, d.CaseNumber, en, d.DueDate, d.Basis)
}

// noticeBatch is how many deadlines the scanner reads at a time;
// noticePasses bounds the batches of one scan, so a scan ends even if a
// batch could not be marked.
const (
	noticeBatch  = 200
	noticePasses = 50
)

// NotifyDeadlines gives the notices due at now: a warning for each open,
// running deadline whose warn-at has passed (none once it is past due: the
// overdue notice says more), an overdue notice for each deadline past due.
// Each notice is stored once per officer and deadline moment, and queued
// for the webhook of the officer's agency, in the transaction that marks
// the deadline told; running it twice, or in two processes at once, tells
// no one twice. It returns how many notices it stored.
func (s *Store) NotifyDeadlines(ctx context.Context, now time.Time) (int, error) {
	now = now.UTC()
	created := 0
	for _, k := range noticeKinds {
		for range noticePasses {
			var rows []deadlineRow
			err := s.db.WithContext(ctx).Table(s.pendingNotices(k)).Where(k.pending+" AND "+k.at+" <= ?", now).
				Order(k.at + ", case_id, deadline_key").Limit(noticeBatch).Find(&rows).Error
			if err != nil {
				return created, fmt.Errorf("deadlines to notify: %w", err)
			}
			n, err := s.notify(ctx, k, rows, now)
			created += n
			if err != nil {
				return created, err
			}
			if len(rows) < noticeBatch {
				break
			}
		}
	}
	return created, nil
}

// notify stores the notices of kind k for deadlines and marks them told.
func (s *Store) notify(ctx context.Context, k noticeKind, deadlines []deadlineRow, now time.Time) (int, error) {
	if len(deadlines) == 0 {
		return 0, nil
	}
	created := 0
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		refs := make([]deadlineRef, len(deadlines))
		for i, d := range deadlines {
			refs[i] = deadlineRef{caseID: d.CaseID, agencyID: d.AgencyID, dueAt: d.DueAt}
		}
		who, err := recipients(tx, refs, k.kind == NoticeOverdue)
		if err != nil {
			return err
		}
		var hooked []string
		if err := tx.Model(&webhookRow{}).Pluck("agency_id", &hooked).Error; err != nil {
			return fmt.Errorf("webhooks: %w", err)
		}
		for i, d := range deadlines {
			if k.kind == NoticeWarning && !now.Before(d.DueAt) {
				who[i] = nil // past due already: the overdue notice tells
			}
			for _, r := range who[i] {
				row := notificationRow{OfficerID: r.OfficerID, CaseID: d.CaseID, DeadlineKey: d.Key, Kind: k.kind, DueAt: d.DueAt,
					OfficerName: r.Name, OfficerAgencyID: r.agencyID, Reason: r.reason, CaseNumber: d.CaseNumber,
					AgencyID: d.AgencyID, Step: d.Step, Title: d.Title, Basis: d.Basis, DueDate: d.DueDate,
					Message: noticeMessage(k.kind, d), CreatedAt: now}
				res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
				if res.Error != nil {
					return fmt.Errorf("notify %s of %s/%s: %w", r.OfficerID, d.CaseID, d.Key, res.Error)
				}
				if res.RowsAffected == 0 {
					continue // told already
				}
				created++
				if slices.Contains(hooked, r.agencyID) {
					if err := tx.Create(&deliveryRow{NotificationID: row.ID, AgencyID: r.agencyID, State: DeliveryPending,
						NextAttemptAt: now, CreatedAt: now}).Error; err != nil {
						return fmt.Errorf("queue webhook delivery: %w", err)
					}
				}
			}
			// The moment must still have passed: a deadline moved meanwhile
			// is left for the next scan.
			if err := tx.Model(&deadlineRow{}).Where("case_id = ? AND deadline_key = ? AND "+k.mark+" IS NULL AND "+k.at+" <= ?",
				d.CaseID, d.Key, now).Update(k.mark, now).Error; err != nil {
				return fmt.Errorf("mark deadline %s/%s: %w", d.CaseID, d.Key, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("notify %s: %w", k.kind, err)
	}
	return created, nil
}

// Person names an officer.
type Person struct {
	OfficerID string `json:"officer_id"`
	Name      string `json:"name"`
}

// recipient is an officer to tell, with their home agency and why.
type recipient struct {
	Person
	agencyID string
	reason   string
}

// deadlineRef is what finding a deadline's people needs of it.
type deadlineRef struct {
	caseID, agencyID string
	dueAt            time.Time
}

type agencyRole struct {
	agencyID string
	role     casefile.Role
}

// recipients finds, for each deadline, the officers responsible for its
// step: those of the case's open tasks due when the deadline is (every open
// task of the case when none is), an officer named on a task or everyone
// holding the task's role at its agency. With escalate, the heads
// (head, principal-head) of the case's agency and the managers of the agency
// above it follow. Disabled officers are left out; each officer is named
// once, for the first reason.
func recipients(tx *gorm.DB, ds []deadlineRef, escalate bool) ([][]recipient, error) {
	caseIDs := make([]string, 0, len(ds))
	for _, d := range ds {
		caseIDs = append(caseIDs, d.caseID)
	}
	var tasks []taskRow
	if err := tx.Where("open = ? AND case_id IN ?", true, uniq(caseIDs)).Order("case_id, task_key, assignee").Find(&tasks).Error; err != nil {
		return nil, fmt.Errorf("open tasks: %w", err)
	}
	byCase := map[string][]taskRow{}
	for _, t := range tasks {
		byCase[t.CaseID] = append(byCase[t.CaseID], t)
	}
	steps := make([][]taskRow, len(ds))
	var assignees []string
	var pairs []agencyRole
	for i, d := range ds {
		for _, t := range byCase[d.caseID] {
			if t.DueAt != nil && t.DueAt.Equal(d.dueAt) {
				steps[i] = append(steps[i], t)
			}
		}
		if len(steps[i]) == 0 {
			steps[i] = byCase[d.caseID]
		}
		for _, t := range steps[i] {
			if t.Assignee != "" {
				assignees = append(assignees, t.Assignee)
			} else {
				pairs = append(pairs, agencyRole{t.AgencyID, casefile.Role(t.Role)})
			}
		}
	}
	parents := map[string]string{}
	if escalate {
		var agencies []agencyRow
		if err := tx.Where("id IN ?", uniq(caseAgencies(ds))).Find(&agencies).Error; err != nil {
			return nil, fmt.Errorf("agencies: %w", err)
		}
		for _, a := range agencies {
			parents[a.ID] = a.ParentID
			pairs = append(pairs, agencyRole{a.ID, casefile.RoleHead}, agencyRole{a.ID, casefile.RolePrincipalHead})
			if a.ParentID != "" {
				pairs = append(pairs, agencyRole{a.ParentID, casefile.RoleManager})
			}
		}
	}
	named, err := activeOfficers(tx, assignees)
	if err != nil {
		return nil, err
	}
	holders, err := roleHolders(tx, pairs)
	if err != nil {
		return nil, err
	}
	out := make([][]recipient, len(ds))
	for i, d := range ds {
		var list []recipient
		add := func(o officerRow, reason string) {
			if !slices.ContainsFunc(list, func(r recipient) bool { return r.OfficerID == o.ID }) {
				list = append(list, recipient{Person{o.ID, o.Name}, o.AgencyID, reason})
			}
		}
		for _, t := range steps[i] {
			if t.Assignee != "" {
				if o, ok := named[t.Assignee]; ok {
					add(o, ReasonResponsible)
				}
				continue
			}
			for _, o := range holders[agencyRole{t.AgencyID, casefile.Role(t.Role)}] {
				add(o, ReasonResponsible)
			}
		}
		if escalate {
			for _, role := range []casefile.Role{casefile.RoleHead, casefile.RolePrincipalHead} {
				for _, o := range holders[agencyRole{d.agencyID, role}] {
					add(o, ReasonHead)
				}
			}
			if p := parents[d.agencyID]; p != "" {
				for _, o := range holders[agencyRole{p, casefile.RoleManager}] {
					add(o, ReasonSupervisor)
				}
			}
		}
		out[i] = list
	}
	return out, nil
}

func caseAgencies(ds []deadlineRef) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.agencyID
	}
	return out
}

// activeOfficers are the officers of ids who are not disabled, by ID.
func activeOfficers(tx *gorm.DB, ids []string) (map[string]officerRow, error) {
	out := map[string]officerRow{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []officerRow
	if err := tx.Where("id IN ? AND disabled_at IS NULL", uniq(ids)).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("officers: %w", err)
	}
	for _, r := range rows {
		out[r.ID] = r
	}
	return out, nil
}

// roleHolders are the officers, not disabled, holding each role at each
// agency of pairs, in the order of their IDs.
func roleHolders(tx *gorm.DB, pairs []agencyRole) (map[agencyRole][]officerRow, error) {
	out := map[agencyRole][]officerRow{}
	if len(pairs) == 0 {
		return out, nil
	}
	var agencies, roles []string
	for _, p := range pairs {
		agencies, roles = append(agencies, p.agencyID), append(roles, string(p.role))
	}
	var rows []struct {
		ID, Name, AgencyID string // the officer's
		RoleAgencyID, Role string
	}
	// A superset (every role of pairs at every agency of pairs), narrowed below.
	err := tx.Table("role_assignments r").Select("o.id, o.name, o.agency_id, r.agency_id AS role_agency_id, r.role").
		Joins("JOIN officers o ON o.id = r.officer_id").
		Where("r.agency_id IN ? AND r.role IN ? AND o.disabled_at IS NULL", uniq(agencies), uniq(roles)).
		Order("o.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("role holders: %w", err)
	}
	for _, r := range rows {
		k := agencyRole{r.RoleAgencyID, casefile.Role(r.Role)}
		if slices.Contains(pairs, k) {
			out[k] = append(out[k], officerRow{ID: r.ID, Name: r.Name, AgencyID: r.AgencyID})
		}
	}
	return out, nil
}

// uniq is ss sorted, without repeats.
func uniq(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return slices.Compact(out)
}

// responsiblePeople are the officers responsible for each listed deadline.
func responsiblePeople(db *gorm.DB, views []DeadlineView) error {
	if len(views) == 0 {
		return nil
	}
	refs := make([]deadlineRef, len(views))
	for i, v := range views {
		refs[i] = deadlineRef{caseID: v.CaseID, agencyID: v.AgencyID, dueAt: v.DueAt}
	}
	who, err := recipients(db, refs, false)
	if err != nil {
		return err
	}
	for i := range views {
		views[i].Responsible = []Person{}
		for _, r := range who[i] {
			views[i].Responsible = append(views[i].Responsible, r.Person)
		}
	}
	return nil
}

// NotificationFilter selects an officer's notifications: newest first,
// those before the ID Before (0: from the newest), at most Limit.
type NotificationFilter struct {
	OfficerID  string
	Before     int64
	UnreadOnly bool
	Limit      int
}

// Notifications lists an officer's notifications, newest first.
func (s *Store) Notifications(ctx context.Context, f NotificationFilter) ([]Notification, error) {
	q := s.db.WithContext(ctx).Where("officer_id = ?", f.OfficerID)
	if f.Before > 0 {
		q = q.Where("id < ?", f.Before)
	}
	if f.UnreadOnly {
		q = q.Where("read_at IS NULL")
	}
	var rows []notificationRow
	if err := q.Order("id DESC").Limit(cmp.Or(f.Limit, 50)).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("notifications of %s: %w", f.OfficerID, err)
	}
	out := make([]Notification, len(rows))
	for i, r := range rows {
		out[i] = notificationFromRow(r)
	}
	return out, nil
}

// UnreadNotifications counts an officer's unread notifications.
func (s *Store) UnreadNotifications(ctx context.Context, officerID string) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&notificationRow{}).Where("officer_id = ? AND read_at IS NULL", officerID).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("unread notifications of %s: %w", officerID, err)
	}
	return n, nil
}

// MarkNotificationRead marks one of the officer's notifications read (a
// read one keeps its first reading) and returns it; ErrNotFound if the
// officer has no notification of that ID.
func (s *Store) MarkNotificationRead(ctx context.Context, officerID string, id int64, at time.Time) (Notification, error) {
	var row notificationRow
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&notificationRow{}).Where("id = ? AND officer_id = ? AND read_at IS NULL", id, officerID).
			Update("read_at", at.UTC()).Error; err != nil {
			return err
		}
		return first(tx.Where("id = ? AND officer_id = ?", id, officerID), &row)
	})
	if err != nil {
		return Notification{}, fmt.Errorf("read notification %d: %w", id, err)
	}
	return notificationFromRow(row), nil
}

// MarkAllNotificationsRead marks the officer's unread notifications read,
// up to the ID upTo (0: all), and tells how many.
func (s *Store) MarkAllNotificationsRead(ctx context.Context, officerID string, upTo int64, at time.Time) (int64, error) {
	q := s.db.WithContext(ctx).Model(&notificationRow{}).Where("officer_id = ? AND read_at IS NULL", officerID)
	if upTo > 0 {
		q = q.Where("id <= ?", upTo)
	}
	res := q.Update("read_at", at.UTC())
	if res.Error != nil {
		return 0, fmt.Errorf("read all notifications of %s: %w", officerID, res.Error)
	}
	return res.RowsAffected, nil
}
