package workflows

// CompulsoryMeasure runs an administrative compulsory measure (行政强制措施)
// of sealing (查封) or seizure (扣押), CL 9, 16–28; SAMR 33–41.
//
// Steps (stages) and the acts that move them:
//
//	proposal          the handling officers propose the measure: its kind,
//	                  the property list, the reason and the basis       (CL 18(1))
//	approval          the head approves before the act                  (CL 18(1))
//	taking            at least two certified officers take it on the spot:
//	                  the party told and heard, an on-site record signed
//	                  by the party and the officers (a refusal, or the
//	                  party's absence with a witness, recorded), the
//	                  decision and the property list delivered           (CL 18, 24)
//	emergency-report  a measure taken on the spot in an emergency is
//	                  reported to the head within 24 hours; refused, or
//	                  not approved in time, it must be released at once (CL 19)
//	in-force          at most 30 days, extended once by at most 30 with
//	                  the head's approval and a written notice; testing
//	                  and appraisal periods do not count               (CL 25)
//	release-due       the measure must be released at once
//	ended             released (解除, CL 28), confiscated by a penalty
//	                  decision, destroyed where the law allows, or handed
//	                  over with a criminal case
//
// A measure cannot be delegated (CL 17): a delegated organization's
// officers cannot open one. Time limits:
//
//	report     24 hours from an emergency measure        CL 19; SAMR 36
//	duration   30 days from the taking, +30 once          CL 25; SAMR 38
//	release    at once: 24 hours from the refusal         CL 19, 28

