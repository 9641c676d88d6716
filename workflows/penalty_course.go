package workflows

// The course of a general-procedure case beside its main line (SAMR 17,
// 46–47, 60, 64; PL 27, 57 ¶2, 60):
//
//	exclusions   testing, inspection, quarantine, appraisal, identification
//	             by the right holder and ordered refunds do not count against
//	             the 90-day decision limit: the clock stops and runs again
//	             (SAMR 64 ¶2); so do the hearing (hearing.go) and service by
//	             public notice (its 30 days)
//	extension    +30 days at most with the head's approval, before the limit
//	             runs out (SAMR 64 ¶1); after that only the heads' collective
//	             discussion can extend, and it fixes the new last day
//	suspension   中止 with the head's approval: the clock stops until the head
//	             resumes the case (SAMR 46)
//	termination  终止 with the head's approval (SAMR 47), withdrawal of the
//	             filing (撤销立案), transfer to the competent agency (移送,
//	             SAMR 17) or to a judicial organ for a suspected crime (PL 27;
//	             SAMR 17, with the property list): each ends the handling and
//	             starts the 15-working-day closing limit (SAMR 77)
//	discussion   a major or complex case is decided by the heads' collective
//	             discussion (PL 57 ¶2; SAMR 60 ¶2): major by the rule pack's
//	             fine or by the head's marking; the decision is refused
//	             without a discussion record naming enough heads

