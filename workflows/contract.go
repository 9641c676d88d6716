// Package workflows holds Zhifa's procedures, one file each, as Temporal
// workflows. Workflow code is deterministic: it reads no clock but
// workflow.Now, no database and no calendar — activities compute deadlines
// and write the record.
package workflows

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.temporal.io/sdk/temporal"

	"github.com/zhifa/zhifa/internal/casefile"
)

// TaskQueue is the task queue every case workflow and activity runs on.
const TaskQueue = "zhifa-cases"

// CaseWorkflowID is the workflow ID of a case.
func CaseWorkflowID(caseID string) string { return "case/" + caseID }

// OfficerLapsedSignal tells a case that one of its handling officers may no
// longer act: their certificate was suspended, revoked or no longer covers
// the field, their account was disabled, or their officer role removed.
const OfficerLapsedSignal = "OfficerLapsed"

// OfficerLapsed is the payload of OfficerLapsedSignal.
type OfficerLapsed struct {
	OfficerID string `json:"officer_id"`
	Reason    string `json:"reason"`
}

// StateQuery returns the case's current state (Case).
const StateQuery = "State"

// Actor is the person performing an act, as the API authenticated them.
// Clients never set it: the API overwrites it from the token.
type Actor struct {
	OfficerID   string          `json:"officer_id"`
	Name        string          `json:"name"`
	Certificate string          `json:"certificate,omitempty"` // 执法证 number used for this act; empty if none is valid now
	Roles       []casefile.Role `json:"roles,omitempty"`       // roles held at the case's agency
	// LegalStanding is, for a legal review, whether the reviewer may review
	// a penalty decision (PL 58 ¶2): qualified (holds the 法律职业资格),
	// experienced (has reviewed before), or none (a first-time reviewer
	// without the qualification). The API sets it for the acts that need it.
	LegalStanding string `json:"legal_standing,omitempty"`
}

// holds tells whether the actor holds one of roles at the case's agency.
func (a Actor) holds(roles ...casefile.Role) bool {
	return slices.ContainsFunc(a.Roles, func(r casefile.Role) bool { return slices.Contains(roles, r) })
}

// Officer is a handling officer of a case (办案人员).
type Officer struct {
	ID                    string    `json:"id"`
	Name                  string    `json:"name"`
	Certificate           string    `json:"certificate"`
	CertificateValidUntil time.Time `json:"certificate_valid_until"`
}

// Party is the party to a case (当事人).
type Party struct {
	Kind     string `json:"kind" limit:"16"` // person (公民) or organization (法人或其他组织)
	Name     string `json:"name" limit:"200"`
	IDNumber string `json:"id_number,omitempty" limit:"50"` // 身份证号 or 统一社会信用代码
	Address  string `json:"address,omitempty" limit:"500"`
}

// PowerItem identifies the power-list entry a case is filed under.
type PowerItem struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Field      string `json:"field"` // the field (领域) a certificate must cover, e.g. 食品安全
	LegalBasis string `json:"legal_basis"`
}

// Input is what every act's input has: the actor.
type Input interface {
	base() *ActBase
	// SetActor sets who performs the act.
	SetActor(a Actor)
}

// CoSigned is an input that other officers sign with the actor (evidence
// collected by two officers, a record signed by all present): each must
// hold a certificate valid for the case's field at that moment (PL 42).
// The API checks them, as it checks the actor's own certificate.
type CoSigned interface {
	CoSigners() []string
}

// FileReferrer is an input that refers to evidence files by their
// SHA-256: the API checks each was uploaded to the case.
type FileReferrer interface {
	FileRefs() []string
}

// HeadsDiscussion is an input recording a collective discussion of the
// heads (集体讨论): the API keeps, of its participants, those who really
// are heads of the case's agency, whatever the client sent.
type HeadsDiscussion interface {
	Discussants() []string
	SetHeads(heads []string)
}

// ActOpenCase opens a case under any procedure: the application (立案申请,
// SAMR 19), or the record of an on-the-spot case.
const ActOpenCase casefile.Act = "open-case"

