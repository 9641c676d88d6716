package workflows

// GeneralPenalty runs the general (ordinary) administrative penalty procedure
// (一般程序), PL arts 54–65 with the SAMR procedure rules (arts 18–79) as the
// reference pack.
//
// Steps (stages) and the acts that move them:
//
//	filing            立案审批: head approves or refuses filing          (PL 54; SAMR 19–20)
//	investigation     调查取证 by ≥2 certified officers; report          (PL 42, 55; SAMR 48)
//	review            法制审核 by a reviewer who is not a handler;
//	                  approve, or return with a written opinion         (PL 58; SAMR 49–55)
//	penalty-approval  head approves the proposed penalty               (SAMR 56)
//	notice            事先告知书 served                                   (PL 44; SAMR 57)
//	statement         5-working-day window for 陈述申辩 / 听证 request   (PL 45, 64, 85; SAMR 57)
//	decision          head decides; impossible before a passed review
//	                  and a closed or waived window                     (PL 57, 58, 62)
//	service           送达 of the decision                               (PL 61; SAMR 81)
//	execution         payment of the fine                              (PL 67)
//	closing           结案审批表, approved by the head                    (SAMR 77)
//	closed
//
// Publication (公示) runs beside service and execution and must be done
// before closing (PL 48; GB118).
//
// At any step before closing: recusal (回避) — the party or an officer applies,
// the right person decides (the head for staff, the principal head for a
// head, a collective discussion of heads for the principal head; SAMR 4),
// the investigation goes on meanwhile (PL 43) and a recused person can do
// nothing more on the case; reassignment of handling officers by the head,
// needed when fewer than two handlers with a valid certificate remain
// (PL 42), e.g. when a certificate expires mid-case.
//
// Time limits (deadline rows and timers; computed by an activity):
//
//	filing       15 working days from the application      SAMR 18
//	review       10 working days per review round          SAMR 55
//	decision     90 days from filing                       PL 60
//	statement     5 working days from service of 告知书     SAMR 57; PL 64, 85
//	service       7 working days from the decision         PL 61; SAMR 81
//	publication   7 working days from the decision         GB118; HB (六)
//	payment      15 days from service of the decision      PL 67
//	closing      15 working days from the closing trigger  SAMR 77

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// ProcedureGeneral names the general penalty procedure.
const ProcedureGeneral = "general-penalty"

// Stage is a step of the general penalty procedure.
type Stage string

// Stages, in order.
const (
	StageFiling          Stage = "filing"
	StageInvestigation   Stage = "investigation"
	StageReview          Stage = "review"
	StagePenaltyApproval Stage = "penalty-approval"
	StageNotice          Stage = "notice"
	StageStatement       Stage = "statement"
	StageDecision        Stage = "decision"
	StageService         Stage = "service"
	StageExecution       Stage = "execution"
	StageClosing         Stage = "closing"
	StageClosingApproval Stage = "closing-approval"
	StageClosed          Stage = "closed"
)

// Stages lists every stage in order.
var Stages = []Stage{StageFiling, StageInvestigation, StageReview, StagePenaltyApproval, StageNotice, StageStatement,
	StageDecision, StageService, StageExecution, StageClosing, StageClosingApproval, StageClosed}

// limit is a time limit of the procedure with its article.
type limit struct {
	amount int
	unit   casefile.Unit
	basis  string
	title  string
	window bool
}

// limits are every time limit of this procedure, in one table.
var limits = map[string]limit{
	"filing":      {15, casefile.Workdays, "SAMR 18", "立案审查 / filing decision", false},
	"review":      {10, casefile.Workdays, "SAMR 55", "法制审核 / legal review", false},
	"decision":    {90, casefile.Days, "PL 60", "作出处罚决定 / penalty decision", false},
	"statement":   {5, casefile.Workdays, "SAMR 57; PL 64, 85", "陈述申辩、申请听证 / statement and hearing request", true},
	"service":     {7, casefile.Workdays, "PL 61; SAMR 81", "送达处罚决定书 / service of the decision", false},
	"publication": {7, casefile.Workdays, "GB118; HB (六)", "行政处罚决定公示 / publication", false},
	"payment":     {15, casefile.Days, "PL 67", "缴纳罚款 / payment of the fine", false},
	"closing":     {15, casefile.Workdays, "SAMR 77", "结案审批 / closing approval", false},
}

// Case is the state of a general-procedure case. The workflow owns it; every
// act's record carries a copy (the snapshot) to the database.
type Case struct {
	ID         string    `json:"id"`
	Number     string    `json:"number"`
	Procedure  string    `json:"procedure"`
	AgencyID   string    `json:"agency_id"`
	AgencyName string    `json:"agency_name"`
	PowerItem  PowerItem `json:"power_item"`
	Party      Party     `json:"party"`
	Facts      string    `json:"facts"`
	Source     string    `json:"source,omitempty"`
	Officers   []Officer `json:"officers"`
	Stage      Stage     `json:"stage"`
	OpenedAt   time.Time `json:"opened_at"`

	FiledAt      *time.Time  `json:"filed_at,omitempty"`
	Evidence     []Evidence  `json:"evidence"`
	Report       *Report     `json:"report,omitempty"`
	Reviews      []Review    `json:"reviews"`
	ReviewPassed bool        `json:"review_passed"`
	Approval     *Approval   `json:"penalty_approval,omitempty"`
	Notice       *Notice     `json:"notice,omitempty"`
	Statements   []Statement `json:"statements"`
	Decision     *Decision   `json:"decision,omitempty"`
	Service      *Service    `json:"service,omitempty"`
	Publication  *Published  `json:"publication,omitempty"`
	Payment      *Payment    `json:"payment,omitempty"`
	ClosingNote  string      `json:"closing_note,omitempty"`
	ClosedAt     *time.Time  `json:"closed_at,omitempty"`
	Outcome      string      `json:"outcome,omitempty"` // not-filed, penalty, no-penalty

	Recusals []Recusal `json:"recusals"`
	// Recused are people recused from the case: they can do nothing more on it.
	Recused []string `json:"recused"`
	// FormerOfficers were handling officers until recused or reassigned.
	FormerOfficers []Officer `json:"former_officers"`
	// LapsedCertificates are handling officers whose certificate expired
	// during the case (PL 42: they may not act until reassigned or renewed).
	LapsedCertificates []string `json:"lapsed_certificates"`

	Deadlines []casefile.Deadline `json:"deadlines"`
	Seq       int                 `json:"seq"`
	LastHash  string              `json:"last_hash"`
}

// Recusal is an application for recusal (回避申请) and its decision.
type Recusal struct {
	ID           int        `json:"id"`
	Target       string     `json:"target"`
	TargetRole   string     `json:"target_role"`
	ByParty      bool       `json:"by_party"`
	Applicant    string     `json:"applicant"`
	Reason       string     `json:"reason"`
	AppliedAt    time.Time  `json:"applied_at"`
	Outcome      string     `json:"outcome"` // pending, granted, refused
	DecidedBy    string     `json:"decided_by,omitempty"`
	Decision     string     `json:"decision,omitempty"`
	Participants []string   `json:"participants,omitempty"` // the heads of a collective discussion (集体讨论)
	DecidedAt    *time.Time `json:"decided_at,omitempty"`
}

// NeedsReassignment tells whether fewer than two handling officers with a
// certificate still valid remain (PL 42), so the head must reassign.
func (c *Case) NeedsReassignment() bool {
	n := 0
	for _, o := range c.Officers {
		if !slices.Contains(c.LapsedCertificates, o.ID) {
			n++
		}
	}
	return n < 2 && c.Stage != StageClosed
}

// Evidence is one evidence entry (证据).
type Evidence struct {
	Kind        string    `json:"kind"`
	Description string    `json:"description"`
	Proves      string    `json:"proves"`
	Place       string    `json:"place,omitempty"`
	CollectedBy []string  `json:"collected_by"`
	At          time.Time `json:"at"`
}

// Report is the investigation-closing report (调查终结报告, SAMR 48).
type Report struct {
	Facts    string    `json:"facts"`
	Proposal Proposal  `json:"proposal"`
	At       time.Time `json:"at"`
}

// Proposal is the proposed handling.
type Proposal struct {
	Penalty string `json:"penalty" limit:"1000"` // e.g. 警告并处罚款
	Fine    Yuan   `json:"fine"`
	Basis   string `json:"basis" limit:"2000"`
}

