package policies

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// where places the principal relative to the object in the test tree
//
//	P (province)
//	└── C (city)
//	    ├── K1 (county) ── T1 (township)
//	    └── K2 (county)
//
// Every matrix object is owned by K1, except "above", where it is C's.
type where string

const (
	own     where = "own"     // principal at K1, object at K1
	below   where = "below"   // principal at C, object at K1 (one level down)
	sibling where = "sibling" // principal at K2, object at K1
	above   where = "above"   // principal at K1, object at C
)

const (
	allow = true
	deny  = false
)

// placement gives the principal's agency and the object's agency for w.
func placement(w where) (officerAgency, agency string) {
	switch w {
	case own:
		return "K1", "K1"
	case below:
		return "C", "K1"
	case sibling:
		return "K2", "K1"
	case above:
		return "K1", "C"
	}
	panic("unknown placement " + string(w))
}

// holder is the officer ID of the test principal holding role at agency;
// testTree assigns one for every role at every agency.
func holder(role casefile.Role, agency string) string {
	return "o:" + string(role) + "@" + agency
}

var testAgencies = []string{"P", "C", "K1", "K2", "T1"}

// testTree returns an enforcer with policy.csv, the test tree, and one holder
// of each role at each agency.
func testTree(t testing.TB, opts ...Option) *Enforcer {
	t.Helper()
	e, err := New(opts...)
	require.NoError(t, err)
	for _, l := range [][2]string{{"C", "P"}, {"K1", "C"}, {"K2", "C"}, {"T1", "K1"}} {
		require.NoError(t, e.SetAgencyParent(l[0], l[1]))
	}
	for _, a := range testAgencies {
		for _, r := range casefile.Roles {
			require.NoError(t, e.Assign(holder(r, a), r, a))
		}
	}
	return e
}

// row is one line of the permission matrix: may the holder of role, placed
// at where relative to the object, do act to obj, holding a certificate that
// is valid / expired / suspended / valid but for another field?
type row struct {
	role                                  casefile.Role
	where                                 where
	obj                                   Object
	act                                   casefile.Act
	valid, expired, suspended, wrongField bool
}

// matrixCerts are the certificate states of a row's four answers, in order.
var matrixCerts = []casefile.Certificate{casefile.CertValid, casefile.CertExpired, casefile.CertSuspended, casefile.CertWrongField}

// expect is the row's answer for certificate state c (one of matrixCerts).
func (x row) expect(c casefile.Certificate) bool {
	return map[casefile.Certificate]bool{casefile.CertValid: x.valid, casefile.CertExpired: x.expired, casefile.CertSuspended: x.suspended, casefile.CertWrongField: x.wrongField}[c]
}

