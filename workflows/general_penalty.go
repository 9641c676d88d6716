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
	"fmt"
	"slices"
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// ProcedureGeneral names the general penalty procedure.
const ProcedureGeneral = "general-penalty"

// Stages of the general procedure, in order.
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

// Acts of the general procedure, in the order the law has them (PL 54–65;
// SAMR 18–79). Every procedure also has the shared acts (handling.go).
const (
	ActApproveFiling   casefile.Act = "approve-filing"   // 立案审批: the head approves filing (PL 54; SAMR 19)
	ActRejectFiling    casefile.Act = "reject-filing"    // 不予立案 (SAMR 20)
	ActRecordEvidence  casefile.Act = "record-evidence"  // 调查取证 by ≥2 officers (PL 42, 55)
	ActSubmitReport    casefile.Act = "submit-report"    // 调查终结报告, sent to legal review (SAMR 48–49)
	ActApproveReview   casefile.Act = "approve-review"   // 法制审核 passed (PL 58; SAMR 54(1))
	ActReturnReview    casefile.Act = "return-review"    // 法制审核 returned with a written opinion (SAMR 54(2)–(4))
	ActApprovePenalty  casefile.Act = "approve-penalty"  // 负责人 approves the proposed penalty (SAMR 56)
	ActServeNotice     casefile.Act = "serve-notice"     // 事先告知书 served (PL 44; SAMR 57)
	ActRecordStatement casefile.Act = "record-statement" // 陈述申辩 recorded (PL 45)
	ActRecordWaiver    casefile.Act = "record-waiver"    // party waives statement and hearing (SAMR 57)
	ActDecide          casefile.Act = "decide"           // 行政处罚决定 by the head (PL 57)
	ActServeDecision   casefile.Act = "serve-decision"   // 送达 (PL 61; SAMR 81)
	ActPublish         casefile.Act = "publish"          // 行政执法公示 (PL 48; GB118); the enterprise credit registry (SAMR-PUB 9)
	ActRecordPayment   casefile.Act = "record-payment"   // 缴纳罚款 (PL 67)
	ActRequestClosing  casefile.Act = "request-closing"  // 结案审批表 filled (SAMR 77)
	// ActReopenInvestigation sends a notified case back to investigation
	// when the proposal must change: a new report, review, approval and
	// notice follow, and the party's window starts again (PL 44–45; SAMR 58).
	ActReopenInvestigation casefile.Act = "reopen-investigation"
	ActApproveClosing      casefile.Act = "approve-closing" // 结案 approved by the head (SAMR 77)
)

// closingSAMR77 versions the change that made the closing form, not its
// approval, meet the closing limit, and a no-penalty decision start it
// (SAMR 77); cases running before it keep the old path on replay.
const closingSAMR77 = "closing-samr77"

// Time limits of the general procedure.
const (
	limitFiling      LimitKey = "filing"
	limitReview      LimitKey = "review"
	limitDecision    LimitKey = "decision"
	limitStatement   LimitKey = "statement"
	limitService     LimitKey = "service"
	limitPublication LimitKey = "publication"
	// limitPublicationOther is the publication of a decision other than a
	// penalty; limitWithdrawal, its withdrawal once overturned.
	limitPublicationOther LimitKey = "publication-other"
	limitWithdrawal       LimitKey = "withdrawal"
	// limitCreditRegistry is the publication of a penalty on an enterprise
	// in the enterprise credit registry (SAMR-PUB 9).
	limitCreditRegistry LimitKey = "publication-registry"
	limitPayment        LimitKey = "payment"
	limitClosing        LimitKey = "closing"
)

// Case is the state of a general-procedure case. The workflow owns it; every
// act's record carries a copy (the snapshot) to the database.
type Case struct {
	Core

	FiledAt      *time.Time  `json:"filed_at,omitempty"`
	Evidence     []Evidence  `json:"evidence"`
	Report       *Report     `json:"report,omitempty"`
	Reviews      []Review    `json:"reviews"`
	ReviewPassed bool        `json:"review_passed"`
	Approval     *Approval   `json:"penalty_approval,omitempty"`
	Notice       *Notice     `json:"notice,omitempty"`
	Statements   []Statement `json:"statements"`
	Hearing      *Hearing    `json:"hearing,omitempty"`
	// PriorNotices are the notices served before the proposal changed and
	// the case was investigated again (PL 44–45), each with its hearing.
	PriorNotices []Notice   `json:"prior_notices,omitempty"`
	ReopenedAt   *time.Time `json:"reopened_at,omitempty"`
	// The course beside the main line (penalty_course.go).
	Exclusions  []Exclusion  `json:"exclusions,omitempty"`
	Suspension  *Suspension  `json:"suspension,omitempty"`
	Transfer    *Transfer    `json:"transfer,omitempty"`
	Major       bool         `json:"major,omitempty"`
	MajorBasis  string       `json:"major_basis,omitempty"`
	Discussions []Discussion `json:"discussions,omitempty"`
	Decision    *Decision    `json:"decision,omitempty"`
	Service     *Service     `json:"service,omitempty"`
	Publication *Published   `json:"publication,omitempty"`
	// RegistryPublication is the publication in the enterprise credit
	// registry (SAMR-PUB 9).
	RegistryPublication *Published `json:"registry_publication,omitempty"`
	Payment             *Payment   `json:"payment,omitempty"`
	// Payments are the payments made, part payments included (PL 66–67);
	// Payment is set when they add up to the fine.
	Payments    []Payment `json:"payments,omitempty"`
	ClosingNote string    `json:"closing_note,omitempty"`
	// The execution (penalty_execution.go).
	Deferral   *Deferral   `json:"deferral,omitempty"`
	Remedies   []Remedy    `json:"remedies,omitempty"`
	Executions []Execution `json:"executions,omitempty"`
}

// Evidence is one evidence entry (证据).
type Evidence struct {
	Kind        string    `json:"kind"`
	Description string    `json:"description"`
	Proves      string    `json:"proves"`
	Place       string    `json:"place,omitempty"`
	CollectedBy []string  `json:"collected_by"`
	Files       []string  `json:"files,omitempty"` // SHA-256 of its evidence files
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
	Penalty string   `json:"penalty" limit:"1000"`                     // e.g. 警告并处罚款
	Kinds   []string `json:"kinds,omitempty" limit:"8" itemlimit:"32"` // the kinds of penalty proposed (PL 9)
	Fine    Yuan     `json:"fine"`
	Basis   string   `json:"basis" limit:"2000"`
	// Confiscation is the value of the illegal gains or property proposed
	// to be confiscated (PL 63(2)).
	Confiscation Yuan `json:"confiscation,omitempty"`
	// HearingGranted: the agency judges the proposal another heavier
	// penalty that gives the right to a hearing (PL 63(5), (6)).
	HearingGranted bool `json:"hearing_granted,omitempty"`
}

// PenaltyKinds are the kinds of administrative penalty (PL 9): 警告、通报批评;
// 罚款、没收违法所得、没收非法财物; 暂扣许可证件、降低资质等级、吊销许可证件;
// 限制开展生产经营活动、责令停产停业、责令关闭、限制从业; 行政拘留; 其他.
var PenaltyKinds = []string{"warning", "circulated-criticism", "fine", "confiscate-gains", "confiscate-property",
	"suspend-licence", "lower-qualification", "revoke-licence", "restrict-business", "suspend-business", "close",
	"restrict-practice", "detention", "other"}

