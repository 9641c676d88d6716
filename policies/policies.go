// Package policies decides which officer may do what to which case, at which
// agency level. The rules are two embedded files reviewed like code:
// model.conf (RBAC with domains, the domain being an agency ID, plus the
// agency tree and the officer's certificate state) and policy.csv (role →
// permission lines, each block citing the law). policy.csv is the default:
// in a running system the permission lines live in the database, where an
// administrator may change them, and policy.csv fills an empty table. Who
// holds which role at which agency, and how agencies nest, is data too: the
// caller loads all of it from the store as a Snapshot (Replace, Reload), or
// one change at a time (Assign, SetAgencyParent). The lifecycle around it
// (seed from policy.csv, sync after an upgrade, rebuild when the policy
// version moves) is in lifecycle.go, over the Store interface it declares.
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
	"sync/atomic"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	"github.com/zhifa/zhifa/internal/casefile"
)

//go:embed model.conf
var modelConf string

//go:embed policy.csv
var policyCSV string

// maxAgencyDepth is the longest chain of child → parent links the agency tree
// may have. Casbin's default role manager follows at most 10 links (NewEnforcer
// builds it with maxHierarchyLevel 10); a deeper tree would make "below" quietly
// false, so SetAgencyParent refuses it instead. China has five administrative
// levels (national, province, city, county, township): four links.
const maxAgencyDepth = 10

// caseActs are the acts the case procedures declare (see DeclareActs).
var caseActs atomic.Pointer[[]casefile.Act]

// DeclareActs tells policies the acts of the case procedures, which live
// with the procedures (workflows), so that a permission line naming any
// other act is refused as a typo. Whoever reads permission lines declares
// them first: the API package when it is linked, the command line where it
// builds the enforcer or syncs the lines.
func DeclareActs(acts []casefile.Act) { caseActs.Store(&acts) }

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
	// ErrInvalidRule: a permission line names an unknown role, scope, object,
	// act or certificate requirement.
	ErrInvalidRule = errors.New("invalid permission line")
)

// Scope says where, relative to the object's agency, a permission line
// wants the role held.
type Scope string

// Scopes, as policy.csv names them.
const (
	ScopeOwn   Scope = "own"   // the role is held at the object's agency
	ScopeBelow Scope = "below" // the role is held at an agency strictly above the object's agency
)

// Requirement is what a permission line asks of the certificate.
type Requirement string

// Certificate requirements, as policy.csv names them.
const (
	NeedValid Requirement = "valid" // a valid 执法证 for the case's field, now
	NeedNone  Requirement = "-"     // no certificate needed
)

// Rule is one permission line: role may do act on object at scope, with
// the certificate requirement cert. The JSON form is what the API's policy
// routes take and return; limit is the longest value the API reads for
// each field (the names are far shorter).
type Rule struct {
	Role   casefile.Role `json:"role" limit:"32"`
	Scope  Scope         `json:"scope" limit:"32"`
	Object Object        `json:"object" limit:"32"`
	Act    casefile.Act  `json:"act" limit:"32"`
	Cert   Requirement   `json:"cert" limit:"32"`
}

// Line is r as casbin and the casbin_rule table hold it.
func (r Rule) Line() []string {
	return []string{string(r.Role), string(r.Scope), string(r.Object), string(r.Act), string(r.Cert)}
}

// String is r as policy.csv spells it.
func (r Rule) String() string { return "p, " + strings.Join(r.Line(), ", ") }

// RuleFromLine reads a casbin policy line (without the "p").
func RuleFromLine(line []string) (Rule, error) {
	if len(line) != 5 {
		return Rule{}, fmt.Errorf("%w: want role, scope, object, act, cert, got %q", ErrInvalidRule, line)
	}
	return Rule{Role: casefile.Role(line[0]), Scope: Scope(line[1]), Object: Object(line[2]), Act: casefile.Act(line[3]), Cert: Requirement(line[4])}, nil
}

