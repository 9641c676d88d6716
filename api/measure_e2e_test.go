package api_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// openMeasure opens a compulsory-measure case under the demo's
// JN-SC-QZ-0001 (查封、扣押不符合食品安全标准的食品).
func (e *env) openMeasure(token string) string {
	e.t.Helper()
	body := map[string]any{"power_item_code": "JN-SC-QZ-0001", "party": map[string]any{"kind": "organization", "name": "青山县好味食品店"},
		"facts": "店内存放大量过期酸奶", "act_date": "2026-11-20", "officer_ids": []string{"qs-officer1", "qs-officer2"}}
	r := e.do("POST", "/cases", token, body)
	require.Equal(e.t, http.StatusCreated, r.status, string(r.raw))
	c := r.body["case"].(map[string]any)
	require.Equal(e.t, workflows.ProcedureMeasure, c["procedure"])
	return c["id"].(string)
}

var (
	seizure = map[string]any{"kind": "seize", "reason": "涉嫌不符合食品安全标准", "basis": "《中华人民共和国食品安全法》第一百一十条",
		"properties": []map[string]any{{"name": "过期酸奶", "quantity": "24 盒", "condition": "完好", "custodian": "本局罚没物品仓库"}}}
	onSite = map[string]any{"officers": []string{"qs-officer1", "qs-officer2"}, "party_present": true, "party_signed": true,
		"party_heard": "当事人称不知已过期", "decision_ref": "青市监扣〔2026〕1号及清单"}
)

// TestSeizureOverHTTP_CL18_25: a seizure proposed, approved by the head,
// taken by two officers with the on-site record, extended once with a
// written notice and released; the property list is on the case. An
// officer cannot approve, and cannot take it before approval.
func TestSeizureOverHTTP_CL18_25(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openMeasure(p.officer1)
	r := e.act(p.officer1, id, workflows.ActTakeMeasure, onSite, http.StatusConflict)
	require.Equal(t, "wrong_step", r.errCode(), "not before approval unless an emergency (CL 19)")
	e.act(p.officer1, id, workflows.ActProposeMeasure, seizure, 200)
	e.act(p.officer1, id, workflows.ActApproveMeasure, nil, http.StatusForbidden)
	e.act(p.head, id, workflows.ActApproveMeasure, map[string]any{"opinion": "同意扣押"}, 200)
	r = e.act(p.officer1, id, workflows.ActTakeMeasure, onSite, 200)
	require.Equal(t, "in-force", stage(r))
	c := r.body["case"].(map[string]any)
	items := c["measure"].(map[string]any)["properties"].([]any)
	require.Equal(t, "过期酸奶", items[0].(map[string]any)["name"])
	e.act(p.head, id, workflows.ActExtendMeasure, map[string]any{"days": 30, "notice": "延长扣押期限告知书", "reason": "待检验"}, 200)
	r = e.act(p.head, id, workflows.ActExtendMeasure, map[string]any{"days": 10, "notice": "再次延长", "reason": "仍待检验"}, http.StatusConflict)
	require.Equal(t, "wrong_step", r.errCode(), "one extension only (CL 25)")
	r = e.act(p.officer1, id, workflows.ActReleaseMeasure, map[string]any{"reference": "解除扣押决定书", "reason": "检验合格"}, 200)
	require.Equal(t, "ended", stage(r))
}

// TestEmergencySeizureRefusedIsReleasedOverHTTP_CL19: a seizure taken on
// the spot is reported to the head, who refuses it: the case must be
// released at once, the head's inbox no longer shows it, the officers' does.
func TestEmergencySeizureRefusedIsReleasedOverHTTP_CL19(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openMeasure(p.officer1)
	emergency := map[string]any{"emergency": true, "measure": seizure}
	for k, v := range onSite {
		emergency[k] = v
	}
	r := e.act(p.officer1, id, workflows.ActTakeMeasure, emergency, 200)
	require.Equal(t, "emergency-report", stage(r))
	require.Contains(t, string(e.do("GET", "/tasks", p.head, nil).raw), "emergency-report", "the head is asked to approve within 24 hours")
	r = e.act(p.head, id, workflows.ActRefuseMeasure, map[string]any{"opinion": "不属于紧急情形"}, 200)
	require.Equal(t, "release-due", stage(r))
	require.Contains(t, string(e.do("GET", "/tasks", p.officer1, nil).raw), `"release"`, "the officers must release it")
	r = e.act(p.officer1, id, workflows.ActReleaseMeasure, map[string]any{"reference": "解除扣押决定书", "reason": "负责人不批准"}, 200)
	require.Equal(t, "ended", stage(r))
}

// TestFreezeByAnAgencyWithoutThePowerOverHTTP_CL29: the county's rule pack
// gives no power to freeze: a proposed freeze is refused with the article;
// once the province's pack grants it, the county may propose one, but not
// more than the sum involved.
func TestFreezeByAnAgencyWithoutThePowerOverHTTP_CL29(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openMeasure(p.officer1)
	freeze := map[string]any{"kind": "freeze", "reason": "防止资金转移", "basis": "《禁止传销条例》第十四条",
		"freeze": map[string]any{"bank": "中国工商银行青山支行", "account": "6222020000000001", "amount": "50000.00", "sum_involved": "50000.00"}}
	r := e.act(p.officer1, id, workflows.ActProposeMeasure, freeze, http.StatusUnprocessableEntity)
	require.Equal(t, "invalid_input", r.errCode())
	require.Contains(t, string(r.raw), "第二十九条")

	admin := e.login("jn-admin")
	pack := map[string]any{"effective_from": time.Now().In(time.FixedZone("CST", 8*3600)).Format(time.DateOnly), "basis": "法律授权冻结",
		"hearing_fine": map[string]any{"person": 1000000, "organization": 10000000}, "hearing_confiscation": map[string]any{"person": 1000000, "organization": 10000000},
		"review_after_hearing": true, "collective_heads": 2, "freeze_power": true}
	r = e.do("POST", "/admin/agencies/jn/rules", admin, pack)
	require.Equal(t, http.StatusCreated, r.status, string(r.raw))
	over := map[string]any{"kind": "freeze", "reason": "防止资金转移", "basis": "《禁止传销条例》第十四条",
		"freeze": map[string]any{"bank": "中国工商银行青山支行", "account": "6222020000000001", "amount": "50000.01", "sum_involved": "50000.00"}}
	r = e.act(p.officer1, id, workflows.ActProposeMeasure, over, http.StatusUnprocessableEntity)
	require.Contains(t, string(r.raw), "第二十九条第二款")
	r = e.act(p.officer1, id, workflows.ActProposeMeasure, freeze, 200)
	require.Equal(t, "measure-approval", stage(r))
}
