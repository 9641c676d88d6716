package policies

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// where places the principal relative to the case in the test tree
//
//	P (province)
//	└── C (city)
//	    ├── K1 (county) ── T1 (township)
//	    └── K2 (county)
//
// Every matrix case is owned by K1, except "above", where the case is C's.
type where string

const (
	own     where = "own"     // principal at K1, case at K1
	below   where = "below"   // principal at C, case at K1 (one level down)
	sibling where = "sibling" // principal at K2, case at K1
	above   where = "above"   // principal at K1, case at C
)

const (
	allow = true
	deny  = false
)

// placement gives the principal's agency and the case's agency for w.
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
func holder(role Role, agency string) string {
	return "o:" + string(role) + "@" + agency
}

var (
	testAgencies = []string{"P", "C", "K1", "K2", "T1"}
	testRoles    = []Role{RoleOfficer, RoleReviewer, RoleHead, RoleManager, RoleAdmin}
)

// testTree returns an enforcer with policy.csv, the test tree, and one holder
// of each role at each agency.
func testTree(t testing.TB) *Enforcer {
	t.Helper()
	e, err := New()
	require.NoError(t, err)
	for _, l := range [][2]string{{"C", "P"}, {"K1", "C"}, {"K2", "C"}, {"T1", "K1"}} {
		require.NoError(t, e.SetAgencyParent(l[0], l[1]))
	}
	for _, a := range testAgencies {
		for _, r := range testRoles {
			require.NoError(t, e.Assign(holder(r, a), r, a))
		}
	}
	return e
}

// expectation is one line of the permission matrix.
type expectation struct {
	role  Role
	where where
	obj   Object
	act   Act
	cert  Certificate
	allow bool
}

