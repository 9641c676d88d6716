package api_test

// The course of a case beside its main line, over HTTP: the decision
// clock stopped for a testing period and extended (SAMR 64), a transfer
// to a judicial organ (PL 27; SAMR 17), a suspension and its resumption
// (SAMR 46).

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

// beijing is the time zone of every legal date.
var beijing = time.FixedZone("Asia/Shanghai", 8*3600)

// caseOf reads the case as GET /cases/{id} gives it.
func (e *env) caseOf(token, id string) map[string]any {
	e.t.Helper()
	r := e.do("GET", "/cases/"+id, token, nil)
	require.Equal(e.t, http.StatusOK, r.status, string(r.raw))
	return r.body["case"].(map[string]any)
}

// decisionDeadline is the case's 90-day decision deadline.
func decisionDeadline(t *testing.T, c map[string]any) map[string]any {
	t.Helper()
	for _, d := range c["deadlines"].([]any) {
		if dl := d.(map[string]any); dl["key"] == "decision" {
			return dl
		}
	}
	require.FailNow(t, "no decision deadline", "%v", c["deadlines"])
	return nil
}

// beijingDate is the Beijing day of an RFC 3339 time the API returned.
func beijingDate(t *testing.T, v any) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, v.(string))
	require.NoError(t, err)
	y, m, d := at.In(beijing).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func day(t *testing.T, s any) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s.(string))
	require.NoError(t, err)
	return d
}

// longestHoliday is the longest run of days off in the loaded 2025–2027
// arrangements (Spring Festival 2026: 02-15 to 02-23; 2027: 02-05 to
// 02-13): a calendar-day limit moved past a holiday (SAMR 80) moves by at
// most that many days.
const longestHoliday = 9

