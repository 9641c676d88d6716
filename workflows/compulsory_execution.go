package workflows

// CompulsoryExecution runs the compulsory execution (行政强制执行) of a
// decision the party did not perform in time, CL 34–60; PL 72; SAMR 76.
// It opens on its own or handed over from a penalty case whose fine is
// unpaid (the linked case), with the obligation to perform. The agency's
// rule pack says which path it takes:
//
//	self   an agency a law gives execution power (CL 13 ¶1, 34): demand
//	       (催告, CL 35), the party's statement heard and re-examined
//	       (CL 36), the execution decision (CL 37) — at once during the
//	       demand when the party hides or moves property (CL 37 ¶2); for
//	       money, only after the surcharge has run more than 30 days
//	       (CL 45–46); substitute performance (代履行) with its decision and
//	       a demand 3 working days before (CL 50–51); never at night or on
//	       a statutory holiday unless urgent, and never by cutting
//	       residents' water, power, heating or gas (CL 43)
//	court  an agency without it applies to the people's court (CL 13 ¶2,
//	       53–58): after the reconsideration (60 days) and lawsuit
//	       (6 months) windows passed unused, and no earlier than 10 working
//	       days after the demand was served (CL 54); within 3 months of the
//	       windows' end, or of an approved deferral's end (CL 53; PL 72 ¶2;
//	       SAMR 76); the application signed by the head (CL 55); the
//	       court's acceptance and ruling recorded (CL 56–58)
//
// On both paths: suspension (中止, CL 39) — after 3 years suspended for the
// party's inability, with no evident harm to society, there is no more
// execution —, termination (终结, CL 40), an execution agreement (CL 42)
// and the party's performance.
//
// Time limits:
//
//	demand-term          the term the demand sets (the party's window)   CL 35
//	court-wait           10 working days after the demand's service       CL 54; SAMR 76
//	court-application    3 months from the remedies' end (or deferral's)  CL 53; SAMR 76
//	substitute-demand    3 working days before substitute performance     CL 51(2)
//	lapse                3 years of suspension                            CL 39 ¶2