// checkKinds checks a list of penalty kinds against PL 9 and the fine.
func checkKinds(kinds []string, fine Yuan) error {
	if len(kinds) == 0 {
		return reject(CodeInvalidInput, "须列明处罚种类（行政处罚法第九条）：%v", "list the kinds of penalty (PL 9): %v", PenaltyKinds, PenaltyKinds)
	}
	for _, k := range kinds {
		if !slices.Contains(PenaltyKinds, k) {
			return reject(CodeInvalidInput, "处罚种类「%s」不是行政处罚法第九条规定的种类", "%q is not a kind of penalty of PL 9", k, k)
		}
	}
	if (fine > 0) != slices.Contains(kinds, "fine") {
		return reject(CodeInvalidInput, "罚款金额与处罚种类不符：有罚款须列明 fine，列明 fine 须有金额", "the fine and the kinds disagree: a fine needs the kind fine, and the kind fine needs an amount")
	}
	return nil
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
	ServedAt time.Time `json:"served_at"`
	Method   string    `json:"method"`
	// EffectiveAt is when the service took effect, when not at its record:
	// the window runs from it (SAMR 82).
	EffectiveAt *time.Time `json:"effective_at,omitempty"`
	ClosedAt    *time.Time `json:"closed_at,omitempty"`
	ClosedHow   string     `json:"closed_how,omitempty"` // statement (before rules 1), waiver, expired
	// Rules is the window's rules, fixed when the notice was served: from 1
	// a statement leaves the window open — the party keeps the whole five
	// working days to add statements and ask for a hearing (PL 64(1);
	// SAMR 57) — and only a signed waiver ends it early. Notices served
	// before keep the rules they were served under.
	Rules int `json:"rules,omitempty"`
	// HearingRight: the proposed penalty gives the party the right to a
	// hearing (PL 63), on HearingBasis, under the rule pack RulesVersion
	// of RulesAgency in force when the notice was served.
	HearingRight       bool   `json:"hearing_right"`
	HearingBasis       string `json:"hearing_basis,omitempty"`
	ReviewAfterHearing bool   `json:"review_after_hearing,omitempty"`
	RulesAgency        string `json:"rules_agency,omitempty"`
	RulesVersion       int    `json:"rules_version,omitempty"`
	// Hearing is, for a prior notice, the hearing held or asked for on it.
	Hearing *Hearing `json:"hearing,omitempty"`
	// What the notice told the party (PL 44; SAMR 57): the facts (a
	// reference to the report's), the proposed penalty with its reasons and
	// basis, and the party's rights.
	Facts    string    `json:"facts,omitempty"`
	Proposal *Proposal `json:"proposal,omitempty"`
	Rights   []string  `json:"rights,omitempty"` // statement, defence, hearing, recusal
	// From the rule pack: the heads a collective discussion needs, and
	// whether penalties are also published in the enterprise credit
	// registry (SAMR-PUB 9).
	CollectiveHeads int  `json:"collective_heads,omitempty"`
	CreditRegistry  bool `json:"credit_registry,omitempty"`
	// Publication is the pack's rule of publication (SAMR-PUB 2, 13): the
	// decision taken on this notice is published, or not, and for how
	// long, by it. Absent on a notice served before the rule was kept:
	// the built-in rule.
	Publication *casefile.PublicationRules `json:"publication_rules,omitempty"`
}

// statementKey is the deadline key of the current notice's window: the
// first is "statement", a notice served again "statement#2", and so on.
func (c *Case) statementKey() string {
	if len(c.PriorNotices) == 0 {
		return string(limitStatement)
	}
	return fmt.Sprintf("%s#%d", limitStatement, len(c.PriorNotices)+1)
}

// noticeRulesPL64 versions the window rules of notices served from now on.
const noticeRulesPL64 = "notice-window-pl64"

// WaiverInput records the party's written waiver of statement, defence and
// hearing (SAMR 57): what the party signed, the signed document or its
// reference, and the officer who received it.
type WaiverInput struct {
	ActBase
	Opinion    string `json:"opinion,omitempty" limit:"10000"`
	Statement  string `json:"statement,omitempty" limit:"5000"` // the party's written words, e.g. 本人放弃陈述、申辩和听证的权利
	Document   string `json:"document,omitempty" limit:"200"`   // the signed document's number or its file reference
	ReceivedBy string `json:"received_by,omitempty" limit:"64"` // the handling officer who received it
	// KeepHearing: the party who asked for a hearing gives up only the
	// rest of the window (it has nothing more to state in writing); the
	// hearing goes ahead.
	KeepHearing bool `json:"keep_hearing,omitempty"`
}

func (in *WaiverInput) check(c *Case) error {
	if in.KeepHearing && !c.Hearing.pending() {
		return reject(CodeInvalidInput, "当事人未申请听证，keep_hearing 不适用", "keep_hearing is for a party who asked for a hearing")
	}
	if c.Notice == nil || c.Notice.Rules < 1 {
		return nil
	}
	if in.Statement == "" || in.Document == "" || in.ReceivedBy == "" {
		return reject(CodeInvalidInput, "放弃陈述、申辩和听证须有当事人签署的书面声明：须写明声明内容、文书编号或存档引用及接收人（市场监管行政处罚程序规定第五十七条）",
			"a waiver needs the party's signed written statement: its words, the document or its reference, and who received it (SAMR 57)")
	}
	if !c.isHandler(in.ReceivedBy) {
		return reject(CodeInvalidInput, "接收书面声明的须为本案办案人员", "the waiver must be received by a handling officer of the case")
	}
	return nil
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
	Kinds     []string  `json:"kinds,omitempty"`
	Fine      Yuan      `json:"fine"`
	Reasons   string    `json:"reasons,omitempty"`
	DeciderID string    `json:"decider_id"`
	At        time.Time `json:"at"`
	Ground    string    `json:"ground,omitempty"`
	// Published: the decision must be published (a penalty decision within
	// 7 working days, another enforcement decision within 20; GB118; HB (六)).
	Published bool `json:"published,omitempty"`
	// Overturned says how a reconsideration or court overturned it:
	// revoked, changed, confirmed-illegal or confirmed-void (PL 48 ¶2).
	Overturned string `json:"overturned,omitempty"`
	// Unpublished says why a penalty decision is not published: a warning
	// alone, where the rule pack leaves warnings out (SAMR-PUB 2).
	Unpublished string `json:"unpublished,omitempty"`
	// ToExecute are the kinds of penalty besides the fine that are carried
	// out and recorded before closing (confiscation, suspension of business,
	// revocation of a licence, …); a warning is carried out by the decision.
	ToExecute []string `json:"to_execute,omitempty"`
	// Registry: it is also published in the enterprise credit registry.
	Registry bool `json:"registry,omitempty"`
}

// Service is the service (送达) of the decision.
type Service struct {
	Method   string    `json:"method"`
	Receiver string    `json:"receiver,omitempty"`
	At       time.Time `json:"at"`
	// EffectiveAt is when the service took effect, when not at its record
	// (mail: the receipt's day; public notice: 30 days after publication).
	EffectiveAt *time.Time `json:"effective_at,omitempty"`
	// Remedies are the last days to apply for reconsideration and to sue,
	// counted from the service (PL 44, 59(5)).
	Remedies *Remedies `json:"remedies,omitempty"`
}

// Published is the publication (公示) of the decision.
type Published struct {
	Channel string    `json:"channel"`
	At      time.Time `json:"at"`
	// WithdrawnAt is when the publication was withdrawn because the
	// decision was overturned (PL 48 ¶2), with the public reason.
	WithdrawnAt *time.Time `json:"withdrawn_at,omitempty"`
	Withdrawal  string     `json:"withdrawal,omitempty"`
	// Text is the published text as last corrected (更正; HB (三):
	// 发现公开的行政执法信息不准确的，要及时予以更正); empty, the text
	// drawn from the decision. Corrections are the corrections, the
	// earliest first: the publication's version is one more than their
	// number.
	Text        string       `json:"text,omitempty"`
	Corrections []Correction `json:"corrections,omitempty"`
}

