package store

import "time"

// Private row structs; exported domain types and converters live beside the
// queries that use them.

// masterTables and caseTables are migrated by Migrate.
var (
	masterTables = []any{&agencyRow{}, &officerRow{}, &roleRow{}, &certificateRow{}, &powerItemRow{}, &calendarDayRow{}, &calendarYearRow{}, &documentTemplateRow{}}
	caseTables   = []any{&caseRow{}, &eventRow{}, &taskRow{}, &deadlineRow{}, &counterRow{}, &publishedDecisionRow{}, &publishedVersionRow{}}
)

type agencyRow struct {
	ID        string `gorm:"primaryKey;size:64"`
	ParentID  string `gorm:"size:64;index"`
	Name      string `gorm:"size:200;not null"`
	Level     string `gorm:"size:16;not null"`
	Code      string `gorm:"size:32;not null"`
	Kind      string `gorm:"size:16;not null;default:regular"` // regular, dispatched (派出机构), delegated (受委托组织)
	CreatedAt time.Time
}

func (agencyRow) TableName() string { return "agencies" }

type officerRow struct {
	ID           string `gorm:"primaryKey;size:64"`
	Login        string `gorm:"size:64;uniqueIndex;not null"`
	Name         string `gorm:"size:100;not null"`
	PasswordHash string `gorm:"size:100;not null"`
	AgencyID     string `gorm:"size:64;index;not null"`
	CreatedAt    time.Time
	// DisabledAt is set while an administrator has disabled the officer:
	// no login, no session, no act; their history stays.
	DisabledAt     *time.Time
	DisabledReason string `gorm:"size:500;not null;default:''"`
	// MustChangePassword is set by an administrator's password reset: the
	// officer may do nothing but change it.
	MustChangePassword bool `gorm:"not null;default:false"`
}

func (officerRow) TableName() string { return "officers" }

type roleRow struct {
	OfficerID string `gorm:"primaryKey;size:64"`
	AgencyID  string `gorm:"primaryKey;size:64;index:idx_role_assignments_holders,priority:1"`
	Role      string `gorm:"primaryKey;size:32;index:idx_role_assignments_holders,priority:2"`
}

func (roleRow) TableName() string { return "role_assignments" }

type certificateRow struct {
	Number     string    `gorm:"primaryKey;size:64"`
	OfficerID  string    `gorm:"size:64;index;not null"`
	IssuedBy   string    `gorm:"size:200"`
	Fields     string    `gorm:"size:200"`
	Region     string    `gorm:"size:200"`
	ValidFrom  time.Time `gorm:"not null"`
	ValidUntil time.Time `gorm:"not null"`
	Status     string    `gorm:"size:16;not null"`
}

func (certificateRow) TableName() string { return "certificates" }

type powerItemRow struct {
	Code       string `gorm:"primaryKey;size:64"`
	Name       string `gorm:"size:300;not null"`
	Kind       string `gorm:"size:32;not null"`
	Field      string `gorm:"size:64"`
	LegalBasis string `gorm:"size:1000"`
	Levels     string `gorm:"size:100"`
	Status     string `gorm:"size:16;not null"`
	AgencyID   string `gorm:"size:64;index;not null;default:''"` // the agency whose power list it is; "" = every agency's
}

func (powerItemRow) TableName() string { return "power_items" }

type calendarDayRow struct {
	Date   string `gorm:"primaryKey;size:10"`
	Kind   string `gorm:"size:16;not null"`
	Name   string `gorm:"size:64"`
	Source string `gorm:"size:300;not null"`
}

func (calendarDayRow) TableName() string { return "calendar_days" }

type calendarYearRow struct {
	Year     int `gorm:"primaryKey;autoIncrement:false"`
	LoadedAt time.Time
}

func (calendarYearRow) TableName() string { return "calendar_years" }