// matrix is the whole permission matrix: every role × placement × (object,
// act) × certificate state, one line per expectation. It is derived from the
// role rules (shared/domain/procedures.md §3 and the articles cited in
// policy.csv), not generated from policy.csv, so a wrong line in either shows.
// TestMatrixIsComplete checks no line is missing or repeated.
var matrix = []expectation{
	// officer: reads and acts on its own agency's cases only; every act needs a valid 执法证 (PL 42, 76(5); CL 17).
	{RoleOfficer, own, ObjCase, ActRead, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActRead, CertExpired, allow},
	{RoleOfficer, own, ObjCase, ActRead, CertSuspended, allow},
	{RoleOfficer, own, ObjTask, ActRead, CertValid, allow},
	{RoleOfficer, own, ObjTask, ActRead, CertExpired, allow},
	{RoleOfficer, own, ObjTask, ActRead, CertSuspended, allow},
	{RoleOfficer, own, ObjDeadline, ActRead, CertValid, deny},
	{RoleOfficer, own, ObjDeadline, ActRead, CertExpired, deny},
	{RoleOfficer, own, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActOpenCase, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleOfficer, own, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleOfficer, own, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActRecordEvidence, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActSubmitReport, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActApproveReview, CertValid, deny},
	{RoleOfficer, own, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActReturnReview, CertValid, deny},
	{RoleOfficer, own, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleOfficer, own, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActServeNotice, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActRecordStatement, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActRecordWaiver, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActDecide, CertValid, deny},
	{RoleOfficer, own, ObjCase, ActDecide, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActDecide, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActServeDecision, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActPublish, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActPublish, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActPublish, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActRecordPayment, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActRequestClosing, CertValid, allow},
	{RoleOfficer, own, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleOfficer, own, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleOfficer, own, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleOfficer, own, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleOfficer, own, ObjCalendar, ActManage, CertValid, deny},
	{RoleOfficer, own, ObjCalendar, ActManage, CertExpired, deny},
	{RoleOfficer, own, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActRead, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActRead, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActRead, CertSuspended, deny},
	{RoleOfficer, below, ObjTask, ActRead, CertValid, deny},
	{RoleOfficer, below, ObjTask, ActRead, CertExpired, deny},
	{RoleOfficer, below, ObjTask, ActRead, CertSuspended, deny},
	{RoleOfficer, below, ObjDeadline, ActRead, CertValid, deny},
	{RoleOfficer, below, ObjDeadline, ActRead, CertExpired, deny},
	{RoleOfficer, below, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActOpenCase, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActApproveReview, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActReturnReview, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActServeNotice, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActDecide, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActDecide, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActDecide, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActServeDecision, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActPublish, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActPublish, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActPublish, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleOfficer, below, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleOfficer, below, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleOfficer, below, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleOfficer, below, ObjCalendar, ActManage, CertValid, deny},
	{RoleOfficer, below, ObjCalendar, ActManage, CertExpired, deny},
	{RoleOfficer, below, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActRead, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActRead, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActRead, CertSuspended, deny},
	{RoleOfficer, sibling, ObjTask, ActRead, CertValid, deny},
	{RoleOfficer, sibling, ObjTask, ActRead, CertExpired, deny},
	{RoleOfficer, sibling, ObjTask, ActRead, CertSuspended, deny},
	{RoleOfficer, sibling, ObjDeadline, ActRead, CertValid, deny},
	{RoleOfficer, sibling, ObjDeadline, ActRead, CertExpired, deny},
	{RoleOfficer, sibling, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActOpenCase, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveReview, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActReturnReview, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActServeNotice, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActDecide, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActDecide, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActDecide, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActServeDecision, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActPublish, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActPublish, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActPublish, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleOfficer, sibling, ObjCalendar, ActManage, CertValid, deny},
	{RoleOfficer, sibling, ObjCalendar, ActManage, CertExpired, deny},
	{RoleOfficer, sibling, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActRead, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActRead, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActRead, CertSuspended, deny},
	{RoleOfficer, above, ObjTask, ActRead, CertValid, deny},
	{RoleOfficer, above, ObjTask, ActRead, CertExpired, deny},
	{RoleOfficer, above, ObjTask, ActRead, CertSuspended, deny},
	{RoleOfficer, above, ObjDeadline, ActRead, CertValid, deny},
	{RoleOfficer, above, ObjDeadline, ActRead, CertExpired, deny},
	{RoleOfficer, above, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActOpenCase, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActApproveReview, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActReturnReview, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActServeNotice, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActDecide, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActDecide, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActDecide, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActServeDecision, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActPublish, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActPublish, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActPublish, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleOfficer, above, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleOfficer, above, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleOfficer, above, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleOfficer, above, ObjCalendar, ActManage, CertValid, deny},
	{RoleOfficer, above, ObjCalendar, ActManage, CertExpired, deny},
	{RoleOfficer, above, ObjCalendar, ActManage, CertSuspended, deny},
	// reviewer: reads and reviews its own agency's cases, certificate or not; never decides (PL 58; SAMR 49–55).
	{RoleReviewer, own, ObjCase, ActRead, CertValid, allow},
	{RoleReviewer, own, ObjCase, ActRead, CertExpired, allow},
	{RoleReviewer, own, ObjCase, ActRead, CertSuspended, allow},
	{RoleReviewer, own, ObjTask, ActRead, CertValid, allow},
	{RoleReviewer, own, ObjTask, ActRead, CertExpired, allow},
	{RoleReviewer, own, ObjTask, ActRead, CertSuspended, allow},
	{RoleReviewer, own, ObjDeadline, ActRead, CertValid, deny},
	{RoleReviewer, own, ObjDeadline, ActRead, CertExpired, deny},
	{RoleReviewer, own, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActOpenCase, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActApproveReview, CertValid, allow},
	{RoleReviewer, own, ObjCase, ActApproveReview, CertExpired, allow},
	{RoleReviewer, own, ObjCase, ActApproveReview, CertSuspended, allow},
	{RoleReviewer, own, ObjCase, ActReturnReview, CertValid, allow},
	{RoleReviewer, own, ObjCase, ActReturnReview, CertExpired, allow},
	{RoleReviewer, own, ObjCase, ActReturnReview, CertSuspended, allow},
	{RoleReviewer, own, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActServeNotice, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActDecide, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActDecide, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActDecide, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActServeDecision, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActPublish, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActPublish, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActPublish, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleReviewer, own, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleReviewer, own, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleReviewer, own, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleReviewer, own, ObjCalendar, ActManage, CertValid, deny},
	{RoleReviewer, own, ObjCalendar, ActManage, CertExpired, deny},
	{RoleReviewer, own, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActRead, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActRead, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActRead, CertSuspended, deny},
	{RoleReviewer, below, ObjTask, ActRead, CertValid, deny},
	{RoleReviewer, below, ObjTask, ActRead, CertExpired, deny},
	{RoleReviewer, below, ObjTask, ActRead, CertSuspended, deny},
	{RoleReviewer, below, ObjDeadline, ActRead, CertValid, deny},
	{RoleReviewer, below, ObjDeadline, ActRead, CertExpired, deny},
	{RoleReviewer, below, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActOpenCase, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActApproveReview, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActReturnReview, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActServeNotice, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActDecide, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActDecide, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActDecide, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActServeDecision, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActPublish, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActPublish, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActPublish, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleReviewer, below, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleReviewer, below, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleReviewer, below, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleReviewer, below, ObjCalendar, ActManage, CertValid, deny},
	{RoleReviewer, below, ObjCalendar, ActManage, CertExpired, deny},
	{RoleReviewer, below, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActRead, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActRead, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActRead, CertSuspended, deny},
	{RoleReviewer, sibling, ObjTask, ActRead, CertValid, deny},
	{RoleReviewer, sibling, ObjTask, ActRead, CertExpired, deny},
	{RoleReviewer, sibling, ObjTask, ActRead, CertSuspended, deny},
	{RoleReviewer, sibling, ObjDeadline, ActRead, CertValid, deny},
	{RoleReviewer, sibling, ObjDeadline, ActRead, CertExpired, deny},
	{RoleReviewer, sibling, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActOpenCase, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveReview, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActReturnReview, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActServeNotice, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActDecide, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActDecide, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActDecide, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActServeDecision, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActPublish, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActPublish, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActPublish, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleReviewer, sibling, ObjCalendar, ActManage, CertValid, deny},
	{RoleReviewer, sibling, ObjCalendar, ActManage, CertExpired, deny},
	{RoleReviewer, sibling, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActRead, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActRead, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActRead, CertSuspended, deny},
	{RoleReviewer, above, ObjTask, ActRead, CertValid, deny},
	{RoleReviewer, above, ObjTask, ActRead, CertExpired, deny},
	{RoleReviewer, above, ObjTask, ActRead, CertSuspended, deny},
	{RoleReviewer, above, ObjDeadline, ActRead, CertValid, deny},
	{RoleReviewer, above, ObjDeadline, ActRead, CertExpired, deny},
	{RoleReviewer, above, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActOpenCase, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActApproveReview, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActReturnReview, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActServeNotice, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActDecide, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActDecide, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActDecide, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActServeDecision, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActPublish, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActPublish, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActPublish, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleReviewer, above, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleReviewer, above, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleReviewer, above, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleReviewer, above, ObjCalendar, ActManage, CertValid, deny},
	{RoleReviewer, above, ObjCalendar, ActManage, CertExpired, deny},
	{RoleReviewer, above, ObjCalendar, ActManage, CertSuspended, deny},
	// head: approves and decides at its own agency, certificate or not; never investigates (PL 57; SAMR 56).
	{RoleHead, own, ObjCase, ActRead, CertValid, allow},
	{RoleHead, own, ObjCase, ActRead, CertExpired, allow},
	{RoleHead, own, ObjCase, ActRead, CertSuspended, allow},
	{RoleHead, own, ObjTask, ActRead, CertValid, allow},
	{RoleHead, own, ObjTask, ActRead, CertExpired, allow},
	{RoleHead, own, ObjTask, ActRead, CertSuspended, allow},
	{RoleHead, own, ObjDeadline, ActRead, CertValid, allow},
	{RoleHead, own, ObjDeadline, ActRead, CertExpired, allow},
	{RoleHead, own, ObjDeadline, ActRead, CertSuspended, allow},
	{RoleHead, own, ObjCase, ActOpenCase, CertValid, deny},
	{RoleHead, own, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleHead, own, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActApproveFiling, CertValid, allow},
	{RoleHead, own, ObjCase, ActApproveFiling, CertExpired, allow},
	{RoleHead, own, ObjCase, ActApproveFiling, CertSuspended, allow},
	{RoleHead, own, ObjCase, ActRejectFiling, CertValid, allow},
	{RoleHead, own, ObjCase, ActRejectFiling, CertExpired, allow},
	{RoleHead, own, ObjCase, ActRejectFiling, CertSuspended, allow},
	{RoleHead, own, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleHead, own, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleHead, own, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleHead, own, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleHead, own, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActApproveReview, CertValid, deny},
	{RoleHead, own, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleHead, own, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActReturnReview, CertValid, deny},
	{RoleHead, own, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleHead, own, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActApprovePenalty, CertValid, allow},
	{RoleHead, own, ObjCase, ActApprovePenalty, CertExpired, allow},
	{RoleHead, own, ObjCase, ActApprovePenalty, CertSuspended, allow},
	{RoleHead, own, ObjCase, ActServeNotice, CertValid, deny},
	{RoleHead, own, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleHead, own, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleHead, own, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleHead, own, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleHead, own, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleHead, own, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActDecide, CertValid, allow},
	{RoleHead, own, ObjCase, ActDecide, CertExpired, allow},
	{RoleHead, own, ObjCase, ActDecide, CertSuspended, allow},
	{RoleHead, own, ObjCase, ActServeDecision, CertValid, deny},
	{RoleHead, own, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleHead, own, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActPublish, CertValid, deny},
	{RoleHead, own, ObjCase, ActPublish, CertExpired, deny},
	{RoleHead, own, ObjCase, ActPublish, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleHead, own, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleHead, own, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleHead, own, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleHead, own, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleHead, own, ObjCase, ActApproveClosing, CertValid, allow},
	{RoleHead, own, ObjCase, ActApproveClosing, CertExpired, allow},
	{RoleHead, own, ObjCase, ActApproveClosing, CertSuspended, allow},
	{RoleHead, own, ObjCalendar, ActManage, CertValid, deny},
	{RoleHead, own, ObjCalendar, ActManage, CertExpired, deny},
	{RoleHead, own, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActRead, CertValid, deny},
	{RoleHead, below, ObjCase, ActRead, CertExpired, deny},
	{RoleHead, below, ObjCase, ActRead, CertSuspended, deny},
	{RoleHead, below, ObjTask, ActRead, CertValid, deny},
	{RoleHead, below, ObjTask, ActRead, CertExpired, deny},
	{RoleHead, below, ObjTask, ActRead, CertSuspended, deny},
	{RoleHead, below, ObjDeadline, ActRead, CertValid, deny},
	{RoleHead, below, ObjDeadline, ActRead, CertExpired, deny},
	{RoleHead, below, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActOpenCase, CertValid, deny},
	{RoleHead, below, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleHead, below, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleHead, below, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleHead, below, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleHead, below, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleHead, below, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleHead, below, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleHead, below, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleHead, below, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleHead, below, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActApproveReview, CertValid, deny},
	{RoleHead, below, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleHead, below, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActReturnReview, CertValid, deny},
	{RoleHead, below, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleHead, below, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleHead, below, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleHead, below, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActServeNotice, CertValid, deny},
	{RoleHead, below, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleHead, below, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleHead, below, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleHead, below, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleHead, below, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleHead, below, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActDecide, CertValid, deny},
	{RoleHead, below, ObjCase, ActDecide, CertExpired, deny},
	{RoleHead, below, ObjCase, ActDecide, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActServeDecision, CertValid, deny},
	{RoleHead, below, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleHead, below, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActPublish, CertValid, deny},
	{RoleHead, below, ObjCase, ActPublish, CertExpired, deny},
	{RoleHead, below, ObjCase, ActPublish, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleHead, below, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleHead, below, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleHead, below, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleHead, below, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleHead, below, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleHead, below, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleHead, below, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleHead, below, ObjCalendar, ActManage, CertValid, deny},
	{RoleHead, below, ObjCalendar, ActManage, CertExpired, deny},
	{RoleHead, below, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActRead, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActRead, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActRead, CertSuspended, deny},
	{RoleHead, sibling, ObjTask, ActRead, CertValid, deny},
	{RoleHead, sibling, ObjTask, ActRead, CertExpired, deny},
	{RoleHead, sibling, ObjTask, ActRead, CertSuspended, deny},
	{RoleHead, sibling, ObjDeadline, ActRead, CertValid, deny},
	{RoleHead, sibling, ObjDeadline, ActRead, CertExpired, deny},
	{RoleHead, sibling, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActOpenCase, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActApproveReview, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActReturnReview, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActServeNotice, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActDecide, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActDecide, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActDecide, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActServeDecision, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActPublish, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActPublish, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActPublish, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleHead, sibling, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleHead, sibling, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleHead, sibling, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleHead, sibling, ObjCalendar, ActManage, CertValid, deny},
	{RoleHead, sibling, ObjCalendar, ActManage, CertExpired, deny},
	{RoleHead, sibling, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActRead, CertValid, deny},
	{RoleHead, above, ObjCase, ActRead, CertExpired, deny},
	{RoleHead, above, ObjCase, ActRead, CertSuspended, deny},
	{RoleHead, above, ObjTask, ActRead, CertValid, deny},
	{RoleHead, above, ObjTask, ActRead, CertExpired, deny},
	{RoleHead, above, ObjTask, ActRead, CertSuspended, deny},
	{RoleHead, above, ObjDeadline, ActRead, CertValid, deny},
	{RoleHead, above, ObjDeadline, ActRead, CertExpired, deny},
	{RoleHead, above, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActOpenCase, CertValid, deny},
	{RoleHead, above, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleHead, above, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleHead, above, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleHead, above, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleHead, above, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleHead, above, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleHead, above, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleHead, above, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleHead, above, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleHead, above, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActApproveReview, CertValid, deny},
	{RoleHead, above, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleHead, above, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActReturnReview, CertValid, deny},
	{RoleHead, above, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleHead, above, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleHead, above, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleHead, above, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActServeNotice, CertValid, deny},
	{RoleHead, above, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleHead, above, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleHead, above, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleHead, above, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleHead, above, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleHead, above, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActDecide, CertValid, deny},
	{RoleHead, above, ObjCase, ActDecide, CertExpired, deny},
	{RoleHead, above, ObjCase, ActDecide, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActServeDecision, CertValid, deny},
	{RoleHead, above, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleHead, above, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActPublish, CertValid, deny},
	{RoleHead, above, ObjCase, ActPublish, CertExpired, deny},
	{RoleHead, above, ObjCase, ActPublish, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleHead, above, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleHead, above, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleHead, above, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleHead, above, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleHead, above, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleHead, above, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleHead, above, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleHead, above, ObjCalendar, ActManage, CertValid, deny},
	{RoleHead, above, ObjCalendar, ActManage, CertExpired, deny},
	{RoleHead, above, ObjCalendar, ActManage, CertSuspended, deny},
	// manager: reads cases and deadlines at its own agency and every agency below it; never acts (SAMR 6).
	{RoleManager, own, ObjCase, ActRead, CertValid, allow},
	{RoleManager, own, ObjCase, ActRead, CertExpired, allow},
	{RoleManager, own, ObjCase, ActRead, CertSuspended, allow},
	{RoleManager, own, ObjTask, ActRead, CertValid, deny},
	{RoleManager, own, ObjTask, ActRead, CertExpired, deny},
	{RoleManager, own, ObjTask, ActRead, CertSuspended, deny},
	{RoleManager, own, ObjDeadline, ActRead, CertValid, allow},
	{RoleManager, own, ObjDeadline, ActRead, CertExpired, allow},
	{RoleManager, own, ObjDeadline, ActRead, CertSuspended, allow},
	{RoleManager, own, ObjCase, ActOpenCase, CertValid, deny},
	{RoleManager, own, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleManager, own, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleManager, own, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleManager, own, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleManager, own, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleManager, own, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleManager, own, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleManager, own, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleManager, own, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleManager, own, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActApproveReview, CertValid, deny},
	{RoleManager, own, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleManager, own, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActReturnReview, CertValid, deny},
	{RoleManager, own, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleManager, own, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleManager, own, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleManager, own, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActServeNotice, CertValid, deny},
	{RoleManager, own, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleManager, own, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleManager, own, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleManager, own, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleManager, own, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleManager, own, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActDecide, CertValid, deny},
	{RoleManager, own, ObjCase, ActDecide, CertExpired, deny},
	{RoleManager, own, ObjCase, ActDecide, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActServeDecision, CertValid, deny},
	{RoleManager, own, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleManager, own, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActPublish, CertValid, deny},
	{RoleManager, own, ObjCase, ActPublish, CertExpired, deny},
	{RoleManager, own, ObjCase, ActPublish, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleManager, own, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleManager, own, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleManager, own, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleManager, own, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleManager, own, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleManager, own, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleManager, own, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleManager, own, ObjCalendar, ActManage, CertValid, deny},
	{RoleManager, own, ObjCalendar, ActManage, CertExpired, deny},
	{RoleManager, own, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActRead, CertValid, allow},
	{RoleManager, below, ObjCase, ActRead, CertExpired, allow},
	{RoleManager, below, ObjCase, ActRead, CertSuspended, allow},
	{RoleManager, below, ObjTask, ActRead, CertValid, deny},
	{RoleManager, below, ObjTask, ActRead, CertExpired, deny},
	{RoleManager, below, ObjTask, ActRead, CertSuspended, deny},
	{RoleManager, below, ObjDeadline, ActRead, CertValid, allow},
	{RoleManager, below, ObjDeadline, ActRead, CertExpired, allow},
	{RoleManager, below, ObjDeadline, ActRead, CertSuspended, allow},
	{RoleManager, below, ObjCase, ActOpenCase, CertValid, deny},
	{RoleManager, below, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleManager, below, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleManager, below, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleManager, below, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleManager, below, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleManager, below, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleManager, below, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleManager, below, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleManager, below, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleManager, below, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActApproveReview, CertValid, deny},
	{RoleManager, below, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleManager, below, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActReturnReview, CertValid, deny},
	{RoleManager, below, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleManager, below, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleManager, below, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleManager, below, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActServeNotice, CertValid, deny},
	{RoleManager, below, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleManager, below, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleManager, below, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleManager, below, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleManager, below, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleManager, below, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActDecide, CertValid, deny},
	{RoleManager, below, ObjCase, ActDecide, CertExpired, deny},
	{RoleManager, below, ObjCase, ActDecide, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActServeDecision, CertValid, deny},
	{RoleManager, below, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleManager, below, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActPublish, CertValid, deny},
	{RoleManager, below, ObjCase, ActPublish, CertExpired, deny},
	{RoleManager, below, ObjCase, ActPublish, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleManager, below, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleManager, below, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleManager, below, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleManager, below, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleManager, below, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleManager, below, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleManager, below, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleManager, below, ObjCalendar, ActManage, CertValid, deny},
	{RoleManager, below, ObjCalendar, ActManage, CertExpired, deny},
	{RoleManager, below, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActRead, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActRead, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActRead, CertSuspended, deny},
	{RoleManager, sibling, ObjTask, ActRead, CertValid, deny},
	{RoleManager, sibling, ObjTask, ActRead, CertExpired, deny},
	{RoleManager, sibling, ObjTask, ActRead, CertSuspended, deny},
	{RoleManager, sibling, ObjDeadline, ActRead, CertValid, deny},
	{RoleManager, sibling, ObjDeadline, ActRead, CertExpired, deny},
	{RoleManager, sibling, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActOpenCase, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActApproveReview, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActReturnReview, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActServeNotice, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActDecide, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActDecide, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActDecide, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActServeDecision, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActPublish, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActPublish, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActPublish, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleManager, sibling, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleManager, sibling, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleManager, sibling, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleManager, sibling, ObjCalendar, ActManage, CertValid, deny},
	{RoleManager, sibling, ObjCalendar, ActManage, CertExpired, deny},
	{RoleManager, sibling, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActRead, CertValid, deny},
	{RoleManager, above, ObjCase, ActRead, CertExpired, deny},
	{RoleManager, above, ObjCase, ActRead, CertSuspended, deny},
	{RoleManager, above, ObjTask, ActRead, CertValid, deny},
	{RoleManager, above, ObjTask, ActRead, CertExpired, deny},
	{RoleManager, above, ObjTask, ActRead, CertSuspended, deny},
	{RoleManager, above, ObjDeadline, ActRead, CertValid, deny},
	{RoleManager, above, ObjDeadline, ActRead, CertExpired, deny},
	{RoleManager, above, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActOpenCase, CertValid, deny},
	{RoleManager, above, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleManager, above, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleManager, above, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleManager, above, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleManager, above, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleManager, above, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleManager, above, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleManager, above, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleManager, above, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleManager, above, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActApproveReview, CertValid, deny},
	{RoleManager, above, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleManager, above, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActReturnReview, CertValid, deny},
	{RoleManager, above, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleManager, above, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleManager, above, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleManager, above, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActServeNotice, CertValid, deny},
	{RoleManager, above, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleManager, above, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleManager, above, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleManager, above, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleManager, above, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleManager, above, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActDecide, CertValid, deny},
	{RoleManager, above, ObjCase, ActDecide, CertExpired, deny},
	{RoleManager, above, ObjCase, ActDecide, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActServeDecision, CertValid, deny},
	{RoleManager, above, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleManager, above, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActPublish, CertValid, deny},
	{RoleManager, above, ObjCase, ActPublish, CertExpired, deny},
	{RoleManager, above, ObjCase, ActPublish, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleManager, above, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleManager, above, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleManager, above, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleManager, above, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleManager, above, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleManager, above, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleManager, above, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleManager, above, ObjCalendar, ActManage, CertValid, deny},
	{RoleManager, above, ObjCalendar, ActManage, CertExpired, deny},
	{RoleManager, above, ObjCalendar, ActManage, CertSuspended, deny},
	// admin: manages its own agency's calendar; nothing on cases.
	{RoleAdmin, own, ObjCase, ActRead, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActRead, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActRead, CertSuspended, deny},
	{RoleAdmin, own, ObjTask, ActRead, CertValid, deny},
	{RoleAdmin, own, ObjTask, ActRead, CertExpired, deny},
	{RoleAdmin, own, ObjTask, ActRead, CertSuspended, deny},
	{RoleAdmin, own, ObjDeadline, ActRead, CertValid, deny},
	{RoleAdmin, own, ObjDeadline, ActRead, CertExpired, deny},
	{RoleAdmin, own, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActOpenCase, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActApproveReview, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActReturnReview, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActServeNotice, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActDecide, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActDecide, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActDecide, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActServeDecision, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActPublish, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActPublish, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActPublish, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleAdmin, own, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleAdmin, own, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleAdmin, own, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleAdmin, own, ObjCalendar, ActManage, CertValid, allow},
	{RoleAdmin, own, ObjCalendar, ActManage, CertExpired, allow},
	{RoleAdmin, own, ObjCalendar, ActManage, CertSuspended, allow},
	{RoleAdmin, below, ObjCase, ActRead, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActRead, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActRead, CertSuspended, deny},
	{RoleAdmin, below, ObjTask, ActRead, CertValid, deny},
	{RoleAdmin, below, ObjTask, ActRead, CertExpired, deny},
	{RoleAdmin, below, ObjTask, ActRead, CertSuspended, deny},
	{RoleAdmin, below, ObjDeadline, ActRead, CertValid, deny},
	{RoleAdmin, below, ObjDeadline, ActRead, CertExpired, deny},
	{RoleAdmin, below, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActOpenCase, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActApproveReview, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActReturnReview, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActServeNotice, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActDecide, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActDecide, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActDecide, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActServeDecision, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActPublish, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActPublish, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActPublish, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleAdmin, below, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleAdmin, below, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleAdmin, below, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleAdmin, below, ObjCalendar, ActManage, CertValid, deny},
	{RoleAdmin, below, ObjCalendar, ActManage, CertExpired, deny},
	{RoleAdmin, below, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActRead, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActRead, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActRead, CertSuspended, deny},
	{RoleAdmin, sibling, ObjTask, ActRead, CertValid, deny},
	{RoleAdmin, sibling, ObjTask, ActRead, CertExpired, deny},
	{RoleAdmin, sibling, ObjTask, ActRead, CertSuspended, deny},
	{RoleAdmin, sibling, ObjDeadline, ActRead, CertValid, deny},
	{RoleAdmin, sibling, ObjDeadline, ActRead, CertExpired, deny},
	{RoleAdmin, sibling, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActOpenCase, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveReview, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActReturnReview, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActServeNotice, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActDecide, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActDecide, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActDecide, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActServeDecision, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActPublish, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActPublish, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActPublish, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleAdmin, sibling, ObjCalendar, ActManage, CertValid, deny},
	{RoleAdmin, sibling, ObjCalendar, ActManage, CertExpired, deny},
	{RoleAdmin, sibling, ObjCalendar, ActManage, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActRead, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActRead, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActRead, CertSuspended, deny},
	{RoleAdmin, above, ObjTask, ActRead, CertValid, deny},
	{RoleAdmin, above, ObjTask, ActRead, CertExpired, deny},
	{RoleAdmin, above, ObjTask, ActRead, CertSuspended, deny},
	{RoleAdmin, above, ObjDeadline, ActRead, CertValid, deny},
	{RoleAdmin, above, ObjDeadline, ActRead, CertExpired, deny},
	{RoleAdmin, above, ObjDeadline, ActRead, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActOpenCase, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActOpenCase, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActOpenCase, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActApproveFiling, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActApproveFiling, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActApproveFiling, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActRejectFiling, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActRejectFiling, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActRejectFiling, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActRecordEvidence, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActRecordEvidence, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActRecordEvidence, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActSubmitReport, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActSubmitReport, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActSubmitReport, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActApproveReview, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActApproveReview, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActApproveReview, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActReturnReview, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActReturnReview, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActReturnReview, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActApprovePenalty, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActApprovePenalty, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActApprovePenalty, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActServeNotice, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActServeNotice, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActServeNotice, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActRecordStatement, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActRecordStatement, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActRecordStatement, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActRecordWaiver, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActRecordWaiver, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActRecordWaiver, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActDecide, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActDecide, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActDecide, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActServeDecision, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActServeDecision, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActServeDecision, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActPublish, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActPublish, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActPublish, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActRecordPayment, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActRecordPayment, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActRecordPayment, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActRequestClosing, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActRequestClosing, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActRequestClosing, CertSuspended, deny},
	{RoleAdmin, above, ObjCase, ActApproveClosing, CertValid, deny},
	{RoleAdmin, above, ObjCase, ActApproveClosing, CertExpired, deny},
	{RoleAdmin, above, ObjCase, ActApproveClosing, CertSuspended, deny},
	{RoleAdmin, above, ObjCalendar, ActManage, CertValid, deny},
	{RoleAdmin, above, ObjCalendar, ActManage, CertExpired, deny},
	{RoleAdmin, above, ObjCalendar, ActManage, CertSuspended, deny},
}