// Correction is one correction of a published decision's text: why, and
// when. The earlier text stays in the public record's history.
type Correction struct {
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

// Payment is the fine paid.
type Payment struct {
	Amount  Yuan      `json:"amount"`
	Receipt string    `json:"receipt"`
	At      time.Time `json:"at"`
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
	LateEntry
	Kind        string   `json:"kind" limit:"16"` // 书证, 物证, 视听资料, 电子数据, 证人证言, 当事人陈述, 鉴定意见, 勘验笔录, 现场笔录
	Description string   `json:"description" limit:"5000"`
	Proves      string   `json:"proves" limit:"2000"`
	Place       string   `json:"place,omitempty" limit:"500"`
	CollectedBy []string `json:"collected_by" limit:"20" itemlimit:"64"` // officer IDs; at least two handling officers (PL 42)
	// Files are the evidence files (photos, recordings, scans) this entry
	// rests on, by SHA-256: uploaded to the case before, and kept in the
	// record by their hash only, never their content.
	Files []string `json:"files,omitempty" limit:"50" itemlimit:"64"`
}

// FileRefs are the evidence files the entry refers to: the API checks that
// each was uploaded to the case.
func (in *RecordEvidenceInput) FileRefs() []string { return in.Files }

// validate: a file is named by its SHA-256 in lowercase hex.
func (in *RecordEvidenceInput) validate() error {
	for _, f := range in.Files {
		if !isSHA256(f) {
			return reject(CodeInvalidInput, "证据文件须以其 SHA-256（64 位小写十六进制）指明：%q", "a file is named by its SHA-256, 64 lowercase hex digits: %q", f, f)
		}
	}
	return nil
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}

// CoSigners are the officers who collect the evidence with the actor: each
// must hold a certificate valid for the case's field at that moment (PL 42),
// which the API checks as it checks the actor's.
func (in *RecordEvidenceInput) CoSigners() []string { return in.CollectedBy }

var evidenceKinds = []string{"书证", "物证", "视听资料", "电子数据", "证人证言", "当事人陈述", "鉴定意见", "勘验笔录", "现场笔录"}

// EvidenceKinds are the kinds of evidence (证据种类, PL 46): of an evidence
// entry, and of a file attached to a case.
func EvidenceKinds() []string { return slices.Clone(evidenceKinds) }

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

func (in *SubmitReportInput) validate() error {
	if in.Facts == "" || in.Proposal.Penalty == "" || in.Proposal.Basis == "" {
		return reject(CodeInvalidInput, "调查终结报告须写明事实、拟处理意见及依据（市场监管行政处罚程序规定第四十八条）", "the report needs facts, the proposed handling and its legal basis (SAMR 48)")
	}
	return checkKinds(in.Proposal.Kinds, in.Proposal.Fine)
}

// ServeInput records the service of a document (PL 61; SAMR 81–82). The
// service takes effect, and the windows and terms it starts run, from:
// the day on the mail receipt (邮寄); the day a public notice was published
// plus 30 days (公告, SAMR 82(5)); otherwise the moment it is recorded.
// Electronic service needs the party's signed consent and address
// confirmation (PL 61 ¶2); leaving the document (留置) needs a witness or an
// audio-video record (SAMR 82(2)).
type ServeInput struct {
	ActBase
	Method      string `json:"method" limit:"16"` // direct, mail, electronic, left, public, entrusted
	Receiver    string `json:"receiver,omitempty" limit:"200"`
	ReceivedOn  string `json:"received_on,omitempty" limit:"10"`  // mail: the day on the receipt (回执), YYYY-MM-DD
	Consent     string `json:"consent,omitempty" limit:"200"`     // electronic: the signed 送达地址确认书, its number or reference
	Witness     string `json:"witness,omitempty" limit:"200"`     // left: the witness present
	Recording   string `json:"recording,omitempty" limit:"200"`   // left: the audio-video record's reference
	PublishedOn string `json:"published_on,omitempty" limit:"10"` // public: the day the notice was published, YYYY-MM-DD
}

var serviceMethods = []string{"direct", "mail", "electronic", "left", "public", "entrusted"}

// publicNoticeDays is when a public notice is deemed served (SAMR 82(5)).
const publicNoticeDays = 30

func (in *ServeInput) check(*Case) error {
	if !slices.Contains(serviceMethods, in.Method) {
		return reject(CodeInvalidInput, "送达方式须为 %v 之一", "service method must be one of %v", serviceMethods, serviceMethods)
	}
	return nil
}

// validate is the service's own rules by method: checked when the act is
// sent, never on replay, so services recorded before them stay valid.
func (in *ServeInput) validate() error {
	day := func(s string) bool { _, err := time.ParseInLocation(time.DateOnly, s, beijing); return err == nil }
	switch {
	case in.Method == "mail" && !day(in.ReceivedOn):
		return reject(CodeInvalidInput, "邮寄送达以回执上注明的收件日期为送达日期，须填写 received_on（YYYY-MM-DD）", "mail service takes effect on the receipt's date: received_on (YYYY-MM-DD) is required")
	case in.Method == "electronic" && in.Consent == "":
		return reject(CodeInvalidInput, "电子送达须经当事人同意并签订送达地址确认书（行政处罚法第六十一条第二款），须填写 consent",
			"electronic service needs the party's consent and signed address confirmation (PL 61 ¶2): consent is required")
	case in.Method == "left" && in.Witness == "" && in.Recording == "":
		return reject(CodeInvalidInput, "留置送达须有见证人或以录音录像记录（市场监管行政处罚程序规定第八十二条第二项）",
			"leaving the document needs a witness or an audio-video record (SAMR 82(2))")
	case in.Method == "public" && !day(in.PublishedOn):
		return reject(CodeInvalidInput, "公告送达须填写公告发布日期 published_on（YYYY-MM-DD），自发布之日起经过三十日视为送达（市场监管行政处罚程序规定第八十二条第五项）",
			"public notice needs published_on (YYYY-MM-DD): it is deemed served 30 days after (SAMR 82(5))")
	}
	return nil
}

// effective is when the service takes effect: never before the document
// was issued, nor in the future.
func (in *ServeInput) effective(issued, now time.Time) (time.Time, error) {
	day := map[string]string{"mail": in.ReceivedOn, "public": in.PublishedOn}[in.Method]
	if day == "" {
		return now, nil // other methods, and services recorded before the day was asked
	}
	at, err := time.ParseInLocation(time.DateOnly, day, beijing)
	if err != nil {
		return now, reject(CodeInvalidInput, "日期须为 YYYY-MM-DD", "the date must be YYYY-MM-DD")
	}
	if at.After(now) {
		return now, reject(CodeInvalidInput, "日期不能晚于今天", "the date cannot be in the future")
	}
	if day := issued.In(beijing).Format(time.DateOnly); at.Format(time.DateOnly) < day {
		return now, reject(CodeInvalidInput, "日期不能早于文书作出之日 %s", "the date cannot be before the document was issued, %s", day, day)
	}
	if in.Method == "public" {
		at = at.AddDate(0, 0, publicNoticeDays)
	}
	return at, nil
}

// serviceSAMR82 versions service that takes effect by its method.
const serviceSAMR82 = "service-samr82"

// served is when a service takes effect, and, for a public notice, leaves
// its 30 days out of the decision clock (SAMR 64 ¶2).
func served(r *Run[*Case], ctx workflow.Context, sv *ServeInput, issued, now time.Time) (time.Time, error) {
	at, err := sv.effective(issued, now)
	if err != nil || at.Equal(now) || workflow.GetVersion(ctx, serviceSAMR82, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return now, err
	}
	if sv.Method == "public" {
		if d := r.c().openDeadline(string(limitDecision)); d != nil && d.PausedAt == nil {
			if err := r.recompute(ctx, d, publicNoticeDays); err != nil {
				return now, err
			}
			r.arm(ctx, *d)
		}
	}
	return at, nil
}

// RecordStatementInput records the party's statement and defence.
type RecordStatementInput struct {
	ActBase
	Text             string `json:"text" limit:"50000"`
	HearingRequested bool   `json:"hearing_requested"`
}

func (in *RecordStatementInput) check(c *Case) error {
	if in.Text == "" {
		return reject(CodeInvalidInput, "须记录当事人陈述申辩内容", "the statement text is required")
	}
	if in.HearingRequested && c.Notice != nil && !c.Notice.HearingRight {
		return reject(CodeNoHearingRight, "拟作出的行政处罚不属于听证范围，当事人可以陈述、申辩（行政处罚法第六十三条）",
			"the proposed penalty gives no right to a hearing; the party may state and defend (PL 63)")
	}
	return nil
}

// DecideInput is the head's decision.
type DecideInput struct {
	ActBase
	Outcome string   `json:"outcome" limit:"16"` // penalty or no-penalty
	Penalty string   `json:"penalty,omitempty" limit:"1000"`
	Kinds   []string `json:"kinds,omitempty" limit:"8" itemlimit:"32"` // the kinds of penalty decided (PL 9)
	Fine    Yuan     `json:"fine"`
	Reasons string   `json:"reasons" limit:"20000"` // adoption of the statement and why (SAMR 62)
	// Ground is why there is no penalty (SAMR 60(2), (3)): legally excused
	// — first-violation or minor (PL 33 ¶1), no-fault (PL 33 ¶2), minor-age
	// (PL 30), mental-illness (PL 31), other-excused — or not-established
	// (the facts are not established).
	Ground string `json:"ground,omitempty" limit:"32"`
}

var noPenaltyGrounds = []string{"first-violation", "minor", "no-fault", "minor-age", "mental-illness", "other-excused", "not-established"}

// validate is the decision's own rules.
func (in *DecideInput) validate() error {
	switch in.Outcome {
	case "penalty":
		if in.Penalty == "" {
			return reject(CodeInvalidInput, "须写明处罚种类和内容", "the penalty is required")
		}
		if err := checkKinds(in.Kinds, in.Fine); err != nil {
			return err
		}
	case "no-penalty":
		if in.Fine != 0 {
			return reject(CodeInvalidInput, "不予处罚决定不得有罚款", "a no-penalty decision has no fine")
		}
		if !slices.Contains(noPenaltyGrounds, in.Ground) {
			return reject(CodeInvalidInput, "不予处罚须写明依据：%v（行政处罚法第三十条、第三十一条、第三十三条；市场监管行政处罚程序规定第六十条）",
				"a no-penalty decision needs its ground, one of %v (PL 30, 31, 33; SAMR 60)", noPenaltyGrounds, noPenaltyGrounds)
		}
	default:
		return reject(CodeInvalidInput, "决定结果须为 penalty 或 no-penalty", "outcome must be penalty or no-penalty")
	}
	if in.Reasons == "" {
		return reject(CodeInvalidInput, "须写明理由及对陈述申辩的采纳情况（市场监管行政处罚程序规定第六十二条）", "reasons, including whether the statement was adopted, are required (SAMR 62)")
	}
	return nil
}

// check is the decision against what the party was notified of.
func (in *DecideInput) check(c *Case) error {
	switch in.Outcome {
	case "penalty":
		// No kind of penalty the party was not notified of: that would be
		// heavier, and needs a new prior notice (PL 44, 45). Reports made
		// before kinds were listed cannot be compared.
		if c.Report != nil && len(c.Report.Proposal.Kinds) > 0 {
			for _, k := range in.Kinds {
				if !slices.Contains(c.Report.Proposal.Kinds, k) {
					return reject(CodeInvalidInput, "处罚种类「%s」未经事先告知：加重处罚须重新告知（行政处罚法第四十四条、第四十五条）",
						"the kind %q was not notified: a heavier penalty needs a new prior notice (PL 44, 45)", k, k)
				}
			}
		}
		if c.Report != nil && in.Fine > c.Report.Proposal.Fine {
			return reject(CodeInvalidInput, "罚款 %s 元高于告知的 %s 元：加重处罚须重新告知（行政处罚法第四十四条、第四十五条）",
				"fine %s exceeds the notified %s: a heavier penalty needs a new prior notice (PL 44, 45)",
				in.Fine, c.Report.Proposal.Fine, in.Fine, c.Report.Proposal.Fine)
		}
	}
	return nil
}

// PublishInput records publication of the decision, or corrects the text
// published.
type PublishInput struct {
	ActBase
	Channel string `json:"channel,omitempty" limit:"200"` // e.g. 政府网站, 信用中国
	// Registry: this is the publication in the enterprise credit registry
	// (国家企业信用信息公示系统, SAMR-PUB 9), not the agency's own.
	Registry bool `json:"registry,omitempty"`
	// CorrectedText and Reason correct the text of a decision already
	// published (更正; SAMR-PUB 12; HB (三)): the corrected text is
	// published, redacted like the first, and the earlier versions stay
	// listed with the reason of each correction.
	CorrectedText string `json:"corrected_text,omitempty" limit:"20000"`
	Reason        string `json:"reason,omitempty" limit:"500"`
}

// maxCorrections bounds the corrections of one publication: each keeps a
// version of the text in the public record.
const maxCorrections = 20

// validate is the publication's own rules: a channel to publish in, or a
// corrected text with its public reason.
func (in *PublishInput) validate() error {
	correction := in.CorrectedText != "" || in.Reason != ""
	switch {
	case correction && in.Registry:
		return reject(CodeInvalidInput, "更正公示内容不适用于国家企业信用信息公示系统，不得同时注明 registry", "a correction of the published text cannot set registry")
	case correction && (strings.TrimSpace(in.CorrectedText) == "" || strings.TrimSpace(in.Reason) == ""):
		return reject(CodeInvalidInput, "更正公示内容须写明更正后的全文 corrected_text 和更正理由 reason（市场监督管理行政处罚信息公示规定第十二条）",
			"a correction needs the corrected text (corrected_text) and its reason (reason) (SAMR-PUB 12)")
	case !correction && strings.TrimSpace(in.Channel) == "":
		return reject(CodeInvalidInput, "须写明公示渠道", "the publication channel is required")
	}
	return nil
}

// correction tells whether the input corrects the published text.
func (in *PublishInput) correction() bool { return in.CorrectedText != "" || in.Reason != "" }

// RecordPaymentInput records payment of the fine.
type RecordPaymentInput struct {
	ActBase
	Amount  Yuan   `json:"amount"`
	Receipt string `json:"receipt" limit:"100"` // bank receipt number (罚缴分离, PL 67)
}

func (in *RecordPaymentInput) check(c *Case) error {
	if c.Decision != nil {
		owed := c.Decision.Fine - c.paid()
		if in.Amount <= 0 || in.Amount > owed {
			return reject(CodeInvalidInput, "缴款金额须大于零且不超过尚欠的 %s 元（罚款 %s 元）", "the amount must be more than zero and at most the %s still owed (fine %s)",
				owed, c.Decision.Fine, owed, c.Decision.Fine)
		}
	}
	if in.Receipt == "" {
		return reject(CodeInvalidInput, "须填写银行缴款凭证号（罚缴分离，行政处罚法第六十七条）", "the bank receipt number is required (PL 67)")
	}
	return nil
}

// paid is the total paid so far.
func (c *Case) paid() Yuan {
	var total Yuan
	for _, p := range c.Payments {
		total += p.Amount
	}
	return total
}

func (c *Case) reviewedBy(id string) bool {
	return slices.ContainsFunc(c.Reviews, func(r Review) bool { return r.ReviewerID == id })
}

// creditRegistry tells whether a decision is also published in the
// enterprise credit registry: a penalty on an enterprise, not a warning
// alone, where the agency's rule pack says so (SAMR-PUB 2, 9).
func (c *Case) creditRegistry(outcome string, kinds []string) bool {
	return c.Notice != nil && c.Notice.CreditRegistry && outcome == "penalty" && c.Party.Kind == "organization" &&
		slices.ContainsFunc(kinds, func(k string) bool { return k != "warning" })
}

// registryPending tells whether the credit registry publication is due.
func (c *Case) registryPending() bool {
	return c.Decision != nil && c.Decision.Registry && c.RegistryPublication == nil
}

func (c *Case) publicationRequired() bool {
	return c.Decision != nil && c.Decision.Unpublished == "" && (c.Decision.Outcome == "penalty" || c.Decision.Published)
}

// publicationRules is the rule of publication the case's notice was
// served under; the built-in rule without one.
func (c *Case) publicationRules() casefile.PublicationRules {
	if c.Notice != nil && c.Notice.Publication != nil {
		return c.Notice.Publication.Effective()
	}
	return casefile.PublicationRules{}.Effective()
}

// unpublished says why a decision is not published, or "" when it is: a
// penalty that only warns, where the rule pack leaves warnings out
// (SAMR-PUB 2).
func (c *Case) unpublished(outcome string, kinds []string, fine Yuan) string {
	if outcome == "penalty" && c.publicationRules().OmitWarnings && casefile.WarningOnly(kinds, int64(fine)) {
		return "仅给予警告的行政处罚决定依规则包不予公示（市场监督管理行政处罚信息公示规定第二条）"
	}
	return ""
}

// publicationGB118 versions the publication of decisions other than
// penalties (20 working days).
const publicationGB118 = "publication-gb118-other"

// generalPenalty declares the procedure; the kernel runs it.
var generalPenalty *Procedure[*Case]

func init() {
	generalPenalty = register(&Procedure[*Case]{
		ID: ProcedureGeneral, Workflow: "GeneralPenalty", Title: "一般程序", Kinds: []string{"penalty"}, Default: true,
		Stages: []Stage{StageFiling, StageInvestigation, StageReview, StagePenaltyApproval, StageNotice, StageStatement,
			StageHearing, StageSuspended, StageDecision, StageService, StageExecution, StageClosing, StageClosingApproval, StageClosed},
		Names: map[Stage]string{
			StageFiling: "立案审批", StageInvestigation: "调查取证", StageReview: "法制审核", StagePenaltyApproval: "处罚审批",
			StageNotice: "事先告知", StageStatement: "陈述申辩", StageHearing: "听证", StageSuspended: "中止调查", StageDecision: "处罚决定", StageService: "送达",
			StageExecution: "执行", StageClosing: "结案", StageClosingApproval: "结案审批", StageClosed: "已结案",
		},
		Closed: StageClosed,
		Decided: func(c *Case) *time.Time {
			if c.Decision == nil {
				return nil
			}
			return &c.Decision.At
		},
		Limits: map[LimitKey]Limit{
			limitFiling:           {15, casefile.Workdays, "SAMR 18", "立案审查 / filing decision", false},
			limitReview:           {10, casefile.Workdays, "SAMR 55", "法制审核 / legal review", false},
			limitDecision:         {90, casefile.Days, "PL 60", "作出处罚决定 / penalty decision", false},
			limitStatement:        {5, casefile.Workdays, "SAMR 57; PL 64, 85", "陈述申辩、申请听证 / statement and hearing request", true},
			limitService:          {7, casefile.Workdays, "PL 61; SAMR 81", "送达处罚决定书 / service of the decision", false},
			limitPublication:      {7, casefile.Workdays, "GB118; HB (六)", "行政处罚决定公示 / publication", false},
			limitPublicationOther: {20, casefile.Workdays, "GB118; HB (六)", "其他行政执法决定公示 / publication", false},
			limitWithdrawal:       {3, casefile.Workdays, "PL 48 ¶2; SAMR 63", "撤回公示 / withdrawal of the publication", false},
			limitCreditRegistry:   {20, casefile.Workdays, "SAMR-PUB 9", "国家企业信用信息公示系统公示 / enterprise credit registry", false},
			limitPayment:          {15, casefile.Days, "PL 67", "缴纳罚款 / payment of the fine", false},
			limitClosing:          {15, casefile.Workdays, "SAMR 77", "结案审批 / closing approval", false},
			limitReconsideration:  {60, casefile.Days, "行政复议法 20", "申请行政复议 / reconsideration", true},
			limitLawsuit:          {6, casefile.Months, "行政诉讼法 46", "提起行政诉讼 / lawsuit", true},
		},
		New: func() *Case {
			return &Case{Evidence: []Evidence{}, Reviews: []Review{}, Statements: []Statement{}}
		},
		Tasks:   (*Case).stageTasks,
		Carried: (*Case).carried,
		Opening: func(in *OpenCaseInput) error { return in.checkOfficers() },
		Expired: func(r *Run[*Case], _ workflow.Context, c *Case, d casefile.Deadline, now time.Time) (casefile.Act, string) {
			closeWindow(r, c, now, "expired")
			if n := len(c.Statements); n > 0 {
				return "window-expired", fmt.Sprintf("陈述申辩期限届满，当事人已陈述申辩 %d 次（行政处罚法第六十四条，市场监管行政处罚程序规定第五十七条）", n)
			}
			return "window-expired", "陈述申辩期限届满，当事人未陈述申辩，视为放弃（市场监管行政处罚程序规定第五十七条）"
		},
		Acts: append([]ActSpec[*Case]{
			{Act: ActOpenCase, Name: "立案申请", Opening: true, Certificate: true, New: func() Input { return &OpenCaseInput{} },
				Check: func(c *Case, in Input) error { return in.(*OpenCaseInput).checkOfficers() },
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					number, err := allocateNumber(ctx, c.ID, c.AgencyID, now)
					if err != nil {
						return "", err
					}
					// The filing clock runs from the clue's discovery or the
					// receipt of materials when the application gives it (SAMR 18).
					start := now
					if c.DiscoveredAt != nil && c.DiscoveredAt.Before(now) {
						start = *c.DiscoveredAt
					}
					d, err := r.deadline(ctx, "filing", limitFiling, start)
					if err != nil {
						return "", err
					}
					c.Number, c.OpenedAt = number, now
					r.open(ctx, d)
					for _, o := range c.Officers {
						r.watchCertificate(ctx, o)
					}
					return fmt.Sprintf("立案申请：%s，当事人 %s", c.PowerItem.Name, c.Party.Name), nil
				}},
			{Act: ActApproveFiling, Name: "批准立案", New: newOpinion, Stages: []Stage{StageFiling},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					d, err := r.deadline(ctx, "decision", limitDecision, now)
					if err != nil {
						return "", err
					}
					r.meet("filing", now)
					c.FiledAt, c.Stage = &now, StageInvestigation
					r.open(ctx, d)
					return "批准立案", nil
				}},
			{Act: ActRejectFiling, Name: "不予立案", New: newReason, Stages: []Stage{StageFiling}, Check: checkInput,
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					r.meet("filing", now)
					c.Stage, c.Outcome, c.ClosedAt = StageClosed, "not-filed", &now
					return "不予立案：" + in.(*ReasonInput).Opinion, nil
				}},
			{Act: ActRecordEvidence, Name: "记录证据", Who: Handlers, Certificate: true, Stages: []Stage{StageInvestigation},
				New: func() Input { return &RecordEvidenceInput{} }, Check: checkInput,
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					e := in.(*RecordEvidenceInput)
					c.Evidence = append(c.Evidence, Evidence{Kind: e.Kind, Description: e.Description, Proves: e.Proves, Place: e.Place, CollectedBy: e.CollectedBy, Files: e.Files, At: now})
					return fmt.Sprintf("记录证据（%s）：%s", e.Kind, e.Description), nil
				}},
			{Act: ActSubmitReport, Name: "提交调查终结报告", Who: Handlers, Certificate: true, Stages: []Stage{StageInvestigation},
				New: func() Input { return &SubmitReportInput{} }, Check: checkInput,
				After: func(c *Case, _ string) error {
					if len(c.Evidence) == 0 {
						return reject(CodeWrongStep, "尚未记录证据，不能提交调查终结报告", "record evidence before submitting the report")
					}
					// A changed proposal rests on evidence gathered again, never
					// on the party's defence alone (PL 45 ¶2; SAMR 58).
					if c.ReopenedAt != nil && !slices.ContainsFunc(c.Evidence, func(e Evidence) bool { return e.At.After(*c.ReopenedAt) }) {
						return reject(CodeWrongStep, "重新调查后须补充调查取证，方可重新提交调查终结报告（行政处罚法第四十五条第二款）",
							"after reopening, record the new evidence before submitting the report again (PL 45 ¶2)")
					}
					return nil
				},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					rep := in.(*SubmitReportInput)
					key := fmt.Sprintf("review#%d", len(c.Reviews)+1)
					d, err := r.deadline(ctx, key, limitReview, now)
					if err != nil {
						return "", err
					}
					c.Report = &Report{Facts: rep.Facts, Proposal: rep.Proposal, At: now}
					c.Stage = StageReview
					r.open(ctx, d)
					return fmt.Sprintf("提交调查终结报告，送法制审核（第 %d 轮）；拟：%s", len(c.Reviews)+1, rep.Proposal.Penalty), nil
				}},
			{Act: ActApproveReview, Name: "审核通过", New: newOpinion, Stages: []Stage{StageReview}, Who: NotHandlers, LegalReview: true,
				Refusal: [2]string{"办案人员不得作为本案审核人员（市场监管行政处罚程序规定第四十九条）", "a handling officer may not review the case (SAMR 49)"},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					o := in.(*OpinionInput)
					round := len(c.Reviews) + 1
					r.meet(fmt.Sprintf("review#%d", round), now)
					c.Reviews = append(c.Reviews, Review{Round: round, ReviewerID: o.Actor.OfficerID, Reviewer: o.Actor.Name, Passed: true, Opinion: o.Opinion, At: now})
					c.ReviewPassed, c.Stage = true, StagePenaltyApproval
					if c.Notice != nil && c.Hearing != nil && c.Hearing.Outcome == "held" {
						c.Stage = StageDecision // the review after the hearing (SAMR 50 ¶2)
					}
					return fmt.Sprintf("法制审核通过（第 %d 轮）", round), nil
				}},
			{Act: ActReturnReview, Name: "审核退回", New: newReason, Stages: []Stage{StageReview}, Who: NotHandlers, Check: checkInput, LegalReview: true,
				Refusal: [2]string{"办案人员不得作为本案审核人员（市场监管行政处罚程序规定第四十九条）", "a handling officer may not review the case (SAMR 49)"},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					o := in.(*ReasonInput)
					round := len(c.Reviews) + 1
					r.meet(fmt.Sprintf("review#%d", round), now)
					c.Reviews = append(c.Reviews, Review{Round: round, ReviewerID: o.Actor.OfficerID, Reviewer: o.Actor.Name, Passed: false, Opinion: o.Opinion, At: now})
					c.Stage = StageInvestigation
					return fmt.Sprintf("法制审核退回（第 %d 轮）：%s", round, o.Opinion), nil
				}},
			{Act: ActApprovePenalty, Name: "批准拟处罚意见", New: newOpinion, Stages: []Stage{StagePenaltyApproval}, Who: NotHandlers,
				Refusal: [2]string{"办案人员不得审批本案处罚（办审定分离）", "a handling officer may not approve the penalty (handling, review and decision are separate)"},
				After:   notReviewer("审核人员不得审批本案处罚（办审定分离）", "the reviewer may not approve the penalty (handling, review and decision are separate)"),
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					o := in.(*OpinionInput)
					c.Approval = &Approval{HeadID: o.Actor.OfficerID, Opinion: o.Opinion, At: now}
					c.Stage = StageNotice
					return "负责人批准拟处罚意见", nil
				}},
			{Act: ActServeNotice, Name: "送达告知书", Who: Handlers, Certificate: true, Stages: []Stage{StageNotice},
				New: func() Input { return &ServeInput{} }, Check: checkInput,
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					sv := in.(*ServeInput)
					issued := now
					if c.Approval != nil {
						issued = c.Approval.At
					}
					notice := &Notice{ServedAt: now, Method: sv.Method, Rules: max(0, int(workflow.GetVersion(ctx, noticeRulesPL64, workflow.DefaultVersion, 1)))}
					if workflow.GetVersion(ctx, hearingPL63, workflow.DefaultVersion, 1) == 1 {
						rules, err := loadRules(ctx, c.AgencyID, now)
						if err != nil {
							return "", err
						}
						notice.HearingRight, notice.HearingBasis = hearingRight(c.Report.Proposal, c.Party.Kind, rules)
						notice.ReviewAfterHearing, notice.RulesAgency, notice.RulesVersion = rules.ReviewAfterHearing, rules.AgencyID, rules.Version
						proposal := c.Report.Proposal
						notice.Facts, notice.Proposal, notice.Rights = casefile.Ref(c.Report.Facts), &proposal, []string{"statement", "defence", "recusal"}
						notice.CollectiveHeads, notice.CreditRegistry = rules.CollectiveHeads, rules.CreditRegistry
						if pub := rules.Publication.Effective(); pub != casefile.BuiltinRules().Publication {
							notice.Publication = &pub
						}
						if notice.HearingRight {
							notice.Rights = append(notice.Rights, "hearing")
						}
						if limit := Yuan(rules.MajorCaseFine.For(c.Party.Kind)); limit > 0 && c.Report.Proposal.Fine >= limit && !c.Major {
							c.Major, c.MajorBasis = true, fmt.Sprintf("拟罚款 %s 元，达到重大案件标准 %s 元（规则包第 %d 版）", c.Report.Proposal.Fine, limit, rules.Version)
						}
					}
					start, err := served(r, ctx, sv, issued, now)
					if err != nil {
						return "", err
					}
					if !start.Equal(now) {
						notice.EffectiveAt = &start
					}
					d, err := r.deadline(ctx, c.statementKey(), limitStatement, start)
					if err != nil {
						return "", err
					}
					c.Notice = notice
					c.Stage = StageStatement
					r.open(ctx, d)
					if notice.HearingRight {
						return fmt.Sprintf("送达行政处罚告知书（%s），陈述申辩、申请听证期限至 %s；%s", sv.Method, d.DueDate, notice.HearingBasis), nil
					}
					return fmt.Sprintf("送达行政处罚告知书（%s），陈述申辩期限至 %s", sv.Method, d.DueDate), nil
				}},
			{Act: ActRecordStatement, Name: "记录陈述申辩", Who: Handlers, Certificate: true, Stages: []Stage{StageStatement},
				New: func() Input { return &RecordStatementInput{} }, Check: checkInput, Guard: windowOpen,
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					st := in.(*RecordStatementInput)
					if st.HearingRequested {
						requestHearing(r, c, now)
					}
					c.Statements = append(c.Statements, Statement{Text: st.Text, HearingRequested: st.HearingRequested, At: now})
					if c.Notice.Rules < 1 {
						closeWindow(r, c, now, "statement")
					}
					if st.HearingRequested {
						return "当事人申请听证；记录陈述申辩：" + st.Text, nil
					}
					return "记录当事人陈述申辩：" + st.Text, nil
				}},
			{Act: ActRecordWaiver, Name: "记录放弃陈述申辩", New: func() Input { return &WaiverInput{} },
				Who: Handlers, Certificate: true, Stages: []Stage{StageStatement},
				Guard: windowOpen,
				Check: func(c *Case, in Input) error {
					if c.Hearing.pending() && !in.(*WaiverInput).KeepHearing {
						return reject(CodeHearingPending, "当事人已申请听证：放弃听证须先撤回听证申请", "the party asked for a hearing: it must withdraw the request before waiving it")
					}
					return checkInput(c, in)
				},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					w := in.(*WaiverInput)
					closeWindow(r, c, now, "waiver")
					if w.KeepHearing {
						return fmt.Sprintf("当事人书面表示不再陈述、申辩（%s，%s 接收），听证申请不变", w.Document, w.ReceivedBy), nil
					}
					if w.Document != "" {
						return fmt.Sprintf("当事人书面放弃陈述、申辩和听证（%s，%s 接收）", w.Document, w.ReceivedBy), nil
					}
					return "当事人明确放弃陈述、申辩和听证", nil
				}},
			{Act: ActDecide, Name: "作出处罚决定", Stages: []Stage{StageDecision}, Who: NotHandlers,
				New: func() Input { return &DecideInput{} }, Check: checkInput,
				Refusal: [2]string{"办案人员不得作出本案决定（办审定分离）", "a handling officer may not decide the case (handling, review and decision are separate)"},
				Guard: func(c *Case, _ string) error {
					if !c.ReviewPassed {
						return reject(CodeReviewRequired, "未经法制审核或审核未通过的，不得作出决定（行政处罚法第五十八条）", "no decision without a passed legal review (PL 58)")
					}
					if c.Hearing.pending() {
						return reject(CodeHearingPending, "当事人在期限内申请了听证，听证结束前不得作出决定（行政处罚法第六十二条、第六十四条）",
							"the party asked for a hearing in time: no decision before the hearing ends (PL 62, 64)")
					}
					if c.Major && !c.discussed() {
						return reject(CodeCollectiveRequired, "情节复杂或者重大违法行为，须经负责人集体讨论决定（行政处罚法第五十七条第二款）",
							"a complex or major case is decided by the heads' collective discussion (PL 57 ¶2)")
					}
					if c.Stage == StageStatement {
						return reject(CodeWindowOpen, "陈述申辩期限未届满且当事人未放弃，不得作出决定（行政处罚法第六十二条）", "the party's statement window is still open (PL 62)")
					}
					return nil
				},
				After: notReviewer("审核人员不得作出本案决定（办审定分离）", "the reviewer may not decide the case (handling, review and decision are separate)"),
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					d := in.(*DecideInput)
					keys := []LimitKey{limitService}
					unpublished := c.unpublished(d.Outcome, d.Kinds, d.Fine)
					if d.Outcome == "penalty" && unpublished == "" {
						keys = append(keys, limitPublication)
					} else if workflow.GetVersion(ctx, closingSAMR77, workflow.DefaultVersion, 1) == 1 {
						// A no-penalty decision is itself the closing trigger (SAMR 77).
						keys = append(keys, limitClosing)
					}
					opened, err := r.deadlines(ctx, now, keys...)
					if err != nil {
						return "", err
					}
					publish := d.Outcome == "penalty" && unpublished == ""
					if c.creditRegistry(d.Outcome, d.Kinds) {
						reg, err := r.deadline(ctx, string(limitCreditRegistry), limitCreditRegistry, now)
						if err != nil {
							return "", err
						}
						opened = append(opened, reg)
					}
					if d.Outcome != "penalty" && workflow.GetVersion(ctx, publicationGB118, workflow.DefaultVersion, 1) == 1 {
						p, err := r.deadline(ctx, "publication", limitPublicationOther, now)
						if err != nil {
							return "", err
						}
						opened, publish = append(opened, p), true
					}
					r.meet("decision", now)
					c.Decision = &Decision{Outcome: d.Outcome, Penalty: d.Penalty, Kinds: d.Kinds, Fine: d.Fine, Reasons: d.Reasons, DeciderID: d.Actor.OfficerID, At: now, Published: publish, Ground: d.Ground}
					c.Decision.Registry = c.creditRegistry(d.Outcome, d.Kinds)
					c.Decision.Unpublished = unpublished
					if workflow.GetVersion(ctx, executionPL66, workflow.DefaultVersion, 1) == 1 {
						c.Decision.ToExecute = toExecute(d.Kinds)
					}
					c.Outcome, c.Stage = d.Outcome, StageService
					for _, dl := range opened {
						r.open(ctx, dl)
					}
					if d.Outcome == "penalty" {
						return fmt.Sprintf("作出行政处罚决定：%s（罚款 %s 元）", d.Penalty, d.Fine), nil
					}
					if d.Ground == "not-established" {
						return "违法事实不能成立，作出不予行政处罚决定（市场监管行政处罚程序规定第六十条第三项）", nil
					}
					return "作出不予行政处罚决定：" + d.Ground, nil
				}},
			{Act: ActServeDecision, Name: "送达决定书", Who: Handlers, Certificate: true, Stages: []Stage{StageService},
				New: func() Input { return &ServeInput{} }, Check: checkInput,
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					sv := in.(*ServeInput)
					next, key := StageClosing, limitClosing
					if c.Decision.Fine > 0 {
						next, key = StageExecution, limitPayment
					}
					start, err := served(r, ctx, sv, c.Decision.At, now)
					if err != nil {
						return "", err
					}
					var opened []casefile.Deadline
					if c.openDeadline(string(key)) == nil { // a no-penalty decision already started the closing clock
						d, err := r.deadline(ctx, string(key), key, start)
						if err != nil {
							return "", err
						}
						opened = append(opened, d)
					}
					r.meet("service", now)
					var remedies *Remedies
					if c.Decision.Outcome == "penalty" {
						if remedies, err = remedyDays(r, ctx, start); err != nil {
							return "", err
						}
					}
					c.Service = &Service{Method: sv.Method, Receiver: sv.Receiver, At: now, Remedies: remedies}
					if !start.Equal(now) {
						c.Service.EffectiveAt = &start
					}
					c.Stage = next
					for _, d := range opened {
						r.open(ctx, d)
					}
					return fmt.Sprintf("送达行政处罚决定书（%s）", sv.Method), nil
				}},
			{Act: ActPublish, Name: "公示", Who: Handlers, Certificate: true, Stages: []Stage{StageService, StageExecution, StageClosing},
				New: func() Input { return &PublishInput{} },
				Guard: func(c *Case, _ string) error {
					if !c.publicationRequired() {
						return generalPenalty.wrongStep(&c.Core, ActPublish)
					}
					if c.Publication != nil && c.Publication.WithdrawnAt != nil {
						return reject(CodeWrongStep, "公示已撤回（行政处罚法第四十八条第二款）", "the publication was withdrawn (PL 48 ¶2)")
					}
					return nil
				},
				Check: func(c *Case, in Input) error {
					p := in.(*PublishInput)
					if p.correction() {
						if c.Publication == nil {
							return reject(CodeWrongStep, "决定尚未公示，无可更正的内容", "the decision is not published yet: there is nothing to correct")
						}
						if len(c.Publication.Corrections) >= maxCorrections {
							return reject(CodeInvalidInput, "公示内容已更正 %d 次，不能再更正", "the published text was corrected %d times: no more corrections", maxCorrections, maxCorrections)
						}
						return nil
					}
					if c.Publication != nil && !c.registryPending() {
						return reject(CodeWrongStep, "决定已公示；更正公示内容须写明 corrected_text 和 reason", "the decision is already published: a correction needs corrected_text and reason")
					}
					if p.Registry && !c.registryPending() {
						return reject(CodeInvalidInput, "本决定无须或已在国家企业信用信息公示系统公示", "this decision is not for, or already in, the enterprise credit registry")
					}
					if !p.Registry && c.Publication != nil {
						return reject(CodeInvalidInput, "决定已公示；在国家企业信用信息公示系统公示须注明 registry", "already published: for the enterprise credit registry, set registry")
					}
					return checkInput(c, in)
				},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					p := in.(*PublishInput)
					if p.correction() {
						c.Publication.Text = p.CorrectedText
						c.Publication.Corrections = append(c.Publication.Corrections, Correction{Reason: p.Reason, At: now})
						return fmt.Sprintf("更正公示内容（第 %d 版）：%s", len(c.Publication.Corrections)+1, p.Reason), nil
					}
					if p.Registry {
						r.meet(string(limitCreditRegistry), now)
						c.RegistryPublication = &Published{Channel: p.Channel, At: now}
						return "在国家企业信用信息公示系统公示行政处罚信息（市场监督管理行政处罚信息公示规定第九条）：" + p.Channel, nil
					}
					r.meet("publication", now)
					c.Publication = &Published{Channel: p.Channel, At: now}
					if c.Decision.Outcome != "penalty" {
						return "公示不予行政处罚决定：" + p.Channel, nil
					}
					return "公示行政处罚决定：" + p.Channel, nil
				}},
			{Act: ActRecordPayment, Name: "记录缴款", Who: Handlers, Certificate: true, Stages: []Stage{StageExecution},
				New: func() Input { return &RecordPaymentInput{} }, Check: checkInput,
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					p := in.(*RecordPaymentInput)
					if owed := c.Decision.Fine - c.paid() - p.Amount; owed > 0 {
						// A part payment: the case stays in execution until the
						// fine is paid in full (PL 66–67).
						c.Payments = append(c.Payments, Payment{Amount: p.Amount, Receipt: p.Receipt, At: now})
						return fmt.Sprintf("部分缴纳罚款 %s 元（凭证 %s），尚欠 %s 元", p.Amount, p.Receipt, owed), nil
					}
					d, err := r.deadline(ctx, "closing", limitClosing, now)
					if err != nil {
						return "", err
					}
					r.meet("payment", now)
					c.Payments = append(c.Payments, Payment{Amount: p.Amount, Receipt: p.Receipt, At: now})
					c.Payment = &Payment{Amount: c.paid(), Receipt: p.Receipt, At: now}
					c.Stage = StageClosing
					r.open(ctx, d)
					if len(c.Payments) > 1 {
						return fmt.Sprintf("罚款 %s 元已缴清（末笔 %s 元，凭证 %s）", c.Decision.Fine, p.Amount, p.Receipt), nil
					}
					return fmt.Sprintf("罚款 %s 元已缴纳（凭证 %s）", p.Amount, p.Receipt), nil
				}},
			{Act: ActRequestClosing, Name: "申请结案", New: newReason, Who: Handlers, Certificate: true, Stages: []Stage{StageClosing}, Check: checkInput,
				After: func(c *Case, _ string) error {
					if c.publicationRequired() && c.Publication == nil {
						return reject(CodeWrongStep, "处罚决定尚未公示，不能结案（行政处罚法第四十八条）", "publish the decision before closing (PL 48)")
					}
					if c.registryPending() {
						return reject(CodeWrongStep, "尚未在国家企业信用信息公示系统公示，不能结案（市场监督管理行政处罚信息公示规定第九条）", "publish in the enterprise credit registry before closing (SAMR-PUB 9)")
					}
					if left := c.unexecuted(); len(left) > 0 {
						return reject(CodeWrongStep, "处罚决定尚未执行完毕：%v（市场监管行政处罚程序规定第七十七条）", "the decision is not fully carried out: %v (SAMR 77)", left, left)
					}
					return nil
				},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					// The 15 working days are met when the unit fills in the
					// closing form, not when the head approves it (SAMR 77).
					if workflow.GetVersion(ctx, closingSAMR77, workflow.DefaultVersion, 1) == 1 {
						r.meet("closing", now)
					}
					c.ClosingNote = in.(*ReasonInput).Opinion
					c.Stage = StageClosingApproval
					return "填写结案审批表：" + c.ClosingNote, nil
				}},
			{Act: ActReopenInvestigation, Name: "重新调查", New: newReason, Check: checkInput, Stages: []Stage{StageStatement, StageDecision},
				Who: NotHandlers, Refusal: [2]string{"重新调查须经负责人决定", "reopening is decided by a head"},
				Guard: func(c *Case, _ string) error {
					if c.Notice == nil {
						return generalPenalty.wrongStep(&c.Core, ActReopenInvestigation)
					}
					if c.Hearing.pending() {
						return reject(CodeHearingPending, "当事人申请的听证尚未结束", "the hearing the party asked for has not ended")
					}
					return nil
				},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					if c.Notice.ClosedAt == nil {
						c.Notice.ClosedAt, c.Notice.ClosedHow = &now, "renotice"
						r.meet(c.statementKey(), now)
					}
					prior := *c.Notice
					prior.Hearing = c.Hearing
					c.PriorNotices = append(c.PriorNotices, prior)
					c.Notice, c.Hearing, c.Approval, c.ReviewPassed, c.ReopenedAt = nil, nil, nil, false, &now
					c.Stage = StageInvestigation
					return "负责人决定重新调查，拟处罚意见变化的，须重新告知（行政处罚法第四十四条、第四十五条）：" + in.(*ReasonInput).Opinion, nil
				}},
			{Act: ActApproveClosing, Name: "批准结案", New: newOpinion, Stages: []Stage{StageClosingApproval}, Who: NotHandlers,
				Refusal: [2]string{"办案人员不得审批本案结案", "a handling officer may not approve closing"},
				Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
					r.meet("closing", now) // cases whose closing form came before SAMR 77 was followed
					c.Stage, c.ClosedAt = StageClosed, &now
					return "批准结案", nil
				}},
		}, slices.Concat(hearingActs(), courseActs(), executionActs(), SharedActs[*Case]())...),
	})
}