import (
	"fmt"
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// StageSuspended is a suspended (中止) investigation.
const StageSuspended Stage = "suspended"

// Acts of the course.
const (
	ActStartExclusion   casefile.Act = "start-exclusion"   // 检测、检验、检疫、鉴定等期间开始 (SAMR 64 ¶2)
	ActEndExclusion     casefile.Act = "end-exclusion"     // 该期间结束
	ActExtendDecision   casefile.Act = "extend-decision"   // 负责人批准延长三十日 (SAMR 64 ¶1)
	ActExtendFiling     casefile.Act = "extend-filing"     // 负责人批准延长立案期限十五个工作日 (SAMR 18)
	ActExtendReview     casefile.Act = "extend-review"     // 负责人批准延长审核期限 (SAMR 55)
	ActExtendByHeads    casefile.Act = "extend-by-heads"   // 负责人集体讨论决定继续延期 (SAMR 64 ¶1)
	ActSuspendCase      casefile.Act = "suspend-case"      // 中止调查 (SAMR 46)
	ActResumeCase       casefile.Act = "resume-case"       // 恢复调查 (SAMR 46 ¶2)
	ActTerminateCase    casefile.Act = "terminate-case"    // 终止调查 (SAMR 47)
	ActWithdrawFiling   casefile.Act = "withdraw-filing"   // 撤销立案 (SAMR 20, 60(4))
	ActTransferCase     casefile.Act = "transfer-case"     // 移送其他行政机关或司法机关 (PL 27; SAMR 17, 60(4)–(5))
	ActMarkMajor        casefile.Act = "mark-major"        // 负责人认定为情节复杂或重大违法 (PL 57 ¶2)
	ActRecordDiscussion casefile.Act = "record-discussion" // 集体讨论记录 (PL 57 ¶2; SAMR 60 ¶2)
)

// Exclusion is a period that does not count against the decision limit.
type Exclusion struct {
	Kind        string     `json:"kind"`
	Description string     `json:"description"`
	From        time.Time  `json:"from"`
	To          *time.Time `json:"to,omitempty"`
	Result      string     `json:"result,omitempty"`
}

// Suspension is a suspension (中止) of the investigation.
type Suspension struct {
	Reason     string     `json:"reason"`
	From       time.Time  `json:"from"`
	Stage      Stage      `json:"stage"` // where the case resumes
	ApprovedBy string     `json:"approved_by"`
	To         *time.Time `json:"to,omitempty"`
}

// Transfer is a transfer of the case (移送).
type Transfer struct {
	To         string    `json:"to"` // agency or judicial
	Receiver   string    `json:"receiver"`
	Reason     string    `json:"reason"`
	Properties []string  `json:"properties,omitempty"`
	At         time.Time `json:"at"`
}

// Discussion is a record of the heads' collective discussion (集体讨论).
type Discussion struct {
	Heads      []string  `json:"heads"`
	Conclusion string    `json:"conclusion"`
	Record     string    `json:"record"`
	At         time.Time `json:"at"`
	// Purpose is decision or extension.
	Purpose string `json:"purpose"`
}

var exclusionKinds = []string{"testing", "inspection", "quarantine", "appraisal", "identification", "refund-order"}

// ExclusionInput starts or ends a period left out of the decision limit.
type ExclusionInput struct {
	ActBase
	Kind        string `json:"kind,omitempty" limit:"16"` // testing, inspection, quarantine, appraisal, identification, refund-order
	Description string `json:"description" limit:"5000"`  // what is tested or appraised, by whom; or, at the end, the result
}

// ExtendInput is the head's extension of a limit: the decision limit
// (days), the filing limit or a review round (working days).
type ExtendInput struct {
	ActBase
	Days   int    `json:"days"` // at most 30 (SAMR 64 ¶1)
	Reason string `json:"reason" limit:"5000"`
}

// DiscussionInput records a collective discussion of the heads.
type DiscussionInput struct {
	ActBase
	Participants []string `json:"participants" limit:"20" itemlimit:"64"` // the heads present, the actor among them
	Conclusion   string   `json:"conclusion" limit:"5000"`
	Record       string   `json:"record" limit:"20000"` // the minutes (集体讨论记录)
	// Until is the new last day (YYYY-MM-DD) an extension by the heads fixes.
	Until string `json:"until,omitempty" limit:"10"`
	// Heads are the participants who really are heads of the agency: the
	// API sets them, whatever the client sent.
	Heads []string `json:"heads" limit:"server"`
}

// Discussants are the people the API checks are heads.
func (in *DiscussionInput) Discussants() []string { return in.Participants }

// SetHeads keeps the participants who are heads of the agency.
func (in *DiscussionInput) SetHeads(heads []string) { in.Heads = heads }

func (in *DiscussionInput) check(c *Case) error {
	if in.Conclusion == "" || in.Record == "" {
		return reject(CodeInvalidInput, "须写明集体讨论结论并附讨论记录", "the conclusion and the minutes are required")
	}
	return checkDiscussants(in.Actor.OfficerID, in.Participants, in.Heads, c.collectiveHeads())
}

// collectiveHeads is how many heads a collective discussion of the case
// needs: the rule pack's figure read with the notice, at least two.
func (c *Case) collectiveHeads() int {
	if c.Notice != nil {
		return max(minCollectiveHeads, c.Notice.CollectiveHeads)
	}
	return minCollectiveHeads
}

// checkDiscussants checks that a collective discussion had enough heads,
// the actor among them.
func checkDiscussants(actor string, participants, heads []string, need int) error {
	if !slices.Contains(participants, actor) {
		return reject(CodeInvalidInput, "记录集体讨论的负责人须为参加者之一", "the head recording the discussion must have taken part")
	}
	uniq := map[string]bool{}
	for _, h := range heads {
		if slices.Contains(participants, h) {
			uniq[h] = true
		}
	}
	if len(uniq) < need {
		return reject(CodeInvalidInput, "集体讨论须有本机关 %d 名以上负责人参加（行政处罚法第五十七条第二款）",
			"a collective discussion needs at least %d heads of the agency (PL 57 ¶2)", need, need)
	}
	return nil
}

// TransferInput transfers the case.
type TransferInput struct {
	ActBase
	To         string   `json:"to" limit:"16"`        // agency (移送其他行政机关) or judicial (移送司法机关)
	Receiver   string   `json:"receiver" limit:"200"` // the receiving agency or organ
	Reason     string   `json:"reason" limit:"5000"`
	Properties []string `json:"properties,omitempty" limit:"200" itemlimit:"500"` // 涉案物品清单, for a judicial transfer
}

func (in *TransferInput) check(*Case) error {
	if in.Receiver == "" || in.Reason == "" {
		return reject(CodeInvalidInput, "须写明接收机关和移送理由", "the receiving organ and the reason are required")
	}
	switch in.To {
	case "agency", "judicial":
	default:
		return reject(CodeInvalidInput, "移送对象须为 agency（其他行政机关）或 judicial（司法机关）", "to must be agency or judicial")
	}
	return nil
}

// duringHandling allows an act from filing to the decision.
func duringHandling(c *Case, _ string) error {
	if c.FiledAt == nil || c.Decision != nil {
		return reject(CodeWrongStep, "只能在立案后、作出决定前办理", "possible only between filing and the decision")
	}
	return nil
}

// decisionClock allows an act only while the decision limit has not run out.
func decisionClock(c *Case) error {
	d := c.openDeadline(string(limitDecision))
	if d == nil {
		return reject(CodeWrongStep, "办案期限已届满或已作出决定，不能延长（市场监管行政处罚程序规定第六十四条）",
			"the decision limit has run out or the decision is made: it cannot be extended (SAMR 64)")
	}
	return nil
}

// toClosing ends the handling with an outcome: the closing limit starts
// now (SAMR 77).
func toClosing(r *Run[*Case], ctx workflow.Context, c *Case, outcome string, now time.Time) error {
	d, err := r.deadline(ctx, string(limitClosing), limitClosing, now)
	if err != nil {
		return err
	}
	r.meet(string(limitDecision), now)
	r.meet(fmt.Sprintf("review#%d", len(c.Reviews)+1), now)
	r.meet(c.statementKey(), now)
	c.Outcome, c.Stage = outcome, StageClosing
	r.open(ctx, d)
	return nil
}

// handlingStages are the stages from filing to the decision.
var handlingStages = []Stage{StageInvestigation, StageReview, StagePenaltyApproval, StageNotice, StageStatement, StageHearing, StageDecision}

// courseActs are the acts of the case's course beside its main line.
func courseActs() []ActSpec[*Case] {
	return []ActSpec[*Case]{
		{Act: ActStartExclusion, Name: "开始不计入办案期限的期间", Who: Handlers, Certificate: true, Stages: handlingStages, Guard: duringHandling,
			New: func() Input { return &ExclusionInput{} },
			Check: func(c *Case, in Input) error {
				e := in.(*ExclusionInput)
				if !slices.Contains(exclusionKinds, e.Kind) || e.Description == "" {
					return reject(CodeInvalidInput, "须写明期间种类（%v）和内容（市场监管行政处罚程序规定第六十四条第二款）",
						"kind (%v) and description are required (SAMR 64 ¶2)", exclusionKinds, exclusionKinds)
				}
				if n := len(c.Exclusions); n > 0 && c.Exclusions[n-1].To == nil {
					return reject(CodeWrongStep, "上一个不计入期间尚未结束", "the previous excluded period has not ended")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				e := in.(*ExclusionInput)
				c.Exclusions = append(c.Exclusions, Exclusion{Kind: e.Kind, Description: e.Description, From: now})
				r.pause(string(limitDecision), now)
				return fmt.Sprintf("%s期间开始，不计入办案期限：%s", e.Kind, e.Description), nil
			}},
		{Act: ActEndExclusion, Name: "结束不计入办案期限的期间", Who: Handlers, Certificate: true, Stages: append([]Stage{StageSuspended}, handlingStages...),
			New: func() Input { return &ExclusionInput{} },
			Guard: func(c *Case, _ string) error {
				if n := len(c.Exclusions); n == 0 || c.Exclusions[n-1].To != nil {
					return reject(CodeWrongStep, "没有进行中的不计入期间", "no excluded period is running")
				}
				return nil
			},
			Check: func(c *Case, in Input) error {
				if in.(*ExclusionInput).Description == "" {
					return reject(CodeInvalidInput, "须写明结果", "the result is required")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				x := &c.Exclusions[len(c.Exclusions)-1]
				x.To, x.Result = &now, in.(*ExclusionInput).Description
				if err := restartClock(r, ctx, c, now); err != nil {
					return "", err
				}
				d := c.openDeadline(string(limitDecision))
				return fmt.Sprintf("%s期间结束（%s）；作出决定期限至 %s", x.Kind, x.Result, d.DueDate), nil
			}},
		{Act: ActExtendFiling, Name: "批准延长立案期限", Stages: []Stage{StageFiling}, New: func() Input { return &ExtendInput{} },
			Guard: func(c *Case, _ string) error {
				if d := c.openDeadline(string(limitFiling)); d == nil || len(d.Extensions) > 0 {
					return reject(CodeWrongStep, "立案期限已届满或已延长过（市场监管行政处罚程序规定第十八条）", "the filing limit has run out or was already extended (SAMR 18)")
				}
				return nil
			},
			Check: extendUpTo(15, "十五个工作日（市场监管行政处罚程序规定第十八条）", "15 working days (SAMR 18)"),
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				e := in.(*ExtendInput)
				if err := r.extend(ctx, string(limitFiling), e.Days, casefile.Workdays, "SAMR 18"); err != nil {
					return "", err
				}
				return fmt.Sprintf("负责人批准延长立案期限 %d 个工作日至 %s：%s", e.Days, c.openDeadline(string(limitFiling)).DueDate, e.Reason), nil
			}},
		{Act: ActExtendReview, Name: "批准延长审核期限", Stages: []Stage{StageReview}, New: func() Input { return &ExtendInput{} },
			Who: NotHandlers, Refusal: [2]string{"办案人员不得批准延长审核期限", "a handling officer may not extend the review"},
			Guard: func(c *Case, _ string) error {
				if c.openDeadline(fmt.Sprintf("review#%d", len(c.Reviews)+1)) == nil {
					return reject(CodeWrongStep, "审核期限已届满", "the review limit has run out")
				}
				return nil
			},
			Check: extendUpTo(10, "十个工作日", "10 working days"),
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				e := in.(*ExtendInput)
				key := fmt.Sprintf("review#%d", len(c.Reviews)+1)
				if err := r.extend(ctx, key, e.Days, casefile.Workdays, "SAMR 55"); err != nil {
					return "", err
				}
				return fmt.Sprintf("负责人批准延长法制审核期限 %d 个工作日至 %s：%s", e.Days, c.openDeadline(key).DueDate, e.Reason), nil
			}},
		{Act: ActExtendDecision, Name: "批准延长办案期限", Stages: handlingStages, New: func() Input { return &ExtendInput{} },
			Who: NotHandlers, Refusal: [2]string{"办案人员不得批准延长本案期限", "a handling officer may not extend the case's limit"},
			Guard: func(c *Case, _ string) error {
				if err := decisionClock(c); err != nil {
					return err
				}
				if d := c.openDeadline(string(limitDecision)); len(d.Extensions) > 0 {
					return reject(CodeCollectiveRequired, "已经负责人批准延长一次；继续延期须由负责人集体讨论决定（市场监管行政处罚程序规定第六十四条）",
						"already extended once by the head: a further extension is for the heads' collective discussion (SAMR 64)")
				}
				return nil
			},
			Check: extendUpTo(30, "三十日（市场监管行政处罚程序规定第六十四条）", "30 days (SAMR 64)"),
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				e := in.(*ExtendInput)
				if err := r.extend(ctx, string(limitDecision), e.Days, casefile.Days, "SAMR 64 ¶1"); err != nil {
					return "", err
				}
				return fmt.Sprintf("负责人批准延长办案期限 %d 日至 %s：%s", e.Days, c.openDeadline(string(limitDecision)).DueDate, e.Reason), nil
			}},
		{Act: ActExtendByHeads, Name: "集体讨论决定延期", Stages: handlingStages, New: func() Input { return &DiscussionInput{} },
			Who: NotHandlers, Refusal: [2]string{"办案人员不得批准延长本案期限", "a handling officer may not extend the case's limit"},
			Guard: func(c *Case, _ string) error {
				if err := decisionClock(c); err != nil {
					return err
				}
				if d := c.openDeadline(string(limitDecision)); len(d.Extensions) == 0 {
					return reject(CodeWrongStep, "须先经负责人批准延长三十日（市场监管行政处罚程序规定第六十四条）", "the head's 30-day extension comes first (SAMR 64)")
				}
				return nil
			},
			Check: func(c *Case, in Input) error {
				d := in.(*DiscussionInput)
				if err := d.check(c); err != nil {
					return err
				}
				if _, err := time.ParseInLocation(time.DateOnly, d.Until, beijing); err != nil {
					return reject(CodeInvalidInput, "须确定新的办案期限（YYYY-MM-DD）", "until, the new last day (YYYY-MM-DD), is required")
				}
				if dl := c.openDeadline(string(limitDecision)); dl != nil && d.Until <= dl.DueDate {
					return reject(CodeInvalidInput, "新的期限须晚于现期限 %s", "the new last day must be after %s", dl.DueDate, dl.DueDate)
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				d := in.(*DiscussionInput)
				until, _ := time.ParseInLocation(time.DateOnly, d.Until, beijing)
				if err := r.extendTo(ctx, string(limitDecision), until, "SAMR 64 ¶1 集体讨论"); err != nil {
					return "", err
				}
				c.Discussions = append(c.Discussions, Discussion{Heads: d.Heads, Conclusion: d.Conclusion, Record: d.Record, At: now, Purpose: "extension"})
				return fmt.Sprintf("负责人集体讨论决定延长办案期限至 %s：%s", d.Until, d.Conclusion), nil
			}},
		{Act: ActSuspendCase, Name: "中止调查", Stages: []Stage{StageInvestigation, StageReview, StagePenaltyApproval, StageNotice, StageDecision},
			New: newReason, Check: checkInput,
			Who: NotHandlers, Refusal: [2]string{"中止调查须经负责人批准", "suspension is approved by a head"},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				reason := in.(*ReasonInput).Opinion
				c.Suspension = &Suspension{Reason: reason, From: now, Stage: c.Stage, ApprovedBy: in.base().Actor.OfficerID}
				c.Stage = StageSuspended
				r.pause(string(limitDecision), now)
				return "负责人批准中止调查：" + reason, nil
			}},
		{Act: ActResumeCase, Name: "恢复调查", Stages: []Stage{StageSuspended}, New: newReason, Check: checkInput,
			Who: NotHandlers, Refusal: [2]string{"恢复调查须经负责人批准", "resumption is approved by a head"},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				c.Suspension.To, c.Stage = &now, c.Suspension.Stage
				if err := restartClock(r, ctx, c, now); err != nil {
					return "", err
				}
				return "中止调查的原因消除，恢复调查：" + in.(*ReasonInput).Opinion, nil
			}},
		{Act: ActTerminateCase, Name: "终止调查", Stages: append([]Stage{StageSuspended}, handlingStages...), New: newReason, Check: checkInput,
			Who: NotHandlers, Refusal: [2]string{"终止调查须经负责人批准", "termination is approved by a head"},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				if err := toClosing(r, ctx, c, "terminated", now); err != nil {
					return "", err
				}
				return "负责人批准终止调查（市场监管行政处罚程序规定第四十七条）：" + in.(*ReasonInput).Opinion, nil
			}},
		{Act: ActWithdrawFiling, Name: "撤销立案", Stages: handlingStages, New: newReason, Check: checkInput,
			Who: NotHandlers, Refusal: [2]string{"撤销立案须经负责人批准", "withdrawal of the filing is approved by a head"},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				if err := toClosing(r, ctx, c, "filing-withdrawn", now); err != nil {
					return "", err
				}
				return "撤销立案：" + in.(*ReasonInput).Opinion, nil
			}},
		{Act: ActTransferCase, Name: "移送案件", Stages: handlingStages, New: func() Input { return &TransferInput{} }, Check: checkInput,
			Who: NotHandlers, Refusal: [2]string{"移送须经负责人批准", "a transfer is approved by a head"},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				t := in.(*TransferInput)
				outcome := "transferred"
				if t.To == "judicial" {
					outcome = "transferred-judicial"
				}
				if err := toClosing(r, ctx, c, outcome, now); err != nil {
					return "", err
				}
				c.Transfer = &Transfer{To: t.To, Receiver: t.Receiver, Reason: t.Reason, Properties: t.Properties, At: now}
				if t.To == "judicial" {
					return fmt.Sprintf("涉嫌犯罪，移送%s（行政处罚法第二十七条），涉案物品 %d 项：%s", t.Receiver, len(t.Properties), t.Reason), nil
				}
				return fmt.Sprintf("移送%s处理（市场监管行政处罚程序规定第十七条）：%s", t.Receiver, t.Reason), nil
			}},
		{Act: ActMarkMajor, Name: "认定为重大案件", Stages: handlingStages, New: newReason, Check: checkInput,
			Who: NotHandlers, Refusal: [2]string{"办案人员不得认定本案", "a handling officer may not mark the case"},
			Guard: func(c *Case, _ string) error {
				if c.Major {
					return reject(CodeWrongStep, "本案已是重大案件", "the case is already major")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				c.Major, c.MajorBasis = true, "负责人认定："+in.(*ReasonInput).Opinion
				return "负责人认定为情节复杂或者重大违法行为，须经集体讨论决定（行政处罚法第五十七条第二款）", nil
			}},
		{Act: ActRecordDiscussion, Name: "记录集体讨论", Stages: []Stage{StageDecision}, New: func() Input { return &DiscussionInput{} }, Check: checkInput,
			Who: NotHandlers, Refusal: [2]string{"办案人员不得记录本案集体讨论", "a handling officer may not record the discussion"},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				d := in.(*DiscussionInput)
				c.Discussions = append(c.Discussions, Discussion{Heads: d.Heads, Conclusion: d.Conclusion, Record: d.Record, At: now, Purpose: "decision"})
				return fmt.Sprintf("负责人集体讨论（%d 人）：%s", len(d.Heads), d.Conclusion), nil
			}},
	}
}

