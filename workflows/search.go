package workflows

import (
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// Search attributes put a case's number, agency, procedure, stage and
// whether a deadline of it is overdue on its workflow, so that the Temporal
// UI and CLI find a case by what people call it:
//
//	temporal workflow list --query "ZhifaCaseNumber='青山县市监立〔2026〕1号'"
//
// A cluster must know them before a case sets them: the embedded engine
// registers them at start, an external cluster's operator creates them
// (README, "Looking inside the engine").
var (
	// CaseNumberAttribute is the case number, set once the case has one.
	CaseNumberAttribute = temporal.NewSearchAttributeKeyKeyword("ZhifaCaseNumber")
	// AgencyAttribute is the ID of the agency that handles the case.
	AgencyAttribute = temporal.NewSearchAttributeKeyKeyword("ZhifaAgency")
	// ProcedureAttribute is the case's procedure, e.g. "general-penalty".
	ProcedureAttribute = temporal.NewSearchAttributeKeyKeyword("ZhifaProcedure")
	// StageAttribute is the case's current stage.
	StageAttribute = temporal.NewSearchAttributeKeyKeyword("ZhifaStage")
	// OverdueAttribute tells whether one of the agency's deadlines on the
	// case has passed without being met.
	OverdueAttribute = temporal.NewSearchAttributeKeyBool("ZhifaOverdue")
)

// SearchAttributes are the search attributes the case workflows set.
func SearchAttributes() []temporal.SearchAttributeKey {
	return []temporal.SearchAttributeKey{CaseNumberAttribute, AgencyAttribute, ProcedureAttribute, StageAttribute, OverdueAttribute}
}

// searchAttributes versions the upsert of the search attributes: cases
// recorded before it replay without it and gain the attributes with their
// next recorded event.
const searchAttributes = "search-attributes"

// publishSearch brings the workflow's search attributes in line with the
// case after each recorded event; nothing is sent when nothing changed.
// An attribute the cluster refuses is logged, never fails the act: the
// record is what counts.
func (r *Run[S]) publishSearch(ctx workflow.Context) {
	if workflow.GetVersion(ctx, searchAttributes, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return
	}
	c := r.c()
	have := workflow.GetTypedSearchAttributes(ctx)
	var updates []temporal.SearchAttributeUpdate
	keyword := func(k temporal.SearchAttributeKeyKeyword, v string) {
		if v == "" {
			return
		}
		if old, ok := have.GetKeyword(k); !ok || old != v {
			updates = append(updates, k.ValueSet(v))
		}
	}
	keyword(CaseNumberAttribute, c.Number)
	keyword(AgencyAttribute, c.AgencyID)
	keyword(ProcedureAttribute, c.Procedure)
	keyword(StageAttribute, string(c.Stage))
	overdue := hasOverdue(c.Deadlines)
	if old, ok := have.GetBool(OverdueAttribute); !ok || old != overdue {
		updates = append(updates, OverdueAttribute.ValueSet(overdue))
	}
	if len(updates) == 0 {
		return
	}
	if err := workflow.UpsertTypedSearchAttributes(ctx, updates...); err != nil {
		workflow.GetLogger(ctx).Error("search attributes not set", "caseID", c.ID, "error", err)
	}
}

// hasOverdue tells whether one of the agency's deadlines is overdue; a
// party's window that ran out is not.
func hasOverdue(ds []casefile.Deadline) bool {
	for _, d := range ds {
		if d.State == casefile.DeadlineOverdue && !d.Window {
			return true
		}
	}
	return false
}