// GeneralPenalty is the workflow of one general-procedure case.
func GeneralPenalty(ctx workflow.Context, in OpenCaseInput) (ActResult, error) {
	return run(ctx, generalPenalty, in)
}

func newOpinion() Input { return &OpinionInput{} }
func newReason() Input  { return &ReasonInput{} }

// checkInput runs an input's rules that depend on the case, if it has any.
func checkInput(c *Case, in Input) error {
	if ch, ok := in.(interface{ check(*Case) error }); ok {
		return ch.check(c)
	}
	return nil
}

// notReviewer refuses the case's reviewer (办审定分离).
func notReviewer(zh, en string) func(c *Case, actor string) error {
	return func(c *Case, actor string) error {
		if c.reviewedBy(actor) {
			return reject(CodeSeparationOfDuties, zh, en)
		}
		return nil
	}
}

// windowOpen refuses a statement or waiver after the window closed.
func windowOpen(c *Case, _ string) error {
	if c.Notice != nil && c.Notice.ClosedAt != nil {
		return reject(CodeWindowClosed, "陈述申辩期限已届满或已结束（市场监管行政处罚程序规定第五十七条）", "the statement window has closed (SAMR 57)")
	}
	return nil
}

// closeWindow ends the statement window (PL 62: the decision may follow).
func closeWindow(r *Run[*Case], c *Case, now time.Time, how string) {
	c.Notice.ClosedAt, c.Notice.ClosedHow = &now, how
	r.meet(c.statementKey(), now)
	c.Stage = StageDecision
	if c.Hearing.pending() {
		c.Stage = StageHearing // a hearing asked for in time comes first (PL 62, 64)
	}
}