func TestMatrix(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	for _, x := range matrix {
		name := fmt.Sprintf("%s/%s/%s/%s/%s", x.role, x.where, x.obj, x.act, x.cert)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			officerAgency, agency := placement(x.where)
			got, err := e.Allowed(Request{
				Officer:       holder(x.role, officerAgency),
				OfficerAgency: officerAgency,
				Agency:        agency,
				Object:        x.obj,
				Act:           x.act,
				Certificate:   x.cert,
			})
			require.NoError(t, err)
			require.Equal(t, x.allow, got)
		})
	}
}

// TestMatrixIsComplete: the matrix has exactly one line for every role ×
// placement × (object, act) × certificate state, so a deleted line is noticed.
func TestMatrixIsComplete(t *testing.T) {
	t.Parallel()
	type key struct {
		role  Role
		where where
		obj   Object
		act   Act
		cert  Certificate
	}
	pairs := []struct {
		obj Object
		act Act
	}{{ObjCase, ActRead}, {ObjTask, ActRead}, {ObjDeadline, ActRead}, {ObjCase, ActOpenCase}, {ObjCalendar, ActManage}}
	for _, a := range CaseActs {
		pairs = append(pairs, struct {
			obj Object
			act Act
		}{ObjCase, a})
	}
	want := map[key]bool{}
	for _, r := range testRoles {
		for _, w := range []where{own, below, sibling, above} {
			for _, p := range pairs {
				for _, c := range []Certificate{CertValid, CertExpired, CertSuspended} {
					want[key{r, w, p.obj, p.act, c}] = true
				}
			}
		}
	}
	got := map[key]bool{}
	for _, x := range matrix {
		k := key{x.role, x.where, x.obj, x.act, x.cert}
		require.False(t, got[k], "repeated line %+v", x)
		require.True(t, want[k], "line outside the matrix %+v", x)
		got[k] = true
	}
	require.Len(t, got, len(want))
}

