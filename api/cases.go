package api

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
	lru "github.com/hashicorp/golang-lru/v2"
	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// actTimeout bounds how long an act may wait for the workflow.
const actTimeout = 30 * time.Second

var errCaseEnded = newError(http.StatusConflict, "case_ended",
	"案件流程已异常终止（见案件记录），不能再办理，请联系执法监督部门处理",
	"the case's workflow ended abnormally (see the case record); nothing more can be done on it — refer it to supervision")

type createCaseRequest struct {
	PowerItemCode string          `json:"power_item_code" limit:"64"`
	AgencyID      string          `json:"agency_id,omitempty" limit:"64"` // default: the caller's agency
	Party         workflows.Party `json:"party"`
	Facts         string          `json:"facts" limit:"20000"`
	Source        string          `json:"source,omitempty" limit:"500"`
	OfficerIDs    []string        `json:"officer_ids" limit:"20" itemlimit:"64"` // the handling officers, the caller among them
	// DiscoveredAt is when the clue was discovered or the materials were
	// received (SAMR 18): the filing clock starts then. Default: now.
	DiscoveredAt *time.Time `json:"discovered_at,omitempty"`
	// ActDate is the day the act occurred or, when continuing, ended (PL 36).
	ActDate   string `json:"act_date" limit:"10"`
	GraveHarm bool   `json:"grave_harm,omitempty"` // harm to life, health or financial security: five years, not two
	// Procedure asks for a procedure other than the power item's default,
	// e.g. summary-penalty (简易程序) for an on-the-spot penalty.
	Procedure string `json:"procedure,omitempty" limit:"32"`
	// LinkedCase is the penalty case this one belongs to: a compulsory
	// measure taken in its investigation, or the compulsory execution of
	// its unpaid fine (which then takes the obligation and the party from it).
	LinkedCase string `json:"linked_case,omitempty" limit:"64"`
	// Obligation is what a compulsory execution opened on its own executes.
	Obligation *workflows.Obligation `json:"obligation,omitempty"`
}

// checkLimits refuses a request that breaks a declared input limit.
func checkLimits(req any) error {
	if e := casefile.CheckLimits(req); e != nil {
		return invalid(e.Chinese(), e.English())
	}
	return nil
}

// caseView is a case as the API returns it.
type caseView struct {
	Case          json.RawMessage  `json:"case"`
	Events        []eventView      `json:"events"`
	AvailableActs []availableAct   `json:"available_acts"`
	Summary       casefile.Summary `json:"summary"`
	// Surcharge is the late-payment surcharge accrued by now (加处罚款,
	// PL 72(1)), when there is one.
	Surcharge *workflows.Yuan `json:"surcharge,omitempty"`
	// DecisionClock is the decision limit now: days used, left out and
	// left (PL 60; SAMR 64).
	DecisionClock *workflows.Clock `json:"decision_clock,omitempty"`
	// LinkedCases are the cases opened from this one: its seizures, the
	// execution of its fine.
	LinkedCases []casefile.Summary `json:"linked_cases"`
	// RecordingWarnings are the acts done that call for an audio-video
	// recording and have none attached (recording.go).
	RecordingWarnings []recordingWarning `json:"recording_warnings"`
}

type eventView struct {
	Seq       int       `json:"seq"`
	Act       string    `json:"act"`
	ActorName string    `json:"actor_name"`
	At        time.Time `json:"at"`
	Summary   string    `json:"summary"`
	// OccurredAt and LateReason mark a late entry (补录): when the act
	// took place on site, and why it was entered only at At.
	OccurredAt *time.Time `json:"occurred_at,omitempty"`
	LateReason string     `json:"late_reason,omitempty"`
}

type availableAct struct {
	Act  casefile.Act `json:"act"`
	Name string       `json:"name"`
}