import (
	"fmt"
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// ProcedureMeasure names the compulsory-measure procedure.
const ProcedureMeasure = "compulsory-measure"

// Stages of a compulsory measure.
const (
	StageProposal        Stage = "proposal"
	StageMeasureApproval Stage = "measure-approval"
	StageTaking          Stage = "taking"
	StageEmergencyReport Stage = "emergency-report"
	StageInForce         Stage = "in-force"
	StageReleaseDue      Stage = "release-due"
	StageEnded           Stage = "ended"
)

// Acts of a compulsory measure (start-exclusion and end-exclusion are the
// general procedure's acts, with the same input).
const (
	ActProposeMeasure casefile.Act = "propose-measure" // 拟采取强制措施 (CL 18(1))
	ActApproveMeasure casefile.Act = "approve-measure" // 负责人批准 (CL 18(1), 19)
	ActRefuseMeasure  casefile.Act = "refuse-measure"  // 负责人不批准 (CL 19)
	ActTakeMeasure    casefile.Act = "take-measure"    // 实施查封、扣押，制作现场笔录 (CL 18, 24)
	ActExtendMeasure  casefile.Act = "extend-measure"  // 延长查封、扣押期限 (CL 25)
	ActReleaseMeasure casefile.Act = "release-measure" // 解除查封、扣押 (CL 28)
	ActEndMeasure     casefile.Act = "end-measure"     // 没收、销毁或移送 (CL 28; SAMR 41)
)

const (
	limitReport   LimitKey = "report"
	limitDuration LimitKey = "duration"
	limitRelease  LimitKey = "release"
	// A freeze: its own duration, which the bank ends by itself (CL 32),
	// and the decision served on the party within 3 working days (CL 31).
	limitFreezeDuration LimitKey = "freeze-duration"
	limitFreezeDecision LimitKey = "freeze-decision"
)

// ActDisposeEarly disposes of perishable items early (SAMR 41).
const ActDisposeEarly casefile.Act = "dispose-early"

// ActServeFreezeDecision serves the freeze decision on the party (CL 31).
const ActServeFreezeDecision casefile.Act = "serve-freeze-decision"

// MeasureCase is the state of a compulsory measure.
type MeasureCase struct {
	Core

	Measure    *Measure    `json:"measure,omitempty"`
	Emergency  bool        `json:"emergency,omitempty"`
	ApprovedBy string      `json:"approved_by,omitempty"`
	Taken      *OnSite     `json:"taken,omitempty"`
	Extended   string      `json:"extended_notice,omitempty"` // the written notice of the extension
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	Released   *MeasureEnd `json:"released,omitempty"`
	// EarlyDisposals are perishable items disposed of before the measure
	// ends (SAMR 41).
	EarlyDisposals []EarlyDisposal `json:"early_disposals,omitempty"`
}

// EarlyDisposal is the early disposal of perishable items (先行处置): with
// the right holder's consent or on their application, approved by the head;
// the proceeds are kept in place of the items (SAMR 41).
type EarlyDisposal struct {
	Items      []string  `json:"items"`
	Consent    string    `json:"consent"`
	How        string    `json:"how"`
	Proceeds   Yuan      `json:"proceeds,omitempty"`
	Reason     string    `json:"reason"`
	ApprovedBy string    `json:"approved_by"`
	At         time.Time `json:"at"`
}

// EarlyDisposalInput disposes of perishable items early.
type EarlyDisposalInput struct {
	ActBase
	Items    []string `json:"items" limit:"200" itemlimit:"200"` // names on the property list
	Consent  string   `json:"consent" limit:"500"`               // the right holder's written consent or application
	How      string   `json:"how" limit:"200"`                   // e.g. 拍卖、变卖
	Proceeds Yuan     `json:"proceeds,omitempty"`                // kept in place of the items
	Reason   string   `json:"reason" limit:"5000"`               // why they cannot be kept: perishable, hard to store
}

func (in *EarlyDisposalInput) check(c *MeasureCase) error {
	if len(in.Items) == 0 || in.Consent == "" || in.How == "" || in.Reason == "" {
		return reject(CodeInvalidInput, "先行处置须列明物品，并有权利人同意或者申请、处置方式和理由（市场监管行政处罚程序规定第四十一条）",
			"an early disposal lists the items, the right holder's consent or application, how and why (SAMR 41)")
	}
	for _, item := range in.Items {
		if !slices.ContainsFunc(c.Measure.Properties, func(p Property) bool { return p.Name == item }) {
			return reject(CodeInvalidInput, "「%s」不在查封、扣押清单上", "%q is not on the property list", item, item)
		}
		if slices.ContainsFunc(c.EarlyDisposals, func(d EarlyDisposal) bool { return slices.Contains(d.Items, item) }) {
			return reject(CodeInvalidInput, "「%s」已先行处置", "%q was already disposed of", item, item)
		}
	}
	return nil
}

// Measure is what is sealed or seized and why.
type Measure struct {
	Kind       string     `json:"kind"` // seal, seize or freeze
	Properties []Property `json:"properties"`
	Reason     string     `json:"reason"`
	Basis      string     `json:"basis"`
	Freeze     *Freeze    `json:"freeze,omitempty"`
}

// Property is one item sealed or seized (财物清单).
type Property struct {
	Name      string `json:"name" limit:"200"`
	Quantity  string `json:"quantity" limit:"50"`
	Condition string `json:"condition,omitempty" limit:"500"`
	Custodian string `json:"custodian,omitempty" limit:"200"` // who keeps it
}

// OnSite is the on-site record (现场笔录) of the taking.
type OnSite struct {
	Officers     []string  `json:"officers"`
	PartyPresent bool      `json:"party_present"`
	PartySigned  bool      `json:"party_signed"`
	Refusal      string    `json:"refusal,omitempty"`
	Witness      string    `json:"witness,omitempty"`
	PartyHeard   string    `json:"party_heard"`
	DecisionRef  string    `json:"decision_ref"` // the 查封/扣押决定书 and list delivered on the spot
	Recording    string    `json:"recording,omitempty"`
	At           time.Time `json:"at"`
}

// MeasureEnd is how the measure ended.
type MeasureEnd struct {
	How       string    `json:"how"` // released, confiscated, destroyed, transferred
	Reference string    `json:"reference"`
	Reason    string    `json:"reason"`
	At        time.Time `json:"at"`
}

// MeasureInput proposes a measure.
type MeasureInput struct {
	ActBase
	MeasureDetails
}

// MeasureDetails are a measure's kind, property list, reason and basis;
// for a freeze, the account, the amount and the sum involved.
type MeasureDetails struct {
	Kind       string     `json:"kind" limit:"8"` // seal (查封), seize (扣押) or freeze (冻结)
	Properties []Property `json:"properties,omitempty" limit:"200"`
	Reason     string     `json:"reason" limit:"5000"`
	Basis      string     `json:"basis" limit:"2000"`
	Freeze     *Freeze    `json:"freeze,omitempty"`
}

// Freeze is what a freeze holds (CL 29–32).
type Freeze struct {
	Bank        string `json:"bank" limit:"200"`
	Account     string `json:"account" limit:"64"`
	Amount      Yuan   `json:"amount"`
	SumInvolved Yuan   `json:"sum_involved"` // the amount involved in the illegal act (CL 29 ¶2)
	// FrozenByOthers: the bank answered that the money is already frozen
	// by another organ (CL 29 ¶2: 不得重复冻结).
	FrozenByOthers bool `json:"frozen_by_others,omitempty"`
}

func (in *MeasureDetails) validate() error {
	if in.Kind == "freeze" {
		f := in.Freeze
		switch {
		case f == nil || f.Bank == "" || f.Account == "" || f.Amount <= 0 || in.Reason == "" || in.Basis == "":
			return reject(CodeInvalidInput, "冻结须写明金融机构、账户、金额、理由和依据（行政强制法第三十条）", "a freeze needs the bank, the account, the amount, the reason and the basis (CL 30)")
		case f.Amount > f.SumInvolved:
			return reject(CodeInvalidInput, "冻结存款、汇款的数额应当与违法行为涉及的金额相当：%s 元超过涉案金额 %s 元（行政强制法第二十九条第二款）",
				"the freeze may not exceed the sum involved: %s over %s (CL 29 ¶2)", f.Amount, f.SumInvolved, f.Amount, f.SumInvolved)
		case f.FrozenByOthers:
			return reject(CodeInvalidInput, "已被其他国家机关依法冻结的，不得重复冻结（行政强制法第二十九条第二款）", "money already frozen by another organ may not be frozen again (CL 29 ¶2)")
		}
		return nil
	}
	if in.Kind != "seal" && in.Kind != "seize" {
		return reject(CodeInvalidInput, "强制措施种类须为 seal（查封）、seize（扣押）或 freeze（冻结）", "kind must be seal, seize or freeze")
	}
	if len(in.Properties) == 0 || in.Reason == "" || in.Basis == "" {
		return reject(CodeInvalidInput, "须列明财物清单、理由和依据（行政强制法第十八条、第二十四条）", "the property list, the reason and the basis are required (CL 18, 24)")
	}
	for _, p := range in.Properties {
		if p.Name == "" || p.Quantity == "" {
			return reject(CodeInvalidInput, "财物清单每项须写明名称和数量", "each item needs its name and quantity")
		}
	}
	return nil
}

func (in *MeasureDetails) measure() *Measure {
	return &Measure{Kind: in.Kind, Properties: in.Properties, Reason: in.Reason, Basis: in.Basis, Freeze: in.Freeze}
}

// TakeMeasureInput is the on-site record of the taking; an emergency
// measure also carries what was taken.
type TakeMeasureInput struct {
	ActBase
	LateEntry
	Emergency bool            `json:"emergency,omitempty"`
	Measure   *MeasureDetails `json:"measure,omitempty"` // for an emergency measure
	Officers  []string        `json:"officers" limit:"20" itemlimit:"64"`
	// The party: present and signed, or refused (noted), or absent (a
	// witness signs) (CL 18(6)–(8)).
	PartyPresent bool   `json:"party_present"`
	PartySigned  bool   `json:"party_signed"`
	Refusal      string `json:"refusal,omitempty" limit:"2000"`
	Witness      string `json:"witness,omitempty" limit:"200"`
	PartyHeard   string `json:"party_heard" limit:"5000"` // the party's statement and defence heard on the spot (CL 18(5))
	DecisionRef  string `json:"decision_ref" limit:"200"` // the decision and list delivered on the spot (CL 24)
	Recording    string `json:"recording,omitempty" limit:"200"`
}

// CoSigners are the officers present, who sign the record (CL 18(2)).
func (in *TakeMeasureInput) CoSigners() []string { return in.Officers }

func (in *TakeMeasureInput) validate() error {
	seen := map[string]bool{}
	for _, o := range in.Officers {
		seen[o] = true
	}
	switch {
	case len(seen) < 2 || !seen[in.Actor.OfficerID]:
		return reject(CodeInvalidInput, "行政强制措施须由两名以上行政执法人员实施，实施者在内（行政强制法第十八条第二项）", "at least two officers take a measure, the actor among them (CL 18(2))")
	case in.DecisionRef == "":
		return reject(CodeInvalidInput, "须当场交付查封、扣押决定书和清单，或向金融机构交付冻结通知书（行政强制法第二十四条、第三十条）",
			"the decision and the list are delivered on the spot, or the freeze notice to the bank (CL 24, 30)")
	case in.Emergency && in.Measure != nil && in.Measure.Kind == "freeze":
		return reject(CodeInvalidInput, "冻结须经行政机关负责人批准后实施（行政强制法第三十条）", "a freeze needs the head's approval first (CL 30)")
	}
	if in.Measure != nil {
		return in.Measure.validate()
	}
	return nil
}

// party checks the on-site record's part of the party, for a sealing or
// seizure (a freeze is done at the bank; the party gets the decision, CL 31).
func (in *TakeMeasureInput) party() error {
	switch {
	case in.PartyPresent && in.PartyHeard == "":
		return reject(CodeInvalidInput, "须当场听取当事人的陈述和申辩（行政强制法第十八条第五项）", "hear the party on the spot (CL 18(5))")
	case in.PartyPresent && !in.PartySigned && in.Refusal == "":
		return reject(CodeInvalidInput, "当事人拒绝签名的，须在笔录中注明（行政强制法第十八条第七项）", "a refusal to sign is noted in the record (CL 18(7))")
	case !in.PartyPresent && in.Witness == "":
		return reject(CodeInvalidInput, "当事人不到场的，须邀请见证人到场并签名（行政强制法第十八条第八项）", "with the party absent, a witness signs (CL 18(8))")
	case in.Emergency && in.Measure == nil:
		return reject(CodeInvalidInput, "当场实施的，须写明查封、扣押的种类和财物清单", "an emergency measure states its kind and property list")
	}
	return nil
}

func (in *TakeMeasureInput) check(c *MeasureCase) error {
	if in.Emergency != (c.Stage == StageProposal) {
		return reject(CodeWrongStep, "未经批准的，只有情况紧急需要当场实施时才可先行实施（行政强制法第十九条）",
			"without approval a measure is taken only in an emergency on the spot (CL 19)")
	}
	for _, o := range in.Officers {
		if !c.isHandler(o) {
			return reject(CodeNotOnCase, "%s 不是本案办案人员", "%s is not a handling officer of the case", o, o)
		}
	}
	if c.Measure != nil && c.Measure.Kind == "freeze" {
		return nil
	}
	return in.party()
}

// durationKey is the key of the measure's duration.
func (c *MeasureCase) durationKey() string {
	if c.Measure != nil && c.Measure.Kind == "freeze" {
		return string(limitFreezeDuration)
	}
	return string(limitDuration)
}

// MeasureEndInput ends a measure.
type MeasureEndInput struct {
	ActBase
	How       string `json:"how,omitempty" limit:"16"` // end-measure: confiscated, destroyed or transferred
	Reference string `json:"reference" limit:"200"`    // the release decision, the penalty decision, the approval to destroy, the transfer letter
	Reason    string `json:"reason" limit:"5000"`
}

var measureEndings = []string{"confiscated", "destroyed", "transferred"}

// ExtendMeasureInput extends the measure once.
type ExtendMeasureInput struct {
	ActBase
	Days   int    `json:"days"`               // at most 30 (CL 25)
	Notice string `json:"notice" limit:"200"` // the written notice to the party
	Reason string `json:"reason" limit:"5000"`
}

// measureTaken puts the measure in force from now.
func measureTaken(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, t *TakeMeasureInput, now time.Time) (casefile.Deadline, error) {
	key := limitDuration
	if c.Measure != nil && c.Measure.Kind == "freeze" {
		key = limitFreezeDuration
	}
	d, err := r.deadline(ctx, string(key), key, now)
	if err != nil {
		return d, err
	}
	c.Taken = &OnSite{Officers: t.Officers, PartyPresent: t.PartyPresent, PartySigned: t.PartySigned, Refusal: t.Refusal,
		Witness: t.Witness, PartyHeard: t.PartyHeard, DecisionRef: t.DecisionRef, Recording: t.Recording, At: now}
	return d, nil
}

// releaseDue orders the release at once.
func releaseDue(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, now time.Time) error {
	d, err := r.deadline(ctx, string(limitRelease), limitRelease, now)
	if err != nil {
		return err
	}
	r.meet(string(limitReport), now)
	c.Stage = StageReleaseDue
	r.open(ctx, d)
	return nil
}

// ended closes the measure.
func (c *MeasureCase) ended(r *Run[*MeasureCase], how, ref, reason string, now time.Time) {
	for _, k := range []LimitKey{limitDuration, limitRelease, limitReport, limitFreezeDuration, limitFreezeDecision} {
		r.meet(string(k), now)
	}
	c.Released = &MeasureEnd{How: how, Reference: ref, Reason: reason, At: now}
	c.Stage, c.Outcome, c.ClosedAt = StageEnded, how, &now
}

var compulsoryMeasure *Procedure[*MeasureCase]

func init() {
	compulsoryMeasure = register(&Procedure[*MeasureCase]{
		ID: ProcedureMeasure, Workflow: "CompulsoryMeasure", Title: "行政强制措施（查封、扣押）", Kinds: []string{"compulsory-measure"}, Default: true,
		Stages: []Stage{StageProposal, StageMeasureApproval, StageTaking, StageEmergencyReport, StageInForce, StageReleaseDue, StageEnded},
		Names: map[Stage]string{StageProposal: "拟采取措施", StageMeasureApproval: "负责人审批", StageTaking: "实施", StageEmergencyReport: "当场实施后报告",
			StageInForce: "查封扣押期间", StageReleaseDue: "应当立即解除", StageEnded: "已结束"},
		Closed: StageEnded,
		Limits: map[LimitKey]Limit{
			limitReport:         {24, casefile.Hours, "CL 19; SAMR 36", "当场实施后报告负责人并补办批准 / report the emergency measure", true},
			limitDuration:       {30, casefile.Days, "CL 25; SAMR 38", "查封、扣押期限 / duration of the measure", false},
			limitRelease:        {24, casefile.Hours, "CL 19, 28", "立即解除 / release at once", false},
			limitFreezeDuration: {30, casefile.Days, "CL 32", "冻结期限 / duration of the freeze", true},
			limitFreezeDecision: {3, casefile.Workdays, "CL 31, 69", "向当事人交付冻结决定书 / serve the freeze decision", false},
		},
		New:     func() *MeasureCase { return &MeasureCase{} },
		Tasks:   (*MeasureCase).stageTasks,
		Carried: func(c *MeasureCase) *MeasureCase { return c },
		Opening: checkMeasureOpening,
		Expired: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, d casefile.Deadline, now time.Time) (casefile.Act, string) {
			if d.Step == string(limitFreezeDuration) {
				c.ended(r, "released-by-bank", "", "冻结期限届满未作出处理决定", now)
				return "freeze-expired", "冻结期限届满未作出处理决定，金融机构依法解除冻结（行政强制法第三十二条第三款）"
			}
			if err := releaseDue(r, ctx, c, now); err != nil {
				workflow.GetLogger(ctx).Error("release deadline not computed", "caseID", c.ID, "error", err)
				c.Stage = StageReleaseDue
			}
			return "report-expired", "当场实施的强制措施 24 小时内未获负责人批准，应当立即解除（行政强制法第十九条）"
		},
		Acts: append([]ActSpec[*MeasureCase]{
			{Act: ActOpenCase, Name: "强制措施立案", Opening: true, Certificate: true, New: func() Input { return &OpenCaseInput{} },
				Check: func(c *MeasureCase, in Input) error { return checkMeasureOpening(in.(*OpenCaseInput)) },
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					if err := r.opened(ctx, now); err != nil {
						return "", err
					}
					return fmt.Sprintf("行政强制措施：%s，当事人 %s", c.PowerItem.Name, c.Party.Name), nil
				}},
			{Act: ActProposeMeasure, Name: "拟采取强制措施", Who: Handlers, Certificate: true, Stages: []Stage{StageProposal},
				New: func() Input { return &MeasureInput{} },
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					m := in.(*MeasureInput)
					if m.Kind == "freeze" {
						rules, err := loadRules(ctx, c.AgencyID, now)
						if err != nil {
							return "", err
						}
						if !rules.FreezePower {
							return "", reject(CodeInvalidInput, "冻结存款、汇款应当由法律规定的行政机关实施，本机关无冻结权（行政强制法第二十九条第一款）",
								"only an agency a law empowers may freeze deposits and remittances; this agency is not (CL 29 ¶1)")
						}
						c.Measure, c.Stage = m.measure(), StageMeasureApproval
						return fmt.Sprintf("拟冻结 %s 在 %s 的存款 %s 元（涉案金额 %s 元），报负责人批准：%s", m.Freeze.Account, m.Freeze.Bank, m.Freeze.Amount, m.Freeze.SumInvolved, m.Reason), nil
					}
					c.Measure, c.Stage = m.measure(), StageMeasureApproval
					return fmt.Sprintf("拟%s财物 %d 项，报负责人批准：%s", measureName[m.Kind], len(m.Properties), m.Reason), nil
				}},
			{Act: ActApproveMeasure, Name: "批准强制措施", Stages: []Stage{StageMeasureApproval, StageEmergencyReport}, New: newOpinion,
				Who: NotHandlers, Refusal: [2]string{"办案人员不得审批本案强制措施", "a handling officer may not approve the measure"},
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					c.ApprovedBy = in.base().Actor.OfficerID
					if c.Stage == StageEmergencyReport {
						r.meet(string(limitReport), now)
						c.Stage = StageInForce
						return "负责人补办批准当场实施的强制措施（行政强制法第十九条）", nil
					}
					c.Stage = StageTaking
					return "负责人批准实施强制措施（行政强制法第十八条第一项）", nil
				}},
			{Act: ActRefuseMeasure, Name: "不批准强制措施", Stages: []Stage{StageMeasureApproval, StageEmergencyReport}, New: newReason, Check: checkMeasureReason,
				Who: NotHandlers, Refusal: [2]string{"办案人员不得审批本案强制措施", "a handling officer may not approve the measure"},
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					reason := in.(*ReasonInput).Opinion
					if c.Stage == StageEmergencyReport {
						if err := releaseDue(r, ctx, c, now); err != nil {
							return "", err
						}
						return "负责人不批准当场实施的强制措施，应当立即解除（行政强制法第十九条）：" + reason, nil
					}
					c.Stage, c.Outcome, c.ClosedAt = StageEnded, "not-approved", &now
					return "负责人不批准实施强制措施：" + reason, nil
				}},
			{Act: ActTakeMeasure, Name: "实施强制措施", Who: Handlers, Certificate: true, Stages: []Stage{StageProposal, StageTaking},
				New: func() Input { return &TakeMeasureInput{} }, Check: func(c *MeasureCase, in Input) error { return in.(*TakeMeasureInput).check(c) },
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					t := in.(*TakeMeasureInput)
					duration, err := measureTaken(r, ctx, c, t, now)
					if err != nil {
						return "", err
					}
					if t.Emergency {
						report, err := r.deadline(ctx, string(limitReport), limitReport, now)
						if err != nil {
							return "", err
						}
						c.Measure, c.Emergency, c.Stage = t.Measure.measure(), true, StageEmergencyReport
						r.open(ctx, duration)
						r.open(ctx, report)
						return fmt.Sprintf("情况紧急，当场%s财物 %d 项，须于 24 小时内报告负责人并补办批准（行政强制法第十九条）", measureName[c.Measure.Kind], len(c.Measure.Properties)), nil
					}
					c.Stage = StageInForce
					if c.Measure.Kind == "freeze" {
						notify, err := r.deadline(ctx, string(limitFreezeDecision), limitFreezeDecision, now)
						if err != nil {
							return "", err
						}
						r.open(ctx, duration)
						r.open(ctx, notify)
						return fmt.Sprintf("向%s交付冻结通知书（%s），冻结 %s 元，期限至 %s；须于 %s 前向当事人交付冻结决定书（行政强制法第三十一条）",
							c.Measure.Freeze.Bank, t.DecisionRef, c.Measure.Freeze.Amount, duration.DueDate, notify.DueDate), nil
					}
					r.open(ctx, duration)
					return fmt.Sprintf("实施%s，当场交付决定书和清单（%s），期限至 %s", measureName[c.Measure.Kind], t.DecisionRef, duration.DueDate), nil
				}},
			{Act: ActStartExclusion, Name: "开始检测、检验等期间", Who: Handlers, Certificate: true, Stages: []Stage{StageInForce},
				New: func() Input { return &ExclusionInput{} },
				Guard: func(c *MeasureCase, _ string) error {
					if c.Measure != nil && c.Measure.Kind == "freeze" {
						return reject(CodeWrongStep, "冻结期限不扣除检测期间（行政强制法第三十二条）", "a freeze's duration has no excluded periods (CL 32)")
					}
					return nil
				},
				Check: func(c *MeasureCase, in Input) error {
					e := in.(*ExclusionInput)
					if !slices.Contains(exclusionKinds, e.Kind) || e.Description == "" {
						return reject(CodeInvalidInput, "须写明期间种类（%v）及书面告知当事人的情况（行政强制法第二十五条第三款）",
							"kind (%v) and the written notice to the party are required (CL 25 ¶3)", exclusionKinds, exclusionKinds)
					}
					if n := len(c.Exclusions); n > 0 && c.Exclusions[n-1].To == nil {
						return reject(CodeWrongStep, "上一个不计入期间尚未结束", "the previous excluded period has not ended")
					}
					return nil
				},
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					e := in.(*ExclusionInput)
					c.Exclusions = append(c.Exclusions, Exclusion{Kind: e.Kind, Description: e.Description, From: now})
					r.pause(string(limitDuration), now)
					return fmt.Sprintf("%s期间开始，不计入查封、扣押期限：%s", e.Kind, e.Description), nil
				}},
			{Act: ActEndExclusion, Name: "结束检测、检验等期间", Who: Handlers, Certificate: true, Stages: []Stage{StageInForce},
				New: func() Input { return &ExclusionInput{} },
				Guard: func(c *MeasureCase, _ string) error {
					if n := len(c.Exclusions); n == 0 || c.Exclusions[n-1].To != nil {
						return reject(CodeWrongStep, "没有进行中的不计入期间", "no excluded period is running")
					}
					return nil
				},
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					x := &c.Exclusions[len(c.Exclusions)-1]
					x.To, x.Result = &now, in.(*ExclusionInput).Description
					if _, err := r.resume(ctx, string(limitDuration), now); err != nil {
						return "", err
					}
					return fmt.Sprintf("%s期间结束（%s）；查封、扣押期限至 %s", x.Kind, x.Result, c.openDeadline(string(limitDuration)).DueDate), nil
				}},
			{Act: ActServeFreezeDecision, Name: "交付冻结决定书", Who: Handlers, Certificate: true, Stages: []Stage{StageInForce},
				New: func() Input { return &ServeInput{} }, Check: func(_ *MeasureCase, in Input) error { return in.(*ServeInput).check(nil) },
				Guard: func(c *MeasureCase, _ string) error {
					if c.openDeadline(string(limitFreezeDecision)) == nil {
						return reject(CodeWrongStep, "没有待交付的冻结决定书", "no freeze decision is due")
					}
					return nil
				},
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					r.meet(string(limitFreezeDecision), now)
					return fmt.Sprintf("向当事人交付冻结决定书（%s）", in.(*ServeInput).Method), nil
				}},
			{Act: ActExtendMeasure, Name: "延长强制措施期限", Stages: []Stage{StageInForce}, New: func() Input { return &ExtendMeasureInput{} },
				Who: NotHandlers, Refusal: [2]string{"延长须经负责人批准", "an extension is approved by a head"},
				Guard: func(c *MeasureCase, _ string) error {
					if d := c.openDeadline(c.durationKey()); d == nil || len(d.Extensions) > 0 {
						return reject(CodeWrongStep, "查封、扣押期限已届满或已延长过一次（行政强制法第二十五条）", "the measure has run out or was already extended once (CL 25)")
					}
					return nil
				},
				Check: func(_ *MeasureCase, in Input) error {
					e := in.(*ExtendMeasureInput)
					if e.Days < 1 || e.Days > 30 || e.Notice == "" || e.Reason == "" {
						return reject(CodeInvalidInput, "延长不得超过三十日，须写明理由并书面告知当事人（行政强制法第二十五条）", "at most 30 days, with a reason and a written notice to the party (CL 25)")
					}
					return nil
				},
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					e := in.(*ExtendMeasureInput)
					if err := r.extend(ctx, c.durationKey(), e.Days, casefile.Days, "CL 25, 32"); err != nil {
						return "", err
					}
					c.Extended = e.Notice
					return fmt.Sprintf("负责人批准延长%s期限 %d 日至 %s，已书面告知当事人（%s）", measureName[c.Measure.Kind], e.Days, c.openDeadline(c.durationKey()).DueDate, e.Notice), nil
				}},
			{Act: ActReleaseMeasure, Name: "解除强制措施", Who: Handlers, Certificate: true, Stages: []Stage{StageInForce, StageReleaseDue, StageEmergencyReport},
				New: func() Input { return &MeasureEndInput{} }, Check: checkMeasureEnd(false),
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					e := in.(*MeasureEndInput)
					c.ended(r, "released", e.Reference, e.Reason, now)
					return fmt.Sprintf("解除%s（%s）：%s", measureName[c.Measure.Kind], e.Reference, e.Reason), nil
				}},
			{Act: ActDisposeEarly, Name: "先行处置易腐物品", Stages: []Stage{StageInForce, StageEmergencyReport},
				Who: NotHandlers, Refusal: [2]string{"先行处置须经行政机关负责人批准", "an early disposal is approved by a head"},
				Guard: func(c *MeasureCase, _ string) error {
					if c.Measure != nil && c.Measure.Kind == "freeze" {
						return reject(CodeWrongStep, "冻结的存款、汇款没有可先行处置的物品", "a freeze holds no items to dispose of")
					}
					return nil
				},
				New: func() Input { return &EarlyDisposalInput{} }, Check: func(c *MeasureCase, in Input) error { return in.(*EarlyDisposalInput).check(c) },
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					d := in.(*EarlyDisposalInput)
					c.EarlyDisposals = append(c.EarlyDisposals, EarlyDisposal{Items: d.Items, Consent: d.Consent, How: d.How, Proceeds: d.Proceeds,
						Reason: d.Reason, ApprovedBy: d.Actor.OfficerID, At: now})
					return fmt.Sprintf("经权利人同意（%s），负责人批准先行%s %v，价款 %s 元予以保存（市场监管行政处罚程序规定第四十一条）", d.Consent, d.How, d.Items, d.Proceeds), nil
				}},
			{Act: ActEndMeasure, Name: "没收、销毁或移送", Stages: []Stage{StageInForce}, New: func() Input { return &MeasureEndInput{} }, Check: checkMeasureEnd(true),
				Who: NotHandlers, Refusal: [2]string{"须经负责人决定", "decided by a head"},
				Apply: func(r *Run[*MeasureCase], ctx workflow.Context, c *MeasureCase, in Input, now time.Time) (string, error) {
					e := in.(*MeasureEndInput)
					c.ended(r, e.How, e.Reference, e.Reason, now)
					return fmt.Sprintf("查封、扣押的财物依法%s（%s）：%s", measureEndName[e.How], e.Reference, e.Reason), nil
				}},
		}, SharedActs[*MeasureCase]()...),
	})
}

