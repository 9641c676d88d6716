package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
)

// Record writes what one act changed, in one transaction. It is idempotent:
// the event is keyed by (case, seq) and written once; the case row only moves
// forward (a replayed older record does not overwrite a newer one); tasks and
// deadlines are upserts keyed by (case, key).
func (s *Store) Record(ctx context.Context, r casefile.Record) error {
	return s.RecordNumbered(ctx, r, nil)
}

// replaceUncommitted handles an event whose sequence number is taken. The
// same event again (a retried record) changes nothing. Another event at
// that number comes from a workflow task that ran again after its first
// run wrote its record but was never kept by the engine (its worker died,
// or the engine could not be reached as the task ended), and its rerun is
// later than the stored event: the first run's events, from that number
// on, never happened — the workflow's history,
// which the engine keeps, is the case — so they are replaced, and the
// chain continues from the events that did happen. The case row steps
// back to before them, so the act's changes are applied again.
func replaceUncommitted(tx *gorm.DB, ev eventRow) error {
	var stored eventRow
	if err := tx.Where("case_id = ? AND seq = ?", ev.CaseID, ev.Seq).Take(&stored).Error; err != nil {
		return fmt.Errorf("event %d: %w", ev.Seq, err)
	}
	if stored.Hash == ev.Hash {
		return nil
	}
	if stored.PrevHash != ev.PrevHash || !ev.At.After(stored.At) {
		// Not a rerun of the task that wrote it: the record before it
		// differs, or it is the first run's record arriving after the
		// rerun's (a rerun is always later).
		return fmt.Errorf("event %d of %s: %w: another event has its place", ev.Seq, ev.CaseID, ErrRecordRefused)
	}
	if err := tx.Where("case_id = ? AND seq >= ?", ev.CaseID, ev.Seq).Delete(&eventRow{}).Error; err != nil {
		return fmt.Errorf("event %d: %w", ev.Seq, err)
	}
	if err := tx.Create(&ev).Error; err != nil {
		return fmt.Errorf("event %d: %w", ev.Seq, err)
	}
	return tx.Model(&caseRow{}).Where("id = ? AND last_seq >= ?", ev.CaseID, ev.Seq).Update("last_seq", ev.Seq-1).Error
}

// Numbering lists the document numbers an act issues, as (owner, seq)
// counter pairs for NumberOnce, from the case's snapshot after the act.
type Numbering func(c casefile.Summary, act string, snapshot json.RawMessage) ([][2]string, error)

