package workflows

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// Deadlines: each step with a time limit gets a deadline, computed once by
// an activity on the holiday calendar (workflow code never reads it) and
// watched by a timer that marks it overdue, or closes a party's window.
// A deadline can be met, paused and resumed (the time paused does not
// count: the due moment moves by it), extended by an approved act, and its
// timer is re-armed whenever its due moment moves.

// LimitKey names a time limit of a procedure. Procedures declare their keys
// as constants, so a misspelt limit does not compile.
type LimitKey string

// Limit is a time limit with its article.
type Limit struct {
	Amount int
	Unit   casefile.Unit
	Basis  string // the article, e.g. "SAMR 55"
	Title  string
	// Window marks a party's time limit: when it runs out nothing is
	// overdue; the procedure's Expired says what happens.
	Window bool
}

// deadline computes a new deadline through the activity; nothing changes yet.
func (r *Run[S]) deadline(ctx workflow.Context, key string, step LimitKey, start time.Time) (casefile.Deadline, error) {
	l, ok := r.p.Limits[step]
	if !ok {
		return casefile.Deadline{}, fmt.Errorf("procedure %s has no time limit %q", r.p.ID, step)
	}
	res, err := computeDeadline(ctx, r.compute(start, l.Amount, l.Unit, string(step)), l.Title)
	if err != nil {
		return casefile.Deadline{}, err
	}
	return casefile.Deadline{Key: key, Step: string(step), Title: l.Title, Basis: l.Basis, Unit: l.Unit, Amount: l.Amount,
		StartAt: start, DueDate: res.DueDate, DueAt: res.DueAt, WarnAt: res.WarnAt, State: casefile.DeadlineOpen, Window: l.Window}, nil
}

// compute is the activity's input for a deadline of the case: the warning
// follows the step's in the agency's rule pack.
func (r *Run[S]) compute(start time.Time, amount int, unit casefile.Unit, step string) ComputeDeadlineInput {
	return ComputeDeadlineInput{Start: start, Amount: amount, Unit: string(unit), AgencyID: r.c().AgencyID, Step: step}
}

func computeDeadline(ctx workflow.Context, in ComputeDeadlineInput, title string) (ComputeDeadlineResult, error) {
	var res ComputeDeadlineResult
	err := runActivity(ctx, ComputeDeadlineActivity, 30*time.Second, &temporal.RetryPolicy{NonRetryableErrorTypes: []string{CodeCalendarMissing}}, in, &res)
	if err != nil && RejectionCode(err) == CodeCalendarMissing {
		return res, reject(CodeCalendarMissing, "无法计算「%s」期限：%v", "cannot compute the %s deadline: %v", title, err, title, err)
	}
	return res, err
}

// until is a deadline whose last day the act fixes (e.g. the term a demand
// sets, CL 35): it passes at 24:00 that day; the warning starts the day.
func (r *Run[S]) until(key string, step LimitKey, start, last time.Time) casefile.Deadline {
	l := r.p.Limits[step]
	y, m, d := last.In(beijing).Date()
	due := time.Date(y, m, d+1, 0, 0, 0, 0, beijing)
	return casefile.Deadline{Key: key, Step: string(step), Title: l.Title, Basis: l.Basis, Unit: casefile.Days, Amount: beijingDays(start, last),
		StartAt: start, DueDate: last.In(beijing).Format(time.DateOnly), DueAt: due, WarnAt: laterOf(due.Add(-24*time.Hour), start),
		State: casefile.DeadlineOpen, Window: l.Window}
}

func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// open adds a deadline to the case and arms its timer.
func (r *Run[S]) open(ctx workflow.Context, d casefile.Deadline) {
	r.c().Deadlines = append(r.c().Deadlines, d)
	r.arm(ctx, d)
}

// arm starts the timer of an open deadline, replacing any timer of its key.
func (r *Run[S]) arm(ctx workflow.Context, d casefile.Deadline) {
	if cancel, ok := r.timers[d.Key]; ok {
		cancel()
	}
	tctx, cancel := workflow.WithCancel(ctx)
	r.timers[d.Key] = cancel
	workflow.Go(tctx, func(tctx workflow.Context) {
		wait := max(d.DueAt.Sub(workflow.Now(tctx)), time.Millisecond)
		if err := workflow.NewTimer(tctx, wait).Get(tctx, nil); err != nil {
			return // cancelled: the deadline was met, paused or moved
		}
		r.expire(tctx, d.Key)
	})
}

