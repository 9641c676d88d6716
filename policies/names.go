package policies

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