import (
	"fmt"
	"slices"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// ProcedureExecution names the compulsory-execution procedure.
const ProcedureExecution = "compulsory-execution"

// Stages of a compulsory execution.
const (
	StageDemand            Stage = "demand"             // the demand is to be served
	StageDemandTerm        Stage = "demand-term"        // the demand's term runs
	StageExecutionDecision Stage = "execution-decision" // the head decides the execution (self)
	StageCourtApplication  Stage = "court-application"  // the head applies to the court (court)
	StageCourt             Stage = "court"              // the court examines and rules (court)
	StageAgreement         Stage = "agreement"          // an execution agreement is being performed
)

// StageExecuting (the decision carried out, self) and StageSuspended are
// the stages of the same names in the other procedures.

// Acts of a compulsory execution.
const (
	ActServeDemand           casefile.Act = "serve-demand"            // 送达催告书 (CL 35, 38)
	ActRecordDefence         casefile.Act = "record-defence"          // 记录陈述申辩并复核 (CL 36)
	ActDecideExecution       casefile.Act = "decide-execution"        // 作出强制执行决定 (CL 37)
	ActServeSubstituteDemand casefile.Act = "serve-substitute-demand" // 代履行前催告 (CL 51(2))
	ActScheduleExecution     casefile.Act = "schedule-execution"      // 安排强制执行时间 (CL 43)
	ActCarryOutExecution     casefile.Act = "carry-out-execution"     // 实施强制执行 (CL 43, 51)
	ActApplyToCourt          casefile.Act = "apply-to-court"          // 申请人民法院强制执行 (CL 53–55)
	ActRecordCourt           casefile.Act = "record-court"            // 记录法院受理、裁定 (CL 56–58)
	ActRecordPerformance     casefile.Act = "record-performance"      // 记录当事人履行 (CL 40(1))
	ActRecordAgreement       casefile.Act = "record-agreement"        // 达成执行协议 (CL 42)
	ActSuspendExecution      casefile.Act = "suspend-execution"       // 中止执行 (CL 39)
	ActResumeExecution       casefile.Act = "resume-execution"        // 恢复执行 (CL 39, 42 ¶2)
	ActTerminateExecution    casefile.Act = "terminate-execution"     // 终结执行 (CL 40)
)

const (
	limitDemandTerm       LimitKey = "demand-term"
	limitCourtWait        LimitKey = "court-wait"
	limitCourtApplication LimitKey = "court-application"
	limitSubstituteDemand LimitKey = "substitute-demand"
	limitLapse            LimitKey = "lapse"
	// The party's remedies against the decision executed, when the case
	// computes them itself (an execution opened on its own).
	limitRemedyReconsideration LimitKey = "reconsideration"
	limitRemedyLawsuit         LimitKey = "lawsuit"
)

// Paths of an execution.
const (
	PathSelf  = "self"  // the agency executes (CL 34)
	PathCourt = "court" // the agency applies to the people's court (CL 53)
)

// Obligation is what the party must perform under the decision executed.
// An execution handed over from a penalty case gets it from that case;
// one opened on its own states it.
type Obligation struct {
	Decision string `json:"decision" limit:"200"` // the decision's number, e.g. 青市监罚〔2026〕12号
	Kind     string `json:"kind" limit:"8"`       // money (金钱给付) or act (排除妨碍、恢复原状等)
	Amount   Yuan   `json:"amount,omitempty"`     // money: the principal unpaid
	Duty     string `json:"duty,omitempty" limit:"2000"`
	// DueDate is the last day the decision gave to perform (YYYY-MM-DD).
	DueDate string `json:"due_date" limit:"10"`
	// ServedOn is the day the decision was served: the remedies run from it.
	ServedOn string `json:"served_on" limit:"10"`
	// The last days to apply for reconsideration and to sue; computed from
	// ServedOn when not given.
	ReconsiderationBy string `json:"reconsideration_by,omitempty" limit:"10"`
	LawsuitBy         string `json:"lawsuit_by,omitempty" limit:"10"`
	// DeferredUntil is the end of an approved deferral or of the last
	// instalment (PL 66 ¶2): the court window runs from it (PL 72 ¶2).
	DeferredUntil string `json:"deferred_until,omitempty" limit:"10"`
	// RemedyPending: a reconsideration or lawsuit is pending.
	RemedyPending bool `json:"remedy_pending,omitempty"`
	// Surcharge is the late-payment surcharge accrued at the hand-over.
	Surcharge Yuan `json:"surcharge,omitempty"`
}

func (o *Obligation) validate() error {
	day := func(s string) bool { _, err := time.ParseInLocation(time.DateOnly, s, beijing); return err == nil }
	switch {
	case o.Decision == "" || !day(o.DueDate) || !day(o.ServedOn):
		return reject(CodeInvalidInput, "须写明所执行的决定、履行期限的最后一日（due_date）和决定送达之日（served_on），日期为 YYYY-MM-DD",
			"the decision executed, due_date and served_on (YYYY-MM-DD) are required")
	case o.Kind == "money" && o.Amount <= 0:
		return reject(CodeInvalidInput, "金钱给付义务须写明未履行的金额", "a money obligation states the amount unpaid")
	case o.Kind == "act" && o.Duty == "":
		return reject(CodeInvalidInput, "须写明当事人应当履行的义务（如排除妨碍、恢复原状）", "an obligation to act states the duty")
	case o.Kind != "money" && o.Kind != "act":
		return reject(CodeInvalidInput, "义务种类须为 money（金钱给付）或 act（作为义务）", "kind must be money or act")
	case o.ServedOn > o.DueDate:
		return reject(CodeInvalidInput, "履行期限不能早于决定送达之日", "due_date cannot be before served_on")
	}
	for _, d := range []string{o.ReconsiderationBy, o.LawsuitBy, o.DeferredUntil} {
		if d != "" && !day(d) {
			return reject(CodeInvalidInput, "日期须为 YYYY-MM-DD", "dates are YYYY-MM-DD")
		}
	}
	return nil
}

// remediesEnd is the day the court window starts from: the later of the
// remedies' last days and an approved deferral's end (CL 53; PL 72 ¶2).
func (o *Obligation) remediesEnd() string {
	return max(o.ReconsiderationBy, o.LawsuitBy, o.DeferredUntil)
}

// ExecutionCase is the state of a compulsory execution.
type ExecutionCase struct {
	Core

	Obligation Obligation `json:"obligation"`
	Path       string     `json:"path"`
	// RulesVersion is the rule pack the path was read from.
	RulesVersion int                `json:"rules_version"`
	Demand       *Demand            `json:"demand,omitempty"`
	Defences     []Defence          `json:"defences,omitempty"`
	Decision     *ExecutionDecision `json:"execution_decision,omitempty"`
	// SubstituteDemand is the demand served before substitute performance.
	SubstituteDemand *Demand             `json:"substitute_demand,omitempty"`
	Schedules        []ExecutionSchedule `json:"schedules,omitempty"`
	Enforcements     []Enforcement       `json:"enforcements,omitempty"`
	Application      *CourtApplication   `json:"court_application,omitempty"`
	Court            []CourtStep         `json:"court,omitempty"`
	Performances     []Performance       `json:"performances,omitempty"`
	Agreement        *Agreement          `json:"agreement,omitempty"`
	Suspensions      []ExecutionPause    `json:"suspensions,omitempty"`
	// Resume is the stage a suspension or an agreement returns to.
	Resume Stage   `json:"resume_stage,omitempty"`
	End    *Ending `json:"end,omitempty"`
}

// Demand is a demand served (催告书).
type Demand struct {
	Reference string    `json:"reference"`
	PerformBy string    `json:"perform_by"`
	Manner    string    `json:"manner"`
	Amount    Yuan      `json:"amount,omitempty"`
	Payment   string    `json:"payment,omitempty"`
	Method    string    `json:"method"`
	ServedAt  time.Time `json:"served_at"`
}

// Defence is the party's statement on the demand and its re-examination.
type Defence struct {
	Statement     string    `json:"statement"`
	Reexamination string    `json:"reexamination"`
	Adopted       bool      `json:"adopted"`
	At            time.Time `json:"at"`
}

// ExecutionDecision is the execution decision (强制执行决定书, CL 37).
type ExecutionDecision struct {
	Reference string    `json:"reference"`
	Method    string    `json:"method"`
	Reasons   string    `json:"reasons"`
	Basis     string    `json:"basis"`
	Immediate string    `json:"immediate,omitempty"` // the evidence of hidden or moved property (CL 37 ¶2)
	Performer string    `json:"performer,omitempty"` // substitute performance: who performs
	Budget    Yuan      `json:"budget,omitempty"`    // its cost budget, borne by the party (CL 51)
	DeciderID string    `json:"decider_id"`
	At        time.Time `json:"at"`
}

// ExecutionSchedule is when and where an execution is planned.
type ExecutionSchedule struct {
	At       time.Time `json:"at"`
	Place    string    `json:"place"`
	Urgent   string    `json:"urgent,omitempty"`
	Recorded time.Time `json:"recorded"`
}

// Enforcement is one act of execution carried out.
type Enforcement struct {
	Method      string    `json:"method"`
	Description string    `json:"description"`
	Officers    []string  `json:"officers"`
	Amount      Yuan      `json:"amount,omitempty"`
	Urgent      string    `json:"urgent,omitempty"`
	At          time.Time `json:"at"`
}

// CourtApplication is the application to the people's court.
type CourtApplication struct {
	Court      string    `json:"court"`
	Reference  string    `json:"reference"`
	Materials  []string  `json:"materials"`
	SignedBy   string    `json:"signed_by"`
	LateReason string    `json:"late_reason,omitempty"`
	At         time.Time `json:"at"`
}

// CourtStep is the court's acceptance or ruling.
type CourtStep struct {
	Step      string    `json:"step"` // accepted, enforce, refuse
	Reference string    `json:"reference"`
	On        string    `json:"on"`
	Note      string    `json:"note,omitempty"`
	At        time.Time `json:"at"`
}

// Performance is what the party performed, or what execution collected.
type Performance struct {
	Amount      Yuan      `json:"amount,omitempty"`
	Reference   string    `json:"reference"`
	Description string    `json:"description"`
	At          time.Time `json:"at"`
}

// Agreement is an execution agreement (执行协议, CL 42).
type Agreement struct {
	Reference       string    `json:"reference"`
	Terms           string    `json:"terms"`
	SurchargeWaived Yuan      `json:"surcharge_waived,omitempty"`
	At              time.Time `json:"at"`
}

// ExecutionPause is a suspension of execution (中止执行, CL 39).
type ExecutionPause struct {
	Ground       string     `json:"ground"`
	Reason       string     `json:"reason"`
	NoSocialHarm bool       `json:"no_social_harm,omitempty"`
	From         time.Time  `json:"from"`
	To           *time.Time `json:"to,omitempty"`
}

// Ending is how the execution ended.
type Ending struct {
	How    string    `json:"how"` // performed, executed, terminated, lapsed
	Ground string    `json:"ground,omitempty"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

// DemandInput serves a demand (催告书, CL 35): the term, the manner, for
// money the exact amount and how to pay; it states the party's right to be
// heard. Served in person, or as the Civil Procedure Law provides (CL 38).
type DemandInput struct {
	ServeInput
	Reference string `json:"reference" limit:"200"`
	PerformBy string `json:"perform_by" limit:"10"` // the last day to perform, YYYY-MM-DD
	Manner    string `json:"manner" limit:"2000"`
	Amount    Yuan   `json:"amount,omitempty"`              // money: principal and surcharge demanded
	Payment   string `json:"payment,omitempty" limit:"500"` // money: how to pay
}

func (in *DemandInput) validate() error {
	if err := in.ServeInput.check(nil); err != nil {
		return err
	}
	if err := in.ServeInput.validate(); err != nil {
		return err
	}
	if _, err := time.ParseInLocation(time.DateOnly, in.PerformBy, beijing); err != nil || in.Reference == "" || in.Manner == "" {
		return reject(CodeInvalidInput, "催告书须写明文书编号、履行期限（perform_by，YYYY-MM-DD）和履行方式（行政强制法第三十五条）",
			"a demand states its reference, the term (perform_by, YYYY-MM-DD) and the manner (CL 35)")
	}
	return nil
}

func (in *DemandInput) check(c *ExecutionCase) error {
	if c.Obligation.Kind == "money" && (in.Amount <= 0 || in.Payment == "") {
		return reject(CodeInvalidInput, "涉及金钱给付的，催告书须有明确的金额和给付方式（行政强制法第三十五条第三项）",
			"a demand for money states the exact amount and how to pay (CL 35(3))")
	}
	return nil
}

// DefenceInput records the party's statement and its re-examination (CL 36).
type DefenceInput struct {
	ActBase
	Statement     string `json:"statement" limit:"10000"`
	Reexamination string `json:"reexamination" limit:"5000"`
	Adopted       bool   `json:"adopted,omitempty"`
}

func (in *DefenceInput) validate() error {
	if in.Statement == "" || in.Reexamination == "" {
		return reject(CodeInvalidInput, "须记录当事人的陈述申辩并进行复核（行政强制法第三十六条）", "record the party's statement and its re-examination (CL 36)")
	}
	return nil
}

// ExecutionDecisionInput is the execution decision (CL 37).
type ExecutionDecisionInput struct {
	ActBase
	Reference string `json:"reference" limit:"200"`
	Method    string `json:"method" limit:"16"` // transfer (划拨), auction (拍卖), substitute (代履行), other
	Reasons   string `json:"reasons" limit:"5000"`
	Basis     string `json:"basis" limit:"2000"`
	// Immediate is the evidence that the party is moving or hiding
	// property: the decision may come during the demand (CL 37 ¶2).
	Immediate string `json:"immediate,omitempty" limit:"2000"`
	Performer string `json:"performer,omitempty" limit:"200"` // substitute: who performs (CL 50)
	Budget    Yuan   `json:"budget,omitempty"`                // substitute: its cost budget (CL 51(1))
}

var executionMethods = []string{"transfer", "auction", "substitute", "other"}

func (in *ExecutionDecisionInput) validate() error {
	switch {
	case !slices.Contains(executionMethods, in.Method):
		return reject(CodeInvalidInput, "执行方式须为 %v 之一（行政强制法第十二条）", "method must be one of %v (CL 12)", executionMethods, executionMethods)
	case in.Reference == "" || in.Reasons == "" || in.Basis == "":
		return reject(CodeInvalidInput, "强制执行决定须写明文书编号、理由和依据（行政强制法第三十七条）", "the decision states its reference, reasons and basis (CL 37)")
	case in.Method == "substitute" && (in.Performer == "" || in.Budget <= 0):
		return reject(CodeInvalidInput, "代履行决定书须写明代履行人和代履行费用预算（行政强制法第五十一条第一项）",
			"a substitute performance names its performer and its cost budget (CL 51(1))")
	}
	return nil
}

func (in *ExecutionDecisionInput) check(c *ExecutionCase) error {
	if in.Method == "substitute" && c.Obligation.Kind != "act" {
		return reject(CodeInvalidInput, "代履行只适用于排除妨碍、恢复原状等作为义务（行政强制法第五十条）", "substitute performance is for obligations to act (CL 50)")
	}
	if (in.Method == "transfer" || in.Method == "auction") && c.Obligation.Kind != "money" {
		return reject(CodeInvalidInput, "划拨、拍卖用于金钱给付义务", "transfer and auction are for money obligations")
	}
	if c.Stage == StageDemandTerm && in.Immediate == "" {
		return reject(CodeWindowOpen, "催告期限尚未届满；有证据证明当事人有转移或者隐匿财物迹象的，须写明证据方可立即强制执行（行政强制法第三十七条第二款）",
			"the demand's term has not ended; an immediate decision needs the evidence of hidden or moved property (CL 37 ¶2)")
	}
	return nil
}

// surchargeRun refuses to execute money before the surcharge has run more
// than 30 days (CL 46): from the 31st day after the last day to pay.
func (c *ExecutionCase) surchargeRun(now time.Time) error {
	if c.Obligation.Kind != "money" {
		return nil
	}
	due, _ := time.ParseInLocation(time.DateOnly, c.Obligation.DueDate, beijing)
	if from := due.AddDate(0, 0, 31).Format(time.DateOnly); beijingDay(now) < from {
		return reject(CodeWindowOpen, "加处罚款或者滞纳金超过三十日，经催告仍不履行的，方可强制执行：最早 %s（行政强制法第四十六条）",
			"money is executed only after the surcharge ran more than 30 days and a demand: from %s (CL 46)", from, from)
	}
	return nil
}

// beijingDay is the Beijing date of t, YYYY-MM-DD.
func beijingDay(t time.Time) string { return t.In(beijing).Format(time.DateOnly) }

// ScheduleInput plans an execution.
type ScheduleInput struct {
	ActBase
	At    time.Time `json:"at"`
	Place string    `json:"place" limit:"500"`
	// Urgent is why the execution cannot wait for the day or for a working
	// day (情况紧急, CL 43 ¶1).
	Urgent string `json:"urgent,omitempty" limit:"2000"`
}

// CarryOutInput records an execution carried out now.
type CarryOutInput struct {
	ActBase
	LateEntry
	Method      string   `json:"method" limit:"16"`
	Description string   `json:"description" limit:"10000"`
	Officers    []string `json:"officers" limit:"20" itemlimit:"64"`
	Amount      Yuan     `json:"amount,omitempty"` // money collected (划拨, 拍卖所得)
	Urgent      string   `json:"urgent,omitempty" limit:"2000"`
	// CutsUtilities: the execution stops residents' water, power, heating
	// or gas — never allowed (CL 43 ¶2).
	CutsUtilities bool `json:"cuts_utilities,omitempty"`
	// Complete: the obligation is performed in full by this execution.
	Complete bool `json:"complete,omitempty"`
}

// CoSigners are the officers present, who sign the record.
func (in *CarryOutInput) CoSigners() []string { return in.Officers }

func (in *CarryOutInput) validate() error {
	seen := map[string]bool{}
	for _, o := range in.Officers {
		seen[o] = true
	}
	switch {
	case in.CutsUtilities:
		return reject(CodeInvalidInput, "行政机关不得对居民生活采取停止供水、供电、供热、供燃气等方式迫使当事人履行相关行政决定（行政强制法第四十三条第二款）",
			"an agency may not cut residents' water, power, heating or gas to force performance (CL 43 ¶2)")
	case len(seen) < 2 || !seen[in.Actor.OfficerID]:
		return reject(CodeInvalidInput, "强制执行须由两名以上执法人员实施，实施者在内", "at least two officers carry out an execution, the actor among them")
	case !slices.Contains(executionMethods, in.Method) || in.Description == "":
		return reject(CodeInvalidInput, "须写明执行方式（%v）和执行情况", "the method (%v) and what was done are required", executionMethods, executionMethods)
	}
	return nil
}

func (in *CarryOutInput) check(c *ExecutionCase) error {
	for _, o := range in.Officers {
		if !c.isHandler(o) {
			return reject(CodeNotOnCase, "%s 不是本案办案人员", "%s is not a handling officer of the case", o, o)
		}
	}
	if in.Method != c.Decision.Method {
		return reject(CodeInvalidInput, "执行方式须与强制执行决定一致（%s）", "the method must be the decision's (%s)", c.Decision.Method, c.Decision.Method)
	}
	if in.Method == "substitute" && (c.SubstituteDemand == nil || c.openDeadline(string(limitSubstituteDemand)) != nil) {
		return reject(CodeWindowOpen, "代履行三日前应当催告当事人履行，催告期满当事人仍不履行的方可代履行（行政强制法第五十一条第二项）",
			"substitute performance comes 3 working days after a demand the party did not follow (CL 51(2))")
	}
	return nil
}

// ApplyCourtInput is the application to the people's court (CL 55).
type ApplyCourtInput struct {
	ActBase
	Court     string   `json:"court" limit:"200"`
	Reference string   `json:"reference" limit:"200"`
	Materials []string `json:"materials" limit:"20" itemlimit:"500"`
	// LateReason is the good reason for an application after the 3 months
	// (the court accepts a late one only with it).
	LateReason string `json:"late_reason,omitempty" limit:"2000"`
}

func (in *ApplyCourtInput) validate() error {
	if in.Court == "" || in.Reference == "" || len(in.Materials) == 0 {
		return reject(CodeInvalidInput, "须写明受理法院、申请书编号和所附材料：行政决定书及作出决定的事实、理由、依据，当事人的意见及催告情况，申请强制执行标的情况（行政强制法第五十五条）",
			"the court, the application's reference and its materials are required (CL 55)")
	}
	return nil
}

func (in *ApplyCourtInput) check(c *ExecutionCase) error {
	if d := c.overdue(string(limitCourtApplication)); d != nil && in.LateReason == "" {
		return reject(CodeWindowClosed, "申请人民法院强制执行的期限已于 %s 届满，逾期申请须写明正当理由（late_reason）（行政强制法第五十三条）",
			"the 3 months to apply ended on %s: a late application states its good reason (late_reason) (CL 53)", d.DueDate, d.DueDate)
	}
	return nil
}

// remediesOver refuses an application while the party may still seek
// reconsideration or sue, or an approved deferral runs (CL 53; PL 72 ¶2).
func (c *ExecutionCase) remediesOver(now time.Time) error {
	if end := c.Obligation.remediesEnd(); beijingDay(now) <= end {
		return reject(CodeWindowOpen, "当事人申请行政复议或者提起行政诉讼的期限（及批准的暂缓、分期期限）至 %s 届满，届满后方可申请人民法院强制执行（行政强制法第五十三条）",
			"the party may still seek reconsideration or sue (or the deferral runs) until %s: apply after it (CL 53)", end, end)
	}
	return nil
}

// overdue finds an overdue deadline of the case by key.
func (c *Core) overdue(key string) *casefile.Deadline {
	for i := range c.Deadlines {
		if d := &c.Deadlines[i]; d.Key == key && d.State == casefile.DeadlineOverdue {
			return d
		}
	}
	return nil
}

// CourtInput records the court's acceptance or ruling.
type CourtInput struct {
	ActBase
	Step      string `json:"step" limit:"16"` // accepted (受理, CL 56), enforce (准予执行) or refuse (不予执行, CL 57–58)
	Reference string `json:"reference" limit:"200"`
	On        string `json:"on" limit:"10"` // the day, YYYY-MM-DD
	Note      string `json:"note,omitempty" limit:"5000"`
}

var courtSteps = []string{"accepted", "enforce", "refuse"}

func (in *CourtInput) validate() error {
	if _, err := time.ParseInLocation(time.DateOnly, in.On, beijing); err != nil || !slices.Contains(courtSteps, in.Step) || in.Reference == "" {
		return reject(CodeInvalidInput, "须写明法院的受理或裁定（%v）、文书编号和日期（YYYY-MM-DD）", "step (%v), reference and date (YYYY-MM-DD) are required", courtSteps, courtSteps)
	}
	return nil
}

// PerformanceInput records what the party performed or execution collected.
type PerformanceInput struct {
	ActBase
	Amount      Yuan   `json:"amount,omitempty"`
	Reference   string `json:"reference" limit:"200"` // the bank receipt, the acceptance record
	Description string `json:"description" limit:"5000"`
}

func (in *PerformanceInput) check(c *ExecutionCase) error {
	if in.Reference == "" || in.Description == "" || c.Obligation.Kind == "money" && in.Amount <= 0 {
		return reject(CodeInvalidInput, "须写明履行情况和凭证；金钱给付须写明金额", "the performance, its receipt and, for money, the amount are required")
	}
	return nil
}

// AgreementInput records an execution agreement (CL 42).
type AgreementInput struct {
	ActBase
	Reference string `json:"reference" limit:"200"`
	Terms     string `json:"terms" limit:"10000"` // what the party does, when (in stages)
	// SurchargeWaived is the surcharge reduced or waived because the party
	// remedied (CL 42 ¶1).
	SurchargeWaived Yuan `json:"surcharge_waived,omitempty"`
}

func (in *AgreementInput) validate() error {
	if in.Reference == "" || in.Terms == "" {
		return reject(CodeInvalidInput, "须写明执行协议编号和内容（行政强制法第四十二条）", "the agreement's reference and terms are required (CL 42)")
	}
	return nil
}

// SuspendInput suspends the execution (CL 39).
type SuspendInput struct {
	ActBase
	Ground       string `json:"ground" limit:"16"` // inability, third-party, irreparable, other (CL 39 ¶1(1)–(4))
	Reason       string `json:"reason" limit:"5000"`
	NoSocialHarm bool   `json:"no_social_harm,omitempty"` // no evident harm to society (CL 39 ¶2)
}

var suspensionGrounds = []string{"inability", "third-party", "irreparable", "other"}

func (in *SuspendInput) validate() error {
	if !slices.Contains(suspensionGrounds, in.Ground) || in.Reason == "" {
		return reject(CodeInvalidInput, "中止执行须写明情形（%v）和理由（行政强制法第三十九条）", "ground (%v) and reason are required (CL 39)", suspensionGrounds, suspensionGrounds)
	}
	return nil
}

// TerminateInput ends the execution (CL 40).
type TerminateInput struct {
	ActBase
	Ground string `json:"ground" limit:"16"` // death, dissolved, no-property, revoked, other (CL 40(1)–(5))
	Reason string `json:"reason" limit:"5000"`
}

var terminationGrounds = []string{"death", "dissolved", "no-property", "revoked", "other"}

func (in *TerminateInput) validate() error {
	if !slices.Contains(terminationGrounds, in.Ground) || in.Reason == "" {
		return reject(CodeInvalidInput, "终结执行须写明情形（%v）和理由（行政强制法第四十条）", "ground (%v) and reason are required (CL 40)", terminationGrounds, terminationGrounds)
	}
	return nil
}

// checkExecutionTime refuses an execution at night (22:00–06:00, 噪声污染防治法
// 第八十八条) or on a day that is not a working day, unless urgent (CL 43 ¶1).
// 法定节假日 is read as the days off: the holidays of the State Council's
// arrangement and the weekly rest days; a make-up working day is a working day.
func checkExecutionTime(ctx workflow.Context, at time.Time, urgent string) error {
	if urgent != "" {
		return nil
	}
	local := at.In(beijing)
	if h := local.Hour(); h < 6 || h >= 22 {
		return reject(CodeInvalidInput, "不得在夜间（22时至次日6时）实施行政强制执行，情况紧急的除外，须写明紧急情况（行政强制法第四十三条第一款）",
			"no execution at night (22:00–06:00) unless urgent: state why (CL 43 ¶1)")
	}
	var kind string
	day := local.Format(time.DateOnly)
	retry := &temporal.RetryPolicy{NonRetryableErrorTypes: []string{CodeCalendarMissing, CodeInvalidInput}}
	if err := runActivity(ctx, DayKindActivity, 30*time.Second, retry, day, &kind); err != nil {
		if RejectionCode(err) == CodeCalendarMissing {
			return reject(CodeCalendarMissing, "无法判断 %s 是否为法定节假日：%v", "cannot tell whether %s is a holiday: %v", day, err, day, err)
		}
		return err
	}
	if kind == "holiday" || kind == "weekend" {
		return reject(CodeInvalidInput, "%s 为法定节假日，不得实施行政强制执行，情况紧急的除外，须写明紧急情况（行政强制法第四十三条第一款）",
			"%s is a statutory holiday or rest day: no execution unless urgent, state why (CL 43 ¶1)", day, day)
	}
	return nil
}

// ended closes the execution.
func (c *ExecutionCase) ended(r *Run[*ExecutionCase], how, ground, reason string, now time.Time) {
	for _, k := range []LimitKey{limitDemandTerm, limitCourtWait, limitCourtApplication, limitSubstituteDemand, limitLapse} {
		r.meet(string(k), now)
	}
	if n := len(c.Suspensions); n > 0 && c.Suspensions[n-1].To == nil {
		c.Suspensions[n-1].To = &now
	}
	c.End = &Ending{How: how, Ground: ground, Reason: reason, At: now}
	c.Stage, c.Outcome, c.ClosedAt = StageEnded, how, &now
}

// afterDemand is the stage once the demand's term (and, for the court,
// the 10 working days) have passed.
func (c *ExecutionCase) afterDemand() Stage {
	switch {
	case c.openDeadline(string(limitDemandTerm)) != nil:
		return StageDemandTerm
	case c.Path == PathSelf:
		return StageExecutionDecision
	case c.openDeadline(string(limitCourtWait)) != nil:
		return StageDemandTerm
	}
	return StageCourtApplication
}

// performed adds up the money performed.
func (c *ExecutionCase) performed() Yuan {
	var total Yuan
	for _, p := range c.Performances {
		total += p.Amount
	}
	for _, e := range c.Enforcements {
		total += e.Amount
	}
	return total
}

var openExecutionStages = []Stage{StageDemand, StageDemandTerm, StageExecutionDecision, StageExecuting, StageCourtApplication, StageCourt, StageAgreement}

var compulsoryExecution *Procedure[*ExecutionCase]

func init() {
	compulsoryExecution = register(&Procedure[*ExecutionCase]{
		ID: ProcedureExecution, Workflow: "CompulsoryExecution", Title: "行政强制执行", Kinds: []string{"compulsory-execution"}, Default: true,
		Stages: []Stage{StageDemand, StageDemandTerm, StageExecutionDecision, StageExecuting, StageCourtApplication, StageCourt, StageAgreement, StageSuspended, StageEnded},
		Names: map[Stage]string{StageDemand: "催告", StageDemandTerm: "催告期间", StageExecutionDecision: "作出强制执行决定", StageExecuting: "强制执行",
			StageCourtApplication: "申请人民法院强制执行", StageCourt: "法院审查", StageAgreement: "履行执行协议", StageSuspended: "中止执行", StageEnded: "已结束"},
		Closed: StageEnded,
		Decided: func(c *ExecutionCase) *time.Time {
			if c.Decision == nil {
				return nil
			}
			return &c.Decision.At
		},
		Limits: map[LimitKey]Limit{
			limitDemandTerm:            {0, casefile.Days, "CL 35", "催告书载明的履行期限 / the demand's term", true},
			limitCourtWait:             {10, casefile.Workdays, "CL 54, 69; SAMR 76", "催告书送达十个工作日后方可申请法院强制执行 / 10 working days after the demand", true},
			limitCourtApplication:      {3, casefile.Months, "CL 53; PL 72 ¶2; SAMR 76", "申请人民法院强制执行 / apply to the court", false},
			limitSubstituteDemand:      {3, casefile.Workdays, "CL 51(2), 69", "代履行三日前催告 / the demand before substitute performance", true},
			limitLapse:                 {3, casefile.Years, "CL 39 ¶2", "中止执行满三年不再执行 / 3 years suspended", true},
			limitRemedyReconsideration: {60, casefile.Days, "行政复议法第二十条", "申请行政复议期限 / reconsideration", true},
			limitRemedyLawsuit:         {6, casefile.Months, "行政诉讼法第四十六条", "提起行政诉讼期限 / lawsuit", true},
		},
		New:     func() *ExecutionCase { return &ExecutionCase{} },
		Tasks:   (*ExecutionCase).stageTasks,
		Carried: func(c *ExecutionCase) *ExecutionCase { return c },
		Opening: checkExecutionOpening,
		Expired: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, d casefile.Deadline, now time.Time) (casefile.Act, string) {
			r.meet(d.Key, now)
			switch d.Step {
			case string(limitLapse):
				c.ended(r, "lapsed", "inability", "中止执行满三年未恢复执行", now)
				return "execution-lapsed", "中止执行满三年未恢复执行，当事人确无能力履行且没有明显社会危害，不再执行（行政强制法第三十九条第二款）"
			case string(limitSubstituteDemand):
				return "substitute-demand-expired", "代履行催告期满，当事人仍未履行，可以代履行（行政强制法第五十一条第二项）"
			case string(limitCourtWait):
				if c.Stage == StageDemandTerm {
					c.Stage = c.afterDemand()
				}
				return "court-wait-expired", "催告书送达已满十个工作日（行政强制法第五十四条）"
			default: // the demand's term
				if c.Stage == StageDemandTerm {
					c.Stage = c.afterDemand()
				}
				return "demand-expired", fmt.Sprintf("催告期限 %s 届满，当事人未履行（行政强制法第三十七条、第五十四条）", d.DueDate)
			}
		},
		Acts: append([]ActSpec[*ExecutionCase]{
			{Act: ActOpenCase, Name: "强制执行立案", Opening: true, Certificate: true, New: func() Input { return &OpenCaseInput{} },
				Check: func(c *ExecutionCase, in Input) error { return checkExecutionOpening(in.(*OpenCaseInput)) },
				Apply: openExecution},
			{Act: ActServeDemand, Name: "送达催告书", Who: Handlers, Certificate: true, Stages: []Stage{StageDemand},
				New: func() Input { return &DemandInput{} }, Check: func(c *ExecutionCase, in Input) error { return in.(*DemandInput).check(c) },
				Apply: serveDemand},
			{Act: ActRecordDefence, Name: "记录陈述申辩并复核", Who: Handlers, Certificate: true,
				Stages: []Stage{StageDemandTerm, StageExecutionDecision, StageCourtApplication, StageExecuting},
				New:    func() Input { return &DefenceInput{} },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					d := in.(*DefenceInput)
					c.Defences = append(c.Defences, Defence{Statement: d.Statement, Reexamination: d.Reexamination, Adopted: d.Adopted, At: now})
					if d.Adopted {
						return "记录当事人陈述申辩，经复核事实、理由或者证据成立，予以采纳（行政强制法第三十六条）：" + d.Reexamination, nil
					}
					return "记录当事人陈述申辩，经复核不予采纳（行政强制法第三十六条）：" + d.Reexamination, nil
				}},
			{Act: ActDecideExecution, Name: "作出强制执行决定", Stages: []Stage{StageDemandTerm, StageExecutionDecision},
				Who: NotHandlers, Refusal: [2]string{"强制执行决定由行政机关负责人作出", "the head makes the execution decision"},
				Guard: selfOnly, New: func() Input { return &ExecutionDecisionInput{} },
				Check: func(c *ExecutionCase, in Input) error { return in.(*ExecutionDecisionInput).check(c) },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					d := in.(*ExecutionDecisionInput)
					if err := c.surchargeRun(now); err != nil {
						return "", err
					}
					if c.Stage == StageDemandTerm {
						r.meet(string(limitDemandTerm), now)
					}
					c.Decision = &ExecutionDecision{Reference: d.Reference, Method: d.Method, Reasons: d.Reasons, Basis: d.Basis, Immediate: d.Immediate,
						Performer: d.Performer, Budget: d.Budget, DeciderID: d.Actor.OfficerID, At: now}
					c.Stage = StageExecuting
					if d.Immediate != "" {
						return fmt.Sprintf("当事人有转移或者隐匿财物迹象，作出立即强制执行决定（%s，%s）（行政强制法第三十七条第二款）：%s", d.Reference, executionMethodName[d.Method], d.Immediate), nil
					}
					if d.Method == "substitute" {
						return fmt.Sprintf("作出代履行决定（%s），代履行人 %s，费用预算 %s 元，由当事人承担（行政强制法第五十条、第五十一条）", d.Reference, d.Performer, d.Budget), nil
					}
					return fmt.Sprintf("作出强制执行决定（%s，%s）（行政强制法第三十七条）", d.Reference, executionMethodName[d.Method]), nil
				}},
			{Act: ActServeSubstituteDemand, Name: "代履行前催告", Who: Handlers, Certificate: true, Stages: []Stage{StageExecuting},
				Guard: func(c *ExecutionCase, _ string) error {
					if c.Decision == nil || c.Decision.Method != "substitute" || c.SubstituteDemand != nil {
						return reject(CodeWrongStep, "没有待催告的代履行", "no substitute performance awaits its demand")
					}
					return nil
				},
				New: func() Input { return &DemandInput{} }, Check: func(c *ExecutionCase, in Input) error { return in.(*DemandInput).check(c) },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					dm := in.(*DemandInput)
					at, err := dm.effective(now, now)
					if err != nil {
						return "", err
					}
					d, err := r.deadline(ctx, string(limitSubstituteDemand), limitSubstituteDemand, at)
					if err != nil {
						return "", err
					}
					c.SubstituteDemand = &Demand{Reference: dm.Reference, PerformBy: dm.PerformBy, Manner: dm.Manner, Method: dm.Method, ServedAt: at}
					r.open(ctx, d)
					return fmt.Sprintf("代履行前催告当事人履行（%s），%s 后当事人仍不履行的，实施代履行（行政强制法第五十一条第二项）", dm.Reference, d.DueDate), nil
				}},
			{Act: ActScheduleExecution, Name: "安排强制执行", Who: Handlers, Certificate: true, Stages: []Stage{StageExecuting},
				New: func() Input { return &ScheduleInput{} },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					s := in.(*ScheduleInput)
					if s.Place == "" || !s.At.After(now) {
						return "", reject(CodeInvalidInput, "须写明执行的时间（晚于现在）和地点", "a time after now and the place are required")
					}
					if err := checkExecutionTime(ctx, s.At, s.Urgent); err != nil {
						return "", err
					}
					c.Schedules = append(c.Schedules, ExecutionSchedule{At: s.At, Place: s.Place, Urgent: s.Urgent, Recorded: now})
					return fmt.Sprintf("安排于 %s 在 %s 实施强制执行", s.At.In(beijing).Format("2006-01-02 15:04"), s.Place), nil
				}},
			{Act: ActCarryOutExecution, Name: "实施强制执行", Who: Handlers, Certificate: true, Stages: []Stage{StageExecuting},
				New: func() Input { return &CarryOutInput{} }, Check: func(c *ExecutionCase, in Input) error { return in.(*CarryOutInput).check(c) },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					e := in.(*CarryOutInput)
					if err := checkExecutionTime(ctx, now, e.Urgent); err != nil {
						return "", err
					}
					c.Enforcements = append(c.Enforcements, Enforcement{Method: e.Method, Description: e.Description, Officers: e.Officers, Amount: e.Amount, Urgent: e.Urgent, At: now})
					summary := fmt.Sprintf("实施强制执行（%s）：%s", executionMethodName[e.Method], e.Description)
					if e.Complete || c.Obligation.Kind == "money" && c.performed() >= c.Obligation.Amount {
						c.ended(r, "executed", "", e.Description, now)
						summary += "；义务已全部执行完毕"
					}
					return summary, nil
				}},
			{Act: ActApplyToCourt, Name: "申请人民法院强制执行", Stages: []Stage{StageCourtApplication},
				Who: NotHandlers, Refusal: [2]string{"强制执行申请书由行政机关负责人签名（行政强制法第五十五条）", "the head signs the application (CL 55)"},
				New: func() Input { return &ApplyCourtInput{} }, Check: func(c *ExecutionCase, in Input) error { return in.(*ApplyCourtInput).check(c) },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					a := in.(*ApplyCourtInput)
					if err := c.remediesOver(now); err != nil {
						return "", err
					}
					r.meet(string(limitCourtApplication), now)
					c.Application = &CourtApplication{Court: a.Court, Reference: a.Reference, Materials: a.Materials, SignedBy: a.Actor.OfficerID, LateReason: a.LateReason, At: now}
					c.Stage = StageCourt
					if a.LateReason != "" {
						return fmt.Sprintf("逾期向%s申请强制执行（%s），理由：%s", a.Court, a.Reference, a.LateReason), nil
					}
					return fmt.Sprintf("向%s申请强制执行（%s），申请书由负责人签名（行政强制法第五十五条）", a.Court, a.Reference), nil
				}},
			{Act: ActRecordCourt, Name: "记录法院受理或裁定", Who: Handlers, Certificate: true, Stages: []Stage{StageCourt},
				New: func() Input { return &CourtInput{} },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					s := in.(*CourtInput)
					c.Court = append(c.Court, CourtStep{Step: s.Step, Reference: s.Reference, On: s.On, Note: s.Note, At: now})
					return fmt.Sprintf("人民法院%s（%s，%s）%s", courtStepName[s.Step], s.Reference, s.On, s.Note), nil
				}},
			{Act: ActRecordPerformance, Name: "记录履行", Who: Handlers, Certificate: true, Stages: openExecutionStages,
				New: func() Input { return &PerformanceInput{} }, Check: func(c *ExecutionCase, in Input) error { return in.(*PerformanceInput).check(c) },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					p := in.(*PerformanceInput)
					c.Performances = append(c.Performances, Performance{Amount: p.Amount, Reference: p.Reference, Description: p.Description, At: now})
					if c.Obligation.Kind == "money" && c.performed() < c.Obligation.Amount {
						return fmt.Sprintf("当事人履行 %s 元（%s），尚欠 %s 元", p.Amount, p.Reference, c.Obligation.Amount-c.performed()), nil
					}
					c.ended(r, "performed", "", p.Description, now)
					return fmt.Sprintf("当事人已履行义务（%s），执行终结（行政强制法第四十条）", p.Reference), nil
				}},
			{Act: ActRecordAgreement, Name: "达成执行协议", Stages: []Stage{StageDemandTerm, StageExecutionDecision, StageExecuting},
				Who: NotHandlers, Refusal: [2]string{"执行协议由行政机关负责人批准", "the head approves an execution agreement"},
				Guard: selfOnly, New: func() Input { return &AgreementInput{} },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					a := in.(*AgreementInput)
					c.Agreement = &Agreement{Reference: a.Reference, Terms: a.Terms, SurchargeWaived: a.SurchargeWaived, At: now}
					c.Resume, c.Stage = c.Stage, StageAgreement
					return fmt.Sprintf("与当事人达成执行协议（%s）：%s（行政强制法第四十二条）", a.Reference, a.Terms), nil
				}},
			{Act: ActSuspendExecution, Name: "中止执行", Stages: openExecutionStages,
				Who: NotHandlers, Refusal: [2]string{"中止执行由行政机关负责人决定", "the head suspends an execution"},
				New: func() Input { return &SuspendInput{} },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					s := in.(*SuspendInput)
					summary := fmt.Sprintf("中止执行（%s）：%s（行政强制法第三十九条）", suspensionName[s.Ground], s.Reason)
					if s.Ground == "inability" && s.NoSocialHarm {
						d, err := r.deadline(ctx, string(limitLapse), limitLapse, now)
						if err != nil {
							return "", err
						}
						r.open(ctx, d)
						summary += fmt.Sprintf("；满三年（%s）未恢复执行的，不再执行", d.DueDate)
					}
					c.Suspensions = append(c.Suspensions, ExecutionPause{Ground: s.Ground, Reason: s.Reason, NoSocialHarm: s.NoSocialHarm, From: now})
					c.Resume, c.Stage = c.Stage, StageSuspended
					return summary, nil
				}},
			{Act: ActResumeExecution, Name: "恢复执行", Stages: []Stage{StageSuspended, StageAgreement},
				Who: NotHandlers, Refusal: [2]string{"恢复执行由行政机关负责人决定", "the head resumes an execution"},
				New: newExecutionReason, Check: checkExecutionReason,
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					reason := in.(*ReasonInput).Opinion
					r.meet(string(limitLapse), now)
					agreement := c.Stage == StageAgreement
					c.Stage = c.Resume
					if c.Stage == StageDemandTerm {
						c.Stage = c.afterDemand() // the demand's term may have ended meanwhile
					}
					if agreement {
						return "当事人不履行执行协议，恢复强制执行（行政强制法第四十二条第二款）：" + reason, nil
					}
					c.Suspensions[len(c.Suspensions)-1].To = &now
					return "中止执行的情形消失，恢复执行（行政强制法第三十九条第二款）：" + reason, nil
				}},
			{Act: ActTerminateExecution, Name: "终结执行", Stages: append([]Stage{StageSuspended}, openExecutionStages...),
				Who: NotHandlers, Refusal: [2]string{"终结执行由行政机关负责人决定", "the head terminates an execution"},
				New: func() Input { return &TerminateInput{} },
				Apply: func(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
					t := in.(*TerminateInput)
					c.ended(r, "terminated", t.Ground, t.Reason, now)
					summary := fmt.Sprintf("终结执行（%s）：%s（行政强制法第四十条）", terminationName[t.Ground], t.Reason)
					if t.Ground == "revoked" {
						summary += "；已执行的财物应当退还或者给予赔偿（行政强制法第四十一条）"
					}
					return summary, nil
				}},
		}, SharedActs[*ExecutionCase]()...),
	})
}

// CompulsoryExecution is the workflow of one compulsory execution.
func CompulsoryExecution(ctx workflow.Context, in OpenCaseInput) (ActResult, error) {
	return run(ctx, compulsoryExecution, in)
}

var (
	executionMethodName = map[string]string{"transfer": "划拨", "auction": "拍卖", "substitute": "代履行", "other": "其他方式"}
	courtStepName       = map[string]string{"accepted": "受理强制执行申请", "enforce": "裁定准予执行", "refuse": "裁定不予执行"}
	suspensionName      = map[string]string{"inability": "当事人履行确有困难或者暂无履行能力", "third-party": "第三人对执行标的主张权利，确有理由",
		"irreparable": "执行可能造成难以弥补的损失，且中止执行不损害公共利益", "other": "其他情形"}
	terminationName = map[string]string{"death": "公民死亡，无遗产可供执行，又无义务承受人", "dissolved": "法人或者其他组织终止，无财产可供执行，又无义务承受人",
		"no-property": "执行标的灭失", "revoked": "据以执行的行政决定被撤销", "other": "其他情形"}
)

// selfOnly refuses an act of the agency's own execution on the court path.
func selfOnly(c *ExecutionCase, _ string) error {
	if c.Path == PathCourt {
		return reject(CodeWrongStep, "本机关没有行政强制执行权，应当申请人民法院强制执行（行政强制法第十三条第二款、第五十三条）",
			"this agency has no execution power: it applies to the people's court (CL 13 ¶2, 53)")
	}
	return nil
}

func newExecutionReason() Input { return &ReasonInput{} }

func checkExecutionReason(_ *ExecutionCase, in Input) error { return in.(*ReasonInput).check(nil) }

// checkExecutionOpening checks an application on its own: the officers
// and the obligation executed.
func checkExecutionOpening(in *OpenCaseInput) error {
	if in.Obligation == nil {
		return reject(CodeInvalidInput, "须写明所执行的义务（obligation），或从未履行的处罚案件移交（linked_case）", "the obligation executed, or the penalty case it comes from (linked_case), is required")
	}
	if err := in.Obligation.validate(); err != nil {
		return err
	}
	// No limitation period: the decision executed was made in time.
	return in.checkPeople()
}

// openExecution opens the case: the path by the agency's rule pack and,
// for the court, the 3 months to apply from the end of the remedies.
func openExecution(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
	o := *in.(*OpenCaseInput).Obligation
	rules, err := loadRules(ctx, c.AgencyID, now)
	if err != nil {
		return "", err
	}
	c.Obligation, c.Path, c.RulesVersion = o, PathCourt, rules.Version
	if rules.ExecutionPower {
		c.Path = PathSelf
	}
	var apply casefile.Deadline
	if c.Path == PathCourt {
		if o.RemedyPending {
			return "", reject(CodeInvalidInput, "当事人已申请行政复议或者提起行政诉讼，不能申请人民法院强制执行该决定（行政强制法第五十三条）",
				"the party sought reconsideration or sued: the decision cannot go to the court for execution now (CL 53)")
		}
		served, _ := time.ParseInLocation(time.DateOnly, o.ServedOn, beijing)
		if c.Obligation.ReconsiderationBy == "" {
			d, err := r.deadline(ctx, string(limitRemedyReconsideration), limitRemedyReconsideration, served)
			if err != nil {
				return "", err
			}
			c.Obligation.ReconsiderationBy = d.DueDate
		}
		if c.Obligation.LawsuitBy == "" {
			d, err := r.deadline(ctx, string(limitRemedyLawsuit), limitRemedyLawsuit, served)
			if err != nil {
				return "", err
			}
			c.Obligation.LawsuitBy = d.DueDate
		}
		from, _ := time.ParseInLocation(time.DateOnly, c.Obligation.remediesEnd(), beijing)
		if apply, err = r.deadline(ctx, string(limitCourtApplication), limitCourtApplication, from); err != nil {
			return "", err
		}
	}
	if err := r.opened(ctx, now); err != nil {
		return "", err
	}
	if c.Path == PathSelf {
		return fmt.Sprintf("行政强制执行立案：%s，当事人 %s，由本机关依法强制执行（行政强制法第三十四条）", o.Decision, c.Party.Name), nil
	}
	r.open(ctx, apply)
	return fmt.Sprintf("行政强制执行立案：%s，当事人 %s；本机关无强制执行权，应于 %s 后、%s 前申请人民法院强制执行（行政强制法第五十三条）",
		o.Decision, c.Party.Name, c.Obligation.remediesEnd(), apply.DueDate), nil
}

// serveDemand serves the demand: the party's term, and for the court the
// 10 working days before an application.
func serveDemand(r *Run[*ExecutionCase], ctx workflow.Context, c *ExecutionCase, in Input, now time.Time) (string, error) {
	dm := in.(*DemandInput)
	at, err := dm.effective(now, now)
	if err != nil {
		return "", err
	}
	by, _ := time.ParseInLocation(time.DateOnly, dm.PerformBy, beijing)
	if !by.After(at) {
		return "", reject(CodeInvalidInput, "履行期限须晚于催告书送达之日", "the term must end after the demand is served")
	}
	term := r.until(string(limitDemandTerm), limitDemandTerm, at, by)
	var wait casefile.Deadline
	if c.Path == PathCourt {
		if wait, err = r.deadline(ctx, string(limitCourtWait), limitCourtWait, at); err != nil {
			return "", err
		}
	}
	c.Demand = &Demand{Reference: dm.Reference, PerformBy: dm.PerformBy, Manner: dm.Manner, Amount: dm.Amount, Payment: dm.Payment, Method: dm.Method, ServedAt: at}
	c.Stage = StageDemandTerm
	r.open(ctx, term)
	if c.Path == PathSelf {
		return fmt.Sprintf("送达催告书（%s），限当事人于 %s 前履行（行政强制法第三十五条）", dm.Reference, dm.PerformBy), nil
	}
	r.open(ctx, wait)
	return fmt.Sprintf("送达催告书（%s），限当事人于 %s 前履行；%s 后方可申请人民法院强制执行（行政强制法第五十四条）", dm.Reference, dm.PerformBy, wait.DueDate), nil
}

// stageTasks lists who must act next.
func (c *ExecutionCase) stageTasks() []casefile.Task {
	t := newTasks(compulsoryExecution, &c.Core)
	switch c.Stage {
	case StageDemand:
		t.officers("demand", string(limitCourtApplication), ActServeDemand)
	case StageExecutionDecision:
		t.role("execution-decision", "approval", casefile.RoleHead, "", ActDecideExecution)
	case StageExecuting:
		if c.Decision != nil && c.Decision.Method == "substitute" && c.SubstituteDemand == nil {
			t.officers("substitute-demand", "", ActServeSubstituteDemand)
		} else {
			t.officers("executing", "", ActCarryOutExecution)
		}
	case StageCourtApplication:
		t.role("court-application", "approval", casefile.RoleHead, string(limitCourtApplication), ActApplyToCourt)
	case StageCourt:
		t.officers("court", "", ActRecordCourt, ActRecordPerformance)
	case StageAgreement:
		t.officers("agreement", "", ActRecordPerformance)
	case StageSuspended:
		t.role("suspended", "approval", casefile.RoleHead, string(limitLapse), ActResumeExecution, ActTerminateExecution)
	}
	return t.out
}

// Tasks lists who must act next.
func (c *ExecutionCase) Tasks() []casefile.Task { return compulsoryExecution.tasks(c) }
