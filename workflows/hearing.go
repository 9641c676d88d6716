package workflows

// The hearing (听证) of the general procedure, PL 63–65; SAMR 50 ¶2, 64 ¶2,
// 78; 市场监督管理行政处罚听证办法 (2021).
//
//	right       the prior notice says whether the proposed penalty gives the
//	            party a right to a hearing (PL 63): a fine or confiscation
//	            of at least the 较大数额 of the agency's rule pack (by party
//	            kind), lowering of qualification, revocation of a licence,
//	            suspension of business, closure, restriction of practice,
//	            or another heavier penalty the report says is in scope
//	request     within the 5-working-day window after the notice is served
//	            (PL 64(1)); the window stays open, and when it ends the case
//	            goes to the hearing, not to the decision (PL 62)
//	schedule    the head designates a host (主持人) who never handled the
//	            case (PL 64(4)), fixes time and place, and the 听证通知书 is
//	            served at least 7 working days before the hearing (PL 64(2));
//	            public unless state secrets, business secrets or privacy
//	            (PL 64(3))
//	record      the host records the hearing: the 笔录 signed by the party
//	            or the refusal noted (PL 64(8)), the 听证报告 (SAMR 78); the
//	            party's absence without reason or leaving early is a waiver
//	            (PL 64(6)); the party has at most two agents (PL 64(5))
//	after       legal review again where the rule pack says so (SAMR 50 ¶2),
//	            then the decision, which rests on the record (PL 65)
//
// The time the hearing takes does not count against the 90-day decision
// limit (SAMR 64 ¶2): the clock stops at the request and runs again when
// the hearing ends.

