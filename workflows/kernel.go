package workflows

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

// The kernel runs any declared procedure: one Update per act with a
// validator (an illegal act never enters history), each accepted act
// handled under the case mutex, deadlines as timers, the hash-chained
// record written through an activity, continue-as-new for long cases.

// Run is one running case of procedure S: its state plus what only the
// running code needs.
type Run[S State] struct {
	p      *Procedure[S]
	s      S
	mu     workflow.Mutex
	timers map[string]workflow.CancelFunc
	// recorded is the case as the record last stored it, field by field:
	// each act sends only what changed since.
	recorded map[string]json.RawMessage
	// clean is the case as JSON while nothing has changed it since (nil
	// when unsure): what the last record stored, or what a failed act
	// restored. It is the copy an act keeps to restore on failure, without
	// encoding the case again. Every change outside an act goes through a
	// record (recordSystem), and a record sets clean, or, refused, clears it.
	clean []byte
	// updates are the IDs of the acts performed, this run and the last.
	updates []string
}

func (r *Run[S]) c() *Core { return r.s.core() }

// A run continues as new well before Temporal's limits (50 MB, 51,200
// events per run; warnings at a fifth of that): a case of any length keeps
// each run's history under a tenth of them.
const (
	continueAfterEvents = 2500
	continueAfterBytes  = 2_500_000
	// keptUpdateIDs bounds the act IDs handed to the next run.
	keptUpdateIDs = 2000
)

// workflowFunc is the workflow that runs the procedure's cases.
func (p *Procedure[S]) workflowFunc() func(workflow.Context, OpenCaseInput) (ActResult, error) {
	return func(ctx workflow.Context, in OpenCaseInput) (ActResult, error) { return run(ctx, p, in) }
}

// run is the workflow of one case. Its input is the application to open
// it; the opening act records it. A long case continues as new with its
// state, timers and act IDs (in.Carry).
func run[S State](ctx workflow.Context, p *Procedure[S], in OpenCaseInput) (ActResult, error) {
	r := &Run[S]{p: p, s: p.New(), mu: workflow.NewMutex(ctx), timers: map[string]workflow.CancelFunc{}, recorded: map[string]json.RawMessage{}}
	if in.Carry != nil {
		if err := json.Unmarshal(in.Carry.State, r.s); err != nil {
			return ActResult{}, fmt.Errorf("continued case: %w", err)
		}
		r.updates = in.Carry.Updates
		fields, err := stateFields(r.s)
		if err != nil {
			return ActResult{}, err
		}
		r.recorded = fields
	} else {
		*r.c() = Core{ID: in.CaseID, Procedure: p.ID, AgencyID: in.AgencyID, AgencyName: in.AgencyName,
			PowerItem: in.PowerItem, Party: in.Party, Facts: in.Facts, Source: in.Source, LinkedCase: in.LinkedCase, DiscoveredAt: in.DiscoveredAt, ActDate: in.ActDate, GraveHarm: in.GraveHarm, Officers: in.Officers,
			Stage: p.Stages[0], Deadlines: []casefile.Deadline{},
			Recusals: []Recusal{}, Recused: []string{}, FormerOfficers: []Officer{}, LapsedCertificates: []string{}}
	}
	if err := workflow.SetQueryHandler(ctx, StateQuery, func() (S, error) { return r.s, nil }); err != nil {
		return ActResult{}, err
	}
	r.register(ctx)
	r.watchOfficers(ctx)
	if in.Carry == nil {
		// The API opens a case with update-with-start; a workflow whose
		// application never arrived (or was refused) ends instead of waiting forever.
		if opened, err := workflow.AwaitWithTimeout(ctx, time.Hour, func() bool { return r.c().Seq > 0 }); err != nil || !opened {
			return r.result(), err
		}
	} else {
		r.syncTimers(ctx)
		for _, o := range r.c().Officers {
			if !slices.Contains(r.c().LapsedCertificates, o.ID) {
				r.watchCertificate(ctx, o)
			}
		}
	}
	for {
		err := workflow.Await(ctx, func() bool {
			return (r.c().Stage == p.Closed || continueSuggested(ctx)) && workflow.AllHandlersFinished(ctx)
		})
		if err != nil {
			return r.result(), err
		}
		if r.c().Stage == p.Closed {
			// A timer may have closed the case (a freeze the bank ends):
			// its record is written under the mutex before the run ends.
			if err := r.mu.Lock(ctx); err != nil {
				return r.result(), err
			}
			r.mu.Unlock()
			break
		}
		// Hand over only between acts: no act and no timer's record in flight.
		if err := r.mu.Lock(ctx); err != nil {
			return r.result(), err
		}
		if !workflow.AllHandlersFinished(ctx) {
			r.mu.Unlock()
			continue
		}
		state, err := json.Marshal(p.Carried(r.s))
		if err != nil {
			return r.result(), err
		}
		updates := r.updates[max(0, len(r.updates)-keptUpdateIDs):]
		return r.result(), workflow.NewContinueAsNewError(ctx, p.Workflow, OpenCaseInput{Carry: &Carry{State: state, Updates: updates}})
	}
	for _, key := range slices.Sorted(maps.Keys(r.timers)) {
		r.timers[key]()
	}
	return r.result(), nil
}