// RecordNumbered is Record, and allocates in the same transaction the
// numbers of the documents the act issues: an act is never on record
// without its document's number, nor a number given without its act.
func (s *Store) RecordNumbered(ctx context.Context, r casefile.Record, numbering Numbering) error {
	now := time.Now().UTC()
	var remember func() // how the committed record moves the case's recent entry on
	var open []taskRow  // the case's open tasks after the act
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var after string // the snapshot after the act
		ev := r.Event
		evRow := eventRow{CaseID: r.Case.ID, Seq: ev.Seq, Act: ev.Act, ActorID: ev.ActorID, ActorName: ev.ActorName,
			Certificate: ev.Certificate, At: ev.At.UTC(), Summary: ev.Summary, Data: string(ev.Data), OccurredAt: ev.OccurredAt, LateReason: ev.LateReason, PrevHash: ev.PrevHash, Hash: ev.Hash}
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&evRow)
		if res.Error != nil {
			return fmt.Errorf("event %d: %w", ev.Seq, res.Error)
		}
		replaced := res.RowsAffected == 0
		if replaced {
			if err := replaceUncommitted(tx, evRow); err != nil {
				return err
			}
		}

		if len(r.Snapshot) > 0 {
			// The whole case is given: written as it is, unless this act
			// is already recorded (a retry after a commit whose answer was
			// lost changes nothing).
			after = string(r.Snapshot)
			res := tx.Model(&caseRow{}).Where("id = ? AND last_seq < ?", r.Case.ID, ev.Seq).Updates(map[string]any{
				"stage": r.Case.Stage, "closed": r.Case.Closed, "party_name": r.Case.PartyName, "late_entries": r.Case.LateEntries,
				"snapshot": after, "last_seq": ev.Seq, "updated_at": ev.At.UTC(),
			})
			if res.Error != nil {
				return fmt.Errorf("case row: %w", res.Error)
			}
			if res.RowsAffected == 0 {
				var n int64
				if err := tx.Model(&caseRow{}).Where("id = ?", r.Case.ID).Count(&n).Error; err != nil {
					return fmt.Errorf("case row: %w", err)
				}
				if n > 0 {
					return nil // recorded before
				}
				row := newCaseRow(r, after)
				if err := tx.Create(row).Error; err != nil {
					return fmt.Errorf("case row: %w", err)
				}
				if !replaced && ev.Seq == 1 {
					remember = func() { s.recent.opened(*row, eventFromRow(evRow), open) }
				}
			} else if !replaced {
				remember = func() {
					s.recent.recorded(caseRow{ID: r.Case.ID, Stage: r.Case.Stage, Closed: r.Case.Closed, PartyName: r.Case.PartyName,
						LateEntries: r.Case.LateEntries, Snapshot: after, UpdatedAt: ev.At.UTC()}, eventFromRow(evRow), open)
				}
			}
			if touchesPublication(r.Changes) {
				if err := projectPublication(tx, r.Case.ID, after, ev.At); err != nil {
					return err
				}
			}
			// The tasks open before the act are known when this process
			// recorded the event before (recent.go), unless that event
			// was just replaced.
			var before []taskRow
			known := false
			if !replaced {
				before, known = s.recent.openTasks(r.Case.ID, ev.Seq-1)
			}
			var err error
			open, err = recordRest(tx, r, numbering, after, now, before, known)
			return err
		}

		var current caseRow
		err := tx.Where("id = ?", r.Case.ID).Take(&current).Error
		switch {
		case err == gorm.ErrRecordNotFound:
			snapshot, err := patched("", r.Changes)
			if err != nil {
				return err
			}
			after = snapshot
			if err := tx.Create(newCaseRow(r, snapshot)).Error; err != nil {
				return fmt.Errorf("case row: %w", err)
			}
			if touchesPublication(r.Changes) {
				if err := projectPublication(tx, r.Case.ID, snapshot, ev.At); err != nil {
					return err
				}
			}
		case err != nil:
			return fmt.Errorf("case row: %w", err)
		case current.LastSeq >= ev.Seq:
			// This act is already recorded (the whole record is one
			// transaction): a retry changes nothing, and its snapshot
			// changes must not be applied twice.
			return nil
		default:
			snapshot, err := patched(current.Snapshot, r.Changes)
			if err != nil {
				return err
			}
			after = snapshot
			if err := tx.Model(&caseRow{}).Where("id = ?", r.Case.ID).Updates(map[string]any{
				"stage": r.Case.Stage, "closed": r.Case.Closed, "party_name": r.Case.PartyName, "late_entries": r.Case.LateEntries,
				"snapshot": snapshot, "last_seq": ev.Seq, "updated_at": ev.At.UTC(),
			}).Error; err != nil {
				return fmt.Errorf("case row: %w", err)
			}
			// The public record follows the acts that publish, change or
			// withdraw a decision (publication.go), and only those.
			if touchesPublication(r.Changes) {
				if err := projectPublication(tx, r.Case.ID, snapshot, ev.At); err != nil {
					return err
				}
			}
		}

		_, err = recordRest(tx, r, numbering, after, now, nil, false)
		return err
	})
	s.recent.recording.Store(true)
	if err != nil {
		s.recent.forget(r.Case.ID)
		return fmt.Errorf("record case %s event %d: %w", r.Case.ID, r.Event.Seq, err)
	}
	if remember != nil {
		remember()
	} else {
		s.recent.forget(r.Case.ID)
	}
	return nil
}

