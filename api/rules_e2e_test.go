package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// rulesBody is a new rule pack taking effect on from.
func rulesBody(from string, change func(map[string]any)) map[string]any {
	b := map[string]any{"effective_from": from, "basis": "江南省市场监督管理行政处罚听证规定第三条",
		"hearing_fine":         map[string]any{"person": 500000, "organization": 5000000},
		"hearing_confiscation": map[string]any{"person": 500000, "organization": 5000000},
		"review_after_hearing": true, "collective_heads": 3}
	if change != nil {
		change(b)
	}
	return b
}

// TestRulePacksOverHTTP: an administrator reads an agency's packs and where
// the one in force comes from, adds versions, and is refused (4xx, a
// stable code, never a 500) for every bad figure, alike on both databases;
// each saved version is in the audit log.
func TestRulePacksOverHTTP(t *testing.T) {
	steps := []struct {
		name   string
		agency string
		body   any
		status int
		code   string
	}{
		{"the city's first version", "jn-lj", rulesBody("2031-01-01", nil), 201, ""},
		{"the county's, a day before the city's", "jn-lj-qs", rulesBody("2030-12-31", nil), 201, ""},
		{"the county's second, on the same day", "jn-lj-qs", rulesBody("2030-12-31", nil), 201, ""},
		{"before the county's last version", "jn-lj-qs", rulesBody("2030-12-30", nil), 409, "rules_out_of_order"},
		{"in the past", "jn-lj-bs", rulesBody("2020-01-01", nil), 422, "invalid_input"},
		{"not a day", "jn-lj-bs", rulesBody("2031-02-30", nil), 422, "invalid_input"},
		{"a day of 11 characters", "jn-lj-bs", rulesBody("2031-01-011", nil), 422, "invalid_input"},
		{"one head", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) { b["collective_heads"] = 1 }), 422, "invalid_input"},
		{"21 heads", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) { b["collective_heads"] = 21 }), 422, "invalid_input"},
		{"a negative fine", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) {
			b["hearing_fine"] = map[string]any{"person": -1, "organization": 0}
		}), 422, "invalid_input"},
		{"over 100 million yuan", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) {
			b["major_case_fine"] = map[string]any{"person": 0, "organization": 10000000001}
		}), 422, "invalid_input"},
		{"an amount too large for any integer", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) {
			b["major_case_fine"] = map[string]any{"person": 1e30, "organization": 0}
		}), 400, "bad_request"},
		{"no hearing fine", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) { delete(b, "hearing_fine") }), 422, "invalid_input"},
		{"no review_after_hearing", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) { delete(b, "review_after_hearing") }), 422, "invalid_input"},
		{"a basis of 501 characters", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) { b["basis"] = text(501) }), 422, "invalid_input"},
		{"a basis of 500 characters", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) { b["basis"] = text(500) }), 201, ""},
		{"a warning of 11 working days", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) {
			b["warnings"] = []map[string]any{{"step": "statement", "workdays": 11}}
		}), 422, "invalid_input"},
		{"a step of 33 characters", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) {
			b["warnings"] = []map[string]any{{"step": text(33), "workdays": 3}}
		}), 422, "invalid_input"},
		{"warnings per step, the credit registry and the powers to freeze and execute", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) {
			b["warnings"], b["credit_registry"] = []map[string]any{{"step": "statement", "workdays": 3}, {"step": "decision", "workdays": 10}}, true
			b["freeze_power"], b["execution_power"] = true, true
		}), 201, ""},
		{"an unknown field", "jn-lj-bs", rulesBody("2031-01-01", func(b map[string]any) { b["version"] = 7 }), 400, "bad_request"},
		{"no such agency", "nowhere", rulesBody("2031-01-01", nil), 404, "agency_not_found"},
	}
	got := map[string][]int{}
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newEnvOn(t, d.URL)
			admin := e.login("jn-admin")
			for _, s := range steps {
				r := e.do("POST", "/admin/agencies/"+s.agency+"/rules", admin, s.body)
				require.Equal(t, s.status, r.status, "%s: %.300s", s.name, r.raw)
				require.Equal(t, s.code, r.errCode(), s.name)
				got[d.Name] = append(got[d.Name], r.status)
			}
			// A head reads no agency: the route says no more than for an unknown one.
			want(t, e.do("POST", "/admin/agencies/jn-lj-qs/rules", e.login("qs-head"), rulesBody("2031-06-01", nil)), 404, "agency_not_found")

			r := e.do("GET", "/admin/agencies/jn-lj-qs/rules", admin, nil)
			require.Equal(t, 200, r.status, string(r.raw))
			require.Equal(t, "builtin", r.body["source"], "nothing saved takes effect before 2030")
			versions := r.body["versions"].([]any)
			require.Len(t, versions, 2, "the latest first, the first kept")
			require.EqualValues(t, 2, versions[0].(map[string]any)["version"])
			require.Equal(t, "2030-12-31", versions[1].(map[string]any)["effective_from"])
			require.Equal(t, "jn-admin", versions[1].(map[string]any)["recorded_by"])
			r = e.do("GET", "/admin/agencies/jn-lj-bs/rules", admin, nil)
			require.Equal(t, 200, r.status, string(r.raw))
			powers := r.body["versions"].([]any)[0].(map[string]any)
			require.Equal(t, []any{true, true}, []any{powers["freeze_power"], powers["execution_power"]}, "the powers a version grants are kept with it")

			// A pack the city saved in January 2026, from the next day: in
			// force today for the city itself and for the county under it
			// until the county's own takes effect.
			city := casefile.BuiltinRules()
			city.AgencyID, city.EffectiveFrom, city.Basis = "jn-lj", "2026-01-02", "临江市规定"
			_, err := e.app.store.SaveRules(context.Background(), city, store.Actor{ID: "jn-admin"}, time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))
			require.Error(t, err, "the city's last version takes effect in 2031: an earlier one is out of order")
			city.AgencyID = "jn"
			_, err = e.app.store.SaveRules(context.Background(), city, store.Actor{ID: "jn-admin"}, time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))
			require.NoError(t, err)
			for agency, source := range map[string]string{"jn": "own", "jn-lj-qs": "ancestor", "jn-lj": "ancestor"} {
				r := e.do("GET", "/admin/agencies/"+agency+"/rules", admin, nil)
				require.Equal(t, 200, r.status, string(r.raw))
				require.Equal(t, source, r.body["source"], agency)
				require.Equal(t, "jn", r.body["in_force"].(map[string]any)["agency_id"], agency)
			}
			want(t, e.do("GET", "/admin/agencies/nowhere/rules", admin, nil), 404, "agency_not_found")

			audit := e.do("GET", "/admin/audit?officer_id=", admin, nil)
			require.Equal(t, 200, audit.status, string(audit.raw))
			var targets []string
			for _, it := range audit.body["items"].([]any) {
				if it.(map[string]any)["action"] == "rules-saved" {
					targets = append(targets, it.(map[string]any)["target"].(string))
				}
			}
			require.Equal(t, []string{"jn/v1", "jn-lj-bs/v2", "jn-lj-bs/v1", "jn-lj-qs/v2", "jn-lj-qs/v1", "jn-lj/v1"}, targets)
		})
	}
	if len(got) == 2 {
		require.Equal(t, got["sqlite"], got["postgres"], "both databases answer every input alike")
	}
}

