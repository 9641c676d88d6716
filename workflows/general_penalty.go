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
	"slices"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/policies"
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

	Deadlines []casefile.Deadline `json:"deadlines"`
	Seq       int                 `json:"seq"`
	LastHash  string              `json:"last_hash"`
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
	Penalty string `json:"penalty"` // e.g. 警告并处罚款
	Fine    Yuan   `json:"fine"`
	Basis   string `json:"basis"`
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
	CaseID     string    `json:"case_id"`
	AgencyID   string    `json:"agency_id"`
	AgencyName string    `json:"agency_name"`
	PowerItem  PowerItem `json:"power_item"`
	Party      Party     `json:"party"`
	Facts      string    `json:"facts"`
	Source     string    `json:"source,omitempty"`
	Officers   []Officer `json:"officers"`
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
	Opinion string `json:"opinion,omitempty"`
}

func (in *OpinionInput) check(*Case) error { return nil }

// ReasonInput is an act that needs a written reason or opinion.
type ReasonInput struct {
	ActBase
	Opinion string `json:"opinion"`
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
	Kind        string   `json:"kind"` // 书证, 物证, 视听资料, 电子数据, 证人证言, 当事人陈述, 鉴定意见, 勘验笔录, 现场笔录
	Description string   `json:"description"`
	Proves      string   `json:"proves"`
	Place       string   `json:"place,omitempty"`
	CollectedBy []string `json:"collected_by"` // officer IDs; at least two handling officers (PL 42)
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
	Facts    string   `json:"facts"`
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
	Method   string `json:"method"` // direct (直接送达), mail (邮寄), electronic (电子, needs consent), left (留置), public (公告)
	Receiver string `json:"receiver,omitempty"`
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
	Text             string `json:"text"`
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
	Outcome string `json:"outcome"` // penalty or no-penalty
	Penalty string `json:"penalty,omitempty"`
	Fine    Yuan   `json:"fine"`
	Reasons string `json:"reasons"` // adoption of the statement and why (SAMR 62)
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
	Channel string `json:"channel"` // e.g. 政府网站, 信用中国, 国家企业信用信息公示系统
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
	Receipt string `json:"receipt"` // bank receipt number (罚缴分离, PL 67)
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

// inputs maps each act to its input type.
var inputs = map[policies.Act]func() Input{
	policies.ActOpenCase:        func() Input { return &OpenCaseInput{} },
	policies.ActApproveFiling:   func() Input { return &OpinionInput{} },
	policies.ActRejectFiling:    func() Input { return &ReasonInput{} },
	policies.ActRecordEvidence:  func() Input { return &RecordEvidenceInput{} },
	policies.ActSubmitReport:    func() Input { return &SubmitReportInput{} },
	policies.ActApproveReview:   func() Input { return &OpinionInput{} },
	policies.ActReturnReview:    func() Input { return &ReasonInput{} },
	policies.ActApprovePenalty:  func() Input { return &OpinionInput{} },
	policies.ActServeNotice:     func() Input { return &ServeInput{} },
	policies.ActRecordStatement: func() Input { return &RecordStatementInput{} },
	policies.ActRecordWaiver:    func() Input { return &OpinionInput{} },
	policies.ActDecide:          func() Input { return &DecideInput{} },
	policies.ActServeDecision:   func() Input { return &ServeInput{} },
	policies.ActPublish:         func() Input { return &PublishInput{} },
	policies.ActRecordPayment:   func() Input { return &RecordPaymentInput{} },
	policies.ActRequestClosing:  func() Input { return &ReasonInput{} },
	policies.ActApproveClosing:  func() Input { return &OpinionInput{} },
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
func (c *Case) May(act policies.Act, actor string) error {
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
	switch act {
	case policies.ActOpenCase:
		if c.Seq != 0 {
			return c.wrongStep(act)
		}
		return nil
	case policies.ActApproveFiling, policies.ActRejectFiling:
		if c.Stage != StageFiling {
			return c.wrongStep(act)
		}
		return nil
	case policies.ActRecordEvidence:
		return handlerOnly(StageInvestigation)
	case policies.ActSubmitReport:
		if err := handlerOnly(StageInvestigation); err != nil {
			return err
		}
		if len(c.Evidence) == 0 {
			return reject(CodeWrongStep, "尚未记录证据，不能提交调查终结报告", "record evidence before submitting the report")
		}
		return nil
	case policies.ActApproveReview, policies.ActReturnReview:
		return notHandler(StageReview, "办案人员不得作为本案审核人员（市场监管行政处罚程序规定第四十九条）",
			"a handling officer may not review the case (SAMR 49)")
	case policies.ActApprovePenalty:
		if err := notHandler(StagePenaltyApproval, "办案人员不得审批本案处罚（办审定分离）", "a handling officer may not approve the penalty (handling, review and decision are separate)"); err != nil {
			return err
		}
		if c.reviewedBy(actor) {
			return reject(CodeSeparationOfDuties, "审核人员不得审批本案处罚（办审定分离）", "the reviewer may not approve the penalty (handling, review and decision are separate)")
		}
		return nil
	case policies.ActServeNotice:
		return handlerOnly(StageNotice)
	case policies.ActRecordStatement, policies.ActRecordWaiver:
		if c.Notice != nil && c.Notice.ClosedAt != nil {
			return reject(CodeWindowClosed, "陈述申辩期限已届满或已结束（市场监管行政处罚程序规定第五十七条）", "the statement window has closed (SAMR 57)")
		}
		return handlerOnly(StageStatement)
	case policies.ActDecide:
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
	case policies.ActServeDecision:
		return handlerOnly(StageService)
	case policies.ActPublish:
		if !c.publicationRequired() || c.Publication != nil {
			if c.Publication != nil {
				return reject(CodeWrongStep, "处罚决定已公示", "the decision is already published")
			}
			return c.wrongStep(act)
		}
		return handlerOnly(StageService, StageExecution, StageClosing)
	case policies.ActRecordPayment:
		return handlerOnly(StageExecution)
	case policies.ActRequestClosing:
		if err := handlerOnly(StageClosing); err != nil {
			return err
		}
		if c.publicationRequired() && c.Publication == nil {
			return reject(CodeWrongStep, "处罚决定尚未公示，不能结案（行政处罚法第四十八条）", "publish the decision before closing (PL 48)")
		}
		return nil
	case policies.ActApproveClosing:
		return notHandler(StageClosingApproval, "办案人员不得审批本案结案", "a handling officer may not approve closing")
	}
	return reject(CodeWrongStep, "未知的执法行为 %s", "unknown act %s", act, act)
}

func (c *Case) wrongStep(act policies.Act) error {
	return reject(CodeWrongStep, "案件当前处于「%s」环节，不能办理「%s」", "the case is at step %q; %q is not possible now",
		stageNames[c.Stage], actNames[act], c.Stage, act)
}

// AvailableActs lists the acts the officer may perform now as far as the
// case decides; the API intersects it with what policy allows the caller.
func (c *Case) AvailableActs(officerID string) []policies.Act {
	var out []policies.Act
	for _, act := range policies.CaseActs {
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

var actNames = map[policies.Act]string{
	policies.ActOpenCase: "立案申请", policies.ActApproveFiling: "批准立案", policies.ActRejectFiling: "不予立案",
	policies.ActRecordEvidence: "记录证据", policies.ActSubmitReport: "提交调查终结报告", policies.ActApproveReview: "审核通过",
	policies.ActReturnReview: "审核退回", policies.ActApprovePenalty: "批准拟处罚意见", policies.ActServeNotice: "送达告知书",
	policies.ActRecordStatement: "记录陈述申辩", policies.ActRecordWaiver: "记录放弃陈述申辩", policies.ActDecide: "作出处罚决定",
	policies.ActServeDecision: "送达决定书", policies.ActPublish: "公示", policies.ActRecordPayment: "记录缴款",
	policies.ActRequestClosing: "申请结案", policies.ActApproveClosing: "批准结案",
}

// ActName is the Chinese name of an act.
func ActName(act policies.Act) string { return actNames[act] }

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
	role := func(key, kind string, r policies.Role, dueKey string, acts ...policies.Act) {
		out = append(out, casefile.Task{Key: key, Kind: kind, Role: string(r), Acts: actStrings(acts), Title: actTitle(acts), DueAt: due(dueKey)})
	}
	officers := func(key, dueKey string, acts ...policies.Act) {
		for _, o := range c.Officers {
			out = append(out, casefile.Task{Key: key, Kind: "step", Role: string(policies.RoleOfficer), Assignee: o.ID,
				Acts: actStrings(acts), Title: actTitle(acts), DueAt: due(dueKey)})
		}
	}
	switch c.Stage {
	case StageFiling:
		role("filing", "approval", policies.RoleHead, "filing", policies.ActApproveFiling, policies.ActRejectFiling)
	case StageInvestigation:
		officers("investigation", "decision", policies.ActRecordEvidence, policies.ActSubmitReport)
	case StageReview:
		key := fmt.Sprintf("review#%d", len(c.Reviews)+1)
		role(key, "review", policies.RoleReviewer, key, policies.ActApproveReview, policies.ActReturnReview)
	case StagePenaltyApproval:
		role("penalty-approval", "approval", policies.RoleHead, "decision", policies.ActApprovePenalty)
	case StageNotice:
		officers("notice", "decision", policies.ActServeNotice)
	case StageStatement:
		officers("statement", "statement", policies.ActRecordStatement, policies.ActRecordWaiver)
	case StageDecision:
		role("decision", "approval", policies.RoleHead, "decision", policies.ActDecide)
	case StageService:
		officers("service", "service", policies.ActServeDecision)
	case StageExecution:
		officers("payment", "payment", policies.ActRecordPayment)
	case StageClosing:
		officers("closing", "closing", policies.ActRequestClosing)
	case StageClosingApproval:
		role("closing-approval", "approval", policies.RoleHead, "closing", policies.ActApproveClosing)
	}
	if c.publicationRequired() && c.Publication == nil && c.Stage != StageClosed {
		officers("publication", "publication", policies.ActPublish)
	}
	return out
}

func actStrings(acts []policies.Act) []string {
	out := make([]string, len(acts))
	for i, a := range acts {
		out[i] = string(a)
	}
	return out
}

func actTitle(acts []policies.Act) string {
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
}

// GeneralPenalty is the workflow of one general-procedure case. Its input is
// the application to file; the first act, open-case, records it.
func GeneralPenalty(ctx workflow.Context, in OpenCaseInput) (Case, error) {
	w := &generalPenalty{
		c: Case{ID: in.CaseID, Procedure: ProcedureGeneral, AgencyID: in.AgencyID, AgencyName: in.AgencyName,
			PowerItem: in.PowerItem, Party: in.Party, Facts: in.Facts, Source: in.Source, Officers: in.Officers,
			Stage: StageFiling, Evidence: []Evidence{}, Reviews: []Review{}, Statements: []Statement{}, Deadlines: []casefile.Deadline{}},
		mu:     workflow.NewMutex(ctx),
		timers: map[string]workflow.CancelFunc{},
	}
	if err := workflow.SetQueryHandler(ctx, StateQuery, func() (Case, error) { return w.c, nil }); err != nil {
		return Case{}, err
	}
	w.register(ctx)
	if err := workflow.Await(ctx, func() bool { return w.c.Stage == StageClosed && workflow.AllHandlersFinished(ctx) }); err != nil {
		return w.c, err
	}
	for _, cancel := range w.timers {
		cancel()
	}
	return w.c, nil
}

// register installs one Update per act: the validator runs May and the
// input's own check, so an illegal act is refused before it enters history.
func (w *generalPenalty) register(ctx workflow.Context) {
	for act, newInput := range inputs {
		apply := w.appliers()[act]
		handler := func(ctx workflow.Context, raw json.RawMessage) (Case, error) {
			in := newInput()
			if err := json.Unmarshal(raw, in); err != nil {
				return w.c, reject(CodeInvalidInput, "输入格式错误：%v", "malformed input: %v", err, err)
			}
			return w.handle(ctx, act, in, apply)
		}
		validator := func(ctx workflow.Context, raw json.RawMessage) error {
			in := newInput()
			if err := json.Unmarshal(raw, in); err != nil {
				return reject(CodeInvalidInput, "输入格式错误：%v", "malformed input: %v", err, err)
			}
			if err := w.c.May(act, in.base().Actor.OfficerID); err != nil {
				return err
			}
			return in.check(&w.c)
		}
		if err := workflow.SetUpdateHandlerWithOptions(ctx, string(act), handler, workflow.UpdateHandlerOptions{Validator: validator}); err != nil {
			panic(fmt.Sprintf("register update %s: %v", act, err)) // programming error: duplicate name
		}
	}
}

// applier performs an accepted act: it computes what deadlines it needs
// first (that can fail without changing anything), then changes the state
// and returns the summary and data of the event to record.
type applier func(ctx workflow.Context, in Input, now time.Time) (summary string, data any, err error)

// handle runs one accepted act under the case mutex: re-check (another act
// may have landed since validation), apply, record.
func (w *generalPenalty) handle(ctx workflow.Context, act policies.Act, in Input, apply applier) (Case, error) {
	if err := w.mu.Lock(ctx); err != nil {
		return w.c, err
	}
	defer w.mu.Unlock()
	actor := in.base().Actor
	if err := w.c.May(act, actor.OfficerID); err != nil {
		return w.c, err
	}
	if err := in.check(&w.c); err != nil {
		return w.c, err
	}
	now := workflow.Now(ctx)
	summary, data, err := apply(ctx, in, now)
	if err != nil {
		return w.c, err
	}
	if err := w.record(ctx, act, actor, now, summary, data); err != nil {
		return w.c, err
	}
	return w.c, nil
}

func (w *generalPenalty) appliers() map[policies.Act]applier {
	c := &w.c
	return map[policies.Act]applier{
		policies.ActOpenCase: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
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
			return fmt.Sprintf("立案申请：%s，当事人 %s", c.PowerItem.Name, c.Party.Name), in, nil
		},
		policies.ActApproveFiling: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			d, err := w.deadline(ctx, "decision", "decision", now)
			if err != nil {
				return "", nil, err
			}
			w.meet("filing", now)
			c.FiledAt, c.Stage = &now, StageInvestigation
			w.open(ctx, d)
			return "批准立案", in, nil
		},
		policies.ActRejectFiling: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			w.meet("filing", now)
			c.Stage, c.Outcome, c.ClosedAt = StageClosed, "not-filed", &now
			return "不予立案：" + in.(*ReasonInput).Opinion, in, nil
		},
		policies.ActRecordEvidence: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			e := in.(*RecordEvidenceInput)
			c.Evidence = append(c.Evidence, Evidence{Kind: e.Kind, Description: e.Description, Proves: e.Proves, Place: e.Place, CollectedBy: e.CollectedBy, At: now})
			return fmt.Sprintf("记录证据（%s）：%s", e.Kind, e.Description), in, nil
		},
		policies.ActSubmitReport: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
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
		policies.ActApproveReview: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			o := in.(*OpinionInput)
			round := len(c.Reviews) + 1
			w.meet(fmt.Sprintf("review#%d", round), now)
			c.Reviews = append(c.Reviews, Review{Round: round, ReviewerID: o.Actor.OfficerID, Reviewer: o.Actor.Name, Passed: true, Opinion: o.Opinion, At: now})
			c.ReviewPassed, c.Stage = true, StagePenaltyApproval
			return fmt.Sprintf("法制审核通过（第 %d 轮）", round), in, nil
		},
		policies.ActReturnReview: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			o := in.(*ReasonInput)
			round := len(c.Reviews) + 1
			w.meet(fmt.Sprintf("review#%d", round), now)
			c.Reviews = append(c.Reviews, Review{Round: round, ReviewerID: o.Actor.OfficerID, Reviewer: o.Actor.Name, Passed: false, Opinion: o.Opinion, At: now})
			c.Stage = StageInvestigation
			return fmt.Sprintf("法制审核退回（第 %d 轮）：%s", round, o.Opinion), in, nil
		},
		policies.ActApprovePenalty: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			o := in.(*OpinionInput)
			c.Approval = &Approval{HeadID: o.Actor.OfficerID, Opinion: o.Opinion, At: now}
			c.Stage = StageNotice
			return "负责人批准拟处罚意见", in, nil
		},
		policies.ActServeNotice: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
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
		policies.ActRecordStatement: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			s := in.(*RecordStatementInput)
			c.Statements = append(c.Statements, Statement{Text: s.Text, HearingRequested: s.HearingRequested, At: now})
			w.closeWindow(now, "statement")
			return "记录当事人陈述申辩：" + s.Text, in, nil
		},
		policies.ActRecordWaiver: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			w.closeWindow(now, "waiver")
			return "当事人明确放弃陈述、申辩和听证", in, nil
		},
		policies.ActDecide: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
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
		policies.ActServeDecision: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
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
		policies.ActPublish: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			p := in.(*PublishInput)
			w.meet("publication", now)
			c.Publication = &Published{Channel: p.Channel, At: now}
			return "公示行政处罚决定：" + p.Channel, in, nil
		},
		policies.ActRecordPayment: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
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
		policies.ActRequestClosing: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
			c.ClosingNote = in.(*ReasonInput).Opinion
			c.Stage = StageClosingApproval
			return "填写结案审批表：" + c.ClosingNote, in, nil
		},
		policies.ActApproveClosing: func(ctx workflow.Context, in Input, now time.Time) (string, any, error) {
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
	tctx, cancel := workflow.WithCancel(ctx)
	w.timers[d.Key] = cancel
	workflow.Go(tctx, func(tctx workflow.Context) {
		wait := max(d.DueAt.Sub(workflow.Now(tctx)), time.Millisecond)
		if err := workflow.NewTimer(tctx, wait).Get(tctx, nil); err != nil {
			return // cancelled: the deadline was met
		}
		w.expire(ctx, d.Key)
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
		system := Actor{OfficerID: "system", Name: "系统"}
		if d.Window {
			w.closeWindow(now, "expired")
			_ = w.record(ctx, "window-expired", system, now, "陈述申辩期限届满，当事人未陈述申辩，视为放弃（市场监管行政处罚程序规定第五十七条）", d)
			return
		}
		d.State, d.OverdueAt = casefile.DeadlineOverdue, &now
		_ = w.record(ctx, "deadline-overdue", system, now, fmt.Sprintf("「%s」期限已于 %s 届满，已逾期（%s）", d.Title, d.DueDate, d.Basis), d)
		return
	}
}

// record appends an event to the hash chain and writes the record through
// the activity, which retries until the database takes it.
func (w *generalPenalty) record(ctx workflow.Context, act policies.Act, actor Actor, now time.Time, summary string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	w.c.Seq++
	// Databases keep microseconds (PostgreSQL); the hash must cover what is stored.
	ev := casefile.Event{CaseID: w.c.ID, Seq: w.c.Seq, Act: string(act), ActorID: actor.OfficerID, ActorName: actor.Name,
		Certificate: actor.Certificate, At: now.UTC().Truncate(time.Microsecond), Summary: summary, Data: raw, PrevHash: w.c.LastHash}
	ev.Hash = ev.ComputeHash()
	w.c.LastHash = ev.Hash
	snapshot, err := json.Marshal(w.c)
	if err != nil {
		return err
	}
	rec := casefile.Record{
		Case: casefile.Summary{ID: w.c.ID, Number: w.c.Number, Procedure: w.c.Procedure, AgencyID: w.c.AgencyID,
			PowerItemCode: w.c.PowerItem.Code, PartyName: w.c.Party.Name, Stage: string(w.c.Stage), Closed: w.c.Stage == StageClosed},
		Snapshot: snapshot, Event: ev, Tasks: w.c.Tasks(), Deadlines: w.c.Deadlines,
	}
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 30 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{MaximumInterval: 30 * time.Second}, // unlimited attempts: an accepted act is never lost
	})
	return workflow.ExecuteActivity(ctx, RecordActivity, rec).Get(ctx, nil)
}

func allocateNumber(ctx workflow.Context, caseID, agencyID string, now time.Time) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 30 * time.Second})
	var number string
	err := workflow.ExecuteActivity(ctx, AllocateCaseNumberActivity, AllocateCaseNumberInput{CaseID: caseID, AgencyID: agencyID, At: now}).Get(ctx, &number)
	return number, err
}