// newCaseRow is the case's row as its first event creates it.
func newCaseRow(r casefile.Record, snapshot string) *caseRow {
	at := r.Event.At.UTC()
	return &caseRow{ID: r.Case.ID, Number: r.Case.Number, Procedure: r.Case.Procedure, AgencyID: r.Case.AgencyID,
		PowerItemCode: r.Case.PowerItemCode, PartyName: r.Case.PartyName, LinkedCase: r.Case.LinkedCase, Stage: r.Case.Stage, Closed: r.Case.Closed,
		LateEntries: r.Case.LateEntries, Snapshot: snapshot, LastSeq: r.Event.Seq, CreatedAt: at, UpdatedAt: at}
}

// recordRest writes what an act's record holds besides its event and its
// case row: the document numbers it issues, its deadlines and its tasks.
// The case's open tasks before the act are before when known, else read;
// it returns those open after it.
func recordRest(tx *gorm.DB, r casefile.Record, numbering Numbering, after string, now time.Time, before []taskRow, known bool) ([]taskRow, error) {
	ev := r.Event
	if numbering != nil {
		issued, err := numbering(r.Case, ev.Act, json.RawMessage(after))
		if err != nil {
			return nil, fmt.Errorf("document numbers: %w", err)
		}
		for _, n := range issued {
			if _, err := numberOnce(tx, n[0], n[1]); err != nil {
				return nil, fmt.Errorf("document number %s: %w", n[0], err)
			}
		}
	}

	for _, d := range r.Deadlines {
		row := deadlineRow{CaseID: r.Case.ID, Key: d.Key, CaseNumber: r.Case.Number, AgencyID: r.Case.AgencyID,
			Step: d.Step, Title: d.Title, Basis: d.Basis, Unit: string(d.Unit), Amount: d.Amount, Window: d.Window,
			StartAt: d.StartAt.UTC(), DueDate: d.DueDate, DueAt: d.DueAt.UTC(), WarnAt: d.WarnAt.UTC(),
			State: string(d.State), MetAt: utcPtr(d.MetAt), OverdueAt: utcPtr(d.OverdueAt), PausedAt: utcPtr(d.PausedAt)}
		if err := tx.Omit(noticeColumns...).Clauses(clause.OnConflict{UpdateAll: true, DoUpdates: keepNotices}).Create(&row).Error; err != nil {
			return nil, fmt.Errorf("deadline %s: %w", d.Key, err)
		}
	}

	// The tasks open before the act: one still open and unchanged is
	// left as it is; the others are written or closed.
	if !known {
		if err := tx.Where("case_id = ? AND open = ?", r.Case.ID, true).Find(&before).Error; err != nil {
			return nil, fmt.Errorf("open tasks: %w", err)
		}
	}
	open := make([]string, 0, len(r.Tasks))
	stillOpen := make([]taskRow, 0, len(r.Tasks))
	for _, t := range r.Tasks {
		open = append(open, t.Key+"\x00"+t.Assignee)
		row := taskRow{CaseID: r.Case.ID, Key: t.Key, Assignee: t.Assignee, CaseNumber: r.Case.Number,
			AgencyID: r.Case.AgencyID, Kind: t.Kind, Role: t.Role, Acts: strings.Join(t.Acts, ","), Title: t.Title,
			Open: true, DueAt: utcPtr(t.DueAt), CreatedAt: ev.At.UTC()}
		stillOpen = append(stillOpen, row)
		if slices.ContainsFunc(before, row.sameOpenTask) {
			continue
		}
		if err := tx.Clauses(clause.OnConflict{
			Columns: []clause.Column{{Name: "case_id"}, {Name: "task_key"}, {Name: "assignee"}},
			// A task that comes back (e.g. investigation after a returned
			// review) waits from its return, not from its first opening.
			DoUpdates: append(clause.AssignmentColumns([]string{"acts", "title", "due_at", "open", "done_at"}),
				clause.Assignment{Column: clause.Column{Name: "created_at"},
					Value: gorm.Expr("CASE WHEN tasks.open THEN tasks.created_at ELSE excluded.created_at END")}),
		}).Create(&row).Error; err != nil {
			return nil, fmt.Errorf("task %s: %w", t.Key, err)
		}
	}
	for _, t := range before {
		if slices.Contains(open, t.Key+"\x00"+t.Assignee) {
			continue
		}
		if err := tx.Model(&taskRow{}).Where("case_id = ? AND task_key = ? AND assignee = ?", t.CaseID, t.Key, t.Assignee).
			Updates(map[string]any{"open": false, "done_at": now}).Error; err != nil {
			return nil, fmt.Errorf("close task %s: %w", t.Key, err)
		}
	}
	return stillOpen, nil
}