// TestLegalQualificationOverHTTP: an administrator records and clears an
// officer's legal professional qualification (PL 58 ¶2); bad input is a
// 4xx alike on both databases; both changes are audited.
func TestLegalQualificationOverHTTP(t *testing.T) {
	got := map[string][]int{}
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newEnvOn(t, d.URL)
			admin := e.login("jn-admin")
			put := func(officer string, body any) resp {
				r := e.do("PUT", "/officers/"+officer+"/legal-qualification", admin, body)
				got[d.Name] = append(got[d.Name], r.status)
				return r
			}
			r := put("qs-reviewer", map[string]any{"number": "A20193301020345", "obtained_on": "2019-12-20"})
			require.Equal(t, 200, r.status, string(r.raw))
			require.Equal(t, map[string]any{"number": "A20193301020345", "obtained_on": "2019-12-20"},
				withoutKey(r.body["legal_qualification"].(map[string]any), "recorded_at"))
			shown := e.do("GET", "/officers/qs-reviewer", admin, nil)
			require.Equal(t, "A20193301020345", shown.body["legal_qualification"].(map[string]any)["number"])

			want(t, put("bs-reviewer", map[string]any{"number": "A20193301020345"}), 409, "qualification_taken")
			want(t, put("bs-reviewer", map[string]any{"number": "A1", "obtained_on": "2099-01-01"}), 422, "invalid_input")
			want(t, put("bs-reviewer", map[string]any{"number": text(65)}), 422, "invalid_input")
			want(t, put("bs-reviewer", map[string]any{"number": "A 1"}), 422, "invalid_input")
			want(t, put("bs-reviewer", map[string]any{"obtained_on": "2019-12-20"}), 422, "invalid_input")
			want(t, put("bs-reviewer", map[string]any{"number": "A1", "obtained_on": "2019-12-200"}), 422, "invalid_input")
			want(t, put("bs-reviewer", map[string]any{"number": "A1", "issued_by": "司法部"}), 400, "bad_request")
			want(t, put("nobody", map[string]any{"number": "A1"}), 404, "officer_not_found")
			want(t, put("jn-admin", map[string]any{"number": "A1"}), 403, "self_account_change")

			clear := e.do("DELETE", "/officers/qs-reviewer/legal-qualification", admin, map[string]any{"reason": "证书编号登记错误"})
			require.Equal(t, 200, clear.status, string(clear.raw))
			require.NotContains(t, clear.body, "legal_qualification")
			want(t, e.do("DELETE", "/officers/qs-reviewer/legal-qualification", admin, nil), 404, "qualification_not_found")

			audit := e.do("GET", "/admin/audit?officer_id=qs-reviewer", admin, nil)
			require.Equal(t, 200, audit.status, string(audit.raw))
			items := audit.body["items"].([]any)
			require.Len(t, items, 2)
			require.Equal(t, "legal-qualification-cleared", items[0].(map[string]any)["action"])
			require.Equal(t, "证书编号登记错误", items[0].(map[string]any)["reason"])
			require.Equal(t, "legal-qualification-set", items[1].(map[string]any)["action"])
		})
	}
	if len(got) == 2 {
		require.Equal(t, got["sqlite"], got["postgres"], "both databases answer every input alike")
	}
}

func withoutKey(m map[string]any, key string) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}
