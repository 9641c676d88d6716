package policies

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
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
func holder(role Role, agency string) string {
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
		for _, r := range Roles {
			require.NoError(t, e.Assign(holder(r, a), r, a))
		}
	}
	return e
}

// row is one line of the permission matrix: may the holder of role, placed
// at where relative to the object, do act to obj, holding a certificate that
// is valid / expired / suspended / valid but for another field?
type row struct {
	role                                  Role
	where                                 where
	obj                                   Object
	act                                   Act
	valid, expired, suspended, wrongField bool
}

// matrixCerts are the certificate states of a row's four answers, in order.
var matrixCerts = []Certificate{CertValid, CertExpired, CertSuspended, CertWrongField}

// expect is the row's answer for certificate state c (one of matrixCerts).
func (x row) expect(c Certificate) bool {
	return map[Certificate]bool{CertValid: x.valid, CertExpired: x.expired, CertSuspended: x.suspended, CertWrongField: x.wrongField}[c]
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
	{RoleOfficer, own, ObjCase, ActRead, allow, allow, allow, allow},
	{RoleOfficer, own, ObjTask, ActRead, allow, allow, allow, allow},
	{RoleOfficer, own, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActOpenCase, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActRecordEvidence, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActSubmitReport, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActServeNotice, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActRecordStatement, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActRecordWaiver, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActServeDecision, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActPublish, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActRecordPayment, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActRequestClosing, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActApplyRecusal, allow, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleOfficer, own, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleOfficer, own, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleOfficer, own, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleOfficer, own, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleOfficer, own, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleOfficer, own, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleOfficer, own, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleOfficer, own, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleOfficer, own, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleOfficer, below, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleOfficer, below, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleOfficer, below, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleOfficer, below, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleOfficer, below, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleOfficer, sibling, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleOfficer, above, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleOfficer, above, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleOfficer, above, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleOfficer, above, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleOfficer, above, ObjPolicy, ActManage, deny, deny, deny, deny},
	// reviewer: reads and reviews its own agency's cases, certificate or not; never decides (PL 58; SAMR 49–55).
	{RoleReviewer, own, ObjCase, ActRead, allow, allow, allow, allow},
	{RoleReviewer, own, ObjTask, ActRead, allow, allow, allow, allow},
	{RoleReviewer, own, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActApproveReview, allow, allow, allow, allow},
	{RoleReviewer, own, ObjCase, ActReturnReview, allow, allow, allow, allow},
	{RoleReviewer, own, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleReviewer, own, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleReviewer, own, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleReviewer, own, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleReviewer, own, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleReviewer, own, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleReviewer, own, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleReviewer, own, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleReviewer, own, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleReviewer, own, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleReviewer, below, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleReviewer, below, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleReviewer, below, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleReviewer, below, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleReviewer, below, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleReviewer, sibling, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleReviewer, above, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleReviewer, above, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleReviewer, above, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleReviewer, above, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleReviewer, above, ObjPolicy, ActManage, deny, deny, deny, deny},
	// head: approves, decides, decides staff recusal and reassigns officers at its own agency only; needs no 执法证 (PL 43, 54, 57; SAMR 4, 19–20, 56, 77).
	{RoleHead, own, ObjCase, ActRead, allow, allow, allow, allow},
	{RoleHead, own, ObjTask, ActRead, allow, allow, allow, allow},
	{RoleHead, own, ObjDeadline, ActRead, allow, allow, allow, allow},
	{RoleHead, own, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActApproveFiling, allow, allow, allow, allow},
	{RoleHead, own, ObjCase, ActRejectFiling, allow, allow, allow, allow},
	{RoleHead, own, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActApprovePenalty, allow, allow, allow, allow},
	{RoleHead, own, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActDecide, allow, allow, allow, allow},
	{RoleHead, own, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActApproveClosing, allow, allow, allow, allow},
	{RoleHead, own, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleHead, own, ObjCase, ActDecideRecusal, allow, allow, allow, allow},
	{RoleHead, own, ObjCase, ActReassignOfficers, allow, allow, allow, allow},
	{RoleHead, own, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleHead, own, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleHead, own, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleHead, own, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleHead, own, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleHead, own, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleHead, own, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleHead, own, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleHead, own, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleHead, own, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleHead, own, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleHead, own, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleHead, below, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleHead, below, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleHead, below, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleHead, below, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleHead, below, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleHead, below, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleHead, below, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleHead, below, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleHead, sibling, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleHead, sibling, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleHead, sibling, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleHead, sibling, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleHead, sibling, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleHead, above, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleHead, above, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleHead, above, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleHead, above, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleHead, above, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleHead, above, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleHead, above, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleHead, above, ObjPolicy, ActManage, deny, deny, deny, deny},
	// principal head: everything a head may do, including the recusal of other heads (SAMR 4; HB 十四).
	{RolePrincipalHead, own, ObjCase, ActRead, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjTask, ActRead, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjDeadline, ActRead, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActApproveFiling, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjCase, ActRejectFiling, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActApprovePenalty, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActDecide, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActPublish, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActApproveClosing, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCase, ActDecideRecusal, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjCase, ActReassignOfficers, allow, allow, allow, allow},
	{RolePrincipalHead, own, ObjAgency, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjAgency, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, own, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjTask, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActDecide, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActPublish, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjAgency, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjAgency, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, below, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjTask, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActDecide, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActPublish, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjAgency, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjAgency, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, sibling, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjTask, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActDecide, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActPublish, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjAgency, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjAgency, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RolePrincipalHead, above, ObjPolicy, ActManage, deny, deny, deny, deny},
	// hearing host: reads its own agency's case file, nothing else (PL 64; SAMR 78).
	{RoleHearingHost, own, ObjCase, ActRead, allow, allow, allow, allow},
	{RoleHearingHost, own, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, own, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, below, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, sibling, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleHearingHost, above, ObjPolicy, ActManage, deny, deny, deny, deny},
	// manager: reads cases, deadlines, officers and certificates at its agency and below; never acts, never administers (PL 76; SAMR 6; ENFSUP).
	{RoleManager, own, ObjCase, ActRead, allow, allow, allow, allow},
	{RoleManager, own, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleManager, own, ObjDeadline, ActRead, allow, allow, allow, allow},
	{RoleManager, own, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleManager, own, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleManager, own, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleManager, own, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleManager, own, ObjOfficer, ActRead, allow, allow, allow, allow},
	{RoleManager, own, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleManager, own, ObjCertificate, ActRead, allow, allow, allow, allow},
	{RoleManager, own, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleManager, own, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleManager, own, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleManager, own, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleManager, own, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleManager, own, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleManager, own, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActRead, allow, allow, allow, allow},
	{RoleManager, below, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleManager, below, ObjDeadline, ActRead, allow, allow, allow, allow},
	{RoleManager, below, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleManager, below, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleManager, below, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleManager, below, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleManager, below, ObjOfficer, ActRead, allow, allow, allow, allow},
	{RoleManager, below, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleManager, below, ObjCertificate, ActRead, allow, allow, allow, allow},
	{RoleManager, below, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleManager, below, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleManager, below, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleManager, below, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleManager, below, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleManager, below, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleManager, below, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleManager, sibling, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleManager, sibling, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleManager, sibling, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleManager, sibling, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleManager, sibling, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleManager, above, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleManager, above, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleManager, above, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleManager, above, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleManager, above, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleManager, above, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleManager, above, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleManager, above, ObjPolicy, ActManage, deny, deny, deny, deny},
	// admin: reads and manages master data and permission lines at its agency and below; never touches a case (HB 二十二).
	{RoleAdmin, own, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleAdmin, own, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleAdmin, own, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleAdmin, own, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleAdmin, own, ObjAgency, ActRead, allow, allow, allow, allow},
	{RoleAdmin, own, ObjAgency, ActManage, allow, allow, allow, allow},
	{RoleAdmin, own, ObjOfficer, ActRead, allow, allow, allow, allow},
	{RoleAdmin, own, ObjOfficer, ActManage, allow, allow, allow, allow},
	{RoleAdmin, own, ObjCertificate, ActRead, allow, allow, allow, allow},
	{RoleAdmin, own, ObjCertificate, ActManage, allow, allow, allow, allow},
	{RoleAdmin, own, ObjPowerItem, ActRead, allow, allow, allow, allow},
	{RoleAdmin, own, ObjPowerItem, ActManage, allow, allow, allow, allow},
	{RoleAdmin, own, ObjCalendar, ActRead, allow, allow, allow, allow},
	{RoleAdmin, own, ObjCalendar, ActManage, allow, allow, allow, allow},
	{RoleAdmin, own, ObjPolicy, ActRead, allow, allow, allow, allow},
	{RoleAdmin, own, ObjPolicy, ActManage, allow, allow, allow, allow},
	{RoleAdmin, below, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleAdmin, below, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleAdmin, below, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleAdmin, below, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleAdmin, below, ObjAgency, ActRead, allow, allow, allow, allow},
	{RoleAdmin, below, ObjAgency, ActManage, allow, allow, allow, allow},
	{RoleAdmin, below, ObjOfficer, ActRead, allow, allow, allow, allow},
	{RoleAdmin, below, ObjOfficer, ActManage, allow, allow, allow, allow},
	{RoleAdmin, below, ObjCertificate, ActRead, allow, allow, allow, allow},
	{RoleAdmin, below, ObjCertificate, ActManage, allow, allow, allow, allow},
	{RoleAdmin, below, ObjPowerItem, ActRead, allow, allow, allow, allow},
	{RoleAdmin, below, ObjPowerItem, ActManage, allow, allow, allow, allow},
	{RoleAdmin, below, ObjCalendar, ActRead, allow, allow, allow, allow},
	{RoleAdmin, below, ObjCalendar, ActManage, allow, allow, allow, allow},
	{RoleAdmin, below, ObjPolicy, ActRead, allow, allow, allow, allow},
	{RoleAdmin, below, ObjPolicy, ActManage, allow, allow, allow, allow},
	{RoleAdmin, sibling, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleAdmin, sibling, ObjPolicy, ActManage, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjTask, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjDeadline, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActOpenCase, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActApproveFiling, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActRejectFiling, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActRecordEvidence, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActSubmitReport, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActApproveReview, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActReturnReview, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActApprovePenalty, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActServeNotice, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActRecordStatement, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActRecordWaiver, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActDecide, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActServeDecision, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActPublish, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActRecordPayment, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActRequestClosing, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActApproveClosing, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActApplyRecusal, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActDecideRecusal, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCase, ActReassignOfficers, deny, deny, deny, deny},
	{RoleAdmin, above, ObjAgency, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjAgency, ActManage, deny, deny, deny, deny},
	{RoleAdmin, above, ObjOfficer, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjOfficer, ActManage, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCertificate, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCertificate, ActManage, deny, deny, deny, deny},
	{RoleAdmin, above, ObjPowerItem, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjPowerItem, ActManage, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCalendar, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjCalendar, ActManage, deny, deny, deny, deny},
	{RoleAdmin, above, ObjPolicy, ActRead, deny, deny, deny, deny},
	{RoleAdmin, above, ObjPolicy, ActManage, deny, deny, deny, deny},
}