// RuleError says which field of a permission line is wrong. It wraps
// ErrInvalidRule.
type RuleError struct {
	Field string // role, scope, object, act or cert, as the JSON form names them
	Value string
}

func (e *RuleError) Error() string {
	want := ""
	switch e.Field {
	case "scope":
		want = fmt.Sprintf(", want %q or %q", ScopeOwn, ScopeBelow)
	case "cert":
		want = fmt.Sprintf(", want %q or %q", NeedValid, NeedNone)
	}
	return fmt.Sprintf("%s: unknown %s %q%s", ErrInvalidRule, e.Field, e.Value, want)
}

func (e *RuleError) Unwrap() error { return ErrInvalidRule }

// Check tells whether every field of r is one names.go knows, so that a
// typo fails loudly instead of silently never matching. The error is a
// *RuleError naming the first wrong field.
func (r Rule) Check() error {
	switch {
	case !knownRole(r.Role):
		return &RuleError{"role", string(r.Role)}
	case r.Scope != ScopeOwn && r.Scope != ScopeBelow:
		return &RuleError{"scope", string(r.Scope)}
	case !knownObject(r.Object):
		return &RuleError{"object", string(r.Object)}
	case !knownAct(r.Act):
		return &RuleError{"act", string(r.Act)}
	case r.Cert != NeedValid && r.Cert != NeedNone:
		return &RuleError{"cert", string(r.Cert)}
	}
	return nil
}

// DefaultRules are the permission lines of the embedded policy.csv, in file
// order: what an empty database is filled with.
func DefaultRules() ([]Rule, error) {
	return parsePolicy(policyCSV)
}

// NewModel returns the embedded access model, for loading permission lines
// into through a casbin adapter.
func NewModel() (model.Model, error) {
	m, err := model.NewModelFromString(modelConf)
	if err != nil {
		return nil, fmt.Errorf("load model.conf: %w: %w", ErrInvalidPolicy, err)
	}
	return m, nil
}

// AgencyLink says Child lies directly under Parent in the agency tree.
type AgencyLink struct{ Child, Parent string }

// Assignment says Officer holds Role at Agency.
type Assignment struct {
	Officer string
	Role    casefile.Role
	Agency  string
}

// Snapshot is everything a decision depends on besides the request: the
// permission lines, the agency tree and the role assignments, as read from
// the store at policy version Version.
type Snapshot struct {
	Version     int64
	Rules       []Rule
	Tree        []AgencyLink
	Assignments []Assignment
}

// Enforcer answers authorization questions. It is safe for concurrent use.
//
// Decisions come from a casbin SyncedEnforcer, replaced whole (Replace) or
// changed in place (Assign, Unassign, SetAgencyParent), and are remembered
// in a decision cache of our own. Every change, of any kind, increments a
// generation number after it is made; a cached answer counts only while the
// generation it was computed under is still the current one. So an answer
// computed before or during a change is never served after it: a revoked
// role or a removed line denies on the very next call.
//
// We do not use casbin's SyncedCachedEnforcer: in v2.135.0 it does not clear
// its cache when grouping rules (role assignments, the agency tree) change,
// and its Enforce computes a decision and stores it in two steps outside any
// lock, so an Unassign that clears the cache in between leaves the old allow
// cached, with no expiry by default. Its cache also grows without bound.
type Enforcer struct {
	modelText string
	current   atomic.Pointer[casbin.SyncedEnforcer]
	version   atomic.Int64
	gen       atomic.Uint64
	cache     *decisionCache // nil: every decision is computed

	// write serialises changes: SetAgencyParent reads the tree, checks it
	// and then changes it in two steps, and a Replace must not drop an
	// Assign made meanwhile into the enforcer it is replacing. Readers do
	// not take it: between the two steps of a move an agency is briefly
	// without a parent, which can only deny.
	write sync.Mutex
	// reload serialises Reload, so that a snapshot read earlier never
	// replaces one read later.
	reload sync.Mutex
}

