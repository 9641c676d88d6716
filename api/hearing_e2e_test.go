package api_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// TestHearingCaseOverHTTP_PL63_65 takes a case with a 150,000 元 fine on a
// company from the party's hearing request to the decision over HTTP: the
// notice says the party has the right (PL 63(1), the built-in 较大数额 of
// 100,000 元); the request keeps the case from any decision; the head
// cannot make an investigator or someone who is not a hearing host the
// host; the designated host alone records the hearing; after it the
// reviewer reviews again (SAMR 50 ¶2) and the head decides on the record
// (PL 65), the decision clock having left out the hearing's days.
func TestHearingCaseOverHTTP_PL63_65(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	host := e.login("qs-host")
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)
	big := map[string]any{"facts": "当事人销售超过保质期的酸奶，货值 3 万元",
		"proposal": map[string]any{"penalty": "没收违法所得并处罚款 15 万元", "kinds": []string{"confiscate-gains", "fine"}, "fine": "150000.00",
			"basis": "《食品安全法》第一百二十四条"}}
	e.act(p.officer2, id, workflows.ActSubmitReport, big, 200)
	e.act(p.reviewer, id, workflows.ActApproveReview, nil, 200)
	e.act(p.head, id, workflows.ActApprovePenalty, nil, 200)
	r := e.act(p.officer1, id, workflows.ActServeNotice, map[string]any{"method": "direct", "receiver": "店主"}, 200)
	notice := r.body["case"].(map[string]any)["notice"].(map[string]any)
	require.Equal(t, true, notice["hearing_right"])
	require.Contains(t, notice["hearing_basis"], "100000.00")

	r = e.act(p.officer1, id, workflows.ActRecordStatement, map[string]any{"text": "当事人要求举行听证", "hearing_requested": true}, 200)
	require.Equal(t, "statement", stage(r))
	r = e.act(p.head, id, workflows.ActDecide, map[string]any{"outcome": "penalty", "penalty": "没收违法所得并处罚款", "kinds": []string{"confiscate-gains", "fine"},
		"fine": "150000.00", "reasons": "事实清楚"}, http.StatusConflict)
	require.Equal(t, "hearing_pending", r.errCode())
	r = e.act(p.officer1, id, workflows.ActRecordWaiver, signedWaiver, http.StatusConflict)
	require.Equal(t, "hearing_pending", r.errCode())
	rest := map[string]any{"statement": "本人不再提交书面陈述，申请听证不变", "document": "声明书 青市监〔2026〕2号", "received_by": "qs-officer1", "keep_hearing": true}
	r = e.act(p.officer1, id, workflows.ActRecordWaiver, rest, 200)
	require.Equal(t, "hearing", stage(r))

	// The hearing notice went out three weeks ago; the hearing begins in
	// two seconds (7 working days after the notice, PL 64(2)).
	at := time.Now().Add(2 * time.Second)
	sched := map[string]any{"host": "qs-officer2", "clerk": "qs-reviewer", "at": at.Format(time.RFC3339Nano), "place": "青山县市场监督管理局听证室",
		"public": true, "notice_served_at": at.Add(-21 * 24 * time.Hour).Format(time.RFC3339), "notice_method": "direct"}
	r = e.act(p.head, id, workflows.ActScheduleHearing, sched, http.StatusForbidden)
	require.Equal(t, "separation_of_duties", r.errCode(), "an investigator may not host (PL 64(4))")
	sched["host"] = "qs-chief"
	r = e.act(p.head, id, workflows.ActScheduleHearing, sched, http.StatusUnprocessableEntity)
	require.Equal(t, "invalid_input", r.errCode(), "the host must be a hearing host of the agency")
	sched["host"] = "qs-host"
	e.act(p.head, id, workflows.ActScheduleHearing, sched, 200)
	nums := e.documentNumbers(p.officer1, id)
	require.Regexp(t, `^青山县市监听〔\d{4}〕\d+号$`, nums["hearing-notice"], "the hearing notice (听证通知书) has its number")
	page := e.do("GET", "/cases/"+id+"/documents/hearing-notice?format=html", p.officer1, nil)
	require.Equal(t, http.StatusOK, page.status, string(page.raw))
	require.Contains(t, string(page.raw), "青山县市场监督管理局听证室")
	hostOfficer, err := e.app.store.Officer(t.Context(), "qs-host")
	require.NoError(t, err)
	require.Contains(t, string(page.raw), hostOfficer.Name, "the notice names the host")
	inbox := e.do("GET", "/tasks", host, nil)
	require.Contains(t, string(inbox.raw), `"hearing"`, "the host's inbox shows the hearing")

	record := map[string]any{"outcome": "held", "agents": []string{"周律师"}, "record": "调查人员陈述事实、证据；当事人申辩；质证", "signed": true,
		"report": "建议维持拟处罚意见"}
	time.Sleep(time.Until(at.Add(100 * time.Millisecond)))
	e.act(p.officer1, id, workflows.ActRecordHearing, record, http.StatusForbidden) // the policy: officers do not record hearings
	r = e.act(host, id, workflows.ActRecordHearing, record, 200)
	require.Equal(t, "review", stage(r), "legal review again after the hearing (SAMR 50 ¶2)")
	e.act(p.reviewer, id, workflows.ActApproveReview, map[string]any{"opinion": "听证后审核同意"}, 200)
	r = e.act(p.head, id, workflows.ActDecide, map[string]any{"outcome": "penalty", "penalty": "没收违法所得并处罚款", "kinds": []string{"confiscate-gains", "fine"},
		"fine": "150000.00", "reasons": "经听证，事实清楚，当事人申辩理由不成立"}, 200)
	require.Equal(t, "service", stage(r))
	c := r.body["case"].(map[string]any)
	require.Equal(t, "held", c["hearing"].(map[string]any)["outcome"])
	clock := r.body["decision_clock"].(map[string]any)
	require.Equal(t, "met", clock["state"])
	require.Equal(t, false, clock["stopped"])
	for _, d := range c["deadlines"].([]any) {
		if dl := d.(map[string]any); dl["key"] == "decision" {
			require.Equal(t, "met", dl["state"])
			require.NotEmpty(t, dl["paused"], "the hearing's time was left out of the decision clock")
		}
	}
}
