package workflows

// SummaryPenalty runs the summary procedure (简易程序, 当场处罚): a warning,
// or a small fine, decided on the spot (PL 51–52, 68–71; SAMR 66–70).
//
// Steps (stages) and the acts that move them:
//
//	on-site     the officers show their certificates, hear the party's
//	            statement and defence on the spot, and decide on a
//	            pre-numbered form                                   (PL 52; SAMR 66–68)
//	executing   the fine is paid at the bank, or collected on the spot
//	            when it is ≤ 100 元 or hard to collect later          (PL 67–69)
//	filing      cash collected on the spot is handed in; the decision
//	            is filed with the agency                            (PL 52, 71; SAMR 70)
//	closed
//
// Eligible only for a warning or a fine of at most 200 元 for a person or
// 3,000 元 for an organization, both inclusive (PL 51); the amounts are
// effective-dated (fineLimits). Anything else is refused with a message
// that says to use the general procedure. At least two officers (PL 42).
//
// Time limits:
//
//	payment   15 days from the decision (delivered on the spot)   PL 67
//	hand-in    2 working days from on-the-spot collection         PL 71, 85
//	filing     7 working days from the decision                   SAMR 70

import (
	"fmt"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// ProcedureSummary names the summary procedure.
const ProcedureSummary = "summary-penalty"

// Stages of the summary procedure.
const (
	StageOnSite    Stage = "on-site"
	StageExecuting Stage = "executing"
	StageFilingOff Stage = "filing-with-agency"
)

// Acts of the summary procedure (record-payment is the general procedure's
// act, with the same input).
const (
	ActHearParty      casefile.Act = "hear-party"       // 当场听取陈述申辩 (PL 44–45, 52)
	ActDecideOnSpot   casefile.Act = "decide-on-spot"   // 当场作出行政处罚决定 (PL 51–52)
	ActCollectOnSpot  casefile.Act = "collect-on-spot"  // 当场收缴罚款 (PL 68–70)
	ActHandInCash     casefile.Act = "hand-in-cash"     // 当场收缴的罚款交至行政机关 (PL 71)
	ActFileWithAgency casefile.Act = "file-with-agency" // 报所属行政机关备案 (PL 52; SAMR 70)
)

const (
	limitSummaryPayment LimitKey = "payment"
	limitHandIn         LimitKey = "hand-in"
	limitSummaryFiling  LimitKey = "filing"
)

// fineLimit is the most a summary procedure may fine, from a date on.
type fineLimit struct {
	From                 time.Time
	Person, Organization Yuan
	Basis                string
}

// fineLimits are the summary procedure's fine limits, newest last: 50 元
// and 1,000 元 under the 1996 law (art 33), 200 元 and 3,000 元 since the
// 2021 revision took effect (PL 51).
var fineLimits = []fineLimit{
	{time.Date(1996, 10, 1, 0, 0, 0, 0, beijing), 5000, 100000, "行政处罚法（1996）第三十三条"},
	{time.Date(2021, 7, 15, 0, 0, 0, 0, beijing), 20000, 300000, "行政处罚法第五十一条"},
}

// onSpotCollectionLimit: a fine up to this may be collected on the spot
// without further reason (PL 68(1)).
const onSpotCollectionLimit Yuan = 10000

// SummaryCase is the state of a summary-procedure case.
type SummaryCase struct {
	Core

	Statement *Statement      `json:"statement,omitempty"`
	Decision  *OnSpotDecision `json:"decision,omitempty"`
	Payment   *Payment        `json:"payment,omitempty"`
	// Collected is the fine collected on the spot, until handed in.
	Collected *Collection `json:"collected,omitempty"`
	FiledAt   *time.Time  `json:"filed_at,omitempty"`
}

// OnSpotDecision is the decision on the pre-numbered form (当场处罚决定书).
type OnSpotDecision struct {
	Penalty    string    `json:"penalty"` // warning or fine
	Fine       Yuan      `json:"fine"`
	FormNumber string    `json:"form_number"`
	Basis      string    `json:"basis"`
	Reasons    string    `json:"reasons"`
	DeciderID  string    `json:"decider_id"`
	At         time.Time `json:"at"`
}

// Collection is a fine collected on the spot (PL 68–71).
type Collection struct {
	Amount        Yuan       `json:"amount"`
	Receipt       string     `json:"receipt"` // the fiscal receipt given to the party (PL 70)
	Reason        string     `json:"reason,omitempty"`
	At            time.Time  `json:"at"`
	HandedInAt    *time.Time `json:"handed_in_at,omitempty"`
	AgencyVoucher string     `json:"agency_voucher,omitempty"`
}

// HearPartyInput records the party's statement and defence, heard on the spot.
type HearPartyInput struct {
	ActBase
	Text string `json:"text" limit:"20000"` // what the party said, or that they said nothing
}

// OnSpotDecisionInput is the decision made on the spot.
type OnSpotDecisionInput struct {
	ActBase
	LateEntry
	Penalty          string `json:"penalty" limit:"16"` // warning or fine
	Fine             Yuan   `json:"fine"`
	FormNumber       string `json:"form_number" limit:"64"` // the pre-numbered form's number
	Basis            string `json:"basis" limit:"2000"`
	Reasons          string `json:"reasons" limit:"10000"`
	CertificateShown bool   `json:"certificate_shown"` // PL 52: the officers showed their certificates
}

// CollectOnSpotInput records a fine collected on the spot.
type CollectOnSpotInput struct {
	ActBase
	LateEntry
	Amount  Yuan   `json:"amount"`
	Receipt string `json:"receipt" limit:"100"`
	// Reason is required above 100 元: collecting later would be hard, or
	// the party asks for it in a remote area (PL 68(2), 69).
	Reason string `json:"reason,omitempty" limit:"2000"`
}

// HandInCashInput records collected cash handed in to the agency (PL 71).
type HandInCashInput struct {
	ActBase
	Voucher string `json:"voucher" limit:"100"` // the agency's receipt
}

func (c *SummaryCase) settled() bool {
	if c.Decision == nil {
		return false
	}
	paid := c.Decision.Fine == 0 || c.Payment != nil || c.Collected != nil
	return paid && (c.Collected == nil || c.Collected.HandedInAt != nil)
}

// closeIfDone closes the case once it is filed and settled.
func (c *SummaryCase) closeIfDone(now time.Time) {
	switch {
	case c.FiledAt != nil && c.settled():
		c.Stage, c.ClosedAt = StageClosed, &now
	case c.Decision.Fine == 0 || c.Payment != nil || c.Collected != nil:
		c.Stage = StageFilingOff
	}
}

func checkSummaryDecision(c *SummaryCase, in Input) error {
	d := in.(*OnSpotDecisionInput)
	if !d.CertificateShown {
		return reject(CodeInvalidInput, "当场作出行政处罚决定须向当事人出示执法证件（行政处罚法第五十二条）", "the officers must show their certificates to the party (PL 52)")
	}
	if d.FormNumber == "" || d.Basis == "" {
		return reject(CodeInvalidInput, "须填写预定格式、编有号码的行政处罚决定书编号及法律依据（行政处罚法第五十二条）", "the pre-numbered form's number and the legal basis are required (PL 52)")
	}
	switch d.Penalty {
	case "warning":
		if d.Fine != 0 {
			return reject(CodeInvalidInput, "警告不得并处罚款", "a warning has no fine")
		}
		return nil
	case "fine":
		if d.Fine <= 0 {
			return reject(CodeInvalidInput, "罚款金额须大于零", "the fine must be more than zero")
		}
	default:
		return reject(CodeInvalidInput, "简易程序只能当场给予警告（warning）或限额内的罚款（fine）；其他行政处罚应当适用一般程序立案办理（行政处罚法第五十一条）",
			"the summary procedure gives a warning or a small fine only: open a general-procedure case for any other penalty (PL 51)")
	}
	// The limits in force when the case was opened, on the spot.
	limit := fineLimits[0]
	for _, l := range fineLimits {
		if !c.OpenedAt.Before(l.From) {
			limit = l
		}
	}
	most, who := limit.Organization, "法人或者其他组织"
	if c.Party.Kind == "person" {
		most, who = limit.Person, "公民"
	}
	if d.Fine > most {
		return reject(CodeInvalidInput, "对%s罚款 %s 元超过简易程序限额 %s 元（%s），应当适用一般程序立案办理",
			"a fine of %s on a %s exceeds the summary procedure's limit of %s (%s): open a general-procedure case instead",
			who, d.Fine, most, limit.Basis, d.Fine, c.Party.Kind, most, limit.Basis)
	}
	return nil
}

var summaryPenalty *Procedure[*SummaryCase]

func init() {
	summaryPenalty = register(&Procedure[*SummaryCase]{
		ID: ProcedureSummary, Workflow: "SummaryPenalty", Title: "简易程序", Kinds: []string{"penalty"},
		Stages: []Stage{StageOnSite, StageExecuting, StageFilingOff, StageClosed},
		Names:  map[Stage]string{StageOnSite: "当场处罚", StageExecuting: "缴纳罚款", StageFilingOff: "备案", StageClosed: "已结案"},
		Closed: StageClosed,
		Decided: func(c *SummaryCase) *time.Time {
			if c.Decision == nil {
				return nil
			}
			return &c.Decision.At
		},
		Limits: map[LimitKey]Limit{
			limitSummaryPayment: {15, casefile.Days, "PL 67", "缴纳罚款 / payment of the fine", false},
			limitHandIn:         {2, casefile.Workdays, "PL 71, 85", "当场收缴的罚款交至行政机关 / hand in cash collected on the spot", false},
			limitSummaryFiling:  {7, casefile.Workdays, "SAMR 70", "报所属行政机关备案 / file the decision with the agency", false},
		},
		New:     func() *SummaryCase { return &SummaryCase{} },
		Tasks:   (*SummaryCase).stageTasks,
		Carried: func(c *SummaryCase) *SummaryCase { return c },
		Opening: func(in *OpenCaseInput) error { return in.checkOfficers() },
		Acts: append([]ActSpec[*SummaryCase]{
			{Act: ActOpenCase, Name: "当场处罚立案", Opening: true, Certificate: true, New: func() Input { return &OpenCaseInput{} },
				Check: func(c *SummaryCase, in Input) error { return in.(*OpenCaseInput).checkOfficers() },
				Apply: func(r *Run[*SummaryCase], ctx workflow.Context, c *SummaryCase, in Input, now time.Time) (string, error) {
					if err := r.opened(ctx, now); err != nil {
						return "", err
					}
					return fmt.Sprintf("当场处罚（简易程序）：%s，当事人 %s", c.PowerItem.Name, c.Party.Name), nil
				}},
			{Act: ActHearParty, Name: "当场听取陈述申辩", Who: Handlers, Certificate: true, Stages: []Stage{StageOnSite},
				New: func() Input { return &HearPartyInput{} },
				Check: func(c *SummaryCase, in Input) error {
					if in.(*HearPartyInput).Text == "" {
						return reject(CodeInvalidInput, "须记录当事人的陈述和申辩（未陈述的，写明“当事人未陈述申辩”）", "record what the party said (or that they said nothing)")
					}
					return nil
				},
				Apply: func(r *Run[*SummaryCase], ctx workflow.Context, c *SummaryCase, in Input, now time.Time) (string, error) {
					h := in.(*HearPartyInput)
					c.Statement = &Statement{Text: h.Text, At: now}
					return "当场听取当事人陈述申辩：" + h.Text, nil
				}},
			{Act: ActDecideOnSpot, Name: "当场作出处罚决定", Who: Handlers, Certificate: true, Stages: []Stage{StageOnSite},
				New: func() Input { return &OnSpotDecisionInput{} }, Check: checkSummaryDecision,
				After: func(c *SummaryCase, _ string) error {
					if c.Statement == nil {
						return reject(CodeWrongStep, "作出决定前须当场听取当事人的陈述和申辩（行政处罚法第四十五条、第五十二条）", "hear the party before deciding (PL 45, 52)")
					}
					return nil
				},
				Apply: func(r *Run[*SummaryCase], ctx workflow.Context, c *SummaryCase, in Input, now time.Time) (string, error) {
					d := in.(*OnSpotDecisionInput)
					keys := []LimitKey{limitSummaryFiling}
					if d.Fine > 0 {
						keys = append(keys, limitSummaryPayment)
					}
					opened, err := r.deadlines(ctx, now, keys...)
					if err != nil {
						return "", err
					}
					c.Decision = &OnSpotDecision{Penalty: d.Penalty, Fine: d.Fine, FormNumber: d.FormNumber, Basis: d.Basis, Reasons: d.Reasons, DeciderID: d.Actor.OfficerID, At: now}
					c.Outcome, c.Stage = "penalty", StageExecuting
					if d.Fine == 0 {
						c.Stage = StageFilingOff
					}
					for _, dl := range opened {
						r.open(ctx, dl)
					}
					if d.Fine == 0 {
						return fmt.Sprintf("当场作出警告决定（决定书 %s）", d.FormNumber), nil
					}
					return fmt.Sprintf("当场作出罚款 %s 元的决定（决定书 %s）", d.Fine, d.FormNumber), nil
				}},
			{Act: ActRecordPayment, Name: "记录缴款", Who: Handlers, Certificate: true, Stages: []Stage{StageExecuting},
				New: func() Input { return &RecordPaymentInput{} },
				Check: func(c *SummaryCase, in Input) error {
					p := in.(*RecordPaymentInput)
					if p.Amount != c.Decision.Fine {
						return reject(CodeInvalidInput, "缴款金额 %s 元与决定罚款 %s 元不符", "amount %s differs from the fine %s", p.Amount, c.Decision.Fine, p.Amount, c.Decision.Fine)
					}
					if p.Receipt == "" {
						return reject(CodeInvalidInput, "须填写银行缴款凭证号（罚缴分离，行政处罚法第六十七条）", "the bank receipt number is required (PL 67)")
					}
					return nil
				},
				Apply: func(r *Run[*SummaryCase], ctx workflow.Context, c *SummaryCase, in Input, now time.Time) (string, error) {
					p := in.(*RecordPaymentInput)
					r.meet(string(limitSummaryPayment), now)
					c.Payment = &Payment{Amount: p.Amount, Receipt: p.Receipt, At: now}
					c.closeIfDone(now)
					return fmt.Sprintf("罚款 %s 元已缴纳（凭证 %s）", p.Amount, p.Receipt), nil
				}},
			{Act: ActCollectOnSpot, Name: "当场收缴罚款", Who: Handlers, Certificate: true, Stages: []Stage{StageExecuting},
				New: func() Input { return &CollectOnSpotInput{} },
				Check: func(c *SummaryCase, in Input) error {
					col := in.(*CollectOnSpotInput)
					if col.Amount != c.Decision.Fine {
						return reject(CodeInvalidInput, "收缴金额 %s 元与决定罚款 %s 元不符", "amount %s differs from the fine %s", col.Amount, c.Decision.Fine, col.Amount, c.Decision.Fine)
					}
					if col.Receipt == "" {
						return reject(CodeInvalidInput, "须出具省级财政部门统一制发的专用票据并填写其号码（行政处罚法第七十条）", "the number of the fiscal receipt given to the party is required (PL 70)")
					}
					if col.Amount > onSpotCollectionLimit && col.Reason == "" {
						return reject(CodeInvalidInput, "罚款超过一百元的，只有不当场收缴事后难以执行或者在边远、水上、交通不便地区当事人提出的，才能当场收缴：须写明理由（行政处罚法第六十八条、第六十九条）",
							"above 100 yuan a fine is collected on the spot only when it would be hard to collect later, or at the party's request in a remote area: give the reason (PL 68, 69)")
					}
					return nil
				},
				Apply: func(r *Run[*SummaryCase], ctx workflow.Context, c *SummaryCase, in Input, now time.Time) (string, error) {
					col := in.(*CollectOnSpotInput)
					d, err := r.deadline(ctx, string(limitHandIn), limitHandIn, now)
					if err != nil {
						return "", err
					}
					r.meet(string(limitSummaryPayment), now)
					c.Collected = &Collection{Amount: col.Amount, Receipt: col.Receipt, Reason: col.Reason, At: now}
					r.open(ctx, d)
					c.closeIfDone(now)
					return fmt.Sprintf("当场收缴罚款 %s 元（票据 %s），须于 %s 前交至行政机关", col.Amount, col.Receipt, d.DueDate), nil
				}},
			{Act: ActHandInCash, Name: "交纳当场收缴的罚款", Who: Handlers, Certificate: true, Stages: []Stage{StageFilingOff, StageExecuting},
				New: func() Input { return &HandInCashInput{} },
				Guard: func(c *SummaryCase, _ string) error {
					if c.Collected == nil || c.Collected.HandedInAt != nil {
						return reject(CodeWrongStep, "没有待交纳的当场收缴罚款", "no collected cash is waiting to be handed in")
					}
					return nil
				},
				Check: func(c *SummaryCase, in Input) error {
					if in.(*HandInCashInput).Voucher == "" {
						return reject(CodeInvalidInput, "须填写行政机关的收款凭证号", "the agency's receipt number is required")
					}
					return nil
				},
				Apply: func(r *Run[*SummaryCase], ctx workflow.Context, c *SummaryCase, in Input, now time.Time) (string, error) {
					h := in.(*HandInCashInput)
					r.meet(string(limitHandIn), now)
					c.Collected.HandedInAt, c.Collected.AgencyVoucher = &now, h.Voucher
					c.closeIfDone(now)
					return fmt.Sprintf("当场收缴的罚款已交至行政机关（凭证 %s）", h.Voucher), nil
				}},
			{Act: ActFileWithAgency, Name: "报行政机关备案", Who: Handlers, Certificate: true, Stages: []Stage{StageExecuting, StageFilingOff},
				New: newOpinion,
				Guard: func(c *SummaryCase, _ string) error {
					if c.FiledAt != nil {
						return reject(CodeWrongStep, "已报备案", "already filed with the agency")
					}
					return nil
				},
				Apply: func(r *Run[*SummaryCase], ctx workflow.Context, c *SummaryCase, in Input, now time.Time) (string, error) {
					r.meet(string(limitSummaryFiling), now)
					c.FiledAt = &now
					c.closeIfDone(now)
					return "当场处罚决定已报所属行政机关备案", nil
				}},
		}, SharedActs[*SummaryCase]()...),
	})
}

// SummaryPenalty is the workflow of one summary-procedure case.
func SummaryPenalty(ctx workflow.Context, in OpenCaseInput) (ActResult, error) {
	return run(ctx, summaryPenalty, in)
}

// stageTasks lists who must act next.
func (c *SummaryCase) stageTasks() []casefile.Task {
	t := newTasks(summaryPenalty, &c.Core)
	officers := t.officers
	switch c.Stage {
	case StageOnSite:
		officers("on-site", "", ActHearParty, ActDecideOnSpot)
	case StageExecuting:
		officers("payment", string(limitSummaryPayment), ActRecordPayment, ActCollectOnSpot)
	}
	if c.Collected != nil && c.Collected.HandedInAt == nil {
		officers("hand-in", string(limitHandIn), ActHandInCash)
	}
	if c.Decision != nil && c.FiledAt == nil && c.Stage != StageClosed {
		officers("filing", string(limitSummaryFiling), ActFileWithAgency)
	}
	return t.out
}