func continueSuggested(ctx workflow.Context) bool {
	info := workflow.GetInfo(ctx)
	return info.GetContinueAsNewSuggested() || info.GetCurrentHistoryLength() >= continueAfterEvents ||
		info.GetCurrentHistorySize() >= continueAfterBytes
}

func (r *Run[S]) result() ActResult { return ActResult{Seq: r.c().Seq, Stage: string(r.c().Stage)} }

// register installs one Update per act: the validator checks the input's
// limits, May and the input's own check, so an illegal act is refused
// before it enters history. An act whose ID was already performed (in this
// run or, across a continue-as-new, the last) is accepted and does nothing.
func (r *Run[S]) register(ctx workflow.Context) {
	for i := range r.p.Acts {
		spec := &r.p.Acts[i]
		handler := func(ctx workflow.Context, raw json.RawMessage) (ActResult, error) {
			if r.performed(ctx) {
				return r.result(), nil
			}
			in := spec.New()
			if err := json.Unmarshal(raw, in); err != nil {
				return r.result(), reject(CodeInvalidInput, "输入格式错误：%v", "malformed input: %v", err, err)
			}
			return r.handle(ctx, spec, in)
		}
		validator := func(ctx workflow.Context, raw json.RawMessage) error {
			if r.performed(ctx) {
				return nil
			}
			in := spec.New()
			if err := json.Unmarshal(raw, in); err != nil {
				return reject(CodeInvalidInput, "输入格式错误：%v", "malformed input: %v", err, err)
			}
			// The input's own rules (limits, required fields) are checked
			// here only: validators do not run on replay, so these rules can
			// change without breaking the cases that ran under older ones.
			if err := checkLimits(in); err != nil {
				return err
			}
			if err := r.check(spec, in); err != nil {
				return err
			}
			if spec.LegalReview {
				if s := in.base().Actor.LegalStanding; s != "qualified" && s != "experienced" {
					return reject(CodeReviewerUnqualified, "初次从事行政处罚决定法制审核的人员，应当取得法律职业资格（行政处罚法第五十八条第二款）",
						"a first-time legal reviewer of penalty decisions must hold the legal professional qualification (PL 58 ¶2)")
				}
			}
			if err := validateLate(in); err != nil {
				return err
			}
			if _, err := checkLate(r.c(), in, r.decided(), workflow.Now(ctx)); err != nil {
				return err
			}
			if v, ok := in.(interface{ validate() error }); ok {
				return v.validate()
			}
			return nil
		}
		if err := workflow.SetUpdateHandlerWithOptions(ctx, string(spec.Act), handler, workflow.UpdateHandlerOptions{Validator: validator}); err != nil {
			panic(fmt.Sprintf("register update %s: %v", spec.Act, err)) // programming error: duplicate name
		}
	}
}

// performed tells whether the current act's ID was performed before.
func (r *Run[S]) performed(ctx workflow.Context) bool {
	info := workflow.GetCurrentUpdateInfo(ctx)
	return info != nil && info.ID != "" && slices.Contains(r.updates, info.ID)
}

// check is what depends on the case: whether the actor may do the act now
// and the input's rules against the case's state. The handler checks it
// again under the mutex, as another act may have landed since validation.
func (r *Run[S]) check(spec *ActSpec[S], in Input) error {
	if err := r.p.mayAs(r.s, spec.Act, in.base().Actor); err != nil {
		return err
	}
	if spec.Check != nil {
		return spec.Check(r.s, in)
	}
	return nil
}

