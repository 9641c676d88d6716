package api_test

import (
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// atomEntries are the feed's entries with what a reader sees of each.
type atomEntries struct {
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Content string `xml:"content"`
	} `xml:"entry"`
}

func (e *env) feedEntries() atomEntries {
	e.t.Helper()
	r := e.public("/public/decisions.atom")
	require.Equal(e.t, http.StatusOK, r.status, r.body)
	var f atomEntries
	require.NoError(e.t, xml.Unmarshal([]byte(r.body), &f), r.body)
	return f
}

// decidedWith walks a new case on the natural person to its decision
// served, with the report and the decision given.
func (e *env) decidedWith(p people, report, decision map[string]any) string {
	e.t.Helper()
	r := e.do("POST", "/cases", p.officer1, personCase)
	require.Equal(e.t, http.StatusCreated, r.status, string(r.raw))
	id := r.body["case"].(map[string]any)["id"].(string)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)
	e.act(p.officer2, id, workflows.ActSubmitReport, report, 200)
	e.act(p.reviewer, id, workflows.ActApproveReview, nil, 200)
	e.act(p.head, id, workflows.ActApprovePenalty, nil, 200)
	e.act(p.officer1, id, workflows.ActServeNotice, map[string]any{"method": "direct", "receiver": "王小明"}, 200)
	e.act(p.officer1, id, workflows.ActRecordWaiver, signedWaiver, 200)
	e.act(p.head, id, workflows.ActDecide, decision, 200)
	e.act(p.officer1, id, workflows.ActServeDecision, map[string]any{"method": "direct"}, 200)
	return id
}

// publicUntil is the last day of publication the public JSON shows.
func (e *env) publicUntil(t *testing.T, id string) time.Time {
	t.Helper()
	r := e.public("/api/v1/public/decisions/" + id)
	require.Equal(t, http.StatusOK, r.status, r.body)
	day, err := time.ParseInLocation(time.DateOnly, r.json(t)["public_until"].(string), beijingZone)
	require.NoError(t, err)
	return day
}