// TestDecisionClockPausedAndExtendedOverHTTP_SAMR64: the 90 days from
// filing stop while samples are tested and run again when the result is
// recorded; the head extends them by 30 days once; a second extension by
// the head is refused — it is for the heads' collective discussion, which
// must name at least two real heads and fixes a new last day after the
// current one.
//
// The case runs in real time, so the test does not know the filing day in
// advance. It reads it from the API and checks with plain date arithmetic
// what the holiday calendar cannot change: the excluded days are the whole
// Beijing days between the testing's start and end; the extended limit's
// last day is 120 days plus those from the filing, or later by no more
// than the longest holiday when that day is a day off (SAMR 80); the last
// day the heads fix is exactly the one they wrote.
func TestDecisionClockPausedAndExtendedOverHTTP_SAMR64(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	chief := e.login("qs-chief")
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	c := e.caseOf(p.head, id)
	filed := beijingDate(t, c["filed_at"])
	dl := decisionDeadline(t, c)
	require.Equal(t, "open", dl["state"])
	require.EqualValues(t, 90, dl["amount"])
	due90 := day(t, dl["due_date"])
	require.False(t, due90.Before(filed.AddDate(0, 0, 90)), "90 days from %s, due %s", filed, due90)

	e.act(p.officer1, id, workflows.ActStartExclusion, map[string]any{"kind": "testing", "description": "抽样送省食品检验研究院检验"}, 200)
	c = e.caseOf(p.head, id)
	require.NotNil(t, decisionDeadline(t, c)["paused_at"], "the testing stops the clock")
	r := e.act(p.officer1, id, workflows.ActStartExclusion, map[string]any{"kind": "appraisal", "description": "另行委托鉴定"}, http.StatusConflict)
	require.Equal(t, "wrong_step", r.errCode(), "one excluded period at a time")
	r = e.act(p.officer1, id, workflows.ActExtendDecision, map[string]any{"days": 30, "reason": "检验未完成"}, http.StatusForbidden)
	require.Equal(t, "forbidden", r.errCode(), "only a head extends the limit")

	e.act(p.officer2, id, workflows.ActEndExclusion, map[string]any{"description": "检验报告：菌落总数超标"}, 200)
	c = e.caseOf(p.head, id)
	ex := c["exclusions"].([]any)
	require.Len(t, ex, 1)
	x := ex[0].(map[string]any)
	require.Equal(t, "testing", x["kind"])
	require.Equal(t, "检验报告：菌落总数超标", x["result"])
	excludedDays := int(beijingDate(t, x["to"]).Sub(beijingDate(t, x["from"])) / (24 * time.Hour))
	dl = decisionDeadline(t, c)
	require.Nil(t, dl["paused_at"], "the clock runs again")
	excludedField, _ := dl["excluded"].(float64) // left out of the JSON when zero
	require.EqualValues(t, excludedDays, excludedField, "the whole days of the testing are left out")
	require.Greater(t, dl["paused"], float64(0), "the time it was stopped is on the record")
	if excludedDays == 0 {
		require.Equal(t, due90.Format(time.DateOnly), dl["due_date"], "a testing within one day moves no last day")
	}

	e.act(p.head, id, workflows.ActExtendDecision, map[string]any{"days": 30, "reason": "案情复杂，需进一步调查"}, 200)
	c = e.caseOf(p.head, id)
	dl = decisionDeadline(t, c)
	require.Equal(t, []any{map[string]any{"amount": float64(30), "unit": "days", "basis": "SAMR 64 ¶1"}}, dl["extensions"])
	due120 := day(t, dl["due_date"])
	base := filed.AddDate(0, 0, 120+excludedDays)
	require.False(t, due120.Before(base), "120 days and %d excluded from %s: due %s", excludedDays, filed, due120)
	require.LessOrEqual(t, due120.Sub(base), longestHoliday*24*time.Hour, "due %s, counted %s", due120, base)

	r = e.act(p.head, id, workflows.ActExtendDecision, map[string]any{"days": 10, "reason": "仍需调查"}, http.StatusConflict)
	require.Equal(t, "collective_discussion_required", r.errCode())

	until := filed.AddDate(0, 0, 200).Format(time.DateOnly)
	discussion := func(until string, participants ...string) map[string]any {
		return map[string]any{"participants": participants, "conclusion": "案情复杂，同意延期", "record": "局长办公会议纪要 2026 年第 9 次", "until": until}
	}
	r = e.act(p.head, id, workflows.ActExtendByHeads, discussion(until, "qs-head", "qs-officer1"), http.StatusUnprocessableEntity)
	require.Equal(t, "invalid_input", r.errCode(), "an officer is not a head (PL 57 ¶2)")
	r = e.act(p.head, id, workflows.ActExtendByHeads, discussion(due120.Format(time.DateOnly), "qs-head", "qs-chief"), http.StatusUnprocessableEntity)
	require.Equal(t, "invalid_input", r.errCode(), "the new last day must come after the current one")
	r = e.act(p.officer1, id, workflows.ActExtendByHeads, discussion(until, "qs-head", "qs-chief"), http.StatusForbidden)
	require.Equal(t, "forbidden", r.errCode())
	require.Equal(t, due120.Format(time.DateOnly), decisionDeadline(t, e.caseOf(p.head, id))["due_date"], "refused discussions change nothing")

	e.act(chief, id, workflows.ActExtendByHeads, discussion(until, "qs-head", "qs-chief"), 200)
	c = e.caseOf(p.head, id)
	dl = decisionDeadline(t, c)
	require.Equal(t, until, dl["due_date"], "the heads fix the last day outright")
	require.Equal(t, "open", dl["state"])
	exts := dl["extensions"].([]any)
	require.Len(t, exts, 2)
	require.Equal(t, until, exts[1].(map[string]any)["until"])
	ds := c["discussions"].([]any)
	require.Len(t, ds, 1)
	require.ElementsMatch(t, []any{"qs-head", "qs-chief"}, ds[0].(map[string]any)["heads"])
	require.Equal(t, "extension", ds[0].(map[string]any)["purpose"])
	require.Equal(t, "investigation", c["stage"])

	events, err := e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.NoError(t, casefile.VerifyChain(events))
	require.Len(t, events, 6, "open, filing, two for the testing, two extensions: no refused act is on the record")
}

