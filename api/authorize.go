package api

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// certificateFor is the state, at instant at, of the officer's enforcement
// certificate (执法证) for acting in field, and the number of the certificate
// that would be used.
func (s *Server) certificateFor(ctx context.Context, officerID, field string, at time.Time) (policies.Certificate, string, error) {
	cert, err := s.store.CertificateOf(ctx, officerID)
	if errors.Is(err, store.ErrNotFound) {
		return policies.CertNone, "", nil
	}
	if err != nil {
		return "", "", err
	}
	return cert.StateAt(at), cert.Number, nil
}

// allowedOnCase asks the policy whether the caller may perform act on a case
// of agency whose power item lies in field, with their certificate as it
// stands now; it also returns the actor to record, with the certificate used.
func (s *Server) allowedOnCase(ctx context.Context, p *principal, agency, field string, act policies.Act) (bool, workflows.Actor, error) {
	actor := workflows.Actor{OfficerID: p.Officer.ID, Name: p.Officer.Name}
	state, number, err := s.certificateFor(ctx, p.Officer.ID, field, time.Now())
	if err != nil {
		return false, actor, err
	}
	if state == policies.CertValid {
		actor.Certificate = number
	}
	ok, err := s.decide(p, agency, policies.ObjCase, act, state)
	return ok, actor, err
}

// allowed asks the policy whether the caller may do act on obj of agency,
// through any agency where they hold a role, with the certificate state
// they hold regardless of field.
func (s *Server) allowed(p *principal, agency string, obj policies.Object, act policies.Act) (bool, error) {
	return s.decide(p, agency, obj, act, p.CertState)
}

// decide asks the policy, through each agency where the caller holds a role.
func (s *Server) decide(p *principal, agency string, obj policies.Object, act policies.Act, cert policies.Certificate) (bool, error) {
	for _, sdom := range p.agencies() {
		ok, err := s.enforcer.Allowed(policies.Request{Officer: p.Officer.ID, OfficerAgency: sdom, Agency: agency,
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
	all, err := s.store.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range all {
		ok, err := s.allowed(p, a.ID, obj, policies.ActRead)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, a.ID)
		}
	}
	return out, nil
}

// policyChanged is called after a change to role assignments, the agency
// tree or role permissions, so that decisions follow at once.
func (s *Server) policyChanged(ctx context.Context) error {
	return LoadPolicies(ctx, s.store, s.enforcer)
}
