// Package policies decides which officer may do what to which case, at which
// agency level. The rules are two embedded files reviewed like code:
// model.conf (RBAC with domains, the domain being an agency ID, plus the
// agency tree and the officer's certificate state) and policy.csv (role →
// permission lines, each block citing the law). Who holds which role at which
// agency, and how agencies nest, is data: the caller loads it from the store
// through Assign and SetAgencyParent.
//
// The API layer calls Allowed once per request; nothing else spells a policy
// string (see names.go).
package policies

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
)

//go:embed model.conf
var modelConf string

//go:embed policy.csv
var policyCSV string

// Scopes and certificate requirements as policy.csv spells them.
const (
	scopeOwn   = "own"   // the role is held at the object's agency
	scopeBelow = "below" // the role is held at an agency strictly above the object's agency
	certAny    = "-"     // no certificate needed
)

// maxAgencyDepth is the longest chain of child → parent links the agency tree
// may have. Casbin's default role manager follows at most 10 links (NewEnforcer
// builds it with maxHierarchyLevel 10); a deeper tree would make "below" quietly
// false, so SetAgencyParent refuses it instead. China has five administrative
// levels (national, province, city, county, township): four links.
const maxAgencyDepth = 10

// Errors callers can test with errors.Is.
var (
	// ErrInvalidRequest: a Request lacks an officer, an agency, an object or
	// an act, or names an unknown certificate state.
	ErrInvalidRequest = errors.New("invalid authorization request")
	// ErrInvalidAssignment: empty officer or agency, unknown role, or an
	// officer ID that is also a role name (role links are transitive, so
	// making "officer" a member of "head" would promote every officer).
	ErrInvalidAssignment = errors.New("invalid role assignment")
	// ErrInvalidTree: empty agency ID, an agency as its own parent, a move
	// that would make a cycle, or a tree deeper than maxAgencyDepth links.
	ErrInvalidTree = errors.New("invalid agency tree")
	// ErrInvalidPolicy: policy.csv or model.conf does not load.
	ErrInvalidPolicy = errors.New("invalid policy")
)

// Enforcer answers authorization questions. It is safe for concurrent use.
//
// It wraps a *casbin.SyncedEnforcer, not a SyncedCachedEnforcer. In casbin
// v2.135.0 the cached enforcer does not clear its cache when grouping rules
// (role assignments, the agency tree) change, and its Enforce computes a
// decision and stores it in two steps outside any lock: an Unassign that clears
// the cache in between leaves the old allow cached, with no expiry by default,
// so a revoked officer would keep acting. Its cache also grows with every
// distinct request. A decision here takes microseconds (see BenchmarkAllowed)
// against milliseconds for the Temporal Update it guards, so there is nothing
// to win that is worth a stale allow.
type Enforcer struct {
	casbin *casbin.SyncedEnforcer
	// tree serialises SetAgencyParent, which reads the tree, checks it and
	// then changes it in two steps. Readers do not take it: between the two
	// steps an agency is briefly without a parent, which can only deny.
	tree sync.Mutex
}

// New returns an Enforcer with the embedded model and policy.csv, no role
// assignments and no agency tree.
func New() (*Enforcer, error) {
	return newEnforcer(modelConf, policyCSV)
}

// newEnforcer builds an Enforcer from model and policy text; New passes the
// embedded files, tests pass others.
func newEnforcer(modelText, policy string) (*Enforcer, error) {
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return nil, fmt.Errorf("load model.conf: %w: %w", ErrInvalidPolicy, err)
	}
	rules, err := parsePolicy(policy)
	if err != nil {
		return nil, fmt.Errorf("load policy.csv: %w", err)
	}
	// No adapter: the policy is embedded and assignments are owned by the
	// store, so nothing is ever written back through casbin.
	ce, err := casbin.NewSyncedEnforcer(m)
	if err != nil {
		return nil, fmt.Errorf("create enforcer: %w", err)
	}
	if _, err := ce.AddPolicies(rules); err != nil {
		return nil, fmt.Errorf("add policy.csv rules: %w", err)
	}
	return &Enforcer{casbin: ce}, nil
}

