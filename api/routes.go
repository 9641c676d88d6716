package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// route is one route of the API: what it asks of the caller and the handler
// that answers once it is satisfied. Every route is a row of routes; Handler
// registers nothing else.
type route struct {
	method, path string
	access       access
	handler      gin.HandlerFunc
}

// routes is the whole API, one route a line. The access column is enforced
// by guard before the handler runs; a handler checks only what needs the
// resource itself (the agency of the case, officer or certificate it
// addresses), and answers 404 for what the caller may not even read there.
func (s *Server) routes() []route {
	officers, certs, items := policies.ObjOfficer, policies.ObjCertificate, policies.ObjPowerItem
	read, manage := casefile.ActRead, casefile.ActManage
	return []route{
		{"GET", "/healthz", public(), s.healthz},
		{"GET", "/readyz", public(), s.readyz},
		{"GET", "/api/v1/openapi.json", public(), func(c *gin.Context) { c.Data(http.StatusOK, "application/json", openAPI) }},

		// Sessions (auth.go, identity.go).
		{"POST", "/api/v1/auth/login", public(), s.login},
		{"POST", "/api/v1/auth/refresh", public(), s.refresh},       // anyone holding a live refresh token
		{"POST", "/api/v1/auth/logout", self(), s.logout},           // the caller's own session
		{"POST", "/api/v1/auth/password", self(), s.changePassword}, // the caller's own password
		{"GET", "/api/v1/me", self(), s.me},

		// The public record (public.go): published decisions, redacted, for
		// anyone without login (PL 48; GB118) — pages in Chinese, an Atom
		// feed and JSON. Each answer has an ETag; each client address is
		// held to a rate (429 rate_limited).
		{"GET", "/public/decisions", public(), s.throttled(s.publicDecisionsPage)},
		{"GET", "/public/decisions/:id", public(), s.throttled(s.publicDecisionPage)},
		{"GET", "/public/decisions.atom", public(), s.throttled(s.publicFeed)},
		{"GET", "/api/v1/public/decisions", public(), s.throttled(s.publicDecisionsJSON)},
		{"GET", "/api/v1/public/decisions/:id", public(), s.throttled(s.publicDecisionJSON)},

		// Cases (cases.go). Opening a case and acting on one need the act at
		// the case's agency with a certificate valid for its field, which
		// the handler decides once it knows them and answers with the
		// certificate's state when that is what is missing.
		{"POST", "/api/v1/cases", byHandler("the procedure's open act at the case's agency, with a certificate for its field"), s.createCase},
		{"GET", "/api/v1/cases", may(policies.ObjCase, read).listing(), s.listCases},
		{"GET", "/api/v1/cases/:id", may(policies.ObjCase, read).hiding(errCaseNotFound), s.getCase},
		{"GET", "/api/v1/cases/:id/properties.csv", may(policies.ObjCase, read).hiding(errCaseNotFound), s.propertyList},            // properties.go
		{"GET", "/api/v1/cases/:id/publication-preview", may(policies.ObjCase, read).hiding(errCaseNotFound), s.previewPublication}, // public.go
		{"POST", "/api/v1/cases/:id/acts/:act", byHandler("the act named in the path at the case's agency, with a certificate for its field when the act needs one"), s.act},
		{"GET", "/api/v1/tasks", self(), s.tasks}, // the caller's own inbox
		{"GET", "/api/v1/deadlines", may(policies.ObjDeadline, read), s.deadlines},
		{"GET", "/api/v1/cases/:id/verify", may(policies.ObjDeadline, read), s.verifyCase}, // verify.go: supervisors, at the case's agency

		// Evidence files (evidence.go): attaching one needs what the
		// record-evidence act needs, from a handling officer of the case;
		// whoever may read the case lists and downloads them.
		{"GET", "/api/v1/cases/:id/files", may(policies.ObjCase, read).hiding(errCaseNotFound), s.listEvidence},
		{"POST", "/api/v1/cases/:id/files", byHandler("record-evidence at the case's agency, with a certificate for its field, by a handling officer of the case"), s.uploadEvidence},
		{"GET", "/api/v1/cases/:id/files/:sha256", may(policies.ObjCase, read).hiding(errCaseNotFound), s.downloadEvidence},

		// Documents (documents.go): whoever may read the case lists and
		// prints the documents it has reached, as HTML or PDF.
		{"GET", "/api/v1/cases/:id/documents", may(policies.ObjCase, read).hiding(errCaseNotFound), s.listDocuments},
		{"GET", "/api/v1/cases/:id/documents/:doc", may(policies.ObjCase, read).hiding(errCaseNotFound), s.getDocument},

		// The case file (casefile_zip.go): whoever may read the case takes
		// its whole file (案卷) as one ZIP, filed as SAMR 78 orders it.
		{"GET", "/api/v1/cases/:id/casefile.zip", may(policies.ObjCase, read).hiding(errCaseNotFound), s.caseFileZip},

		// Notifications (notifications.go): the caller's own.
		{"GET", "/api/v1/notifications", self(), s.listNotifications},
		{"GET", "/api/v1/notifications/unread-count", self(), s.unreadNotifications},
		{"POST", "/api/v1/notifications/:id/read", self(), s.readNotification},
		{"POST", "/api/v1/notifications/read-all", self(), s.readAllNotifications},

		// Agencies (agencies.go): reading at the agency, managing at the
		// agency, at the parent for a new one and at a new parent; their
		// rule packs (rules.go) likewise.
		{"GET", "/api/v1/agencies", may(policies.ObjAgency, read).listing(), s.listAgencies},
		{"POST", "/api/v1/agencies", may(policies.ObjAgency, manage), s.createAgency},
		{"GET", "/api/v1/agencies/:id", may(policies.ObjAgency, read).hiding(errAgencyNotFound), s.getAgency},
		{"PATCH", "/api/v1/agencies/:id", may(policies.ObjAgency, manage).hiding(errAgencyNotFound), s.updateAgency},
		{"GET", "/api/v1/admin/agencies/:id/rules", may(policies.ObjAgency, read).hiding(errAgencyNotFound), s.getRules},
		{"POST", "/api/v1/admin/agencies/:id/rules", may(policies.ObjAgency, manage).hiding(errAgencyNotFound), s.saveRules},

		// An agency's document templates (documents.go), versioned: read at
		// the agency, saved by who manages it.
		{"GET", "/api/v1/admin/agencies/:id/document-templates/:doc", may(policies.ObjAgency, read).hiding(errAgencyNotFound), s.getDocumentTemplate},
		{"POST", "/api/v1/admin/agencies/:id/document-templates/:doc", may(policies.ObjAgency, manage).hiding(errAgencyNotFound), s.saveDocumentTemplate},

		// An agency's webhook (webhooks.go), managed at the agency.
		{"GET", "/api/v1/admin/agencies/:id/webhook", may(policies.ObjAgency, manage).hiding(errAgencyNotFound), s.getWebhook},
		{"PUT", "/api/v1/admin/agencies/:id/webhook", may(policies.ObjAgency, manage).hiding(errAgencyNotFound), s.putWebhook},
		{"DELETE", "/api/v1/admin/agencies/:id/webhook", may(policies.ObjAgency, manage).hiding(errAgencyNotFound), s.deleteWebhook},
		{"GET", "/api/v1/admin/agencies/:id/webhook/deliveries", may(policies.ObjAgency, manage).hiding(errAgencyNotFound), s.listDeliveries},

		// Officers (officers.go, qualifications.go), at their home agency;
		// roles at the role's agency, never one's own.
		{"GET", "/api/v1/officers", may(officers, read).listing(), s.listOfficers},
		{"POST", "/api/v1/officers", may(officers, manage), s.createOfficer},
		{"GET", "/api/v1/officers/:id", may(officers, read).hiding(errOfficerNotFound), s.getOfficer},
		{"PATCH", "/api/v1/officers/:id", may(officers, manage).hiding(errOfficerNotFound), s.updateOfficer},
		{"POST", "/api/v1/officers/:id/roles", may(officers, manage).hiding(errOfficerNotFound), s.assignRole},
		{"DELETE", "/api/v1/officers/:id/roles/:agency_id/:role", may(officers, manage).hiding(errOfficerNotFound), s.unassignRole},
		{"POST", "/api/v1/officers/:id/disable", may(officers, manage).hiding(errOfficerNotFound), s.disableOfficer},
		{"POST", "/api/v1/officers/:id/enable", may(officers, manage).hiding(errOfficerNotFound), s.enableOfficer},
		{"POST", "/api/v1/officers/:id/sessions/end", may(officers, manage).hiding(errOfficerNotFound), s.endSessions},
		{"POST", "/api/v1/officers/:id/password-reset", may(officers, manage).hiding(errOfficerNotFound), s.resetPassword},
		{"PUT", "/api/v1/officers/:id/legal-qualification", may(officers, manage).hiding(errOfficerNotFound), s.setLegalQualification},
		{"DELETE", "/api/v1/officers/:id/legal-qualification", may(officers, manage).hiding(errOfficerNotFound), s.clearLegalQualification},

		// Certificates (certificates.go), at the holder's home agency.
		{"GET", "/api/v1/certificates", may(certs, read).listing(), s.listCertificates},
		{"POST", "/api/v1/certificates", may(certs, manage), s.createCertificate},
		{"GET", "/api/v1/certificates/:number", may(certs, read).hiding(errCertificateNotFound), s.getCertificate},
		{"PATCH", "/api/v1/certificates/:number", may(certs, manage).hiding(errCertificateNotFound), s.updateCertificate},
		{"POST", "/api/v1/certificates/:number/suspend", may(certs, manage).hiding(errCertificateNotFound), s.certificateStatus(store.CertSuspended)},
		{"POST", "/api/v1/certificates/:number/revoke", may(certs, manage).hiding(errCertificateNotFound), s.certificateStatus(store.CertRevoked)},
		{"POST", "/api/v1/certificates/:number/reinstate", may(certs, manage).hiding(errCertificateNotFound), s.certificateStatus(store.CertReinstated)},

		// Power items (power_items.go): the lists of the agency and above;
		// managing at the list's agency.
		{"GET", "/api/v1/power-items", may(items, read).listing(), s.listPowerItems},
		{"POST", "/api/v1/power-items", may(items, manage), s.createPowerItem},
		{"GET", "/api/v1/power-items/:code", may(items, read).hiding(errPowerItemNotFound), s.getPowerItem},
		{"POST", "/api/v1/power-items/:code/changes", may(items, manage).hiding(errPowerItemNotFound), s.addPowerItemChange},

		// Imports (imports.go): each row at its own agency.
		{"POST", "/api/v1/imports/officers", may(officers, manage), s.importOfficers},
		{"POST", "/api/v1/imports/power-items", may(items, manage), s.importPowerItems},

		// Permission lines (policy_admin.go): changing one needs manage at
		// every root of the agency tree, which the handler checks (and that
		// the change leaves the caller able to manage them).
		{"GET", "/api/v1/admin/policies", may(policies.ObjPolicy, read), s.listPolicyLines},
		{"POST", "/api/v1/admin/policies", may(policies.ObjPolicy, manage), s.addPolicyLine},
		{"DELETE", "/api/v1/admin/policies", may(policies.ObjPolicy, manage), s.removePolicyLine},
		{"GET", "/api/v1/admin/policies/audit", may(policies.ObjPolicy, read), s.policyAuditLog},

		// The audit log (audit.go): officers' changes where the caller
		// manages officers, permission-line changes if they read the policy.
		{"GET", "/api/v1/admin/audit", mayAny(perm{officers, manage}, perm{policies.ObjPolicy, read}), s.auditLog},
	}
}