// DefaultCacheSize is how many decisions an Enforcer remembers unless told
// otherwise: enough for every officer of a province to act through a few
// agencies, and a few megabytes at most.
const DefaultCacheSize = 1 << 15

// Option configures New.
type Option func(*options)

type options struct{ cacheSize int }

// CacheSize bounds the decision cache to n entries; 0 turns it off.
func CacheSize(n int) Option { return func(o *options) { o.cacheSize = max(n, 0) } }

// New returns an Enforcer with the embedded model and policy.csv, no role
// assignments and no agency tree, at policy version 0.
func New(opts ...Option) (*Enforcer, error) {
	return newEnforcer(modelConf, policyCSV, opts...)
}

// newEnforcer builds an Enforcer from model and policy text; New passes the
// embedded files, tests pass others.
func newEnforcer(modelText, policy string, opts ...Option) (*Enforcer, error) {
	o := options{cacheSize: DefaultCacheSize}
	for _, opt := range opts {
		opt(&o)
	}
	rules, err := parsePolicy(policy)
	if err != nil {
		return nil, fmt.Errorf("load policy.csv: %w", err)
	}
	e := &Enforcer{modelText: modelText}
	if o.cacheSize > 0 {
		e.cache = newDecisionCache(o.cacheSize)
	}
	ce, skipped, err := build(modelText, Snapshot{Rules: rules})
	if err != nil {
		return nil, err
	}
	if len(skipped) > 0 { // parsePolicy checked every line already
		return nil, fmt.Errorf("load policy.csv: %w", errors.Join(skipped...))
	}
	e.current.Store(ce)
	return e, nil
}

// build makes a fresh casbin enforcer holding s. Lines, links and
// assignments that fail their checks are left out (leaving one out can only
// deny) and returned as skipped.
func build(modelText string, s Snapshot) (ce *casbin.SyncedEnforcer, skipped []error, err error) {
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return nil, nil, fmt.Errorf("load model.conf: %w: %w", ErrInvalidPolicy, err)
	}
	// No adapter: the store reads and writes the permission lines (through
	// the GORM adapter) and owns the assignments, so nothing is ever written
	// back through this enforcer.
	ce, err = casbin.NewSyncedEnforcer(m)
	if err != nil {
		return nil, nil, fmt.Errorf("create enforcer: %w", err)
	}

	var rules [][]string
	seen := map[Rule]bool{}
	for _, r := range s.Rules {
		if err := r.Check(); err != nil {
			skipped = append(skipped, fmt.Errorf("permission line %s: %w", r, err))
			continue
		}
		if !seen[r] {
			seen[r] = true
			rules = append(rules, r.Line())
		}
	}
	if len(rules) > 0 {
		if _, err := ce.AddPolicies(rules); err != nil {
			return nil, nil, fmt.Errorf("add permission lines: %w", err)
		}
	}

	t := newTree(nil)
	var links [][]string
	for _, l := range s.Tree {
		if err := t.set(l.Child, l.Parent); err != nil {
			skipped = append(skipped, err)
			continue
		}
	}
	for child, parent := range t.parentOf {
		links = append(links, []string{child, parent})
	}
	if len(links) > 0 {
		if _, err := ce.AddNamedGroupingPolicies("g2", links); err != nil {
			return nil, nil, fmt.Errorf("add agency tree: %w", err)
		}
	}

	var grants [][]string
	held := map[Assignment]bool{}
	for _, a := range s.Assignments {
		if err := checkAssignment(a.Officer, a.Role, a.Agency); err != nil {
			skipped = append(skipped, fmt.Errorf("role %s of %s at %s: %w", a.Role, a.Officer, a.Agency, err))
			continue
		}
		if !held[a] {
			held[a] = true
			grants = append(grants, []string{a.Officer, string(a.Role), a.Agency})
		}
	}
	if len(grants) > 0 {
		if _, err := ce.AddNamedGroupingPolicies("g", grants); err != nil {
			return nil, nil, fmt.Errorf("add role assignments: %w", err)
		}
	}
	return ce, skipped, nil
}