import (
	"fmt"
	"slices"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// StageHearing is the hearing: requested in time, to be held.
const StageHearing Stage = "hearing"

// Acts of the hearing.
const (
	ActScheduleHearing casefile.Act = "schedule-hearing" // 指定主持人、送达听证通知书 (PL 64(2), (4))
	ActRecordHearing   casefile.Act = "record-hearing"   // 听证笔录、听证报告 (PL 64(8); SAMR 78)
	ActWithdrawHearing casefile.Act = "withdraw-hearing" // 当事人撤回听证申请
)

// hearingPL63 versions the hearing: notices served from it read the rule
// pack and say whether the party has the right to a hearing.
const hearingPL63 = "hearing-pl63"

// Hearing is the party's hearing: requested, scheduled, held or waived.
type Hearing struct {
	RequestedAt time.Time `json:"requested_at"`
	// Scheduled by the head: the host, the time and place, whether it is
	// public, and the service of the 听证通知书.
	HostID          string     `json:"host_id,omitempty"`
	HostName        string     `json:"host_name,omitempty"`
	Clerk           string     `json:"clerk,omitempty"`
	At              *time.Time `json:"at,omitempty"`
	Place           string     `json:"place,omitempty"`
	Public          bool       `json:"public"`
	NotPublicReason string     `json:"not_public_reason,omitempty"`
	NoticeServedAt  *time.Time `json:"notice_served_at,omitempty"`
	NoticeMethod    string     `json:"notice_method,omitempty"`
	Reschedules     int        `json:"reschedules,omitempty"`
	// Outcome is "" until the hearing ends: held, absent or left-early
	// (both a waiver, PL 64(6)), or withdrawn by the party.
	Outcome     string     `json:"outcome,omitempty"`
	EndedAt     *time.Time `json:"ended_at,omitempty"`
	Agents      []string   `json:"agents,omitempty"`
	Record      string     `json:"record,omitempty"`
	Signed      bool       `json:"signed"`
	SignRefusal string     `json:"sign_refusal,omitempty"`
	Report      string     `json:"report,omitempty"`
}

// pending tells whether a requested hearing has not ended yet.
func (h *Hearing) pending() bool { return h != nil && h.Outcome == "" }

// hearingKinds are the kinds of penalty that always give the right to a
// hearing (PL 63(3), (4)).
var hearingKinds = []string{"lower-qualification", "revoke-licence", "suspend-business", "close", "restrict-practice"}

// hearingRight says whether the proposed penalty gives the party the right
// to a hearing under the rule pack, and on which ground (PL 63).
func hearingRight(p Proposal, partyKind string, rules casefile.Rules) (bool, string) {
	for _, k := range p.Kinds {
		if slices.Contains(hearingKinds, k) {
			return true, fmt.Sprintf("拟作出 %s（行政处罚法第六十三条第一款第三、四项）", k)
		}
	}
	if limit := Yuan(rules.HearingFine.For(partyKind)); limit > 0 && p.Fine >= limit {
		return true, fmt.Sprintf("拟罚款 %s 元，达到较大数额 %s 元（行政处罚法第六十三条第一款第一项；规则包第 %d 版）", p.Fine, limit, rules.Version)
	}
	if limit := Yuan(rules.HearingConfiscation.For(partyKind)); limit > 0 && p.Confiscation >= limit {
		return true, fmt.Sprintf("拟没收 %s 元，达到较大数额 %s 元（行政处罚法第六十三条第一款第二项；规则包第 %d 版）", p.Confiscation, limit, rules.Version)
	}
	if p.HearingGranted {
		return true, "其他较重的行政处罚（行政处罚法第六十三条第一款第五、六项）"
	}
	return false, ""
}

// loadRules reads the agency's rule pack in force at now.
func loadRules(ctx workflow.Context, agencyID string, now time.Time) (casefile.Rules, error) {
	var rules casefile.Rules
	err := runActivity(ctx, LoadRulesActivity, 30*time.Second, &temporal.RetryPolicy{MaximumInterval: 30 * time.Second}, LoadRulesInput{AgencyID: agencyID, At: now}, &rules)
	return rules, err
}

// ScheduleHearingInput designates the host and fixes the hearing.
type ScheduleHearingInput struct {
	ActBase
	Host            string    `json:"host" limit:"64"`  // the officer ID of the 听证主持人
	Clerk           string    `json:"clerk" limit:"64"` // 记录员
	At              time.Time `json:"at"`               // when the hearing begins
	Place           string    `json:"place" limit:"500"`
	Public          bool      `json:"public"`
	NotPublicReason string    `json:"not_public_reason,omitempty" limit:"32"` // state-secret, business-secret or privacy (PL 64(3))
	NoticeServedAt  time.Time `json:"notice_served_at"`                       // when the 听证通知书 reached the party
	NoticeMethod    string    `json:"notice_method" limit:"16"`
	// HostQualified: the host holds the hearing-host role at the agency;
	// the API sets it, whatever the client sent.
	HostQualified bool `json:"host_qualified" limit:"server"`
	// HostName is the host's name, for the hearing notice; the API sets it.
	HostName string `json:"host_name,omitempty" limit:"server"`
}

var notPublicReasons = []string{"state-secret", "business-secret", "privacy"}

func (in *ScheduleHearingInput) check(c *Case) error {
	if in.Host == "" || in.Clerk == "" || in.Place == "" || in.At.IsZero() || in.NoticeServedAt.IsZero() {
		return reject(CodeInvalidInput, "须指定听证主持人、记录员，写明听证时间、地点和听证通知书送达时间", "host, clerk, time, place and the service of the hearing notice are required")
	}
	if !slices.Contains(serviceMethods, in.NoticeMethod) {
		return reject(CodeInvalidInput, "听证通知书送达方式须为 %v 之一", "the hearing notice's service method must be one of %v", serviceMethods, serviceMethods)
	}
	if c.everHandler(in.Host) || c.everHandler(in.Clerk) {
		return reject(CodeSeparationOfDuties, "本案调查人员不得担任听证主持人或记录员（行政处罚法第六十四条第四项）", "an investigator of the case may not host or record the hearing (PL 64(4))")
	}
	if slices.Contains(c.Recused, in.Host) {
		return reject(CodeRecused, "该人员已回避本案", "that person is recused from the case")
	}
	if !in.HostQualified {
		return reject(CodeInvalidInput, "被指定的主持人不是本机关的听证主持人", "the designated host is not a hearing host of the agency")
	}
	if in.Public != (in.NotPublicReason == "") || (!in.Public && !slices.Contains(notPublicReasons, in.NotPublicReason)) {
		return reject(CodeInvalidInput, "听证公开举行；不公开的须写明理由：%v（行政处罚法第六十四条第三项）",
			"a hearing is public; a closed one needs its reason, one of %v (PL 64(3))", notPublicReasons, notPublicReasons)
	}
	if !in.At.After(in.NoticeServedAt) {
		return reject(CodeInvalidInput, "听证时间须在听证通知书送达之后", "the hearing must come after its notice is served")
	}
	return nil
}

// RecordHearingInput is the host's record of the hearing.
type RecordHearingInput struct {
	ActBase
	Outcome     string   `json:"outcome" limit:"16"`                         // held, absent, left-early
	Agents      []string `json:"agents,omitempty" limit:"2" itemlimit:"200"` // the party's agents, at most two (PL 64(5))
	Record      string   `json:"record" limit:"50000"`                       // 听证笔录, or what happened when the party did not attend
	Signed      bool     `json:"signed"`                                     // the party signed the record
	SignRefusal string   `json:"sign_refusal,omitempty" limit:"2000"`        // the host's note of the party's refusal to sign (PL 64(8))
	Report      string   `json:"report,omitempty" limit:"20000"`             // 听证报告 (SAMR 78)
}

var hearingOutcomes = []string{"held", "absent", "left-early"}

func (in *RecordHearingInput) check(*Case) error {
	if !slices.Contains(hearingOutcomes, in.Outcome) {
		return reject(CodeInvalidInput, "听证结果须为 %v 之一", "outcome must be one of %v", hearingOutcomes, hearingOutcomes)
	}
	if in.Record == "" {
		return reject(CodeInvalidInput, "须记录听证笔录或当事人未到场、中途退场的情况", "the hearing record, or what happened, is required")
	}
	if in.Outcome == "held" {
		if in.Report == "" {
			return reject(CodeInvalidInput, "须提交听证报告（市场监管行政处罚程序规定第七十八条）", "the hearing report is required (SAMR 78)")
		}
		if !in.Signed && in.SignRefusal == "" {
			return reject(CodeInvalidInput, "听证笔录须经当事人签字或盖章；拒绝的，由主持人在笔录中注明（行政处罚法第六十四条第八项）",
				"the party signs the record; a refusal is noted by the host (PL 64(8))")
		}
	}
	return nil
}

// WithdrawHearingInput records that the party withdrew its request.
type WithdrawHearingInput struct {
	ActBase
	Statement string `json:"statement" limit:"5000"` // the party's written words
	Document  string `json:"document" limit:"200"`   // the signed document's number or its reference
}

func (in *WithdrawHearingInput) check(*Case) error {
	if in.Statement == "" || in.Document == "" {
		return reject(CodeInvalidInput, "撤回听证申请须有当事人签署的书面材料", "a withdrawal needs the party's signed statement and its document")
	}
	return nil
}

// requestHearing records a request made in time: the decision clock stops
// while the hearing runs (SAMR 64 ¶2).
func requestHearing(r *Run[*Case], c *Case, now time.Time) {
	if c.Hearing == nil {
		c.Hearing = &Hearing{RequestedAt: now}
		r.pause(string(limitDecision), now)
	}
}

// hearingDay versions the deadline of holding a scheduled hearing.
const hearingDay = "hearing-day"

// holdHearing sets the deadline of the scheduled hearing: held and
// recorded by the end of its day, warned from the start of it; moved when
// the hearing is postponed.
func holdHearing(r *Run[*Case], ctx workflow.Context, c *Case, at time.Time) {
	y, m, d := at.In(beijing).Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, beijing)
	if dl := c.openDeadline(string(limitHearing)); dl != nil {
		dl.DueDate, dl.DueAt, dl.WarnAt = day.Format(time.DateOnly), day.AddDate(0, 0, 1), day
		r.arm(ctx, *dl)
		return
	}
	r.open(ctx, casefile.Deadline{Key: string(limitHearing), Step: string(limitHearing), Title: "举行听证 / hold the hearing", Basis: "PL 64",
		Unit: casefile.Days, StartAt: at, DueDate: day.Format(time.DateOnly), DueAt: day.AddDate(0, 0, 1), WarnAt: day, State: casefile.DeadlineOpen})
}

