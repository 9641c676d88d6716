package workflows

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// A procedure is a declared value: its stages, its time limits (one table,
// each with its article), its state and one ActSpec per act. The kernel
// (kernel.go) runs any such declaration; each procedure is one file that
// declares itself and registers in init. Nothing outside that file names
// a procedure: the worker, the API and the permission list iterate All().

// Stage is a step of a procedure.
type Stage string

// Who says who, among the people the policy lets act, may do an act as far
// as the case's own history decides.
type Who int

const (
	// Anyone: the policy's role check is all (e.g. the head approves filing).
	Anyone Who = iota
	// Handlers: only the case's handling officers (办案人员).
	Handlers
	// NotHandlers: anyone but a person who is or ever was a handling officer
	// of the case, reassigned away included (办审定分离; SAMR 49 ¶3; PL 64(4)).
	NotHandlers
)

// ActSpec declares one act of a procedure.
type ActSpec[S State] struct {
	Act  casefile.Act
	Name string // the act's Chinese name
	New  func() Input
	Who  Who
	// Refusal says why, in Chinese and English, when Who is NotHandlers
	// and a handler tries.
	Refusal [2]string
	// Certificate: the actor needs a certificate valid now for the case's
	// field (PL 42, 76(5)); the API finds it, the kernel requires it.
	Certificate bool
	// LegalReview marks a legal review (法制审核): a first-time reviewer
	// needs the legal professional qualification (PL 58 ¶2).
	LegalReview bool
	// Opening marks the act that opens a case (the first and only the first).
	Opening bool
	// Stages are where the act is possible; empty means any stage before
	// the case is closed.
	Stages []Stage
	// Guard runs before the stage check, for refusals that say more than
	// "wrong step" (e.g. no decision without a passed review).
	Guard func(s S, actor string) error
	// After runs after the stage and Who checks.
	After func(s S, actor string) error
	// Check is the input's own rules against the case.
	Check func(s S, in Input) error
	// Apply performs the accepted act: it computes the deadlines it needs
	// first (that can fail without changing anything), then changes the
	// state and returns the summary of the event it records.
	Apply func(r *Run[S], ctx workflow.Context, s S, in Input, now time.Time) (string, error)
}

// State is a procedure's case state: a struct that embeds Core.
type State interface {
	core() *Core
}

// Procedure declares a procedure.
type Procedure[S State] struct {
	ID       string // the procedure's name in the record, e.g. general-penalty
	Workflow string // the workflow type, e.g. GeneralPenalty
	Title    string // its Chinese name, e.g. 一般程序
	// Kinds are the power item kinds (权力事项类别) it serves.
	Kinds []string
	// Default: the procedure a case of those kinds gets unless the caller
	// asks for another.
	Default bool
	Stages  []Stage
	Names   map[Stage]string // the stages' Chinese names
	Closed  Stage
	Limits  map[LimitKey]Limit
	Acts    []ActSpec[S]
	// New returns an empty state.
	New func() S
	// Tasks lists who must act next, by the procedure's own steps; the
	// kernel adds the tasks every procedure shares.
	Tasks func(s S) []casefile.Task
	// Carried is the state as handed to the next run (continue-as-new),
	// with the long texts that no rule reads again left in the record.
	Carried func(s S) S
	// Opening checks an application to open a case on its own.
	Opening func(in *OpenCaseInput) error
	// Decided is when the case's decision was made, nil before: nothing
	// that took place before it may be entered late (late_entry.go).
	Decided func(s S) *time.Time
	// Expired says what happens when a window (a Limit with
	// Window) runs out, and returns the event to record.
	Expired func(r *Run[S], ctx workflow.Context, s S, d casefile.Deadline, now time.Time) (act casefile.Act, summary string)
}

func (p *Procedure[S]) spec(act casefile.Act) (*ActSpec[S], bool) {
	for i := range p.Acts {
		if p.Acts[i].Act == act {
			return &p.Acts[i], true
		}
	}
	return nil, false
}

// May tells whether the actor may perform act on the case now, as far as
// the case's own state and history decide (the role is Casbin's concern).
// It is the validator of every act and what lists the acts open to a caller.
func (p *Procedure[S]) May(s S, act casefile.Act, actor string) error {
	c := s.core()
	spec, ok := p.spec(act)
	if !ok {
		return reject(CodeWrongStep, "未知的执法行为 %s", "unknown act %s", act, act)
	}
	if slices.Contains(c.Recused, actor) {
		return reject(CodeRecused, "您已回避，不得再办理本案（行政处罚法第四十三条）", "you are recused from this case (PL 43)")
	}
	if spec.Opening {
		if c.Seq != 0 {
			return p.wrongStep(c, act)
		}
		return nil
	}
	if c.Seq == 0 {
		return p.wrongStep(c, act)
	}
	if spec.Guard != nil {
		if err := spec.Guard(s, actor); err != nil {
			return err
		}
	}
	if !p.atStage(spec, c.Stage) {
		return p.wrongStep(c, act)
	}
	switch spec.Who {
	case Handlers:
		if !c.isHandler(actor) {
			return reject(CodeNotOnCase, "只有本案办案人员可以办理此步骤", "only the case's handling officers may do this")
		}
	case NotHandlers:
		if c.everHandler(actor) {
			return reject(CodeSeparationOfDuties, spec.Refusal[0], spec.Refusal[1])
		}
	}
	if spec.After != nil {
		return spec.After(s, actor)
	}
	return nil
}