// parsePolicy reads policy lines and checks every field against names.go, so
// that a typo in policy.csv fails New instead of silently never matching.
func parsePolicy(text string) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	r.FieldsPerRecord = -1
	var rules [][]string
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rules, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalidPolicy, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != 6 || rec[0] != "p" {
			return nil, fmt.Errorf("%w: line %d: want \"p, role, scope, object, act, cert\", got %q",
				ErrInvalidPolicy, line, rec)
		}
		rule := rec[1:]
		role, scope, obj, act, cert := Role(rule[0]), rule[1], Object(rule[2]), Act(rule[3]), rule[4]
		switch {
		case !knownRole(role):
			return nil, fmt.Errorf("%w: line %d: unknown role %q", ErrInvalidPolicy, line, role)
		case scope != scopeOwn && scope != scopeBelow:
			return nil, fmt.Errorf("%w: line %d: unknown scope %q", ErrInvalidPolicy, line, scope)
		case !knownObject(obj):
			return nil, fmt.Errorf("%w: line %d: unknown object %q", ErrInvalidPolicy, line, obj)
		case !knownAct(act):
			return nil, fmt.Errorf("%w: line %d: unknown act %q", ErrInvalidPolicy, line, act)
		case cert != string(CertValid) && cert != certAny:
			return nil, fmt.Errorf("%w: line %d: cert must be %q or %q, got %q",
				ErrInvalidPolicy, line, CertValid, certAny, cert)
		}
		key := strings.Join(rule, ",")
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%w: line %d repeats line %d", ErrInvalidPolicy, line, prev)
		}
		seen[key] = line
		rules = append(rules, rule)
	}
}

// SetAgencyParent records that child is an agency directly under parent. An
// agency has one parent: setting a different one moves child, with its whole
// subtree, under the new parent. Setting the same parent again does nothing.
// It refuses a cycle and a tree deeper than the enforcer can follow.
func (e *Enforcer) SetAgencyParent(child, parent string) error {
	if child == "" || parent == "" {
		return fmt.Errorf("set parent of agency %q to %q: %w: empty agency ID", child, parent, ErrInvalidTree)
	}
	if child == parent {
		return fmt.Errorf("set parent of agency %q: %w: an agency cannot be its own parent", child, ErrInvalidTree)
	}
	e.tree.Lock()
	defer e.tree.Unlock()

	links, err := e.casbin.GetNamedGroupingPolicy("g2")
	if err != nil {
		return fmt.Errorf("set parent of agency %s: read agency tree: %w", child, err)
	}
	parentOf := make(map[string]string, len(links))
	childrenOf := make(map[string][]string, len(links))
	for _, l := range links {
		parentOf[l[0]] = l[1]
		childrenOf[l[1]] = append(childrenOf[l[1]], l[0])
	}
	old, hasParent := parentOf[child]
	if hasParent && old == parent {
		return nil
	}

	// Links from parent up to the root; child must not be among them.
	up := 0
	for a := parent; ; up++ {
		if a == child {
			return fmt.Errorf("set parent of agency %s to %s: %w: %s lies below %s",
				child, parent, ErrInvalidTree, parent, child)
		}
		p, ok := parentOf[a]
		if !ok {
			break
		}
		a = p
	}
	if depth := up + 1 + height(child, childrenOf); depth > maxAgencyDepth {
		return fmt.Errorf("set parent of agency %s to %s: %w: the tree would be %d links deep, more than %d",
			child, parent, ErrInvalidTree, depth, maxAgencyDepth)
	}

	if hasParent {
		if _, err := e.casbin.RemoveNamedGroupingPolicy("g2", child, old); err != nil {
			return fmt.Errorf("move agency %s from %s to %s: %w", child, old, parent, err)
		}
	}
	if _, err := e.casbin.AddNamedGroupingPolicy("g2", child, parent); err != nil {
		return fmt.Errorf("set parent of agency %s to %s: %w", child, parent, err)
	}
	return nil
}

// height is the number of links on the longest path from a down to a leaf.
// The tree is acyclic (SetAgencyParent keeps it so), so the recursion ends.
func height(a string, childrenOf map[string][]string) int {
	h := 0
	for _, c := range childrenOf[a] {
		h = max(h, 1+height(c, childrenOf))
	}
	return h
}