// Review is one round of legal review.
type Review struct {
	Round      int       `json:"round"`
	ReviewerID string    `json:"reviewer_id"`
	Reviewer   string    `json:"reviewer"`
	Passed     bool      `json:"passed"`
	Opinion    string    `json:"opinion"`
	At         time.Time `json:"at"`
}

// Approval is the head's approval of the proposed penalty.
type Approval struct {
	HeadID  string    `json:"head_id"`
	Opinion string    `json:"opinion,omitempty"`
	At      time.Time `json:"at"`
}

// Notice is the prior notification (事先告知) and its window.
type Notice struct {
	ServedAt  time.Time  `json:"served_at"`
	Method    string     `json:"method"`
	ClosedAt  *time.Time `json:"closed_at,omitempty"`
	ClosedHow string     `json:"closed_how,omitempty"` // statement, waiver, expired
}

// Statement is the party's statement and defence (陈述申辩).
type Statement struct {
	Text             string    `json:"text"`
	HearingRequested bool      `json:"hearing_requested"`
	At               time.Time `json:"at"`
}

// Decision is the penalty decision (行政处罚决定).
type Decision struct {
	Outcome   string    `json:"outcome"` // penalty, no-penalty
	Penalty   string    `json:"penalty,omitempty"`
	Fine      Yuan      `json:"fine"`
	Reasons   string    `json:"reasons,omitempty"`
	DeciderID string    `json:"decider_id"`
	At        time.Time `json:"at"`
}

// Service is the service (送达) of the decision.
type Service struct {
	Method   string    `json:"method"`
	Receiver string    `json:"receiver,omitempty"`
	At       time.Time `json:"at"`
}

// Published is the publication (公示) of the decision.
type Published struct {
	Channel string    `json:"channel"`
	At      time.Time `json:"at"`
}

// Payment is the fine paid.
type Payment struct {
	Amount  Yuan      `json:"amount"`
	Receipt string    `json:"receipt"`
	At      time.Time `json:"at"`
}

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
	Officers   []Officer `json:"officers" limit:"server"`
	// Carry is the case handed over by the previous run when the workflow
	// continues as new; a new case has none.
	Carry *Carry `json:"carry,omitempty" limit:"server"`
}

// Validate checks the application on its own, as the open-case act will.
func (in *OpenCaseInput) Validate() error {
	if err := checkLimits(in); err != nil {
		return err
	}
	return in.check(nil)
}

