package api_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// decidedFine walks a general-procedure case to a fine of 5,000 元 decided
// and served, unpaid.
func (e *env) decidedFine(p people) string {
	e.t.Helper()
	id := e.openCase(p.officer1)
	e.decide(p, id, report, decision, "店主")
	return id
}

// decide walks an open case through filing, evidence, the report, review,
// approval, the notice, the party's waiver and the decision to its service.
func (e *env) decide(p people, id string, report, decision map[string]any, receiver string) {
	e.t.Helper()
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)
	e.act(p.officer2, id, workflows.ActSubmitReport, report, 200)
	e.act(p.reviewer, id, workflows.ActApproveReview, nil, 200)
	e.act(p.head, id, workflows.ActApprovePenalty, nil, 200)
	e.act(p.officer1, id, workflows.ActServeNotice, map[string]any{"method": "direct", "receiver": receiver}, 200)
	e.act(p.officer1, id, workflows.ActRecordWaiver, signedWaiver, 200)
	e.act(p.head, id, workflows.ActDecide, decision, 200)
	r := e.act(p.officer1, id, workflows.ActServeDecision, map[string]any{"method": "direct"}, 200)
	require.Equal(e.t, "execution", stage(r))
}

// demandBody is a demand (催告书) for the fine, to be performed within a week.
func demandBody() map[string]any {
	return map[string]any{"method": "direct", "receiver": "店主", "reference": "青市监催〔2026〕1号",
		"perform_by": time.Now().In(beijingZone).AddDate(0, 0, 7).Format(time.DateOnly),
		"manner":     "到银行缴纳罚款及加处罚款", "amount": "5000.00", "payment": "中国工商银行青山支行代收"}
}

var beijingZone = time.FixedZone("Asia/Shanghai", 8*3600)

func caseDeadline(t *testing.T, r resp, key string) map[string]any {
	t.Helper()
	for _, d := range r.body["case"].(map[string]any)["deadlines"].([]any) {
		if dl := d.(map[string]any); dl["key"] == key {
			return dl
		}
	}
	require.FailNow(t, "no deadline "+key)
	return nil
}