// Assign gives officer the role at agency. Assigning a role the officer
// already holds there does nothing.
func (e *Enforcer) Assign(officer string, role Role, agency string) error {
	if err := checkAssignment(officer, role, agency); err != nil {
		return fmt.Errorf("assign %s to %s at %s: %w", role, officer, agency, err)
	}
	if _, err := e.casbin.AddNamedGroupingPolicy("g", officer, string(role), agency); err != nil {
		return fmt.Errorf("assign %s to %s at %s: %w", role, officer, agency, err)
	}
	return nil
}

// Unassign takes the role at agency away from officer; the next Allowed call
// already sees it. Removing a role the officer does not hold does nothing.
func (e *Enforcer) Unassign(officer string, role Role, agency string) error {
	if err := checkAssignment(officer, role, agency); err != nil {
		return fmt.Errorf("unassign %s from %s at %s: %w", role, officer, agency, err)
	}
	if _, err := e.casbin.RemoveNamedGroupingPolicy("g", officer, string(role), agency); err != nil {
		return fmt.Errorf("unassign %s from %s at %s: %w", role, officer, agency, err)
	}
	return nil
}

func checkAssignment(officer string, role Role, agency string) error {
	switch {
	case officer == "" || agency == "":
		return fmt.Errorf("%w: empty officer or agency ID", ErrInvalidAssignment)
	case knownRole(Role(officer)):
		return fmt.Errorf("%w: officer ID %q is a role name", ErrInvalidAssignment, officer)
	case !knownRole(role):
		return fmt.Errorf("%w: unknown role %q", ErrInvalidAssignment, role)
	}
	return nil
}

// Request is one authorization question: may Officer, acting through the
// role they hold at OfficerAgency, perform Act on Object owned by Agency,
// holding a certificate in state Certificate right now?
type Request struct {
	Officer       string // officer ID, e.g. "o:12"
	OfficerAgency string // agency at which the officer holds the role they act through
	Agency        string // agency that owns the object (the case's agency)
	Object        Object
	Act           Act
	Certificate   Certificate // 执法证 state now; empty means CertNone
}

// Allowed reports whether r is allowed by some line of policy.csv. An error
// from casbin is returned with false, never turned into an allow. A request
// with an empty field or an unknown certificate state is an error
// (ErrInvalidRequest): it is a bug in the caller, not a user being refused.
// An act or object that no policy line names is simply not allowed.
func (e *Enforcer) Allowed(r Request) (bool, error) {
	cert := r.Certificate
	if cert == "" {
		cert = CertNone
	}
	switch {
	case r.Officer == "" || r.OfficerAgency == "" || r.Agency == "" || r.Object == "" || r.Act == "":
		return false, fmt.Errorf("authorize %+v: %w: empty field", r, ErrInvalidRequest)
	case !knownCertificate(cert):
		return false, fmt.Errorf("authorize %+v: %w: unknown certificate state %q", r, ErrInvalidRequest, cert)
	}
	ok, err := e.casbin.Enforce(r.Officer, r.OfficerAgency, r.Agency, string(r.Object), string(r.Act), string(cert))
	if err != nil {
		return false, fmt.Errorf("authorize %s %s on %s at %s: %w", r.Officer, r.Act, r.Object, r.Agency, err)
	}
	return ok, nil
}

// RolesAt returns the roles officer holds at agency itself (not roles held
// above it), sorted; nil if none.
func (e *Enforcer) RolesAt(officer, agency string) []Role {
	names := e.casbin.GetRolesForUserInDomain(officer, agency)
	if len(names) == 0 {
		return nil
	}
	roles := make([]Role, len(names))
	for i, n := range names {
		roles[i] = Role(n)
	}
	slices.Sort(roles)
	return roles
}

func knownRole(r Role) bool {
	switch r {
	case RoleOfficer, RoleReviewer, RoleHead, RoleManager, RoleAdmin:
		return true
	}
	return false
}

func knownObject(o Object) bool {
	switch o {
	case ObjCase, ObjTask, ObjDeadline, ObjCalendar:
		return true
	}
	return false
}

func knownAct(a Act) bool {
	return a == ActRead || a == ActManage || a == ActOpenCase || slices.Contains(CaseActs, a)
}

func knownCertificate(c Certificate) bool {
	switch c {
	case CertValid, CertExpired, CertSuspended, CertNone:
		return true
	}
	return false
}