// handle runs one accepted act under the case mutex: re-check (another act
// may have landed since validation), apply, record. If anything fails the
// case is as it was before the act.
func (r *Run[S]) handle(ctx workflow.Context, spec *ActSpec[S], in Input) (ActResult, error) {
	if err := r.mu.Lock(ctx); err != nil {
		return r.result(), err
	}
	defer r.mu.Unlock()
	if err := r.check(spec, in); err != nil {
		return r.result(), err
	}
	before := r.clean
	if before == nil {
		var err error
		if before, err = json.Marshal(r.s); err != nil {
			return r.result(), err
		}
	}
	now := workflow.Now(ctx)
	// A late entry (late_entry.go) takes effect from when it took place;
	// the validator checked it, and another act may have landed since.
	effective, err := checkLate(r.c(), in, r.decided(), now)
	if err != nil {
		return r.result(), err
	}
	summary, err := spec.Apply(r, ctx, r.s, in, effective)
	if err == nil {
		if lateOf(in) != nil {
			r.c().LateEntries++
		}
		err = r.record(ctx, spec.Act, in.base().Actor, now, summary, in)
	}
	if err != nil {
		r.restore(ctx, before)
		return r.result(), err
	}
	if info := workflow.GetCurrentUpdateInfo(ctx); info != nil && info.ID != "" {
		r.updates = append(r.updates, info.ID)
	}
	return r.result(), nil
}

// decided is when the case's decision was made, nil before.
func (r *Run[S]) decided() *time.Time {
	if r.p.Decided == nil {
		return nil
	}
	return r.p.Decided(r.s)
}

// restore puts the case back as it was before a failed act, timers included.
func (r *Run[S]) restore(ctx workflow.Context, before []byte) {
	s := r.p.New()
	if err := json.Unmarshal(before, s); err != nil {
		panic(fmt.Sprintf("restore case %s: %v", r.c().ID, err)) // it was marshalled from the state a moment ago
	}
	r.s, r.clean = s, before
	r.syncTimers(ctx)
}

// system is the actor of what the workflow does by itself.
var system = Actor{OfficerID: "system", Name: "系统"}

// recordSystem records what the workflow did by itself. Should the record
// refuse it, the change stays in the case and reaches the record with the
// next act's changes; only the event line is missing, and the log says so.
func (r *Run[S]) recordSystem(ctx workflow.Context, act casefile.Act, summary string, data any) {
	if err := r.record(ctx, act, system, workflow.Now(ctx), summary, data); err != nil {
		workflow.GetLogger(ctx).Error("system event not recorded", "caseID", r.c().ID, "act", act, "error", err)
	}
}

// record appends an event to the hash chain and writes the record through
// the activity: the event, what changed in the case (never the whole case)
// and the tasks. A database that is down is retried until it answers, so an
// accepted act is never lost; a record the database refuses for good
// (record_refused) fails the act, and the caller restores the case.
func (r *Run[S]) record(ctx workflow.Context, act casefile.Act, actor Actor, now time.Time, summary string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	c := r.c()
	seq, last := c.Seq+1, c.LastHash
	// Databases keep microseconds (PostgreSQL); the hash must cover what is stored.
	ev := casefile.Event{CaseID: c.ID, Seq: seq, Act: string(act), ActorID: actor.OfficerID, ActorName: actor.Name,
		Certificate: actor.Certificate, At: now.UTC().Truncate(time.Microsecond), Summary: clip(summary, summaryLimit), Data: raw, PrevHash: last}
	markLate(&ev, data)
	ev.Hash = ev.ComputeHash()
	c.Seq, c.LastHash = seq, ev.Hash
	snapshot, err := json.Marshal(r.s)
	if err != nil {
		return err
	}
	fields, err := casefile.Fields(snapshot)
	if err != nil {
		return err
	}
	local := locally(ctx)
	var changes []casefile.Change
	if local {
		// The store writes the whole case and reads of the changes only
		// which fields changed, and which deadlines.
		changes = casefile.DiffItemising(r.recorded, fields, "deadlines")
	} else {
		changes = casefile.Diff(r.recorded, fields)
	}
	rec := casefile.Record{
		Case: casefile.Summary{ID: c.ID, Number: c.Number, Procedure: c.Procedure, AgencyID: c.AgencyID,
			PowerItemCode: c.PowerItem.Code, PartyName: c.Party.Name, Stage: string(c.Stage), Closed: c.Stage == r.p.Closed, LinkedCase: c.LinkedCase,
			LateEntries: c.LateEntries},
		Changes: changes, Event: ev, Tasks: r.p.tasks(r.s), Deadlines: changedDeadlines(c.Deadlines, changes),
	}
	if local {
		rec.Snapshot = snapshot // a local activity's input is not in history
	}
	r.clean = nil
	// Unlimited attempts: an accepted act is never lost.
	retry := &temporal.RetryPolicy{MaximumInterval: 30 * time.Second, NonRetryableErrorTypes: []string{CodeRecordRefused}}
	if err := runActivity(ctx, RecordActivity, 30*time.Second, retry, rec, nil); err != nil {
		c.Seq, c.LastHash = seq-1, last
		if RejectionCode(err) == CodeRecordRefused {
			return reject(CodeRecordRefused, "该行为的记录无法保存，本次办理未生效，请检查所填内容后重试", "the record of this act could not be stored; nothing was done — check the input and try again")
		}
		return err
	}
	r.recorded, r.clean = fields, snapshot
	r.publishSearch(ctx) // number, stage and overdue flag as recorded (search.go)
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
	rs := []rune(s)
	return string(rs[:n-1]) + "…"
}