// matrixPairs are the (object, act) pairs of the matrix: reads, every act on
// a case, and reading and managing every administrable object.
func matrixPairs() []struct {
	obj Object
	act Act
} {
	type pair = struct {
		obj Object
		act Act
	}
	pairs := []pair{{ObjCase, ActRead}, {ObjTask, ActRead}, {ObjDeadline, ActRead}, {ObjCase, ActOpenCase}}
	for _, a := range CaseActs {
		pairs = append(pairs, pair{ObjCase, a})
	}
	for _, o := range AdminObjects {
		pairs = append(pairs, pair{o, ActRead}, pair{o, ActManage})
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
		role  Role
		where where
		obj   Object
		act   Act
	}
	want := map[key]bool{}
	for _, r := range Roles {
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
		role Role
		obj  Object
		act  Act
	}{
		{RoleManager, ObjCase, ActRead}, {RoleManager, ObjDeadline, ActRead},
		{RoleManager, ObjOfficer, ActRead}, {RoleManager, ObjCertificate, ActRead},
	}
	for _, o := range AdminObjects {
		grants = append(grants, struct {
			role Role
			obj  Object
			act  Act
		}{RoleAdmin, o, ActRead}, struct {
			role Role
			obj  Object
			act  Act
		}{RoleAdmin, o, ActManage})
	}
	for _, tt := range tests {
		for _, g := range grants {
			t.Run(fmt.Sprintf("%s/%s/%s/%s", tt.name, g.role, g.obj, g.act), func(t *testing.T) {
				t.Parallel()
				got, err := e.Allowed(Request{
					Officer: holder(g.role, tt.officerAgency), OfficerAgency: tt.officerAgency,
					Agency: tt.agency, Object: g.obj, Act: g.act, Certificate: CertNone,
				})
				require.NoError(t, err)
				require.Equal(t, tt.allow, got)
			})
		}
	}
	t.Run("city manager and admin never act on a case", func(t *testing.T) {
		t.Parallel()
		for _, role := range []Role{RoleManager, RoleAdmin} {
			for _, agency := range []string{"C", "K1", "K2", "T1"} {
				for _, act := range append([]Act{ActOpenCase}, CaseActs...) {
					got, err := e.Allowed(Request{
						Officer: holder(role, "C"), OfficerAgency: "C",
						Agency: agency, Object: ObjCase, Act: act, Certificate: CertValid,
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
				got, err := e.Allowed(Request{Officer: holder(RoleManager, "C"), OfficerAgency: "C",
					Agency: agency, Object: o, Act: ActManage, Certificate: CertValid})
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
// is refused every act; reviewers, heads and hearing hosts need none.
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
		}{{RoleReviewer, ActApproveReview}, {RoleHead, ActDecide}, {RoleHead, ActDecideRecusal},
			{RolePrincipalHead, ActDecideRecusal}, {RoleHearingHost, ActRead}, {RoleOfficer, ActRead}} {
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

func TestRuleCheck(t *testing.T) {
	t.Parallel()
	good := Rule{Role: RoleHead, Scope: ScopeOwn, Object: ObjCase, Act: ActDecideRecusal, Cert: NeedNone}
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
	require.Contains(t, rules, Rule{RoleOfficer, ScopeOwn, ObjCase, ActApplyRecusal, NeedValid})
	require.Contains(t, rules, Rule{RoleAdmin, ScopeBelow, ObjPolicy, ActManage, NeedNone})
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
		for _, r := range Roles {
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
	require.Equal(t, []Role{RoleHead}, e.RolesAt(holder(RoleHead, "K1"), "K1"))
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
			{RoleOfficer, ScopeOwn, ObjCase, ActRecordEvidence, NeedValid},
			{RoleManager, ScopeBelow, ObjCase, ActRead, NeedNone},
			{RoleOfficer, ScopeOwn, ObjCase, "fly-to-the-moon", NeedValid}, // e.g. written by a newer release
			{RoleOfficer, ScopeOwn, ObjCase, ActRecordEvidence, NeedValid}, // repeated
		},
		Tree: []AgencyLink{{"K1", "C"}, {"C", "K1"}, {"T1", "K1"}, {"X", "X"}},
		Assignments: []Assignment{
			{"o:1", RoleOfficer, "K1"}, {"o:2", RoleManager, "C"}, {"o:3", "clerk", "K1"},
			{"head", RoleOfficer, "K1"}, {"o:1", RoleOfficer, "K1"},
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
	require.True(t, allowed(Request{Officer: "o:1", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid}))
	require.True(t, allowed(Request{Officer: "o:2", OfficerAgency: "C", Agency: "T1", Object: ObjCase, Act: ActRead}))
	require.False(t, allowed(Request{Officer: "o:1", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRead}),
		"the lines of policy.csv that New started with are gone")
}

// TestRevocationBeatsTheCache: an answer the cache holds is never served
// after a change that takes the permission away, whichever way it comes.
func TestRevocationBeatsTheCache(t *testing.T) {
	t.Parallel()
	rules, err := DefaultRules()
	require.NoError(t, err)
	evidence := Request{Officer: holder(RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid}
	cityRead := Request{Officer: holder(RoleManager, "C"), OfficerAgency: "C", Agency: "T1", Object: ObjCase, Act: ActRead, Certificate: CertNone}
	evidenceLine := Rule{RoleOfficer, ScopeOwn, ObjCase, ActRecordEvidence, NeedValid}
	tests := []struct {
		name   string
		req    Request
		revoke func(*Enforcer) error
	}{
		{"role unassigned", evidence, func(e *Enforcer) error {
			return e.Unassign(holder(RoleOfficer, "K1"), RoleOfficer, "K1")
		}},
		{"line removed by a reload", evidence, func(e *Enforcer) error {
			_, err := e.Replace(snapshotOf(t, 2, without(rules, evidenceLine)))
			return err
		}},
		{"role gone in a reload", evidence, func(e *Enforcer) error {
			s := snapshotOf(t, 2, rules)
			s.Assignments = slicesDelete(s.Assignments, Assignment{holder(RoleOfficer, "K1"), RoleOfficer, "K1"})
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
	r := Request{Officer: "o:1", OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRead, Certificate: CertNone}
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
		_, err := e.Allowed(Request{Officer: fmt.Sprintf("o:%d", i), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRead})
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
	victimReq := Request{Officer: victim, OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid}
	stableReq := Request{Officer: holder(RoleOfficer, "K1"), OfficerAgency: "K1", Agency: "K1", Object: ObjCase, Act: ActServeNotice, Certificate: CertValid}
	withVictim := base
	withVictim.Assignments = append(append([]Assignment(nil), base.Assignments...), Assignment{victim, RoleOfficer, "K1"})

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
				if err = e.Assign(victim, RoleOfficer, "K1"); err == nil {
					_, _ = e.Allowed(victimReq)
					if err = e.Unassign(victim, RoleOfficer, "K1"); err == nil {
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
				if err = e.Assign(victim, RoleOfficer, "K1"); err == nil {
					_, _ = e.Allowed(victimReq)
					s := base
					s.Rules = without(rules, Rule{RoleOfficer, ScopeOwn, ObjCase, ActRecordEvidence, NeedValid})
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
	line := Rule{RoleAdmin, ScopeOwn, ObjPolicy, ActManage, NeedNone}
	req := Request{Officer: holder(RoleAdmin, "P"), OfficerAgency: "P", Agency: "P", Object: ObjPolicy, Act: ActManage}
	trial, err := e.Without(line)
	require.NoError(t, err)
	ok, err := trial.Allowed(req)
	require.NoError(t, err)
	require.False(t, ok)
	ok, err = trial.Allowed(Request{Officer: holder(RoleAdmin, "P"), OfficerAgency: "P", Agency: "K1", Object: ObjPolicy, Act: ActManage})
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
	rolesBySlot := []Role{RoleOfficer, RoleOfficer, RoleOfficer, RoleOfficer, RoleOfficer, RoleOfficer, RoleReviewer, RoleHead, RoleManager, RoleAdmin}
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
			Request{Officer: officer(index[a], 0), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid},    // allow
			Request{Officer: officer(index[a], 1), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActServeNotice, Certificate: CertExpired},     // deny
			Request{Officer: officer(index[a], 2), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActApplyRecusal, Certificate: CertWrongField}, // deny
			Request{Officer: officer(index[a], 7), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActDecide, Certificate: CertNone},             // allow
			Request{Officer: officer(index[a], 6), OfficerAgency: a, Agency: a, Object: ObjCase, Act: ActDecide, Certificate: CertNone},             // deny
		)
		if hasParent {
			reqs = append(reqs,
				Request{Officer: officer(index[p], 8), OfficerAgency: p, Agency: a, Object: ObjCase, Act: ActRead, Certificate: CertNone},            // allow
				Request{Officer: officer(index[a], 8), OfficerAgency: a, Agency: p, Object: ObjDeadline, Act: ActRead, Certificate: CertNone},        // deny
				Request{Officer: officer(index[p], 0), OfficerAgency: p, Agency: a, Object: ObjCase, Act: ActRecordEvidence, Certificate: CertValid}, // deny
				Request{Officer: officer(index[p], 9), OfficerAgency: p, Agency: a, Object: ObjCertificate, Act: ActManage, Certificate: CertNone},   // allow
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
