package workflows_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// People beyond the harness's four: heads with their roles, and a third officer.
var (
	headWithRole  = workflows.Actor{OfficerID: head.OfficerID, Name: head.Name, Roles: []casefile.Role{casefile.RoleHead}}
	deputyHead    = workflows.Actor{OfficerID: "h-sun", Name: "孙副局长", Roles: []casefile.Role{casefile.RoleHead}}
	principalHead = workflows.Actor{OfficerID: "h-zhou", Name: "周局长", Roles: []casefile.Role{casefile.RolePrincipalHead}}
	officer3      = workflows.Actor{OfficerID: "o-zhang", Name: "张华", Certificate: "JZ-14-0003"}
)

func applyRecusal(a workflows.Actor, target, role string, byParty bool) workflows.ApplyRecusalInput {
	return workflows.ApplyRecusalInput{ActBase: by(a), Target: target, TargetRole: role, ByParty: byParty, Reason: "与当事人有亲属关系"}
}

func decideRecusal(a workflows.Actor, id int, granted bool, participants ...string) workflows.DecideRecusalInput {
	return workflows.DecideRecusalInput{ActBase: by(a), Recusal: id, Granted: granted, Reason: "经审查，申请理由成立", Participants: participants}
}

func hasTask(c workflows.Case, key string, role casefile.Role) bool {
	return slices.ContainsFunc(c.Tasks(), func(t casefile.Task) bool { return t.Key == key && t.Role == string(role) })
}

// TestRecusalOfAnOfficer (PL 43; SAMR 4): the party applies for an officer's
// recusal, the investigation goes on while it is pending, a head decides, the
// recused officer can do nothing more, and the head must bring in another
// certified officer before two handlers remain.
func TestRecusalOfAnOfficer(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(headWithRole, "同意立案"))
	c.do(workflows.ActApplyRecusal, applyRecusal(officer1, officer2.OfficerID, "officer", true))
	c.refuse(workflows.ActApplyRecusal, applyRecusal(officer1, officer2.OfficerID, "officer", true), workflows.CodeInvalidInput)
	pending := c.look()
	// The investigation does not stop while the application is pending (PL 43).
	c.do(workflows.ActRecordEvidence, evidence(officer2, officer1.OfficerID, officer2.OfficerID))
	c.refuse(workflows.ActDecideRecusal, decideRecusal(officer2, 1, false), workflows.CodeSeparationOfDuties)
	c.do(workflows.ActDecideRecusal, decideRecusal(headWithRole, 1, true))
	afterGrant := c.look()
	c.refuse(workflows.ActRecordEvidence, evidence(officer2, officer1.OfficerID, officer2.OfficerID), workflows.CodeRecused)
	c.refuse(workflows.ActSubmitReport, report(officer2, proposedFine), workflows.CodeRecused)
	// The recused officer cannot be brought back by reassignment.
	back := workflows.ReassignOfficersInput{ActBase: by(headWithRole), Add: []string{officer2.OfficerID}, Reason: "恢复",
		Officers: []workflows.Officer{{ID: officer2.OfficerID, Name: officer2.Name, Certificate: officer2.Certificate}}}
	c.refuse(workflows.ActReassignOfficers, back, workflows.CodeRecused)
	c.do(workflows.ActReassignOfficers, workflows.ReassignOfficersInput{ActBase: by(headWithRole), Add: []string{officer3.OfficerID},
		Reason: "李明回避后补充办案人员", Officers: []workflows.Officer{{ID: officer3.OfficerID, Name: officer3.Name, Certificate: officer3.Certificate}}})
	c.do(workflows.ActRecordEvidence, evidence(officer3, officer1.OfficerID, officer3.OfficerID))
	c.cancel()
	c.run()

	p := pending.get(t)
	require.Equal(t, "pending", p.Recusals[0].Outcome)
	require.True(t, p.Recusals[0].ByParty)
	require.True(t, hasTask(p, "recusal#1", casefile.RoleHead), "the head is asked to decide")

	g := afterGrant.get(t)
	require.Equal(t, []string{officer2.OfficerID}, g.Recused)
	require.True(t, g.NeedsReassignment(), "one handler left: fewer than two (PL 42)")
	require.True(t, hasTask(g, "reassignment", casefile.RoleHead))
	require.False(t, hasTask(g, "recusal#1", casefile.RoleHead))

	events := c.rec.events()
	last := events[len(events)-1]
	require.Equal(t, string(workflows.ActRecordEvidence), last.Act)
	require.Equal(t, officer3.Certificate, last.Certificate, "the record keeps the certificate used for each act")
}

// TestRecusalOfAHeadIsForThePrincipalHead (SAMR 4): a head's recusal is
// decided by the principal head, not by another head nor by the head.
func TestRecusalOfAHeadIsForThePrincipalHead(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApplyRecusal, applyRecusal(officer1, headWithRole.OfficerID, "head", true))
	c.refuse(workflows.ActDecideRecusal, decideRecusal(headWithRole, 1, false), workflows.CodeSeparationOfDuties)
	c.refuse(workflows.ActDecideRecusal, decideRecusal(deputyHead, 1, true), workflows.CodeSeparationOfDuties)
	c.do(workflows.ActDecideRecusal, decideRecusal(principalHead, 1, true))
	c.refuse(workflows.ActApproveFiling, opinion(headWithRole, "同意"), workflows.CodeRecused)
	c.do(workflows.ActApproveFiling, opinion(deputyHead, "同意立案"))
	c.cancel()
	c.run()
	require.Contains(t, c.rec.acts(), string(workflows.ActApproveFiling))
}

