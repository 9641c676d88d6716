package policies

// Role is a role an officer holds at one agency. Who holds which role is data
// (the store); what each role may do is policy.csv.
type Role string

// Roles, as policy.csv names them.
const (
	RoleOfficer  Role = "officer"  // 执法人员, certified enforcement officer
	RoleReviewer Role = "reviewer" // 法制审核人员, legal reviewer
	RoleHead     Role = "head"     // 行政机关负责人, agency head
	RoleManager  Role = "manager"  // 执法监督, supervisor of the agencies below
	RoleAdmin    Role = "admin"    // 系统管理员
	// RolePrincipalHead is the agency's 主要负责人: decides recusal of other heads (SAMR 4).
	RolePrincipalHead Role = "principal-head"
	// RoleHearingHost is a 听证主持人 (PL 64).
	RoleHearingHost Role = "hearing-host"
)

// Roles lists every role.
var Roles = []Role{RoleOfficer, RoleReviewer, RoleHead, RolePrincipalHead, RoleHearingHost, RoleManager, RoleAdmin}

// Object is what an action applies to.
type Object string

// Objects, as policy.csv names them.
const (
	ObjCase     Object = "case"
	ObjTask     Object = "task"
	ObjDeadline Object = "deadline"
	ObjCalendar Object = "calendar"
	// Administrable master data and the policy itself.
	ObjAgency      Object = "agency"
	ObjOfficer     Object = "officer"
	ObjCertificate Object = "certificate"
	ObjPowerItem   Object = "power-item"
	ObjPolicy      Object = "policy"
)

// Objects lists every object.
var Objects = []Object{ObjCase, ObjTask, ObjDeadline, ObjCalendar, ObjAgency, ObjOfficer, ObjCertificate, ObjPowerItem, ObjPolicy}

// AdminObjects are the administrable master data and the policy itself.
var AdminObjects = []Object{ObjAgency, ObjOfficer, ObjCertificate, ObjPowerItem, ObjCalendar, ObjPolicy}

// Act is a human act on a case, or a read. The same string names the act in
// the API route (/cases/{id}/acts/{act}), in policy.csv and as the name of
// the Workflow Update that performs it, so an act is spelt in one place.
type Act string

// Reads and administration.
const (
	ActRead   Act = "read"
	ActManage Act = "manage"
)

// Acts of the general penalty procedure (一般程序), in the order the law has
// them (PL 54–65; SAMR 18–79).
const (
	ActOpenCase        Act = "open-case"        // 立案申请: an officer applies to file (SAMR 19)
	ActApproveFiling   Act = "approve-filing"   // 立案审批: the head approves filing (PL 54; SAMR 19)
	ActRejectFiling    Act = "reject-filing"    // 不予立案 (SAMR 20)
	ActRecordEvidence  Act = "record-evidence"  // 调查取证 by ≥2 officers (PL 42, 55)
	ActSubmitReport    Act = "submit-report"    // 调查终结报告, sent to legal review (SAMR 48–49)
	ActApproveReview   Act = "approve-review"   // 法制审核 passed (PL 58; SAMR 54(1))
	ActReturnReview    Act = "return-review"    // 法制审核 returned with a written opinion (SAMR 54(2)–(4))
	ActApprovePenalty  Act = "approve-penalty"  // 负责人 approves the proposed penalty (SAMR 56)
	ActServeNotice     Act = "serve-notice"     // 事先告知书 served (PL 44; SAMR 57)
	ActRecordStatement Act = "record-statement" // 陈述申辩 recorded (PL 45)
	ActRecordWaiver    Act = "record-waiver"    // party waives statement and hearing (SAMR 57)
	ActDecide          Act = "decide"           // 行政处罚决定 by the head (PL 57)
	ActServeDecision   Act = "serve-decision"   // 送达 (PL 61; SAMR 81)
	ActPublish         Act = "publish"          // 行政执法公示 (PL 48; GB118)
	ActRecordPayment   Act = "record-payment"   // 缴纳罚款 (PL 67)
	ActRequestClosing  Act = "request-closing"  // 结案审批表 filled (SAMR 77)
	ActApproveClosing  Act = "approve-closing"  // 结案 approved by the head (SAMR 77)

	ActApplyRecusal     Act = "apply-recusal"     // 回避申请 by the party or an officer (PL 43)
	ActDecideRecusal    Act = "decide-recusal"    // 回避决定 by the right person (PL 43; SAMR 4)
	ActReassignOfficers Act = "reassign-officers" // the head replaces handling officers (PL 42)
)

// CaseActs lists every act on a case in procedure order.
var CaseActs = []Act{
	ActApproveFiling, ActRejectFiling, ActRecordEvidence, ActSubmitReport,
	ActApproveReview, ActReturnReview, ActApprovePenalty, ActServeNotice,
	ActRecordStatement, ActRecordWaiver, ActDecide, ActServeDecision,
	ActPublish, ActRecordPayment, ActRequestClosing, ActApproveClosing,
	ActApplyRecusal, ActDecideRecusal, ActReassignOfficers,
}

// Certificate is the state of an officer's enforcement certificate (执法证)
// at the moment of a request.
type Certificate string

// Certificate states.
const (
	CertValid     Certificate = "valid"
	CertExpired   Certificate = "expired"
	CertSuspended Certificate = "suspended"
	CertNone      Certificate = "none"
	// CertWrongField is a valid certificate that does not cover the field of
	// the case's power item.
	CertWrongField Certificate = "wrong-field"
)

// Certificates lists every certificate state.
var Certificates = []Certificate{CertValid, CertExpired, CertSuspended, CertNone, CertWrongField}

// Level is an agency's level in the administrative hierarchy.
type Level string

// Agency levels (省/市/县/乡镇街道).
const (
	LevelProvince Level = "province"
	LevelCity     Level = "city"
	LevelCounty   Level = "county"
	LevelTownship Level = "township"
)