// Replace builds a fresh enforcer from s and swaps it in at once: a decision
// sees either everything before or everything after, and no cached answer
// from before counts after. Entries of s that fail their checks (an unknown
// role, object or act, a cycle, a tree too deep) are left out, which can
// only deny, and returned as skipped; the rest is installed all the same, so
// that one bad row never keeps a revocation from taking effect. err is
// non-nil only if nothing was installed.
func (e *Enforcer) Replace(s Snapshot) (skipped []error, err error) {
	ce, skipped, err := build(e.modelText, s)
	if err != nil {
		return nil, err
	}
	e.write.Lock()
	defer e.write.Unlock()
	e.current.Store(ce)
	e.version.Store(s.Version)
	e.changed()
	return skipped, nil
}

// Reload reads a snapshot with load and installs it with Replace. Reloads
// run one at a time, so a snapshot read earlier never replaces one read
// later; load should read the version before the data, so that a change
// committed while it reads is picked up by the next reload.
func (e *Enforcer) Reload(load func() (Snapshot, error)) (skipped []error, err error) {
	e.reload.Lock()
	defer e.reload.Unlock()
	s, err := load()
	if err != nil {
		return nil, err
	}
	return e.Replace(s)
}

// Version is the policy version of the snapshot last installed (0 before
// any).
func (e *Enforcer) Version() int64 { return e.version.Load() }

// changed marks every decision made so far as out of date. It must be
// called after a change is visible to Allowed, never before: Allowed reads
// the generation before it computes, so an answer computed on the old state
// carries the old generation.
func (e *Enforcer) changed() { e.gen.Add(1) }

// Without returns a separate Enforcer (no cache) with e's current lines,
// tree and assignments but without the permission line r: what decisions
// would be after removing it. e is unchanged.
func (e *Enforcer) Without(r Rule) (*Enforcer, error) {
	ce := e.current.Load()
	lines, err := ce.GetPolicy()
	if err != nil {
		return nil, fmt.Errorf("read permission lines: %w", err)
	}
	links, err := ce.GetNamedGroupingPolicy("g2")
	if err != nil {
		return nil, fmt.Errorf("read agency tree: %w", err)
	}
	grants, err := ce.GetNamedGroupingPolicy("g")
	if err != nil {
		return nil, fmt.Errorf("read role assignments: %w", err)
	}
	var s Snapshot
	for _, l := range lines {
		if x, err := RuleFromLine(l); err == nil && x != r {
			s.Rules = append(s.Rules, x)
		}
	}
	for _, l := range links {
		s.Tree = append(s.Tree, AgencyLink{Child: l[0], Parent: l[1]})
	}
	for _, g := range grants {
		s.Assignments = append(s.Assignments, Assignment{Officer: g[0], Role: casefile.Role(g[1]), Agency: g[2]})
	}
	out, _, err := build(e.modelText, s)
	if err != nil {
		return nil, err
	}
	trial := &Enforcer{modelText: e.modelText}
	trial.current.Store(out)
	return trial, nil
}

// parsePolicy reads policy lines and checks every field against names.go, so
// that a typo in policy.csv fails New instead of silently never matching.
func parsePolicy(text string) ([]Rule, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	r.FieldsPerRecord = -1
	var rules []Rule
	seen := map[Rule]int{}
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
		rule, _ := RuleFromLine(rec[1:])
		if err := rule.Check(); err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrInvalidPolicy, line, err)
		}
		if prev, dup := seen[rule]; dup {
			return nil, fmt.Errorf("%w: line %d repeats line %d", ErrInvalidPolicy, line, prev)
		}
		seen[rule] = line
		rules = append(rules, rule)
	}
}

// tree is the agency tree as parent and children maps, for checking a
// change before making it.
type tree struct {
	parentOf   map[string]string
	childrenOf map[string][]string
}

