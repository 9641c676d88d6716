package workflows

// The execution of a general-procedure penalty decision (PL 66–73; SAMR
// 72–76):
//
//	payment       15 days from the service of the decision (PL 67 ¶3)
//	deferral      暂缓或者分期缴纳: on the party's written application, with
//	              the head's approval, a later due date or instalments with
//	              their own due dates (PL 66 ¶2; SAMR 74)
//	surcharge     加处罚款: 3 % a day of the fine still unpaid from the day
//	              after it fell due, at most the fine (PL 72(1); CL 45); not
//	              counted while a reconsideration or lawsuit the party filed
//	              is pending (PL 73 ¶3)
//	remedies      the party may apply for reconsideration within 60 days
//	              (行政复议法 20) or sue within 6 months (行政诉讼法 46) from
//	              the service of the decision; the decision states both
//	hand-over     a fine unpaid after its due date is overdue: the agency
//	              enforces it or applies to the court (CL 53–54; PL 72)

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// Acts of the execution.
const (
	ActApproveDeferral casefile.Act = "approve-deferral" // 批准暂缓或者分期缴纳罚款 (PL 66 ¶2; SAMR 74)
	ActRecordRemedy    casefile.Act = "record-remedy"    // 当事人申请行政复议或者提起行政诉讼 (PL 73)
	ActEndRemedy       casefile.Act = "end-remedy"       // 复议决定或者裁判生效
	// ActRecordExecution records a penalty besides the fine carried out:
	// confiscation handed over, business suspended, a licence revoked.
	ActRecordExecution casefile.Act = "record-execution"
	// ActWithdrawPublication withdraws the publication of an overturned
	// decision within 3 working days (PL 48 ¶2; SAMR 63).
	ActWithdrawPublication casefile.Act = "withdraw-publication"
)

// Time limits of the remedies: the party's windows.
const (
	limitReconsideration LimitKey = "reconsideration"
	limitLawsuit         LimitKey = "lawsuit"
)

// remediesPL73 versions the remedy days computed at the service of the
// decision.
const remediesPL73 = "remedies-pl73"

// withdrawalFromChange versions the start of the withdrawal's 3 working
// days: the day the decision was overturned.
const withdrawalFromChange = "withdrawal-pl48-from-change"

// executionPL66 versions the kinds of a decision recorded as carried out.
const executionPL66 = "execution-pl66"

// carriedByDecision are the kinds a decision carries out by itself.
var carriedByDecision = []string{"warning", "circulated-criticism", "fine"}

// toExecute are the kinds of a decision that must be carried out.
func toExecute(kinds []string) []string {
	var out []string
	for _, k := range kinds {
		if !slices.Contains(carriedByDecision, k) {
			out = append(out, k)
		}
	}
	return out
}

// Execution is a penalty besides the fine carried out.
type Execution struct {
	Kind        string    `json:"kind"`
	Description string    `json:"description"`
	At          time.Time `json:"at"`
}

// ExecutionInput records a penalty carried out.
type ExecutionInput struct {
	ActBase
	Kind        string `json:"penalty" limit:"32"`       // one of the decision's kinds to carry out
	Description string `json:"description" limit:"5000"` // what was done: property handed over and its receipt, the order served, …
}

func (in *ExecutionInput) check(c *Case) error {
	if c.Decision == nil || !slices.Contains(c.Decision.ToExecute, in.Kind) {
		return reject(CodeInvalidInput, "须为决定中待执行的处罚种类：%v", "kind must be one of the decision's penalties to carry out: %v", c.toExecuteList(), c.toExecuteList())
	}
	if in.Description == "" {
		return reject(CodeInvalidInput, "须写明执行情况", "describe what was done")
	}
	if slices.ContainsFunc(c.Executions, func(e Execution) bool { return e.Kind == in.Kind }) {
		return reject(CodeInvalidInput, "该处罚已记录执行", "that penalty is already recorded as carried out")
	}
	return nil
}

func (c *Case) toExecuteList() []string {
	if c.Decision == nil {
		return nil
	}
	return c.Decision.ToExecute
}

// unexecuted are the decision's kinds not yet recorded as carried out.
func (c *Case) unexecuted() []string {
	var out []string
	for _, k := range c.toExecuteList() {
		if !slices.ContainsFunc(c.Executions, func(e Execution) bool { return e.Kind == k }) {
			out = append(out, k)
		}
	}
	return out
}

// surchargeRate is the late-payment surcharge a day, in hundredths (PL 72(1)).
const surchargeRate = 3

