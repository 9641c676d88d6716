package api

import (
	"context"
	"fmt"

	"github.com/zhifa/zhifa/policies"
)

// allowed asks the policy whether the caller may do act on obj of agency,
// through any agency where they hold a role.
func (s *Server) allowed(p *principal, agency string, obj policies.Object, act policies.Act) (bool, error) {
	for _, sdom := range p.agencies() {
		ok, err := s.enforcer.Allowed(policies.Request{Officer: p.Officer.ID, OfficerAgency: sdom, Agency: agency,
			Object: obj, Act: act, Certificate: p.CertState})
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
