// Package casefile holds the domain types of a case's durable record that
// the workflows, the activities, the store and the API share: events of the
// record (执法全过程记录), tasks, and deadlines with their legal basis.
package casefile

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// Event is one entry of a case's append-only record (PL 47; SAMR 79). Events
// of one case form a hash chain: Hash covers PrevHash and the event's own
// content, so a changed or removed event breaks every later hash.
type Event struct {
	CaseID      string          `json:"case_id"`
	Seq         int             `json:"seq"`
	Act         string          `json:"act"`
	ActorID     string          `json:"actor_id"`
	ActorName   string          `json:"actor_name"`
	Certificate string          `json:"certificate,omitempty"`
	At          time.Time       `json:"at"`
	Summary     string          `json:"summary"`
	Data        json.RawMessage `json:"data,omitempty"`
	// OccurredAt is, for a late entry, when the act really took place on
	// site; At stays the server's time of entry. LateReason says why it
	// was entered late. Both are empty for an act entered as it happened.
	OccurredAt *time.Time `json:"occurred_at,omitempty"`
	LateReason string     `json:"late_reason,omitempty"`
	PrevHash   string     `json:"prev_hash"`
	Hash       string     `json:"hash"`
}

// ComputeHash returns the SHA-256 over the previous hash and the event's
// content. It is deterministic, so workflow code may call it.
func (e Event) ComputeHash() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%d\n%s\n%s\n%s\n%s\n%s\n%s\n", e.PrevHash, e.CaseID, e.Seq, e.Act,
		e.ActorID, e.Certificate, e.At.UTC().Format(time.RFC3339Nano), e.Summary, e.Data)
	if e.OccurredAt != nil {
		// Only late entries hash these, so every earlier event keeps its hash.
		fmt.Fprintf(h, "late\n%s\n%s\n", e.OccurredAt.UTC().Format(time.RFC3339Nano), e.LateReason)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// VerifyChain checks that events are numbered 1..n and that every hash links
// to the previous one.
func VerifyChain(events []Event) error {
	prev := ""
	for i, e := range events {
		if e.Seq != i+1 {
			return fmt.Errorf("event %d: sequence %d out of order", i+1, e.Seq)
		}
		if e.PrevHash != prev {
			return fmt.Errorf("event %d: previous hash does not match", e.Seq)
		}
		if got := e.ComputeHash(); got != e.Hash {
			return fmt.Errorf("event %d: content does not match its hash", e.Seq)
		}
		prev = e.Hash
	}
	return nil
}

// Unit is the unit of a time limit.
type Unit string

// Units of time limits. Periods of 2, 3, 5 and 7 days in PL (art 85) and of
// ten days or less in CL (art 69) are working days; longer ones are calendar
// days, rolled forward past a holiday (SAMR 80).
const (
	Hours    Unit = "hours" // e.g. the 24 hours to report an on-the-spot measure (CL 19)
	Workdays Unit = "workdays"
	Days     Unit = "days"
	Months   Unit = "months" // e.g. the 3 months to apply for court enforcement (CL 53)
	// Years is a period that ends by itself rather than a last day to act
	// on (e.g. 3 years of suspended execution, after which there is no
	// more execution, CL 39 ¶2): its corresponding day (Civil Code 202),
	// not moved past a holiday, and known before that year's holidays are.
	Years Unit = "years"
)

// DeadlineState is where a deadline stands.
type DeadlineState string

// Deadline states.
const (
	DeadlineOpen    DeadlineState = "open"
	DeadlineMet     DeadlineState = "met"
	DeadlineOverdue DeadlineState = "overdue"
)

// Deadline is one time limit of a case.
type Deadline struct {
	Key       string        `json:"key"`  // unique in the case, e.g. "review#2"
	Step      string        `json:"step"` // e.g. "review"
	Title     string        `json:"title"`
	Basis     string        `json:"basis"` // the article, e.g. "SAMR 55"
	Unit      Unit          `json:"unit"`
	Amount    int           `json:"amount"`
	StartAt   time.Time     `json:"start_at"`
	DueDate   string        `json:"due_date"` // the Beijing date of the last day
	DueAt     time.Time     `json:"due_at"`   // the instant it passes: 24:00 of DueDate, Beijing time
	WarnAt    time.Time     `json:"warn_at"`
	State     DeadlineState `json:"state"`
	MetAt     *time.Time    `json:"met_at,omitempty"`
	OverdueAt *time.Time    `json:"overdue_at,omitempty"`
	// Window marks a party's time limit (e.g. the 5-working-day statement
	// window): when it runs out nothing is overdue, the window just closes.
	Window bool `json:"window,omitempty"`
	// PausedAt is set while the deadline's clock is stopped; Paused is the
	// time it was stopped before, already added to DueAt.
	PausedAt *time.Time    `json:"paused_at,omitempty"`
	Paused   time.Duration `json:"paused,omitempty"`
	// Excluded is the whole days a calendar-day deadline was paused: they
	// do not count, so its last day is Amount + extensions + Excluded days
	// from StartAt, moved past a holiday (SAMR 64 ¶2, 80).
	Excluded int `json:"excluded,omitempty"`
	// Extensions moved the last day, each approved by an act.
	Extensions []Extension `json:"extensions,omitempty"`
}

// Extension is one extension of a deadline.
type Extension struct {
	Amount int    `json:"amount"`
	Unit   Unit   `json:"unit"`
	Basis  string `json:"basis"`
	// Until is the last day an extension fixed outright (e.g. by the heads'
	// collective discussion, SAMR 64), instead of an amount.
	Until string `json:"until,omitempty"`
	// Excluded is the deadline's excluded days when Until was fixed: days
	// excluded after it move Until on (SAMR 64 ¶2).
	Excluded int `json:"excluded,omitempty"`
}

// Task is a piece of work waiting for someone: a review for the reviewers, an
// approval for the head, the next step for the handling officers.
type Task struct {
	Key      string     `json:"key"`
	Kind     string     `json:"kind"` // review, approval, step
	Role     string     `json:"role"`
	Assignee string     `json:"assignee,omitempty"` // an officer; empty = anyone holding Role at the case's agency
	Acts     []string   `json:"acts"`
	Title    string     `json:"title"`
	DueAt    *time.Time `json:"due_at,omitempty"`
}

// Summary is the listing view of a case.
type Summary struct {
	ID            string `json:"id"`
	Number        string `json:"number"`
	Procedure     string `json:"procedure"`
	AgencyID      string `json:"agency_id"`
	PowerItemCode string `json:"power_item_code"`
	PartyName     string `json:"party_name"`
	// LinkedCase is the case this one belongs to, if any.
	LinkedCase string `json:"linked_case,omitempty"`
	Stage      string `json:"stage"`
	Closed     bool   `json:"closed"`
	// LateEntries counts the acts entered after they took place (补录):
	// supervisors look at these cases.
	LateEntries int `json:"late_entries,omitempty"`
	// Ended says how a case's workflow ended other than by closing
	// (terminated, failed, timed-out): the case needs a supervisor's attention.
	Ended     string    `json:"ended,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Record is what one act changed in the durable record, written in one
// transaction: the event, the case row and the changes of its snapshot,
// the open tasks (the full set; others are closed) and the deadlines that
// changed. As a scheduled activity's input it never carries the whole
// case: history stays proportional to the acts, not to the case's size
// times their number.
type Record struct {
	Case      Summary    `json:"case"`
	Changes   []Change   `json:"changes"`
	Event     Event      `json:"event"`
	Tasks     []Task     `json:"tasks"`
	Deadlines []Deadline `json:"deadlines"`
	// Snapshot is the whole case after the act, set only when the record
	// runs as a local activity, whose input stays in the worker and never
	// enters history: the store then writes it as it is instead of
	// reading the stored snapshot back to apply the changes.
	Snapshot json.RawMessage `json:"snapshot,omitempty"`
}