// stageTasks lists who must act next at the case's step.
func (c *Case) stageTasks() []casefile.Task {
	t := newTasks(generalPenalty, &c.Core)
	role, officers := t.role, t.officers
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
		officers("statement", c.statementKey(), ActRecordStatement, ActRecordWaiver)
		c.hearingTasks(t)
	case StageHearing:
		c.hearingTasks(t)
	case StageSuspended:
		role("suspended", "approval", casefile.RoleHead, "", ActResumeCase, ActTerminateCase)
	case StageDecision:
		if c.Major && !c.discussed() {
			role("discussion", "approval", casefile.RoleHead, "decision", ActRecordDiscussion)
		}
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
	if c.publicationRequired() && c.Publication == nil && c.Stage != StageClosed {
		officers("publication", "publication", ActPublish)
	}
	if c.registryPending() {
		officers("publication-registry", string(limitCreditRegistry), ActPublish)
	}
	if len(c.unexecuted()) > 0 && (c.Stage == StageExecution || c.Stage == StageClosing) {
		officers("execution", "", ActRecordExecution)
	}
	if c.openDeadline(string(limitWithdrawal)) != nil {
		officers("withdrawal", string(limitWithdrawal), ActWithdrawPublication)
	}
	return t.out
}

// Tasks lists who must act next: the open tasks of the case.
func (c *Case) Tasks() []casefile.Task { return generalPenalty.tasks(c) }

// AvailableActs lists the acts the officer may perform now as far as the
// case decides.
func (c *Case) AvailableActs(officerID string) []casefile.Act {
	return generalPenalty.Available(c, officerID)
}

// carried is the case as it is handed to the next run: the long texts
// that no rule reads again (evidence, statements, review opinions, facts,
// reasons) are left in the record and replaced by their reference, so the
// hand-over stays small however long the case. Only fields that are set
// whole or appended to are shortened: the record keeps their full text,
// since an unchanged field is never sent again.
func (c *Case) carried() *Case {
	cp := *c
	c = &cp
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
	if c.Hearing != nil {
		h := *c.Hearing
		h.Record, h.Report = casefile.Ref(h.Record), casefile.Ref(h.Report)
		c.Hearing = &h
	}
	c.Discussions = slices.Clone(c.Discussions)
	for i := range c.Discussions {
		c.Discussions[i].Record = casefile.Ref(c.Discussions[i].Record)
	}
	return c
}