// mayAs is May plus what the actor brings: an act that needs a certificate
// needs the one the API found valid for this case's field at this moment.
func (p *Procedure[S]) mayAs(s S, act casefile.Act, actor Actor) error {
	if err := p.May(s, act, actor.OfficerID); err != nil {
		return err
	}
	if spec, _ := p.spec(act); spec.Certificate && actor.Certificate == "" {
		return reject(CodeNoCertificate, "您没有涵盖本案领域的有效行政执法证件（行政处罚法第四十二条）", "you hold no valid enforcement certificate for this case's field (PL 42)")
	}
	return nil
}

func (p *Procedure[S]) wrongStep(c *Core, act casefile.Act) error {
	return reject(CodeWrongStep, "案件当前处于「%s」环节，不能办理「%s」", "the case is at step %q; %q is not possible now",
		p.Names[c.Stage], p.ActName(act), c.Stage, act)
}

// atStage tells whether spec's act belongs to stage: one of its stages, or
// any stage but the closed one when it names none.
func (p *Procedure[S]) atStage(spec *ActSpec[S], stage Stage) bool {
	if len(spec.Stages) == 0 {
		return stage != p.Closed
	}
	return slices.Contains(spec.Stages, stage)
}

// Available lists the acts the officer may perform now as far as the case
// decides; the API intersects it with what policy allows the caller. The
// acts of other stages are passed over before May, which would explain
// each refusal in words no one reads here.
func (p *Procedure[S]) Available(s S, officerID string) []casefile.Act {
	var out []casefile.Act
	for i := range p.Acts {
		spec := &p.Acts[i]
		if !spec.Opening && p.atStage(spec, s.core().Stage) && p.May(s, spec.Act, officerID) == nil {
			out = append(out, spec.Act)
		}
	}
	return out
}

// ActName is the Chinese name of an act of the procedure.
func (p *Procedure[S]) ActName(act casefile.Act) string {
	if spec, ok := p.spec(act); ok {
		return spec.Name
	}
	return string(act)
}

// tasks is the procedure's tasks and those every procedure shares.
func (p *Procedure[S]) tasks(s S) []casefile.Task {
	if s.core().Stage == p.Closed {
		return nil // a closed case waits for nobody
	}
	return append(p.Tasks(s), s.core().sharedTasks(p.ActName)...)
}

// Registered is a procedure as the worker and the API see it.
type Registered interface {
	// Name is the procedure's name in the record (Summary.Procedure).
	Name() string
	// WorkflowName is the workflow type that runs its cases.
	WorkflowName() string
	// Workflow is the workflow function, for a worker to register.
	Workflow() any
	Title() string
	// Serves tells whether the procedure serves power items of kind.
	Serves(kind string) bool
	IsDefault() bool
	Stages() []Stage
	ActList() []casefile.Act
	// NewInput returns an empty input for act, or false.
	NewInput(act casefile.Act) (Input, bool)
	// LegalReview tells whether act is a legal review, whose reviewer's
	// standing the API must give (Actor.LegalStanding, PL 58 ¶2).
	LegalReview(act casefile.Act) bool
	// CheckOpening checks an application on its own, as the opening act will.
	CheckOpening(in *OpenCaseInput) error
	// View reads a case's snapshot.
	View(snapshot json.RawMessage) (View, error)
}

// View is a case as the API reads it from its snapshot.
type View interface {
	// AvailableActs lists what the officer may do now, as far as the case decides.
	AvailableActs(officerID string) []casefile.Act
	// Field is the field (领域) of the case's power item.
	Field() string
	// Party is the party to the case.
	Party() Party
	ActName(act casefile.Act) string
	// Surcharge is the late-payment surcharge accrued by asOf (PL 72(1)),
	// for a procedure that has one.
	Surcharge(asOf time.Time) (Yuan, bool)
	// DecisionClock is the decision limit as of asOf (days used, left out
	// and left), for a procedure that has one; nil otherwise.
	DecisionClock(asOf time.Time) *Clock
	// Obligation is what the case hands over to compulsory execution as of
	// asOf (an unpaid fine past its due date), or why it has none.
	Obligation(asOf time.Time) (*Obligation, error)
}

// Name is the procedure's name in the record.
func (p *Procedure[S]) Name() string { return p.ID }

// WorkflowName is the workflow type.
func (p *Procedure[S]) WorkflowName() string { return p.Workflow }

// Serves tells whether the procedure serves power items of kind.
func (p *Procedure[S]) Serves(kind string) bool { return slices.Contains(p.Kinds, kind) }

// IsDefault tells whether the procedure is its kinds' default.
func (p *Procedure[S]) IsDefault() bool { return p.Default }

