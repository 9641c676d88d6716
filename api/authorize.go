package api

import (
	"context"
	"fmt"
	"time"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// certificateFor is the state, at instant at, of the officer's enforcement
// certificate (执法证) for acting in field, and the number of the certificate
// that would be used: among the officer's certificates, one valid at that
// instant (by its status history) and covering field; CertWrongField when one
// is valid but none covers field (see authority.ChooseCertificate).
func (s *Server) certificateFor(ctx context.Context, officerID, field string, at time.Time) (casefile.Certificate, string, error) {
	state, cert, err := s.store.CertificateFor(ctx, officerID, field, at)
	if err != nil {
		return "", "", err
	}
	return state, cert.Number, nil
}

// allowedOnCase asks the policy whether the caller may perform act on a case
// of agency whose power item lies in field, with their certificate as it
// stands now; it also returns the actor to record, with the certificate used.
func (s *Server) allowedOnCase(ctx context.Context, p *principal, agency, field string, act casefile.Act) (bool, workflows.Actor, error) {
	actor := workflows.Actor{OfficerID: p.Officer.ID, Name: p.Officer.Name, Roles: s.enforcer.RolesAt(p.Officer.ID, agency)}
	state, number := p.certificateFor(field, time.Now())
	if state == casefile.CertValid {
		actor.Certificate = number
	}
	ok, err := s.decide(p, agency, policies.ObjCase, act, state)
	return ok, actor, err
}

// allowed asks the policy whether the caller may do act on obj of agency,
// through any agency where they hold a role, with the certificate state
// they hold regardless of field.
func (s *Server) allowed(p *principal, agency string, obj policies.Object, act casefile.Act) (bool, error) {
	return s.decide(p, agency, obj, act, p.CertState)
}

// decide asks the policy, through each agency where the caller holds a role.
// An enforcer error is returned, never turned into an allow or a deny: fail
// answers it with a 500 and logs it.
func (s *Server) decide(p *principal, agency string, obj policies.Object, act casefile.Act, cert casefile.Certificate) (bool, error) {
	return decideWith(s.enforcer, p, agency, obj, act, cert)
}

// decideWith is decide against enforcer e.
func decideWith(e *policies.Enforcer, p *principal, agency string, obj policies.Object, act casefile.Act, cert casefile.Certificate) (bool, error) {
	for _, sdom := range p.agencies() {
		ok, err := e.Allowed(policies.Request{Officer: p.Officer.ID, OfficerAgency: sdom, Agency: agency,
			Object: obj, Act: act, Certificate: cert})
		if err != nil {
			return false, fmt.Errorf("authorize %s %s on %s: %w", act, obj, agency, err)
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

// readableAgencies are the agencies whose obj the caller may read.
func (s *Server) readableAgencies(ctx context.Context, p *principal, obj policies.Object) ([]string, error) {
	return s.agenciesAllowing(ctx, p, obj, casefile.ActRead)
}

// agenciesAllowing are the agencies where the caller may do act on obj.
func (s *Server) agenciesAllowing(ctx context.Context, p *principal, obj policies.Object, act casefile.Act) ([]string, error) {
	all, err := s.store.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range all {
		ok, err := s.allowed(p, a.ID, obj, act)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, a.ID)
		}
	}
	return out, nil
}

// policyChanged is called after a change to role assignments or the agency
// tree (permission lines are changed through policy_admin.go). It increments
// the policy version in the database, which every other API process polls
// (policies.Watch), and rebuilds this process's enforcer at once, so the
// change decides the very next request here.
func (s *Server) policyChanged(ctx context.Context) error {
	if _, err := s.store.BumpPolicyVersion(ctx); err != nil {
		return err
	}
	return policies.Refresh(ctx, s.store, s.enforcer)
}