func (in *OpenCaseInput) check(*Case) error {
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

// OpinionInput is an approval, with an optional opinion.
type OpinionInput struct {
	ActBase
	Opinion string `json:"opinion,omitempty" limit:"10000"`
}

func (in *OpinionInput) check(*Case) error { return nil }

// ReasonInput is an act that needs a written reason or opinion.
type ReasonInput struct {
	ActBase
	Opinion string `json:"opinion" limit:"10000"`
}

func (in *ReasonInput) check(*Case) error {
	if in.Opinion == "" {
		return reject(CodeInvalidInput, "须填写书面意见或理由", "a written opinion or reason is required")
	}
	return nil
}

// RecordEvidenceInput records one evidence entry.
type RecordEvidenceInput struct {
	ActBase
	Kind        string   `json:"kind" limit:"16"` // 书证, 物证, 视听资料, 电子数据, 证人证言, 当事人陈述, 鉴定意见, 勘验笔录, 现场笔录
	Description string   `json:"description" limit:"5000"`
	Proves      string   `json:"proves" limit:"2000"`
	Place       string   `json:"place,omitempty" limit:"500"`
	CollectedBy []string `json:"collected_by" limit:"20" itemlimit:"64"` // officer IDs; at least two handling officers (PL 42)
}

var evidenceKinds = []string{"书证", "物证", "视听资料", "电子数据", "证人证言", "当事人陈述", "鉴定意见", "勘验笔录", "现场笔录"}

func (in *RecordEvidenceInput) check(c *Case) error {
	if !slices.Contains(evidenceKinds, in.Kind) {
		return reject(CodeInvalidInput, "证据种类须为：%v（行政处罚法第四十六条）", "evidence kind must be one of %v (PL 46)", evidenceKinds, evidenceKinds)
	}
	if in.Description == "" || in.Proves == "" {
		return reject(CodeInvalidInput, "须填写证据内容和证明对象", "description and what it proves are required")
	}
	seen := map[string]bool{}
	for _, id := range in.CollectedBy {
		if !c.isHandler(id) {
			return reject(CodeNotOnCase, "取证人 %s 不是本案办案人员", "collector %s is not a handling officer of this case", id, id)
		}
		seen[id] = true
	}
	if len(seen) < 2 {
		return reject(CodeInvalidInput, "调查取证须由两名以上执法人员进行（行政处罚法第四十二条、第五十五条）", "evidence must be collected by at least two officers (PL 42, 55)")
	}
	return nil
}

// SubmitReportInput submits the investigation report for legal review.
type SubmitReportInput struct {
	ActBase
	Facts    string   `json:"facts" limit:"50000"`
	Proposal Proposal `json:"proposal"`
}

func (in *SubmitReportInput) check(c *Case) error {
	if in.Facts == "" || in.Proposal.Penalty == "" || in.Proposal.Basis == "" {
		return reject(CodeInvalidInput, "调查终结报告须写明事实、拟处理意见及依据（市场监管行政处罚程序规定第四十八条）", "the report needs facts, the proposed handling and its legal basis (SAMR 48)")
	}
	return nil
}

// ServeInput records the service of a document.
type ServeInput struct {
	ActBase
	Method   string `json:"method" limit:"16"` // direct (直接送达), mail (邮寄), electronic (电子, needs consent), left (留置), public (公告)
	Receiver string `json:"receiver,omitempty" limit:"200"`
}

var serviceMethods = []string{"direct", "mail", "electronic", "left", "public", "entrusted"}

func (in *ServeInput) check(*Case) error {
	if !slices.Contains(serviceMethods, in.Method) {
		return reject(CodeInvalidInput, "送达方式须为 %v 之一", "service method must be one of %v", serviceMethods, serviceMethods)
	}
	return nil
}

// RecordStatementInput records the party's statement and defence.
type RecordStatementInput struct {
	ActBase
	Text             string `json:"text" limit:"50000"`
	HearingRequested bool   `json:"hearing_requested"`
}

func (in *RecordStatementInput) check(*Case) error {
	if in.Text == "" {
		return reject(CodeInvalidInput, "须记录当事人陈述申辩内容", "the statement text is required")
	}
	if in.HearingRequested {
		return reject(CodeInvalidInput, "听证程序尚未在本系统开放，请线下组织听证后记录陈述", "the hearing procedure is not available yet")
	}
	return nil
}

// DecideInput is the head's decision.
type DecideInput struct {
	ActBase
	Outcome string `json:"outcome" limit:"16"` // penalty or no-penalty
	Penalty string `json:"penalty,omitempty" limit:"1000"`
	Fine    Yuan   `json:"fine"`
	Reasons string `json:"reasons" limit:"20000"` // adoption of the statement and why (SAMR 62)
}

func (in *DecideInput) check(c *Case) error {
	switch in.Outcome {
	case "penalty":
		if in.Penalty == "" {
			return reject(CodeInvalidInput, "须写明处罚种类和内容", "the penalty is required")
		}
		if c.Report != nil && in.Fine > c.Report.Proposal.Fine {
			return reject(CodeInvalidInput, "罚款 %s 元高于告知的 %s 元：加重处罚须重新告知（行政处罚法第四十四条、第四十五条）",
				"fine %s exceeds the notified %s: a heavier penalty needs a new prior notice (PL 44, 45)",
				in.Fine, c.Report.Proposal.Fine, in.Fine, c.Report.Proposal.Fine)
		}
	case "no-penalty":
		if in.Fine != 0 {
			return reject(CodeInvalidInput, "不予处罚决定不得有罚款", "a no-penalty decision has no fine")
		}
	default:
		return reject(CodeInvalidInput, "决定结果须为 penalty 或 no-penalty", "outcome must be penalty or no-penalty")
	}
	if in.Reasons == "" {
		return reject(CodeInvalidInput, "须写明理由及对陈述申辩的采纳情况（市场监管行政处罚程序规定第六十二条）", "reasons, including whether the statement was adopted, are required (SAMR 62)")
	}
	return nil
}

// PublishInput records publication of the decision.
type PublishInput struct {
	ActBase
	Channel string `json:"channel" limit:"200"` // e.g. 政府网站, 信用中国, 国家企业信用信息公示系统
}

func (in *PublishInput) check(*Case) error {
	if in.Channel == "" {
		return reject(CodeInvalidInput, "须写明公示渠道", "the publication channel is required")
	}
	return nil
}

// RecordPaymentInput records payment of the fine.
type RecordPaymentInput struct {
	ActBase
	Amount  Yuan   `json:"amount"`
	Receipt string `json:"receipt" limit:"100"` // bank receipt number (罚缴分离, PL 67)
}

func (in *RecordPaymentInput) check(c *Case) error {
	if c.Decision != nil && in.Amount != c.Decision.Fine {
		return reject(CodeInvalidInput, "缴款金额 %s 元与决定罚款 %s 元不符", "amount %s differs from the fine %s", in.Amount, c.Decision.Fine, in.Amount, c.Decision.Fine)
	}
	if in.Receipt == "" {
		return reject(CodeInvalidInput, "须填写银行缴款凭证号（罚缴分离，行政处罚法第六十七条）", "the bank receipt number is required (PL 67)")
	}
	return nil
}

// ApplyRecusalInput records an application for recusal (PL 43).
type ApplyRecusalInput struct {
	ActBase
	Target     string `json:"target" limit:"64"`      // the officer, reviewer or head to be recused
	TargetRole string `json:"target_role" limit:"32"` // officer, reviewer, hearing-host, head or principal-head
	ByParty    bool   `json:"by_party"`               // the party applies (recorded by an officer); otherwise the applicant is the actor
	Reason     string `json:"reason" limit:"5000"`
}

var recusalRoles = []string{"officer", "reviewer", "hearing-host", "head", "principal-head"}

func (in *ApplyRecusalInput) check(c *Case) error {
	if in.Target == "" || in.Reason == "" || !slices.Contains(recusalRoles, in.TargetRole) {
		return reject(CodeInvalidInput, "须写明回避对象、其身份（%v）和理由", "target, target role (%v) and reason are required", recusalRoles, recusalRoles)
	}
	if slices.Contains(c.Recused, in.Target) {
		return reject(CodeInvalidInput, "该人员已回避", "that person is already recused")
	}
	for _, r := range c.Recusals {
		if r.Target == in.Target && r.Outcome == "pending" {
			return reject(CodeInvalidInput, "对该人员的回避申请尚未决定", "a recusal application for that person is still pending")
		}
	}
	return nil
}

// DecideRecusalInput decides an application for recusal (PL 43; SAMR 4).
type DecideRecusalInput struct {
	ActBase
	Recusal      int      `json:"recusal"` // the application's ID
	Granted      bool     `json:"granted"`
	Reason       string   `json:"reason" limit:"5000"`
	Participants []string `json:"participants,omitempty" limit:"20" itemlimit:"64"` // heads in the collective discussion, for the principal head's recusal
}

func (in *DecideRecusalInput) check(c *Case) error {
	var r *Recusal
	for i := range c.Recusals {
		if c.Recusals[i].ID == in.Recusal {
			r = &c.Recusals[i]
		}
	}
	if r == nil || r.Outcome != "pending" {
		return reject(CodeInvalidInput, "没有待决定的该回避申请", "no pending recusal application %d", in.Recusal)
	}
	if in.Reason == "" {
		return reject(CodeInvalidInput, "须写明决定理由", "a reason is required")
	}
	if in.Actor.OfficerID == r.Target {
		return reject(CodeSeparationOfDuties, "不得决定本人的回避", "nobody decides their own recusal")
	}
	switch r.TargetRole {
	case "head":
		if !in.Actor.holds(casefile.RolePrincipalHead) {
			return reject(CodeSeparationOfDuties, "负责人的回避由主要负责人决定（市场监管行政处罚程序规定第四条）", "a head's recusal is decided by the principal head (SAMR 4)")
		}
	case "principal-head":
		heads := map[string]bool{}
		for _, p := range in.Participants {
			if p != r.Target {
				heads[p] = true
			}
		}
		if len(heads) < 2 || !heads[in.Actor.OfficerID] {
			return reject(CodeSeparationOfDuties, "主要负责人的回避由负责人集体讨论决定：须列明参加讨论的负责人（至少两人，含记录人，不含本人）（市场监管行政处罚程序规定第四条）",
				"the principal head's recusal is decided by a collective discussion of heads: list at least two participants, the recorder among them, the principal head not (SAMR 4)")
		}
	default:
		if !in.Actor.holds(casefile.RoleHead, casefile.RolePrincipalHead) {
			return reject(CodeSeparationOfDuties, "执法人员的回避由负责人决定（行政处罚法第四十三条）", "staff recusal is decided by a head (PL 43)")
		}
	}
	return nil
}

// ReassignOfficersInput replaces handling officers. Clients send the IDs to
// add and remove; the API fills Officers with the added officers it checked.
type ReassignOfficersInput struct {
	ActBase
	Add      []string  `json:"add" limit:"20" itemlimit:"64"`
	Remove   []string  `json:"remove" limit:"20" itemlimit:"64"`
	Reason   string    `json:"reason" limit:"5000"`
	Officers []Officer `json:"officers,omitempty" limit:"server"`
}

func (in *ReassignOfficersInput) check(c *Case) error {
	if in.Reason == "" || len(in.Add)+len(in.Remove) == 0 {
		return reject(CodeInvalidInput, "须写明增减的办案人员和理由", "officers to add or remove and a reason are required")
	}
	if len(in.Officers) != len(in.Add) {
		return reject(CodeInvalidInput, "新增办案人员未经核验", "the added officers were not checked")
	}
	for _, id := range in.Remove {
		if !c.isHandler(id) {
			return reject(CodeInvalidInput, "%s 不是本案办案人员", "%s is not a handling officer", id, id)
		}
	}
	for _, o := range in.Officers {
		if slices.Contains(c.Recused, o.ID) {
			return reject(CodeRecused, "%s 已回避，不得再办理本案", "%s is recused from this case", o.Name, o.Name)
		}
		if c.reviewedBy(o.ID) {
			return reject(CodeSeparationOfDuties, "%s 曾审核本案，不得作为办案人员", "%s reviewed this case and may not handle it", o.Name, o.Name)
		}
	}
	if len(c.afterReassignment(in)) < 2 {
		return reject(CodeInvalidInput, "调整后须有两名以上持有效执法证的办案人员（行政处罚法第四十二条）", "at least two certified handling officers must remain (PL 42)")
	}
	return nil
}

// afterReassignment is the handling officers with a valid certificate that
// a reassignment would leave.
func (c *Case) afterReassignment(in *ReassignOfficersInput) []Officer {
	var out []Officer
	for _, o := range c.Officers {
		if !slices.Contains(in.Remove, o.ID) && !slices.Contains(c.LapsedCertificates, o.ID) {
			out = append(out, o)
		}
	}
	for _, o := range in.Officers {
		if !slices.ContainsFunc(out, func(x Officer) bool { return x.ID == o.ID }) {
			out = append(out, o)
		}
	}
	return out
}

// inputs maps each act to its input type.
var inputs = map[casefile.Act]func() Input{
	ActOpenCase:         func() Input { return &OpenCaseInput{} },
	ActApproveFiling:    func() Input { return &OpinionInput{} },
	ActRejectFiling:     func() Input { return &ReasonInput{} },
	ActRecordEvidence:   func() Input { return &RecordEvidenceInput{} },
	ActSubmitReport:     func() Input { return &SubmitReportInput{} },
	ActApproveReview:    func() Input { return &OpinionInput{} },
	ActReturnReview:     func() Input { return &ReasonInput{} },
	ActApprovePenalty:   func() Input { return &OpinionInput{} },
	ActServeNotice:      func() Input { return &ServeInput{} },
	ActRecordStatement:  func() Input { return &RecordStatementInput{} },
	ActRecordWaiver:     func() Input { return &OpinionInput{} },
	ActDecide:           func() Input { return &DecideInput{} },
	ActServeDecision:    func() Input { return &ServeInput{} },
	ActPublish:          func() Input { return &PublishInput{} },
	ActRecordPayment:    func() Input { return &RecordPaymentInput{} },
	ActRequestClosing:   func() Input { return &ReasonInput{} },
	ActApproveClosing:   func() Input { return &OpinionInput{} },
	ActApplyRecusal:     func() Input { return &ApplyRecusalInput{} },
	ActDecideRecusal:    func() Input { return &DecideRecusalInput{} },
	ActReassignOfficers: func() Input { return &ReassignOfficersInput{} },
}

func (c *Case) isHandler(id string) bool {
	return slices.ContainsFunc(c.Officers, func(o Officer) bool { return o.ID == id })
}

func (c *Case) reviewedBy(id string) bool {
	return slices.ContainsFunc(c.Reviews, func(r Review) bool { return r.ReviewerID == id })
}

func (c *Case) publicationRequired() bool {
	return c.Decision != nil && c.Decision.Outcome == "penalty"
}

// May tells whether the actor may perform act on the case now, as far as the
// case's own state and history decide (the role is Casbin's concern). It is
// the validator of every act and what the API uses to list the acts open to
// a caller.
func (c *Case) May(act casefile.Act, actor string) error {
	handlerOnly := func(stages ...Stage) error {
		if !slices.Contains(stages, c.Stage) {
			return c.wrongStep(act)
		}
		if !c.isHandler(actor) {
			return reject(CodeNotOnCase, "只有本案办案人员可以办理此步骤", "only the case's handling officers may do this")
		}
		return nil
	}
	notHandler := func(stage Stage, zh, en string) error {
		if c.Stage != stage {
			return c.wrongStep(act)
		}
		if c.isHandler(actor) {
			return reject(CodeSeparationOfDuties, zh, en)
		}
		return nil
	}
	if slices.Contains(c.Recused, actor) {
		return reject(CodeRecused, "您已回避，不得再办理本案（行政处罚法第四十三条）", "you are recused from this case (PL 43)")
	}
	switch act {
	case ActApplyRecusal, ActDecideRecusal, ActReassignOfficers:
		if c.Stage == StageClosed || c.Seq == 0 {
			return c.wrongStep(act)
		}
		if act == ActDecideRecusal && !slices.ContainsFunc(c.Recusals, func(r Recusal) bool { return r.Outcome == "pending" }) {
			return reject(CodeWrongStep, "没有待决定的回避申请", "no recusal application is pending")
		}
		if act == ActReassignOfficers && c.isHandler(actor) {
			return reject(CodeSeparationOfDuties, "办案人员不得调整本案办案人员", "a handling officer may not reassign the case")
		}
		return nil
	case ActOpenCase:
		if c.Seq != 0 {
			return c.wrongStep(act)
		}
		return nil
	case ActApproveFiling, ActRejectFiling:
		if c.Stage != StageFiling || c.Seq == 0 {
			return c.wrongStep(act)
		}
		return nil
	case ActRecordEvidence:
		return handlerOnly(StageInvestigation)
	case ActSubmitReport:
		if err := handlerOnly(StageInvestigation); err != nil {
			return err
		}
		if len(c.Evidence) == 0 {
			return reject(CodeWrongStep, "尚未记录证据，不能提交调查终结报告", "record evidence before submitting the report")
		}
		return nil
	case ActApproveReview, ActReturnReview:
		return notHandler(StageReview, "办案人员不得作为本案审核人员（市场监管行政处罚程序规定第四十九条）",
			"a handling officer may not review the case (SAMR 49)")
	case ActApprovePenalty:
		if err := notHandler(StagePenaltyApproval, "办案人员不得审批本案处罚（办审定分离）", "a handling officer may not approve the penalty (handling, review and decision are separate)"); err != nil {
			return err
		}
		if c.reviewedBy(actor) {
			return reject(CodeSeparationOfDuties, "审核人员不得审批本案处罚（办审定分离）", "the reviewer may not approve the penalty (handling, review and decision are separate)")
		}
		return nil
	case ActServeNotice:
		return handlerOnly(StageNotice)
	case ActRecordStatement, ActRecordWaiver:
		if c.Notice != nil && c.Notice.ClosedAt != nil {
			return reject(CodeWindowClosed, "陈述申辩期限已届满或已结束（市场监管行政处罚程序规定第五十七条）", "the statement window has closed (SAMR 57)")
		}
		return handlerOnly(StageStatement)
	case ActDecide:
		if !c.ReviewPassed {
			return reject(CodeReviewRequired, "未经法制审核或审核未通过的，不得作出决定（行政处罚法第五十八条）", "no decision without a passed legal review (PL 58)")
		}
		if c.Stage == StageStatement {
			return reject(CodeWindowOpen, "陈述申辩期限未届满且当事人未放弃，不得作出决定（行政处罚法第六十二条）", "the party's statement window is still open (PL 62)")
		}
		if err := notHandler(StageDecision, "办案人员不得作出本案决定（办审定分离）", "a handling officer may not decide the case (handling, review and decision are separate)"); err != nil {
			return err
		}
		if c.reviewedBy(actor) {
			return reject(CodeSeparationOfDuties, "审核人员不得作出本案决定（办审定分离）", "the reviewer may not decide the case (handling, review and decision are separate)")
		}
		return nil
	case ActServeDecision:
		return handlerOnly(StageService)
	case ActPublish:
		if !c.publicationRequired() || c.Publication != nil {
			if c.Publication != nil {
				return reject(CodeWrongStep, "处罚决定已公示", "the decision is already published")
			}
			return c.wrongStep(act)
		}
		return handlerOnly(StageService, StageExecution, StageClosing)
	case ActRecordPayment:
		return handlerOnly(StageExecution)
	case ActRequestClosing:
		if err := handlerOnly(StageClosing); err != nil {
			return err
		}
		if c.publicationRequired() && c.Publication == nil {
			return reject(CodeWrongStep, "处罚决定尚未公示，不能结案（行政处罚法第四十八条）", "publish the decision before closing (PL 48)")
		}
		return nil
	case ActApproveClosing:
		return notHandler(StageClosingApproval, "办案人员不得审批本案结案", "a handling officer may not approve closing")
	}
	return reject(CodeWrongStep, "未知的执法行为 %s", "unknown act %s", act, act)
}

// officerActs are the acts of handling officers, which need a valid
// certificate at the moment of the act (PL 42, 76(5)).
var officerActs = []casefile.Act{ActOpenCase, ActRecordEvidence, ActSubmitReport,
	ActServeNotice, ActRecordStatement, ActRecordWaiver, ActServeDecision,
	ActPublish, ActRecordPayment, ActRequestClosing}

// mayAs is May plus what the actor brings: an officer act needs the
// certificate the API found valid for this case's field at this moment.
func (c *Case) mayAs(act casefile.Act, actor Actor) error {
	if err := c.May(act, actor.OfficerID); err != nil {
		return err
	}
	if slices.Contains(officerActs, act) && actor.Certificate == "" {
		return reject(CodeNoCertificate, "您没有涵盖本案领域的有效行政执法证件（行政处罚法第四十二条）", "you hold no valid enforcement certificate for this case's field (PL 42)")
	}
	return nil
}

func (c *Case) wrongStep(act casefile.Act) error {
	return reject(CodeWrongStep, "案件当前处于「%s」环节，不能办理「%s」", "the case is at step %q; %q is not possible now",
		stageNames[c.Stage], actNames[act], c.Stage, act)
}

// AvailableActs lists the acts the officer may perform now as far as the
// case decides; the API intersects it with what policy allows the caller.
func (c *Case) AvailableActs(officerID string) []casefile.Act {
	var out []casefile.Act
	for _, act := range CaseActs {
		if c.May(act, officerID) == nil {
			out = append(out, act)
		}
	}
	return out
}

var stageNames = map[Stage]string{
	StageFiling: "立案审批", StageInvestigation: "调查取证", StageReview: "法制审核", StagePenaltyApproval: "处罚审批",
	StageNotice: "事先告知", StageStatement: "陈述申辩", StageDecision: "处罚决定", StageService: "送达",
	StageExecution: "执行", StageClosing: "结案", StageClosingApproval: "结案审批", StageClosed: "已结案",
}

var actNames = map[casefile.Act]string{
	ActOpenCase: "立案申请", ActApproveFiling: "批准立案", ActRejectFiling: "不予立案",
	ActRecordEvidence: "记录证据", ActSubmitReport: "提交调查终结报告", ActApproveReview: "审核通过",
	ActReturnReview: "审核退回", ActApprovePenalty: "批准拟处罚意见", ActServeNotice: "送达告知书",
	ActRecordStatement: "记录陈述申辩", ActRecordWaiver: "记录放弃陈述申辩", ActDecide: "作出处罚决定",
	ActServeDecision: "送达决定书", ActPublish: "公示", ActRecordPayment: "记录缴款",
	ActRequestClosing: "申请结案", ActApproveClosing: "批准结案",
	ActApplyRecusal: "申请回避", ActDecideRecusal: "决定回避", ActReassignOfficers: "调整办案人员",
}

// ActName is the Chinese name of an act.
func ActName(act casefile.Act) string { return actNames[act] }

// Tasks lists who must act next: the open tasks of the case.
func (c *Case) Tasks() []casefile.Task {
	var out []casefile.Task
	due := func(key string) *time.Time {
		for _, d := range c.Deadlines {
			if d.Key == key {
				t := d.DueAt
				return &t
			}
		}
		return nil
	}
	role := func(key, kind string, r casefile.Role, dueKey string, acts ...casefile.Act) {
		out = append(out, casefile.Task{Key: key, Kind: kind, Role: string(r), Acts: actStrings(acts), Title: actTitle(acts), DueAt: due(dueKey)})
	}
	officers := func(key, dueKey string, acts ...casefile.Act) {
		for _, o := range c.Officers {
			out = append(out, casefile.Task{Key: key, Kind: "step", Role: string(casefile.RoleOfficer), Assignee: o.ID,
				Acts: actStrings(acts), Title: actTitle(acts), DueAt: due(dueKey)})
		}
	}
	switch c.Stage {
	case StageFiling:
		role("filing", "approval", casefile.RoleHead, "filing", ActApproveFiling, ActRejectFiling)
	case StageInvestigation:
		officers("investigation", "decision", ActRecordEvidence, ActSubmitReport)
	case StageReview:
		key := fmt.Sprintf("review#%d", len(c.Reviews)+1)
		role(key, "review", casefile.RoleReviewer, key, ActApproveReview, ActReturnReview)
	case StagePenaltyApproval:
		role("penalty-approval", "approval", casefile.RoleHead, "decision", ActApprovePenalty)
	case StageNotice:
		officers("notice", "decision", ActServeNotice)
	case StageStatement:
		officers("statement", "statement", ActRecordStatement, ActRecordWaiver)
	case StageDecision:
		role("decision", "approval", casefile.RoleHead, "decision", ActDecide)
	case StageService:
		officers("service", "service", ActServeDecision)
	case StageExecution:
		officers("payment", "payment", ActRecordPayment)
	case StageClosing:
		officers("closing", "closing", ActRequestClosing)
	case StageClosingApproval:
		role("closing-approval", "approval", casefile.RoleHead, "closing", ActApproveClosing)
	}
	for _, r := range c.Recusals {
		if r.Outcome == "pending" {
			decider := casefile.RoleHead
			if r.TargetRole == "head" || r.TargetRole == "principal-head" {
				decider = casefile.RolePrincipalHead
			}
			role(fmt.Sprintf("recusal#%d", r.ID), "approval", decider, "", ActDecideRecusal)
		}
	}
	if c.NeedsReassignment() {
		role("reassignment", "approval", casefile.RoleHead, "", ActReassignOfficers)
	}
	if c.publicationRequired() && c.Publication == nil && c.Stage != StageClosed {
		officers("publication", "publication", ActPublish)
	}
	return out
}

func actStrings(acts []casefile.Act) []string {
	out := make([]string, len(acts))
	for i, a := range acts {
		out[i] = string(a)
	}
	return out
}

func actTitle(acts []casefile.Act) string {
	title := ""
	for i, a := range acts {
		if i > 0 {
			title += " / "
		}
		title += actNames[a]
	}
	return title
}

// generalPenalty is the running workflow: the case plus what only the
// running code needs.
type generalPenalty struct {
	c      Case
	mu     workflow.Mutex
	timers map[string]workflow.CancelFunc
	// recorded is the case as the record last stored it, field by field:
	// each act sends only what changed since.
	recorded map[string]json.RawMessage
	// updates are the IDs of the acts performed, this run and the last.
	updates []string
}

// A run continues as new well before Temporal's limits (50 MB, 51,200
// events per run; warnings at a fifth of that): a case of any length keeps
// each run's history under a tenth of them.
const (
	continueAfterEvents = 2500
	continueAfterBytes  = 2_500_000
	// keptUpdateIDs bounds the act IDs handed to the next run.
	keptUpdateIDs = 2000
)

// GeneralPenalty is the workflow of one general-procedure case. Its input is
// the application to file; the first act, open-case, records it. A long
// case continues as new with its state, timers and act IDs (in.Carry).
func GeneralPenalty(ctx workflow.Context, in OpenCaseInput) (ActResult, error) {
	w := &generalPenalty{mu: workflow.NewMutex(ctx), timers: map[string]workflow.CancelFunc{}, recorded: map[string]json.RawMessage{}}
	if in.Carry != nil {
		w.c, w.updates = in.Carry.Case, in.Carry.Updates
		fields, err := caseFields(&w.c)
		if err != nil {
			return ActResult{}, err
		}
		w.recorded = fields
	} else {
		w.c = Case{ID: in.CaseID, Procedure: ProcedureGeneral, AgencyID: in.AgencyID, AgencyName: in.AgencyName,
			PowerItem: in.PowerItem, Party: in.Party, Facts: in.Facts, Source: in.Source, Officers: in.Officers,
			Stage: StageFiling, Evidence: []Evidence{}, Reviews: []Review{}, Statements: []Statement{}, Deadlines: []casefile.Deadline{},
			Recusals: []Recusal{}, Recused: []string{}, FormerOfficers: []Officer{}, LapsedCertificates: []string{}}
	}
	if err := workflow.SetQueryHandler(ctx, StateQuery, func() (Case, error) { return w.c, nil }); err != nil {
		return ActResult{}, err
	}
	w.register(ctx)
	if in.Carry == nil {
		// The API opens a case with update-with-start; a workflow whose
		// application never arrived (or was refused) ends instead of waiting forever.
		if opened, err := workflow.AwaitWithTimeout(ctx, time.Hour, func() bool { return w.c.Seq > 0 }); err != nil || !opened {
			return w.result(), err
		}
	} else {
		w.syncTimers(ctx)
		for _, o := range w.c.Officers {
			if !slices.Contains(w.c.LapsedCertificates, o.ID) {
				w.watchCertificate(ctx, o)
			}
		}
	}
	for {
		err := workflow.Await(ctx, func() bool {
			return (w.c.Stage == StageClosed || continueSuggested(ctx)) && workflow.AllHandlersFinished(ctx)
		})
		if err != nil {
			return w.result(), err
		}
		if w.c.Stage == StageClosed {
			break
		}
		// Hand over only between acts: no act and no timer's record in flight.
		if err := w.mu.Lock(ctx); err != nil {
			return w.result(), err
		}
		if !workflow.AllHandlersFinished(ctx) {
			w.mu.Unlock()
			continue
		}
		updates := w.updates[max(0, len(w.updates)-keptUpdateIDs):]
		return w.result(), workflow.NewContinueAsNewError(ctx, GeneralPenalty, OpenCaseInput{Carry: &Carry{Case: w.c.carried(), Updates: updates}})
	}
	for _, key := range slices.Sorted(maps.Keys(w.timers)) {
		w.timers[key]()
	}
	return w.result(), nil
}

// carried is the case as it is handed to the next run: the long texts
// that no rule reads again (evidence, statements, review opinions, facts,
// reasons) are left in the record and replaced by their reference, so the
// hand-over stays small however long the case. Only fields that are set
// whole or appended to are shortened: the record keeps their full text,
// since an unchanged field is never sent again.
func (c Case) carried() Case {
	c.Facts = casefile.Ref(c.Facts)
	c.Evidence = slices.Clone(c.Evidence)
	for i := range c.Evidence {
		e := &c.Evidence[i]
		e.Description, e.Proves, e.Place = casefile.Ref(e.Description), casefile.Ref(e.Proves), casefile.Ref(e.Place)
	}
	c.Statements = slices.Clone(c.Statements)
	for i := range c.Statements {
		c.Statements[i].Text = casefile.Ref(c.Statements[i].Text)
	}
	c.Reviews = slices.Clone(c.Reviews)
	for i := range c.Reviews {
		c.Reviews[i].Opinion = casefile.Ref(c.Reviews[i].Opinion)
	}
	if c.Report != nil {
		r := *c.Report
		r.Facts = casefile.Ref(r.Facts)
		c.Report = &r
	}
	if c.Decision != nil {
		d := *c.Decision
		d.Reasons = casefile.Ref(d.Reasons)
		c.Decision = &d
	}
	c.ClosingNote = casefile.Ref(c.ClosingNote)
	return c
}

func continueSuggested(ctx workflow.Context) bool {
	info := workflow.GetInfo(ctx)
	return info.GetContinueAsNewSuggested() || info.GetCurrentHistoryLength() >= continueAfterEvents ||
		info.GetCurrentHistorySize() >= continueAfterBytes
}

func (w *generalPenalty) result() ActResult { return ActResult{Seq: w.c.Seq, Stage: string(w.c.Stage)} }

// register installs one Update per act: the validator checks the input's
// limits, May and the input's own check, so an illegal act is refused
// before it enters history. An act whose ID was already performed (in this
// run or, across a continue-as-new, the last) is accepted and does nothing.
func (w *generalPenalty) register(ctx workflow.Context) {
	for act, newInput := range inputs {
		apply := w.appliers()[act]
		handler := func(ctx workflow.Context, raw json.RawMessage) (ActResult, error) {
			if w.performed(ctx) {
				return w.result(), nil
			}
			in := newInput()
			if err := json.Unmarshal(raw, in); err != nil {
				return w.result(), reject(CodeInvalidInput, "输入格式错误：%v", "malformed input: %v", err, err)
			}
			return w.handle(ctx, act, in, apply)
		}
		validator := func(ctx workflow.Context, raw json.RawMessage) error {
			if w.performed(ctx) {
				return nil
			}
			in := newInput()
			if err := json.Unmarshal(raw, in); err != nil {
				return reject(CodeInvalidInput, "输入格式错误：%v", "malformed input: %v", err, err)
			}
			return w.check(act, in)
		}
		if err := workflow.SetUpdateHandlerWithOptions(ctx, string(act), handler, workflow.UpdateHandlerOptions{Validator: validator}); err != nil {
			panic(fmt.Sprintf("register update %s: %v", act, err)) // programming error: duplicate name
		}
	}
}

// performed tells whether the current act's ID was performed before.
func (w *generalPenalty) performed(ctx workflow.Context) bool {
	info := workflow.GetCurrentUpdateInfo(ctx)
	return info != nil && info.ID != "" && slices.Contains(w.updates, info.ID)
}

// check is every check of an act: its limits, the case's state and the
// input's own rules.
func (w *generalPenalty) check(act casefile.Act, in Input) error {
	if err := checkLimits(in); err != nil {
		return err
	}
	if err := w.c.mayAs(act, in.base().Actor); err != nil {
		return err
	}
	return in.check(&w.c)
}

// applier performs an accepted act: it computes what deadlines it needs
// first (that can fail without changing anything), then changes the state
// and returns the summary and data of the event to record.
type applier func(ctx workflow.Context, in Input, now time.Time) (summary string, data any, err error)

// handle runs one accepted act under the case mutex: re-check (another act
// may have landed since validation), apply, record. If anything fails the
// case is as it was before the act.
func (w *generalPenalty) handle(ctx workflow.Context, act casefile.Act, in Input, apply applier) (ActResult, error) {
	if err := w.mu.Lock(ctx); err != nil {
		return w.result(), err
	}
	defer w.mu.Unlock()
	if err := w.check(act, in); err != nil {
		return w.result(), err
	}
	before, err := json.Marshal(w.c)
	if err != nil {
		return w.result(), err
	}
	now := workflow.Now(ctx)
	summary, data, err := apply(ctx, in, now)
	if err == nil {
		err = w.record(ctx, act, in.base().Actor, now, summary, data)
	}
	if err != nil {
		w.restore(ctx, before)
		return w.result(), err
	}
	if info := workflow.GetCurrentUpdateInfo(ctx); info != nil && info.ID != "" {
		w.updates = append(w.updates, info.ID)
	}
	return w.result(), nil
}

// restore puts the case back as it was before a failed act or system
// event, timers included.
func (w *generalPenalty) restore(ctx workflow.Context, before []byte) {
	var c Case
	if err := json.Unmarshal(before, &c); err != nil {
		panic(fmt.Sprintf("restore case %s: %v", w.c.ID, err)) // it was marshalled from a Case a moment ago
	}
	w.c = c
	w.syncTimers(ctx)
}

// syncTimers makes the armed deadline timers match the case's open
// deadlines: after a restore, and at the start of a continued run.
func (w *generalPenalty) syncTimers(ctx workflow.Context) {
	open := map[string]bool{}
	for _, d := range w.c.Deadlines {
		if d.State == casefile.DeadlineOpen {
			open[d.Key] = true
		}
	}
	for _, key := range slices.Sorted(maps.Keys(w.timers)) {
		if !strings.HasPrefix(key, certificateTimer) && !open[key] {
			w.timers[key]()
			delete(w.timers, key)
		}
	}
	for _, d := range w.c.Deadlines {
		if d.State == casefile.DeadlineOpen && w.timers[d.Key] == nil {
			w.arm(ctx, d)
		}
	}
}

func (w *generalPenalty) appliers() map[casefile.Act]applier {
	c := &w.c
	return map[casefile.Act]applier{
		ActOpenCase: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			number, err := allocateNumber(ctx, c.ID, c.AgencyID, now)
			if err != nil {
				return "", nil, err
			}
			d, err := w.deadline(ctx, "filing", "filing", now)
			if err != nil {
				return "", nil, err
			}
			c.Number, c.OpenedAt = number, now
			w.open(ctx, d)
			for _, o := range c.Officers {
				w.watchCertificate(ctx, o)
			}
			return fmt.Sprintf("立案申请：%s，当事人 %s", c.PowerItem.Name, c.Party.Name), in, nil
		},
		ActApproveFiling: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			d, err := w.deadline(ctx, "decision", "decision", now)
			if err != nil {
				return "", nil, err
			}
			w.meet("filing", now)
			c.FiledAt, c.Stage = &now, StageInvestigation
			w.open(ctx, d)
			return "批准立案", in, nil
		},
		ActRejectFiling: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			w.meet("filing", now)
			c.Stage, c.Outcome, c.ClosedAt = StageClosed, "not-filed", &now
			return "不予立案：" + in.(*ReasonInput).Opinion, in, nil
		},
		ActRecordEvidence: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			e := in.(*RecordEvidenceInput)
			c.Evidence = append(c.Evidence, Evidence{Kind: e.Kind, Description: e.Description, Proves: e.Proves, Place: e.Place, CollectedBy: e.CollectedBy, At: now})
			return fmt.Sprintf("记录证据（%s）：%s", e.Kind, e.Description), in, nil
		},
		ActSubmitReport: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			r := in.(*SubmitReportInput)
			key := fmt.Sprintf("review#%d", len(c.Reviews)+1)
			d, err := w.deadline(ctx, key, "review", now)
			if err != nil {
				return "", nil, err
			}
			c.Report = &Report{Facts: r.Facts, Proposal: r.Proposal, At: now}
			c.Stage = StageReview
			w.open(ctx, d)
			return fmt.Sprintf("提交调查终结报告，送法制审核（第 %d 轮）；拟：%s", len(c.Reviews)+1, r.Proposal.Penalty), in, nil
		},
		ActApproveReview: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			o := in.(*OpinionInput)
			round := len(c.Reviews) + 1
			w.meet(fmt.Sprintf("review#%d", round), now)
			c.Reviews = append(c.Reviews, Review{Round: round, ReviewerID: o.Actor.OfficerID, Reviewer: o.Actor.Name, Passed: true, Opinion: o.Opinion, At: now})
			c.ReviewPassed, c.Stage = true, StagePenaltyApproval
			return fmt.Sprintf("法制审核通过（第 %d 轮）", round), in, nil
		},
		ActReturnReview: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			o := in.(*ReasonInput)
			round := len(c.Reviews) + 1
			w.meet(fmt.Sprintf("review#%d", round), now)
			c.Reviews = append(c.Reviews, Review{Round: round, ReviewerID: o.Actor.OfficerID, Reviewer: o.Actor.Name, Passed: false, Opinion: o.Opinion, At: now})
			c.Stage = StageInvestigation
			return fmt.Sprintf("法制审核退回（第 %d 轮）：%s", round, o.Opinion), in, nil
		},
		ActApprovePenalty: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			o := in.(*OpinionInput)
			c.Approval = &Approval{HeadID: o.Actor.OfficerID, Opinion: o.Opinion, At: now}
			c.Stage = StageNotice
			return "负责人批准拟处罚意见", in, nil
		},
		ActServeNotice: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			s := in.(*ServeInput)
			d, err := w.deadline(ctx, "statement", "statement", now)
			if err != nil {
				return "", nil, err
			}
			c.Notice = &Notice{ServedAt: now, Method: s.Method}
			c.Stage = StageStatement
			w.open(ctx, d)
			return fmt.Sprintf("送达行政处罚告知书（%s），陈述申辩期限至 %s", s.Method, d.DueDate), in, nil
		},
		ActRecordStatement: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			s := in.(*RecordStatementInput)
			c.Statements = append(c.Statements, Statement{Text: s.Text, HearingRequested: s.HearingRequested, At: now})
			w.closeWindow(now, "statement")
			return "记录当事人陈述申辩：" + s.Text, in, nil
		},
		ActRecordWaiver: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			w.closeWindow(now, "waiver")
			return "当事人明确放弃陈述、申辩和听证", in, nil
		},
		ActDecide: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			d := in.(*DecideInput)
			keys := []string{"service"}
			if d.Outcome == "penalty" {
				keys = append(keys, "publication")
			}
			var opened []casefile.Deadline
			for _, k := range keys {
				dl, err := w.deadline(ctx, k, k, now)
				if err != nil {
					return "", nil, err
				}
				opened = append(opened, dl)
			}
			w.meet("decision", now)
			c.Decision = &Decision{Outcome: d.Outcome, Penalty: d.Penalty, Fine: d.Fine, Reasons: d.Reasons, DeciderID: d.Actor.OfficerID, At: now}
			c.Outcome, c.Stage = d.Outcome, StageService
			for _, dl := range opened {
				w.open(ctx, dl)
			}
			if d.Outcome == "penalty" {
				return fmt.Sprintf("作出行政处罚决定：%s（罚款 %s 元）", d.Penalty, d.Fine), in, nil
			}
			return "作出不予行政处罚决定", in, nil
		},
		ActServeDecision: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			s := in.(*ServeInput)
			next, key := StageClosing, "closing"
			if c.Decision.Fine > 0 {
				next, key = StageExecution, "payment"
			}
			d, err := w.deadline(ctx, key, key, now)
			if err != nil {
				return "", nil, err
			}
			w.meet("service", now)
			c.Service = &Service{Method: s.Method, Receiver: s.Receiver, At: now}
			c.Stage = next
			w.open(ctx, d)
			return fmt.Sprintf("送达行政处罚决定书（%s）", s.Method), in, nil
		},
		ActPublish: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			p := in.(*PublishInput)
			w.meet("publication", now)
			c.Publication = &Published{Channel: p.Channel, At: now}
			return "公示行政处罚决定：" + p.Channel, in, nil
		},
		ActRecordPayment: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			p := in.(*RecordPaymentInput)
			d, err := w.deadline(ctx, "closing", "closing", now)
			if err != nil {
				return "", nil, err
			}
			w.meet("payment", now)
			c.Payment = &Payment{Amount: p.Amount, Receipt: p.Receipt, At: now}
			c.Stage = StageClosing
			w.open(ctx, d)
			return fmt.Sprintf("罚款 %s 元已缴纳（凭证 %s）", p.Amount, p.Receipt), in, nil
		},
		ActRequestClosing: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			c.ClosingNote = in.(*ReasonInput).Opinion
			c.Stage = StageClosingApproval
			return "填写结案审批表：" + c.ClosingNote, in, nil
		},
		ActApplyRecusal: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			r := in.(*ApplyRecusalInput)
			applicant := r.Actor.OfficerID
			if r.ByParty {
				applicant = "party"
			}
			c.Recusals = append(c.Recusals, Recusal{ID: len(c.Recusals) + 1, Target: r.Target, TargetRole: r.TargetRole,
				ByParty: r.ByParty, Applicant: applicant, Reason: r.Reason, AppliedAt: now, Outcome: "pending"})
			who := "执法人员"
			if r.ByParty {
				who = "当事人"
			}
			return fmt.Sprintf("%s申请 %s 回避：%s（决定前调查不停止，行政处罚法第四十三条）", who, r.Target, r.Reason), in, nil
		},
		ActDecideRecusal: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			d := in.(*DecideRecusalInput)
			r := &c.Recusals[d.Recusal-1]
			r.Outcome, r.DecidedBy, r.Decision, r.Participants, r.DecidedAt = "refused", d.Actor.OfficerID, d.Reason, d.Participants, &now
			if !d.Granted {
				return fmt.Sprintf("驳回对 %s 的回避申请：%s", r.Target, d.Reason), in, nil
			}
			r.Outcome = "granted"
			c.Recused = append(c.Recused, r.Target)
			for i, o := range c.Officers {
				if o.ID == r.Target {
					c.FormerOfficers = append(c.FormerOfficers, o)
					c.Officers = slices.Delete(c.Officers, i, i+1)
					break
				}
			}
			return fmt.Sprintf("决定 %s 回避：%s", r.Target, d.Reason), in, nil
		},
		ActReassignOfficers: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			r := in.(*ReassignOfficersInput)
			var kept []Officer
			for _, o := range c.Officers {
				if slices.Contains(r.Remove, o.ID) {
					c.FormerOfficers = append(c.FormerOfficers, o)
				} else {
					kept = append(kept, o)
				}
			}
			for _, o := range r.Officers {
				if !slices.ContainsFunc(kept, func(x Officer) bool { return x.ID == o.ID }) {
					kept = append(kept, o)
				} else {
					// Re-added with a renewed certificate: the lapse is over.
					for i := range kept {
						if kept[i].ID == o.ID {
							kept[i] = o
						}
					}
				}
				c.LapsedCertificates = slices.DeleteFunc(c.LapsedCertificates, func(id string) bool { return id == o.ID })
				w.watchCertificate(ctx, o)
			}
			c.Officers = kept
			return fmt.Sprintf("调整办案人员：增加 %v，减少 %v；%s", r.Add, r.Remove, r.Reason), in, nil
		},
		ActApproveClosing: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			w.meet("closing", now)
			c.Stage, c.ClosedAt = StageClosed, &now
			return "批准结案", in, nil
		},
	}
}