// accessKind is what a route asks of the caller.
type accessKind int

const (
	accessPublic     accessKind = iota + 1 // anyone, no token
	accessSelf                             // any logged-in officer, about themselves only
	accessPermission                       // a logged-in officer allowed one of perms at some agency
	accessByHandler                        // a logged-in officer; the handler decides, see why
)

// perm is a permission: act on object.
type perm struct {
	object policies.Object
	act    casefile.Act
}

// access is a route's column of the table.
type access struct {
	kind  accessKind
	perms []perm
	// list: a listing, filtered to the agencies where the caller holds
	// perms[0]; never refused, it lists nothing if there are none.
	list bool
	// notFound answers a caller who may not even read the object at any
	// agency, as for an unknown ID, where the route addresses one.
	notFound *apiError
	why      string // accessByHandler: what the handler decides
}

func public() access { return access{kind: accessPublic} }

// self: the route acts on the caller's own account, session or inbox.
func self() access { return access{kind: accessSelf} }

// may: the caller must be allowed act on obj at some agency.
func may(obj policies.Object, act casefile.Act) access {
	return access{kind: accessPermission, perms: []perm{{obj, act}}}
}

// mayAny: the caller must be allowed one of ps at some agency.
func mayAny(ps ...perm) access { return access{kind: accessPermission, perms: ps} }