// open finds an open deadline of the case by key.
func (c *Core) openDeadline(key string) *casefile.Deadline {
	for i := range c.Deadlines {
		if d := &c.Deadlines[i]; d.Key == key && d.State == casefile.DeadlineOpen {
			return d
		}
	}
	return nil
}

// meet marks a deadline met and disarms its timer.
func (r *Run[S]) meet(key string, now time.Time) {
	for i := range r.c().Deadlines {
		d := &r.c().Deadlines[i]
		if d.Key == key && d.State == casefile.DeadlineOpen {
			d.State, d.MetAt = casefile.DeadlineMet, &now
		}
	}
	r.disarm(key)
}

func (r *Run[S]) disarm(key string) {
	if cancel, ok := r.timers[key]; ok {
		cancel()
		delete(r.timers, key)
	}
}

// pause stops a deadline's clock (e.g. while a hearing or an appraisal
// runs): it stays open but cannot run out until resumed.
func (r *Run[S]) pause(key string, now time.Time) bool {
	d := r.c().openDeadline(key)
	if d == nil || d.PausedAt != nil {
		return false
	}
	d.PausedAt = &now
	r.disarm(key)
	return true
}

// resume restarts a paused deadline's clock: the time it was paused does
// not count. A calendar-day deadline leaves out the whole days it was
// paused and its last day is computed again from its start (so a last day
// once moved past a holiday does not carry the move); any other moves by
// the time paused.
func (r *Run[S]) resume(ctx workflow.Context, key string, now time.Time) (bool, error) {
	d := r.c().openDeadline(key)
	if d == nil || d.PausedAt == nil {
		return false, nil
	}
	paused := now.Sub(*d.PausedAt)
	if days := beijingDays(*d.PausedAt, now); d.Unit == casefile.Days {
		if err := r.recompute(ctx, d, days); err != nil {
			return false, err
		}
	} else {
		d.DueAt, d.WarnAt = d.DueAt.Add(paused), d.WarnAt.Add(paused)
		d.DueDate = d.DueAt.Add(-time.Nanosecond).In(beijing).Format(time.DateOnly)
	}
	d.Paused += paused
	d.PausedAt = nil
	r.arm(ctx, *d)
	return true, nil
}

// recompute sets a deadline's last day from its start: its amount, its
// extensions in its own unit and its excluded days, plus more excluded days.
// A last day fixed outright moves by the days excluded since it was fixed.
func (r *Run[S]) recompute(ctx workflow.Context, d *casefile.Deadline, moreExcluded int) error {
	start, total := d.StartAt, d.Amount+d.Excluded+moreExcluded
	for _, e := range d.Extensions {
		total += e.Amount
	}
	if i := slices.IndexFunc(d.Extensions, func(e casefile.Extension) bool { return e.Until != "" }); i >= 0 {
		last := d.Extensions[len(d.Extensions)-1]
		for _, e := range d.Extensions[i:] {
			if e.Until != "" {
				last = e
			}
		}
		day, err := time.ParseInLocation(time.DateOnly, last.Until, beijing)
		if err != nil {
			return err
		}
		start, total = day.Add(12*time.Hour), d.Excluded+moreExcluded-last.Excluded
	}
	res, err := computeDeadline(ctx, r.compute(start, total, d.Unit, d.Step), d.Title)
	if err != nil {
		return err
	}
	d.Excluded += moreExcluded
	d.DueDate, d.DueAt, d.WarnAt = res.DueDate, res.DueAt, res.WarnAt
	return nil
}

// fixed tells whether an extension fixed the deadline's last day outright.
func fixed(d *casefile.Deadline) bool {
	return slices.ContainsFunc(d.Extensions, func(e casefile.Extension) bool { return e.Until != "" })
}