func newTree(links [][]string) *tree {
	t := &tree{parentOf: make(map[string]string, len(links)), childrenOf: make(map[string][]string, len(links))}
	for _, l := range links {
		t.parentOf[l[0]] = l[1]
		t.childrenOf[l[1]] = append(t.childrenOf[l[1]], l[0])
	}
	return t
}

// check tells whether child may be put directly under parent: no empty ID,
// no cycle, no tree deeper than maxAgencyDepth links.
func (t *tree) check(child, parent string) error {
	if child == "" || parent == "" {
		return fmt.Errorf("set parent of agency %q to %q: %w: empty agency ID", child, parent, ErrInvalidTree)
	}
	if child == parent {
		return fmt.Errorf("set parent of agency %q: %w: an agency cannot be its own parent", child, ErrInvalidTree)
	}
	// Links from parent up to the root; child must not be among them.
	up := 0
	for a := parent; ; up++ {
		if a == child {
			return fmt.Errorf("set parent of agency %s to %s: %w: %s lies below %s",
				child, parent, ErrInvalidTree, parent, child)
		}
		p, ok := t.parentOf[a]
		if !ok {
			break
		}
		a = p
	}
	if depth := up + 1 + t.height(child); depth > maxAgencyDepth {
		return fmt.Errorf("set parent of agency %s to %s: %w: the tree would be %d links deep, more than %d",
			child, parent, ErrInvalidTree, depth, maxAgencyDepth)
	}
	return nil
}

// set checks and makes the change in t.
func (t *tree) set(child, parent string) error {
	if old, ok := t.parentOf[child]; ok && old == parent {
		return nil
	}
	if err := t.check(child, parent); err != nil {
		return err
	}
	if old, ok := t.parentOf[child]; ok {
		t.childrenOf[old] = slices.DeleteFunc(t.childrenOf[old], func(c string) bool { return c == child })
	}
	t.parentOf[child] = parent
	t.childrenOf[parent] = append(t.childrenOf[parent], child)
	return nil
}

// height is the number of links on the longest path from a down to a leaf.
// The tree is acyclic (check keeps it so), so the recursion ends.
func (t *tree) height(a string) int {
	h := 0
	for _, c := range t.childrenOf[a] {
		h = max(h, 1+t.height(c))
	}
	return h
}

// SetAgencyParent records that child is an agency directly under parent. An
// agency has one parent: setting a different one moves child, with its whole
// subtree, under the new parent. Setting the same parent again does nothing.
// It refuses a cycle and a tree deeper than the enforcer can follow.
func (e *Enforcer) SetAgencyParent(child, parent string) error {
	e.write.Lock()
	defer e.write.Unlock()
	ce := e.current.Load()

	links, err := ce.GetNamedGroupingPolicy("g2")
	if err != nil {
		return fmt.Errorf("set parent of agency %s: read agency tree: %w", child, err)
	}
	t := newTree(links)
	old, hasParent := t.parentOf[child]
	if hasParent && old == parent {
		return nil
	}
	if err := t.check(child, parent); err != nil {
		return err
	}
	defer e.changed()
	if hasParent {
		if _, err := ce.RemoveNamedGroupingPolicy("g2", child, old); err != nil {
			return fmt.Errorf("move agency %s from %s to %s: %w", child, old, parent, err)
		}
	}
	if _, err := ce.AddNamedGroupingPolicy("g2", child, parent); err != nil {
		return fmt.Errorf("set parent of agency %s to %s: %w", child, parent, err)
	}
	return nil
}

// Assign gives officer the role at agency. Assigning a role the officer
// already holds there does nothing.
func (e *Enforcer) Assign(officer string, role casefile.Role, agency string) error {
	if err := checkAssignment(officer, role, agency); err != nil {
		return fmt.Errorf("assign %s to %s at %s: %w", role, officer, agency, err)
	}
	e.write.Lock()
	defer e.write.Unlock()
	defer e.changed()
	if _, err := e.current.Load().AddNamedGroupingPolicy("g", officer, string(role), agency); err != nil {
		return fmt.Errorf("assign %s to %s at %s: %w", role, officer, agency, err)
	}
	return nil
}