// limitHearing is the deadline of holding the scheduled hearing.
const limitHearing LimitKey = "hearing"

// endHearing ends the hearing and starts the clock again.
func endHearing(r *Run[*Case], ctx workflow.Context, c *Case, outcome string, now time.Time) error {
	r.meet(string(limitHearing), now)
	c.Hearing.Outcome, c.Hearing.EndedAt = outcome, &now
	return restartClock(r, ctx, c, now)
}

// hearingActs are the acts of the hearing.
func hearingActs() []ActSpec[*Case] {
	return []ActSpec[*Case]{
		{Act: ActScheduleHearing, Name: "安排听证", Stages: []Stage{StageStatement, StageHearing},
			New: func() Input { return &ScheduleHearingInput{} }, Check: checkInput,
			Guard: func(c *Case, _ string) error {
				if !c.Hearing.pending() {
					return reject(CodeWrongStep, "当事人未申请听证，或听证已结束", "no hearing was requested, or it has ended")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				s := in.(*ScheduleHearingInput)
				if s.NoticeServedAt.After(now) {
					return "", reject(CodeInvalidInput, "听证通知书送达时间不能晚于现在", "the hearing notice cannot be served in the future")
				}
				// At least 7 working days between the notice and the hearing
				// (PL 64(2), working days by PL 85): counted back from the
				// hearing's day, the notice's day must be no later.
				earliest, err := computeDeadline(ctx, ComputeDeadlineInput{Start: s.NoticeServedAt, Amount: 7, Unit: string(casefile.Workdays)}, "听证通知")
				if err != nil {
					return "", err
				}
				if day := s.At.In(beijing).Format(time.DateOnly); day < earliest.DueDate {
					return "", reject(CodeInvalidInput, "听证通知书须在听证七个工作日前送达：%s 送达的，听证最早于 %s 举行（行政处罚法第六十四条第二项）",
						"the hearing notice must be served 7 working days before the hearing: served %s, the hearing can be on %s at the earliest (PL 64(2))",
						s.NoticeServedAt.In(beijing).Format(time.DateOnly), earliest.DueDate, s.NoticeServedAt.In(beijing).Format(time.DateOnly), earliest.DueDate)
				}
				h := c.Hearing
				if h.At != nil {
					h.Reschedules++
				}
				at, served := s.At, s.NoticeServedAt
				h.HostID, h.Clerk, h.At, h.Place, h.Public, h.NotPublicReason = s.Host, s.Clerk, &at, s.Place, s.Public, s.NotPublicReason
				h.HostName = s.HostName
				h.NoticeServedAt, h.NoticeMethod = &served, s.NoticeMethod
				if workflow.GetVersion(ctx, hearingDay, workflow.DefaultVersion, 1) == 1 {
					holdHearing(r, ctx, c, at)
				}
				how := "公开"
				if !s.Public {
					how = "不公开（" + s.NotPublicReason + "）"
				}
				return fmt.Sprintf("安排听证：%s 在%s%s举行，主持人 %s", at.In(beijing).Format("2006-01-02 15:04"), s.Place, how, s.Host), nil
			}},
		{Act: ActRecordHearing, Name: "记录听证", Stages: []Stage{StageHearing},
			New: func() Input { return &RecordHearingInput{} }, Check: checkInput,
			After: func(c *Case, actor string) error {
				if c.Hearing.At == nil {
					return reject(CodeWrongStep, "听证尚未安排", "the hearing has not been scheduled")
				}
				if actor != c.Hearing.HostID {
					return reject(CodeNotOnCase, "只有本案听证主持人可以记录听证", "only the case's hearing host records the hearing")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				h := in.(*RecordHearingInput)
				if now.Before(*c.Hearing.At) {
					return "", reject(CodeWrongStep, "听证定于 %s 举行，尚未开始", "the hearing is set for %s and has not begun",
						c.Hearing.At.In(beijing).Format("2006-01-02 15:04"), c.Hearing.At.In(beijing).Format("2006-01-02 15:04"))
				}
				var review casefile.Deadline
				again := h.Outcome == "held" && c.Notice.ReviewAfterHearing
				if again {
					d, err := r.deadline(ctx, fmt.Sprintf("review#%d", len(c.Reviews)+1), limitReview, now)
					if err != nil {
						return "", err
					}
					review = d
				}
				hr := c.Hearing
				hr.Agents, hr.Record, hr.Signed, hr.SignRefusal, hr.Report = h.Agents, h.Record, h.Signed, h.SignRefusal, h.Report
				if err := endHearing(r, ctx, c, h.Outcome, now); err != nil {
					return "", err
				}
				if h.Outcome != "held" {
					c.Stage = StageDecision
					return "当事人无正当理由拒不出席或者中途退出听证，视为放弃听证权利，终止听证（行政处罚法第六十四条第六项）", nil
				}
				if again {
					// Legal review after the hearing (SAMR 50 ¶2): the
					// decision rests on the hearing record (PL 65).
					c.ReviewPassed, c.Stage = false, StageReview
					r.open(ctx, review)
					return "听证结束，听证笔录和听证报告送法制审核（市场监管行政处罚程序规定第五十条第二款）", nil
				}
				c.Stage = StageDecision
				return "听证结束，依据听证笔录作出决定（行政处罚法第六十五条）", nil
			}},
		{Act: ActWithdrawHearing, Name: "撤回听证申请", Who: Handlers, Certificate: true, Stages: []Stage{StageStatement, StageHearing},
			New: func() Input { return &WithdrawHearingInput{} }, Check: checkInput,
			Guard: func(c *Case, _ string) error {
				if !c.Hearing.pending() {
					return reject(CodeWrongStep, "当事人未申请听证，或听证已结束", "no hearing was requested, or it has ended")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				w := in.(*WithdrawHearingInput)
				if err := endHearing(r, ctx, c, "withdrawn", now); err != nil {
					return "", err
				}
				if c.Stage == StageHearing {
					c.Stage = StageDecision
				}
				return fmt.Sprintf("当事人撤回听证申请（%s）", w.Document), nil
			}},
	}
}

// hearingTasks are the hearing's tasks: the head schedules it, the host
// holds and records it.
func (c *Case) hearingTasks(t *tasks) {
	if !c.Hearing.pending() {
		return
	}
	if c.Hearing.At == nil {
		t.role("hearing-schedule", "approval", casefile.RoleHead, "", ActScheduleHearing)
	}
	if c.Hearing.At != nil && c.Stage == StageHearing {
		t.out = append(t.out, casefile.Task{Key: "hearing", Kind: "step", Role: string(casefile.RoleHearingHost), Assignee: c.Hearing.HostID,
			Acts: actStrings([]casefile.Act{ActRecordHearing}), Title: t.title([]casefile.Act{ActRecordHearing}), DueAt: c.Hearing.At})
	}
}