// byHandler: the permission depends on what the handler loads (the case and
// the act), so the handler decides; why says what it checks.
func byHandler(why string) access { return access{kind: accessByHandler, why: why} }

// listing makes a may a listing: the handler lists what the caller may read
// at the agencies guard found (listedAgencies); none is an empty list.
func (a access) listing() access { a.list = true; return a }

// hiding answers notFound rather than 403 when the caller may not even read
// the object anywhere, so that a route addressing one by ID says no more
// about it than an unknown ID would.
func (a access) hiding(notFound *apiError) access { a.notFound = notFound; return a }

// listedKey holds the agencies where the caller may list, for a listing.
const listedKey = "listedAgencies"

// guard enforces a route's access before its handler: authentication for
// everything but public routes, then the permission. An enforcer error is
// a 500, never an allow.
func (s *Server) guard(a access) gin.HandlerFunc {
	return func(c *gin.Context) {
		if a.kind != accessPermission {
			c.Next()
			return
		}
		ctx := c.Request.Context()
		p := caller(c)
		if a.list {
			agencies, err := s.agenciesAllowing(ctx, p, a.perms[0].object, a.perms[0].act)
			if err != nil {
				fail(c, err)
				return
			}
			c.Set(listedKey, agencies)
			c.Next()
			return
		}
		for _, pm := range a.perms {
			ok, err := s.allowedSomewhere(ctx, p, pm.object, pm.act)
			if err != nil {
				fail(c, err)
				return
			}
			if ok {
				c.Next()
				return
			}
		}
		if a.notFound != nil {
			canRead, err := s.allowedSomewhere(ctx, p, a.perms[0].object, casefile.ActRead)
			if err != nil {
				fail(c, err)
				return
			}
			if !canRead {
				fail(c, a.notFound)
				return
			}
		}
		fail(c, errForbidden)
	}
}

// allowedSomewhere reports whether the caller may do act on obj at some
// agency of the tree.
func (s *Server) allowedSomewhere(ctx context.Context, p *principal, obj policies.Object, act casefile.Act) (bool, error) {
	all, err := s.store.Agencies(ctx)
	if err != nil {
		return false, err
	}
	for _, a := range all {
		ok, err := s.allowed(p, a.ID, obj, act)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// listedAgencies are the agencies guard found for a listing route.
func listedAgencies(c *gin.Context) []string {
	v, _ := c.Get(listedKey)
	agencies, _ := v.([]string)
	return agencies
}

// register adds every route of the table to r, each behind authentication
// (unless public) and its guard.
func (s *Server) register(r *gin.Engine) {
	for _, rt := range s.routes() {
		chain := []gin.HandlerFunc{rt.handler}
		if rt.access.kind != accessPublic {
			chain = []gin.HandlerFunc{s.authenticate, s.guard(rt.access), rt.handler}
		}
		r.Handle(rt.method, rt.path, chain...)
	}
}