// TestPublicationWithdrawalCorrectionAndRulesOverHTTP_PL48: the rules of
// publication as the public sees them.
//
//   - A decision revoked on reconsideration is withdrawn with its public
//     reason (PL 48 ¶2): its page, the list and the feed show 已撤回, the day
//     and the reason, no longer its text, penalty or fine. A withdrawal
//     without a reason, or with one over 500 characters, is refused.
//   - A published text corrected (更正; SAMR-PUB 12) shows the new text, and
//     its page lists both versions with the day and reason of the
//     correction; the feed's entry says it was corrected.
//   - Under the built-in rule a warning with a fine of 3,000 元 is published
//     3 months (SAMR-PUB 13). Once the county's rule pack makes 1,000 元 the
//     lower fine and leaves warnings out (SAMR-PUB 2), the same decision is
//     published 3 years, and a decision that only warns is not published.
func TestPublicationWithdrawalCorrectionAndRulesOverHTTP_PL48(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	today := time.Now().In(beijingZone)

	// Withdrawn with the public reason.
	revoked := e.decidedPerson(p)
	e.act(p.officer2, revoked, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 200)
	require.Less(t, e.publicUntil(t, revoked).Sub(today), 100*24*time.Hour, "built in: 3 months for a warning with a fine below 10,000 元")
	day := today.Format(time.DateOnly)
	e.act(p.officer1, revoked, workflows.ActRecordRemedy, map[string]any{"kind": "reconsideration", "organ": "青山县人民政府", "on": day}, 200)
	e.act(p.officer1, revoked, workflows.ActEndRemedy, map[string]any{"kind": "reconsideration", "organ": "青山县人民政府", "on": day,
		"result": "青政复决〔2026〕5号：撤销原处罚决定", "outcome": "revoked"}, 200)
	for _, bad := range []string{"", "   ", strings.Repeat("撤", 501)} {
		r := e.act(p.officer1, revoked, workflows.ActWithdrawPublication, map[string]any{"opinion": bad}, 422)
		require.Equal(t, "invalid_input", r.errCode())
	}
	const reason = "该行政处罚决定已被青山县人民政府行政复议撤销"
	e.act(p.officer1, revoked, workflows.ActWithdrawPublication, map[string]any{"opinion": reason}, 200)

	page := e.public("/public/decisions/" + revoked)
	require.Equal(t, http.StatusOK, page.status, page.body)
	for _, shown := range []string{"已撤回", "撤回日期：" + day, "撤回理由：" + reason} {
		require.Contains(t, page.body, shown)
	}
	for _, hidden := range []string{"<h3>决定书内容", "警告并处罚款", "3000.00", "〔身份证号码已隐去〕", "销售超过保质期的酸奶"} {
		require.NotContains(t, page.body, hidden, "the withdrawn decision's text is no longer shown")
	}
	requireNoSecrets(t, "the withdrawal notice", page.body)
	list := e.public("/public/decisions")
	require.Contains(t, list.body, "/public/decisions/"+revoked)
	require.Contains(t, list.body, `<span class="badge">已撤回</span>`)
	require.Contains(t, list.body, reason)
	require.NotContains(t, list.body, "警告并处罚款")
	js := e.public("/api/v1/public/decisions/" + revoked).json(t)
	require.Equal(t, "withdrawn", js["status"])
	require.Equal(t, reason, js["withdrawal"])
	require.NotEmpty(t, js["withdrawn_at"])
	require.Equal(t, "", js["text"])
	require.Equal(t, "", js["penalty"])
	require.NotContains(t, js, "fine")
	entries := e.feedEntries().Entries
	require.Len(t, entries, 1)
	require.Equal(t, "urn:uuid:"+revoked, entries[0].ID)
	require.True(t, strings.HasPrefix(entries[0].Title, "【已撤回】"), entries[0].Title)
	require.Contains(t, entries[0].Content, reason)
	require.NotContains(t, entries[0].Content, "销售超过保质期的酸奶")

	// Corrected: both versions listed.
	corrected := e.decidedPerson(p)
	e.act(p.officer2, corrected, workflows.ActPublish, map[string]any{"corrected_text": "违法事实：销售超过保质期的酸奶 12 盒", "reason": "数量有误"}, 409)
	e.act(p.officer2, corrected, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 200)
	r := e.act(p.officer2, corrected, workflows.ActPublish, map[string]any{"corrected_text": "违法事实：销售超过保质期的酸奶 12 盒"}, 422)
	require.Equal(t, "invalid_input", r.errCode())
	const why = "原公示的违法事实中酸奶数量有误，更正为 10 盒"
	e.act(p.officer2, corrected, workflows.ActPublish, map[string]any{
		"corrected_text": "违法事实：王小明（电话 13812345678）销售超过保质期的酸奶 10 盒\n\n处罚决定：警告并处罚款 3000.00 元", "reason": why}, 200)
	page = e.public("/public/decisions/" + corrected)
	require.Equal(t, http.StatusOK, page.status, page.body)
	requireNoSecrets(t, "the corrected page", page.body)
	require.Contains(t, page.body, "销售超过保质期的酸奶 10 盒")
	require.NotContains(t, page.body, "酸奶 12 盒", "the earlier text is not served")
	require.Contains(t, page.body, "决定书内容（第 2 版）")
	require.Contains(t, page.body, "更正记录")
	require.Contains(t, page.body, "第 1 版 · "+day+" · 首次公示")
	require.Contains(t, page.body, "第 2 版 · "+day+" · 更正："+why)
	js = e.public("/api/v1/public/decisions/" + corrected).json(t)
	require.EqualValues(t, 2, js["version"])
	versions := js["versions"].([]any)
	require.Len(t, versions, 2)
	require.Equal(t, map[string]any{"version": float64(1), "date": day}, versions[0])
	require.Equal(t, map[string]any{"version": float64(2), "date": day, "reason": why}, versions[1])
	require.Contains(t, e.public("/public/decisions").body, `<span class="badge">已更正</span>`)
	entries = e.feedEntries().Entries
	require.Len(t, entries, 2)
	require.Equal(t, "urn:uuid:"+corrected, entries[0].ID, "the last changed first")
	require.Contains(t, entries[0].Title, "已更正，第 2 版")
	require.Contains(t, entries[0].Content, "酸奶 10 盒")

	// The county's rule pack: 1,000 元 is the lower fine, warnings left out.
	admin := e.login("jn-admin")
	pack := rulesBody(day, func(b map[string]any) {
		b["publication"] = map[string]any{"minor_fine": 100000, "omit_warnings": true}
	})
	for name, bad := range map[string]map[string]any{
		"a negative lower fine":           {"minor_fine": -1},
		"a term of 121 months":            {"months": 121},
		"a minor term longer than others": {"minor_months": 48, "months": 36},
	} {
		r := e.do("POST", "/admin/agencies/jn-lj-qs/rules", admin, rulesBody(day, func(b map[string]any) { b["publication"] = bad }))
		require.Equal(t, http.StatusUnprocessableEntity, r.status, "%s: %s", name, r.raw)
		require.Equal(t, "invalid_input", r.errCode(), name)
	}
	r = e.do("POST", "/admin/agencies/jn-lj-qs/rules", admin, pack)
	require.Equal(t, http.StatusCreated, r.status, string(r.raw))
	inForce := r.body["in_force"].(map[string]any)["publication"].(map[string]any)
	require.Equal(t, map[string]any{"minor_fine": float64(100000), "minor_months": float64(3), "months": float64(36), "omit_warnings": true}, inForce,
		"the figures left out are the built-in ones")

	threeYears := e.decidedPerson(p)
	e.act(p.officer2, threeYears, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 200)
	require.Greater(t, e.publicUntil(t, threeYears).Sub(today), 3*360*24*time.Hour, "3,000 元 is no longer a lower fine: 3 years")

	warnOnly := map[string]any{"facts": personReport["facts"], "proposal": map[string]any{"penalty": "警告", "kinds": []string{"warning"}, "fine": "0.00",
		"basis": "《中华人民共和国食品安全法》第一百二十四条"}}
	warned := e.decidedWith(p, warnOnly, map[string]any{"outcome": "penalty", "penalty": "警告", "kinds": []string{"warning"}, "fine": "0.00",
		"reasons": "王小明放弃陈述申辩，首次违法且及时改正"})
	r = e.act(p.officer2, warned, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 409)
	require.Equal(t, "wrong_step", r.errCode())
	r = e.do("GET", "/cases/"+warned+"/publication-preview", p.officer1, nil)
	require.Equal(t, http.StatusNotFound, r.status, string(r.raw))
	require.Equal(t, "nothing_to_publish", r.errCode())
	require.Equal(t, http.StatusNotFound, e.public("/public/decisions/"+warned).status)
	require.EqualValues(t, 3, e.public("/api/v1/public/decisions").json(t)["total"], "the withdrawn, the corrected and the 3-year one")
	e.act(p.officer1, warned, workflows.ActRequestClosing, map[string]any{"opinion": "警告已随决定书送达执行"}, 200)
}