// closeWindow ends the statement window (PL 62: the decision may follow).
func (w *generalPenalty) closeWindow(now time.Time, how string) {
	w.c.Notice.ClosedAt, w.c.Notice.ClosedHow = &now, how
	w.meet("statement", now)
	w.c.Stage = StageDecision
}

// deadline computes a new deadline through the activity; nothing changes yet.
func (w *generalPenalty) deadline(ctx workflow.Context, key, step string, start time.Time) (casefile.Deadline, error) {
	l := limits[step]
	var res ComputeDeadlineResult
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 30 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{NonRetryableErrorTypes: []string{CodeCalendarMissing}},
	})
	err := workflow.ExecuteActivity(ctx, ComputeDeadlineActivity, ComputeDeadlineInput{Start: start, Amount: l.amount, Unit: string(l.unit)}).Get(ctx, &res)
	if err != nil {
		if RejectionCode(err) == CodeCalendarMissing {
			return casefile.Deadline{}, reject(CodeCalendarMissing, "无法计算「%s」期限：%v", "cannot compute the %s deadline: %v", l.title, err, step, err)
		}
		return casefile.Deadline{}, err
	}
	return casefile.Deadline{Key: key, Step: step, Title: l.title, Basis: l.basis, Unit: l.unit, Amount: l.amount,
		StartAt: start, DueDate: res.DueDate, DueAt: res.DueAt, WarnAt: res.WarnAt, State: casefile.DeadlineOpen, Window: l.window}, nil
}