func TestManagerReadsDownTheTree(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	tests := []struct {
		name          string
		officerAgency string
		agency        string
		allow         bool
	}{
		{"city reads county K1", "C", "K1", allow},
		{"city reads county K2", "C", "K2", allow},
		{"city reads township two levels down", "C", "T1", allow},
		{"province reads township three levels down", "P", "T1", allow},
		{"county reads its township", "K1", "T1", allow},
		{"county does not read a sibling's township", "K2", "T1", deny},
		{"county does not read its city", "K1", "C", deny},
		{"county does not read its province", "K1", "P", deny},
		{"township does not read its county", "T1", "K1", deny},
	}
	for _, tt := range tests {
		for _, obj := range []Object{ObjCase, ObjDeadline} {
			t.Run(tt.name+"/"+string(obj), func(t *testing.T) {
				t.Parallel()
				got, err := e.Allowed(Request{
					Officer: holder(RoleManager, tt.officerAgency), OfficerAgency: tt.officerAgency,
					Agency: tt.agency, Object: obj, Act: ActRead, Certificate: CertValid,
				})
				require.NoError(t, err)
				require.Equal(t, tt.allow, got)
			})
		}
	}
	t.Run("city manager never acts", func(t *testing.T) {
		t.Parallel()
		for _, agency := range []string{"C", "K1", "K2", "T1"} {
			for _, act := range append([]Act{ActOpenCase}, CaseActs...) {
				got, err := e.Allowed(Request{
					Officer: holder(RoleManager, "C"), OfficerAgency: "C",
					Agency: agency, Object: ObjCase, Act: act, Certificate: CertValid,
				})
				require.NoError(t, err)
				require.False(t, got, "%s at %s", act, agency)
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
	require.NoError(t, e.Assign("o:1", RoleManager, "K1"))
	read := func(agency string) bool {
		ok, err := e.Allowed(Request{Officer: "o:1", OfficerAgency: "K1", Agency: agency, Object: ObjCase, Act: ActRead, Certificate: CertNone})
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
		{"K1 officer claims the city", Request{Officer: holder(RoleOfficer, "K1"), OfficerAgency: "C", Agency: "K1", Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid}},
		{"K2 officer claims K1", Request{Officer: holder(RoleOfficer, "K2"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRead, Certificate: CertValid}},
		{"K1 manager claims the city", Request{Officer: holder(RoleManager, "K1"), OfficerAgency: "C", Agency: "K2", Object: ObjCase, Act: ActRead, Certificate: CertValid}},
		{"K1 officer claims its head's role", Request{Officer: holder(RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActDecide, Certificate: CertValid}},
		{"unknown officer", Request{Officer: "o:nobody", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRead, Certificate: CertValid}},
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
// is refused every act; a reviewer and a head need none.
func TestNoCertificate(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	for _, cert := range []Certificate{CertNone, ""} {
		for _, act := range append([]Act{ActOpenCase}, CaseActs...) {
			got, err := e.Allowed(Request{Officer: holder(RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: act, Certificate: cert})
			require.NoError(t, err)
			require.False(t, got, "officer %s with certificate %q", act, cert)
		}
		for _, x := range []struct {
			role Role
			act  Act
		}{{RoleReviewer, ActApproveReview}, {RoleHead, ActDecide}, {RoleOfficer, ActRead}} {
			got, err := e.Allowed(Request{Officer: holder(x.role, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: x.act, Certificate: cert})
			require.NoError(t, err)
			require.True(t, got, "%s %s with certificate %q", x.role, x.act, cert)
		}
	}
}

func TestAllowedRejectsBadRequests(t *testing.T) {
	t.Parallel()
	e := testTree(t)
	good := Request{Officer: holder(RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRead, Certificate: CertValid}
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
	require.NoError(t, e.Assign("o:1", RoleOfficer, "K1"))
	ok, err := e.Allowed(Request{Officer: "o:1", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRead, Certificate: CertValid})
	require.Error(t, err)
	require.False(t, ok)
}

func TestAssign(t *testing.T) {
	t.Parallel()
	e, err := New()
	require.NoError(t, err)
	req := Request{Officer: "o:12", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid}
	allowed := func() bool {
		ok, err := e.Allowed(req)
		require.NoError(t, err)
		return ok
	}

	require.Nil(t, e.RolesAt("o:12", "K1"))
	require.False(t, allowed())

	require.NoError(t, e.Assign("o:12", RoleOfficer, "K1"))
	require.NoError(t, e.Assign("o:12", RoleOfficer, "K1"), "assigning twice is not an error")
	require.NoError(t, e.Assign("o:12", RoleReviewer, "K1"))
	require.NoError(t, e.Assign("o:12", RoleManager, "C"))
	require.Equal(t, []Role{RoleOfficer, RoleReviewer}, e.RolesAt("o:12", "K1"))
	require.Equal(t, []Role{RoleManager}, e.RolesAt("o:12", "C"))
	require.Nil(t, e.RolesAt("o:12", "K2"))
	require.True(t, allowed())

	require.NoError(t, e.Unassign("o:12", RoleOfficer, "K1"))
	require.False(t, allowed(), "revocation takes effect at once")
	require.NoError(t, e.Unassign("o:12", RoleOfficer, "K1"), "unassigning twice is not an error")
	require.Equal(t, []Role{RoleReviewer}, e.RolesAt("o:12", "K1"))
}

func TestAssignRejects(t *testing.T) {
	t.Parallel()
	e, err := New()
	require.NoError(t, err)
	tests := []struct {
		name    string
		officer string
		role    Role
		agency  string
	}{
		{"empty officer", "", RoleOfficer, "K1"},
		{"empty agency", "o:1", RoleOfficer, ""},
		{"unknown role", "o:1", "clerk", "K1"},
		{"officer ID that is a role name", "officer", RoleHead, "K1"},
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
		ok, err := e.Allowed(Request{Officer: holder(RoleManager, managerAt), OfficerAgency: managerAt, Agency: caseAt, Object: ObjCase, Act: ActRead, Certificate: CertNone})
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
		require.NoError(t, e.Assign(holder(RoleManager, "C2"), RoleManager, "C2"))
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
		require.NoError(t, e.Assign(holder(RoleManager, "A0"), RoleManager, "A0"))
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
				if err := e.Assign(officer, RoleOfficer, "K1"); err != nil {
					errs <- err
					return
				}
				if err := e.Unassign(officer, RoleOfficer, "K1"); err != nil {
					errs <- err
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 200 {
				ok, err := e.Allowed(Request{Officer: holder(RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid})
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

// BenchmarkAllowed decides a mix of allowed and refused requests against
// 1,000 agencies (1 province, 16 cities, 128 counties, 855 townships) and
// 10,000 officers (10 per agency: 6 officers, a reviewer, a head, a manager,
// an admin).
func BenchmarkAllowed(b *testing.B) {
	e, err := New()
	require.NoError(b, err)
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
			require.NoError(b, e.SetAgencyParent(a, p))
		}
	}
	rolesBySlot := []Role{RoleOfficer, RoleOfficer, RoleOfficer, RoleOfficer, RoleOfficer, RoleOfficer, RoleReviewer, RoleHead, RoleManager, RoleAdmin}
	officer := func(agencyIndex, slot int) string { return fmt.Sprintf("o:%d", agencyIndex*10+slot) }
	for i, a := range agencies {
		for slot, r := range rolesBySlot {
			require.NoError(b, e.Assign(officer(i, slot), r, a))
		}
	}
	require.Len(b, agencies, 1000)

	index := map[string]int{}
	for i, a := range agencies {
		index[a] = i
	}
	var reqs []Request
	for i := 0; len(reqs) < 1024; i += 7 {
		a := agencies[i%len(agencies)]
		p, hasParent := parentOf[a]
		reqs = append(reqs,
			Request{Officer: officer(index[a], 0), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid}, // allow
			Request{Officer: officer(index[a], 1), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActServeNotice, Certificate: CertExpired},  // deny
			Request{Officer: officer(index[a], 7), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActDecide, Certificate: CertNone},          // allow
			Request{Officer: officer(index[a], 6), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActDecide, Certificate: CertNone},          // deny
		)
		if hasParent {
			reqs = append(reqs,
				Request{Officer: officer(index[p], 8), OfficerAgency: p, Agency: a, Object: ObjCase, Act: ActRead, Certificate: CertNone},            // allow
				Request{Officer: officer(index[a], 8), OfficerAgency: a, Agency: p, Object: ObjDeadline, Act: ActRead, Certificate: CertNone},        // deny
				Request{Officer: officer(index[p], 0), OfficerAgency: p, Agency: a, Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid}, // deny
			)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := e.Allowed(reqs[i%len(reqs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