type caseRow struct {
	ID            string `gorm:"primaryKey;size:64"`
	Number        string `gorm:"size:100;uniqueIndex;not null"`
	Procedure     string `gorm:"size:32;not null"`
	AgencyID      string `gorm:"size:64;index;not null"`
	PowerItemCode string `gorm:"size:64;not null"`
	PartyName     string `gorm:"size:200"`
	LinkedCase    string `gorm:"size:64;index;not null;default:''"` // the case this one belongs to
	Stage         string `gorm:"size:32;index;not null"`
	Closed        bool   `gorm:"not null;default:false"`
	Ended         string `gorm:"size:16;not null;default:''"` // how the workflow ended without closing the case
	LateEntries   int    `gorm:"not null;default:0"`          // acts entered after they took place (补录)
	Snapshot      string `gorm:"type:text"`
	LastSeq       int    `gorm:"not null"`
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (caseRow) TableName() string { return "cases" }

type eventRow struct {
	CaseID      string     `gorm:"primaryKey;size:64"`
	Seq         int        `gorm:"primaryKey;autoIncrement:false"`
	Act         string     `gorm:"size:32;not null;index:idx_case_events_actor,priority:2"`
	ActorID     string     `gorm:"size:64;not null;index:idx_case_events_actor,priority:1"` // counts an officer's reviews (ReviewerStanding)
	ActorName   string     `gorm:"size:100"`
	Certificate string     `gorm:"size:64"`
	At          time.Time  `gorm:"not null"`
	Summary     string     `gorm:"type:text"`
	Data        string     `gorm:"type:text"`
	OccurredAt  *time.Time // a late entry: when the act took place (At is when it was entered)
	LateReason  string     `gorm:"type:text;not null;default:''"`
	PrevHash    string     `gorm:"size:64"`
	Hash        string     `gorm:"size:64;not null"`
}

func (eventRow) TableName() string { return "case_events" }

type taskRow struct {
	CaseID     string `gorm:"primaryKey;size:64"`
	Key        string `gorm:"primaryKey;size:64;column:task_key"`
	Assignee   string `gorm:"primaryKey;size:64;index:idx_tasks_inbox,priority:1"`
	CaseNumber string `gorm:"size:100"`
	AgencyID   string `gorm:"size:64;index;index:idx_tasks_inbox,priority:3;not null"`
	Kind       string `gorm:"size:16;not null"`
	Role       string `gorm:"size:32;not null;index:idx_tasks_inbox,priority:4"`
	Acts       string `gorm:"size:300"`
	Title      string `gorm:"size:300"`
	// The inboxes read the open tasks by assignee, or by agency and role
	// for the unassigned (idx_tasks_inbox); a case's own tasks are read by
	// its key. There is no index on open alone: SQLite, without statistics,
	// preferred it to the case's key and read every open task of every case.
	Open      bool `gorm:"not null;index:idx_tasks_inbox,priority:2"`
	DueAt     *time.Time
	CreatedAt time.Time
	DoneAt    *time.Time
}

func (taskRow) TableName() string { return "tasks" }

type deadlineRow struct {
	CaseID     string    `gorm:"primaryKey;size:64"`
	Key        string    `gorm:"primaryKey;size:64;column:deadline_key"`
	CaseNumber string    `gorm:"size:100"`
	AgencyID   string    `gorm:"size:64;index;not null"`
	Step       string    `gorm:"size:32;not null"`
	Title      string    `gorm:"size:200"`
	Basis      string    `gorm:"size:100"`
	Unit       string    `gorm:"size:16"`
	Amount     int       `gorm:"not null"`
	Window     bool      `gorm:"column:party_window;not null;default:false"`
	StartAt    time.Time `gorm:"not null"`
	DueDate    string    `gorm:"size:10"`
	DueAt      time.Time `gorm:"index;not null"`
	WarnAt     time.Time `gorm:"not null"`
	// No index on state alone: the lists read the running deadlines through
	// partial indexes (store.go), and a case's deadlines are read by its key.
	State     string `gorm:"size:16;not null"`
	MetAt     *time.Time
	OverdueAt *time.Time
	PausedAt  *time.Time // while its clock is stopped
	// WarnedAt and EscalatedAt are set once the warning and the overdue
	// notice are given (notifications.go).
	WarnedAt    *time.Time
	EscalatedAt *time.Time
}

func (deadlineRow) TableName() string { return "deadlines" }

type counterRow struct {
	Name  string `gorm:"primaryKey;size:100"`
	Value int64  `gorm:"not null"`
}

func (counterRow) TableName() string { return "counters" }