// extendUpTo checks an extension of at most max units, with its reason.
func extendUpTo(max int, zh, en string) func(*Case, Input) error {
	return func(_ *Case, in Input) error {
		if e := in.(*ExtendInput); e.Days < 1 || e.Days > max || e.Reason == "" {
			return reject(CodeInvalidInput, "每次延长 1 至 %s，须写明理由", "1 to %s at a time, with a reason", zh, en)
		}
		return nil
	}
}

// clockStopped tells whether something still stops the decision clock:
// a pending hearing, a running excluded period or a suspension.
func (c *Case) clockStopped() bool {
	n := len(c.Exclusions)
	return c.Hearing.pending() || (n > 0 && c.Exclusions[n-1].To == nil) || c.Stage == StageSuspended
}

// restartClock runs the decision clock again once nothing stops it.
func restartClock(r *Run[*Case], ctx workflow.Context, c *Case, now time.Time) error {
	if c.clockStopped() {
		return nil
	}
	_, err := r.resume(ctx, string(limitDecision), now)
	return err
}

// Clock is the decision limit as the case shows it (PL 60; SAMR 64): the
// last day, and the days used, left out and left as of a moment.
type Clock struct {
	DueDate  string `json:"due_date"`
	Used     int    `json:"days_used"`
	Excluded int    `json:"days_excluded"` // left out so far, the running pause included
	Left     int    `json:"days_left"`     // to the last day; while stopped, as it stands
	Stopped  bool   `json:"stopped"`       // a hearing, an excluded period or a suspension stops it now
	State    string `json:"state"`
}

// DecisionClock is the decision limit as of asOf, or nil before filing.
func (c *Case) DecisionClock(asOf time.Time) *Clock {
	var d *casefile.Deadline
	for i := range c.Deadlines {
		if c.Deadlines[i].Key == string(limitDecision) {
			d = &c.Deadlines[i]
		}
	}
	if d == nil {
		return nil
	}
	end := asOf
	if d.MetAt != nil {
		end = *d.MetAt
	}
	due, _ := time.ParseInLocation(time.DateOnly, d.DueDate, beijing)
	k := &Clock{DueDate: d.DueDate, Excluded: d.Excluded, State: string(d.State), Stopped: d.PausedAt != nil}
	from := end
	if d.PausedAt != nil {
		k.Excluded += beijingDays(*d.PausedAt, end)
		from = *d.PausedAt
	}
	k.Used = beijingDays(d.StartAt, end) - k.Excluded
	k.Left = max(0, beijingDays(from, due))
	return k
}

// discussed tells whether the heads discussed the decision.
func (c *Case) discussed() bool {
	return slices.ContainsFunc(c.Discussions, func(d Discussion) bool { return d.Purpose == "decision" })
}
