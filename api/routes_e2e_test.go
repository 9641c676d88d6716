package api_test

import "testing"

// TestTheRouteTableDecidesBeforeTheHandler: the permission a route's line
// names is checked before its handler reads anything, and answers as the
// handlers do: 403, or 404 on a route addressing something the caller may
// not read anywhere; a listing lists nothing rather than refusing.
func TestTheRouteTableDecidesBeforeTheHandler(t *testing.T) {
	e := newEnv(t)
	officer, manager, admin := e.login("qs-officer1"), e.login("lj-manager"), e.login("jn-admin")

	// The body is never read: no 400 for a body the handler would refuse.
	want(t, e.do("POST", "/agencies", officer, map[string]any{"no such field": 1}), 403, "forbidden")
	want(t, e.do("POST", "/power-items", officer, map[string]any{"no such field": 1}), 403, "forbidden")
	// What they may not read anywhere does not exist for them.
	want(t, e.do("GET", "/agencies/jn-lj-qs", officer, nil), 404, "agency_not_found")
	want(t, e.do("PATCH", "/officers/qs-officer2", officer, map[string]any{"name": "某"}), 404, "officer_not_found")
	want(t, e.do("GET", "/certificates/JN-QS-2024-001", officer, nil), 404, "certificate_not_found")
	// A supervisor reads officers but manages none.
	want(t, e.do("POST", "/officers/qs-officer1/disable", manager, map[string]any{"reason": "x"}), 403, "forbidden")
	// A listing of what they may read nowhere is empty.
	r := e.do("GET", "/agencies", officer, nil)
	want(t, r, 200, "")
	if items := r.body["items"].([]any); len(items) != 0 {
		t.Fatalf("an officer lists agencies: %v", items)
	}
	// The audit log needs one of two permissions.
	want(t, e.do("GET", "/admin/audit", officer, nil), 403, "forbidden")
	want(t, e.do("GET", "/admin/audit", manager, nil), 403, "forbidden")
	want(t, e.do("GET", "/admin/audit", admin, nil), 200, "")
}