// ActList lists the acts in order, the opening act first.
func (p *Procedure[S]) ActList() []casefile.Act {
	out := make([]casefile.Act, len(p.Acts))
	for i, a := range p.Acts {
		out[i] = a.Act
	}
	return out
}

// NewInput returns an empty input for act.
func (p *Procedure[S]) NewInput(act casefile.Act) (Input, bool) {
	spec, ok := p.spec(act)
	if !ok {
		return nil, false
	}
	return spec.New(), true
}

// LegalReview tells whether act is a legal review (PL 58 ¶2).
func (p *Procedure[S]) LegalReview(act casefile.Act) bool {
	spec, ok := p.spec(act)
	return ok && spec.LegalReview
}

// CheckOpening checks an application on its own.
func (p *Procedure[S]) CheckOpening(in *OpenCaseInput) error {
	if err := checkLimits(in); err != nil {
		return err
	}
	return p.Opening(in)
}

type view[S State] struct {
	p *Procedure[S]
	s S
}

func (v view[S]) AvailableActs(officerID string) []casefile.Act { return v.p.Available(v.s, officerID) }
func (v view[S]) Field() string                                 { return v.s.core().PowerItem.Field }
func (v view[S]) Party() Party                                  { return v.s.core().Party }
func (v view[S]) ActName(act casefile.Act) string               { return v.p.ActName(act) }

func (v view[S]) DecisionClock(asOf time.Time) *Clock {
	if m, ok := any(v.s).(interface{ DecisionClock(time.Time) *Clock }); ok {
		return m.DecisionClock(asOf)
	}
	return nil
}

func (v view[S]) Obligation(asOf time.Time) (*Obligation, error) {
	if m, ok := any(v.s).(interface {
		Obligation(time.Time) (*Obligation, error)
	}); ok {
		return m.Obligation(asOf)
	}
	return nil, reject(CodeWrongStep, "该案件没有可移交强制执行的义务", "this case has no obligation to hand over to execution")
}

func (v view[S]) Surcharge(asOf time.Time) (Yuan, bool) {
	if m, ok := any(v.s).(interface{ Surcharge(time.Time) Yuan }); ok {
		return m.Surcharge(asOf), true
	}
	return 0, false
}

// View reads a case's snapshot.
func (p *Procedure[S]) View(snapshot json.RawMessage) (View, error) {
	s := p.New()
	if err := json.Unmarshal(snapshot, s); err != nil {
		return nil, fmt.Errorf("%s snapshot: %w", p.ID, err)
	}
	return view[S]{p, s}, nil
}

// registry holds every procedure, in the order they registered.
var registry []Registered

// register adds a procedure; each procedure's file calls it in init.
func register[S State](p *Procedure[S]) *Procedure[S] {
	for _, r := range registry {
		if r.Name() == p.ID || r.WorkflowName() == p.Workflow {
			panic("workflows: procedure registered twice: " + p.ID)
		}
	}
	registry = append(registry, registeredProcedure[S]{p})
	slices.SortFunc(registry, func(a, b Registered) int { return strings.Compare(a.Name(), b.Name()) })
	return p
}

// registeredProcedure adapts a Procedure to Registered (its Stages is the
// declared field, not a method).
type registeredProcedure[S State] struct{ *Procedure[S] }

func (r registeredProcedure[S]) Stages() []Stage { return r.Procedure.Stages }
func (r registeredProcedure[S]) Title() string   { return r.Procedure.Title }
func (r registeredProcedure[S]) Workflow() any   { return r.workflowFunc() }

// All lists every procedure.
func All() []Registered { return slices.Clone(registry) }

// ByName returns the procedure of that name.
func ByName(name string) (Registered, bool) {
	for _, r := range registry {
		if r.Name() == name {
			return r, true
		}
	}
	return nil, false
}

// ForKind chooses the procedure for a case under a power item of kind:
// the one asked for (by name) if it serves that kind, otherwise the kind's
// default.
func ForKind(kind, asked string) (Registered, error) {
	for _, r := range registry {
		if r.Serves(kind) && (asked == r.Name() || asked == "" && r.IsDefault()) {
			return r, nil
		}
	}
	if asked != "" {
		return nil, reject(CodeInvalidInput, "该事项不能适用 %s 程序", "procedure %s does not serve power items of kind %s", asked, asked, kind)
	}
	return nil, reject(CodeInvalidInput, "该事项没有可适用的办案程序", "no procedure serves power items of kind %s", kind)
}

// Acts lists every act of every procedure: what policy.csv may name.
func Acts() []casefile.Act {
	var out []casefile.Act
	for _, r := range registry {
		for _, a := range r.ActList() {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// AllStages lists every stage of every procedure.
func AllStages() []Stage {
	var out []Stage
	for _, r := range registry {
		for _, s := range r.Stages() {
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// Register registers the workflow of every procedure on a worker.
func Register(w worker.WorkflowRegistry) {
	for _, r := range registry {
		w.RegisterWorkflowWithOptions(r.Workflow(), workflow.RegisterOptions{Name: r.WorkflowName()})
	}
}