// open adds a deadline to the case and arms its timer.
func (w *generalPenalty) open(ctx workflow.Context, d casefile.Deadline) {
	w.c.Deadlines = append(w.c.Deadlines, d)
	w.arm(ctx, d)
}

// arm starts the timer of an open deadline, replacing any timer of its key.
func (w *generalPenalty) arm(ctx workflow.Context, d casefile.Deadline) {
	if cancel, ok := w.timers[d.Key]; ok {
		cancel()
	}
	tctx, cancel := workflow.WithCancel(ctx)
	w.timers[d.Key] = cancel
	workflow.Go(tctx, func(tctx workflow.Context) {
		wait := max(d.DueAt.Sub(workflow.Now(tctx)), time.Millisecond)
		if err := workflow.NewTimer(tctx, wait).Get(tctx, nil); err != nil {
			return // cancelled: the deadline was met
		}
		w.expire(tctx, d.Key)
	})
}

// watchCertificate arms a timer at the end of a handling officer's
// certificate: when it lapses mid-case the officer may no longer act, and
// if fewer than two certified handlers remain the head is asked to reassign.
func (w *generalPenalty) watchCertificate(ctx workflow.Context, o Officer) {
	if o.CertificateValidUntil.IsZero() {
		return
	}
	key := certificateTimer + o.ID
	if cancel, ok := w.timers[key]; ok {
		cancel()
	}
	tctx, cancel := workflow.WithCancel(ctx)
	w.timers[key] = cancel
	workflow.Go(tctx, func(tctx workflow.Context) {
		wait := max(o.CertificateValidUntil.Sub(workflow.Now(tctx)), time.Millisecond)
		if err := workflow.NewTimer(tctx, wait).Get(tctx, nil); err != nil {
			return
		}
		if err := w.mu.Lock(tctx); err != nil {
			return
		}
		defer w.mu.Unlock()
		delete(w.timers, key)
		if !w.c.isHandler(o.ID) || slices.Contains(w.c.LapsedCertificates, o.ID) || w.c.Stage == StageClosed {
			return
		}
		w.c.LapsedCertificates = append(w.c.LapsedCertificates, o.ID)
		summary := fmt.Sprintf("办案人员 %s 的执法证 %s 已到期，不得继续执法", o.Name, o.Certificate)
		if w.c.NeedsReassignment() {
			summary += "；办案人员不足两名，请负责人重新指定（行政处罚法第四十二条）"
		}
		w.recordSystem(tctx, "certificate-lapsed", summary, o)
	})
}