// OpenCaseInput opens a case: the application to file (立案申请).
type OpenCaseInput struct {
	ActBase
	CaseID     string    `json:"case_id" limit:"server"`
	AgencyID   string    `json:"agency_id" limit:"server"`
	AgencyName string    `json:"agency_name" limit:"server"`
	PowerItem  PowerItem `json:"power_item" limit:"server"`
	Party      Party     `json:"party"`
	Facts      string    `json:"facts" limit:"20000"`
	Source     string    `json:"source,omitempty" limit:"500"`
	// DiscoveredAt is when the clue was discovered or the materials were
	// received: the filing clock starts then (SAMR 18), not at data entry.
	DiscoveredAt *time.Time `json:"discovered_at,omitempty"`
	// ActDate is the day the illegal act occurred, or ended when it was
	// continuing (PL 36 ¶2), as YYYY-MM-DD; GraveHarm marks an act that
	// harmed life, health or financial security (PL 36 ¶1: five years).
	ActDate   string    `json:"act_date,omitempty" limit:"10"`
	GraveHarm bool      `json:"grave_harm,omitempty"`
	Officers  []Officer `json:"officers" limit:"server"`
	// AgencyKind is the opening agency's kind (regular, dispatched,
	// delegated): a delegated organization may not take compulsory
	// measures (CL 17). The API sets it.
	AgencyKind string `json:"agency_kind,omitempty" limit:"server"`
	// LinkedCase is the case this one belongs to: the penalty case a
	// seizure was taken in, or whose unpaid fine is executed. The API
	// checks it and sets it.
	LinkedCase string `json:"linked_case,omitempty" limit:"server"`
	// Obligation is what a compulsory execution executes: from the linked
	// penalty case, or as the application states it.
	Obligation *Obligation `json:"obligation,omitempty"`
	// Carry is the case handed over by the previous run when the workflow
	// continues as new; a new case has none.
	Carry *Carry `json:"carry,omitempty" limit:"server"`
}

// checkOfficers checks the application on its own: the party, the facts,
// at least two handling officers, the applicant among them (PL 42), and
// the limitation period (PL 36).
func (in *OpenCaseInput) checkOfficers() error {
	if err := in.checkPeople(); err != nil {
		return err
	}
	return in.checkLimitation()
}

// checkPeople checks the party, the facts and the handling officers.
func (in *OpenCaseInput) checkPeople() error {
	if in.Party.Name == "" || (in.Party.Kind != "person" && in.Party.Kind != "organization") {
		return reject(CodeInvalidInput, "当事人姓名或名称、类型（person/organization）必填", "party name and kind (person/organization) are required")
	}
	if in.Facts == "" {
		return reject(CodeInvalidInput, "请填写案件事实", "facts are required")
	}
	ids := map[string]bool{}
	for _, o := range in.Officers {
		ids[o.ID] = true
	}
	if len(ids) < 2 {
		return reject(CodeInvalidInput, "立案须指定两名以上具有执法资格的办案人员（行政处罚法第四十二条）", "filing needs at least two certified handling officers (PL 42)")
	}
	if !ids[in.Actor.OfficerID] {
		return reject(CodeNotOnCase, "申请立案的执法人员须为办案人员之一", "the officer applying to file must be one of the handling officers")
	}
	return nil
}

// checkLimitation refuses an act discovered after the limitation period:
// two years from the day it occurred or ended, five where it harmed life,
// health or financial security (PL 36). The period ends on the
// corresponding day, or the month's last day when there is none (Civil
// Code 201–202), and discovery on that day is still in time.
func (in *OpenCaseInput) checkLimitation() error {
	if in.ActDate == "" || in.DiscoveredAt == nil {
		return nil
	}
	act, err := time.ParseInLocation(time.DateOnly, in.ActDate, beijing)
	if err != nil {
		return reject(CodeInvalidInput, "违法行为发生之日须为 YYYY-MM-DD 格式的日期", "act_date must be a date, YYYY-MM-DD")
	}
	discovered := in.DiscoveredAt.In(beijing)
	if act.After(discovered) {
		return reject(CodeInvalidInput, "违法行为发生之日不能晚于发现之日", "act_date cannot be after the discovery")
	}
	years, basis := 2, "二年"
	if in.GraveHarm {
		years, basis = 5, "五年"
	}
	y, m, d := act.Date()
	last := time.Date(y+years, m+1, 0, 0, 0, 0, 0, beijing).Day() // the target month's last day
	end := time.Date(y+years, m, min(d, last), 0, 0, 0, 0, beijing).AddDate(0, 0, 1)
	if !discovered.Before(end) {
		return reject(CodeInvalidInput, "违法行为自 %s 起%s内未被发现，不再给予行政处罚（行政处罚法第三十六条）",
			"the act of %s was not discovered within %d years: no penalty may be given (PL 36)", in.ActDate, basis, in.ActDate, years)
	}
	return nil
}