// sameOpenTask tells whether stored, an open task, is the task t as an act
// would write it: same task, same acts, title and due time (to the
// microsecond, as PostgreSQL keeps it).
func (t taskRow) sameOpenTask(stored taskRow) bool {
	sameDue := (t.DueAt == nil) == (stored.DueAt == nil) &&
		(t.DueAt == nil || t.DueAt.Truncate(time.Microsecond).Equal(stored.DueAt.Truncate(time.Microsecond)))
	return stored.Open && stored.Key == t.Key && stored.Assignee == t.Assignee && stored.Acts == t.Acts && stored.Title == t.Title && sameDue
}

// patched applies an act's changes to the stored snapshot.
func patched(snapshot string, changes []casefile.Change) (string, error) {
	fields, err := casefile.Fields([]byte(snapshot))
	if err != nil {
		return "", err
	}
	if err := casefile.Apply(fields, changes); err != nil {
		return "", fmt.Errorf("%w: %w", ErrRecordRefused, err)
	}
	raw, err := json.Marshal(fields)
	if err != nil {
		return "", err
	}
	return string(raw), nil
}

// Case returns a case's summary and its latest snapshot.
func (s *Store) Case(ctx context.Context, id string) (casefile.Summary, json.RawMessage, error) {
	var r caseRow
	if err := first(s.db.WithContext(ctx).Where("id = ?", id), &r); err != nil {
		return casefile.Summary{}, nil, fmt.Errorf("case %s: %w", id, err)
	}
	return summaryFromRow(r), json.RawMessage(r.Snapshot), nil
}

// CaseFilter narrows a case listing.
type CaseFilter struct {
	AgencyIDs []string // required: the agencies the caller may read
	Stage     string
	Closed    *bool
	Attention bool // only cases needing a supervisor: their workflow ended without closing them
	Late      bool // only cases with acts entered after they took place (补录)
	Limit     int
	Offset    int
}

// Cases lists cases, newest first, and the total matching.
func (s *Store) Cases(ctx context.Context, f CaseFilter) ([]casefile.Summary, int64, error) {
	q := s.db.WithContext(ctx).Model(&caseRow{}).Where("agency_id IN ?", f.AgencyIDs)
	if f.Stage != "" {
		q = q.Where("stage = ?", f.Stage)
	}
	if f.Closed != nil {
		q = q.Where("closed = ?", *f.Closed)
	}
	if f.Attention {
		q = q.Where("ended <> ?", "")
	}
	if f.Late {
		q = q.Where("late_entries > ?", 0)
	}
	// The snapshot is not read: a listing needs only the summary columns.
	q = q.Select(summaryColumns)
	return pageOf(q, "created_at DESC, id", f.Limit, f.Offset, "cases", summaryFromRow)
}

// summaryColumns are what a listing reads: never the snapshot.
const summaryColumns = "id, number, procedure, agency_id, power_item_code, party_name, linked_case, stage, closed, ended, late_entries, created_at, updated_at"

// maxLinked bounds the cases listed as opened from one case.
const maxLinked = 100