// CompulsoryMeasure is the workflow of one compulsory measure.
func CompulsoryMeasure(ctx workflow.Context, in OpenCaseInput) (ActResult, error) {
	return run(ctx, compulsoryMeasure, in)
}

var measureName = map[string]string{"seal": "查封", "seize": "扣押", "freeze": "冻结"}
var measureEndName = map[string]string{"confiscated": "没收", "destroyed": "销毁", "transferred": "移送"}

// checkMeasureOpening refuses a delegated organization (CL 17) and checks
// the application on its own.
func checkMeasureOpening(in *OpenCaseInput) error {
	if in.AgencyKind == "delegated" {
		return reject(CodeInvalidInput, "行政强制措施权不得委托，受委托组织不得实施（行政强制法第十七条）",
			"the power to take compulsory measures cannot be delegated: a delegated organization may not take one (CL 17)")
	}
	return in.checkOfficers()
}

func checkMeasureReason(_ *MeasureCase, in Input) error { return in.(*ReasonInput).check(nil) }

// checkMeasureEnd checks how a measure ends.
func checkMeasureEnd(disposal bool) func(*MeasureCase, Input) error {
	return func(_ *MeasureCase, in Input) error {
		e := in.(*MeasureEndInput)
		if e.Reference == "" || e.Reason == "" {
			return reject(CodeInvalidInput, "须写明文书编号和理由", "the document and the reason are required")
		}
		if disposal && !slices.Contains(measureEndings, e.How) {
			return reject(CodeInvalidInput, "处理方式须为 %v 之一（行政强制法第二十八条；市场监管行政处罚程序规定第四十一条）", "how must be one of %v (CL 28; SAMR 41)", measureEndings, measureEndings)
		}
		if !disposal && e.How != "" {
			return reject(CodeInvalidInput, "解除不填写 how", "a release has no how")
		}
		return nil
	}
}

// stageTasks lists who must act next.
func (c *MeasureCase) stageTasks() []casefile.Task {
	t := newTasks(compulsoryMeasure, &c.Core)
	switch c.Stage {
	case StageProposal:
		t.officers("proposal", "", ActProposeMeasure, ActTakeMeasure)
	case StageMeasureApproval:
		t.role("measure-approval", "approval", casefile.RoleHead, "", ActApproveMeasure, ActRefuseMeasure)
	case StageTaking:
		t.officers("taking", "", ActTakeMeasure)
	case StageEmergencyReport:
		t.role("emergency-report", "approval", casefile.RoleHead, string(limitReport), ActApproveMeasure, ActRefuseMeasure)
	case StageInForce:
		t.officers("in-force", c.durationKey(), ActReleaseMeasure)
		if c.openDeadline(string(limitFreezeDecision)) != nil {
			t.officers("freeze-decision", string(limitFreezeDecision), ActServeFreezeDecision)
		}
	case StageReleaseDue:
		t.officers("release", string(limitRelease), ActReleaseMeasure)
	}
	return t.out
}

// Tasks lists who must act next.
func (c *MeasureCase) Tasks() []casefile.Task { return compulsoryMeasure.tasks(c) }
