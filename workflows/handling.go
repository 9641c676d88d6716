package workflows

// What every procedure shares about people: the handling officers and
// their certificates (PL 42), recusal (回避, PL 43; SAMR 4) and
// reassignment by the head, and separation of handling, review and decision
// (办审定分离). Each procedure appends SharedActs to its own acts.

import (
	"fmt"
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// Acts every procedure has.
const (
	ActApplyRecusal     casefile.Act = "apply-recusal"     // 回避申请 by the party or an officer (PL 43)
	ActDecideRecusal    casefile.Act = "decide-recusal"    // 回避决定 by the right person (PL 43; SAMR 4)
	ActReassignOfficers casefile.Act = "reassign-officers" // the head replaces handling officers (PL 42)
)

// Core is what every case has, whatever its procedure. A procedure's state
// embeds it, so its fields sit at the top of the case's JSON.
type Core struct {
	ID         string    `json:"id"`
	Number     string    `json:"number"`
	Procedure  string    `json:"procedure"`
	AgencyID   string    `json:"agency_id"`
	AgencyName string    `json:"agency_name"`
	PowerItem  PowerItem `json:"power_item"`
	Party      Party     `json:"party"`
	Facts      string    `json:"facts"`
	Source     string    `json:"source,omitempty"`
	// LinkedCase is the case this one belongs to (a seizure in a penalty
	// case, the execution of its unpaid fine).
	LinkedCase string `json:"linked_case,omitempty"`
	// DiscoveredAt is when the clue was discovered or the materials
	// received (SAMR 18); nil when the application did not say.
	DiscoveredAt *time.Time `json:"discovered_at,omitempty"`
	// ActDate is the day the act occurred or ended (PL 36); GraveHarm, that
	// it harmed life, health or financial security.
	ActDate   string    `json:"act_date,omitempty"`
	GraveHarm bool      `json:"grave_harm,omitempty"`
	Officers  []Officer `json:"officers"`
	Stage     Stage     `json:"stage"`
	OpenedAt  time.Time `json:"opened_at"`

	ClosedAt *time.Time `json:"closed_at,omitempty"`
	Outcome  string     `json:"outcome,omitempty"`

	Recusals []Recusal `json:"recusals"`
	// Recused are people recused from the case: they can do nothing more on it.
	Recused []string `json:"recused"`
	// FormerOfficers were handling officers until recused or reassigned.
	FormerOfficers []Officer `json:"former_officers"`
	// LapsedCertificates are handling officers whose certificate expired
	// during the case (PL 42: they may not act until reassigned or renewed).
	LapsedCertificates []string `json:"lapsed_certificates"`

	Deadlines []casefile.Deadline `json:"deadlines"`
	// LateEntries counts the acts entered after they took place (补录).
	LateEntries int    `json:"late_entries,omitempty"`
	Seq         int    `json:"seq"`
	LastHash    string `json:"last_hash"`
}

func (c *Core) core() *Core { return c }

// Recusal is an application for recusal (回避申请) and its decision.
type Recusal struct {
	ID           int        `json:"id"`
	Target       string     `json:"target"`
	TargetRole   string     `json:"target_role"`
	ByParty      bool       `json:"by_party"`
	Applicant    string     `json:"applicant"`
	Reason       string     `json:"reason"`
	AppliedAt    time.Time  `json:"applied_at"`
	Outcome      string     `json:"outcome"` // pending, granted, refused
	DecidedBy    string     `json:"decided_by,omitempty"`
	Decision     string     `json:"decision,omitempty"`
	Participants []string   `json:"participants,omitempty"` // the heads of a collective discussion (集体讨论)
	DecidedAt    *time.Time `json:"decided_at,omitempty"`
	// TargetRoles are the roles the challenged person actually holds at
	// the agency, as the API found them when the application was made.
	TargetRoles []casefile.Role `json:"target_roles,omitempty"`
}

// minCollectiveHeads is how many heads, the recorder among them, a
// collective discussion of the principal head's recusal needs (SAMR 4).
const minCollectiveHeads = 2

// decider is who decides a recusal: it follows the roles the challenged
// person actually holds, not the role the applicant declared (PL 43;
// SAMR 4). Applications recorded before roles were checked fall back to
// the declared role.
func (r Recusal) decider() string {
	if r.TargetRoles == nil {
		return r.TargetRole
	}
	switch {
	case slices.Contains(r.TargetRoles, casefile.RolePrincipalHead):
		return "principal-head"
	case slices.Contains(r.TargetRoles, casefile.RoleHead):
		return "head"
	}
	return "staff"
}

func (c *Core) isHandler(id string) bool {
	return slices.ContainsFunc(c.Officers, func(o Officer) bool { return o.ID == id })
}

// everHandler tells whether id is or was a handling officer of the case,
// reassigned or recused away included: such a person may not review,
// decide or host a hearing on it (SAMR 49 ¶3; PL 64(4)).
func (c *Core) everHandler(id string) bool {
	return c.isHandler(id) || slices.ContainsFunc(c.FormerOfficers, func(o Officer) bool { return o.ID == id })
}

// NeedsReassignment tells whether fewer than two handling officers with a
// certificate still valid remain (PL 42), so the head must reassign.
func (c *Core) NeedsReassignment() bool {
	n := 0
	for _, o := range c.Officers {
		if !slices.Contains(c.LapsedCertificates, o.ID) {
			n++
		}
	}
	return n < 2
}

// sharedTasks are the tasks every procedure has: pending recusal decisions
// and a needed reassignment.
func (c *Core) sharedTasks(name func(casefile.Act) string) []casefile.Task {
	t := &tasks{c: c, name: name}
	for _, r := range c.Recusals {
		if r.Outcome == "pending" {
			decider := casefile.RoleHead
			if d := r.decider(); d == "head" || d == "principal-head" {
				decider = casefile.RolePrincipalHead
			}
			t.role(fmt.Sprintf("recusal#%d", r.ID), "approval", decider, "", ActDecideRecusal)
		}
	}
	if c.NeedsReassignment() {
		t.role("reassignment", "approval", casefile.RoleHead, "", ActReassignOfficers)
	}
	return t.out
}

// ApplyRecusalInput records an application for recusal (PL 43).
type ApplyRecusalInput struct {
	ActBase
	Target     string `json:"target" limit:"64"`      // the officer, reviewer or head to be recused
	TargetRole string `json:"target_role" limit:"32"` // officer, reviewer, hearing-host, head or principal-head
	ByParty    bool   `json:"by_party"`               // the party applies (recorded by an officer); otherwise the applicant is the actor
	Reason     string `json:"reason" limit:"5000"`
	// TargetRoles are the target's roles at the agency: the API sets them,
	// whatever the client sent.
	TargetRoles []casefile.Role `json:"target_roles" limit:"server"`
}

var recusalRoles = []string{"officer", "reviewer", "hearing-host", "head", "principal-head"}

func (in *ApplyRecusalInput) check(c *Core) error {
	if in.Target == "" || in.Reason == "" || !slices.Contains(recusalRoles, in.TargetRole) {
		return reject(CodeInvalidInput, "须写明回避对象、其身份（%v）和理由", "target, target role (%v) and reason are required", recusalRoles, recusalRoles)
	}
	if slices.Contains(c.Recused, in.Target) {
		return reject(CodeInvalidInput, "该人员已回避", "that person is already recused")
	}
	for _, r := range c.Recusals {
		if r.Target == in.Target && r.Outcome == "pending" {
			return reject(CodeInvalidInput, "对该人员的回避申请尚未决定", "a recusal application for that person is still pending")
		}
	}
	return nil
}

// DecideRecusalInput decides an application for recusal (PL 43; SAMR 4).
type DecideRecusalInput struct {
	ActBase
	Recusal      int      `json:"recusal"` // the application's ID
	Granted      bool     `json:"granted"`
	Reason       string   `json:"reason" limit:"5000"`
	Participants []string `json:"participants,omitempty" limit:"20" itemlimit:"64"` // heads in the collective discussion, for the principal head's recusal
	// Heads are the participants who really are heads of the agency: the
	// API sets them, whatever the client sent.
	Heads []string `json:"heads" limit:"server"`
}

// Discussants are the people the API checks are heads.
func (in *DecideRecusalInput) Discussants() []string { return in.Participants }

// SetHeads keeps the participants who are heads of the agency.
func (in *DecideRecusalInput) SetHeads(heads []string) { in.Heads = heads }

func (in *DecideRecusalInput) check(c *Core) error {
	var r *Recusal
	for i := range c.Recusals {
		if c.Recusals[i].ID == in.Recusal {
			r = &c.Recusals[i]
		}
	}
	if r == nil || r.Outcome != "pending" {
		return reject(CodeInvalidInput, "没有待决定的该回避申请", "no pending recusal application %d", in.Recusal)
	}
	if in.Reason == "" {
		return reject(CodeInvalidInput, "须写明决定理由", "a reason is required")
	}
	if in.Actor.OfficerID == r.Target {
		return reject(CodeSeparationOfDuties, "不得决定本人的回避", "nobody decides their own recusal")
	}
	switch r.decider() {
	case "head":
		if !in.Actor.holds(casefile.RolePrincipalHead) {
			return reject(CodeSeparationOfDuties, "负责人的回避由主要负责人决定（市场监管行政处罚程序规定第四条）", "a head's recusal is decided by the principal head (SAMR 4)")
		}
	case "principal-head":
		heads := map[string]bool{}
		for _, p := range in.Participants {
			if p != r.Target && (in.Heads == nil || slices.Contains(in.Heads, p)) {
				heads[p] = true
			}
		}
		if len(heads) < minCollectiveHeads || !heads[in.Actor.OfficerID] {
			return reject(CodeSeparationOfDuties, "主要负责人的回避由负责人集体讨论决定：须列明参加讨论的负责人（至少两人，含记录人，不含本人）（市场监管行政处罚程序规定第四条）",
				"the principal head's recusal is decided by a collective discussion of heads: list at least two participants, the recorder among them, the principal head not (SAMR 4)")
		}
	default:
		if !in.Actor.holds(casefile.RoleHead, casefile.RolePrincipalHead) {
			return reject(CodeSeparationOfDuties, "执法人员的回避由负责人决定（行政处罚法第四十三条）", "staff recusal is decided by a head (PL 43)")
		}
	}
	return nil
}

// ReassignOfficersInput replaces handling officers. Clients send the IDs to
// add and remove; the API fills Officers with the added officers it checked.
type ReassignOfficersInput struct {
	ActBase
	Add      []string  `json:"add" limit:"20" itemlimit:"64"`
	Remove   []string  `json:"remove" limit:"20" itemlimit:"64"`
	Reason   string    `json:"reason" limit:"5000"`
	Officers []Officer `json:"officers,omitempty" limit:"server"`
}

// reviewer tells whether id took part in the case's review, for
// procedures that have one.
type reviewer interface{ reviewedBy(id string) bool }

func (in *ReassignOfficersInput) check(c *Core, s any) error {
	if in.Reason == "" || len(in.Add)+len(in.Remove) == 0 {
		return reject(CodeInvalidInput, "须写明增减的办案人员和理由", "officers to add or remove and a reason are required")
	}
	if len(in.Officers) != len(in.Add) {
		return reject(CodeInvalidInput, "新增办案人员未经核验", "the added officers were not checked")
	}
	for _, id := range in.Remove {
		if !c.isHandler(id) {
			return reject(CodeInvalidInput, "%s 不是本案办案人员", "%s is not a handling officer", id, id)
		}
	}
	for _, o := range in.Officers {
		if slices.Contains(c.Recused, o.ID) {
			return reject(CodeRecused, "%s 已回避，不得再办理本案", "%s is recused from this case", o.Name, o.Name)
		}
		if rv, ok := s.(reviewer); ok && rv.reviewedBy(o.ID) {
			return reject(CodeSeparationOfDuties, "%s 曾审核本案，不得作为办案人员", "%s reviewed this case and may not handle it", o.Name, o.Name)
		}
	}
	if len(c.afterReassignment(in)) < 2 {
		return reject(CodeInvalidInput, "调整后须有两名以上持有效执法证的办案人员（行政处罚法第四十二条）", "at least two certified handling officers must remain (PL 42)")
	}
	return nil
}

// afterReassignment is the handling officers with a valid certificate that
// a reassignment would leave.
func (c *Core) afterReassignment(in *ReassignOfficersInput) []Officer {
	var out []Officer
	for _, o := range c.Officers {
		if !slices.Contains(in.Remove, o.ID) && !slices.Contains(c.LapsedCertificates, o.ID) {
			out = append(out, o)
		}
	}
	for _, o := range in.Officers {
		if !slices.ContainsFunc(out, func(x Officer) bool { return x.ID == o.ID }) {
			out = append(out, o)
		}
	}
	return out
}

// SharedActs are the acts every procedure has, at any stage before closing.
func SharedActs[S State]() []ActSpec[S] {
	return []ActSpec[S]{
		{Act: ActApplyRecusal, Name: "申请回避", New: func() Input { return &ApplyRecusalInput{} },
			Check: func(s S, in Input) error { return in.(*ApplyRecusalInput).check(s.core()) },
			Apply: func(r *Run[S], ctx workflow.Context, s S, in Input, now time.Time) (string, error) {
				c, a := s.core(), in.(*ApplyRecusalInput)
				applicant := a.Actor.OfficerID
				if a.ByParty {
					applicant = "party"
				}
				c.Recusals = append(c.Recusals, Recusal{ID: len(c.Recusals) + 1, Target: a.Target, TargetRole: a.TargetRole,
					ByParty: a.ByParty, Applicant: applicant, Reason: a.Reason, AppliedAt: now, Outcome: "pending", TargetRoles: a.TargetRoles})
				who := "执法人员"
				if a.ByParty {
					who = "当事人"
				}
				return fmt.Sprintf("%s申请 %s 回避：%s（决定前调查不停止，行政处罚法第四十三条）", who, a.Target, a.Reason), nil
			}},
		{Act: ActDecideRecusal, Name: "决定回避", New: func() Input { return &DecideRecusalInput{} },
			Guard: func(s S, _ string) error {
				if !slices.ContainsFunc(s.core().Recusals, func(r Recusal) bool { return r.Outcome == "pending" }) {
					return reject(CodeWrongStep, "没有待决定的回避申请", "no recusal application is pending")
				}
				return nil
			},
			Check: func(s S, in Input) error { return in.(*DecideRecusalInput).check(s.core()) },
			Apply: func(r *Run[S], ctx workflow.Context, s S, in Input, now time.Time) (string, error) {
				c, d := s.core(), in.(*DecideRecusalInput)
				rc := &c.Recusals[d.Recusal-1]
				rc.Outcome, rc.DecidedBy, rc.Decision, rc.Participants, rc.DecidedAt = "refused", d.Actor.OfficerID, d.Reason, d.Participants, &now
				if !d.Granted {
					return fmt.Sprintf("驳回对 %s 的回避申请：%s", rc.Target, d.Reason), nil
				}
				rc.Outcome = "granted"
				c.Recused = append(c.Recused, rc.Target)
				for i, o := range c.Officers {
					if o.ID == rc.Target {
						c.FormerOfficers = append(c.FormerOfficers, o)
						c.Officers = slices.Delete(c.Officers, i, i+1)
						break
					}
				}
				return fmt.Sprintf("决定 %s 回避：%s", rc.Target, d.Reason), nil
			}},
		{Act: ActReassignOfficers, Name: "调整办案人员", New: func() Input { return &ReassignOfficersInput{} },
			After: func(s S, actor string) error {
				if s.core().isHandler(actor) {
					return reject(CodeSeparationOfDuties, "办案人员不得调整本案办案人员", "a handling officer may not reassign the case")
				}
				return nil
			},
			Check: func(s S, in Input) error { return in.(*ReassignOfficersInput).check(s.core(), s) },
			Apply: func(r *Run[S], ctx workflow.Context, s S, in Input, now time.Time) (string, error) {
				c, ra := s.core(), in.(*ReassignOfficersInput)
				var kept []Officer
				for _, o := range c.Officers {
					if slices.Contains(ra.Remove, o.ID) {
						c.FormerOfficers = append(c.FormerOfficers, o)
					} else {
						kept = append(kept, o)
					}
				}
				for _, o := range ra.Officers {
					if !slices.ContainsFunc(kept, func(x Officer) bool { return x.ID == o.ID }) {
						kept = append(kept, o)
					} else {
						// Re-added with a renewed certificate: the lapse is over.
						for i := range kept {
							if kept[i].ID == o.ID {
								kept[i] = o
							}
						}
					}
					c.LapsedCertificates = slices.DeleteFunc(c.LapsedCertificates, func(id string) bool { return id == o.ID })
					r.watchCertificate(ctx, o)
				}
				c.Officers = kept
				return fmt.Sprintf("调整办案人员：增加 %v，减少 %v；%s", ra.Add, ra.Remove, ra.Reason), nil
			}},
	}
}

// certificateTimer prefixes the timer keys of certificate watches.
const certificateTimer = "certificate/"

// opened numbers a case that opens with no deadline of its own and
// watches its handling officers' certificates.
func (r *Run[S]) opened(ctx workflow.Context, now time.Time) error {
	c := r.c()
	number, err := allocateNumber(ctx, c.ID, c.AgencyID, now)
	if err != nil {
		return err
	}
	c.Number, c.OpenedAt = number, now
	for _, o := range c.Officers {
		r.watchCertificate(ctx, o)
	}
	return nil
}

// watchCertificate arms a timer at the end of a handling officer's
// certificate: when it lapses mid-case the officer may no longer act, and
// if fewer than two certified handlers remain the head is asked to reassign.
func (r *Run[S]) watchCertificate(ctx workflow.Context, o Officer) {
	if o.CertificateValidUntil.IsZero() {
		return
	}
	key := certificateTimer + o.ID
	if cancel, ok := r.timers[key]; ok {
		cancel()
	}
	tctx, cancel := workflow.WithCancel(ctx)
	r.timers[key] = cancel
	workflow.Go(tctx, func(tctx workflow.Context) {
		wait := max(o.CertificateValidUntil.Sub(workflow.Now(tctx)), time.Millisecond)
		if err := workflow.NewTimer(tctx, wait).Get(tctx, nil); err != nil {
			return
		}
		if err := r.mu.Lock(tctx); err != nil {
			return
		}
		defer r.mu.Unlock()
		delete(r.timers, key)
		c := r.c()
		if !c.isHandler(o.ID) || slices.Contains(c.LapsedCertificates, o.ID) || c.Stage == r.p.Closed {
			return
		}
		c.LapsedCertificates = append(c.LapsedCertificates, o.ID)
		summary := fmt.Sprintf("办案人员 %s 的执法证 %s 已到期，不得继续执法", o.Name, o.Certificate)
		if c.NeedsReassignment() {
			summary += "；办案人员不足两名，请负责人重新指定（行政处罚法第四十二条）"
		}
		r.recordSystem(tctx, "certificate-lapsed", summary, o)
	})
}

// watchOfficers handles OfficerLapsedSignal: a handling officer who may no
// longer act counts as lapsed, like an expired certificate, and if fewer
// than two certified handlers remain the head is asked to reassign (PL 42).
func (r *Run[S]) watchOfficers(ctx workflow.Context) {
	ch := workflow.GetSignalChannel(ctx, OfficerLapsedSignal)
	workflow.Go(ctx, func(ctx workflow.Context) {
		for {
			var sig OfficerLapsed
			if !ch.Receive(ctx, &sig) {
				return
			}
			if err := r.mu.Lock(ctx); err != nil {
				return
			}
			c := r.c()
			if c.isHandler(sig.OfficerID) && !slices.Contains(c.LapsedCertificates, sig.OfficerID) && c.Stage != r.p.Closed {
				c.LapsedCertificates = append(c.LapsedCertificates, sig.OfficerID)
				summary := fmt.Sprintf("办案人员 %s 不得继续执法：%s", sig.OfficerID, clip(sig.Reason, 200))
				if c.NeedsReassignment() {
					summary += "；办案人员不足两名，请负责人重新指定（行政处罚法第四十二条）"
				}
				r.recordSystem(ctx, "officer-lapsed", summary, sig)
			}
			r.mu.Unlock()
		}
	})
}