// beijingDays counts the Beijing days from a's to b's.
func beijingDays(a, b time.Time) int {
	ay, am, ad := a.In(beijing).Date()
	by, bm, bd := b.In(beijing).Date()
	return int(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC).Sub(time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
}

// extend moves an open deadline's last day by amount units (an extension
// approved by an act, e.g. the head's): in its own unit it is counted with
// the rest from the start; in another, from its current last day.
func (r *Run[S]) extend(ctx workflow.Context, key string, amount int, unit casefile.Unit, basis string) error {
	d := r.c().openDeadline(key)
	if d == nil {
		return reject(CodeWrongStep, "没有可延长的该期限", "no open deadline %s to extend", key, key)
	}
	if unit == d.Unit && !fixed(d) {
		d.Extensions = append(d.Extensions, casefile.Extension{Amount: amount, Unit: unit, Basis: basis})
		if err := r.recompute(ctx, d, 0); err != nil {
			return err
		}
	} else {
		res, err := computeDeadline(ctx, r.compute(d.DueAt.Add(-time.Nanosecond), amount, unit, d.Step), d.Title)
		if err != nil {
			return err
		}
		d.DueDate, d.DueAt, d.WarnAt = res.DueDate, res.DueAt, res.WarnAt
		d.Extensions = append(d.Extensions, casefile.Extension{Amount: amount, Unit: unit, Basis: basis})
	}
	if d.PausedAt == nil {
		r.arm(ctx, *d)
	}
	return nil
}

// extendTo fixes an open deadline's last day outright (e.g. the new term
// the heads' collective discussion sets, SAMR 64); the warning keeps its
// distance from the end.
func (r *Run[S]) extendTo(ctx workflow.Context, key string, last time.Time, basis string) error {
	d := r.c().openDeadline(key)
	if d == nil {
		return reject(CodeWrongStep, "没有可延长的该期限", "no open deadline %s to extend", key, key)
	}
	y, m, day := last.In(beijing).Date()
	due := time.Date(y, m, day+1, 0, 0, 0, 0, beijing)
	d.WarnAt = due.Add(d.WarnAt.Sub(d.DueAt))
	d.DueAt, d.DueDate = due, last.In(beijing).Format(time.DateOnly)
	d.Extensions = append(d.Extensions, casefile.Extension{Unit: casefile.Days, Basis: basis, Until: d.DueDate, Excluded: d.Excluded})
	if d.PausedAt == nil {
		r.arm(ctx, *d)
	}
	return nil
}

// beijing is the time zone of every legal date (no daylight saving since 1991).
var beijing = time.FixedZone("Asia/Shanghai", 8*3600)

// expire runs when a deadline's time passes: an agency deadline becomes
// overdue; a party's window closes as the procedure says.
func (r *Run[S]) expire(ctx workflow.Context, key string) {
	if err := r.mu.Lock(ctx); err != nil {
		return
	}
	defer r.mu.Unlock()
	delete(r.timers, key)
	now := workflow.Now(ctx)
	d := r.c().openDeadline(key)
	if d == nil || d.PausedAt != nil {
		return
	}
	if d.Window && r.p.Expired != nil {
		act, summary := r.p.Expired(r, ctx, r.s, *d, now)
		r.recordSystem(ctx, act, summary, *d)
		return
	}
	d.State, d.OverdueAt = casefile.DeadlineOverdue, &now
	r.recordSystem(ctx, "deadline-overdue", fmt.Sprintf("「%s」期限已于 %s 届满，已逾期（%s）", d.Title, d.DueDate, d.Basis), *d)
}

// syncTimers makes the armed deadline timers match the case's open,
// running deadlines: after a restore, and at the start of a continued run.
func (r *Run[S]) syncTimers(ctx workflow.Context) {
	running := map[string]bool{}
	for _, d := range r.c().Deadlines {
		if d.State == casefile.DeadlineOpen && d.PausedAt == nil {
			running[d.Key] = true
		}
	}
	for _, key := range slices.Sorted(maps.Keys(r.timers)) {
		if !strings.HasPrefix(key, certificateTimer) && !running[key] {
			r.timers[key]()
			delete(r.timers, key)
		}
	}
	for _, d := range r.c().Deadlines {
		if running[d.Key] && r.timers[d.Key] == nil {
			r.arm(ctx, d)
		}
	}
}

// due is the due moment of a deadline of the case, if it has one.
func (c *Core) due(key string) *time.Time {
	if d := c.openDeadline(key); d != nil {
		t := d.DueAt
		return &t
	}
	for _, d := range c.Deadlines {
		if d.Key == key {
			t := d.DueAt
			return &t
		}
	}
	return nil
}
