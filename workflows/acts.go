package workflows

import "github.com/zhifa/zhifa/internal/casefile"

// Acts of the general penalty procedure (一般程序), in the order the law has
// them (PL 54–65; SAMR 18–79).
const (
	ActOpenCase        casefile.Act = "open-case"        // 立案申请: an officer applies to file (SAMR 19)
	ActApproveFiling   casefile.Act = "approve-filing"   // 立案审批: the head approves filing (PL 54; SAMR 19)
	ActRejectFiling    casefile.Act = "reject-filing"    // 不予立案 (SAMR 20)
	ActRecordEvidence  casefile.Act = "record-evidence"  // 调查取证 by ≥2 officers (PL 42, 55)
	ActSubmitReport    casefile.Act = "submit-report"    // 调查终结报告, sent to legal review (SAMR 48–49)
	ActApproveReview   casefile.Act = "approve-review"   // 法制审核 passed (PL 58; SAMR 54(1))
	ActReturnReview    casefile.Act = "return-review"    // 法制审核 returned with a written opinion (SAMR 54(2)–(4))
	ActApprovePenalty  casefile.Act = "approve-penalty"  // 负责人 approves the proposed penalty (SAMR 56)
	ActServeNotice     casefile.Act = "serve-notice"     // 事先告知书 served (PL 44; SAMR 57)
	ActRecordStatement casefile.Act = "record-statement" // 陈述申辩 recorded (PL 45)
	ActRecordWaiver    casefile.Act = "record-waiver"    // party waives statement and hearing (SAMR 57)
	ActDecide          casefile.Act = "decide"           // 行政处罚决定 by the head (PL 57)
	ActServeDecision   casefile.Act = "serve-decision"   // 送达 (PL 61; SAMR 81)
	ActPublish         casefile.Act = "publish"          // 行政执法公示 (PL 48; GB118)
	ActRecordPayment   casefile.Act = "record-payment"   // 缴纳罚款 (PL 67)
	ActRequestClosing  casefile.Act = "request-closing"  // 结案审批表 filled (SAMR 77)
	ActApproveClosing  casefile.Act = "approve-closing"  // 结案 approved by the head (SAMR 77)

	ActApplyRecusal     casefile.Act = "apply-recusal"     // 回避申请 by the party or an officer (PL 43)
	ActDecideRecusal    casefile.Act = "decide-recusal"    // 回避决定 by the right person (PL 43; SAMR 4)
	ActReassignOfficers casefile.Act = "reassign-officers" // the head replaces handling officers (PL 42)
)

// CaseActs lists every act on a case in procedure order.
var CaseActs = []casefile.Act{
	ActApproveFiling, ActRejectFiling, ActRecordEvidence, ActSubmitReport,
	ActApproveReview, ActReturnReview, ActApprovePenalty, ActServeNotice,
	ActRecordStatement, ActRecordWaiver, ActDecide, ActServeDecision,
	ActPublish, ActRecordPayment, ActRequestClosing, ActApproveClosing,
	ActApplyRecusal, ActDecideRecusal, ActReassignOfficers,
}

// Acts lists every act of every procedure: what policy.csv may name.
func Acts() []casefile.Act { return append([]casefile.Act{ActOpenCase}, CaseActs...) }
