package workflows

import "time"

// Activity names and their payloads. The activities package implements
// them; workflows call them by name so that workflow code does not link the
// database.
const (
	ComputeDeadlineActivity    = "ComputeDeadline"
	RecordActivity             = "Record"
	AllocateCaseNumberActivity = "AllocateCaseNumber"
)

// ComputeDeadlineInput asks when a time limit that starts at Start ends.
type ComputeDeadlineInput struct {
	Start  time.Time `json:"start"`
	Amount int       `json:"amount"`
	Unit   string    `json:"unit"` // casefile.Workdays or casefile.Days
	// AgencyID and Step, when given, choose the warning of the step in the
	// agency's rule pack (casefile.Rules.WarnWorkdays).
	AgencyID string `json:"agency_id,omitempty"`
	Step     string `json:"step,omitempty"`
	// WarnWorkdays is the warning in working days; the activity sets it
	// from the rule pack when it is zero.
	WarnWorkdays int `json:"warn_workdays,omitempty"`
}

// ComputeDeadlineResult is the computed deadline: the Beijing date of the
// last day, the instant it passes (24:00 that day) and when to warn.
type ComputeDeadlineResult struct {
	DueDate string    `json:"due_date"`
	DueAt   time.Time `json:"due_at"`
	WarnAt  time.Time `json:"warn_at"`
}

// AllocateCaseNumberInput asks for a case's number (立案编号).
type AllocateCaseNumberInput struct {
	CaseID   string    `json:"case_id"`
	AgencyID string    `json:"agency_id"`
	At       time.Time `json:"at"`
}

// LoadRulesActivity names the activity that reads an agency's rule pack in
// force at a moment (casefile.Rules): the agency's own, else the nearest
// parent's, else the built-in pack.
const LoadRulesActivity = "LoadRules"

// LoadRulesInput asks for the pack in force for an agency at At.
type LoadRulesInput struct {
	AgencyID string    `json:"agency_id"`
	At       time.Time `json:"at"`
}

// DayKindActivity names the activity that tells what a Beijing day
// (YYYY-MM-DD) is on the holiday calendar: workday, makeup-workday,
// weekend or holiday. Its input is the date, its result the kind.
const DayKindActivity = "DayKind"