// TestTransferToJudicialOrganOverHTTP_PL27: a suspected crime found in the
// investigation is transferred by the head to the public security organ
// with the property list; an officer cannot transfer; the handling ends
// (closing, transferred-judicial, the decision limit met), nothing more can
// be investigated, and the closing form and its approval close the case.
// Alike on SQLite and PostgreSQL.
func TestTransferToJudicialOrganOverHTTP_PL27(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newEnvOn(t, d.URL)
			p := e.people()
			id := e.openCase(p.officer1)
			e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
			e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)
			transfer := map[string]any{"to": "judicial", "receiver": "青山县公安局", "reason": "货值金额五万元以上，涉嫌生产、销售伪劣产品罪",
				"properties": []string{"过期酸奶 12 盒（扣押于本局仓库）", "销售台账 1 本"}}

			r := e.act(p.officer1, id, workflows.ActTransferCase, transfer, http.StatusForbidden)
			require.Equal(t, "forbidden", r.errCode(), "a transfer is approved by a head")
			require.Equal(t, "investigation", e.caseOf(p.officer1, id)["stage"])

			r = e.act(p.head, id, workflows.ActTransferCase, transfer, 200)
			require.Equal(t, "closing", stage(r))
			c := e.caseOf(p.head, id)
			require.Equal(t, "closing", c["stage"])
			require.Equal(t, "transferred-judicial", c["outcome"])
			tr := c["transfer"].(map[string]any)
			require.Equal(t, "judicial", tr["to"])
			require.Equal(t, "青山县公安局", tr["receiver"])
			require.Len(t, tr["properties"], 2)
			require.Equal(t, "met", decisionDeadline(t, c)["state"])
			var closing map[string]any
			for _, dl := range c["deadlines"].([]any) {
				if dl := dl.(map[string]any); dl["key"] == "closing" {
					closing = dl
				}
			}
			require.NotNil(t, closing, "the 15 working days to close run from the transfer (SAMR 77)")
			require.Equal(t, "open", closing["state"])

			r = e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, http.StatusConflict)
			require.Equal(t, "wrong_step", r.errCode(), "a transferred case is not investigated any more")
			r = e.act(p.head, id, workflows.ActTransferCase, transfer, http.StatusConflict)
			require.Equal(t, "wrong_step", r.errCode(), "a case is transferred once")

			r = e.act(p.officer1, id, workflows.ActRequestClosing, map[string]any{"opinion": "已移送公安机关"}, 200)
			require.Equal(t, "closing-approval", stage(r))
			r = e.act(p.head, id, workflows.ActApproveClosing, map[string]any{"opinion": "同意结案"}, 200)
			require.Equal(t, "closed", stage(r))
			c = e.caseOf(p.head, id)
			require.Equal(t, "transferred-judicial", c["outcome"])
			for _, dl := range c["deadlines"].([]any) {
				require.Equal(t, "met", dl.(map[string]any)["state"], "deadline %v", dl)
			}

			events, err := e.app.store.Events(context.Background(), id)
			require.NoError(t, err)
			require.NoError(t, casefile.VerifyChain(events))
			var names []string
			for _, ev := range events {
				names = append(names, ev.Act)
			}
			require.Equal(t, []string{"open-case", "approve-filing", "record-evidence", "transfer-case", "request-closing", "approve-closing"}, names)
		})
	}
}

// TestSuspensionAndResumptionOverHTTP_SAMR46: the head suspends the
// investigation (an officer cannot); while it is suspended no act of the
// handling is possible and the decision clock stands still; the head
// resumes it, the clock runs again and the investigation goes on.
func TestSuspensionAndResumptionOverHTTP_SAMR46(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)

	r := e.act(p.officer1, id, workflows.ActSuspendCase, map[string]any{"opinion": "当事人下落不明"}, http.StatusForbidden)
	require.Equal(t, "forbidden", r.errCode())
	r = e.act(p.head, id, workflows.ActSuspendCase, map[string]any{"opinion": "当事人下落不明"}, 200)
	require.Equal(t, "suspended", stage(r))
	c := e.caseOf(p.head, id)
	require.Equal(t, "当事人下落不明", c["suspension"].(map[string]any)["reason"])
	require.Equal(t, "investigation", c["suspension"].(map[string]any)["stage"])
	require.NotNil(t, decisionDeadline(t, c)["paused_at"], "the suspension stops the decision clock")
	require.Contains(t, acts(e.do("GET", "/cases/"+id, p.head, nil)), "resume-case")

	refused := []struct {
		name  string
		token string
		act   casefile.Act
		body  any
	}{
		{"evidence", p.officer1, workflows.ActRecordEvidence, evidence},
		{"the report", p.officer2, workflows.ActSubmitReport, report},
		{"an excluded period", p.officer1, workflows.ActStartExclusion, map[string]any{"kind": "testing", "description": "抽样检验"}},
		{"an extension", p.head, workflows.ActExtendDecision, map[string]any{"days": 30, "reason": "案情复杂"}},
		{"a second suspension", p.head, workflows.ActSuspendCase, map[string]any{"opinion": "再次中止"}},
	}
	for _, a := range refused {
		r := e.act(a.token, id, a.act, a.body, http.StatusConflict)
		require.Equal(t, "wrong_step", r.errCode(), "%s while suspended: %s", a.name, r.raw)
	}
	require.Equal(t, "suspended", e.caseOf(p.head, id)["stage"])

	r = e.act(p.officer1, id, workflows.ActResumeCase, map[string]any{"opinion": "当事人已到案"}, http.StatusForbidden)
	require.Equal(t, "forbidden", r.errCode())
	r = e.act(p.head, id, workflows.ActResumeCase, map[string]any{"opinion": "当事人已到案"}, 200)
	require.Equal(t, "investigation", stage(r))
	c = e.caseOf(p.head, id)
	require.NotNil(t, c["suspension"].(map[string]any)["to"])
	require.Nil(t, decisionDeadline(t, c)["paused_at"], "the clock runs again")

	r = e.act(p.officer2, id, workflows.ActSubmitReport, report, 200)
	require.Equal(t, "review", stage(r))

	events, err := e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.NoError(t, casefile.VerifyChain(events))
	require.Len(t, events, 6, "open, filing, evidence, suspension, resumption, report")
}