// LinkedCases lists the cases opened from a case (its seizures, the
// execution of its fine), oldest first.
func (s *Store) LinkedCases(ctx context.Context, id string) ([]casefile.Summary, error) {
	var rows []caseRow
	err := s.db.WithContext(ctx).Model(&caseRow{}).Where("linked_case = ?", id).
		Select(summaryColumns).
		Order("created_at, id").Limit(maxLinked).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("cases linked to %s: %w", id, err)
	}
	out := make([]casefile.Summary, len(rows))
	for i, r := range rows {
		out[i] = summaryFromRow(r)
	}
	return out, nil
}

func summaryFromRow(r caseRow) casefile.Summary {
	return casefile.Summary{ID: r.ID, Number: r.Number, Procedure: r.Procedure, AgencyID: r.AgencyID,
		PowerItemCode: r.PowerItemCode, PartyName: r.PartyName, LinkedCase: r.LinkedCase, Stage: r.Stage, Closed: r.Closed, Ended: r.Ended,
		LateEntries: r.LateEntries, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// MarkCaseEnded records that a case's workflow ended without closing the
// case (how: terminated, failed, timed-out, canceled): the case is no
// longer open, its tasks leave the inboxes and its open deadlines leave
// the supervisors' lists, which show the case as needing attention
// instead. It tells whether anything changed (a closed or already marked
// case is left alone).
func (s *Store) MarkCaseEnded(ctx context.Context, caseID, how string) (bool, error) {
	changed := false
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&caseRow{}).Where("id = ? AND closed = ? AND ended = ?", caseID, false, "").
			Updates(map[string]any{"ended": how, "closed": true})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		changed = true
		now := time.Now().UTC()
		if err := tx.Model(&taskRow{}).Where("case_id = ? AND open = ?", caseID, true).
			Updates(map[string]any{"open": false, "done_at": now}).Error; err != nil {
			return err
		}
		return tx.Model(&deadlineRow{}).Where("case_id = ? AND state = ?", caseID, "open").Update("state", "ended").Error
	})
	if err != nil {
		return false, fmt.Errorf("mark case %s ended: %w", caseID, err)
	}
	if changed {
		s.recent.forget(caseID)
	}
	return changed, nil
}

// Events returns a case's record in order.
func (s *Store) Events(ctx context.Context, caseID string) ([]casefile.Event, error) {
	return eventsOf(s.db.WithContext(ctx), caseID)
}

// eventsOf reads a case's record through db, which may be a transaction.
func eventsOf(db *gorm.DB, caseID string) ([]casefile.Event, error) {
	var rows []eventRow
	if err := db.Where("case_id = ?", caseID).Order("seq").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("events of %s: %w", caseID, err)
	}
	out := make([]casefile.Event, len(rows))
	for i, r := range rows {
		out[i] = eventFromRow(r)
	}
	return out, nil
}

// eventFromRow is a stored event, its times in UTC whatever zone the
// database's driver reads them in.
func eventFromRow(r eventRow) casefile.Event {
	return casefile.Event{CaseID: r.CaseID, Seq: r.Seq, Act: r.Act, ActorID: r.ActorID, ActorName: r.ActorName,
		Certificate: r.Certificate, At: r.At.UTC(), Summary: r.Summary, Data: json.RawMessage(r.Data), OccurredAt: utcPtr(r.OccurredAt),
		LateReason: r.LateReason, PrevHash: r.PrevHash, Hash: r.Hash}
}