func (s *Server) createCase(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req createCaseRequest
	if err := decodeStrict(c, &req); err != nil {
		fail(c, err)
		return
	}
	if err := checkLimits(&req); err != nil {
		fail(c, err)
		return
	}
	if req.DiscoveredAt != nil && req.DiscoveredAt.After(time.Now().Add(5*time.Minute)) {
		fail(c, invalid("发现线索或收到材料的时间不能晚于现在", "discovered_at cannot be in the future"))
		return
	}
	if req.DiscoveredAt == nil {
		now := time.Now()
		req.DiscoveredAt = &now
	}
	if req.AgencyID == "" {
		req.AgencyID = p.Officer.AgencyID
	}
	agency, err := s.store.Agency(ctx, req.AgencyID)
	if errors.Is(err, store.ErrNotFound) {
		fail(c, invalid("执法机关不存在："+req.AgencyID, "no such agency: "+req.AgencyID))
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	item, err := s.store.PowerItem(ctx, req.PowerItemCode)
	if errors.Is(err, store.ErrNotFound) {
		fail(c, invalid("权力清单中没有该事项："+req.PowerItemCode+"（不得在清单之外行使行政权力）", "no such power item: "+req.PowerItemCode))
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	if req.ActDate == "" && item.Kind != authority.KindCompulsoryExecution {
		fail(c, invalid("须填写违法行为发生之日（连续或继续状态的，为行为终了之日）（行政处罚法第三十六条）",
			"act_date is required: the day the act occurred, or ended when continuing (PL 36)"))
		return
	}
	// "不得在清单之外行使行政权力": in force for the agency's level on the filing
	// date. The power list is public, so this comes before the caller's
	// certificate is weighed against the item's field.
	if err := s.store.CheckFiling(ctx, item, agency, time.Now()); err != nil {
		fail(c, refusalError(err))
		return
	}
	in := &workflows.OpenCaseInput{AgencyID: agency.ID, AgencyName: agency.Name,
		PowerItem: workflows.PowerItem{Code: item.Code, Name: item.Name, Field: item.Field, LegalBasis: item.LegalBasis},
		Party:     req.Party, Facts: req.Facts, Source: req.Source, DiscoveredAt: req.DiscoveredAt,
		ActDate: req.ActDate, GraveHarm: req.GraveHarm, AgencyKind: string(agency.Kind), Obligation: req.Obligation}
	if item.Kind == authority.KindCompulsoryExecution {
		in.ActDate, in.GraveHarm = "", false // an execution has no limitation period of its own
	}
	if req.LinkedCase != "" {
		if err := s.linkedCase(ctx, p, agency.ID, item, req.LinkedCase, in); err != nil {
			fail(c, err)
			return
		}
	}
	ok, actor, err := s.allowedOnCase(ctx, p, agency.ID, in.PowerItem.Field, workflows.ActOpenCase)
	if err != nil {
		fail(c, err)
		return
	} else if !ok {
		fail(c, s.refusal(ctx, p, in.PowerItem.Field))
		return
	}
	proc, err := workflows.ForKind(item.Kind, req.Procedure)
	if err != nil {
		fail(c, err)
		return
	}
	officers, err := s.handlingOfficers(ctx, agency.ID, in.PowerItem.Field, req.OfficerIDs)
	if err != nil {
		fail(c, err)
		return
	}
	caseID := uuid.NewString()
	if key := c.GetHeader("Idempotency-Key"); key != "" {
		if len(key) > 200 {
			fail(c, badRequest("Idempotency-Key 不得超过 200 个字符", "Idempotency-Key must be at most 200 characters"))
			return
		}
		sum := sha256.Sum256([]byte(p.Officer.ID + "\x00" + key))
		caseID = uuid.NewSHA1(uuid.NameSpaceOID, sum[:]).String()
	}
	in.CaseID, in.Officers = caseID, officers
	in.SetActor(actor)
	// Check the application here too: a case refused at its first act
	// should not leave a started workflow behind.
	if err := proc.CheckOpening(in); err != nil {
		fail(c, err)
		return
	}

	ctx, cancel := context.WithTimeout(ctx, actTimeout)
	defer cancel()
	start := s.temporal.NewWithStartWorkflowOperation(client.StartWorkflowOptions{
		ID: workflows.CaseWorkflowID(caseID), TaskQueue: s.taskQueue,
		WorkflowIDConflictPolicy: enums.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
		// A case ID is used once: a retried creation after the case has
		// closed finds the closed case, never a second run of it.
		WorkflowIDReusePolicy: enums.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
	}, proc.WorkflowName(), *in)
	handle, err := s.temporal.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
		StartWorkflowOperation: start,
		UpdateOptions: client.UpdateWorkflowOptions{UpdateID: "open/" + caseID, UpdateName: string(workflows.ActOpenCase),
			Args: []any{in}, WaitForStage: client.WorkflowUpdateStageCompleted},
	})
	var started *serviceerror.WorkflowExecutionAlreadyStarted
	if errors.As(err, &started) {
		s.respondCase(c, http.StatusCreated, p, caseID, 0, nil)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	var opened workflows.ActResult
	if err := handle.Get(ctx, &opened); err != nil {
		fail(c, err)
		return
	}
	s.respondCase(c, http.StatusCreated, p, caseID, opened.Seq, nil)
}

// handlingOfficers checks the handling officers: at least two, each an
// officer of the agency holding a certificate valid now for the case's field
// (PL 42), by the rule certificateFor applies to every act.
func (s *Server) handlingOfficers(ctx context.Context, agencyID, field string, ids []string) ([]workflows.Officer, error) {
	out, err := s.certifiedOfficers(ctx, agencyID, field, ids)
	if err != nil {
		return nil, err
	}
	if len(out) < 2 {
		return nil, invalid("须指定两名以上具有执法资格的办案人员（行政处罚法第四十二条）", "at least two certified handling officers are required (PL 42)")
	}
	return out, nil
}

// certifiedOfficers checks each officer: an officer of the agency holding a
// certificate valid now for field.
func (s *Server) certifiedOfficers(ctx context.Context, agencyID, field string, ids []string) ([]workflows.Officer, error) {
	var out []workflows.Officer
	for _, id := range ids {
		if slices.ContainsFunc(out, func(o workflows.Officer) bool { return o.ID == id }) {
			continue
		}
		// Another agency's officer reads exactly like an unknown one: the
		// answer must not tell who works where.
		unknown := invalid("本机关没有该执法人员："+id, "no such officer at this agency: "+id)
		if !slices.Contains(s.enforcer.RolesAt(id, agencyID), casefile.RoleOfficer) {
			return nil, unknown
		}
		ident, err := s.identities.officer(ctx, s.store, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, unknown
		} else if err != nil {
			return nil, err
		}
		o := ident.Officer
		state, cert := ident.CertificateFor(field, time.Now())
		switch {
		case state == casefile.CertWrongField:
			return nil, invalid(o.Name+" 的行政执法证件不涵盖「"+field+"」领域，不能办理本案（行政处罚法第四十二条）",
				o.Name+"'s enforcement certificate does not cover the field "+field+" (PL 42)")
		case state != casefile.CertValid:
			return nil, invalid(o.Name+" 没有有效的行政执法证件，不能办案（行政处罚法第四十二条）", o.Name+" holds no valid enforcement certificate (PL 42)")
		}
		out = append(out, workflows.Officer{ID: o.ID, Name: o.Name, Certificate: cert.Number, CertificateValidUntil: cert.ValidUntil})
	}
	return out, nil
}

// refusal explains why policy refused an act on a case in field: an officer
// whose certificate does not serve hears why; anyone else gets forbidden.
func (s *Server) refusal(ctx context.Context, p *principal, field string) *apiError {
	if !slices.Contains(s.enforcer.RolesAt(p.Officer.ID, p.Officer.AgencyID), casefile.RoleOfficer) {
		return errForbidden
	}
	state, _, err := s.certificateFor(ctx, p.Officer.ID, field, time.Now())
	if err != nil {
		return errForbidden
	}
	switch state {
	case casefile.CertExpired:
		return newError(http.StatusForbidden, "certificate_expired", "您的行政执法证件已过期，不能办理执法事项", "your enforcement certificate has expired")
	case casefile.CertSuspended:
		return newError(http.StatusForbidden, "certificate_suspended", "您的行政执法证件已被暂扣或注销，不能办理执法事项", "your enforcement certificate is suspended or revoked")
	case casefile.CertWrongField:
		return newError(http.StatusForbidden, "certificate_wrong_field", "您的行政执法证件不涵盖本案所属领域（"+field+"）", "your enforcement certificate does not cover this case's field ("+field+")")
	case casefile.CertNone:
		return newError(http.StatusForbidden, "certificate_missing", "您没有行政执法证件，不能办理执法事项（行政处罚法第四十二条）", "you hold no enforcement certificate (PL 42)")
	}
	return errForbidden
}

// readCase loads a case the caller may read; a case they may not read does
// not exist for them (404, so case numbers do not leak).
func (s *Server) readCase(ctx context.Context, p *principal, id string) (casefile.Summary, caseState, error) {
	sum, snap, err := s.store.Case(ctx, id)
	if err != nil {
		return sum, caseState{}, err
	}
	state, err := s.stateOf(p, sum, snap)
	return sum, state, err
}

// stateOf is a case read from the record, if the caller may read it.
func (s *Server) stateOf(p *principal, sum casefile.Summary, snap json.RawMessage) (caseState, error) {
	id := sum.ID
	ok, err := s.allowed(p, sum.AgencyID, policies.ObjCase, casefile.ActRead)
	if err != nil {
		return caseState{}, err
	}
	if !ok {
		return caseState{}, errCaseNotFound
	}
	proc, found := workflows.ByName(sum.Procedure)
	if !found {
		return caseState{}, fmt.Errorf("case %s: unknown procedure %q", id, sum.Procedure)
	}
	view, err := s.views.view(id, proc, snap)
	if err != nil {
		return caseState{}, fmt.Errorf("case %s: %w", id, err)
	}
	return caseState{proc: proc, view: view, snapshot: snap}, nil
}

// viewCache keeps the cases last read decoded, each with the snapshot it
// was decoded from: an act reads its case before and after, and the read
// before is usually of the snapshot the last act answered with. A view is
// reused only for the very same snapshot, so the cache is never stale.
type viewCache struct {
	entries *lru.Cache[string, cachedView]
}

type cachedView struct {
	snapshot string
	view     workflows.View
}

const cachedViews = 256

func newViewCache() *viewCache {
	entries, _ := lru.New[string, cachedView](cachedViews) // fails only for a size below 1
	return &viewCache{entries: entries}
}

// view is the case's snapshot as its procedure reads it.
func (c *viewCache) view(caseID string, proc workflows.Registered, snap json.RawMessage) (workflows.View, error) {
	if e, ok := c.entries.Get(caseID); ok && e.snapshot == string(snap) {
		return e.view, nil
	}
	v, err := proc.View(snap)
	if err != nil {
		return nil, err
	}
	c.entries.Add(caseID, cachedView{snapshot: string(snap), view: v})
	return v, nil
}

// caseState is a case as its procedure reads its snapshot.
type caseState struct {
	proc     workflows.Registered
	view     workflows.View
	snapshot json.RawMessage
}

// respondCase answers with the case as the caller may see it: as it is
// now, or, after an act whose event is after (> 0), as that act left it
// or later (the store keeps the cases it recorded last). linked, if not
// nil, gives the cases opened from it, read already.
func (s *Server) respondCase(c *gin.Context, status int, p *principal, id string, after int, linked func() ([]casefile.Summary, error)) {
	ctx := c.Request.Context()
	var (
		sum    casefile.Summary
		snap   json.RawMessage
		events []casefile.Event
		err    error
	)
	if after > 0 {
		sum, snap, events, err = s.store.CaseAfter(ctx, id, after)
	} else {
		sum, snap, err = s.store.Case(ctx, id)
	}
	if err != nil {
		fail(c, err)
		return
	}
	state, err := s.stateOf(p, sum, snap)
	if err != nil {
		fail(c, err)
		return
	}
	if after <= 0 {
		if events, err = s.store.Events(ctx, id); err != nil {
			fail(c, err)
			return
		}
	}
	if linked == nil {
		linked = func() ([]casefile.Summary, error) { return s.linkedCases(ctx, id) }
	}
	links, err := linked()
	if err != nil {
		fail(c, err)
		return
	}
	view := caseView{Case: state.snapshot, Summary: sum, Events: make([]eventView, len(events)), AvailableActs: []availableAct{}, LinkedCases: links}
	asOf, err := surchargeOn(c)
	if err != nil {
		fail(c, err)
		return
	}
	view.DecisionClock = state.view.DecisionClock(time.Now())
	if y, ok := state.view.Surcharge(asOf); ok && y > 0 {
		view.Surcharge = &y
	}
	for i, e := range events {
		view.Events[i] = eventView{Seq: e.Seq, Act: e.Act, ActorName: e.ActorName, At: e.At, Summary: e.Summary, OccurredAt: e.OccurredAt, LateReason: e.LateReason}
	}
	if view.RecordingWarnings, err = s.recordingWarnings(ctx, sum.ID, events, state.view); err != nil {
		fail(c, err)
		return
	}
	for _, act := range state.view.AvailableActs(p.Officer.ID) {
		if sum.Ended != "" {
			break // nothing can be done on a case whose workflow has ended
		}
		ok, _, err := s.allowedOnCase(ctx, p, sum.AgencyID, state.view.Field(), act)
		if err != nil {
			fail(c, err)
			return
		}
		if ok {
			view.AvailableActs = append(view.AvailableActs, availableAct{Act: act, Name: state.view.ActName(act)})
		}
	}
	c.JSON(status, view)
}

func (s *Server) getCase(c *gin.Context) {
	s.respondCase(c, http.StatusOK, caller(c), c.Param("id"), 0, nil)
}

// surchargeOn is the moment the case's surcharge is computed for: now, or
// the end of the Beijing day the query's surcharge_on names (an officer
// preparing a demand states the amount as of its day).
func surchargeOn(c *gin.Context) (time.Time, error) {
	on := c.Query("surcharge_on")
	if on == "" {
		return time.Now(), nil
	}
	day, err := calendar.ParseDate(on)
	if err != nil {
		return time.Time{}, invalid("surcharge_on 须为 YYYY-MM-DD 格式的日期", "surcharge_on must be a date, YYYY-MM-DD")
	}
	return calendar.EndOfDay(day).Add(-time.Nanosecond), nil
}

// act performs one human act: policy first (role, level, certificate), then
// the workflow's validator (step, windows, separation of duties).
func (s *Server) act(c *gin.Context) {
	p := caller(c)
	act := casefile.Act(c.Param("act"))
	if act == workflows.ActOpenCase || !slices.Contains(workflows.Acts(), act) {
		fail(c, errUnknownAct)
		return
	}
	id := c.Param("id")
	sum, state, err := s.readCase(c.Request.Context(), p, id)
	if err != nil {
		fail(c, err)
		return
	}
	in, known := state.proc.NewInput(act)
	if !known {
		fail(c, errUnknownAct) // an act of another procedure
		return
	}
	field := state.view.Field()
	ok, actor, err := s.allowedOnCase(c.Request.Context(), p, sum.AgencyID, field, act)
	if err != nil {
		fail(c, err)
		return
	} else if !ok {
		fail(c, s.refusal(c.Request.Context(), p, field))
		return
	}
	if err := decodeStrict(c, in); err != nil {
		fail(c, err)
		return
	}
	if err := checkLimits(in); err != nil {
		fail(c, err)
		return
	}
	if state.proc.LegalReview(act) {
		if actor.LegalStanding, err = s.legalStanding(c.Request.Context(), actor.OfficerID, sum.AgencyID); err != nil {
			fail(c, err)
			return
		}
	}
	in.SetActor(actor)
	if cs, ok := in.(workflows.CoSigned); ok {
		// Every co-signing officer needs a certificate valid now for the
		// case's field, like the actor (PL 42).
		if _, err := s.certifiedOfficers(c.Request.Context(), sum.AgencyID, field, cs.CoSigners()); err != nil {
			fail(c, err)
			return
		}
	}
	if fr, ok := in.(workflows.FileReferrer); ok {
		// A file is referred to by its hash only once it is the case's.
		for _, ref := range fr.FileRefs() {
			if _, err := s.store.EvidenceFile(c.Request.Context(), sum.ID, ref); errors.Is(err, store.ErrNotFound) {
				fail(c, invalid(fmt.Sprintf("本案没有 SHA-256 为 %s 的证据文件：请先上传", ref),
					fmt.Sprintf("the case has no evidence file with SHA-256 %s: upload it first", ref)))
				return
			} else if err != nil {
				fail(c, err)
				return
			}
		}
	}
	switch r := in.(type) {
	case *workflows.ApplyRecusalInput:
		// Who decides follows the target's real roles, not the declared one.
		r.TargetRoles = append([]casefile.Role{}, s.enforcer.RolesAt(r.Target, sum.AgencyID)...)
	case workflows.HeadsDiscussion:
		// A collective discussion counts only real heads of the agency
		// (PL 57 ¶2; SAMR 4, 64).
		heads := []string{}
		for _, id := range r.Discussants() {
			roles := s.enforcer.RolesAt(id, sum.AgencyID)
			if slices.Contains(roles, casefile.RoleHead) || slices.Contains(roles, casefile.RolePrincipalHead) {
				heads = append(heads, id)
			}
		}
		r.SetHeads(heads)
	case *workflows.ScheduleHearingInput:
		// The host must hold the hearing-host role at the agency (PL 64(4)).
		r.HostQualified = slices.Contains(s.enforcer.RolesAt(r.Host, sum.AgencyID), casefile.RoleHearingHost)
		if o, err := s.store.Officer(c.Request.Context(), r.Host); err == nil {
			r.HostName = o.Name
		}
	}
	if r, ok := in.(*workflows.ReassignOfficersInput); ok {
		// Whatever the client sent as officers is replaced by the checked ones.
		if r.Officers, err = s.certifiedOfficers(c.Request.Context(), sum.AgencyID, field, r.Add); err != nil {
			fail(c, err)
			return
		}
	}
	if sum.Ended != "" {
		fail(c, errCaseEnded)
		return
	}
	if sum.Closed {
		fail(c, errCaseClosed)
		return
	}
	updateID := uuid.NewString()
	if key := c.GetHeader("Idempotency-Key"); key != "" {
		if len(key) > 200 {
			fail(c, badRequest("Idempotency-Key 不得超过 200 个字符", "Idempotency-Key must be at most 200 characters"))
			return
		}
		// The act is part of the ID: the same key on another act is another act.
		updateID = p.Officer.ID + "/" + string(act) + "/" + key
	}
	// The cases opened from this one are read while the act runs: no act
	// opens one (only POST /cases does), and the act's wait is mostly the
	// engine's, so the answer need not wait for one more query after it.
	linked := s.linkedWhile(c.Request.Context(), id)
	ctx, cancel := context.WithTimeout(c.Request.Context(), actTimeout)
	defer cancel()
	done, err := s.update(ctx, id, client.UpdateWorkflowOptions{
		WorkflowID: workflows.CaseWorkflowID(id), UpdateID: updateID, UpdateName: string(act),
		Args: []any{in}, WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	if err != nil {
		fail(c, err)
		return
	}
	s.respondCase(c, http.StatusOK, p, id, done.Seq, linked)
}

// update performs an act on a case's workflow. A case hands over to a new
// run now and then (continue-as-new): an act that meets the hand-over is
// sent again to the new run, under the same ID. A case whose workflow ended
// otherwise than by closing (terminated, failed, timed out) is marked so in
// the record and the act is refused.
func (s *Server) update(ctx context.Context, caseID string, o client.UpdateWorkflowOptions) (workflows.ActResult, error) {
	for attempt := 0; ; attempt++ {
		var done workflows.ActResult
		handle, err := s.temporal.UpdateWorkflow(ctx, o)
		if err == nil {
			err = handle.Get(ctx, &done)
		}
		var nf *serviceerror.NotFound
		if err == nil || !errors.As(err, &nf) || attempt == 3 {
			return done, err
		}
		desc, derr := s.temporal.DescribeWorkflowExecution(ctx, o.WorkflowID, "")
		if derr != nil {
			return done, err
		}
		switch status := desc.GetWorkflowExecutionInfo().GetStatus(); status {
		case enums.WORKFLOW_EXECUTION_STATUS_RUNNING, enums.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW:
			continue // the next run is there (or about to be): send the act again
		case enums.WORKFLOW_EXECUTION_STATUS_COMPLETED:
			return done, errCaseClosed
		default:
			if _, merr := s.store.MarkCaseEnded(ctx, caseID, endedHow(status)); merr != nil {
				return done, merr
			}
			return done, errCaseEnded
		}
	}
}

// endedHow names how a workflow ended otherwise than by closing its case.
func endedHow(status enums.WorkflowExecutionStatus) string {
	switch status {
	case enums.WORKFLOW_EXECUTION_STATUS_TERMINATED:
		return "terminated"
	case enums.WORKFLOW_EXECUTION_STATUS_FAILED:
		return "failed"
	case enums.WORKFLOW_EXECUTION_STATUS_TIMED_OUT:
		return "timed-out"
	case enums.WORKFLOW_EXECUTION_STATUS_CANCELED:
		return "canceled"
	}
	return "ended"
}

// WatchEndedCases marks, every interval until ctx ends, the cases whose
// workflow ended otherwise than by closing, so that no such case is shown
// as open: the record says what happened, the tasks leave the inboxes and
// supervisors find the case under attention=true.
func (s *Server) WatchEndedCases(ctx context.Context, every time.Duration) {
	since := time.Time{}
	for {
		next, err := s.markEndedCases(ctx, since)
		if err != nil && ctx.Err() == nil {
			slog.Warn("checking for ended case workflows failed", "err", err)
		} else {
			since = next
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// markEndedCases marks the cases whose workflow closed abnormally since
// the given time; it returns the time to look from next.
func (s *Server) markEndedCases(ctx context.Context, since time.Time) (time.Time, error) {
	// A little overlap: visibility is written shortly after a workflow closes.
	next := time.Now().Add(-time.Minute)
	query := "(ExecutionStatus = 'Terminated' OR ExecutionStatus = 'Failed' OR ExecutionStatus = 'TimedOut' OR ExecutionStatus = 'Canceled')"
	if !since.IsZero() {
		query += " AND CloseTime > '" + since.UTC().Format(time.RFC3339) + "'"
	}
	var token []byte
	for {
		resp, err := s.temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Query: query, NextPageToken: token, PageSize: 500})
		if err != nil {
			return since, err
		}
		for _, ex := range resp.GetExecutions() {
			id, ok := strings.CutPrefix(ex.GetExecution().GetWorkflowId(), workflows.CaseWorkflowID(""))
			if !ok {
				continue
			}
			if marked, err := s.store.MarkCaseEnded(ctx, id, endedHow(ex.GetStatus())); err != nil {
				return since, err
			} else if marked {
				slog.Warn("case workflow ended without closing the case", "caseID", id, "how", endedHow(ex.GetStatus()))
			}
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			return next, nil
		}
	}
}

// listScope reads what every listing needs: the page, and the agencies
// whose obj the caller may read, narrowed to agency_id if given. An agency
// the caller may not read gives an empty list, not an error that would
// confirm it exists.
func (s *Server) listScope(c *gin.Context, p *principal, obj policies.Object) (limit, offset int, agencies []string, err error) {
	if limit, offset, err = page(c); err != nil {
		return 0, 0, nil, err
	}
	if agencies, err = s.readableAgencies(c.Request.Context(), p, obj); err != nil {
		return 0, 0, nil, err
	}
	if a := c.Query("agency_id"); a != "" {
		if slices.Contains(agencies, a) {
			agencies = []string{a}
		} else {
			agencies = nil
		}
	}
	return limit, offset, agencies, nil
}

// page reads page and page_size (default 1 and 20, at most 200).
func page(c *gin.Context) (limit, offset int, err error) {
	pg, size := 1, 20
	if v := c.Query("page"); v != "" {
		if pg, err = strconv.Atoi(v); err != nil || pg < 1 {
			return 0, 0, badRequest("page 须为正整数", "page must be a positive integer")
		}
	}
	if v := c.Query("page_size"); v != "" {
		if size, err = strconv.Atoi(v); err != nil || size < 1 || size > 200 {
			return 0, 0, badRequest("page_size 须为 1 到 200 之间的整数", "page_size must be an integer from 1 to 200")
		}
	}
	return size, (pg - 1) * size, nil
}

type listResponse[T any] struct {
	Items []T   `json:"items"`
	Total int64 `json:"total"`
	Page  int   `json:"page"`
	Size  int   `json:"page_size"`
}

func (s *Server) listCases(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	limit, offset, agencies, err := s.listScope(c, p, policies.ObjCase)
	if err != nil {
		fail(c, err)
		return
	}
	f := store.CaseFilter{AgencyIDs: agencies, Stage: c.Query("state"), Limit: limit, Offset: offset}
	if stages := workflows.AllStages(); f.Stage != "" && !slices.Contains(stages, workflows.Stage(f.Stage)) {
		fail(c, badRequest(fmt.Sprintf("state 须为案件环节之一：%v", stages), fmt.Sprintf("state must be one of %v", stages)))
		return
	}
	switch c.Query("attention") {
	case "":
	case "true":
		f.Attention = true
	default:
		fail(c, badRequest("attention 只能为 true", "attention must be true"))
		return
	}
	switch c.Query("late") {
	case "":
	case "true":
		f.Late = true
	default:
		fail(c, badRequest("late 只能为 true", "late must be true"))
		return
	}
	switch c.Query("closed") {
	case "":
	case "true", "false":
		b := c.Query("closed") == "true"
		f.Closed = &b
	default:
		fail(c, badRequest("closed 须为 true 或 false", "closed must be true or false"))
		return
	}
	items := []casefile.Summary{}
	var total int64
	if len(agencies) > 0 {
		if items, total, err = s.store.Cases(ctx, f); err != nil {
			fail(c, err)
			return
		}
	}
	c.JSON(http.StatusOK, listResponse[casefile.Summary]{Items: items, Total: total, Page: offset/limit + 1, Size: limit})
}

func (s *Server) tasks(c *gin.Context) {
	p := caller(c)
	items, err := s.store.Inbox(c.Request.Context(), p.Officer.ID, p.Roles)
	if err != nil {
		fail(c, err)
		return
	}
	if items == nil {
		items = []store.InboxTask{}
	}
	c.JSON(http.StatusOK, gin.H{"items": items})
}

var deadlineStates = []string{"open", "due-soon", "overdue"}

func (s *Server) deadlines(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	state := c.DefaultQuery("state", "open")
	if !slices.Contains(deadlineStates, state) {
		fail(c, badRequest("state 须为 "+strings.Join(deadlineStates, "、")+" 之一", "state must be one of "+strings.Join(deadlineStates, ", ")))
		return
	}
	asOf := time.Now()
	if v := c.Query("as_of"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			fail(c, badRequest("as_of 须为 RFC3339 时间，如 2026-10-14T09:00:00+08:00", "as_of must be an RFC3339 time, e.g. 2026-10-14T09:00:00+08:00"))
			return
		}
		asOf = t
	}
	limit, offset, err := page(c)
	if err != nil {
		fail(c, err)
		return
	}
	var after *store.DeadlineCursor
	if v := c.Query("cursor"); v != "" {
		if c.Query("page") != "" {
			fail(c, badRequest("cursor 与 page 不能同时使用", "cursor and page cannot be used together"))
			return
		}
		cur, err := store.ParseDeadlineCursor(v)
		if err != nil || len(v) > 512 {
			fail(c, badRequest("cursor 无效：请使用上一页答复中的 next", "cursor is not valid: use the next of the previous page's answer"))
			return
		}
		after = &cur
	}
	agencies, err := s.readableAgencies(ctx, p, policies.ObjDeadline)
	if err != nil {
		fail(c, err)
		return
	}
	if len(agencies) == 0 {
		fail(c, errForbidden)
		return
	}
	// One more than the page tells whether a next page exists.
	items, total, err := s.store.Deadlines(ctx, store.DeadlineFilter{AgencyIDs: agencies, State: state, AsOf: asOf, Limit: limit + 1, Offset: offset, After: after})
	if err != nil {
		fail(c, err)
		return
	}
	out := deadlineList{Items: items, Total: total, Page: offset/limit + 1, Size: limit}
	if after != nil {
		out.Page = 0
	}
	if len(items) > limit {
		out.Items = items[:limit]
		out.Next = out.Items[limit-1].Cursor().String()
	}
	if total > store.DeadlineCountCap {
		out.Total, out.TotalCapped = store.DeadlineCountCap, true
	}
	if out.Items == nil {
		out.Items = []store.DeadlineView{}
	}
	c.JSON(http.StatusOK, out)
}

// deadlineList is a page of deadlines. The count stops at
// store.DeadlineCountCap: beyond it Total is the cap and TotalCapped is set.
// Next is the cursor of the page after this one, if there is one.
type deadlineList struct {
	Items       []store.DeadlineView `json:"items"`
	Total       int64                `json:"total"`
	TotalCapped bool                 `json:"total_capped"`
	Page        int                  `json:"page"`
	Size        int                  `json:"page_size"`
	Next        string               `json:"next,omitempty"`
}

// officerLapsed tells every open case of the officer at the agency that the
// officer may no longer act (certificate suspended or revoked, account
// disabled, officer role removed): the case asks its head to reassign
// (PL 42). A case that cannot be told now is logged; the officer's acts are
// refused anyway, by the policy.
func (s *Server) officerLapsed(ctx context.Context, agencyID, officerID, reason string) {
	ids, err := s.store.OpenCasesOf(ctx, agencyID, officerID)
	if err != nil {
		slog.Warn("cannot list the officer's open cases", "officerID", officerID, "err", err)
		return
	}
	for _, id := range ids {
		err := s.temporal.SignalWorkflow(ctx, workflows.CaseWorkflowID(id), "", workflows.OfficerLapsedSignal,
			workflows.OfficerLapsed{OfficerID: officerID, Reason: reason})
		if err != nil {
			slog.Warn("cannot tell a case its officer lapsed", "caseID", id, "officerID", officerID, "err", err)
		}
	}
}

// legalStanding is whether the officer may do a legal review of a penalty
// decision (PL 58 ¶2): qualified (holds the legal professional
// qualification), experienced (has reviewed before) or none.
func (s *Server) legalStanding(ctx context.Context, officerID, agencyID string) (string, error) {
	since, prior, err := s.store.ReviewerStanding(ctx, officerID, agencyID)
	switch {
	case err != nil:
		return "", err
	case since != nil && !since.After(time.Now()):
		return "qualified", nil
	case prior > 0:
		return "experienced", nil
	}
	return "none", nil
}
