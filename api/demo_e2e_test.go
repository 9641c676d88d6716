package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// openTaxFreeze opens a compulsory-measure case at the demo's tax bureau
// under JN-SW-QZ-0001 (冻结纳税人存款（税收保全措施）).
func (e *env) openTaxFreeze(token string) string {
	e.t.Helper()
	body := map[string]any{"power_item_code": "JN-SW-QZ-0001", "party": map[string]any{"kind": "organization", "name": "临江市恒达贸易有限公司"},
		"facts": "欠缴增值税，责令限期缴纳期间有转移存款迹象", "act_date": "2026-11-20", "officer_ids": []string{"sw-officer1", "sw-officer2"}}
	r := e.do("POST", "/cases", token, body)
	require.Equal(e.t, http.StatusCreated, r.status, string(r.raw))
	c := r.body["case"].(map[string]any)
	require.Equal(e.t, workflows.ProcedureMeasure, c["procedure"])
	return c["id"].(string)
}

// taxFreeze freezes a taxpayer's deposit up to the tax owed (税收征收管理法 38).
var taxFreeze = map[string]any{"kind": "freeze", "reason": "纳税人有转移存款迹象，采取税收保全措施", "basis": "《中华人民共和国税收征收管理法》第三十八条",
	"freeze": map[string]any{"bank": "中国建设银行临江分行", "account": "6217000000000000001", "amount": "128000.00", "sum_involved": "128000.00"}}

// TestDemoAgencyPowersOverHTTP: in the demo, the tax bureau's own pack
// grants the powers to freeze and to execute, the county market regulators
// have the built-in one, with neither. Each files only under its own power
// list: the tax officers freeze a taxpayer's deposit, the county's officers
// may not file under the tax bureau's items nor the tax officers under the
// market regulators'.
func TestDemoAgencyPowersOverHTTP(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	for agency, want := range map[string]struct {
		source            string
		freeze, execution bool
	}{
		"jn-lj-sw": {"own", true, true},
		"jn-lj-qs": {"builtin", false, false},
		"jn-lj-bs": {"builtin", false, false},
	} {
		r := e.do("GET", "/admin/agencies/"+agency+"/rules", admin, nil)
		require.Equal(t, http.StatusOK, r.status, string(r.raw))
		require.Equal(t, want.source, r.body["source"], agency)
		in := r.body["in_force"].(map[string]any)
		require.Equal(t, want.freeze, in["freeze_power"], agency)
		require.Equal(t, want.execution, in["execution_power"], agency)
	}

	officer := e.login("sw-officer1")
	id := e.openTaxFreeze(officer)
	r := e.act(officer, id, workflows.ActProposeMeasure, taxFreeze, http.StatusOK)
	require.Equal(t, "measure-approval", stage(r), "the tax bureau may freeze (CL 29 ¶1)")
	e.act(e.login("sw-head"), id, workflows.ActApproveMeasure, map[string]any{"opinion": "同意冻结"}, http.StatusOK)

	county := e.login("qs-officer1")
	for _, code := range []string{"JN-SW-QZ-0001", "JN-SW-ZX-0001"} {
		want(t, e.do("POST", "/cases", county, filingOf(code, "qs-officer1", "qs-officer2")), http.StatusUnprocessableEntity, "power_item_not_on_list")
	}
	for _, code := range []string{"JN-SC-QZ-0001", "JN-SC-ZX-0001"} {
		want(t, e.do("POST", "/cases", officer, filingOf(code, "sw-officer1", "sw-officer2")), http.StatusUnprocessableEntity, "power_item_not_on_list")
	}
}