// stateFields is the state as JSON, field by field.
func stateFields(s any) (map[string]json.RawMessage, error) {
	raw, err := json.Marshal(s)
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

// allocateNumber gives the case its number through the activity.
func allocateNumber(ctx workflow.Context, caseID, agencyID string, now time.Time) (string, error) {
	var number string
	err := runActivity(ctx, AllocateCaseNumberActivity, 30*time.Second, nil, AllocateCaseNumberInput{CaseID: caseID, AgencyID: agencyID, At: now}, &number)
	return number, err
}

// localActivities versions the activities an act runs: local activities,
// run by the worker inside the act's own workflow task, instead of tasks
// the engine schedules, persists and hands out one by one. An act is then
// one workflow task, not two plus an activity task; the activities are the
// same functions, idempotent as before. Cases started before keep their
// scheduled activities on replay.
const localActivities = "local-activities"

// retryFor bounds the retries of a local activity: in effect never (a
// record waits for the database however long it is down).
const retryFor = 10 * 365 * 24 * time.Hour

// locally tells whether the case runs its acts' activities as local
// activities (every case started since the change; runActivity).
func locally(ctx workflow.Context) bool {
	return workflow.GetVersion(ctx, localActivities, workflow.DefaultVersion, 1) == 1
}

// runActivity runs an activity of an act: locally for the cases the
// version allows, scheduled otherwise. retry nil is the default policy.
func runActivity(ctx workflow.Context, name string, timeout time.Duration, retry *temporal.RetryPolicy, in, out any) error {
	var f workflow.Future
	if locally(ctx) {
		// Retried as long as a scheduled activity would be: without a
		// limit of its own a local activity stops retrying after one timeout.
		ctx = workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{StartToCloseTimeout: timeout, ScheduleToCloseTimeout: retryFor, RetryPolicy: retry})
		f = workflow.ExecuteLocalActivity(ctx, name, in)
	} else {
		ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: timeout, RetryPolicy: retry})
		f = workflow.ExecuteActivity(ctx, name, in)
	}
	if out == nil {
		return f.Get(ctx, nil)
	}
	return f.Get(ctx, out)
}

// deadlines computes new deadlines, one per limit, each keyed by its
// limit's name; nothing changes yet.
func (r *Run[S]) deadlines(ctx workflow.Context, now time.Time, keys ...LimitKey) ([]casefile.Deadline, error) {
	var out []casefile.Deadline
	for _, k := range keys {
		d, err := r.deadline(ctx, string(k), k, now)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// tasks builds a case's task list.
type tasks struct {
	c    *Core
	name func(casefile.Act) string
	out  []casefile.Task
}

func newTasks[S State](p *Procedure[S], c *Core) *tasks { return &tasks{c: c, name: p.ActName} }

// role adds a task for anyone holding role at the case's agency.
func (t *tasks) role(key, kind string, role casefile.Role, dueKey string, acts ...casefile.Act) {
	t.out = append(t.out, casefile.Task{Key: key, Kind: kind, Role: string(role), Acts: actStrings(acts), Title: t.title(acts), DueAt: t.c.due(dueKey)})
}

// officers adds a step for each handling officer.
func (t *tasks) officers(key, dueKey string, acts ...casefile.Act) {
	for _, o := range t.c.Officers {
		t.out = append(t.out, casefile.Task{Key: key, Kind: "step", Role: string(casefile.RoleOfficer), Assignee: o.ID,
			Acts: actStrings(acts), Title: t.title(acts), DueAt: t.c.due(dueKey)})
	}
}

func (t *tasks) title(acts []casefile.Act) string {
	names := make([]string, len(acts))
	for i, a := range acts {
		names[i] = t.name(a)
	}
	return strings.Join(names, " / ")
}

// actStrings names a task's acts.
func actStrings(acts []casefile.Act) []string {
	out := make([]string, len(acts))
	for i, a := range acts {
		out[i] = string(a)
	}
	return out
}