// Deferral is an approved deferral or instalment plan.
type Deferral struct {
	Instalments []Instalment `json:"instalments"`
	Application string       `json:"application"`
	Reason      string       `json:"reason"`
	ApprovedBy  string       `json:"approved_by"`
	At          time.Time    `json:"at"`
}

// Instalment is one amount due on a day.
type Instalment struct {
	Amount Yuan   `json:"amount"`
	Due    string `json:"due" limit:"10"` // YYYY-MM-DD, the last day to pay it
}

// Remedy is a reconsideration or lawsuit the party filed.
type Remedy struct {
	Kind    string     `json:"kind"` // reconsideration or lawsuit
	Organ   string     `json:"organ"`
	FiledOn string     `json:"filed_on"`
	EndedOn string     `json:"ended_on,omitempty"`
	Result  string     `json:"result,omitempty"`
	At      time.Time  `json:"at"`
	EndedAt *time.Time `json:"ended_at,omitempty"`
}

// DeferralInput approves a deferral or instalments.
type DeferralInput struct {
	ActBase
	Instalments []Instalment `json:"instalments" limit:"36"`  // one for a deferral; the amounts add up to what is still owed
	Application string       `json:"application" limit:"200"` // the party's written application, its number or reference
	Reason      string       `json:"reason" limit:"5000"`
}

func (in *DeferralInput) check(c *Case) error {
	if in.Application == "" || in.Reason == "" || len(in.Instalments) == 0 {
		return reject(CodeInvalidInput, "须有当事人的书面申请、批准理由和缴纳期限（行政处罚法第六十六条第二款）", "the party's written application, the reason and the due dates are required (PL 66 ¶2)")
	}
	var total Yuan
	last := ""
	if d := c.openDeadline(string(limitPayment)); d != nil {
		last = d.DueDate
	}
	for _, i := range in.Instalments {
		if _, err := time.ParseInLocation(time.DateOnly, i.Due, beijing); err != nil || i.Amount <= 0 {
			return reject(CodeInvalidInput, "每期须有大于零的金额和缴纳期限（YYYY-MM-DD）", "each instalment needs an amount above zero and a due date (YYYY-MM-DD)")
		}
		if i.Due <= last {
			return reject(CodeInvalidInput, "缴纳期限须晚于 %s，且逐期推后", "due dates must be after %s, each after the one before", last, last)
		}
		last, total = i.Due, total+i.Amount
	}
	if owed := c.Decision.Fine - c.paid(); total != owed {
		return reject(CodeInvalidInput, "各期金额合计须等于尚欠的罚款 %s 元", "the instalments must add up to the %s still owed", owed, owed)
	}
	return nil
}

// RemedyInput records a remedy the party filed, or its end.
type RemedyInput struct {
	ActBase
	Kind   string `json:"kind" limit:"16"`   // reconsideration or lawsuit
	Organ  string `json:"organ" limit:"200"` // the reconsideration organ or the court
	On     string `json:"on" limit:"10"`     // the day it was filed, or ended
	Result string `json:"result,omitempty" limit:"5000"`
	// Outcome is how it ended, for end-remedy: upheld, revoked, changed,
	// confirmed-illegal or confirmed-void (确认无效, PL 48 ¶2).
	Outcome string `json:"outcome,omitempty" limit:"32"`
}

var remedyOutcomes = []string{"upheld", "revoked", "changed", "confirmed-illegal", "confirmed-void"}

func (in *RemedyInput) check(*Case) error {
	if in.Kind != "reconsideration" && in.Kind != "lawsuit" {
		return reject(CodeInvalidInput, "救济种类须为 reconsideration（行政复议）或 lawsuit（行政诉讼）", "kind must be reconsideration or lawsuit")
	}
	if _, err := time.ParseInLocation(time.DateOnly, in.On, beijing); err != nil || in.Organ == "" {
		return reject(CodeInvalidInput, "须写明复议机关或法院及日期（YYYY-MM-DD）", "the organ and the day (YYYY-MM-DD) are required")
	}
	return nil
}

// pendingRemedy is the remedy of kind still pending, if any.
func (c *Case) pendingRemedy(kind string) *Remedy {
	for i := range c.Remedies {
		if r := &c.Remedies[i]; r.Kind == kind && r.EndedOn == "" {
			return r
		}
	}
	return nil
}