// InboxTask is an open task as an inbox shows it.
type InboxTask struct {
	CaseID     string     `json:"case_id"`
	CaseNumber string     `json:"case_number"`
	AgencyID   string     `json:"agency_id"`
	Key        string     `json:"key"`
	Kind       string     `json:"kind"`
	Role       string     `json:"role"`
	Acts       []string   `json:"acts"`
	Title      string     `json:"title"`
	DueAt      *time.Time `json:"due_at,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
}

// Inbox returns the open tasks for an officer: those assigned to them, and
// those for a role they hold at the task's agency.
func (s *Store) Inbox(ctx context.Context, officerID string, roles []RoleAssignment) ([]InboxTask, error) {
	if officerID == "" {
		return nil, nil
	}
	q := s.db.WithContext(ctx).Where("open = ?", true)
	cond := s.db.Where("assignee = ?", officerID)
	for _, r := range roles {
		cond = cond.Or("assignee = '' AND agency_id = ? AND role = ?", r.AgencyID, string(r.Role))
	}
	var rows []taskRow
	if err := q.Where(cond).Order("created_at, case_id, task_key").Limit(500).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("inbox of %s: %w", officerID, err)
	}
	out := make([]InboxTask, len(rows))
	for i, r := range rows {
		out[i] = InboxTask{CaseID: r.CaseID, CaseNumber: r.CaseNumber, AgencyID: r.AgencyID, Key: r.Key, Kind: r.Kind,
			Role: r.Role, Acts: strings.Split(r.Acts, ","), Title: r.Title, DueAt: r.DueAt, CreatedAt: r.CreatedAt}
	}
	return out, nil
}

// DeadlineView is a deadline as a supervisor's list shows it.
type DeadlineView struct {
	CaseID      string     `json:"case_id"`
	CaseNumber  string     `json:"case_number"`
	AgencyID    string     `json:"agency_id"`
	Key         string     `json:"key"`
	Step        string     `json:"step"`
	Title       string     `json:"title"`
	Basis       string     `json:"basis"`
	DueDate     string     `json:"due_date"`
	DueAt       time.Time  `json:"due_at"`
	WarnAt      time.Time  `json:"warn_at"`
	State       string     `json:"state"`
	DaysOverdue int        `json:"days_overdue"`
	OverdueAt   *time.Time `json:"overdue_at,omitempty"`
	// Responsible are the officers who must act on the step (see recipients).
	Responsible []Person `json:"responsible"`
}

// DeadlineFilter narrows a deadline listing. State is "open" (every open
// deadline), "due-soon" (open, warn time reached, not yet due at AsOf) or
// "overdue" (marked overdue, or open and past due at AsOf). A page starts
// after the cursor After when it is set (keyset: as fast on the last page as
// on the first), else after Offset rows.
type DeadlineFilter struct {
	AgencyIDs []string
	State     string
	AsOf      time.Time
	Limit     int
	Offset    int
	After     *DeadlineCursor
}

// DeadlineCountCap is as far as a deadline listing counts: a total above it
// means "more than DeadlineCountCap". An exact count of every running
// deadline would read them all on each page.
const DeadlineCountCap = 1000

// DeadlineCursor is the position of a deadline in the listing's order:
// due time, then case and deadline key, which together are unique.
type DeadlineCursor struct {
	DueAt  time.Time
	CaseID string
	Key    string
}

// Cursor is the position of the deadline in the listing, to ask for the
// deadlines after it.
func (v DeadlineView) Cursor() DeadlineCursor {
	return DeadlineCursor{DueAt: v.DueAt.UTC(), CaseID: v.CaseID, Key: v.Key}
}

// String encodes the cursor for a URL: opaque to clients.
func (c DeadlineCursor) String() string {
	b, _ := json.Marshal([]string{c.DueAt.UTC().Format(time.RFC3339Nano), c.CaseID, c.Key})
	return base64.RawURLEncoding.EncodeToString(b)
}

// ErrBadCursor is a cursor that String did not write.
var ErrBadCursor = errors.New("malformed cursor")

// ParseDeadlineCursor decodes what DeadlineCursor.String wrote.
func ParseDeadlineCursor(s string) (DeadlineCursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	var parts []string
	if err != nil || json.Unmarshal(b, &parts) != nil || len(parts) != 3 {
		return DeadlineCursor{}, ErrBadCursor
	}
	due, err := time.Parse(time.RFC3339Nano, parts[0])
	if err != nil {
		return DeadlineCursor{}, ErrBadCursor
	}
	return DeadlineCursor{DueAt: due.UTC(), CaseID: parts[1], Key: parts[2]}, nil
}

// Deadlines lists the agencies' deadlines, oldest due first, and counts
// them up to DeadlineCountCap (a larger total is returned as
// DeadlineCountCap+1). Party windows (the statement window) are not the
// agency's deadlines and are left out. The partial index
// idx_deadlines_live_due holds the running deadlines in this order with
// every column the filters read, so a page reads about as many index
// entries as it returns and the count at most DeadlineCountCap+1.
func (s *Store) Deadlines(ctx context.Context, f DeadlineFilter) ([]DeadlineView, int64, error) {
	asOf := f.AsOf.UTC()
	// The states are written as literals: PostgreSQL proves from them that
	// the partial index applies, which it cannot from parameters.
	q := s.db.WithContext(ctx).Table(s.liveDeadlinesTable(f.State)).Where(s.liveDeadlinesWhere()).Where("agency_id IN ?", f.AgencyIDs)
	switch f.State {
	case "overdue":
		q = q.Where("state = 'overdue' OR (state = 'open' AND due_at <= ?)", asOf)
	case "due-soon":
		q = q.Where(openDeadlines+" AND warn_at <= ? AND due_at > ?", asOf, asOf)
	default:
		q = q.Where("state = 'open'")
	}
	// The count reads the index in the list's order too: the planner
	// takes that path for a LIMIT with this ORDER BY, and stops at the cap.
	var total int64
	capped := q.Session(&gorm.Session{}).Select("1").Order("due_at, case_id, deadline_key").Limit(DeadlineCountCap + 1)
	if err := s.db.WithContext(ctx).Raw("SELECT COUNT(*) FROM (?) AS capped", capped).Scan(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count deadlines: %w", err)
	}
	page := q.Session(&gorm.Session{})
	if f.After != nil {
		page = page.Where("(due_at, case_id, deadline_key) > (?, ?, ?)", f.After.DueAt.UTC(), f.After.CaseID, f.After.Key)
	} else if f.Offset > 0 {
		page = page.Offset(f.Offset)
	}
	var rows []deadlineRow
	if err := page.Order("due_at, case_id, deadline_key").Limit(f.Limit).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list deadlines: %w", err)
	}
	views := make([]DeadlineView, len(rows))
	for i, r := range rows {
		v := DeadlineView{CaseID: r.CaseID, CaseNumber: r.CaseNumber, AgencyID: r.AgencyID, Key: r.Key, Step: r.Step,
			Title: r.Title, Basis: r.Basis, DueDate: r.DueDate, DueAt: r.DueAt, WarnAt: r.WarnAt, State: r.State, OverdueAt: r.OverdueAt}
		if asOf.After(r.DueAt) || asOf.Equal(r.DueAt) {
			// Days are counted the way the law counts them, in whole
			// Beijing calendar days: a step due on day D is 1 day overdue
			// on D+1, whatever the hour (民法典 art 201, 203).
			v.DaysOverdue = max(1, int(calendar.DateOf(asOf).DaysSince(calendar.DateOf(r.DueAt.Add(-time.Nanosecond)))))
			if r.State == "open" {
				v.State = "overdue"
			}
		}
		views[i] = v
	}
	if err := responsiblePeople(s.db.WithContext(ctx), views); err != nil {
		return nil, 0, fmt.Errorf("deadlines: %w", err)
	}
	return views, total, nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// OpenCasesOf lists the open cases of an agency whose case file names the
// officer (as a handling officer, current or former): the cases to tell when
// the officer may no longer act.
func (s *Store) OpenCasesOf(ctx context.Context, agencyID, officerID string) ([]string, error) {
	pattern := `%"id":"` + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(officerID) + `"%`
	var ids []string
	err := s.db.WithContext(ctx).Model(&caseRow{}).
		Where("agency_id = ? AND closed = ? AND snapshot LIKE ? ESCAPE '\\'", agencyID, false, pattern).
		Order("id").Pluck("id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("open cases of %s: %w", officerID, err)
	}
	return ids, nil
}