// Unassign takes the role at agency away from officer; the next Allowed call
// already sees it, cached answers included. Removing a role the officer does
// not hold does nothing.
func (e *Enforcer) Unassign(officer string, role casefile.Role, agency string) error {
	if err := checkAssignment(officer, role, agency); err != nil {
		return fmt.Errorf("unassign %s from %s at %s: %w", role, officer, agency, err)
	}
	e.write.Lock()
	defer e.write.Unlock()
	defer e.changed()
	if _, err := e.current.Load().RemoveNamedGroupingPolicy("g", officer, string(role), agency); err != nil {
		return fmt.Errorf("unassign %s from %s at %s: %w", role, officer, agency, err)
	}
	return nil
}

func checkAssignment(officer string, role casefile.Role, agency string) error {
	switch {
	case officer == "" || agency == "":
		return fmt.Errorf("%w: empty officer or agency ID", ErrInvalidAssignment)
	case knownRole(casefile.Role(officer)):
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
	Act           casefile.Act
	Certificate   casefile.Certificate // 执法证 state now, for the case's field; empty means casefile.CertNone
}

// Allowed reports whether r is allowed by some permission line. An error
// from casbin is returned with false, never turned into an allow, and never
// cached. A request with an empty field or an unknown certificate state is
// an error (ErrInvalidRequest): it is a bug in the caller, not a user being
// refused. An act or object that no permission line names is simply not
// allowed.
func (e *Enforcer) Allowed(r Request) (bool, error) {
	if r.Certificate == "" {
		r.Certificate = casefile.CertNone
	}
	switch {
	case r.Officer == "" || r.OfficerAgency == "" || r.Agency == "" || r.Object == "" || r.Act == "":
		return false, fmt.Errorf("authorize %+v: %w: empty field", r, ErrInvalidRequest)
	case !knownCertificate(r.Certificate):
		return false, fmt.Errorf("authorize %+v: %w: unknown certificate state %q", r, ErrInvalidRequest, r.Certificate)
	}
	// The generation is read before the enforcer: an answer computed on a
	// state that a change then replaces is stored under the generation
	// that change ends.
	gen := e.gen.Load()
	if e.cache != nil {
		if ok, hit := e.cache.get(r, gen); hit {
			return ok, nil
		}
	}
	ok, err := e.current.Load().Enforce(r.Officer, r.OfficerAgency, r.Agency, string(r.Object), string(r.Act), string(r.Certificate))
	if err != nil {
		return false, fmt.Errorf("authorize %s %s on %s at %s: %w", r.Officer, r.Act, r.Object, r.Agency, err)
	}
	if e.cache != nil {
		e.cache.put(r, gen, ok)
	}
	return ok, nil
}

// RolesAt returns the roles officer holds at agency itself (not roles held
// above it), sorted; nil if none.
func (e *Enforcer) RolesAt(officer, agency string) []casefile.Role {
	names := e.current.Load().GetRolesForUserInDomain(officer, agency)
	if len(names) == 0 {
		return nil
	}
	roles := make([]casefile.Role, len(names))
	for i, n := range names {
		roles[i] = casefile.Role(n)
	}
	slices.Sort(roles)
	return roles
}

func knownRole(r casefile.Role) bool {
	return slices.Contains(casefile.Roles, r)
}

func knownObject(o Object) bool {
	return slices.Contains(Objects, o)
}

func knownAct(a casefile.Act) bool {
	acts := caseActs.Load()
	return a == casefile.ActRead || a == casefile.ActManage || (acts != nil && slices.Contains(*acts, a))
}

func knownCertificate(c casefile.Certificate) bool {
	return slices.Contains(casefile.Certificates, c)
}