// executionActs are the acts of the execution.
func executionActs() []ActSpec[*Case] {
	return []ActSpec[*Case]{
		withdrawalAct(),
		{Act: ActRecordExecution, Name: "记录处罚执行", Who: Handlers, Certificate: true, Stages: []Stage{StageExecution, StageClosing},
			New: func() Input { return &ExecutionInput{} }, Check: checkInput,
			Guard: func(c *Case, _ string) error {
				if len(c.unexecuted()) == 0 {
					return reject(CodeWrongStep, "没有待执行的处罚", "nothing is left to carry out")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				e := in.(*ExecutionInput)
				c.Executions = append(c.Executions, Execution{Kind: e.Kind, Description: e.Description, At: now})
				return fmt.Sprintf("执行处罚（%s）：%s", e.Kind, e.Description), nil
			}},
		{Act: ActApproveDeferral, Name: "批准暂缓或分期缴纳罚款", Stages: []Stage{StageExecution}, New: func() Input { return &DeferralInput{} }, Check: checkInput,
			Who: NotHandlers, Refusal: [2]string{"暂缓或分期缴纳须经负责人批准", "a deferral is approved by a head"},
			Guard: func(c *Case, _ string) error {
				if c.Deferral != nil {
					return reject(CodeWrongStep, "已批准过暂缓或分期缴纳", "a deferral was already approved")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				d := in.(*DeferralInput)
				last := d.Instalments[len(d.Instalments)-1].Due
				until, _ := time.ParseInLocation(time.DateOnly, last, beijing)
				if err := r.extendTo(ctx, string(limitPayment), until, "PL 66 ¶2"); err != nil {
					return "", err
				}
				c.Deferral = &Deferral{Instalments: d.Instalments, Application: d.Application, Reason: d.Reason, ApprovedBy: d.Actor.OfficerID, At: now}
				if len(d.Instalments) == 1 {
					return fmt.Sprintf("负责人批准暂缓缴纳罚款至 %s：%s", last, d.Reason), nil
				}
				return fmt.Sprintf("负责人批准分 %d 期缴纳罚款，末期至 %s：%s", len(d.Instalments), last, d.Reason), nil
			}},
		{Act: ActRecordRemedy, Name: "记录申请复议或提起诉讼", Who: Handlers, Stages: []Stage{StageService, StageExecution, StageClosing},
			New: func() Input { return &RemedyInput{} }, Check: checkInput,
			Guard: func(c *Case, _ string) error {
				if c.Decision == nil || c.Decision.Outcome != "penalty" {
					return reject(CodeWrongStep, "尚无可申请复议或诉讼的处罚决定", "there is no penalty decision to challenge")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				m := in.(*RemedyInput)
				if c.pendingRemedy(m.Kind) != nil {
					return "", reject(CodeWrongStep, "该救济尚未结束", "that remedy is still pending")
				}
				c.Remedies = append(c.Remedies, Remedy{Kind: m.Kind, Organ: m.Organ, FiledOn: m.On, At: now})
				return fmt.Sprintf("当事人于 %s 向%s%s，期间加处罚款不予计算（行政处罚法第七十三条第三款）", m.On, m.Organ, remedyName[m.Kind]), nil
			}},
		{Act: ActEndRemedy, Name: "记录复议或诉讼结果", Who: Handlers, Stages: []Stage{StageService, StageExecution, StageClosing},
			New: func() Input { return &RemedyInput{} }, Check: checkInput,
			Guard: func(c *Case, _ string) error {
				if c.pendingRemedy("reconsideration") == nil && c.pendingRemedy("lawsuit") == nil {
					return reject(CodeWrongStep, "没有进行中的复议或诉讼", "no reconsideration or lawsuit is pending")
				}
				return nil
			},
			Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
				m := in.(*RemedyInput)
				p := c.pendingRemedy(m.Kind)
				if p == nil {
					return "", reject(CodeWrongStep, "没有进行中的该救济", "no such remedy is pending")
				}
				if m.On < p.FiledOn || m.Result == "" || !slices.Contains(remedyOutcomes, m.Outcome) {
					return "", reject(CodeInvalidInput, "须写明结果（%v）及内容，结束日期不得早于 %s", "the outcome (%v) and the result are required, and the day cannot be before %s",
						remedyOutcomes, p.FiledOn, remedyOutcomes, p.FiledOn)
				}
				var withdraw *casefile.Deadline
				if m.Outcome != "upheld" && c.Publication != nil && c.Publication.WithdrawnAt == nil {
					// The 3 working days run from the day the decision was
					// changed, revoked or confirmed illegal or void, not from
					// the day the officer records it (PL 48 ¶2; SAMR 63).
					start := now
					if workflow.GetVersion(ctx, withdrawalFromChange, workflow.DefaultVersion, 1) == 1 {
						if day, err := time.ParseInLocation(time.DateOnly, m.On, beijing); err == nil && day.Before(now) {
							start = day
						}
					}
					d, err := r.deadline(ctx, string(limitWithdrawal), limitWithdrawal, start)
					if err != nil {
						return "", err
					}
					withdraw = &d
				}
				p.EndedOn, p.Result, p.EndedAt = m.On, m.Result, &now
				if m.Outcome != "upheld" {
					c.Decision.Overturned = m.Outcome
				}
				if withdraw != nil {
					r.open(ctx, *withdraw)
					return fmt.Sprintf("%s于 %s 结束（%s）：%s；须于 %s 前撤回公示（行政处罚法第四十八条第二款）", remedyName[m.Kind], m.On, m.Outcome, m.Result, withdraw.DueDate), nil
				}
				return fmt.Sprintf("%s于 %s 结束（%s）：%s", remedyName[m.Kind], m.On, m.Outcome, m.Result), nil
			}},
	}
}

// WithdrawPublicationInput withdraws the publication of an overturned
// decision with the reason the public reads in its place (PL 48 ¶2:
// 应当在三日内撤回行政处罚决定信息并公开说明理由).
type WithdrawPublicationInput struct {
	ActBase
	// Opinion is the public reason, e.g. 该行政处罚决定已被复议机关撤销.
	Opinion string `json:"opinion" limit:"500"`
}

// validate requires the public reason.
func (in *WithdrawPublicationInput) validate() error {
	if strings.TrimSpace(in.Opinion) == "" {
		return reject(CodeInvalidInput, "撤回公示须公开说明理由（行政处罚法第四十八条第二款），须填写 opinion",
			"a withdrawal states its reason publicly (PL 48 ¶2): opinion is required")
	}
	return nil
}

// withdrawalAct withdraws the publication of an overturned decision.
func withdrawalAct() ActSpec[*Case] {
	return ActSpec[*Case]{Act: ActWithdrawPublication, Name: "撤回公示", Who: Handlers, Certificate: true,
		Stages: []Stage{StageService, StageExecution, StageClosing}, New: func() Input { return &WithdrawPublicationInput{} }, Check: checkInput,
		Guard: func(c *Case, _ string) error {
			if c.openDeadline(string(limitWithdrawal)) == nil {
				return reject(CodeWrongStep, "决定未被撤销、变更或确认违法，或公示已撤回", "the decision was not overturned, or its publication is already withdrawn")
			}
			return nil
		},
		Apply: func(r *Run[*Case], ctx workflow.Context, c *Case, in Input, now time.Time) (string, error) {
			reason := in.(*WithdrawPublicationInput).Opinion
			r.meet(string(limitWithdrawal), now)
			c.Publication.WithdrawnAt, c.Publication.Withdrawal = &now, reason
			return "撤回已公示的决定并公开说明理由（行政处罚法第四十八条第二款）：" + reason, nil
		}}
}

var remedyName = map[string]string{"reconsideration": "申请行政复议", "lawsuit": "提起行政诉讼"}

// Surcharge is the late-payment surcharge (加处罚款) accrued by the Beijing
// day of asOf: for each day after a sum fell due, 3 % of what of it is
// still unpaid, counting payments made that day, and nothing on the days a
// reconsideration or lawsuit the party filed is pending (PL 73 ¶3); at most
// the fine (PL 72(1); CL 45). Amounts fall due on the payment deadline's
// last day, or on each approved instalment's day.
func (c *Case) Surcharge(asOf time.Time) Yuan {
	if c.Decision == nil || c.Decision.Fine == 0 || c.Decision.Overturned == "revoked" || c.Decision.Overturned == "confirmed-illegal" || c.Decision.Overturned == "confirmed-void" {
		return 0 // nothing accrues on a revoked decision (edge case 16)
	}
	dues := c.dues()
	if len(dues) == 0 {
		return 0
	}
	first, _ := time.ParseInLocation(time.DateOnly, dues[0].Due, beijing)
	until := asOf.In(beijing).Format(time.DateOnly)
	var hundredths int64
	for day := first.AddDate(0, 0, 1); day.Format(time.DateOnly) <= until; day = day.AddDate(0, 0, 1) {
		d := day.Format(time.DateOnly)
		if c.remedyPendingOn(d) {
			continue
		}
		var owed Yuan
		for _, i := range dues {
			if i.Due < d {
				owed += i.Amount
			}
		}
		if unpaid := owed - c.paidBy(d); unpaid > 0 {
			hundredths += int64(unpaid) * surchargeRate
		}
		if hundredths >= int64(c.Decision.Fine)*100 {
			return c.Decision.Fine
		}
	}
	return Yuan(hundredths / 100)
}

// Obligation is the unpaid fine handed over to compulsory execution (PL 72;
// CL 53–54): only once a sum fell due and is still unpaid, on a decision
// not overturned. It carries the last days of the remedies and of an
// approved deferral, from which the court window runs (PL 72 ¶2).
func (c *Case) Obligation(asOf time.Time) (*Obligation, error) {
	if c.Decision == nil || c.Decision.Fine == 0 || c.Service == nil {
		return nil, reject(CodeWrongStep, "案件没有已送达的罚款决定", "the case has no fine decided and served")
	}
	if c.Decision.Overturned == "revoked" || c.Decision.Overturned == "confirmed-illegal" || c.Decision.Overturned == "confirmed-void" {
		return nil, reject(CodeWrongStep, "处罚决定已被撤销或确认违法，不得执行（行政强制法第四十一条）", "the decision was overturned: nothing is executed (CL 41)")
	}
	today := asOf.In(beijing).Format(time.DateOnly)
	paid := c.paidBy(today)
	var owedNow Yuan
	first := "" // the first sum fallen due that payments do not cover
	for _, i := range c.dues() {
		if i.Due < today {
			owedNow += i.Amount
			if first == "" && owedNow > paid {
				first = i.Due
			}
		}
	}
	if owedNow-paid <= 0 {
		return nil, reject(CodeWrongStep, "罚款尚未到期或已缴清，不能移交强制执行（行政处罚法第七十二条）", "no fine is past its due date unpaid: nothing to hand over (PL 72)")
	}
	served := c.Service.At
	if c.Service.EffectiveAt != nil {
		served = *c.Service.EffectiveAt
	}
	o := &Obligation{Decision: c.Number + " 行政处罚决定书", Kind: "money", Amount: c.Decision.Fine - c.paidBy(today), DueDate: first,
		ServedOn: served.In(beijing).Format(time.DateOnly), RemedyPending: c.remedyPendingOn(today), Surcharge: c.Surcharge(asOf)}
	if rm := c.Service.Remedies; rm != nil {
		o.ReconsiderationBy, o.LawsuitBy = rm.ReconsiderationBy, rm.LawsuitBy
	}
	if c.Deferral != nil {
		o.DeferredUntil = c.Deferral.Instalments[len(c.Deferral.Instalments)-1].Due
	}
	return o, nil
}

// dues are the sums and the days they fall due.
func (c *Case) dues() []Instalment {
	if c.Deferral != nil {
		return c.Deferral.Instalments
	}
	for _, d := range c.Deadlines {
		if d.Step == string(limitPayment) {
			return []Instalment{{Amount: c.Decision.Fine, Due: d.DueDate}}
		}
	}
	return nil
}

// paidBy is what was paid by the end of Beijing day d.
func (c *Case) paidBy(d string) Yuan {
	var total Yuan
	for _, p := range c.Payments {
		if p.At.In(beijing).Format(time.DateOnly) <= d {
			total += p.Amount
		}
	}
	return total
}

// remedyPendingOn tells whether a remedy was pending on Beijing day d.
func (c *Case) remedyPendingOn(d string) bool {
	return slices.ContainsFunc(c.Remedies, func(r Remedy) bool {
		return r.FiledOn <= d && (r.EndedOn == "" || d < r.EndedOn)
	})
}

// remedyDays computes the last days to apply for reconsideration and to
// sue, from the service of the decision; the decision states them.
func remedyDays(r *Run[*Case], ctx workflow.Context, start time.Time) (*Remedies, error) {
	if workflow.GetVersion(ctx, remediesPL73, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return nil, nil
	}
	re, err := r.deadline(ctx, string(limitReconsideration), limitReconsideration, start)
	if err != nil {
		return nil, err
	}
	su, err := r.deadline(ctx, string(limitLawsuit), limitLawsuit, start)
	if err != nil {
		return nil, err
	}
	return &Remedies{ReconsiderationBy: re.DueDate, LawsuitBy: su.DueDate}, nil
}

// Remedies are the last days of the party's remedies against the decision.
type Remedies struct {
	ReconsiderationBy string `json:"reconsideration_by"` // 60 days (行政复议法 20)
	LawsuitBy         string `json:"lawsuit_by"`         // 6 months (行政诉讼法 46)
}