// matrix is the whole permission matrix: every role × placement × (object,
// act) × certificate state. It is written from the role rules
// (shared/domain/procedures.md §3 and the articles cited in policy.csv), not
// generated from policy.csv, so a wrong line in either shows.
// TestMatrixIsComplete checks no row is missing or repeated.
//
// Columns: role, where, object, act: valid, expired, suspended, wrong-field.
var matrix = []row{
	// officer: reads its own agency's cases and tasks; every act, applying for a recusal included, needs a valid 执法证 for the case's field (PL 42, 43, 76(5); CL 17).
	{casefile.RoleOfficer, own, ObjCase, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleOfficer, own, ObjTask, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleOfficer, own, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActOpenCase, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordEvidence, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActSubmitReport, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActServeNotice, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordStatement, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordWaiver, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActServeDecision, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActPublish, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordPayment, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActHearParty, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActDecideOnSpot, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActCollectOnSpot, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActHandInCash, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActFileWithAgency, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRequestClosing, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActServeDemand, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordDefence, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActServeSubstituteDemand, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActScheduleExecution, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActCarryOutExecution, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordCourt, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordPerformance, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActServeFreezeDecision, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActProposeMeasure, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActTakeMeasure, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActReleaseMeasure, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordExecution, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActWithdrawPublication, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordRemedy, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActEndRemedy, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActWithdrawHearing, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActStartExclusion, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActEndExclusion, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActApplyRecusal, allow, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, own, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, below, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, sibling, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleOfficer, above, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	// reviewer: reads and reviews its own agency's cases, certificate or not; never decides (PL 58; SAMR 49–55).
	{casefile.RoleReviewer, own, ObjCase, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleReviewer, own, ObjTask, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleReviewer, own, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActApproveReview, allow, allow, allow, allow},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActReturnReview, allow, allow, allow, allow},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, own, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, below, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, sibling, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleReviewer, above, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	// head: approves, decides, decides staff recusal and reassigns officers at its own agency only; needs no 执法证 (PL 43, 54, 57; SAMR 4, 19–20, 56, 77).
	{casefile.RoleHead, own, ObjCase, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjTask, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjDeadline, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActApproveFiling, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActRejectFiling, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActApprovePenalty, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActDecide, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActApproveClosing, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActDecideExecution, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActApplyToCourt, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordAgreement, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActSuspendExecution, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActResumeExecution, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActTerminateExecution, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActApproveMeasure, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActRefuseMeasure, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActExtendMeasure, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActEndMeasure, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActDisposeEarly, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActExtendFiling, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActExtendReview, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActReopenInvestigation, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActApproveDeferral, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActScheduleHearing, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActExtendDecision, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActExtendByHeads, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActSuspendCase, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActResumeCase, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActTerminateCase, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActWithdrawFiling, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActTransferCase, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActMarkMajor, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActRecordDiscussion, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCase, workflows.ActDecideRecusal, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjCase, workflows.ActReassignOfficers, allow, allow, allow, allow},
	{casefile.RoleHead, own, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, own, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, below, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, sibling, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHead, above, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	// principal head: everything a head may do, including the recusal of other heads (SAMR 4; HB 十四).
	{casefile.RolePrincipalHead, own, ObjCase, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjTask, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjDeadline, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActApproveFiling, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRejectFiling, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActApprovePenalty, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActDecide, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActApproveClosing, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActDecideExecution, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActApplyToCourt, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordAgreement, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActSuspendExecution, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActResumeExecution, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActTerminateExecution, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActApproveMeasure, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRefuseMeasure, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActExtendMeasure, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActEndMeasure, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActDisposeEarly, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActExtendFiling, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActExtendReview, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActReopenInvestigation, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActApproveDeferral, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActScheduleHearing, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActExtendDecision, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActExtendByHeads, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActSuspendCase, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActResumeCase, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActTerminateCase, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActWithdrawFiling, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActTransferCase, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActMarkMajor, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActRecordDiscussion, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActDecideRecusal, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjCase, workflows.ActReassignOfficers, allow, allow, allow, allow},
	{casefile.RolePrincipalHead, own, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, own, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, below, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, sibling, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RolePrincipalHead, above, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	// hearing host: reads its own agency's case file, nothing else (PL 64; SAMR 78).
	{casefile.RoleHearingHost, own, ObjCase, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleHearingHost, own, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordHearing, allow, allow, allow, allow},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, own, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, below, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, sibling, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleHearingHost, above, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	// manager: reads cases, deadlines, officers and certificates at its agency and below; never acts, never administers (PL 76; SAMR 6; ENFSUP).
	{casefile.RoleManager, own, ObjCase, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleManager, own, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjDeadline, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleManager, own, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjOfficer, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleManager, own, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCertificate, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleManager, own, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, own, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleManager, below, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjDeadline, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleManager, below, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjOfficer, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleManager, below, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCertificate, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleManager, below, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, below, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, sibling, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleManager, above, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	// admin: reads and manages master data and permission lines at its agency and below; never touches a case (HB 二十二).
	{casefile.RoleAdmin, own, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleAdmin, own, ObjAgency, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjAgency, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjOfficer, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjOfficer, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjCertificate, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjCertificate, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjPowerItem, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjPowerItem, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjCalendar, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjCalendar, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjPolicy, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, own, ObjPolicy, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleAdmin, below, ObjAgency, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjAgency, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjOfficer, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjOfficer, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjCertificate, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjCertificate, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjPowerItem, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjPowerItem, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjCalendar, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjCalendar, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjPolicy, casefile.ActRead, allow, allow, allow, allow},
	{casefile.RoleAdmin, below, ObjPolicy, casefile.ActManage, allow, allow, allow, allow},
	{casefile.RoleAdmin, sibling, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, sibling, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjTask, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjDeadline, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActOpenCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActApproveFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRejectFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordEvidence, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActSubmitReport, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActApproveReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActReturnReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActApprovePenalty, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActServeNotice, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordStatement, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordWaiver, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActDecide, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActServeDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActPublish, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordPayment, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActHearParty, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActDecideOnSpot, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActCollectOnSpot, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActHandInCash, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActFileWithAgency, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRequestClosing, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActApproveClosing, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActServeDemand, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordDefence, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActServeSubstituteDemand, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActScheduleExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActCarryOutExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordCourt, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordPerformance, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActDecideExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActApplyToCourt, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordAgreement, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActSuspendExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActResumeExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActTerminateExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActServeFreezeDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActProposeMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActTakeMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActReleaseMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActApproveMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRefuseMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActExtendMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActEndMeasure, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActDisposeEarly, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordExecution, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActExtendFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActExtendReview, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActReopenInvestigation, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActWithdrawPublication, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActApproveDeferral, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordRemedy, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActEndRemedy, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActScheduleHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActWithdrawHearing, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActStartExclusion, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActEndExclusion, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActExtendDecision, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActExtendByHeads, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActSuspendCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActResumeCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActTerminateCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActWithdrawFiling, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActTransferCase, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActMarkMajor, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActRecordDiscussion, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActApplyRecusal, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActDecideRecusal, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCase, workflows.ActReassignOfficers, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjAgency, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjAgency, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjOfficer, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjOfficer, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCertificate, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCertificate, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjPowerItem, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjPowerItem, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCalendar, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjCalendar, casefile.ActManage, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjPolicy, casefile.ActRead, deny, deny, deny, deny},
	{casefile.RoleAdmin, above, ObjPolicy, casefile.ActManage, deny, deny, deny, deny},
}

// matrixPairs are the (object, act) pairs of the matrix: reads, every act on
// a case, and reading and managing every administrable object.
func matrixPairs() []struct {
	obj Object
	act casefile.Act
} {
	type pair = struct {
		obj Object
		act casefile.Act
	}
	pairs := []pair{{ObjCase, casefile.ActRead}, {ObjTask, casefile.ActRead}, {ObjDeadline, casefile.ActRead}, {ObjCase, workflows.ActOpenCase}}
	for _, a := range workflows.Acts() {
		if a != workflows.ActOpenCase {
			pairs = append(pairs, pair{ObjCase, a})
		}
	}
	for _, o := range AdminObjects {
		pairs = append(pairs, pair{o, casefile.ActRead}, pair{o, casefile.ActManage})
	}
	return pairs
}

func TestMatrix(t *testing.T) {
	t.Parallel()
	e := testTree(t, CacheSize(0))
	for _, x := range matrix {
		for _, cert := range matrixCerts {
			name := fmt.Sprintf("%s/%s/%s/%s/%s", x.role, x.where, x.obj, x.act, cert)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				officerAgency, agency := placement(x.where)
				got, err := e.Allowed(Request{
					Officer:       holder(x.role, officerAgency),
					OfficerAgency: officerAgency,
					Agency:        agency,
					Object:        x.obj,
					Act:           x.act,
					Certificate:   cert,
				})
				require.NoError(t, err)
				require.Equal(t, x.expect(cert), got)
			})
		}
	}
}

// TestMatrixThroughTheCache asks every question of the matrix twice through
// a caching enforcer: the second, cached, answer is the same as the first.
func TestMatrixThroughTheCache(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	for range 2 {
		for _, x := range matrix {
			for _, cert := range matrixCerts {
				officerAgency, agency := placement(x.where)
				got, err := e.Allowed(Request{Officer: holder(x.role, officerAgency), OfficerAgency: officerAgency,
					Agency: agency, Object: x.obj, Act: x.act, Certificate: cert})
				require.NoError(t, err)
				require.Equal(t, x.expect(cert), got, "%+v with %s", x, cert)
			}
		}
	}
	require.Positive(t, e.cache.len())
}

// TestMatrixIsComplete: the matrix has exactly one row for every role ×
// placement × (object, act), so a deleted row is noticed, and every act on a
// case and every object is in it.
func TestMatrixIsComplete(t *testing.T) {
	t.Parallel()
	type key struct {
		role  casefile.Role
		where where
		obj   Object
		act   casefile.Act
	}
	want := map[key]bool{}
	for _, r := range casefile.Roles {
		for _, w := range []where{own, below, sibling, above} {
			for _, p := range matrixPairs() {
				want[key{r, w, p.obj, p.act}] = true
			}
		}
	}
	got := map[key]bool{}
	for _, x := range matrix {
		k := key{x.role, x.where, x.obj, x.act}
		require.False(t, got[k], "repeated row %+v", x)
		require.True(t, want[k], "row outside the matrix %+v", x)
		got[k] = true
	}
	require.Len(t, got, len(want))

	objects := map[Object]bool{}
	for _, p := range matrixPairs() {
		objects[p.obj] = true
	}
	for _, o := range Objects {
		require.True(t, objects[o], "object %s is not in the matrix", o)
	}
}

// TestEveryLineIsInTheMatrix: each line of policy.csv grants at least one
// allow of the matrix (or of TestManagerReadsDownTheTree), so no line is
// there without a reviewed expectation.
func TestEveryLineIsInTheMatrix(t *testing.T) {
	t.Parallel()
	rules, err := DefaultRules()
	require.NoError(t, err)
	for _, r := range rules {
		w := own
		if r.Scope == ScopeBelow {
			w = below
		}
		found := false
		for _, x := range matrix {
			if x.role == r.Role && x.where == w && x.obj == r.Object && x.act == r.Act && x.valid {
				found = true
				require.Equal(t, r.Cert == NeedNone, x.expired, "%s: only a line needing no certificate allows an expired one", r)
			}
		}
		require.True(t, found, "%s has no allow in the matrix", r)
	}
}

// TestSupervisionFlowsDownTheTree: a manager reads, and an admin reads and
// manages, at any depth below their agency, never beside or above it.
func TestSupervisionFlowsDownTheTree(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	tests := []struct {
		name          string
		officerAgency string
		agency        string
		allow         bool
	}{
		{"city reaches county K1", "C", "K1", allow},
		{"city reaches county K2", "C", "K2", allow},
		{"city reaches township two levels down", "C", "T1", allow},
		{"province reaches township three levels down", "P", "T1", allow},
		{"county reaches its township", "K1", "T1", allow},
		{"county does not reach a sibling's township", "K2", "T1", deny},
		{"county does not reach its city", "K1", "C", deny},
		{"county does not reach its province", "K1", "P", deny},
		{"township does not reach its county", "T1", "K1", deny},
	}
	grants := []struct {
		role casefile.Role
		obj  Object
		act  casefile.Act
	}{
		{casefile.RoleManager, ObjCase, casefile.ActRead}, {casefile.RoleManager, ObjDeadline, casefile.ActRead},
		{casefile.RoleManager, ObjOfficer, casefile.ActRead}, {casefile.RoleManager, ObjCertificate, casefile.ActRead},
	}
	for _, o := range AdminObjects {
		grants = append(grants, struct {
			role casefile.Role
			obj  Object
			act  casefile.Act
		}{casefile.RoleAdmin, o, casefile.ActRead}, struct {
			role casefile.Role
			obj  Object
			act  casefile.Act
		}{casefile.RoleAdmin, o, casefile.ActManage})
	}
	for _, tt := range tests {
		for _, g := range grants {
			t.Run(fmt.Sprintf("%s/%s/%s/%s", tt.name, g.role, g.obj, g.act), func(t *testing.T) {
				t.Parallel()
				got, err := e.Allowed(Request{
					Officer: holder(g.role, tt.officerAgency), OfficerAgency: tt.officerAgency,
					Agency: tt.agency, Object: g.obj, Act: g.act, Certificate: casefile.CertNone,
				})
				require.NoError(t, err)
				require.Equal(t, tt.allow, got)
			})
		}
	}
	t.Run("city manager and admin never act on a case", func(t *testing.T) {
		t.Parallel()
		for _, role := range []casefile.Role{casefile.RoleManager, casefile.RoleAdmin} {
			for _, agency := range []string{"C", "K1", "K2", "T1"} {
				for _, act := range workflows.Acts() {
					got, err := e.Allowed(Request{
						Officer: holder(role, "C"), OfficerAgency: "C",
						Agency: agency, Object: ObjCase, Act: act, Certificate: casefile.CertValid,
					})
					require.NoError(t, err)
					require.False(t, got, "%s %s at %s", role, act, agency)
				}
			}
		}
	})
	t.Run("a manager never manages", func(t *testing.T) {
		t.Parallel()
		for _, o := range AdminObjects {
			for _, agency := range []string{"C", "K1", "T1"} {
				got, err := e.Allowed(Request{Officer: holder(casefile.RoleManager, "C"), OfficerAgency: "C",
					Agency: agency, Object: o, Act: casefile.ActManage, Certificate: casefile.CertValid})
				require.NoError(t, err)
				require.False(t, got, "manager manages %s at %s", o, agency)
			}
		}
	})
}

// TestAgencyIsNotBelowItself loads a policy with a "below" line and no "own"
// line: the role manager links every agency to itself, and the model must
// not let that count as "below".
func TestAgencyIsNotBelowItself(t *testing.T) {
	t.Parallel()
	e, err := newEnforcer(modelConf, "p, manager, below, case, read, -\n")
	require.NoError(t, err)
	require.NoError(t, e.SetAgencyParent("T1", "K1"))
	require.NoError(t, e.Assign("o:1", casefile.RoleManager, "K1"))
	read := func(agency string) bool {
		ok, err := e.Allowed(Request{Officer: "o:1", OfficerAgency: "K1", Agency: agency, Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertNone})
		require.NoError(t, err)
		return ok
	}
	require.False(t, read("K1"), "K1 is not below K1")
	require.True(t, read("T1"))
}

// TestActingAgencyMustBeHeld: the principal names the agency they act
// through; naming one where they hold no role gets nothing.
func TestActingAgencyMustBeHeld(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	tests := []struct {
		name string
		req  Request
	}{
		{"K1 officer claims the city", Request{Officer: holder(casefile.RoleOfficer, "K1"), OfficerAgency: "C", Agency: "K1", Object: ObjCase, Act: workflows.ActRecordEvidence, Certificate: casefile.CertValid}},
		{"K2 officer claims K1", Request{Officer: holder(casefile.RoleOfficer, "K2"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertValid}},
		{"K1 manager claims the city", Request{Officer: holder(casefile.RoleManager, "K1"), OfficerAgency: "C", Agency: "K2", Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertValid}},
		{"K1 officer claims its head's role", Request{Officer: holder(casefile.RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: workflows.ActDecide, Certificate: casefile.CertValid}},
		{"unknown officer", Request{Officer: "o:nobody", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertValid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := e.Allowed(tt.req)
			require.NoError(t, err)
			require.False(t, got)
		})
	}
}

// TestNoCertificate: an officer without a 执法证 (none, or the zero value)
// is refused every act; reviewers, heads and hearing hosts need none.
func TestNoCertificate(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	for _, cert := range []casefile.Certificate{casefile.CertNone, ""} {
		for _, act := range workflows.Acts() {
			got, err := e.Allowed(Request{Officer: holder(casefile.RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: act, Certificate: cert})
			require.NoError(t, err)
			require.False(t, got, "officer %s with certificate %q", act, cert)
		}
		for _, x := range []struct {
			role casefile.Role
			act  casefile.Act
		}{{casefile.RoleReviewer, workflows.ActApproveReview}, {casefile.RoleHead, workflows.ActDecide}, {casefile.RoleHead, workflows.ActDecideRecusal},
			{casefile.RolePrincipalHead, workflows.ActDecideRecusal}, {casefile.RoleHearingHost, casefile.ActRead}, {casefile.RoleOfficer, casefile.ActRead}} {
			got, err := e.Allowed(Request{Officer: holder(x.role, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: x.act, Certificate: cert})
			require.NoError(t, err)
			require.True(t, got, "%s %s with certificate %q", x.role, x.act, cert)
		}
	}
}

func TestAllowedRejectsBadRequests(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	good := Request{Officer: holder(casefile.RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertValid}
	ok, err := e.Allowed(good)
	require.NoError(t, err)
	require.True(t, ok)

	tests := []struct {
		name   string
		change func(*Request)
	}{
		{"no officer", func(r *Request) { r.Officer = "" }},
		{"no officer agency", func(r *Request) { r.OfficerAgency = "" }},
		{"no agency", func(r *Request) { r.Agency = "" }},
		{"no object", func(r *Request) { r.Object = "" }},
		{"no act", func(r *Request) { r.Act = "" }},
		{"unknown certificate", func(r *Request) { r.Certificate = "revoked" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := good
			tt.change(&r)
			ok, err := e.Allowed(r)
			require.ErrorIs(t, err, ErrInvalidRequest)
			require.False(t, ok)
		})
	}
	t.Run("unknown act is refused", func(t *testing.T) {
		t.Parallel()
		r := good
		r.Act = "delete"
		ok, err := e.Allowed(r)
		require.NoError(t, err)
		require.False(t, ok)
	})
}

// TestEnforcerErrorIsNotAnAllow: when casbin fails, Allowed says so and
// does not allow.
func TestEnforcerErrorIsNotAnAllow(t *testing.T) {
	t.Parallel()
	broken := strings.Replace(modelConf, "m = r.obj == p.obj", "m = noSuchFunction(r.sub) && r.obj == p.obj", 1)
	require.NotEqual(t, modelConf, broken)
	e, err := newEnforcer(broken, policyCSV)
	require.NoError(t, err)
	require.NoError(t, e.Assign("o:1", casefile.RoleOfficer, "K1"))
	ok, err := e.Allowed(Request{Officer: "o:1", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertValid})
	require.Error(t, err)
	require.False(t, ok)
}

func TestAssign(t *testing.T) {
	t.Parallel()
	e, err := New()
	require.NoError(t, err)
	req := Request{Officer: "o:12", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: workflows.ActRecordEvidence, Certificate: casefile.CertValid}
	allowed := func() bool {
		ok, err := e.Allowed(req)
		require.NoError(t, err)
		return ok
	}

	require.Nil(t, e.RolesAt("o:12", "K1"))
	require.False(t, allowed())

	require.NoError(t, e.Assign("o:12", casefile.RoleOfficer, "K1"))
	require.NoError(t, e.Assign("o:12", casefile.RoleOfficer, "K1"), "assigning twice is not an error")
	require.NoError(t, e.Assign("o:12", casefile.RoleReviewer, "K1"))
	require.NoError(t, e.Assign("o:12", casefile.RoleManager, "C"))
	require.Equal(t, []casefile.Role{casefile.RoleOfficer, casefile.RoleReviewer}, e.RolesAt("o:12", "K1"))
	require.Equal(t, []casefile.Role{casefile.RoleManager}, e.RolesAt("o:12", "C"))
	require.Nil(t, e.RolesAt("o:12", "K2"))
	require.True(t, allowed())

	require.NoError(t, e.Unassign("o:12", casefile.RoleOfficer, "K1"))
	require.False(t, allowed(), "revocation takes effect at once")
	require.NoError(t, e.Unassign("o:12", casefile.RoleOfficer, "K1"), "unassigning twice is not an error")
	require.Equal(t, []casefile.Role{casefile.RoleReviewer}, e.RolesAt("o:12", "K1"))
}

func TestAssignRejects(t *testing.T) {
	t.Parallel()
	e, err := New()
	require.NoError(t, err)
	tests := []struct {
		name    string
		officer string
		role    casefile.Role
		agency  string
	}{
		{"empty officer", "", casefile.RoleOfficer, "K1"},
		{"empty agency", "o:1", casefile.RoleOfficer, ""},
		{"unknown role", "o:1", "clerk", "K1"},
		{"officer ID that is a role name", "officer", casefile.RoleHead, "K1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.ErrorIs(t, e.Assign(tt.officer, tt.role, tt.agency), ErrInvalidAssignment)
			require.ErrorIs(t, e.Unassign(tt.officer, tt.role, tt.agency), ErrInvalidAssignment)
		})
	}
}

func TestSetAgencyParent(t *testing.T) {
	t.Parallel()
	readAs := func(t *testing.T, e *Enforcer, managerAt, caseAt string) bool {
		t.Helper()
		ok, err := e.Allowed(Request{Officer: holder(casefile.RoleManager, managerAt), OfficerAgency: managerAt, Agency: caseAt, Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertNone})
		require.NoError(t, err)
		return ok
	}

	t.Run("idempotent", func(t *testing.T) {
		t.Parallel()
		e := testTree(t)
		require.NoError(t, e.SetAgencyParent("K1", "C"))
		require.True(t, readAs(t, e, "C", "T1"))
	})
	t.Run("refuses a bad tree", func(t *testing.T) {
		t.Parallel()
		e := testTree(t)
		require.ErrorIs(t, e.SetAgencyParent("K1", "K1"), ErrInvalidTree)
		require.ErrorIs(t, e.SetAgencyParent("", "C"), ErrInvalidTree)
		require.ErrorIs(t, e.SetAgencyParent("K1", ""), ErrInvalidTree)
		require.ErrorIs(t, e.SetAgencyParent("C", "T1"), ErrInvalidTree, "cycle through two levels")
		require.ErrorIs(t, e.SetAgencyParent("K1", "T1"), ErrInvalidTree, "cycle through one level")
		require.True(t, readAs(t, e, "P", "T1"), "a refused change leaves the tree as it was")
	})
	t.Run("moves a subtree", func(t *testing.T) {
		t.Parallel()
		e := testTree(t)
		require.NoError(t, e.SetAgencyParent("C2", "P"))
		require.NoError(t, e.Assign(holder(casefile.RoleManager, "C2"), casefile.RoleManager, "C2"))
		require.NoError(t, e.SetAgencyParent("K1", "C2"))
		require.False(t, readAs(t, e, "C", "K1"), "the old city loses K1")
		require.False(t, readAs(t, e, "C", "T1"), "and K1's township")
		require.True(t, readAs(t, e, "C2", "T1"), "the new city gains them")
		require.True(t, readAs(t, e, "P", "T1"))
		require.True(t, readAs(t, e, "C", "K2"))
	})
	t.Run("depth limit", func(t *testing.T) {
		t.Parallel()
		e, err := New()
		require.NoError(t, err)
		// A chain of maxAgencyDepth links: A0 ← A1 ← … ← A10.
		agency := func(i int) string { return fmt.Sprintf("A%d", i) }
		for i := 1; i <= maxAgencyDepth; i++ {
			require.NoError(t, e.SetAgencyParent(agency(i), agency(i-1)))
		}
		require.NoError(t, e.Assign(holder(casefile.RoleManager, "A0"), casefile.RoleManager, "A0"))
		require.True(t, readAs(t, e, "A0", agency(maxAgencyDepth)), "casbin follows the deepest link we accept")
		err = e.SetAgencyParent(agency(maxAgencyDepth+1), agency(maxAgencyDepth))
		require.ErrorIs(t, err, ErrInvalidTree, "one more level below is refused")
		require.ErrorIs(t, e.SetAgencyParent("A0", "Root"), ErrInvalidTree, "one more level above is refused")
		// Moving a two-level subtree (B1 ← B2) under A9 would make 11 links.
		require.NoError(t, e.SetAgencyParent("B2", "B1"))
		require.ErrorIs(t, e.SetAgencyParent("B1", agency(maxAgencyDepth-1)), ErrInvalidTree)
		require.NoError(t, e.SetAgencyParent("B1", agency(maxAgencyDepth-2)))
		require.True(t, readAs(t, e, "A0", "B2"))
	})
}

func TestPolicyFileIsChecked(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"unknown role":      "p, clerk, own, case, read, -",
		"unknown scope":     "p, officer, above, case, read, -",
		"unknown object":    "p, officer, own, file, read, -",
		"unknown act":       "p, officer, own, case, delete, -",
		"unknown cert":      "p, officer, own, case, read, expired",
		"too few fields":    "p, officer, own, case, read",
		"grouping line":     "g, o:1, officer, K1",
		"repeated line":     "p, officer, own, case, read, -\np, officer, own, case, read, -",
		"unbalanced quotes": "p, \"officer, own, case, read, -",
	}
	for name, policy := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := newEnforcer(modelConf, policy)
			require.ErrorIs(t, err, ErrInvalidPolicy)
		})
	}
}

// TestConcurrentChanges runs decisions while roles come and go; run with
// -race. A principal whose role is never touched must always be allowed.
func TestConcurrentChanges(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 200 {
				officer := fmt.Sprintf("o:%d-%d", w, i)
				if err := e.Assign(officer, casefile.RoleOfficer, "K1"); err != nil {
					errs <- err
					return
				}
				if err := e.Unassign(officer, casefile.RoleOfficer, "K1"); err != nil {
					errs <- err
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 200 {
				ok, err := e.Allowed(Request{Officer: holder(casefile.RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: workflows.ActRecordEvidence, Certificate: casefile.CertValid})
				if err == nil && !ok {
					err = errors.New("a stable officer was refused")
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

func TestRuleCheck(t *testing.T) {
	t.Parallel()
	good := Rule{Role: casefile.RoleHead, Scope: ScopeOwn, Object: ObjCase, Act: workflows.ActDecideRecusal, Cert: NeedNone}
	require.NoError(t, good.Check())
	require.Equal(t, "p, head, own, case, decide-recusal, -", good.String())
	back, err := RuleFromLine(good.Line())
	require.NoError(t, err)
	require.Equal(t, good, back)
	_, err = RuleFromLine([]string{"head", "own", "case"})
	require.ErrorIs(t, err, ErrInvalidRule)

	tests := map[string]func(*Rule){
		"unknown role":        func(r *Rule) { r.Role = "clerk" },
		"empty role":          func(r *Rule) { r.Role = "" },
		"unknown scope":       func(r *Rule) { r.Scope = "above" },
		"unknown object":      func(r *Rule) { r.Object = "file" },
		"unknown act":         func(r *Rule) { r.Act = "delete" },
		"certificate state":   func(r *Rule) { r.Cert = "expired" },
		"empty requirement":   func(r *Rule) { r.Cert = "" },
		"role in wrong place": func(r *Rule) { r.Object = "head" },
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := good
			change(&r)
			require.ErrorIs(t, r.Check(), ErrInvalidRule)
		})
	}
}

func TestDefaultRules(t *testing.T) {
	t.Parallel()
	rules, err := DefaultRules()
	require.NoError(t, err)
	require.Contains(t, rules, Rule{casefile.RoleOfficer, ScopeOwn, ObjCase, workflows.ActApplyRecusal, NeedValid})
	require.Contains(t, rules, Rule{casefile.RoleAdmin, ScopeBelow, ObjPolicy, casefile.ActManage, NeedNone})
	seen := map[Rule]bool{}
	for _, r := range rules {
		require.NoError(t, r.Check())
		require.False(t, seen[r], "%s twice", r)
		seen[r] = true
	}
}

// snapshotOf is the test tree with one holder of each role at each agency,
// as the store would hand it over.
func snapshotOf(t testing.TB, version int64, rules []Rule) Snapshot {
	t.Helper()
	s := Snapshot{Version: version, Rules: rules,
		Tree: []AgencyLink{{"C", "P"}, {"K1", "C"}, {"K2", "C"}, {"T1", "K1"}}}
	for _, a := range testAgencies {
		for _, r := range casefile.Roles {
			s.Assignments = append(s.Assignments, Assignment{holder(r, a), r, a})
		}
	}
	return s
}

func without(rules []Rule, r Rule) []Rule {
	var out []Rule
	for _, x := range rules {
		if x != r {
			out = append(out, x)
		}
	}
	return out
}

// TestReplaceGivesTheMatrix: an enforcer filled by Replace decides the whole
// matrix like one filled by Assign and SetAgencyParent.
func TestReplaceGivesTheMatrix(t *testing.T) {
	t.Parallel()
	rules, err := DefaultRules()
	require.NoError(t, err)
	e, err := New()
	require.NoError(t, err)
	require.Zero(t, e.Version())
	skipped, err := e.Replace(snapshotOf(t, 7, rules))
	require.NoError(t, err)
	require.Empty(t, skipped)
	require.EqualValues(t, 7, e.Version())
	for _, x := range matrix {
		for _, cert := range matrixCerts {
			officerAgency, agency := placement(x.where)
			got, err := e.Allowed(Request{Officer: holder(x.role, officerAgency), OfficerAgency: officerAgency,
				Agency: agency, Object: x.obj, Act: x.act, Certificate: cert})
			require.NoError(t, err)
			require.Equal(t, x.expect(cert), got, "%+v with %s", x, cert)
		}
	}
	require.Equal(t, []casefile.Role{casefile.RoleHead}, e.RolesAt(holder(casefile.RoleHead, "K1"), "K1"))
}

// TestReplaceSkipsBadEntries: a bad line, link or assignment in the database
// is left out and reported; everything else is installed, so that one bad
// row never keeps a revocation from taking effect.
func TestReplaceSkipsBadEntries(t *testing.T) {
	t.Parallel()
	e, err := New()
	require.NoError(t, err)
	s := Snapshot{
		Version: 3,
		Rules: []Rule{
			{casefile.RoleOfficer, ScopeOwn, ObjCase, workflows.ActRecordEvidence, NeedValid},
			{casefile.RoleManager, ScopeBelow, ObjCase, casefile.ActRead, NeedNone},
			{casefile.RoleOfficer, ScopeOwn, ObjCase, "fly-to-the-moon", NeedValid},           // e.g. written by a newer release
			{casefile.RoleOfficer, ScopeOwn, ObjCase, workflows.ActRecordEvidence, NeedValid}, // repeated
		},
		Tree: []AgencyLink{{"K1", "C"}, {"C", "K1"}, {"T1", "K1"}, {"X", "X"}},
		Assignments: []Assignment{
			{"o:1", casefile.RoleOfficer, "K1"}, {"o:2", casefile.RoleManager, "C"}, {"o:3", "clerk", "K1"},
			{"head", casefile.RoleOfficer, "K1"}, {"o:1", casefile.RoleOfficer, "K1"},
		},
	}
	skipped, err := e.Replace(s)
	require.NoError(t, err)
	require.Len(t, skipped, 5, "%v", skipped)
	require.ErrorIs(t, errors.Join(skipped...), ErrInvalidRule)
	require.ErrorIs(t, errors.Join(skipped...), ErrInvalidTree)
	require.ErrorIs(t, errors.Join(skipped...), ErrInvalidAssignment)

	allowed := func(r Request) bool {
		ok, err := e.Allowed(r)
		require.NoError(t, err)
		return ok
	}
	require.True(t, allowed(Request{Officer: "o:1", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: workflows.ActRecordEvidence, Certificate: casefile.CertValid}))
	require.True(t, allowed(Request{Officer: "o:2", OfficerAgency: "C", Agency: "T1", Object: ObjCase, Act: casefile.ActRead}))
	require.False(t, allowed(Request{Officer: "o:1", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: casefile.ActRead}),
		"the lines of policy.csv that New started with are gone")
}

// TestRevocationBeatsTheCache: an answer the cache holds is never served
// after a change that takes the permission away, whichever way it comes.
func TestRevocationBeatsTheCache(t *testing.T) {
	t.Parallel()
	rules, err := DefaultRules()
	require.NoError(t, err)
	evidence := Request{Officer: holder(casefile.RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: workflows.ActRecordEvidence, Certificate: casefile.CertValid}
	cityRead := Request{Officer: holder(casefile.RoleManager, "C"), OfficerAgency: "C", Agency: "T1", Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertNone}
	evidenceLine := Rule{casefile.RoleOfficer, ScopeOwn, ObjCase, workflows.ActRecordEvidence, NeedValid}
	tests := []struct {
		name   string
		req    Request
		revoke func(*Enforcer) error
	}{
		{"role unassigned", evidence, func(e *Enforcer) error {
			return e.Unassign(holder(casefile.RoleOfficer, "K1"), casefile.RoleOfficer, "K1")
		}},
		{"line removed by a reload", evidence, func(e *Enforcer) error {
			_, err := e.Replace(snapshotOf(t, 2, without(rules, evidenceLine)))
			return err
		}},
		{"role gone in a reload", evidence, func(e *Enforcer) error {
			s := snapshotOf(t, 2, rules)
			s.Assignments = slicesDelete(s.Assignments, Assignment{holder(casefile.RoleOfficer, "K1"), casefile.RoleOfficer, "K1"})
			_, err := e.Replace(s)
			return err
		}},
		{"agency moved away", cityRead, func(e *Enforcer) error {
			return e.SetAgencyParent("K1", "P")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e, err := New()
			require.NoError(t, err)
			_, err = e.Replace(snapshotOf(t, 1, rules))
			require.NoError(t, err)
			for range 3 {
				ok, err := e.Allowed(tt.req)
				require.NoError(t, err)
				require.True(t, ok)
			}
			ok, hit := e.cache.get(tt.req, e.gen.Load())
			require.True(t, hit && ok, "the allow is cached")

			require.NoError(t, tt.revoke(e))
			ok, err = e.Allowed(tt.req)
			require.NoError(t, err)
			require.False(t, ok, "denied on the very next call")
		})
	}
}

func slicesDelete[T comparable](s []T, v T) []T {
	var out []T
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// TestStaleAnswersAreNeverServed drives the cache directly through the race
// the generation closes: an allow computed before a revocation but stored
// after it.
func TestStaleAnswersAreNeverServed(t *testing.T) {
	t.Parallel()
	c := newDecisionCache(64)
	r := Request{Officer: "o:1", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertNone}
	c.put(r, 1, allow)
	_, hit := c.get(r, 2)
	require.False(t, hit, "an answer of generation 1 is not one of generation 2")
	c.put(r, 2, deny)
	c.put(r, 1, allow) // a slow computation that started before the change
	ok, hit := c.get(r, 2)
	require.True(t, hit)
	require.False(t, ok, "the late, older allow did not overwrite the newer deny")
}

func TestCacheIsBounded(t *testing.T) {
	t.Parallel()
	e := testTree(t, CacheSize(256))
	for i := range 5000 {
		_, err := e.Allowed(Request{Officer: fmt.Sprintf("o:%d", i), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: casefile.ActRead})
		require.NoError(t, err)
	}
	require.LessOrEqual(t, e.cache.len(), 256)
	require.Positive(t, e.cache.len())
}

// TestConcurrentRevocations races decisions against revocations through
// every kind of change; run with -race. Once a revocation has returned, a
// decision that starts after it never allows, however many allows other
// goroutines were computing and caching meanwhile; an untouched principal
// is always allowed.
func TestConcurrentRevocations(t *testing.T) {
	t.Parallel()
	rules, err := DefaultRules()
	require.NoError(t, err)
	e, err := New(CacheSize(1024))
	require.NoError(t, err)
	base := snapshotOf(t, 1, rules)
	_, err = e.Replace(base)
	require.NoError(t, err)

	const victim = "o:victim"
	victimReq := Request{Officer: victim, OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: workflows.ActRecordEvidence, Certificate: casefile.CertValid}
	stableReq := Request{Officer: holder(casefile.RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: workflows.ActServeNotice, Certificate: casefile.CertValid}
	withVictim := base
	withVictim.Assignments = append(append([]Assignment(nil), base.Assignments...), Assignment{victim, casefile.RoleOfficer, "K1"})

	var stop atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 4 {
		wg.Go(func() {
			for !stop.Load() {
				if _, err := e.Allowed(victimReq); err != nil {
					errs <- err
					return
				}
				ok, err := e.Allowed(stableReq)
				if err == nil && !ok {
					err = errors.New("a stable officer was refused")
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	check := func(how string) error {
		ok, err := e.Allowed(victimReq)
		if err == nil && ok {
			err = fmt.Errorf("allowed after %s", how)
		}
		return err
	}
	wg.Go(func() {
		defer stop.Store(true)
		for i := range 300 {
			var err error
			switch i % 3 {
			case 0:
				if err = e.Assign(victim, casefile.RoleOfficer, "K1"); err == nil {
					_, _ = e.Allowed(victimReq)
					if err = e.Unassign(victim, casefile.RoleOfficer, "K1"); err == nil {
						err = check("unassign")
					}
				}
			case 1:
				if _, err = e.Replace(withVictim); err == nil {
					_, _ = e.Allowed(victimReq)
					if _, err = e.Replace(base); err == nil {
						err = check("a reload without the role")
					}
				}
			case 2:
				if err = e.Assign(victim, casefile.RoleOfficer, "K1"); err == nil {
					_, _ = e.Allowed(victimReq)
					s := base
					s.Rules = without(rules, Rule{casefile.RoleOfficer, ScopeOwn, ObjCase, workflows.ActRecordEvidence, NeedValid})
					if _, err = e.Replace(s); err == nil {
						err = check("a reload without the line")
					}
					if _, rerr := e.Replace(base); err == nil {
						err = rerr
					}
				}
			}
			if err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

// TestWithout: the trial enforcer lacks the line; the real one is unchanged.
func TestWithout(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	line := Rule{casefile.RoleAdmin, ScopeOwn, ObjPolicy, casefile.ActManage, NeedNone}
	req := Request{Officer: holder(casefile.RoleAdmin, "P"), OfficerAgency: "P", Agency: "P", Object: ObjPolicy, Act: casefile.ActManage}
	trial, err := e.Without(line)
	require.NoError(t, err)
	ok, err := trial.Allowed(req)
	require.NoError(t, err)
	require.False(t, ok)
	ok, err = trial.Allowed(Request{Officer: holder(casefile.RoleAdmin, "P"), OfficerAgency: "P", Agency: "K1", Object: ObjPolicy, Act: casefile.ActManage})
	require.NoError(t, err)
	require.True(t, ok, "the tree and the other lines are kept")
	ok, err = e.Allowed(req)
	require.NoError(t, err)
	require.True(t, ok)
}

// benchData is 1,000 agencies (1 province, 16 cities, 128 counties, 855
// townships) and 10,000 officers (10 per agency: 6 officers, a reviewer, a
// head, a manager, an admin), with policy.csv, as a Snapshot; and a mix of
// allowed and refused requests against it.
func benchData(b *testing.B) (Snapshot, []Request) {
	b.Helper()
	rules, err := DefaultRules()
	require.NoError(b, err)
	s := Snapshot{Version: 1, Rules: rules}
	agencies := []string{"P"}
	parentOf := map[string]string{}
	var counties []string
	for c := range 16 {
		city := fmt.Sprintf("C%d", c)
		agencies = append(agencies, city)
		parentOf[city] = "P"
		for k := range 8 {
			county := fmt.Sprintf("%s.K%d", city, k)
			agencies = append(agencies, county)
			counties = append(counties, county)
			parentOf[county] = city
		}
	}
	for i := 0; len(agencies) < 1000; i++ {
		county := counties[i%len(counties)]
		town := fmt.Sprintf("%s.T%d", county, i/len(counties))
		agencies = append(agencies, town)
		parentOf[town] = county
	}
	for _, a := range agencies {
		if p, ok := parentOf[a]; ok {
			s.Tree = append(s.Tree, AgencyLink{a, p})
		}
	}
	rolesBySlot := []casefile.Role{casefile.RoleOfficer, casefile.RoleOfficer, casefile.RoleOfficer, casefile.RoleOfficer, casefile.RoleOfficer, casefile.RoleOfficer, casefile.RoleReviewer, casefile.RoleHead, casefile.RoleManager, casefile.RoleAdmin}
	officer := func(agencyIndex, slot int) string { return fmt.Sprintf("o:%d", agencyIndex*10+slot) }
	for i, a := range agencies {
		for slot, r := range rolesBySlot {
			s.Assignments = append(s.Assignments, Assignment{officer(i, slot), r, a})
		}
	}
	require.Len(b, agencies, 1000)
	require.Len(b, s.Assignments, 10000)

	index := map[string]int{}
	for i, a := range agencies {
		index[a] = i
	}
	var reqs []Request
	for i := 0; len(reqs) < 1024; i += 7 {
		a := agencies[i%len(agencies)]
		p, hasParent := parentOf[a]
		reqs = append(reqs,
			Request{Officer: officer(index[a], 0), OfficerAgency: a, Agency: a, Object: ObjCase, Act: workflows.ActRecordEvidence, Certificate: casefile.CertValid},    // allow
			Request{Officer: officer(index[a], 1), OfficerAgency: a, Agency: a, Object: ObjCase, Act: workflows.ActServeNotice, Certificate: casefile.CertExpired},     // deny
			Request{Officer: officer(index[a], 2), OfficerAgency: a, Agency: a, Object: ObjCase, Act: workflows.ActApplyRecusal, Certificate: casefile.CertWrongField}, // deny
			Request{Officer: officer(index[a], 7), OfficerAgency: a, Agency: a, Object: ObjCase, Act: workflows.ActDecide, Certificate: casefile.CertNone},             // allow
			Request{Officer: officer(index[a], 6), OfficerAgency: a, Agency: a, Object: ObjCase, Act: workflows.ActDecide, Certificate: casefile.CertNone},             // deny
		)
		if hasParent {
			reqs = append(reqs,
				Request{Officer: officer(index[p], 8), OfficerAgency: p, Agency: a, Object: ObjCase, Act: casefile.ActRead, Certificate: casefile.CertNone},             // allow
				Request{Officer: officer(index[a], 8), OfficerAgency: a, Agency: p, Object: ObjDeadline, Act: casefile.ActRead, Certificate: casefile.CertNone},         // deny
				Request{Officer: officer(index[p], 0), OfficerAgency: p, Agency: a, Object: ObjCase, Act: workflows.ActRecordEvidence, Certificate: casefile.CertValid}, // deny
				Request{Officer: officer(index[p], 9), OfficerAgency: p, Agency: a, Object: ObjCertificate, Act: casefile.ActManage, Certificate: casefile.CertNone},    // allow
			)
		}
	}
	return s, reqs
}

// uncachedNsPerOp is the uncached figure of the current run, for the cached
// sub-benchmark to report its speed-up against.
var uncachedNsPerOp float64

// BenchmarkAllowed decides the mix of benchData: uncached (every decision
// through casbin), then cached with the cache warm (the figure a busy API
// sees), one goroutine and all of them. The cached runs report their speed-up
// over the uncached run of the same invocation as x-uncached.
func BenchmarkAllowed(b *testing.B) {
	s, reqs := benchData(b)
	setup := func(b *testing.B, opts ...Option) *Enforcer {
		e, err := New(opts...)
		require.NoError(b, err)
		skipped, err := e.Replace(s)
		require.NoError(b, err)
		require.Empty(b, skipped)
		for _, r := range reqs { // warm the cache (if any) and check the mix
			_, err := e.Allowed(r)
			require.NoError(b, err)
		}
		return e
	}
	speedUp := func(b *testing.B) {
		if perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N); uncachedNsPerOp > 0 && perOp > 0 {
			b.ReportMetric(uncachedNsPerOp/perOp, "x-uncached")
		}
	}
	b.Run("uncached", func(b *testing.B) {
		e := setup(b, CacheSize(0))
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := e.Allowed(reqs[i%len(reqs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
		uncachedNsPerOp = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run("cached", func(b *testing.B) {
		e := setup(b)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := e.Allowed(reqs[i%len(reqs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
		speedUp(b)
	})
	b.Run("cached-parallel", func(b *testing.B) {
		e := setup(b)
		b.ReportAllocs()
		b.ResetTimer()
		var next atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			i := int(next.Add(1)) * 131
			for pb.Next() {
				if _, err := e.Allowed(reqs[i%len(reqs)]); err != nil {
					b.Error(err)
					return
				}
				i++
			}
		})
		speedUp(b)
	})
}

// BenchmarkReplace is the rebuild a running API does when the policy
// version moves: a fresh enforcer from the 10,000-officer snapshot. A rebuild
// takes tens of milliseconds, so it runs only with a small -benchtime (the
// default 1s, or e.g. 20x): go test -run xxx -bench Replace ./policies/
func BenchmarkReplace(b *testing.B) {
	if b.N > 100 {
		b.Skipf("%d rebuilds would take minutes; run with -benchtime 20x", b.N)
	}
	s, _ := benchData(b)
	e, err := New()
	require.NoError(b, err)
	b.ResetTimer()
	for range b.N {
		if _, err := e.Replace(s); err != nil {
			b.Fatal(err)
		}
	}
}

func init() { DeclareActs(workflows.Acts()) }