// meet marks a deadline met and disarms its timer.
func (w *generalPenalty) meet(key string, now time.Time) {
	for i := range w.c.Deadlines {
		d := &w.c.Deadlines[i]
		if d.Key == key && d.State == casefile.DeadlineOpen {
			d.State, d.MetAt = casefile.DeadlineMet, &now
		}
	}
	if cancel, ok := w.timers[key]; ok {
		cancel()
		delete(w.timers, key)
	}
}

// expire runs when a deadline's time passes: an agency deadline becomes
// overdue; the party's statement window closes and counts as waived (SAMR 57).
func (w *generalPenalty) expire(ctx workflow.Context, key string) {
	if err := w.mu.Lock(ctx); err != nil {
		return
	}
	defer w.mu.Unlock()
	delete(w.timers, key)
	now := workflow.Now(ctx)
	for i := range w.c.Deadlines {
		d := &w.c.Deadlines[i]
		if d.Key != key || d.State != casefile.DeadlineOpen {
			continue
		}
		if d.Window {
			w.closeWindow(now, "expired")
			w.recordSystem(ctx, "window-expired", "陈述申辩期限届满，当事人未陈述申辩，视为放弃（市场监管行政处罚程序规定第五十七条）", *d)
		} else {
			d.State, d.OverdueAt = casefile.DeadlineOverdue, &now
			w.recordSystem(ctx, "deadline-overdue", fmt.Sprintf("「%s」期限已于 %s 届满，已逾期（%s）", d.Title, d.DueDate, d.Basis), *d)
		}
		return
	}
}