// ActBase carries the actor of an act.
type ActBase struct {
	Actor Actor `json:"actor" limit:"server"`
}

func (b *ActBase) base() *ActBase { return b }

// SetActor sets who performs the act.
func (b *ActBase) SetActor(a Actor) { b.Actor = a }

// Rejection codes: why an act is refused. The API maps each to an HTTP status.
const (
	CodeWrongStep           = "wrong_step"                     // the act does not fit the case's current step
	CodeWindowClosed        = "window_closed"                  // the party's window has closed
	CodeWindowOpen          = "window_open"                    // the party's window is still open
	CodeReviewRequired      = "review_required"                // no passed legal review yet
	CodeNotOnCase           = "not_on_case"                    // the actor is not a handling officer of the case
	CodeSeparationOfDuties  = "separation_of_duties"           // handler, reviewer and decider must differ
	CodeInvalidInput        = "invalid_input"                  // the act's input is incomplete or wrong
	CodeCalendarMissing     = "calendar_missing"               // the holiday arrangement of a year is not loaded
	CodeRecused             = "recused"                        // the actor has been recused from the case (PL 43)
	CodeNoCertificate       = "certificate_invalid"            // the officer holds no valid certificate for this case (PL 42)
	CodeRecordRefused       = "record_refused"                 // the database refused the act's record: nothing was done
	CodeNoHearingRight      = "no_hearing_right"               // the proposed penalty gives no right to a hearing (PL 63)
	CodeHearingPending      = "hearing_pending"                // the party asked for a hearing in time and it has not ended (PL 62–64)
	CodeCollectiveRequired  = "collective_discussion_required" // a major case is decided by the heads' collective discussion (PL 57 ¶2)
	CodeReviewerUnqualified = "reviewer_not_qualified"         // a first-time legal reviewer without the legal professional qualification (PL 58 ¶2)
	CodeLateEntryRefused    = "late_entry_refused"             // a late entry too late, before the opening, or before a decision made (no back-entry)
)

// ActResult is what an act answers: where the case stands after it. The
// case itself is read from the record, never carried in the answer, so an
// act's history does not grow with the case.
type ActResult struct {
	Seq   int    `json:"seq"`
	Stage string `json:"stage"`
}

// Carry is what a case's workflow hands to its next run when it continues
// as new: the case's state, and the IDs of its recent acts, so an act
// retried with the same Idempotency-Key across the hand-over is still
// performed once.
type Carry struct {
	State   json.RawMessage `json:"state"`
	Updates []string        `json:"updates"`
}

// checkLimits refuses input that breaks a declared limit (see
// casefile.CheckLimits) before it can enter history.
func checkLimits(in any) error {
	if e := casefile.CheckLimits(in); e != nil {
		return reject(CodeInvalidInput, "%s", "%s", e.Chinese(), e.English())
	}
	return nil
}

// reject builds a non-retryable error a validator returns: its type is the
// code, its message says why in Chinese and English.
func reject(code, zh, en string, args ...any) error {
	return temporal.NewNonRetryableApplicationError(fmt.Sprintf(zh+" / "+en, args...), code, nil)
}

// RejectionCode returns the code of a rejected act, or "" if err is not a rejection.
func RejectionCode(err error) string {
	var appErr *temporal.ApplicationError
	if errors.As(err, &appErr) {
		return appErr.Type()
	}
	return ""
}

// Yuan is an amount of money in fen (分), written in JSON as a decimal
// string of yuan with at most two decimals: "5000.00".
type Yuan int64

// MarshalJSON writes "1234.50".
func (y Yuan) MarshalJSON() ([]byte, error) {
	return []byte(strconv.Quote(y.String())), nil
}

// UnmarshalJSON reads "1234.5", "1234.50" or 1234.5.
func (y *Yuan) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := ParseYuan(s)
	if err != nil {
		return err
	}
	*y = v
	return nil
}

func (y Yuan) String() string { return fmt.Sprintf("%d.%02d", int64(y)/100, int64(y)%100) }

// ParseYuan parses a non-negative yuan amount with at most two decimals.
func ParseYuan(s string) (Yuan, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" || len(whole) > 12 {
		return 0, fmt.Errorf("amount %q: want yuan with at most two decimals, e.g. 5000.00", s)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	return Yuan(w*100 + f), nil
}
