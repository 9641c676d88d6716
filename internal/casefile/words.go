package casefile

// The shared words of the system: who acts (roles), with what standing
// (certificate states, agency levels), and the name of what they do (acts).
// Every layer speaks them; none of them decides anything.

// Role is a role an officer holds at one agency. Who holds which role is data
// (the store); what each role may do is policy (policies/policy.csv).
type Role string

// Roles.
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

// Act names what a person does: a human act on a case, a read, or an
// administration. The same string names the act in the API route
// (/cases/{id}/acts/{act}), in policy.csv and as the name of the Workflow
// Update that performs it. Each procedure declares its own acts
// (workflows); the reads and administration are here.
type Act string

// Reads and administration.
const (
	ActRead   Act = "read"
	ActManage Act = "manage"
)

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