// TestRecusalOfThePrincipalHeadNeedsACollectiveDiscussion (SAMR 4).
func TestRecusalOfThePrincipalHeadNeedsACollectiveDiscussion(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApplyRecusal, applyRecusal(officer1, principalHead.OfficerID, "principal-head", false))
	c.refuse(workflows.ActDecideRecusal, decideRecusal(deputyHead, 1, true), workflows.CodeSeparationOfDuties)
	c.refuse(workflows.ActDecideRecusal, decideRecusal(deputyHead, 1, true, deputyHead.OfficerID, principalHead.OfficerID), workflows.CodeSeparationOfDuties)
	c.do(workflows.ActDecideRecusal, decideRecusal(deputyHead, 1, false, deputyHead.OfficerID, headWithRole.OfficerID))
	after := c.look()
	c.cancel()
	c.run()
	r := after.get(t).Recusals[0]
	require.Equal(t, "refused", r.Outcome)
	require.ElementsMatch(t, []string{deputyHead.OfficerID, headWithRole.OfficerID}, r.Participants)
}

// TestCertificateLapseMidCase (PL 42): when a handling officer's certificate
// ends during the case, that officer may no longer act and, with fewer than
// two certified handlers left, the head is asked to reassign.
func TestCertificateLapseMidCase(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.open.Officers[1].CertificateValidUntil = bj(2026, 3, 10, 0, 0)
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(headWithRole, "同意立案"))
	before := c.lookAt(bj(2026, 3, 9, 23, 59))
	c.wait(bj(2026, 3, 10, 8, 0))
	after := c.look()
	// The API gives no certificate number to an officer whose certificate is not valid now.
	lapsed := officer2
	lapsed.Certificate = ""
	c.refuse(workflows.ActRecordEvidence, evidence(lapsed, officer1.OfficerID, officer2.OfficerID), workflows.CodeNoCertificate)
	c.do(workflows.ActReassignOfficers, workflows.ReassignOfficersInput{ActBase: by(headWithRole), Add: []string{officer3.OfficerID},
		Remove: []string{officer2.OfficerID}, Reason: "王芳执法证到期",
		Officers: []workflows.Officer{{ID: officer3.OfficerID, Name: officer3.Name, Certificate: officer3.Certificate}}})
	done := c.look()
	c.cancel()
	c.run()

	require.Empty(t, before.get(t).LapsedCertificates)
	a := after.get(t)
	require.Equal(t, []string{officer2.OfficerID}, a.LapsedCertificates)
	require.True(t, a.NeedsReassignment())
	require.True(t, hasTask(a, "reassignment", casefile.RoleHead))
	require.Contains(t, c.rec.acts(), "certificate-lapsed")
	d := done.get(t)
	require.False(t, d.NeedsReassignment())
	require.Len(t, d.Officers, 2)
	require.Equal(t, officer2.OfficerID, d.FormerOfficers[0].ID)
}

// TestFormerHandlerMayNotReviewOrDecide (SAMR 49 ¶3; 办审定分离): an officer
// reassigned away from the case has still handled it, so they may not
// review it or decide it.
func TestFormerHandlerMayNotReviewOrDecide(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(headWithRole, "同意立案"))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.do(workflows.ActReassignOfficers, workflows.ReassignOfficersInput{ActBase: by(headWithRole), Add: []string{officer3.OfficerID},
		Remove: []string{officer2.OfficerID}, Reason: "王芳调岗",
		Officers: []workflows.Officer{{ID: officer3.OfficerID, Name: officer3.Name, Certificate: officer3.Certificate}}})
	c.do(workflows.ActSubmitReport, report(officer1, proposedFine))
	formerAsReviewer := workflows.Actor{OfficerID: officer2.OfficerID, Name: officer2.Name, Roles: []casefile.Role{casefile.RoleReviewer}}
	c.refuse(workflows.ActApproveReview, opinion(formerAsReviewer, "同意"), workflows.CodeSeparationOfDuties)
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.cancel()
	c.run()
}

// TestRecusalDeciderFollowsRealRoles (PL 43; SAMR 4): an application that
// calls a head "an officer" is still decided by the principal head, because
// the API records the roles the target really holds; and a collective
// discussion counts only participants who really are heads.
func TestRecusalDeciderFollowsRealRoles(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(headWithRole, "同意立案"))
	mislabelled := applyRecusal(officer1, deputyHead.OfficerID, "officer", true)
	mislabelled.TargetRoles = []casefile.Role{casefile.RoleHead}
	c.do(workflows.ActApplyRecusal, mislabelled)
	c.refuse(workflows.ActDecideRecusal, decideRecusal(headWithRole, 1, true), workflows.CodeSeparationOfDuties)
	c.do(workflows.ActDecideRecusal, decideRecusal(principalHead, 1, false))

	ofPrincipal := applyRecusal(officer1, principalHead.OfficerID, "officer", true)
	ofPrincipal.TargetRoles = []casefile.Role{casefile.RolePrincipalHead}
	c.do(workflows.ActApplyRecusal, ofPrincipal)
	padded := decideRecusal(headWithRole, 2, true, headWithRole.OfficerID, officer2.OfficerID)
	padded.Heads = []string{headWithRole.OfficerID} // officer2 is no head
	c.refuse(workflows.ActDecideRecusal, padded, workflows.CodeSeparationOfDuties)
	real := decideRecusal(headWithRole, 2, true, headWithRole.OfficerID, deputyHead.OfficerID)
	real.Heads = []string{headWithRole.OfficerID, deputyHead.OfficerID}
	c.do(workflows.ActDecideRecusal, real)
	c.cancel()
	c.run()
}