// TestUnpaidFineGoesToTheCourtOverHTTP_CL53_54: the county market
// regulator has no execution power. Its fine is handed over to execution
// only once it is past due (409 before); a seizure taken in the case is
// linked to it and shows on it. A fine served on 2026-03-02 and due on
// 03-17 goes to the court: the reconsideration window ended on 05-06 and
// the lawsuit window on 09-02, so the application is due by 2026-12-02,
// and it shows in the managers' overdue list from 12-03; after the demand
// the application waits 10 working days (409), and the agency cannot
// decide the execution itself.
func TestUnpaidFineGoesToTheCourtOverHTTP_CL53_54(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	penalty := e.decidedFine(p)
	handOver := map[string]any{"power_item_code": "JN-SC-ZX-0001", "linked_case": penalty, "officer_ids": []string{"qs-officer1", "qs-officer2"}}
	r := e.do("POST", "/cases", p.officer1, handOver)
	require.Equal(t, http.StatusConflict, r.status, string(r.raw))
	require.Equal(t, "wrong_step", r.errCode(), "the fine is not yet due (PL 72)")

	seizureIn := map[string]any{"power_item_code": "JN-SC-QZ-0001", "linked_case": penalty, "party": map[string]any{"kind": "organization", "name": "青山县好味食品店"},
		"facts": "调查中扣押过期酸奶", "act_date": "2026-11-20", "officer_ids": []string{"qs-officer1", "qs-officer2"}}
	r = e.do("POST", "/cases", p.officer1, seizureIn)
	require.Equal(t, http.StatusCreated, r.status, string(r.raw))
	seizure := r.body["case"].(map[string]any)
	require.Equal(t, penalty, seizure["linked_case"])
	r = e.do("GET", "/cases/"+penalty, p.head, nil)
	require.Equal(t, http.StatusOK, r.status)
	linked := r.body["linked_cases"].([]any)
	require.Len(t, linked, 1)
	require.Equal(t, seizure["id"], linked[0].(map[string]any)["id"])
	r = e.act(p.officer2, penalty, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 200)
	linked = r.body["linked_cases"].([]any)
	require.Len(t, linked, 1, "an act's answer lists the linked cases too")
	require.Equal(t, seizure["id"], linked[0].(map[string]any)["id"])
	other := e.do("POST", "/cases", e.login("bs-officer1"), map[string]any{"power_item_code": "JN-SC-QZ-0001", "linked_case": penalty,
		"party": map[string]any{"kind": "organization", "name": "x"}, "facts": "x", "act_date": "2026-11-20", "officer_ids": []string{"bs-officer1", "bs-officer2"}})
	require.Equal(t, http.StatusUnprocessableEntity, other.status, "another county's case is not theirs to link: %s", other.raw)

	standalone := map[string]any{"power_item_code": "JN-SC-ZX-0001", "party": map[string]any{"kind": "organization", "name": "青山县好味食品店"},
		"facts": "逾期不缴纳罚款", "officer_ids": []string{"qs-officer1", "qs-officer2"},
		"obligation": map[string]any{"decision": "青市监罚〔2026〕12号", "kind": "money", "amount": "5000.00", "due_date": "2026-03-17", "served_on": "2026-03-02"}}
	r = e.do("POST", "/cases", p.officer1, standalone)
	require.Equal(t, http.StatusCreated, r.status, string(r.raw))
	c := r.body["case"].(map[string]any)
	id := c["id"].(string)
	require.Equal(t, workflows.ProcedureExecution, c["procedure"])
	require.Equal(t, workflows.PathCourt, c["path"])
	o := c["obligation"].(map[string]any)
	require.Equal(t, "2026-05-06", o["reconsideration_by"])
	require.Equal(t, "2026-09-02", o["lawsuit_by"])
	require.Equal(t, "2026-12-02", caseDeadline(t, r, "court-application")["due_date"])

	r = e.act(p.officer1, id, workflows.ActServeDemand, demandBody(), 200)
	require.Equal(t, "demand-term", stage(r))
	require.NotEmpty(t, caseDeadline(t, r, "court-wait")["due_date"])
	r = e.act(p.head, id, workflows.ActApplyToCourt, map[string]any{"court": "青山县人民法院", "reference": "青市监申执〔2026〕1号",
		"materials": []string{"强制执行申请书", "行政处罚决定书", "催告情况"}}, http.StatusConflict)
	require.Equal(t, "wrong_step", r.errCode(), "not before 10 working days after the demand (CL 54)")
	r = e.act(p.head, id, workflows.ActDecideExecution, map[string]any{"reference": "x", "method": "transfer", "reasons": "x", "basis": "x", "immediate": "转移财产"}, http.StatusConflict)
	require.Equal(t, "wrong_step", r.errCode(), "no execution power: only the court (CL 13, 53)")

	r = e.do("GET", "/deadlines?state=overdue&as_of=2026-12-03T09:00:00%2B08:00", p.manager, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	found := false
	for _, d := range r.body["items"].([]any) {
		if dl := d.(map[string]any); dl["case_id"] == id && dl["key"] == "court-application" {
			found = true
			require.Equal(t, "2026-12-02", dl["due_date"])
		}
	}
	require.True(t, found, "the court application is in the managers' overdue list")
}

// TestTaxBureauExecutesItselfOverHTTP_CL34_37: the demo tax bureau holds
// execution power (and may freeze): its unpaid tax is executed by itself —
// the head decides at once on evidence that the party moves its money
// (CL 37 ¶2), the officers transfer it, urgently.
func TestTaxBureauExecutesItselfOverHTTP_CL34_37(t *testing.T) {
	e := newEnv(t)
	officer, head := e.login("sw-officer1"), e.login("sw-head")
	r := e.do("POST", "/cases", officer, map[string]any{"power_item_code": "JN-SW-ZX-0001", "party": map[string]any{"kind": "organization", "name": "临江市某贸易有限公司"},
		"facts": "欠缴税款逾期不缴", "officer_ids": []string{"sw-officer1", "sw-officer2"},
		"obligation": map[string]any{"decision": "临税处〔2026〕7号", "kind": "money", "amount": "80000.00", "due_date": "2026-01-15", "served_on": "2026-01-05"}})
	require.Equal(t, http.StatusCreated, r.status, string(r.raw))
	c := r.body["case"].(map[string]any)
	id := c["id"].(string)
	require.Equal(t, workflows.PathSelf, c["path"])
	for _, d := range c["deadlines"].([]any) {
		require.NotEqual(t, "court-application", d.(map[string]any)["key"], "it executes itself: no court to apply to")
	}
	e.act(officer, id, workflows.ActServeDemand, map[string]any{"method": "direct", "reference": "临税催〔2026〕3号",
		"perform_by": time.Now().In(beijingZone).AddDate(0, 0, 5).Format(time.DateOnly), "manner": "缴纳税款", "amount": "80000.00", "payment": "国库"}, 200)
	decide := map[string]any{"reference": "临税强执〔2026〕1号", "method": "transfer", "reasons": "经催告逾期仍不缴纳", "basis": "《中华人民共和国税收征收管理法》第四十条"}
	r = e.act(head, id, workflows.ActDecideExecution, decide, http.StatusConflict)
	require.Equal(t, "window_open", r.errCode(), "the demand's term runs (CL 37)")
	decide["immediate"] = "当事人正将存款转往关联企业账户"
	e.act(officer, id, workflows.ActDecideExecution, decide, http.StatusForbidden)
	r = e.act(head, id, workflows.ActDecideExecution, decide, 200)
	require.Equal(t, "executing", stage(r))
	r = e.act(officer, id, workflows.ActCarryOutExecution, map[string]any{"method": "transfer", "description": "书面通知银行从其存款中扣缴税款 80000 元",
		"officers": []string{"sw-officer1", "sw-officer2"}, "amount": "80000.00", "urgent": "当事人正在转移存款，不立即扣缴将无法执行"}, 200)
	require.Equal(t, "ended", stage(r))
	require.Equal(t, "executed", r.body["case"].(map[string]any)["outcome"])
}