// recordSystem records what the workflow did by itself. Should the record
// refuse it, the change stays in the case and reaches the record with the
// next act's changes; only the event line is missing, and the log says so.
func (w *generalPenalty) recordSystem(ctx workflow.Context, act casefile.Act, summary string, data any) {
	if err := w.record(ctx, act, system, workflow.Now(ctx), summary, data); err != nil {
		workflow.GetLogger(ctx).Error("system event not recorded", "caseID", w.c.ID, "act", act, "error", err)
	}
}

// system is the actor of what the workflow does by itself.
var system = Actor{OfficerID: "system", Name: "系统"}

// certificateTimer prefixes the timer keys of certificate watches.
const certificateTimer = "certificate/"

// record appends an event to the hash chain and writes the record through
// the activity: the event, what changed in the case (never the whole case)
// and the tasks. A database that is down is retried until it answers, so an
// accepted act is never lost; a record the database refuses for good
// (record_refused) fails the act, and the caller restores the case.
func (w *generalPenalty) record(ctx workflow.Context, act casefile.Act, actor Actor, now time.Time, summary string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	seq, last := w.c.Seq+1, w.c.LastHash
	// Databases keep microseconds (PostgreSQL); the hash must cover what is stored.
	ev := casefile.Event{CaseID: w.c.ID, Seq: seq, Act: string(act), ActorID: actor.OfficerID, ActorName: actor.Name,
		Certificate: actor.Certificate, At: now.UTC().Truncate(time.Microsecond), Summary: clip(summary, summaryLimit), Data: raw, PrevHash: last}
	ev.Hash = ev.ComputeHash()
	w.c.Seq, w.c.LastHash = seq, ev.Hash
	fields, err := caseFields(&w.c)
	if err != nil {
		return err
	}
	changes := casefile.Diff(w.recorded, fields)
	rec := casefile.Record{
		Case: casefile.Summary{ID: w.c.ID, Number: w.c.Number, Procedure: w.c.Procedure, AgencyID: w.c.AgencyID,
			PowerItemCode: w.c.PowerItem.Code, PartyName: w.c.Party.Name, Stage: string(w.c.Stage), Closed: w.c.Stage == StageClosed},
		Changes: changes, Event: ev, Tasks: w.c.Tasks(), Deadlines: changedDeadlines(w.c.Deadlines, changes),
	}
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 30 * time.Second,
		// Unlimited attempts: an accepted act is never lost.
		RetryPolicy: &temporal.RetryPolicy{MaximumInterval: 30 * time.Second, NonRetryableErrorTypes: []string{CodeRecordRefused}},
	})
	if err := workflow.ExecuteActivity(ctx, RecordActivity, rec).Get(ctx, nil); err != nil {
		w.c.Seq, w.c.LastHash = seq-1, last
		if RejectionCode(err) == CodeRecordRefused {
			return reject(CodeRecordRefused, "该行为的记录无法保存，本次办理未生效，请检查所填内容后重试", "the record of this act could not be stored; nothing was done — check the input and try again")
		}
		return err
	}
	w.recorded = fields
	return nil
}

// summaryLimit bounds an event's one-line summary; the full text is in
// the event's data.
const summaryLimit = 300

// clip shortens s to at most n characters, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// caseFields is the case as JSON, field by field.
func caseFields(c *Case) (map[string]json.RawMessage, error) {
	raw, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return casefile.Fields(raw)
}

// changedDeadlines are the deadlines an act's changes touch.
func changedDeadlines(all []casefile.Deadline, changes []casefile.Change) []casefile.Deadline {
	var out []casefile.Deadline
	for _, ch := range changes {
		switch {
		case ch.Field != "deadlines":
		case ch.Index != nil:
			out = append(out, all[*ch.Index])
		case ch.Append:
			var added []casefile.Deadline
			if json.Unmarshal(ch.Value, &added) == nil {
				out = append(out, added...)
			}
		default:
			out = append(out, all...)
		}
	}
	return out
}

func allocateNumber(ctx workflow.Context, caseID, agencyID string, now time.Time) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 30 * time.Second})
	var number string
	err := workflow.ExecuteActivity(ctx, AllocateCaseNumberActivity, AllocateCaseNumberInput{CaseID: caseID, AgencyID: agencyID, At: now}).Get(ctx, &number)
	return number, err
}
